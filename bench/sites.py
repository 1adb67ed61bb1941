"""Whole-site harvests of real pages, from a start URL only: what a harvest keeps.

Run: python bench/sites.py [CORPUS_DIR] [--sites N] [--write]

The corpus pages (default `../shared/corpus/pages` from the repository root, read at run
time, never copied) are sorted by id and dealt round-robin into N small sites (default
one per shape, 50), one site shape each: a framed listing of cards with rel=next
pagination, a plain `<ul>` of links, a home page whose menu leads to section listings, an
RSS feed, a JavaScript-only listing whose items only the robots.txt sitemap gives, a
Next.js listing (`__NEXT_DATA__`), a listing whose links redirect (301), a listing whose
pages have a wrong or no charset (or no Content-Type), a WordPress blog ("Older posts")
and a table with a 0-based pager; then (bench/site_shapes_more.py) a Drupal Views listing
whose pager keeps its form's fields, a hub of three paginated sub-listings, whole-card
links, a language chooser leading to a home page, an Atom feed, a Yoast sitemap index,
"Load more", infinite scroll (`<link rel=next>` only), a listing tabbed by year, a start
URL that redirects to a listing whose links carry tracking parameters, cards with topic
chips, "Download PDF" links and a "Most read" sidebar, a TYPO3 news list (`<base href>`,
its paginator), a Squarespace blog (`?offset=`) and a listing whose items live on a
sibling host; then (bench/site_shapes_repo.py) a DSpace collection browsed by issue date,
an OJS journal's issue archive, a central bank's table mixing pages with PDF-only
publications, a GOV.UK finder, a faceted search whose results live on another host of its
domain, a WordPress "Load more" button without an address (the rest only in its
`/wp-sitemap.xml`) and an EPrints repository browsed by year; then (bench/site_shapes_noise.py,
a precision probe) four sites that also hold pages that are no publication (profiles, events,
job ads, newsletter, donation, press, program and topic pages, a podcast show, a book's shop
page, a video, search results, print views and language copies), linked from a listing's
mixed cards, a home page's blocks, a topic's landing page, or a sitemap index of every post
type; then (bench/site_shapes_traps.py) traps: a meta-refresh stub start URL, a template's
shared canonical, soft 404s in a sitemap, Drupal node paths beside aliases, and non-ASCII
paths linked in four spellings; then (bench/site_shapes_dupes.py) duplicates: AMP and
mobile-host copies, a hero block and sticky posts shown twice, WordPress posts under two
categories, a pager that never ends, and "index.html" beside folder URLs; then
(bench/site_shapes_listings.py, no sitemap or feed to fall back on) listing markups: a
definition list, utility-class cards with no heading, a blog reachable beyond its first
five posts only through its sidebar's month archives, a library grouped by year in
`<details>` blocks, and cards linked only by "Read more"; then
(bench/site_shapes_links.py) crawl traps and link forms: a listing's filter links that
combine without end, an events calendar whose months link on forever, a session id fresh
in every link of every response, item links written relative (beside a `<base href>`),
protocol-relative, with a fragment, a mixed-case host, `&amp;` or whitespace, and cards
whose share, print, email, cite, PDF and reading-list links sit beside the title; then
(bench/site_shapes_indexes.py, no sitemap) the indexes a start URL leads to: a JavaScript
listing whose items only its JSON Feed lists, a WordPress blog drawn from its REST API
(`/wp-json/wp/v2/posts`), a listing paged only by a `<select>`, an expert's profile page
listing their publications (`?page=2`), and a listing showing its first page only beside
an RSS feed of every item and a comments feed (noise). Each page is served byte for byte
at its truth URL's path (query kept; made unique), or at its platform's own address, by a
real HTTP server on 127.0.0.1, and harvested in process from the start URL alone
(`run_source`, delay 0, no retries) into a fresh store.

Per shape and in total it reports the pages linked, reached (the server's log) and
stored; the records equal to single-page extraction (`extract_page` on the same URL) on
title, authors, day, type and topics, and how the others differ; why pages were not
stored (the run report) or never reached; records that are no corpus page; the
publications that are only a file (a synthetic truth: the title and day their listing
shows) stored, and stored as listed; title, author and date accuracy against the corpus
truth (bench/accuracy.py's scoring) of the stored records beside single-page extraction
of the same pages; the pages that are no publication requested and stored (false
positives, with the pipeline's verdict); and the harvest's wall time.
`--write` puts the tables into docs/benchmarks.md between the sites markers. A benchmark,
not a test: no number is asserted.

The sites (their model, shapes and loopback server) are in bench/site_shapes.py; this
module harvests them, judges each page's fate, reports, and writes the docs section.
"""

