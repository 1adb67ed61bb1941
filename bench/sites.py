"""Whole-site harvests of real pages, from a start URL only: what a harvest keeps.

Run: python bench/sites.py [CORPUS_DIR] [--sites N] [--write]

The corpus pages (default `../shared/corpus/pages` from the repository root, read at run
time, never copied) are sorted by id and dealt round-robin into N small sites (default
10), one site shape each: a framed listing of cards with rel=next pagination, a plain
`<ul>` of links, a home page whose menu leads to section listings, an RSS feed, a
JavaScript-only listing whose items only the robots.txt sitemap gives, a Next.js listing
(`__NEXT_DATA__`), a listing whose links redirect (301), a listing whose pages have a
wrong or no charset (or no Content-Type), a WordPress blog ("Older posts") and a table
with a 0-based pager. Each page is served byte for byte at its truth URL's path (query
kept; made unique) by a real HTTP server on 127.0.0.1, and harvested in process from the
start URL alone (`run_source`, delay 0, no retries) into a fresh store.

Per shape and in total it reports the pages linked, reached (the server's log) and
stored; the records equal to single-page extraction (`extract_page` on the same URL) on
title, authors, day, type and topics, and how the others differ; why pages were not
stored (the run report) or never reached; records that are no corpus page; title, author
and date accuracy against the corpus truth (bench/accuracy.py's scoring) of the stored
records beside single-page extraction of the same pages; and the harvest's wall time.
`--write` puts the tables into docs/benchmarks.md between the sites markers. A benchmark,
not a test: no number is asserted.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import socket
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from accuracy import Guess, Tally, score
from harvester import extract_page
from harvester.canonical import canonical_url, record_key
from harvester.config import Config, Settings, Source
from harvester.dates import local_day
from harvester.extract import default_vocabulary
from harvester.fetch import Fetcher
from harvester.pipeline import run_source
from harvester.record import Record
from harvester.store import FetchState, Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "pages"
DOC = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- sites:begin -->", "<!-- sites:end -->"
AFTER = "<!-- harvest:end -->"
FACETS = ("title", "authors", "date", "type", "topics")
Route = tuple[int, dict[str, str], bytes]
HTML = {"Content-Type": "text/html"}  # no charset: decoded as single-page extraction does
MENU = (("/", "Home"), ("/about", "About"), ("/contact", "Contact"), ("/donate", "Donate"))
SECTIONS = ("news", "analysis", "opinion")


@dataclass(frozen=True)
class Case:
    """One corpus page: its truth, its bytes, and the title its card shows (and whence)."""

    id: str
    truth: dict[str, Any]
    body: bytes
    title: str
    title_from: str

    @property
    def day(self) -> date | None:
        """Return the truth's publication day, or None when not annotated."""
        return date.fromisoformat(self.truth["date"]) if self.truth.get("date") else None


@dataclass(frozen=True)
class Served:
    """Where a site serves a case (`path`) and the address its listing links (`link`)."""

    case: Case
    path: str
    link: str


@dataclass
class Site:
    """One served site: its shape, routes, start path, served cases and request log."""

    shape: str
    base: str = ""
    start: str = "/"
    served: list[Served] = field(default_factory=list)
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, int]] = field(default_factory=list)
    via: str = "listing"
    offsite: list[str] = field(default_factory=list)
    loose: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, body: str | bytes, headers: dict[str, str] | None = None,
            status: int = 200) -> None:
        """Serve a body (HTML unless headers say otherwise) at a route key."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[key] = (status, HTML if headers is None else headers, data)
        self.loose.setdefault(loose(key.partition("?")[0]), []).append(key)

    def find(self, target: str) -> str | None:
        """Return the route a request target asks for: exact, else as a server that ignores
        path parameters, a trailing slash and query parameters it was not given would."""
        key = norm(target)
        if key in self.routes:
            return key
        path, _, query = key.partition("?")
        asked = set(parse_qsl(query, keep_blank_values=True))
        for route in self.loose.get(loose(path), ()):
            if asked <= set(parse_qsl(route.partition("?")[2], keep_blank_values=True)):
                return route
        return None


def norm(target: str) -> str:
    """Return a path and query in one percent-encoding (so links and requests compare)."""
    path, mark, query = target.partition("?")
    path = quote(unquote(path), safe="/;=:@!$&'()*+,~")
    return path + (mark + quote(unquote(query), safe="/;=:@!$&'()*+,~?") if query else "")


def loose(path: str) -> str:
    """Return a path as nginx or Apache tell pages apart: slashes merged, without `;`
    parameters (jsessionid), a folder's index.html, or a trailing slash."""
    path = re.sub(r"/{2,}", "/", re.sub(r";[^/]*", "", path))
    return re.sub(r"/index\.html?$", "", path, flags=re.IGNORECASE).rstrip("/")


