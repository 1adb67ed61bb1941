"""Metadata accuracy and speed, ours side by side with peers, over a folder of real pages.

Usage:
    python bench/accuracy.py CORPUS_DIR [--tools ours,trafilatura,htmldate,newspaper4k,
        extruct,goose3] [--limit N] [--write docs/benchmarks.md] [--show FIELD]

CORPUS_DIR holds `<id>.html` (raw bytes) beside `<id>.json` (url, title, authors,
date, date_alt, tags; null = not annotated). Scoring follows the corpus README:
titles compared after NFKC, casefold, unified quotes/dashes and stripped
punctuation ("contains" reported as a softer figure); authors as a set F1 over
normalized names (an empty truth list counts); the exact day (or a `date_alt`
day) and the same month; tags as a casefolded set F1; speed as pages per second
of the tool's own call (CPU time of this process, so that other load on the machine
does not count), after imports, on one core; the "lxml" row (parsing only) is the
yardstick. A tool that raises on a page scores 0 there and its errors are counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("title", "authors", "date", "tags")
REPO = Path(__file__).resolve().parents[1]
# The section `--write` replaces: "accuracy" (the development corpus) or another name
# ("heldout": bench/heldout/pages), each between its own markers.
SECTIONS = {"accuracy": "Metadata accuracy", "heldout": "Metadata accuracy on held-out pages",
            "heldout2": "Metadata accuracy on held-out pages, round 2",
            "heldout3": "Metadata accuracy on held-out pages, round 3",
            "heldout4": "Metadata accuracy on held-out pages, round 4",
            "heldout5": "Metadata accuracy on held-out pages, round 5",
            "heldout6": "Metadata accuracy on held-out pages, round 6",
            "heldout7": "Metadata accuracy on held-out pages, round 7",
            "heldout8": "Metadata accuracy on held-out pages, round 8",
            "heldout9": "Metadata accuracy on held-out pages, round 9 (blind)"}


def markers(section: str) -> tuple[str, str]:
    """Return the begin and end markers of a section of the benchmarks file."""
    return f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00ab": '"',
                         "\u00bb": '"', "\u201e": '"', "\u2010": "-", "\u2011": "-"})
_HONORIFICS = re.compile(r"\b(?:dr|prof|mr|mrs|ms|sir|phd|ph\s?d|md|mba|jd|esq)\b\.?")


@dataclass
class Guess:
    """What one tool said about one page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Running scores of one tool."""

    sums: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    pages: int = 0
    errors: int = 0

    def add(self, name: str, value: float) -> None:
        """Add one case's score for a metric."""
        self.sums[name] = self.sums.get(name, 0.0) + value
        self.counts[name] = self.counts.get(name, 0) + 1

    def mean(self, name: str) -> float | None:
        """Return the mean of a metric in percent, or None if nothing was scored."""
        n = self.counts.get(name, 0)
        return 100.0 * self.sums[name] / n if n else None


# --- tools ----------------------------------------------------------------------------------

def tool_ours() -> Callable[[bytes, str | None], Guess]:
    """Return our extractor as a tool."""
    from harvester.dates import local_day
    from harvester.extract import extract_page

    def run(body: bytes, url: str | None) -> Guess:
        record = extract_page(body, url)
        day = local_day(record.published).isoformat() if record.published else None
        return Guess(record.title, [a.name for a in record.authors], day, list(record.topics))
    return run


def tool_trafilatura() -> Callable[[bytes, str | None], Guess]:
    """Return trafilatura's metadata extraction as a tool."""
    from trafilatura import load_html
    from trafilatura.metadata import extract_metadata

    def run(body: bytes, url: str | None) -> Guess:
        meta = extract_metadata(load_html(body), default_url=url)
        authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
        return Guess(meta.title, authors, meta.date, list(meta.tags or []))
    return run