from __future__ import annotations

import argparse
import logging
import re
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from harvester import extract_page, pagekind
from harvester.canonical import canonical_url, record_key
from harvester.config import Config, Settings, Source
from harvester.dates import local_day
from harvester.extract import default_vocabulary
from harvester.fetch import Fetcher
from harvester.pipeline import run_source
from harvester.record import Record
from harvester.store import FetchState, Store

# Run as a script, this folder comes first on sys.path, where bench/feeds.py would shadow the
# feeds package: it goes last, and bench/accuracy.py and bench/site_shapes.py come from there.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

from accuracy import Guess, Tally, score  # noqa: E402
from site_shapes import SHAPES, Case, Site, build, load, serve  # noqa: E402
from site_shapes_dupes import DUPE_SHAPES  # noqa: E402
from site_shapes_indexes import INDEX_SHAPES  # noqa: E402
from site_shapes_links import LINK_SHAPES  # noqa: E402
from site_shapes_listings import LISTING_SHAPES  # noqa: E402
from site_shapes_more import MORE_SHAPES  # noqa: E402
from site_shapes_noise import NOISE_SHAPES, noise_of  # noqa: E402
from site_shapes_repo import REPO_SHAPES  # noqa: E402
from site_shapes_traps import TRAP_SHAPES  # noqa: E402

SHAPES.update(MORE_SHAPES)  # the shapes of bench/site_shapes_more.py come after the first ten
SHAPES.update(REPO_SHAPES)  # then bench/site_shapes_repo.py's
SHAPES.update(NOISE_SHAPES)  # then bench/site_shapes_noise.py's precision probe
SHAPES.update(TRAP_SHAPES)  # then bench/site_shapes_traps.py's traps
SHAPES.update(DUPE_SHAPES)  # then bench/site_shapes_dupes.py's duplicates
SHAPES.update(LISTING_SHAPES)  # then bench/site_shapes_listings.py's listing markups
SHAPES.update(LINK_SHAPES)  # then bench/site_shapes_links.py's crawl traps and link forms
SHAPES.update(INDEX_SHAPES)  # then bench/site_shapes_indexes.py's indexes

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "pages"
DOC = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- sites:begin -->", "<!-- sites:end -->"
AFTER = "<!-- harvest:end -->"
FACETS = ("title", "authors", "date", "type", "topics")


# -- harvesting -----------------------------------------------------------------------------

class Dropped(logging.Handler):
    """Collect the links discovery dropped and why (harvester.classify's debug log)."""

    def __init__(self) -> None:
        """Start with none."""
        super().__init__(logging.DEBUG)
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        """Keep a dropped link's first reason."""
        if record.msg == "dropped link %s: %s" and isinstance(record.args, tuple):
            self.reasons.setdefault(str(record.args[0]), str(record.args[1]))


@contextmanager
def watched(site: Site) -> Iterator[Dropped]:
    """Collect dropped links, and refuse (noting them) name lookups of any host but the
    loopback: the harvest must never reach the internet."""
    dropped, logger, real = Dropped(), logging.getLogger("harvester.classify"), \
        socket.getaddrinfo

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        """Resolve the loopback only."""
        if host in site.names:
            host = "127.0.0.1"  # a name the site answers to (a sibling host): the loopback
        if host not in ("127.0.0.1", "localhost"):
            site.offsite.append(str(host))
            raise socket.gaierror(socket.EAI_NONAME, "benchmark is offline")
        return real(host, *args, **kwargs)

    level = logger.level
    logger.addHandler(dropped)
    logger.setLevel(logging.DEBUG)
    socket.getaddrinfo = lookup
    try:
        yield dropped
    finally:
        socket.getaddrinfo = real
        logger.removeHandler(dropped)
        logger.setLevel(level)


