"""The items a JavaScript listing carries as data in its HTML, as card candidates.

A listing that a script draws in the browser sends no links, but often the data it draws
them from: a JSON-LD `ItemList`, or the JSON a framework embeds for its client (Next.js's
`__NEXT_DATA__`, any `<script type="application/json">`). Every object there with a title
and a link is an item, when a day, or the link's shape and a title of two words or more,
say it is one publication (a menu's "About" has neither). Discovery reads these only where
a listing shows no publication link of its own.
"""

from __future__ import annotations

from typing import Any

from .canonical import canonical_url, is_http_url, record_key
from .classify import document_base
from .extract.jsonld import load, walk_objects
from .names import split_names
from .parse import Document
from .record import Candidate
from .text import clean, strip_tags, word_count
from .urlshapes import is_content_like

#: Scripts longer than this are a framework's whole state, not a listing's items.
MAX_SCRIPT_CHARS = 3_000_000
#: Objects read per page, against a hostile or runaway blob.
MAX_OBJECTS = 50_000
_DATA_TYPES = ("application/json", "application/ld+json")
_TITLE_KEYS = ("title", "headline", "name")
_URL_KEYS = ("url", "href", "uri", "link", "permalink", "path", "canonical_url", "canonicalUrl",
             "@id", "item")
_DATE_KEYS = ("datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
              "publicationDate", "publication_date", "firstPublishedAt", "published", "pubDate",
              "date", "postDate", "created")
_AUTHOR_KEYS = ("authors", "author", "byline")
# Objects that are no publication whatever their links: people, bodies, sites, pictures.
_NOT_ITEMS = frozenset({"Person", "Organization", "WebSite", "ImageObject", "BreadcrumbList",
                        "SearchAction", "Place", "PostalAddress", "VideoObject"})


def data_cards(doc: Document) -> list[tuple[str, str, list[Candidate]]]:
    """Return (URL, title, card candidates) of each item the page's data scripts list, once
    per URL, in page order: only the dated ones when some are."""
    base = document_base(doc)
    found: dict[str, tuple[str, str, list[Candidate]]] = {}
    budget = [MAX_OBJECTS]
    for script in doc.root.iter("script"):
        kind = (script.get("type") or "").lower().split(";")[0].strip()
        text = script.text or ""
        if (kind not in _DATA_TYPES and script.get("id") != "__NEXT_DATA__") \
                or len(text) > MAX_SCRIPT_CHARS:
            continue
        for value in load(text):
            for obj in walk_objects(value, budget, _not_item):
                item = _item(obj, base)
                key = record_key(item[0]) if item is not None else ""
                if item is not None and (key not in found or item[1] and not found[key][1]):
                    found[key] = item  # a titled entry over a bare one of the same URL
    items = list(found.values())
    dated = [item for item in items if any(c.field == "published" for c in item[2])]
    # Where the data dates its items, what it leaves undated is something else (a menu's
    # sections, a promotion); the shape of the link is the only evidence elsewhere.
    return dated or items


def _item(obj: dict[str, Any], base: str) -> tuple[str, str, list[Candidate]] | None:
    """Return one object's (URL, title, candidates) when it describes one publication."""
    title = _title(obj)
    if title is None and _types(obj) == {"ListItem"}:
        title = ""  # an item list's entry may give only the URL
    url = _url(obj, base)
    if title is None or url is None:
        return None
    day = next((v for k in _DATE_KEYS if isinstance(v := obj.get(k), str) and v.strip()), None)
    if day is None and (not is_content_like(url) or title and word_count(title) < 2):
        return None  # a menu's "About" or "Research": no day, one word
    found = [Candidate("title", title, "card")] if title else []
    if day is not None:
        found.append(Candidate("published", day, "card"))
    names = _names(next((obj[k] for k in _AUTHOR_KEYS if obj.get(k)), None))
    if names:
        found.append(Candidate("authors", names, "card"))
    return url, title, found


def _types(obj: dict[str, Any]) -> set[str]:
    """Return an object's JSON-LD types (none for a framework's plain data)."""
    kinds = obj.get("@type")
    return {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


def _not_item(obj: dict[str, Any]) -> bool:
    """Tell whether an object is a person, body, site, picture or breadcrumb trail."""
    return bool(_types(obj) & _NOT_ITEMS)


def _title(obj: dict[str, Any]) -> str | None:
    """Return an object's title of 60 words at most ("title.rendered" as WordPress has it)."""
    for key in _TITLE_KEYS:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("rendered")
        if isinstance(value, str):
            text = clean(strip_tags(value)) or ""
            return text if 1 <= word_count(text) <= 60 else None
    return None


def _url(obj: dict[str, Any], base: str) -> str | None:
    """Return an object's link as an absolute http(s) URL: a full URL or a root path."""
    for key in _URL_KEYS:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url") or value.get("href")
        if isinstance(value, str) and value.strip().startswith(("/", "http://", "https://")) \
                and not value.strip().startswith("//"):
            url = canonical_url(value.strip(), base)
            return url if is_http_url(url) else None
    return None


def _names(value: Any) -> list[str]:
    """Return the people an author value names: text, objects with a name, or lists of them."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for one in values[:20]:
        if isinstance(one, dict):
            one = one.get("name") or one.get("title") or one.get("displayName")
        if isinstance(one, str):
            names += split_names(one)
    return list(dict.fromkeys(names))
