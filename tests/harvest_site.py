"""A generated think-tank site and a real threaded HTTP server for end-to-end harvests.

The site is procedural: publication `i` (0 is the newest) is derived from its number,
so a site of 26 or 10,000 publications costs the same to set up and every page is
rendered on request. Its pages look like a real institute's: a header menu, breadcrumbs,
a footer, topic tag links, author pages, "Related publications" cards, a paginated
listing with a sidebar, an RSS feed, a sitemap index and robots.txt. Publications rotate
through four kinds of markup — JSON-LD, citation_* meta tags, OpenGraph/article:* meta
tags, and bare HTML (byline, <time>, "Type:" label, rel=tag links) — and the listing
shows only the newest ones (older ones are reachable through the sitemap only).

Faults are switched on per test: robots.txt disallows, gone pages (404), one-shot 503 or
429 answers, legacy URLs that redirect, and listing links with tracking parameters,
fragments and trailing slashes. Every response carries an ETag and a Last-Modified and
honours If-None-Match / If-Modified-Since with 304; every request is logged with its
arrival time and conditional headers.

Run it standalone (the benchmark does, so that the harvester's memory is its own):
`python tests/harvest_site.py --publications 10000` prints the base URL, then serves
until killed. `GET /_stats` answers the request and byte counts as JSON (not logged).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from harvester.demo.server import serving
from harvester.vocab import slugify

SITE_NAME = "Institute for Policy Studies"
MARKUPS = ("jsonld", "citation", "og", "bare")
TYPES = ("Analysis", "Special Report", "Policy Brief", "Commentary", "Report", "Podcast")
TOPICS = ("Peace Processes", "Global Policy", "Democracy & Governance", "Youth", "Gender",
          "Climate & Security", "Human Rights", "Violent Extremism", "Reconciliation")
FIRST = ("Amina", "Jonas", "Priya", "Mateo", "Lena", "Kwame", "Sofia", "Hiroshi", "Nadia",
         "Tomás", "Grace", "Omar", "Ingrid", "Ravi", "Chloé", "Yusuf")
LAST = ("Okafor", "Lindqvist", "Raman", "Ortega", "Novak", "Mensah", "Haddad", "Tanaka",
        "Petrenko", "Silva", "Achebe", "Farouk", "Berg", "Iyer", "Dubois", "Kaya")
PLACES = ("the Sahel", "Colombia", "Myanmar", "Ukraine", "Sudan", "the Horn of Africa",
          "Central America", "the Western Balkans", "Iraq", "Pakistan", "the Lake Chad Basin",
          "Yemen", "Libya", "Haiti", "Mozambique", "Afghanistan")
THEMES = ("Local Mediation", "Ceasefire Monitoring", "Women in Peace Talks", "Election Violence",
          "Climate and Conflict", "Youth Councils", "Security Sector Reform", "Transitional "
          "Justice", "Refugee Returns", "Disinformation", "Religious Leaders", "Community "
          "Policing")
FRAMES = ("{theme} in {place}: What Works", "Why {theme} Matters for {place}",
          "{theme} After the Crisis in {place}", "Lessons from {place} on {theme}",
          "Rethinking {theme} in {place}")
NEWEST = date(2025, 6, 30)
SITE_MODIFIED = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Publication:
    """What the site says about one publication: the truth a harvest is checked against."""

    index: int
    title: str
    authors: tuple[str, ...]
    published: date
    type: str
    topics: tuple[str, ...]
    markup: str
    summary: str

    @property
    def path(self) -> str:
        """Return the page's path, `/publications/YYYY/MM/slug`."""
        d = self.published
        return f"/publications/{d.year}/{d.month:02d}/{slugify(self.title)[:70]}"