@contextmanager
def verdicts() -> Iterator[dict[str, str]]:
    """Collect the pipeline's verdict on each page it judged (`pagekind.page_kind`, with the
    card that led to it), by the page's URL."""
    found: dict[str, str] = {}
    real = pagekind.page_kind

    def judged(doc: Any, record: Any = None) -> pagekind.PageKind:
        """Judge a page as the pipeline does, and note the verdict."""
        verdict = real(doc, record)
        if doc.url:
            found[doc.url] = verdict.reason
        return verdict

    pagekind.page_kind = judged  # type: ignore[assignment]
    try:
        yield found
    finally:
        pagekind.page_kind = real  # type: ignore[assignment]


def harvest(site: Site, folder: Path) -> Result:
    """Harvest a served site from its start URL into a fresh store; measure what it kept."""
    settings = Settings(data_dir=folder / "data", out_dir=folder / "out", delay=0.0,
                        retries=0, timeout=10.0, max_pages=50)
    source = Source(name="site", start_urls=(site.base + site.start,))
    config = Config(path=None, settings=settings, sources=(source,),
                    vocabulary=default_vocabulary())
    with Store.open(settings.data_dir) as store, Fetcher(settings) as fetcher:
        with watched(site) as dropped, verdicts() as judged:
            began = time.perf_counter()
            report = run_source(source, config, store=store, fetcher=fetcher)
            result = Result(site.shape, site.start, time.perf_counter() - began)
        result.error, result.offsite = report.error, sorted(set(site.offsite))
        result.requests, result.missing = len(site.hits), sum(s == 404 for _, s in site.hits)
        judge(site, store, [*report.skipped, *report.failures], dropped.reasons, result)
        judge_noise(site, store, [*report.skipped, *report.failures], judged, result)
    return result


# -- judging --------------------------------------------------------------------------------