# -- corpus ---------------------------------------------------------------------------------

def load(folder: Path) -> list[Case]:
    """Return the corpus cases sorted by id, each with its card title."""
    cases = []
    for meta in sorted(folder.glob("*.json")):
        page = meta.with_suffix(".html")
        if not page.is_file():
            continue
        truth, body = json.loads(meta.read_text("utf-8")), page.read_bytes()
        title, whence = truth.get("title"), "truth"
        if not title:
            title, whence = extract_page(body, truth.get("url")).title, "extracted"
        if not title:
            title, whence = truth.get("id") or meta.stem, "id"
        cases.append(Case(truth.get("id") or meta.stem, truth, body, " ".join(title.split()),
                          whence))
    return cases


RESERVED = {"/", "/robots.txt", "/sitemap.xml", "/feed.xml", "/about", "/contact", "/donate"}


def place(site: Site, cases: list[Case], prefix: Callable[[int], str] = lambda k: "") -> None:
    """Give each case a unique served path from its truth URL's path (query kept)."""
    taken = set(RESERVED) | set(site.routes)
    for k, case in enumerate(cases):
        parts = urlsplit(case.truth.get("url") or "")
        # "/a/./b/." as browsers ask for it; "//x" linked as a path would name a host "x"
        path = "/" + re.sub(r"(?<=/)\.(?:/|$)", "", parts.path).lstrip("/")
        key = norm(prefix(k) + path + (f"?{parts.query}" if parts.query else ""))
        if parts.path in ("", "/") or key in taken or loose(key) in {loose(t) for t in taken}:
            key = norm(f"{prefix(k)}/posts/{re.sub(r'[^A-Za-z0-9_-]+', '-', case.id)}")
        taken.add(key)
        site.add(key, case.body)
        site.served.append(Served(case, key, key))


# -- site shapes ----------------------------------------------------------------------------

def e(text: str) -> str:
    """Escape text for HTML."""
    return html.escape(text, quote=True)


def frame(title: str, main: str, head: str = "", menu: tuple[tuple[str, str], ...] = MENU
          ) -> str:
    """Return a whole page: head, header menu, main and footer."""
    links = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in menu)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)} | '
            f"Example Institute</title>{head}</head><body><header><a class=\"logo\" href=\"/\">"
            f'Example Institute</a><nav class="menu"><ul>{links}</ul></nav></header>'
            f"<main>{main}</main><footer><p>© 2024 Example Institute, 1 Main Street.</p><ul>"
            f'<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
            f"</ul></footer></body></html>")


def long_day(day: date | None) -> str:
    """Return '3 March 2024' (empty when unknown)."""
    return f"{day.day} {day:%B} {day.year}" if day else ""


def card(s: Served) -> str:
    """Return a listing card: a linked heading and the day."""
    day = f"<p>{long_day(s.case.day)}</p>" if s.case.day else ""
    return (f'<article class="card"><h2><a href="{e(s.link)}">{e(s.case.title)}</a></h2>'
            f"{day}</article>")


