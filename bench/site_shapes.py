"""The sites of bench/sites.py: what they are and how they are served.

The site model (`Case`, `Served`, `Site`), the corpus cases (`load`) and where a site
serves them (`place`), the site shapes built from them (`shape_*`, `SHAPES`, `build`), and
a real HTTP server on 127.0.0.1 that answers from a site's routes as nginx or Apache do
(`serve`). bench/sites.py harvests these sites and judges what the harvests kept.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from harvester import extract_page
from harvester.demo.server import serving

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


@dataclass(frozen=True)
class File:
    """A publication that is only a file (no corpus page): where the site links it, and the
    synthetic truth its listing shows, title and day. `titled` is False for a bare "PDF"
    link beside an unlinked title (recorded by no harvest: a documented limit)."""

    link: str
    title: str
    day: date | None
    titled: bool = True


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
    # Host names the site answers to (the harvest resolves them to 127.0.0.1), each with the
    # prefix of its routes ("" for the main one): a site whose pages live on a sibling host.
    names: dict[str, str] = field(default_factory=dict)
    # Publications that are only a file, with their synthetic truth (measured apart).
    files: list[File] = field(default_factory=list)

    def add(self, key: str, body: str | bytes, headers: dict[str, str] | None = None,
            status: int = 200) -> None:
        """Serve a body (HTML unless headers say otherwise) at a route key."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[key] = (status, HTML if headers is None else headers, data)
        self.loose.setdefault(loose(key.partition("?")[0]), []).append(key)

    def url(self, key: str) -> str:
        """Return the absolute URL of a route key (or of a link that is one already)."""
        if key.startswith(("http://", "https://")):
            return key
        port = self.base.rpartition(":")[2]
        for name, prefix in self.names.items():
            if prefix and key.startswith(prefix + "/"):
                return f"http://{name}:{port}{key[len(prefix):]}"
        return self.base + key

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
        # A folder's index under the prefix ("/news/index.html") would be the folder above
        # the other pages, which no site serves a publication at.
        if parts.path in ("", "/") or key in taken or loose(key) in {loose(t) for t in taken} \
                or loose(key) == loose(prefix(k)):
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
    clobbered = [s.case.id for s in site.served if site.routes[s.path][2] != s.case.body]
    assert not clobbered, f"{site.shape}: pages served over by the site's own: {clobbered}"
    for path, label in MENU[1:]:
        site.add(path, frame(label, f"<h1>{label}</h1><p>The institute's {label.lower()} "
                                    "page.</p>"))
    robots = "User-agent: *\nAllow: /\n"
    for sitemap in ("/sitemap.xml", "/sitemap_index.xml"):
        if sitemap in site.routes:
            robots += f"Sitemap: {site.base}{sitemap}\n"
    for prefix in {"", *site.names.values()}:
        if prefix + "/robots.txt" not in site.routes:  # a shape may write the platform's own
            site.add(prefix + "/robots.txt", robots, {"Content-Type": "text/plain"})


# -- serving --------------------------------------------------------------------------------

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
        target = site.names.get(self.headers.get("Host", "").rpartition(":")[0], "") + self.path
        key = site.find(target)
        status, headers, body = site.routes.get(key or "", (404, HTML, b"<p>Not found</p>"))
        site.hits.append((key or norm(target), status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep quiet."""


@contextmanager
def serve(site: Site) -> Iterator[SiteServer]:
    """Serve a site on a free loopback port until the block ends."""
    server = SiteServer(site)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    with serving(server):
        yield server