@dataclass
class Result:
    """What one site's harvest kept, page by page, against single-page extraction."""

    shape: str
    start: str
    seconds: float = 0.0
    error: str | None = None
    linked: int = 0
    reached: int = 0
    stored: int = 0
    records: set[str] = field(default_factory=set)
    equal: int = 0
    differ: int = 0
    diffs: Counter[tuple[str, str]] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    # Pages of the site that are no corpus page (its listings, hubs, feeds), fetched and
    # skipped or failed: (path, reason). A listing read as a publication shows here.
    refused: list[tuple[str, str]] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    never: int = 0
    elsewhere: int = 0
    requests: int = 0
    missing: int = 0
    harvest: Tally = field(default_factory=Tally)
    page: Tally = field(default_factory=Tally)
    titles: Counter[str] = field(default_factory=Counter)
    # Publications that are only a file: (shape, titled by its link, URL, outcome); stored
    # ones' outcome is "as listed" or how title, day or URL differ.
    files: list[tuple[str, bool, str, str]] = field(default_factory=list)
    # Pages that are no publication (bench/site_shapes_noise.py): (path, kind, requested,
    # fate), the fate "stored ..." for a false positive.
    noise: list[tuple[str, str, bool, str]] = field(default_factory=list)

    def lose(self, reason: str, case: str) -> None:
        """Count a page not stored, under its (grouped) reason."""
        self.lost[reason] += 1
        self.examples.setdefault(reason, []).append(case)

    def add(self, other: Result) -> None:
        """Add another site's counts to these (for the total)."""
        for name in ("seconds", "linked", "reached", "stored", "equal", "differ", "never",
                     "elsewhere", "requests", "missing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.records |= other.records
        self.extra += other.extra
        self.refused += other.refused
        self.files += other.files
        self.noise += other.noise
        for mine, theirs in ((self.diffs, other.diffs), (self.lost, other.lost),
                             (self.titles, other.titles)):
            mine.update(theirs)
        for reason, cases in other.examples.items():
            self.examples.setdefault(reason, []).extend(cases)
        for mine_tally, theirs_tally in ((self.harvest, other.harvest), (self.page, other.page)):
            for name, value in theirs_tally.sums.items():
                mine_tally.sums[name] = mine_tally.sums.get(name, 0.0) + value
                mine_tally.counts[name] = mine_tally.counts.get(name, 0) + \
                    theirs_tally.counts[name]


def judge(site: Site, store: Store, reasons: list[tuple[str, str]], dropped: dict[str, str],
          result: Result) -> None:
    """Fill a result in: each served page's fate, its record against the page alone."""
    requested = {key for key, _ in site.hits}
    for s in site.served:
        urls = [site.url(s.link), site.url(s.path)]
        result.linked += 1
        result.titles[s.case.title_from] += 1
        reached = s.path in requested or s.link in requested
        result.reached += reached
        record = stored_record(store, urls)
        if record is None:
            result.never += not reached
            result.lose(fate(store, urls, reached, dict(reasons), dropped, site.via),
                        s.case.id)
            continue
        result.stored += 1
        result.records.add(record.url)
        single = extract_page(s.case.body, site.url(s.path))
        compare(facets(record), facets(single), result)
        score(s.case.truth, guess(record), result.harvest)
        score(s.case.truth, guess(single), result.page)
    files = judge_files(site, store, dict(reasons), result)
    result.extra = [r.url for r in store.records() if r.url not in result.records | files]
    cases = {record_key(site.url(k)) for s in site.served for k in (s.link, s.path)}
    cases |= {record_key(site.url(f.link)) for f in site.files}
    result.refused = [(url.split("/", 3)[-1], reason) for url, reason in reasons
                      if record_key(url) not in cases]
    own = (site.base, *(site.url(prefix + "/") for prefix in site.names.values()))
    result.elsewhere = sum(not url.startswith(own) for url in result.records)


def judge_files(site: Site, store: Store, reasons: dict[str, str], result: Result) -> set[str]:
    """Note each file publication's fate against its listing's title, day and URL; return
    the URLs of their records."""
    urls = set()
    requested = {key for key, _ in site.hits}
    for f in site.files:
        url = site.url(f.link)
        record = stored_record(store, [url])
        if record is None:
            keys = (record_key(url), canonical_url(url), url)
            why = next((reasons[k] for k in keys if k in reasons), None)
            how = "not stored: " + (group(why) if why else "requested as a page" if f.link in
                                    requested else "no record made of its listing entry")
        else:
            urls.add(record.url)
            day = local_day(record.published) if record.published else None
            how = "; ".join(
                f"{name} {got!r}" for name, got, want in (
                    ("title", record.title, f.title), ("day", day and day.isoformat(),
                                                       f.day and f.day.isoformat()),
                    ("URL", record.url, canonical_url(url))) if got != want) or "as listed"
        result.files.append((site.shape, f.titled, f.link, how))
    return urls


def judge_noise(site: Site, store: Store, reasons: list[tuple[str, str]],
                judged: dict[str, str], result: Result) -> None:
    """Note the fate of each page that is no publication (bench/site_shapes_noise.py): not
    requested, skipped (why), or stored: a false positive (its record's type, and why the
    harvest read it as a publication) or a copy stored into a corpus page's record."""
    requested, why = {key for key, _ in site.hits}, dict(reasons)
    for noise in noise_of(site):
        url = site.url(noise.path)
        asked = noise.path in requested
        record = stored_record(store, [url])
        if record is not None:
            verdict = next((judged[u] for u in (url, canonical_url(url)) if u in judged), "?")
            into = " into a corpus page's record" if record.url in result.records else ""
            how = f"stored{into} (type {record.type}; {verdict})"
        elif asked:
            keys = (record_key(url), canonical_url(url), url)
            reason = next((why[k] for k in keys if k in why), None)
            kind = next((s.kind for s in states(store, [url]) if s.kind != "page"), None)
            how = group(reason) if reason else f"requested as a {kind}" if kind else \
                "requested, no outcome"
        else:
            how = "not requested"
        result.noise.append((noise.path, noise.kind, asked, how))


def states(store: Store, urls: list[str]) -> Iterator[FetchState]:
    """Yield the fetch states the store keeps for a page's URLs (as linked, canonical)."""
    for url in dict.fromkeys(v for u in urls for v in (u, canonical_url(u))):
        state = store.fetch_state(url)
        if state is not None:
            yield state


def stored_record(store: Store, urls: list[str]) -> Record | None:
    """Return the record the store keeps for a page fetched under one of these URLs."""
    state = next((s for s in states(store, urls) if s.record_url), None)
    return store.get(state.record_url) if state and state.record_url else None


def fate(store: Store, urls: list[str], reached: bool, reasons: dict[str, str],
         dropped: dict[str, str], via: str) -> str:
    """Return why a page has no record: the run report's reason, the reason discovery
    dropped its link, or what it was read as."""
    keys = [k for u in urls for k in (record_key(u), canonical_url(u), u)]
    reason = next((reasons[k] for k in keys if k in reasons), None)
    if reason:
        return group(reason)
    if not reached:
        why = next((dropped[k] for k in keys if k in dropped), None)
        return f"never requested: link dropped ({group(why)})" if why else \
            f"never requested: not kept from the {via} (no reason logged)"
    kind = next((s.kind for s in states(store, urls) if s.kind != "page"), None)
    return f"requested as a {kind}, not as a page" if kind else "requested, no outcome"


def group(reason: str) -> str:
    """Return a skip or failure reason without its page-specific numbers (HTTP's kept)."""
    return re.sub(r"(?<!HTTP )\b\d+(?:\.\d+)?", "N", reason)


def facets(record: Record) -> dict[str, Any]:
    """Return the compared fields of a record: title, author names, day, type, topics."""
    day = local_day(record.published) if record.published else None
    return {"title": record.title, "authors": tuple(a.name for a in record.authors),
            "date": day, "type": record.type, "topics": tuple(record.topics)}


def compare(harvested: dict[str, Any], alone: dict[str, Any], result: Result) -> None:
    """Count a record equal to its page alone, or how each field differs."""
    differ = [name for name in FACETS if harvested[name] != alone[name]]
    result.equal += not differ
    result.differ += bool(differ)
    for name in differ:
        how = "filled" if not alone[name] else "lost" if not harvested[name] else "changed"
        result.diffs[(name, how)] += 1


def guess(record: Record) -> Guess:
    """Return a record as bench/accuracy.py's Guess."""
    day = local_day(record.published).isoformat() if record.published else None
    return Guess(record.title, [a.name for a in record.authors], day, list(record.topics))


# -- reporting ------------------------------------------------------------------------------

def pct(tally: Tally, name: str) -> str:
    """Format a tally's mean (or a dash)."""
    value = tally.mean(name)
    return "–" if value is None else f"{value:.1f}%"


def tables(results: list[Result], total: Result) -> str:
    """Return the Markdown tables: fates, accuracy, differences and reasons."""
    rows = [*results, total]
    lines = ["| Site shape | Start URL | Pages linked | Reached | Stored | Records | Equal to "
             "page alone | Differ | Not stored | Never requested | Other records | Requests "
             "(404) | Seconds |", "|" + "---|" * 13]
    for r in rows:
        start = f"`{r.start}`" if r.start else "–"
        lines.append(f"| {r.shape} | {start} | {r.linked} | {r.reached} | {r.stored} | "
                     f"{len(r.records)} | {r.equal} | {r.differ} | {r.linked - r.stored} | "
                     f"{r.never} | {len(r.extra)} | {r.requests} ({r.missing}) | {r.seconds:.1f} |")
    lines += ["", "Stored pages against the corpus truth, harvested record / the page "
              "extracted alone (bench/accuracy.py's scoring):", "",
              "| Site shape | Title exact | Authors F1 | Date exact | Scored (title, authors, "
              "date) |", "|---|---|---|---|---|"]
    for r in rows:
        cells = [f"{pct(r.harvest, m)} / {pct(r.page, m)}" for m in ("title", "authors", "date")]
        counts = ", ".join(str(r.harvest.counts.get(m, 0)) for m in ("title", "authors", "date"))
        lines.append(f"| {r.shape} | " + " | ".join(cells) + f" | {counts} |")
    lines += ["", "Fields of stored records that differ from the page alone, as filled by the "
              "card where the page had none / changed / lost:", "",
              "| Site shape | " + " | ".join(FACETS) + " |", "|" + "---|" * (len(FACETS) + 1)]
    for r in rows:
        cells = [" / ".join(str(r.diffs.get((f, h), 0)) for h in ("filled", "changed", "lost"))
                 for f in FACETS]
        lines.append(f"| {r.shape} | " + " | ".join(cells) + " |")
    lines += ["", "Pages not stored, by reason (numbers in reasons shown as N):", "",
              "| Reason | Pages | Site shapes | Examples (corpus ids) |", "|---|---|---|---|"]
    for reason, count in total.lost.most_common():
        shapes = ", ".join(f"{r.shape} {r.lost[reason]}" for r in results if r.lost[reason])
        examples = ", ".join(total.examples[reason][:3])
        lines.append(f"| {reason.replace('|', '/')} | {count} | {shapes} | {examples} |")
    return "\n".join(lines + file_table(results) + noise_table(results))


def file_table(results: list[Result]) -> list[str]:
    """Return the table of publications that are only a file (none when no site has one)."""
    rows = [r for r in results if r.files]
    if not rows:
        return []
    lines = ["", "Publications that are only a file, against the title and day their listing "
             "shows (a synthetic truth; titled by their link / a bare \"PDF\" link beside an "
             "unlinked title, which README's Limits says no harvest records):", "",
             "| Site shape | Files (titled / bare) | Stored | As listed (title, day, URL) |",
             "|---|---|---|---|"]
    for r in rows:
        titled = [f for f in r.files if f[1]]
        stored = [f for f in r.files if not f[3].startswith("not stored")]
        lines.append(f"| {r.shape} | {len(titled)} / {len(r.files) - len(titled)} | "
                     f"{len(stored)} | {sum(f[3] == 'as listed' for f in r.files)} |")
    missed = [f"- {shape}: `{link}` ({'titled' if titled else 'bare link'}): {how}"
              for r in rows for shape, titled, link, how in r.files if how != "as listed"]
    return lines + (["", "Files not stored as listed:", "", *missed] if missed else [])


def noise_table(results: list[Result]) -> list[str]:
    """Return the precision probe's table: the pages that are no publication, requested and
    stored (false positives), with the stored ones and the requests' fates listed (none
    when no site has such pages)."""
    rows = [r for r in results if r.noise]
    if not rows:
        return []
    lines = ["", "Pages that are no publication (bench/site_shapes_noise.py's precision probe): "
             "served, requested, stored as records of their own (false positives; events "
             "apart, a judgment call) or into a corpus page's record, beside the corpus pages "
             "of the same sites lost:", "",
             "| Site shape | Noise pages | Requested | Stored (false positives) | Of which "
             "events | Into a corpus record | Corpus pages lost | Requests (404) |",
             "|" + "---|" * 8]
    for r in rows:
        own = [n for n in r.noise if n[3].startswith("stored (")]
        lines.append(f"| {r.shape} | {len(r.noise)} | {sum(n[2] for n in r.noise)} | "
                     f"{len(own)} | {sum(n[1] == 'event' for n in own)} | "
                     f"{sum(n[3].startswith('stored into') for n in r.noise)} | "
                     f"{r.linked - r.stored} | {r.requests} ({r.missing}) |")
    stored = [f"- {r.shape}: `{path}` ({kind}): {how}" for r in rows
              for path, kind, _, how in r.noise if how.startswith("stored")]
    fates = Counter((kind, how) for r in rows for _, kind, asked, how in r.noise
                    if asked and not how.startswith("stored"))
    skipped = [f"- {kind}: {how} ({count})" for (kind, how), count in sorted(fates.items())]
    return lines + ["", "Noise pages stored:", "", *(stored or ["- none"]), "",
                    "Noise pages requested and not stored, by kind and reason (pages):", "",
                    *(skipped or ["- none"])]


def notes(results: list[Result], total: Result) -> str:
    """Return the notes under the tables: card titles, errors and other records."""
    t = total.titles
    lines = [f"Card titles: {t['truth']} from the truth, {t['extracted']} extracted from the "
             f"page by `extract_page` (no title annotated), {t['id']} the corpus id (no title "
             "at all). " + NOTES]
    if total.elsewhere:
        lines.append(f"{total.elsewhere} records are stored under the canonical URL their "
                     "page declares on its original host (no loss: a real site's canonical "
                     "is on its own host).")
    merged = total.stored - len(total.records)
    if merged:
        lines.append(f"{merged} stored pages share a record with another page.")
    for r in results:
        if r.error:
            lines.append(f"{r.shape}: the run ended with an error: {r.error}")
        if r.offsite:
            lines.append(f"{r.shape}: name lookups of other hosts refused (the benchmark is "
                         "offline): " + ", ".join(f"`{h}`" for h in r.offsite))
        if r.extra:
            lines.append(f"{r.shape}: records of no corpus page: "
                         + ", ".join(f"`{u}`" for u in r.extra[:5]))
        if r.refused:
            lines.append(f"{r.shape}: pages of the site that are no corpus page, skipped or "
                         "failed: " + ", ".join(
                             f"`/{u}` ({group(why)})" for u, why in r.refused[:5]))
    return "\n\n".join(lines)


NOTES = """\
Cards, feed items, sitemap entries and data items carry the truth's day when it is \
annotated, else none: a title or day that a card fills in or changes is the truth's, so \
the harvested columns gain from the listing's evidence, not from extraction; a card's \
type (a kicker) and topic (a chip) are the truth's, else the page's own read alone, else \
none. The server answers as nginx or Apache do: a path with merged slashes, without \
`;jsessionid=`, without its folder's `index.html` or a trailing slash, or without some \
query parameters (the tracking ones a harvest drops) is the same page; anything else is \
a 404. Pages are served as `text/html` without a charset (as `extract_page` reads them), \
except in the charset site: in turn `charset=iso-8859-1`, no Content-Type at all, and \
`charset=utf-8`. "Never requested: link dropped (...)" quotes discovery's debug log \
(`harvester.classify`); a sitemap, feed or data item left out is not logged. Name \
lookups of any host but 127.0.0.1 are refused and listed below, except the `.test` names \
(RFC 6761) of the subdomain and facets+host sites, answered with 127.0.0.1: the benchmark \
never reaches the internet."""


def section(text: str, command: str) -> str:
    """Return the docs/benchmarks.md section."""
    import os
    import platform

    return "\n".join([
        BEGIN, "## Whole-site harvests (`bench/sites.py`)", "", "Command (from a checkout):",
        "", "```", command, "```", "",
        f"Measured {date.today()} on {platform.machine()} with {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}. The corpus pages are dealt round-robin (sorted by id) "
        "into sites of one shape each, served by a real HTTP server on 127.0.0.1 at their "
        "truth URL's path, and each site is harvested in process from its start URL alone "
        "(delay 0, no retries) into a fresh store. \"Equal to page alone\" compares title, "
        "author names, day, type and topics with `extract_page` of the same bytes and URL. "
        "Seconds are the harvest's wall time.", "", text, END])


def write_doc(text: str) -> None:
    """Replace the sites section of docs/benchmarks.md, or put it after the harvest one."""
    doc = DOC.read_text(encoding="utf-8")
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + text + rest.split(END, 1)[1]
    elif AFTER in doc:
        head, rest = doc.split(AFTER, 1)
        doc = head + AFTER + "\n\n" + text + rest
    else:
        doc = doc.rstrip("\n") + "\n\n" + text + "\n"
    DOC.write_text(doc, encoding="utf-8")


def run(cases: list[Case], count: int) -> list[Result]:
    """Build, serve and harvest `count` sites of the cases dealt round-robin."""
    shapes = list(SHAPES)
    results = []
    for k in range(count):
        site = Site(shapes[k % len(shapes)])
        with serve(site), tempfile.TemporaryDirectory(prefix="pubharvest-sites-") as folder:
            build(site, cases[k::count])
            results.append(harvest(site, Path(folder)))
        print(f"{site.shape}: {results[-1].stored} of {results[-1].linked} pages stored "
              f"in {results[-1].seconds:.1f} s", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    """Harvest the sites and print (and with --write, record) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=CORPUS,
                        help="folder of <id>.html + <id>.json cases")
    parser.add_argument("--sites", type=int, default=len(SHAPES), help="how many sites")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)
    logging.getLogger("harvester").setLevel(logging.ERROR)
    cases = load(args.corpus)
    results = run(cases, max(1, min(args.sites, len(cases))))
    total = Result("total", "")
    for result in results:
        total.add(result)
    text = tables(results, total) + "\n\n" + notes(results, total)
    print("\n" + text)
    if args.write:
        given = [] if args.corpus == CORPUS else ["CORPUS_DIR"]
        sites = [] if args.sites == len(SHAPES) else ["--sites", str(args.sites)]
        write_doc(section(text, " ".join(["python bench/sites.py", *given, *sites, "--write"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