def listing(site: Site, title: str, items: list[str], url: Callable[[int], str],
            nav: Callable[[str], str], wrap: Callable[[str], str] = lambda x: x,
            per: int = 12, menu: tuple[tuple[str, str], ...] = MENU) -> None:
    """Serve items as a paginated listing: page n at url(n), each linking the next."""
    chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        more = nav(url(n + 1)) if n < len(chunks) else ""
        main = f"<h1>{title}</h1>{wrap(''.join(chunk))}{more}"
        site.add(url(n), frame(title, main, menu=menu))


def rel_next(href: str) -> str:
    """Return a rel=next pagination link."""
    return f'<nav class="pager"><a rel="next" href="{e(href)}">Next</a></nav>'


def query_pages(path: str, first: int = 1) -> Callable[[int], str]:
    """Return the URL of listing page n: `path`, then `path?page=N` (counted from first)."""
    return lambda n: path if n == 1 else f"{path}?page={n - 1 + first}"


def shape_cards(site: Site, cases: list[Case]) -> None:
    """A framed listing of cards, 12 a page, with rel=next pagination."""
    place(site, cases)
    site.start = "/publications"
    listing(site, "Publications", [card(s) for s in site.served], query_pages(site.start),
            rel_next)


def shape_list(site: Site, cases: list[Case]) -> None:
    """A plain list of links, no cards, all on one page."""
    place(site, cases)
    site.start = "/resources/"
    items = [f'<li><a href="{e(s.link)}">{e(s.case.title)}</a></li>' for s in site.served]
    listing(site, "Resources", items, query_pages(site.start), rel_next,
            lambda x: f"<ul>{x}</ul>", per=len(items) or 1)


def shape_home(site: Site, cases: list[Case]) -> None:
    """A home page (the start URL) showing the newest item of each section; its menu links
    the sections' listings, where the pages live."""
    place(site, cases, lambda k: "/" + SECTIONS[k % len(SECTIONS)])
    menu = (MENU[0], *((f"/{s}/", s.title()) for s in SECTIONS), *MENU[1:])
    for k, section in enumerate(SECTIONS):
        held = site.served[k::len(SECTIONS)]
        listing(site, section.title(), [card(s) for s in held], query_pages(f"/{section}/"),
                rel_next, menu=menu)
    latest = "".join(card(s) for s in site.served[:len(SECTIONS)])
    site.add("/", frame("Home", f"<h1>Welcome</h1><section><h2>Latest</h2>{latest}</section>",
                        menu=menu))


def shape_rss(site: Site, cases: list[Case]) -> None:
    """An RSS 2.0 feed as the start URL: title, link and pubDate of each item."""
    place(site, cases)
    site.start, site.via = "/feed.xml", "feed"
    items = "".join(
        f"<item><title>{e(s.case.title)}</title><link>{e(site.base + s.link)}</link>"
        + (f"<pubDate>{s.case.day:%a, %d %b %Y} 12:00:00 +0000</pubDate>" if s.case.day else "")
        + "</item>" for s in site.served)
    feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example '
            f"Institute</title><link>{site.base}/</link><description>Publications</description>"
            f"{items}</channel></rss>")
    site.add(site.start, feed, {"Content-Type": "application/rss+xml; charset=utf-8"})


def shape_sitemap(site: Site, cases: list[Case]) -> None:
    """A listing drawn by JavaScript (an empty app div); its items are only in the sitemap
    that robots.txt declares, under the start URL's path."""
    site.start, site.via = "/publications/", "sitemap"
    place(site, cases, lambda k: "/publications")
    site.add(site.start, frame("Publications", '<div id="app"></div>',
                               '<script src="/static/app.js" defer></script>'))
    locs = [(site.start, None), *((p, None) for p in ("/about", "/contact", "/donate")),
            *((s.link, s.case.day) for s in site.served)]
    urls = "".join(f"<url><loc>{e(site.base + p)}</loc>"
                   + (f"<lastmod>{d}</lastmod>" if d else "") + "</url>" for p, d in locs)
    site.add("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.'
             f'sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
             {"Content-Type": "application/xml"})