def publication(i: int) -> Publication:
    """Return publication number i (0 is the newest), derived from i alone."""
    combos = len(FRAMES) * len(THEMES) * len(PLACES)
    theme = THEMES[i // len(FRAMES) % len(THEMES)]
    place = PLACES[i // (len(FRAMES) * len(THEMES)) % len(PLACES)]
    title = FRAMES[i % len(FRAMES)].format(theme=theme, place=place)
    if i >= combos:
        title += f", Part {i // combos + 1}"
    authors = tuple(f"{FIRST[(i * 7 + k * 5) % len(FIRST)]} {LAST[(i * 3 + k * 11) % len(LAST)]}"
                    for k in range(1 + i % 3))
    topics = tuple(dict.fromkeys((TOPICS[i % len(TOPICS)], TOPICS[(i * 5 + 2) % len(TOPICS)])))
    summary = (f"This {TYPES[i % len(TYPES)].lower()} examines {theme.lower()} in {place} and "
               f"what it means for a durable settlement, drawing on interviews with local "
               f"leaders and officials.")
    return Publication(i, title, authors, NEWEST - timedelta(days=2 * i), TYPES[i % len(TYPES)],
                       topics, MARKUPS[i % len(MARKUPS)], summary)


@dataclass(frozen=True)
class Hit:
    """One request the server answered."""

    at: float
    method: str
    path: str
    status: int
    sent: int
    if_none_match: str | None
    if_modified_since: str | None

    @property
    def conditional(self) -> bool:
        """Tell whether the request carried a validator."""
        return bool(self.if_none_match or self.if_modified_since)


@dataclass
class Site:
    """A generated site: its publications, what the listing shows, and switched-on faults."""

    size: int = 26
    per_page: int = 8
    listed_pages: int = 3
    hidden: set[int] = field(default_factory=set)
    disallowed: set[int] = field(default_factory=set)
    gone: set[int] = field(default_factory=set)
    legacy: set[int] = field(default_factory=set)
    variants: dict[int, str] = field(default_factory=dict)
    faults: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    revisions: dict[int, int] = field(default_factory=dict)
    lastmods: dict[int, datetime] = field(default_factory=dict)
    bare_304: bool = False
    lastmod_days: bool = False
    collection: bool = False
    base: str = ""
    _paths: dict[str, int] = field(default_factory=dict, repr=False)

    def visible(self) -> list[int]:
        """Return the numbers of the publications the site currently has, newest first."""
        return [i for i in range(self.size) if i not in self.hidden]

    def listed(self) -> list[int]:
        """Return the publications the listing pages show (the newest ones)."""
        return self.visible()[: self.per_page * self.listed_pages]

    def expected(self) -> list[Publication]:
        """Return the publications a harvest should store: visible, allowed, not gone."""
        return [publication(i) for i in self.visible()
                if i not in self.disallowed and i not in self.gone]

    def revise(self, i: int, *, sitemap: bool) -> None:
        """Change publication i's page; with `sitemap`, its sitemap <lastmod> says so."""
        self.revisions[i] = self.revisions.get(i, 0) + 1
        if sitemap:
            # Rounded up: a lastmod in whole seconds must not predate the change itself.
            now = datetime.now(UTC)
            self.lastmods[i] = now.replace(microsecond=0) + timedelta(seconds=1)

    def fail_once(self, path: str, status: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next request for `path` with `status` (then the page again)."""
        self.faults.setdefault(path, []).append((status, headers or {}))

    def url(self, path: str) -> str:
        """Return an absolute URL on this site."""
        return self.base + path

    def index_of(self, path: str) -> int | None:
        """Return the number of the publication at `path`, or None."""
        if not self._paths:
            self._paths.update((publication(i).path, i) for i in range(self.size))
        return self._paths.get(path)


# -- pages ---------------------------------------------------------------------------------

_MENU = (("/", "Home"), ("/publications", "Publications"), ("/topics", "Topics"),
         ("/experts", "Experts"), ("/about", "About"), ("/search", "Search"))


def _e(text: str) -> str:
    """Escape text for HTML."""
    return html.escape(text, quote=True)


def _page(title: str, head: str, main: str, crumbs: list[tuple[str, str]]) -> str:
    """Return a whole page: head, site header and menu, breadcrumbs, main, footer."""
    menu = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in _MENU)
    trail = " › ".join(f'<a href="{href}">{_e(label)}</a>' for href, label in crumbs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)} | {SITE_NAME}</title>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/static/site.css">{head}</head><body>'
        f'<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>'
        f'<nav class="main-menu" aria-label="Main"><ul>{menu}</ul></nav></header>'
        f'<nav class="breadcrumbs" aria-label="Breadcrumb">{trail}</nav>'
        f"<main>{main}</main>"
        f'<footer class="site-footer"><p>© 2025 {SITE_NAME}. 1200 Seventeenth Street NW, '
        f'Washington, DC.</p><ul><li><a href="/about">About us</a></li><li><a href="/about/'
        f'careers">Careers</a></li><li><a href="/about/privacy">Privacy</a></li>'
        f'<li><a href="/publications/feed.xml">RSS</a></li></ul></footer></body></html>')


def _names(names: tuple[str, ...], linked: bool) -> str:
    """Return 'A, B and C', each name linked to its author page when asked."""
    shown = [f'<a href="/experts/{slugify(n)}">{_e(n)}</a>' if linked else _e(n) for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _long_date(d: date) -> str:
    """Return 'June 30, 2025'."""
    return f"{d:%B} {d.day}, {d.year}"


def _card(p: Publication, href: str | None = None) -> str:
    """Return a listing card: linked title, date, By:, summary, Type: and topic tags."""
    tags = "".join(f'<li><a href="/topics/{slugify(t)}">{_e(t)}</a></li>' for t in p.topics)
    return (f'<article class="card"><h3 class="card-title"><a href="{_e(href or p.path)}">'
            f"{_e(p.title)}</a></h3><p class=\"card-meta\"><time datetime=\"{p.published}\">"
            f"{_long_date(p.published)}</time> · By: {_names(p.authors, False)}</p>"
            f'<p class="card-summary">{_e(p.summary)}</p><p class="card-type">Type: '
            f'<a href="/types/{slugify(p.type)}">{_e(p.type)}</a></p>'
            f'<ul class="card-topics">{tags}</ul></article>')


def _head(p: Publication, site: Site, summary: str) -> str:
    """Return the <head> metadata of a publication in its markup style."""
    url = site.url(p.path)
    canonical = f'<link rel="canonical" href="{_e(url)}">'
    if p.markup == "jsonld":
        data = {"@context": "https://schema.org", "@type": "Report", "headline": p.title,
                "author": [{"@type": "Person", "name": n} for n in p.authors],
                "datePublished": p.published.isoformat(), "keywords": list(p.topics),
                "genre": p.type, "description": summary, "url": url,
                "publisher": {"@type": "Organization", "name": SITE_NAME}}
        return canonical + ('<script type="application/ld+json">' + json.dumps(data) +
                            "</script>")
    if p.markup == "citation":
        tags = [("citation_title", p.title), ("citation_publication_date",
                                              p.published.strftime("%Y/%m/%d")),
                *(("citation_author", n) for n in p.authors),
                ("citation_keywords", "; ".join(p.topics)), ("description", summary)]
        return canonical + "".join(f'<meta name="{k}" content="{_e(v)}">' for k, v in tags)
    if p.markup == "og":
        tags = [("og:type", "article"), ("og:title", p.title), ("og:url", url),
                ("og:description", summary), ("og:site_name", SITE_NAME),
                ("article:published_time", f"{p.published}T09:00:00+00:00"),
                ("article:section", p.type), *(("article:author", n) for n in p.authors),
                *(("article:tag", t) for t in p.topics)]
        return canonical + "".join(f'<meta property="{k}" content="{_e(v)}">' for k, v in tags)
    return ""


def _body(p: Publication, summary: str) -> str:
    """Return the article text: a few paragraphs that start with the summary."""
    theme = p.title.split(" in ")[0].split(" on ")[-1]
    lines = [
        f"{summary} The findings draw on two years of fieldwork and on a review of "
        f"programs funded since 2015 by governments, foundations and multilateral agencies.",
        f"Practitioners describe {theme.lower()} as slow, local and easy to overlook. Yet the "
        f"evidence gathered here suggests that the communities which invested early in "
        f"trusted intermediaries were better able to absorb shocks, settle disputes over land "
        f"and water, and keep armed groups from recruiting their young people.",
        "The report closes with recommendations for national authorities, for donors who "
        "want their support to last beyond a single budget cycle, and for the regional "
        "bodies that convene the parties when talks stall or violence returns.",
    ]
    return "".join(f"<p>{_e(line)}</p>" for line in lines)


def publication_page(site: Site, p: Publication) -> str:
    """Return the HTML of one publication page in its markup style."""
    revision = site.revisions.get(p.index, 0)
    summary = p.summary + (f" (Revised, {revision}.)" if revision else "")
    rel = ' rel="tag"' if p.markup == "bare" else ""
    tags = "".join(f'<li><a href="/topics/{slugify(t)}"{rel}>{_e(t)}</a></li>'
                   for t in p.topics)
    related = [publication((p.index + k) % site.size) for k in (1, 2, 5)]
    cards = "".join(_card(r) for r in related if r.index != p.index)
    main = (
        f'<article class="publication"><p class="kicker">{_e(p.type)}</p>'
        f"<h1>{_e(p.title)}</h1>"
        f'<p class="byline">By {_names(p.authors, True)}</p>'
        f'<p class="date"><time datetime="{p.published}">{_long_date(p.published)}</time></p>'
        f'<div class="content">{_body(p, summary)}</div>'
        f'<p class="type-label">Type: {_e(p.type)}</p>'
        f'<ul class="topics">{tags}</ul>'
        f'<section class="about-authors"><h2>About the authors</h2><p>'
        f"{_names(p.authors, False)} work on peace and security at the institute.</p>"
        f"</section></article>"
        f'<aside class="related"><h2>Related publications</h2>{cards}</aside>')
    crumbs = [("/", "Home"), ("/publications", "Publications"), (p.path, p.title)]
    return _page(p.title, _head(p, site, summary), main, crumbs)


def listing_page(site: Site, number: int) -> str | None:
    """Return listing page `number` (1-based), or None past the last one."""
    shown = site.listed()
    pages = max(1, -(-len(shown) // site.per_page))
    if not 1 <= number <= pages:
        return None
    items = shown[(number - 1) * site.per_page: number * site.per_page]
    cards = "".join(_card(publication(i), _listing_href(site, i)) for i in items)
    if site.collection and number == 1:  # a featured collection: a card, not a publication
        cards = _collection_card() + cards
    numbers = "".join(f'<li><a href="/publications?page={k}">{k}</a></li>'
                      for k in range(1, pages + 1) if k != number)
    nxt = (f'<a class="next" rel="next" href="/publications?page={number + 1}">Next ›</a>'
           if number < pages else "")
    popular = "".join(f'<li><a href="{publication(i).path}">{_e(publication(i).title)}</a></li>'
                      for i in shown[:3])
    main = (f"<h1>Publications</h1><p>Reports, analysis and commentary from our experts.</p>"
            f'<div class="results">{cards}</div>'
            f'<nav class="pagination" aria-label="Pages"><ul>{numbers}</ul>{nxt}</nav>'
            f'<aside class="sidebar"><h2>Most read</h2><ul>{popular}</ul></aside>')
    head = '<link rel="alternate" type="application/rss+xml" href="/publications/feed.xml">'
    return _page("Publications", head, main, [("/", "Home"), ("/publications", "Publications")])


COLLECTION = "/publications/collections/sahel-dossier"


def _collection_card() -> str:
    """Return the listing card of the featured collection."""
    return (f'<article class="card"><h3 class="card-title"><a href="{COLLECTION}">The Sahel '
            f"Dossier</a></h3><p class=\"card-meta\"><time datetime=\"{NEWEST}\">"
            f"{_long_date(NEWEST)}</time></p><p class=\"card-summary\">Our work on the Sahel "
            f"in one place.</p></article>")


def collection_page(site: Site) -> str:
    """Return the collection page: a short introduction and a few cards."""
    items = [publication(i) for i in range(5, min(9, site.size))]
    main = ("<h1>The Sahel Dossier</h1><p>Our analysis of the region in one place.</p>"
            + "".join(_card(p) for p in items))
    return _page("The Sahel Dossier", "", main, [("/", "Home"), ("/publications",
                                                                 "Publications")])


def _listing_href(site: Site, i: int) -> str:
    """Return how the listing links publication i: legacy URL, a variant, or its path."""
    if i in site.legacy:
        return f"/p/{i}"
    variant = site.variants.get(i, "")
    return publication(i).path + ("" if variant == "https" else variant)


def topic_page(site: Site, slug: str) -> str | None:
    """Return a topic page listing its newest publications, or None for an unknown topic."""
    label = next((t for t in TOPICS if slugify(t) == slug), None)
    if label is None:
        return None
    items = [publication(i) for i in site.listed() if label in publication(i).topics][:6]
    main = f"<h1>{_e(label)}</h1>" + "".join(_card(p) for p in items)
    return _page(label, "", main, [("/", "Home"), ("/topics", "Topics"), (f"/topics/{slug}",
                                                                          label)])


def expert_page(site: Site, slug: str) -> str | None:
    """Return an author's profile page with their publications."""
    items = [publication(i) for i in site.listed()
             if slug in {slugify(n) for n in publication(i).authors}]
    if not items:
        return None
    name = next(n for n in items[0].authors if slugify(n) == slug)
    main = (f'<div class="profile"><h1>{_e(name)}</h1><p>Senior Fellow, Peace and Security.'
            f"</p></div><h2>Publications</h2>" + "".join(_card(p) for p in items[:6]))
    head = '<meta property="og:type" content="profile">'
    return _page(name, head, main, [("/", "Home"), ("/experts", "Experts")])


def simple_page(title: str, text: str) -> str:
    """Return a plain page (home, about, topics index)."""
    return _page(title, "", f"<h1>{_e(title)}</h1><p>{_e(text)}</p>", [("/", "Home")])


def feed(site: Site) -> str:
    """Return the RSS feed of the ten newest publications."""
    items = "".join(
        f"<item><title>{_e(p.title)}</title><link>{site.url(p.path)}</link>"
        f"<pubDate>{format_datetime(datetime.combine(p.published, datetime.min.time(), UTC))}"
        f"</pubDate><description>{_e(p.summary)}</description></item>"
        for p in (publication(i) for i in site.visible()[:10]))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{SITE_NAME}</title><link>{site.url('/publications')}</link>"
            f"<description>Publications</description>{items}</channel></rss>")


def lastmod(site: Site, i: int) -> datetime:
    """Return the sitemap <lastmod> of publication i."""
    published = publication(i).published
    return site.lastmods.get(i) or datetime.combine(published, datetime.min.time(), UTC)


def sitemap_index(site: Site) -> str:
    """Return the sitemap index: one publications sitemap per 1,000, and one of pages."""
    chunks = range(0, max(1, site.size), 1000)
    entries = [(f"/sitemap-publications-{k // 1000 + 1}.xml",
                max(lastmod(site, i) for i in range(k, min(k + 1000, site.size))))
               for k in chunks]
    entries.append(("/sitemap-pages.xml", SITE_MODIFIED))
    body = "".join(f"<sitemap><loc>{site.url(loc)}</loc><lastmod>{_w3c(mod, site.lastmod_days)}"
                   f"</lastmod></sitemap>" for loc, mod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">{body}</sitemapindex>')


def sitemap(site: Site, chunk: int) -> str | None:
    """Return publications sitemap number `chunk` (1-based), or None."""
    start = (chunk - 1) * 1000
    if not 0 <= start < site.size:
        return None
    entries = []
    for i in range(start, min(start + 1000, site.size)):
        if i in site.hidden:
            continue
        url = site.url(publication(i).path)
        if site.variants.get(i) == "https":
            url = "https://" + url.split("://", 1)[1]
        entries.append((url, lastmod(site, i)))
    return _urlset(entries, site.lastmod_days)


def pages_sitemap(site: Site) -> str:
    """Return the sitemap of the site's other pages: home, about, topics, experts."""
    paths = ["/", "/about", "/publications", *(f"/topics/{slugify(t)}" for t in TOPICS)]
    paths += [f"/experts/{slugify(n)}" for n in publication(0).authors]
    return _urlset([(site.url(p), SITE_MODIFIED) for p in paths])


def _w3c(moment: datetime, days: bool) -> str:
    """Return a sitemap <lastmod>: the day only, or the time to the second."""
    return moment.date().isoformat() if days else moment.isoformat()


def _urlset(entries: list[tuple[str, datetime]], days: bool = False) -> str:
    """Return a <urlset> sitemap (with day-only lastmods when `days`)."""
    body = "".join(f"<url><loc>{_e(u)}</loc><lastmod>{_w3c(m, days)}</lastmod></url>"
                   for u, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">{body}</urlset>')


def robots(site: Site) -> str:
    """Return robots.txt: the search page and the disallowed publications are off limits."""
    lines = ["User-agent: *", "Disallow: /search"]
    lines += [f"Disallow: {publication(i).path}" for i in sorted(site.disallowed)]
    lines.append(f"Sitemap: {site.url('/sitemap.xml')}")
    return "\n".join(lines) + "\n"


# -- routing -------------------------------------------------------------------------------

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """What the site answers to one request."""

    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    modified: datetime = SITE_MODIFIED


def route(site: Site, path: str, query: str) -> Reply:
    """Return the site's answer for a path and query (faults aside)."""
    if path.startswith("/publications/") and path.count("/") >= 4:
        return _publication_reply(site, path)
    if path.startswith("/p/") and path[3:].isdigit() and int(path[3:]) in site.legacy:
        return Reply(301, headers={"Location": site.url(publication(int(path[3:])).path)})
    text, ctype = _other(site, path, query)
    if text is None:
        return Reply(404, _page("Page not found", "", "<h1>Page not found</h1>", []).encode())
    return Reply(200, text.encode("utf-8"), ctype)


def _publication_reply(site: Site, path: str) -> Reply:
    """Answer a publication path (a trailing slash serves the same page)."""
    i = site.index_of(path.rstrip("/"))
    if i is None or i in site.hidden or i in site.gone:
        return Reply(404, _page("Page not found", "", "<h1>Page not found</h1>", []).encode())
    p = publication(i)
    modified = datetime.combine(p.published, datetime.min.time(), UTC) + timedelta(
        hours=site.revisions.get(i, 0))
    return Reply(200, publication_page(site, p).encode("utf-8"), HTML, modified=modified)


def _other(site: Site, path: str, query: str) -> tuple[str | None, str]:
    """Return the text and type of a non-publication path (None for a 404)."""
    if path == "/publications":
        values = parse_qs(query).get("page", ["1"])
        number = int(values[0]) if values[0].isdigit() else 0
        return listing_page(site, number), HTML
    if path.startswith("/sitemap-publications-") and path.endswith(".xml"):
        number = path.removeprefix("/sitemap-publications-").removesuffix(".xml")
        return (sitemap(site, int(number)) if number.isdigit() else None), XML
    if path.startswith("/topics/"):
        return topic_page(site, path.removeprefix("/topics/")), HTML
    if path.startswith("/experts/"):
        return expert_page(site, path.removeprefix("/experts/")), HTML
    fixed = {
        "/": (simple_page(SITE_NAME, "Research and analysis on peace and security."), HTML),
        "/about": (simple_page("About", f"{SITE_NAME} is an independent institute."), HTML),
        "/topics": (simple_page("Topics", ", ".join(TOPICS)), HTML),
        "/experts": (simple_page("Experts", "Our fellows and staff."), HTML),
        "/robots.txt": (robots(site), "text/plain; charset=utf-8"),
        "/sitemap.xml": (sitemap_index(site), XML),
        "/sitemap-pages.xml": (pages_sitemap(site), XML),
        "/publications/feed.xml": (feed(site), "application/rss+xml; charset=utf-8"),
        COLLECTION: (collection_page(site) if site.collection else None, HTML),
    }
    return fixed.get(path, (None, HTML))


# -- the server ----------------------------------------------------------------------------


class SiteServer(ThreadingHTTPServer):
    """A threaded HTTP server for one Site, with a request log."""

    daemon_threads = True

    def __init__(self, site: Site, port: int = 0) -> None:
        """Bind to 127.0.0.1 (port 0: any free port) and set the site's base URL."""
        super().__init__(("127.0.0.1", port), _Handler)
        self.site = site
        site.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: list[Hit] = []
        self.lock = threading.Lock()

    def log(self, hit: Hit) -> None:
        """Append one answered request to the log."""
        with self.lock:
            self.hits.append(hit)

    def take(self) -> list[Hit]:
        """Return the requests logged so far and start a new log."""
        with self.lock:
            hits, self.hits = self.hits, []
        return hits

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hangs up early (the harvester killed mid-request)."""


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the server's Site."""

    server: SiteServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's naming)
        """Answer a GET."""
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer a HEAD."""
        self._answer(head=True)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Log nothing to stderr: the log is `SiteServer.hits`."""

    def _answer(self, head: bool) -> None:
        """Route, apply a pending fault or a 304, send, and log the request."""
        arrived = time.monotonic()
        parts = urlsplit(self.path)
        if parts.path == "/_stats":
            self._stats()
            return
        site = self.server.site
        with self.server.lock:
            pending = site.faults.get(parts.path)
            fault = pending.pop(0) if pending else None
        reply = Reply(fault[0], b"Try again later", "text/plain", fault[1]) if fault \
            else route(site, parts.path, parts.query)
        headers = dict(reply.headers)
        if reply.status == 200:
            headers["ETag"] = '"' + hashlib.sha256(reply.body).hexdigest()[:20] + '"'
            headers["Last-Modified"] = format_datetime(reply.modified, usegmt=True)
            if self._not_modified(headers["ETag"], reply.modified):
                reply = Reply(304, b"", "", {} if site.bare_304 else headers)
                headers = reply.headers
        body = b"" if head else reply.body
        self.send_response(reply.status)
        if reply.status != 304:
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.server.log(Hit(arrived, self.command, self.path, reply.status, len(body),
                            self.headers.get("If-None-Match"),
                            self.headers.get("If-Modified-Since")))
        if body:
            self.wfile.write(body)

    def _not_modified(self, etag: str, modified: datetime) -> bool:
        """Tell whether the request's validators match (If-None-Match decides when sent)."""
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in {t.strip().removeprefix("W/") for t in match.split(",")}
        since = self.headers.get("If-Modified-Since")
        try:
            return bool(since) and modified <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False

    def _stats(self) -> None:
        """Answer the request and byte counts so far as JSON (for the benchmark)."""
        with self.server.lock:
            hits = list(self.server.hits)
        data = {"requests": len(hits), "bytes": sum(h.sent for h in hits),
                "conditional": sum(h.conditional for h in hits),
                "not_modified": sum(h.status == 304 for h in hits)}
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Site) -> Iterator[SiteServer]:
    """Serve a site on a free loopback port in a daemon thread until the block ends."""
    with serving(SiteServer(site)) as server:
        yield server


def main() -> None:
    """Serve a site of N publications until killed; print its base URL first."""
    parser = argparse.ArgumentParser(description="Serve a generated publication site.")
    parser.add_argument("--publications", type=int, default=1000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--listed-pages", type=int, default=50)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    site = Site(size=args.publications, per_page=args.per_page, listed_pages=args.listed_pages)
    server = SiteServer(site, args.port)
    print(site.base, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()


# -- harvesting it -------------------------------------------------------------------------


def write_config(folder: Any, site: Site, *, name: str = "institute", delay: float = 0.0,
                 extra: str = "") -> Any:
    """Write a config file harvesting `site` (start URL only) into folder; return its path."""
    path = folder / "sources.toml"
    path.write_text(
        f'[settings]\ndata_dir = "data"\nout_dir = "out"\ndelay = {delay}\nretries = 2\n'
        f'timeout = 10.0\n{extra}\n[[sources]]\nname = "{name}"\ntitle = "{SITE_NAME}"\n'
        f'start_urls = ["{site.url("/publications")}"]\n', encoding="utf-8")
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run `pubharvest ARGV` in this process; return the exit code, stdout and stderr.

    A usage error (argparse exits) is returned as its exit code, like the real command.
    """
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from harvester import cli

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse refusing the arguments
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def table_row(out: str, source: str = "institute") -> list[str]:
    """Return the cells of a source's row in a printed summary table."""
    return next(line.split() for line in out.splitlines() if line.startswith(source + " "))


def harvest_start(start: str, store: Any, folder: Any, max_pages: int = 10) -> None:
    """Harvest one source from one start URL of a served test site into `store`: no delay,
    no retries, a short timeout, its data and output under `folder`."""
    from harvester.config import Config, Settings, Source
    from harvester.extract import default_vocabulary
    from harvester.fetch import Fetcher
    from harvester.pipeline import run_source

    settings = Settings(data_dir=folder / "data", out_dir=folder / "out", delay=0.0,
                        retries=0, timeout=3.0, max_pages=max_pages)
    source = Source(name="s", start_urls=(start,))
    config = Config(path=None, settings=settings, sources=(source,),
                    vocabulary=default_vocabulary())
    with Fetcher(settings) as fetcher:
        run_source(source, config, store=store, fetcher=fetcher)
