"""JSON-LD (schema.org) extractor: the page's own Article/Report/Episode, not its neighbours.

Scripts are read the way browsers tolerate them (comments and CDATA wrappers,
raw control characters in strings, trailing commas, several objects in one
script); `@graph` members and arrays are flattened and `@id` references
resolved with a depth limit (so cycles cannot loop). The page's entity is the
most specific creative work, preferring the one whose URL is the page's;
BreadcrumbList, WebSite, Organization and ItemList entries are never it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from collections.abc import Callable, Iterator

from ..record import Candidate
from .page import Page

_LEAD = re.compile(r"\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)")
_TAIL = re.compile(r"(?://\s*\]\]>|\]\]>|-->)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_WORKS = {
    "article", "newsarticle", "blogposting", "report", "scholarlyarticle", "podcastepisode",
    "opinionnewsarticle", "reportagenewsarticle", "analysisnewsarticle", "backgroundnewsarticle",
    "reviewnewsarticle", "askpublicnewsarticle", "techarticle", "socialmediaposting",
    "liveblogposting", "discussionforumposting", "review", "creativework", "book", "chapter",
    "thesis", "dataset", "videoobject", "audioobject", "event", "medicalscholarlyarticle",
    "legislation", "episode", "clip", "posting", "satiricalarticle", "advertisercontentarticle",
    "newsletter", "presentationdigitaldocument", "digitaldocument", "publicationissue",
    "radioepisode", "tvepisode", "recipe", "howto", "educationevent", "podcastseries",
}
_PAGES = {"webpage", "itempage", "medicalwebpage", "qapage", "faqpage", "aboutpage"}
_ORGS = {"organization", "newsmediaorganization", "corporation", "governmentorganization",
         "educationalorganization", "ngo", "researchorganization", "collegeoruniversity"}
_MAX_OBJECTS = 500


def extract(page: Page) -> list[Candidate]:
    """Return candidates from the page's own JSON-LD entity (and site-name hints)."""
    objects = [obj for text in page.scripts for obj in load(text)]
    if not objects:
        return []
    nodes = list(_flatten(objects))
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    entity, kind = _main_entity(nodes, index, page.url)
    found = _site_names(nodes, index)
    if entity is not None:
        found += _fields(entity, index, f"jsonld:{kind}" if kind == "WebPage" else "jsonld")
    return found


def walk_objects(value: Any, budget: list[int],
                 skip: Callable[[dict[str, Any]], bool] | None = None) -> Iterator[dict[str, Any]]:
    """Yield every object nested in a JSON value, depth first, while the budget (a
    one-item list, shared across calls) lasts; an object `skip` tells is left out, and its
    parts with it."""
    stack = [value]
    while stack and budget[0] > 0:
        node = stack.pop()
        budget[0] -= 1
        if isinstance(node, dict):
            if skip is not None and skip(node):
                continue
            yield node
            stack.extend(reversed([v for v in node.values() if isinstance(v, (dict, list))]))
        elif isinstance(node, list):
            stack.extend(reversed([v for v in node if isinstance(v, (dict, list))]))


def load(text: str) -> list[Any]:
    """Parse one script's JSON-LD leniently; return the top-level values ([] if hopeless)."""
    text = _unwrap(text)
    if not text:
        return []
    try:
        return [json.loads(text, strict=False)]
    except RecursionError:
        return []  # nested deeper than Python's stack: no page's metadata looks like that
    except ValueError:
        pass
    text = _TRAILING_COMMA.sub(r"\1", text)
    decoder = json.JSONDecoder(strict=False)
    values, pos = [], 0
    while pos < len(text):
        while pos < len(text) and text[pos] not in "{[":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values


def _unwrap(text: str) -> str:
    """Return a script's text without HTML comment or CDATA wrappers and a trailing ";"."""
    text = text.strip()
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end():]
    if text.endswith(("]]>", "-->")):
        # Only the end can hold the closing wrapper: no need to scan the whole script.
        tail = _TAIL.search(text, max(0, len(text) - 200))
        if tail:
            text = text[:tail.start()]
    return text.strip().rstrip(";")