def shape_nextjs(site: Site, cases: list[Case]) -> None:
    """A Next.js listing: empty HTML, its items (title, url, date) in __NEXT_DATA__."""
    place(site, cases)
    site.start, site.via = "/research/", "page's `__NEXT_DATA__`"
    items = [{"title": s.case.title, "url": s.link,
              "date": s.case.day.isoformat() if s.case.day else None} for s in site.served]
    data = {"props": {"pageProps": {"items": items}}, "page": "/research", "buildId": "b1"}
    script = json.dumps(data).replace("</", "<\\/")
    site.add(site.start, frame("Research", '<div id="__next"></div><script id="__NEXT_DATA__" '
                               f'type="application/json">{script}</script>'))


def shape_redirects(site: Site, cases: list[Case]) -> None:
    """A listing of cards whose links (`/node/N`) redirect (301) to the pages' paths."""
    place(site, cases)
    site.start = "/news/"
    site.served[:] = [Served(s.case, s.path, f"/node/{1000 + k}")
                      for k, s in enumerate(site.served)]
    for s in site.served:
        site.add(s.link, b"", {"Location": site.base + s.path}, status=301)
    listing(site, "News", [card(s) for s in site.served], query_pages(site.start), rel_next)


#: Headers of the charset shape's pages, in turn: wrong, none at all, and often right.
CHARSET_HEADERS = ({"Content-Type": "text/html; charset=iso-8859-1"}, {},
                   {"Content-Type": "text/html; charset=utf-8"})


def shape_charset(site: Site, cases: list[Case]) -> None:
    """A listing of cards whose pages come with a wrong charset, no Content-Type, or UTF-8."""
    shape_cards(site, cases)
    for k, s in enumerate(site.served):
        site.routes[s.path] = (200, CHARSET_HEADERS[k % 3], s.case.body)


def shape_blog(site: Site, cases: list[Case]) -> None:
    """A WordPress blog: entry-title posts, an "Older posts" link to /blog/page/N/."""
    place(site, cases)
    site.start = "/blog/"
    posts = [f'<article class="post"><h2 class="entry-title"><a href="{e(s.link)}" '
             f'rel="bookmark">{e(s.case.title)}</a></h2>' + (
                 f'<div class="entry-meta"><time class="entry-date published" datetime="'
                 f'{s.case.day}T09:00:00+00:00">{s.case.day:%B} {s.case.day.day}, '
                 f"{s.case.day.year}</time></div>" if s.case.day else "") + "</article>"
             for s in site.served]
    listing(site, "Blog", posts, lambda n: site.start if n == 1 else f"/blog/page/{n}/",
            lambda h: f'<div class="nav-links"><a class="next page-numbers" href="{h}">'
                      "Older posts</a></div>", per=10)


def shape_table(site: Site, cases: list[Case]) -> None:
    """A table of documents (title, date) with a 0-based pager and no rel=next."""
    place(site, cases)
    site.start = "/documents"
    rows = [f'<tr><td><a href="{e(s.link)}">{e(s.case.title)}</a></td>'
            f"<td>{s.case.day or ''}</td></tr>" for s in site.served]
    listing(site, "Documents", rows, query_pages(site.start, first=0),
            lambda h: f'<ul class="pager"><li class="pager__item--next"><a href="{e(h)}" '
                      'title="Go to next page">›</a></li></ul>',
            lambda x: f"<table><thead><tr><th>Title</th><th>Date</th></tr></thead><tbody>{x}"
                      "</tbody></table>", per=20)


SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "cards": shape_cards, "list": shape_list, "home": shape_home, "rss": shape_rss,
    "js+sitemap": shape_sitemap, "nextjs": shape_nextjs, "redirects": shape_redirects,
    "charset": shape_charset, "blog": shape_blog, "table": shape_table,
}