def tool_htmldate() -> Callable[[bytes, str | None], Guess]:
    """Return htmldate (dates only) as a tool."""
    from htmldate import find_date

    def run(body: bytes, url: str | None) -> Guess:
        return Guess(date=find_date(body, url=url, original_date=True))
    return run


def tool_newspaper4k() -> Callable[[bytes, str | None], Guess]:
    """Return newspaper4k's Article parser as a tool."""
    from newspaper import Article
    from newspaper.configuration import Configuration

    config = Configuration()
    config.fetch_images = False  # it would download images: a benchmark stays offline
    config.memoize_articles = False

    def run(body: bytes, url: str | None) -> Guess:
        article = Article(url or "http://example.invalid/", config=config)
        article.download(input_html=body.decode("utf-8", "replace"))
        article.parse()
        day = article.publish_date.date().isoformat() if article.publish_date else None
        tags = list(article.tags or []) or list(article.meta_keywords or [])
        return Guess(article.title or None, list(article.authors or []), day, tags)
    return run


def tool_goose3() -> Callable[[bytes, str | None], Guess]:
    """Return goose3 as a tool."""
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})  # offline: never fetch images

    def run(body: bytes, url: str | None) -> Guess:
        article = goose.extract(raw_html=body.decode("utf-8", "replace"))
        day = str(article.publish_date)[:10] if article.publish_date else None
        tags = list(article.tags or []) or [t for t in (article.meta_keywords or "").split(",")]
        return Guess(article.title or None, list(article.authors or []), day, tags)
    return run


def tool_extruct() -> Callable[[bytes, str | None], Guess]:
    """Return extruct (JSON-LD, OpenGraph, microdata, Dublin Core) with a simple field mapping."""
    import extruct

    def run(body: bytes, url: str | None) -> Guess:
        data = extruct.extract(body, base_url=url, uniform=True, errors="ignore",
                               syntaxes=["json-ld", "microdata", "opengraph", "dublincore"])
        items = [i for key in ("json-ld", "microdata") for i in data.get(key, [])
                 if isinstance(i, dict)]
        og = next(iter(data.get("opengraph") or []), {})
        dc = next(iter(data.get("dublincore") or []), {})
        art = next((i for i in items if i.get("headline") or i.get("datePublished")), {})
        authors = _names(art.get("author"))
        keywords = art.get("keywords") or og.get("article:tag") or []
        tags = keywords.split(",") if isinstance(keywords, str) else list(keywords)
        title = art.get("headline") or og.get("og:title") or _first(dc.get("elements"), "title")
        date = art.get("datePublished") or og.get("article:published_time")
        return Guess(_str(title), authors, _str(date)[:10] if date else None, tags)
    return run


def _names(value: Any) -> list[str]:
    """Return the names in a JSON-LD author value."""
    items = value if isinstance(value, list) else [value]
    names = [i.get("name") if isinstance(i, dict) else i for i in items]
    return [n for n in names if isinstance(n, str) and n.strip()]


def _first(elements: Any, name: str) -> str | None:
    """Return the first Dublin Core element of that name."""
    for el in elements or []:
        if isinstance(el, dict) and el.get("name", "").lower().endswith(name):
            return el.get("content")
    return None


def _str(value: Any) -> str:
    """Return a string from a value that may be a list."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return value if isinstance(value, str) else ""


def tool_lxml() -> Callable[[bytes, str | None], Guess]:
    """Return lxml's HTML parser alone (no extraction): the speed yardstick."""
    from lxml import html

    def run(body: bytes, url: str | None) -> Guess:
        html.document_fromstring(body)
        return Guess()
    return run


#: Fields a tool does not attempt are shown as a dash, not as 0%.
ATTEMPTS = {"lxml": (), "htmldate": ("date",)}
TOOLS = {"ours": tool_ours, "lxml": tool_lxml, "trafilatura": tool_trafilatura,
         "htmldate": tool_htmldate, "newspaper4k": tool_newspaper4k, "extruct": tool_extruct,
         "goose3": tool_goose3}