def _flatten(values: list[Any]) -> Iterator[dict[str, Any]]:
    """Yield every top-level object and @graph member (not nested items)."""
    stack = list(reversed(values))
    count = 0
    while stack and count < _MAX_OBJECTS:
        value = stack.pop()
        count += 1
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            graph = value.get("@graph")
            if graph is not None:
                stack.extend(reversed(graph) if isinstance(graph, list) else [graph])
            if any(k for k in value if k not in ("@context", "@graph")):
                yield value


def types(node: Any) -> list[str]:
    """Return the local @type names of a node ("http://schema.org/Report" -> "Report")."""
    if not isinstance(node, dict):
        return []
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [n.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names
            if isinstance(n, str) and n]


def resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    """Return the node an `{"@id": ...}` reference points to, the items of an ordered or
    unordered list object (`{"@list": [...]}`, `{"@set": [...]}`), or the value itself."""
    if isinstance(value, dict):
        if set(value) <= {"@id", "@type"} and value.get("@id") in index:
            return index[value["@id"]]
        listed = value.get("@list", value.get("@set"))
        if isinstance(listed, list) and len(value) == 1:
            return listed
    return value


def _main_entity(nodes: list[dict[str, Any]], index: dict[str, dict[str, Any]],
                 url: str | None) -> tuple[dict[str, Any] | None, str]:
    """Pick the page's own entity: a creative work (URL match first), else a WebPage."""
    works, pages = [], []
    for node in nodes:
        local = {t.lower() for t in types(node)}
        if local & _WORKS:
            works.append(node)
        elif local & _PAGES or "collectionpage" in local and _has_dates(node):
            pages.append(node)
            main = resolve(node.get("mainEntity"), index)
            if isinstance(main, dict) and {t.lower() for t in types(main)} & _WORKS:
                works.append(main)
    if works:
        best = _best(works, url)
        holder = next((p for p in pages if resolve(p.get("mainEntity"), index) is best), None)
        if holder is not None and not best.get("datePublished"):
            best = {**{k: holder[k] for k in ("datePublished", "dateModified") if k in holder},
                    **best}
        return best, "work"
    if pages:
        return _best(pages, url), "WebPage"
    return None, ""


def _has_dates(node: dict[str, Any]) -> bool:
    """Tell whether a node carries a publication date."""
    return bool(node.get("datePublished"))


def _best(nodes: list[dict[str, Any]], url: str | None) -> dict[str, Any]:
    """Return the node whose URL is the page's, else the richest one."""
    key = _url_key(url)

    def score(node: dict[str, Any]) -> tuple[int, int]:
        own = {_url_key(_as_url(node.get(k))) for k in ("url", "@id", "mainEntityOfPage")}
        rich = sum(1 for k in ("headline", "author", "datePublished", "name") if node.get(k))
        return (1 if key and key in own else 0, rich)

    return max(nodes, key=score)


def _as_url(value: Any) -> str | None:
    """Return a URL from a string or an {"@id"} / {"url"} object."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


def _url_key(url: str | None) -> str:
    """Return a URL without scheme, query, fragment and trailing slash, for comparison."""
    if not url:
        return ""
    url = url.split("#", 1)[0].split("?", 1)[0].split("://", 1)[-1]
    return url.removeprefix("www.").rstrip("/").lower()


def _fields(node: dict[str, Any], index: dict[str, dict[str, Any]],
            source: str) -> list[Candidate]:
    """Return the candidates one entity gives."""
    found = []
    for field, keys in (("title", ("headline", "name", "alternativeHeadline")),
                        ("published", ("datePublished", "dateCreated", "uploadDate",
                                       "publicationDate")),
                        ("updated", ("dateModified",)),
                        ("summary", ("description", "abstract")),
                        ("language", ("inLanguage",))):
        for key in keys:
            value = _text(resolve(node.get(key), index))
            if value:
                found.append(Candidate(field, value, source))
                break
    authors = _people(node.get("author"), index) or _people(node.get("creator"), index)
    if authors:
        found.append(Candidate("authors", authors, source))
    found += [Candidate("type", t, source) for t in types(node)]
    # The kind of work in words ("genre": "Commentary", "additionalType": "Policy Brief") or
    # its section ("articleSection": "Analysis"): each counts when the vocabulary knows it.
    for key in ("genre", "additionalType", "articleSection"):
        values = node.get(key)
        for value in (values if isinstance(values, list) else [values])[:3]:
            text = _text(value)
            if text and len(text) <= _MAX_KIND:
                found.append(Candidate("type", text.rstrip("/").rsplit("/", 1)[-1],
                                       f"{source}:{key}"))
    found += _topics(node, index, source)
    image = _image(resolve(node.get("image"), index), index) or _image(
        node.get("thumbnailUrl"), index)
    if image:
        found.append(Candidate("image", image, source))
    url = _as_url(node.get("url")) or _as_url(node.get("mainEntityOfPage"))
    if url:
        found.append(Candidate("url", url, source))
    return found


def _text(value: Any) -> str | None:
    """Return a string from a string, number, list (first item) or {name/@value} object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("alternateName")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