def build(site: Site, cases: list[Case]) -> None:
    """Fill a site's routes: its shape, robots.txt and the site pages of its menu."""
    SHAPES[site.shape](site, cases)
    for path, label in MENU[1:]:
        site.add(path, frame(label, f"<h1>{label}</h1><p>The institute's {label.lower()} "
                                    "page.</p>"))
    robots = "User-agent: *\nAllow: /\n"
    if "/sitemap.xml" in site.routes:
        robots += f"Sitemap: {site.base}/sitemap.xml\n"
    site.add("/robots.txt", robots, {"Content-Type": "text/plain"})


# -- serving and harvesting -----------------------------------------------------------------

class SiteServer(ThreadingHTTPServer):
    """A threaded HTTP server for one Site."""

    daemon_threads = True

    def __init__(self, site: Site) -> None:
        """Bind a free loopback port."""
        super().__init__(("127.0.0.1", 0), Handler)
        self.site = site


class Handler(BaseHTTPRequestHandler):
    """Answer from the site's routes (404 otherwise) and log each request."""

    server: SiteServer

    def do_GET(self) -> None:
        """Answer one GET."""
        site = self.server.site
        key = site.find(self.path)
        status, headers, body = site.routes.get(key or "", (404, HTML, b"<p>Not found</p>"))
        site.hits.append((key or norm(self.path), status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep quiet."""


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
def serve(site: Site) -> Iterator[SiteServer]:
    """Serve a site on a free loopback port until the block ends."""
    server = SiteServer(site)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def harvest(site: Site, folder: Path) -> Result:
    """Harvest a served site from its start URL into a fresh store; measure what it kept."""
    settings = Settings(data_dir=folder / "data", out_dir=folder / "out", delay=0.0,
                        retries=0, timeout=10.0, max_pages=50)
    source = Source(name="site", start_urls=(site.base + site.start,))
    config = Config(path=None, settings=settings, sources=(source,),
                    vocabulary=default_vocabulary())
    with Store.open(settings.data_dir) as store, Fetcher(settings) as fetcher:
        with watched(site) as dropped:
            began = time.perf_counter()
            report = run_source(source, config, store=store, fetcher=fetcher)
            result = Result(site.shape, site.start, time.perf_counter() - began)
        result.error, result.offsite = report.error, sorted(set(site.offsite))
        result.requests, result.missing = len(site.hits), sum(s == 404 for _, s in site.hits)
        judge(site, store, [*report.skipped, *report.failures], dropped.reasons, result)
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
    offsite: list[str] = field(default_factory=list)
    never: int = 0
    elsewhere: int = 0
    requests: int = 0
    missing: int = 0
    harvest: Tally = field(default_factory=Tally)
    page: Tally = field(default_factory=Tally)
    titles: Counter[str] = field(default_factory=Counter)

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
        urls = [site.base + s.link, site.base + s.path]
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
        single = extract_page(s.case.body, site.base + s.path)
        compare(facets(record), facets(single), result)
        score(s.case.truth, guess(record), result.harvest)
        score(s.case.truth, guess(single), result.page)
    result.extra = [r.url for r in store.records() if r.url not in result.records]
    result.elsewhere = sum(not url.startswith(site.base) for url in result.records)


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
    return "\n".join(lines)


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
    return "\n\n".join(lines)


NOTES = """\
Cards, feed items, sitemap entries and data items carry the truth's day when it is \
annotated, else none: a title or day that a card fills in or changes is the truth's, so the \
harvested columns gain from the listing's evidence, not from extraction. The server answers \
as nginx or Apache do: a path with merged slashes, without `;jsessionid=`, without its \
folder's `index.html` or a trailing slash, or without some query parameters (the tracking \
ones a harvest drops) is the same page; anything else is a 404. Pages are served as \
`text/html` without a charset (as `extract_page` reads them), except in the charset site: \
in turn `charset=iso-8859-1`, no Content-Type at all, and `charset=utf-8`. "Never \
requested: link dropped (...)" quotes discovery's debug log (`harvester.classify`); a \
sitemap, feed or data item left out is not logged. Name lookups of any host but \
127.0.0.1 are refused and listed below: the benchmark never reaches the internet."""


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