# --- scoring --------------------------------------------------------------------------------

def norm_title(text: str | None) -> str:
    """Normalize a title for comparison (NFKC, casefold, quotes, dashes, punctuation)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_QUOTES)
    return " ".join(text.split()).strip(" \t.,;:!?\"'()[]-|")


def norm_name(name: str) -> str:
    """Normalize a name: casefold, no accents, honorifics, degrees or punctuation."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    if name.count(",") == 1:
        last, first = name.split(",")
        if first.strip() and not _HONORIFICS.fullmatch(first.strip()):
            name = f"{first} {last}"
    name = _HONORIFICS.sub(" ", name)
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def f1(truth: set[str], guess: set[str]) -> float:
    """Return the set F1 (1 when both are empty)."""
    if not truth and not guess:
        return 1.0
    hits = len(truth & guess)
    if not hits:
        return 0.0
    precision, recall = hits / len(guess), hits / len(truth)
    return 2 * precision * recall / (precision + recall)


def score(case: dict[str, Any], guess: Guess, tally: Tally) -> dict[str, float]:
    """Score one guess against one case's truth; return the per-field scores."""
    got: dict[str, float] = {}
    if case.get("title") is not None:
        truth, pred = norm_title(case["title"]), norm_title(guess.title)
        got["title"] = float(truth == pred)
        tally.add("title_contains", float(bool(pred) and (truth in pred or pred in truth)))
    if case.get("authors") is not None:
        got["authors"] = f1({norm_name(a) for a in case["authors"]} - {""},
                            {norm_name(a) for a in guess.authors} - {""})
    if case.get("date"):
        days = {case["date"], *(case.get("date_alt") or [])}
        got["date"] = float((guess.date or "")[:10] in days)
        tally.add("date_month", float((guess.date or "")[:7] in {d[:7] for d in days}))
    if case.get("tags") is not None:
        got["tags"] = f1({t.strip().casefold() for t in case["tags"]} - {""},
                         {t.strip().casefold() for t in guess.tags} - {""})
    for name, value in got.items():
        tally.add(name, value)
    return got


# --- running --------------------------------------------------------------------------------

def load_cases(folder: Path, limit: int | None) -> list[tuple[dict[str, Any], bytes]]:
    """Return (truth, html bytes) for each case of the corpus folder, sorted by id."""
    cases = []
    for meta in sorted(folder.glob("*.json")):
        page = meta.with_suffix(".html")
        if page.is_file():
            cases.append((json.loads(meta.read_text("utf-8")), page.read_bytes()))
    return cases[:limit] if limit else cases


def run_tools(names: list[str], cases: list[tuple[dict[str, Any], bytes]],
              show: str | None) -> dict[str, Tally]:
    """Run the tools page by page, each page through every tool in turn, and return their
    tallies (printing our misses when asked).

    Taking turns on each page gives every tool the same machine: a shared machine whose
    speed drifts during the run slows all tools alike, so their speeds compare fairly.
    """
    tools = {name: TOOLS[name]() for name in names}
    tallies = {name: Tally() for name in names}
    for case, body in cases:
        for name, tool in tools.items():
            tally = tallies[name]
            start = time.process_time()
            try:
                guess = tool(body, case.get("url"))
            except Exception:  # a crashing peer scores 0 on that page, counted
                guess = Guess()
                tally.errors += 1
            tally.seconds += time.process_time() - start
            tally.pages += 1
            got = score(case, guess, tally)
            if show and name == "ours" and got.get(show, 1.0) < 1.0:
                print(f"MISS {case['id']}: truth={case.get(show)!r} "
                      f"guess={getattr(guess, show)!r}")
    return tallies