_MAX_KIND = 80
# A bio that opens with a whole name: given name, then one or two capitalized names.
_BIO_NAME = re.compile(r"(?P<given>[^\W\d_][\w'-]*)(?: (?:[A-Z][a-z]{0,3}\. )?[^\W\d_a-z]"
                       r"[\w'-]+){1,2}(?=\s*(?:[-–—,(]|\s[a-zäöüéè]|$))")


def _people(value: Any, index: dict[str, dict[str, Any]]) -> list[tuple[str, str | None, bool]]:
    """Return (name, url, is_organization) for each author; strings are kept whole."""
    value = resolve(value, index)
    items = value if isinstance(value, list) else [value]
    people = []
    for item in items[:50]:
        item = resolve(item, index)
        if isinstance(item, str) and item.strip():
            people.append((item, None, False))
        elif isinstance(item, dict) and isinstance(item.get("name"), list) \
                and all(isinstance(n, str) for n in item["name"][:10]):
            # One Person node naming several people ("name": ["A", "B"]): each is an author.
            is_org = bool({t.lower() for t in types(item)} & _ORGS)
            people += [(n, None, is_org) for n in item["name"][:10] if n.strip()]
        elif isinstance(item, dict):
            name = _text(item.get("name")) or " ".join(
                x for x in (_text(item.get("givenName")), _text(item.get("familyName"))) if x)
            is_org = bool({t.lower() for t in types(item)} & _ORGS)
            if name and not is_org:
                name = _full_name(name, _text(item.get("description")))
            if name:
                people.append((name, _as_url(item.get("url")) or _as_url(item.get("sameAs")),
                               is_org))
    return people


def _full_name(name: str, description: str | None) -> str:
    """Return the whole name when a person is named by a given name alone and the bio opens
    with it ("Nils" and "Nils Pickert ist freier Autor..."); else the name as given."""
    if " " in name.strip() or not description:
        return name
    match = _BIO_NAME.match(description.strip())
    if match and match["given"] == name.strip():
        whole = match.group().rstrip()
        # Each name after the given one is capitalized ("Nils écrit ..." names nobody).
        if all(part[0].isupper() for part in whole.split()[1:]):
            return whole
    return name


def _topics(node: dict[str, Any], index: dict[str, dict[str, Any]],
            source: str) -> list[Candidate]:
    """Return topic candidates from keywords, about and articleSection."""
    found = []
    for key in ("keywords", "about", "articleSection"):
        value = node.get(key)
        items = value if isinstance(value, list) else [value]
        labels = [t for t in (_text(resolve(i, index)) for i in items[:60]) if t]
        if labels:
            found.append(Candidate("topics", labels, f"{source}:{key}"))
    return found


def _image(value: Any, index: dict[str, dict[str, Any]]) -> tuple[str, str | None] | None:
    """Return (url, caption) from a URL string, an ImageObject, or a list of either."""
    if isinstance(value, list):
        value = resolve(value[0], index) if value else None
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, dict):
        url = _as_url(value.get("url")) or _as_url(value.get("contentUrl"))
        if url:
            return url, _text(value.get("caption")) or _text(value.get("description"))
    return None


def _site_names(nodes: list[dict[str, Any]],
                index: dict[str, dict[str, Any]]) -> list[Candidate]:
    """Return the site's names (WebSite, publisher) as hints for cleaning titles."""
    found = []
    for node in nodes:
        local = {t.lower() for t in types(node)}
        if "website" in local:
            name = _text(node.get("name"))
            if name:
                found.append(Candidate("site_name", name, "jsonld:WebSite"))
        publisher = resolve(node.get("publisher"), index)
        name = _text(publisher) if isinstance(publisher, dict) else None
        if name:
            found.append(Candidate("site_name", name, "jsonld:publisher"))
    return found
