"""Site indexes: the feeds a page announces, RSS/Atom/JSON Feed items as cards, and sitemaps."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from . import classify
from .dates import parse_date
from .names import split_names
from .parse import Document
from .record import Candidate
from .canonical import canonical_url, is_http_url

_XML = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
_INDEX_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".xml.gz")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml",
               "application/feed+json")
MAX_SITEMAP_FILES = 200
MAX_SITEMAP_DEPTH = 4
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Sitemaps of tags, authors, images... list no publications.
# So do sitemaps of a site's pages, products, jobs and staff (Yoast's "page-sitemap.xml",
# "product-sitemap.xml", WordPress's "wp-sitemap-posts-page-1.xml"): no publications.
_NOT_LISTED = (r"tag|categor|author|user|taxonom|people|person|topic|attachment|image|video|"
               r"product|job|career|team|staff|expert|member")
_SKIP_SITEMAP = re.compile(rf"(?:{_NOT_LISTED})[\w-]*sitemap|sitemap[-_]?(?:{_NOT_LISTED})|"
                           r"/page-sitemap\d*\.xml|wp-sitemap-posts-(?:page|" + _NOT_LISTED
                           + r")[\w-]*-\d+\.xml", re.IGNORECASE)
#: (URL, lastmod) as a sitemap lists it.
Entry = tuple[str, datetime | None]

def feed_urls(doc: Document) -> list[str]:
    """Return the RSS/Atom feeds a page announces with <link rel=alternate>, comments excluded."""
    found = []
    for el in doc.root.iter("link"):
        kind = (el.get("type") or "").lower().split(";")[0].strip()
        rel = (el.get("rel") or "").lower().split()
        label = f"{el.get('title', '')} {el.get('href', '')}".lower()
        if "alternate" in rel and kind in _FEED_TYPES and el.get("href") \
                and "comment" not in label:
            found.append(canonical_url(el.get("href", ""), classify.document_base(doc)))
    return list(dict.fromkeys(u for u in found if is_http_url(u)))


def parse_feed(body: bytes, base: str) -> list[tuple[str, list[Candidate]]]:
    """Return (item URL, card candidates) for each item of an RSS, Atom or JSON feed."""
    if body.lstrip()[:1] == b"{":
        return parse_json_feed(body, base)
    try:
        root = etree.fromstring(body, _XML)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    items = []
    for item in root.iter("{*}item", "{*}entry"):
        url = _item_link(item, base)
        if url:
            items.append((url, _item_candidates(item)))
    return items


def _item_link(item: etree._Element, base: str) -> str | None:
    """Return the absolute link of a feed item (RSS <link>/<guid>, Atom rel=alternate)."""
    for link in item.iterchildren("{*}link"):
        href = link.get("href")
        if href is not None and link.get("rel", "alternate") == "alternate":
            return canonical_url(href, base)
        if href is None and (link.text or "").strip():
            return canonical_url(link.text.strip(), base)
    guid = item.find("{*}guid")
    if guid is not None and guid.get("isPermaLink", "true") != "false" and guid.text:
        url = canonical_url(guid.text.strip(), base)
        return url if is_http_url(url) else None
    return None


def _item_candidates(item: etree._Element) -> list[Candidate]:
    """Return title, date, authors, topics and summary candidates of one feed item.

    A feed item is a card the site publishes as XML: its candidates carry the source
    "card", which every chooser of `harvester.normalize` ranks.
    """
    def texts(*names: str) -> list[str]:
        return [" ".join(el.itertext()).strip() for name in names
                for el in item.iterchildren("{*}" + name) if " ".join(el.itertext()).strip()]

    found = [Candidate("title", t, "card") for t in texts("title")[:1]]
    found += [Candidate("published", d, "card") for d in texts("pubDate", "published",
                                                                "date", "issued")[:1]]
    names = texts("creator", "author")
    names += [n.text for a in item.iterchildren("{*}author") for n in a.iterchildren("{*}name")
              if n.text]
    if names:
        split = [n for t in names for n in split_names(t)]
        found.append(Candidate("authors", list(dict.fromkeys(split)), "card"))
    labels = texts("category", "subject")
    labels += [c.get("term", "") for c in item.iterchildren("{*}category") if c.get("term")]
    if labels:
        found.append(Candidate("topics", list(dict.fromkeys(labels)), "card"))
    found += [Candidate("summary", s, "card") for s in texts("description", "summary")[:1]]
    return found


def parse_json_feed(body: bytes, base: str) -> list[tuple[str, list[Candidate]]]:
    """Return (item URL, card candidates) for each item of a JSON Feed (1.0 or 1.1): its
    url (else an id that is one), title, date_published, authors, tags and summary."""
    try:
        feed = json.loads(body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):  # malformed, or nested past Python's stack
        return []
    items = feed.get("items") if isinstance(feed, dict) else None
    found = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link, key = item.get("url"), item.get("id")
        # An item's id is any unique string: an address only when it is one in full.
        url = canonical_url(link, base) if isinstance(link, str) and link.strip() else \
            canonical_url(key) if isinstance(key, str) and is_http_url(key.strip()) else None
        if url and is_http_url(url):
            found.append((url, _json_item_candidates(item)))
    return found


def _json_item_candidates(item: dict[str, object]) -> list[Candidate]:
    """Return the card candidates of one JSON Feed item (source "card", as RSS items)."""
    def text(key: str) -> str | None:
        value = item.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    found = [Candidate(field, value, "card") for field, value in (
        ("title", text("title")), ("published", text("date_published")),
        ("summary", text("summary"))) if value]
    people = item.get("authors") or ([item["author"]] if item.get("author") else [])
    names = [p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)
             ] if isinstance(people, list) else []
    if names:
        found.append(Candidate("authors", [n for t in names for n in split_names(t)], "card"))
    tags = item.get("tags")
    if isinstance(tags, list) and (labels := [t for t in tags if isinstance(t, str) and t]):
        found.append(Candidate("topics", list(dict.fromkeys(labels)), "card"))
    return found


def wp_api_root(doc: Document) -> str | None:
    """Return the WordPress REST API root a page announces (`<link rel="https://api.w.org/">`),
    or None."""
    for el in doc.root.iter("link"):
        if "https://api.w.org/" in (el.get("rel") or "").split() and el.get("href"):
            root = canonical_url(el.get("href", ""), classify.document_base(doc))
            return root if is_http_url(root) else None
    return None


def wp_posts_url(root: str, page: int, per_page: int) -> str:
    """Return the address of one page of a WordPress site's posts in its REST API (the
    "/wp-json/" root, or the "?rest_route=/" one of sites without pretty links)."""
    if "rest_route=" in root:
        return f"{root.split('?')[0]}?rest_route=/wp/v2/posts&per_page={per_page}&page={page}"
    return f"{root.rstrip('/')}/wp/v2/posts?per_page={per_page}&page={page}"


def parse_wp_posts(body: bytes, base: str) -> list[tuple[str, str, list[Candidate]]]:
    """Return (URL, title, card candidates) of each post a WordPress REST API page lists: its
    link, rendered title and excerpt, and day (the site's local time)."""
    try:
        posts = json.loads(body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return []
    found = []
    for post in posts if isinstance(posts, list) else []:
        if not isinstance(post, dict) or not isinstance(post.get("link"), str):
            continue
        url = canonical_url(post["link"], base)
        title = _rendered(post.get("title"))
        if not is_http_url(url) or not title:
            continue
        cands = [Candidate("title", title, "card")]
        if isinstance(post.get("date"), str):
            cands.append(Candidate("published", post["date"], "card"))
        if summary := _rendered(post.get("excerpt")):
            cands.append(Candidate("summary", summary, "card"))
        found.append((url, title, cands))
    return found


def _rendered(value: object) -> str:
    """Return the text of a REST API field's rendered HTML ({"rendered": "<p>…</p>"})."""
    html = value.get("rendered") if isinstance(value, dict) else None
    if not isinstance(html, str) or not html.strip():
        return ""
    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except (etree.LxmlError, ValueError):
        return ""


def parse_sitemap(body: bytes, base: str) -> tuple[str, list[tuple[str, datetime | None]]]:
    """Return ("index" | "urlset", [(URL, lastmod)]) for an XML or plain-text sitemap."""
    try:
        root = etree.fromstring(body, _XML)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        lines = body.decode("utf-8", "replace").split()
        return "urlset", [(canonical_url(x), None) for x in lines if is_http_url(x)][:50_000]
    kind = "index" if etree.QName(root).localname.lower() == "sitemapindex" else "urlset"
    entries = []
    for entry in root.iter("{*}url", "{*}sitemap"):
        loc = entry.findtext("{*}loc")
        if loc and loc.strip():
            lastmod = as_datetime(parse_date(entry.findtext("{*}lastmod") or ""))
            entries.append((canonical_url(loc.strip(), base), lastmod))
    return kind, entries


def walk_sitemaps(roots: list[tuple[str, bool]],
                  read: Callable[[str, bool], tuple[bytes, str] | None],
                  since: datetime | None = None) -> Iterator[list[Entry]]:
    """Walk sitemaps from their roots; yield each URL set's entries, newest first.

    `roots` are (URL, declared) pairs; `read(url, declared)` returns a sitemap's body and
    final URL, or None when it cannot or need not be read (a guessed sitemap is not
    declared). Sitemap indexes are followed at most MAX_SITEMAP_DEPTH deep and at most
    MAX_SITEMAP_FILES files are read; child sitemaps of tags, authors or images, and
    (with `since`) those an index says are unchanged since then, are left out.
    """
    queue = [(url, 0, declared) for url, declared in roots]
    done: set[str] = set()
    while queue and len(done) < MAX_SITEMAP_FILES:
        url, depth, declared = queue.pop(0)
        if url in done:
            continue
        done.add(url)
        got = read(url, declared)
        if got is None:
            continue
        kind, entries = parse_sitemap(*got)
        # Newest first, so that a harvest cut short by max_items keeps the recent ones.
        entries.sort(key=lambda e: e[1] or _EPOCH, reverse=True)
        if kind == "index":
            queue += [(loc, depth + 1, True) for loc, mod in entries
                      if depth < MAX_SITEMAP_DEPTH and not _SKIP_SITEMAP.search(loc)
                      and not (since and mod and mod < since)]
        else:
            yield entries


def is_index_url(url: str) -> bool:
    """Tell whether a start URL names a feed or a sitemap rather than a listing page."""
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
    return last.endswith(_INDEX_SUFFIXES) or last in ("feed", "rss", "atom") \
        or bool(re.search(r"(?:^|&)(?:feed|format)=(?:rss|atom)", parts.query))


def as_datetime(value: date | datetime | None) -> datetime | None:
    """Return a timezone-aware datetime; a bare day is taken as its latest moment.

    A day-only `<lastmod>` says the page changed at some time that day, in some time
    zone: comparing its end (noon UTC the next day, the day's end at UTC-12) with the
    last run's start never skips a page changed after that run began.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.combine(value + timedelta(days=1), time(12), timezone.utc)