NOTES = """\
Scoring as in the corpus README (title exact after NFKC/casefold/quotes/dashes/punctuation,
"contains" either way; authors set F1 over normalized names, an empty truth counts; the
exact day or a `date_alt` day, and the same month; tags casefolded set F1). Speed is pages
per second of CPU time spent in each tool's call in this process (after imports), each page
going through every tool in turn, so other load on a shared machine counts alike for all;
the `lxml` row is `lxml.html.document_fromstring`
alone, the yardstick for "full extraction" speed. newspaper4k and goose3 run with image
fetching off (they would otherwise go to the network); a tool's exception scores 0 on that
page and is counted under errors. Our topics are a page's tags and keywords; a post's
category links count only when it has no tags at all (the golden pages' rule), which is
also how the corpus annotations read."""


def table(results: dict[str, Tally], cases: int) -> str:
    """Return the results as a Markdown table."""
    head = ("| tool | title exact | title contains | authors F1 | date exact | date month "
            "| tags F1 | pages/s | errors |")
    lines = [head, "|" + "---|" * 9]
    for name, t in results.items():
        attempted = ATTEMPTS.get(name, FIELDS)
        cells = [_pct(t.mean(m)) if m.split("_")[0] in attempted else "–"
                 for m in ("title", "title_contains", "authors", "date", "date_month", "tags")]
        speed = t.pages / t.seconds if t.seconds else 0.0
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {speed:.0f} | {t.errors} |")
    some = next(iter(results.values()))
    counts = ", ".join(f"{m} {some.counts.get(m, 0)}" for m in FIELDS)
    lines.append("")
    lines.append(f"{cases} pages; scored cases per field: {counts}.")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    """Format a percentage (or a dash when nothing was scored)."""
    return "–" if value is None else f"{value:.1f}%"


def machine() -> str:
    """Return a one-line summary of the machine and Python that ran the benchmark."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs (one used), Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def write_section(path: Path, body: str, name: str = "accuracy") -> None:
    """Replace one section of a Markdown file (creating the file or markers)."""
    begin, end = markers(name)
    text = path.read_text("utf-8") if path.is_file() else "# Benchmarks\n"
    section = f"{begin}\n{body}\n{end}"
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path, help="folder of <id>.html + <id>.json cases")
    parser.add_argument("--tools", default="ours,lxml", help="comma-separated: " + ",".join(TOOLS))
    parser.add_argument("--limit", type=int, help="only the first N cases")
    parser.add_argument("--write", type=Path, help="replace the accuracy section of this file")
    parser.add_argument("--show", choices=FIELDS, help="print our misses for one field")
    parser.add_argument("--section", choices=sorted(SECTIONS), default="accuracy",
                        help="the section of --write's file to replace")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOLS]
    if unknown or not args.corpus.is_dir():
        print(f"error: unknown tool {unknown[0]!r}" if unknown
              else f"error: {args.corpus} is not a folder", file=sys.stderr)
        return 2
    cases = load_cases(args.corpus, args.limit)
    warnings.simplefilter("ignore")
    results = run_tools(names, cases, args.show)
    report = table(results, len(cases))
    print(report)
    if args.write:
        # The corpus lives outside the repository; a folder inside it is named as it is.
        inside = args.corpus.resolve().is_relative_to(REPO)
        command = "python bench/accuracy.py " + " ".join(
            a if a != str(args.corpus) or inside else "CORPUS_DIR"
            for a in (argv or sys.argv[1:]))
        # A held-out round says what it is in its folder's NOTES.md (blind figures and all).
        notes = REPO / "bench" / args.section / "NOTES.md"
        about = notes.read_text("utf-8").strip() + "\n\n" if notes.is_file() else ""
        body = (f"## {SECTIONS[args.section]} (`bench/accuracy.py`)\n\n{about}Measured "
                f"{dt.date.today().isoformat()} on {machine()}.\n\n{report}\n\n{NOTES}\n\n"
                f"Command: `{command}`")
        write_section(args.write, body, args.section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
