"""What a link or a page is: a publication, a listing, or something else.

Discovery asks which links of a listing page lead to publications; the
pipeline asks whether a fetched page is a publication before storing it. Both
use general signals only, never a site's markup: boilerplate regions (header,
nav, footer, aside and their class names), repeated card blocks with their
title links (`harvester.extract.cards`), URL shapes (`harvester.urls`),
JSON-LD and OpenGraph types, and how much text a page has of its own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .canonical import canonical_url, is_http_url, record_key
from .extract.cards import find_cards
from .extract.jsonld import load as load_jsonld
from .extract.jsonld import types as jsonld_types
from .extract.tree import Element, text_of
from .parse import Document
from .record import Record
from .urls import (is_asset_url, is_content_like, is_same_site, is_under, matches_pattern,
                   navigation_reason, path_segments)

log = logging.getLogger(__name__)

PUBLICATION, LISTING, OTHER = "publication", "listing", "other"
_MIN_SCORE = 3
_BOILER_TAGS = frozenset({"nav", "aside", "footer", "header", "dialog", "template"})
_BOILER_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_BOILER_NAME = re.compile(
    r"^(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|pager|pagination|share|"
    r"sharing|social|skip-link|cookies?|consent|masthead|site-header|site-footer|"
    r"global-header|global-footer|mega-menu|utility-nav|(?:nav|menu|footer|sidebar|social|"
    r"share|breadcrumb)-[\w-]+|[\w-]+-(?:nav|menu|navigation|footer|sidebar|pagination|pager|"
    r"share|breadcrumbs?))$"
)
_NEVER_BOILER = frozenset({"html", "body", "main", "article", "h1"})
# Layout modifiers ("has-sidebar", "with-double-sidebar") describe a page, not a block.
_MODIFIERS = ("has-", "with-", "no-", "without-", "is-", "one-", "two-", "left-", "right-")
_TITLE_NAME = re.compile(r"title|headline|heading", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINKS = etree.XPath("//a[@href]")
_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a[@href]]")
_JSONLD = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
_META = etree.XPath("//meta[@property or @name]")
_NOT_TEXT = frozenset({"a", "script", "style", "noscript", "head", "button", "select",
                       "option", "textarea", "svg", "template"})
_CJK = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PAGER = etree.XPath(
    "//link[@rel='next' or @rel='prev']|//a[contains(concat(' ', @rel, ' '), ' next ')]"
    "|//*[contains(@class, 'pagination') or contains(@class, 'pager')]"
)
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "report", "scholarlyarticle", "podcastepisode",
    "opinionnewsarticle", "reportagenewsarticle", "analysisnewsarticle", "techarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "videoobject", "event",
    "episode", "book", "chapter", "thesis", "dataset", "legislation", "medicalscholarlyarticle",
})
_LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "blog"})


@dataclass(frozen=True)
class PageKind:
    """The verdict on a fetched page: "publication", "listing" or "other", and why."""

    kind: str
    reason: str


@dataclass(frozen=True)
class LinkContext:
    """Where a link was found and how it was shown; the input of `is_publication_link`."""

    page_url: str
    text: str = ""
    card_title: bool = False
    card_secondary: bool = False
    heading: bool = False
    boilerplate: bool = False
    section: str | None = None
    allowed_domains: tuple[str, ...] = ()
    pattern: str | None = None
    listings: frozenset[str] = frozenset()


def link_rejection(url: str, context: LinkContext) -> str | None:
    """Return why a link is not a publication, or None when it is one.

    Args:
        url: the link's canonical absolute URL.
        context: where and how the listing page shows it.

    Returns:
        A short reason ("off-site", "taxonomy page (/tag/)", ...) or None.
    """
    if not is_http_url(url):
        return "not an http(s) link"
    if not is_same_site(url, context.allowed_domains):
        return "off-site"
    if is_asset_url(url):
        return "a file, not a page"
    key = record_key(url)
    if key in context.listings or key == record_key(context.page_url):
        return "a listing page"
    if context.pattern is not None:
        return None if matches_pattern(url, context.pattern) else "does not match link_pattern"
    reason = navigation_reason(url)
    if reason:
        return reason
    if context.section and is_under(context.section, url):
        return "a parent section of the listing"
    if context.boilerplate:
        return "in navigation, header, footer or sidebar"
    score = _score(url, context)
    return None if score >= _MIN_SCORE else f"weak evidence (score {score})"


def is_publication_link(url: str, context: LinkContext) -> bool:
    """Tell whether a link found on a listing page leads to a publication."""
    return link_rejection(url, context) is None


def page_links(doc: Document, *, section: str | None = None,
               allowed_domains: tuple[str, ...] = (), pattern: str | None = None,
               listings: frozenset[str] = frozenset()) -> list[tuple[str, LinkContext]]:
    """Return every <a href> of a page as (canonical URL, context), in page order.

    Args:
        doc: the parsed listing page (its URL resolves relative links).
        section: the start URL the listing belongs to.
        allowed_domains: the source's hosts.
        pattern: the source's `link_pattern`, which overrides the heuristics.
        listings: record keys of listing pages already known (never publications).
    """
    base = document_base(doc)
    boiler = _boilerplate(doc.root)
    titles, secondary = _card_links(doc.root, base)
    found = []
    for anchor in _LINKS(doc.root):
        url = canonical_url(anchor.get("href", ""), base)
        context = LinkContext(
            page_url=doc.url or base, text=_anchor_text(anchor), card_title=anchor in titles,
            card_secondary=anchor in secondary, heading=_in_heading(anchor),
            boilerplate=_inside(anchor, boiler), section=section,
            allowed_domains=allowed_domains, pattern=pattern, listings=listings)
        found.append((url, context))
    return found


def document_base(doc: Document) -> str:
    """Return the URL relative links of a page resolve against: its <base href>, else its URL."""
    url = doc.url or ""
    base = doc.root.find(".//base[@href]")
    if base is None:
        return url
    resolved = canonical_url(base.get("href", ""), url or None)
    return resolved if is_http_url(resolved) else url


def publication_links(links: list[tuple[str, LinkContext]]) -> list[str]:
    """Return the publication URLs among a page's links, once each, logging every rejection."""
    accepted: dict[str, str] = {}
    rejected: dict[str, str] = {}
    for url, context in links:
        key = record_key(url)
        if key in accepted:
            continue
        reason = link_rejection(url, context)
        if reason is None:
            accepted[key] = url
            rejected.pop(key, None)
        else:
            rejected.setdefault(key, reason)
    for key, reason in rejected.items():
        log.debug("dropped link %s: %s", key, reason)
    return list(accepted.values())


def page_kind(doc: Document, record: Record | None = None) -> PageKind:
    """Tell whether a fetched page is a publication, a listing or another page.

    Args:
        doc: the parsed page.
        record: the record extracted from it, when there is one (dates, authors).

    Returns:
        The kind and a one-line reason for the run report.
    """
    s = _signals(doc, record)
    if s.url_reason == "pagination":
        return PageKind(LISTING, "the URL is a numbered page of a listing")
    if s.types & _LISTING_TYPES and not s.types & _ARTICLE_TYPES:
        return PageKind(LISTING, "JSON-LD says " + ", ".join(sorted(s.types & _LISTING_TYPES)))
    if s.article and (s.dated or s.words >= 100) and not (s.cards >= 8 and s.words < 80):
        return PageKind(PUBLICATION, f"marked as {s.article}")
    if "profilepage" in s.types or s.og_type == "profile":
        return PageKind(OTHER, "a profile page")
    if s.cards >= 5 and s.words < 150:
        return PageKind(LISTING, f"{s.cards} cards and little text of its own")
    if s.cards >= 3 and s.pager and s.words < 300:
        return PageKind(LISTING, f"{s.cards} cards and pagination")
    if s.url_reason and not (s.dated and s.words >= 150):
        kind = LISTING if s.cards >= 3 else OTHER
        return PageKind(kind, f"the URL looks like a {s.url_reason}")
    return _by_text(s)


@dataclass(frozen=True)
class _Signals:
    """What page_kind weighs: types, cards, own text, pagination, URL and record hints."""

    types: frozenset[str]
    og_type: str
    article: str
    cards: int
    words: int
    items: int
    linked: int
    pager: bool
    url_reason: str | None
    dated: bool


def _signals(doc: Document, record: Record | None) -> _Signals:
    """Gather the signals of a page once."""
    types = _jsonld_types(doc.root)
    metas = {(m.get("property") or m.get("name") or "").lower(): m.get("content") or ""
             for m in _META(doc.root)}
    og_type = metas.get("og:type", "").strip().lower()
    article = ""
    if types & _ARTICLE_TYPES:
        article = "JSON-LD " + ", ".join(sorted(types & _ARTICLE_TYPES))
    elif og_type == "article" or "article:published_time" in metas or "citation_title" in metas:
        article = "an article by its meta tags"
    boiler = _boilerplate(doc.root)
    cards = [card for card, link in find_cards(doc.root)
             if _size(_anchor_text(link)) >= 3 and not _inside(card, boiler)]
    words = _own_words(doc.root, boiler | set(cards))
    dated = record is not None and record.published is not None \
        and record.provenance.get("published") != "url"
    url_reason = navigation_reason(doc.url) if doc.url and is_http_url(doc.url) else None
    linked = sum(1 for h in _LINKED_HEADINGS(doc.root) if not _inside(h, boiler))
    return _Signals(types, og_type, article, len(cards), words, _items(doc, boiler), linked,
                    bool(_PAGER(doc.root)), url_reason, dated)


def _items(doc: Document, boiler: set[Element]) -> int:
    """Return how many distinct same-site, item-shaped pages the content region links to."""
    base = doc.url or ""
    try:
        host, own = urlsplit(base).hostname, urlsplit(base).path.rstrip("/")
    except ValueError:  # a page URL no parser accepts: its links are resolved against none
        base, host, own = "", None, ""
    targets = set()
    for anchor in _LINKS(doc.root):
        try:
            url = urljoin(base, anchor.get("href", "").strip())
            parts = urlsplit(url)
        except ValueError:
            continue
        path = parts.path.rstrip("/")
        if parts.hostname == host and path != own and is_content_like(url) \
                and not is_asset_url(url) and not _inside(anchor, boiler):
            targets.add((path, parts.query))
    return len(targets)


def _by_text(s: _Signals) -> PageKind:
    """Decide a page without type markers by its own text, date and cards."""
    if s.words >= 150 and s.dated:
        return PageKind(PUBLICATION, f"a dated text of {s.words} words")
    if s.words >= 300 or (s.words >= 150 and s.cards < 3):
        return PageKind(PUBLICATION, f"a text of {s.words} words")
    if s.dated and (s.words >= 40 and s.cards < 5 or s.words >= 25 and s.linked <= 1):
        return PageKind(PUBLICATION, f"a dated page with {s.words} words of text")
    if s.cards >= 3 or s.items >= 3 or s.linked >= 2:
        return PageKind(LISTING, f"links to {max(s.cards, s.items, s.linked)} items and has "
                                 f"little text of its own")
    return PageKind(OTHER, f"little text ({s.words} words) and no date")


def _own_words(root: Element, skip: set[Element]) -> int:
    """Return the words of prose outside links, boilerplate and cards (chunks of 8 or more)."""
    total = 0
    stack = [root]
    while stack:
        el = stack.pop()
        if el in skip or not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        chunks = [el.text or ""] + [child.tail or "" for child in el]
        size = _size(" ".join(chunks))
        total += size if size >= 8 else 0
        stack.extend(el)
    return total


def _size(text: str) -> int:
    """Return the length of a text in words, counting two CJK or Thai characters as one."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _score(url: str, context: LinkContext) -> int:
    """Weigh the evidence that a link in the content region leads to one publication."""
    score = 2 * context.card_title + context.heading + 2 * is_content_like(url)
    score += len(context.text.split()) >= 4
    page = path_segments(context.page_url)
    own = path_segments(url)
    if (context.section and is_under(url, context.section)) or (page and own[:1] == page[:1]):
        score += 1
    return score - 3 * context.card_secondary


def _boilerplate(root: Element) -> set[Element]:
    """Return the elements that frame a page: header, nav, footer, aside, menus, sidebars."""
    found = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER_BOILER:
            continue
        if not (el.tag in _BOILER_TAGS or el.get("role") in _BOILER_ROLES or _named_boiler(el)):
            continue
        if el.tag in ("header", "footer") and _within_content(el):
            continue
        # A block holding the page's main region or its headline is content, whatever its name.
        if next(el.iter("main", "article", "h1"), None) is None:
            found.add(el)
    return found


def _named_boiler(el: Element) -> bool:
    """Tell whether an element's class or id names a menu, footer, sidebar or share block."""
    names = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    return any(_BOILER_NAME.match(n.split("__")[0].split("--")[0]) for n in names
               if not n.startswith(_MODIFIERS))


def _within_content(el: Element) -> bool:
    """Tell whether an element sits inside an article or the main region (a card's header)."""
    return any(a.tag in ("article", "main") or a.get("role") == "main"
               for a in el.iterancestors())


def _inside(el: Element, blocks: set[Element]) -> bool:
    """Tell whether an element is one of the blocks or inside one."""
    if el in blocks:
        return True
    return any(a in blocks for a in el.iterancestors())


def _card_links(root: Element, base: str) -> tuple[set[Element], set[Element]]:
    """Return the cards' title links and their other links (topic, author and type chips)."""
    titles: set[Element] = set()
    secondary: set[Element] = set()
    for card, link in find_cards(root):
        titles.add(link)
        main = record_key(canonical_url(link.get("href", ""), base))
        for anchor in card.iter("a"):
            if anchor is link or not anchor.get("href"):
                continue
            if record_key(canonical_url(anchor.get("href", ""), base)) == main:
                titles.add(anchor)
            else:
                secondary.add(anchor)
    return titles, secondary


def _in_heading(anchor: Element) -> bool:
    """Tell whether a link is a title: in or around a heading, or in a title-classed element."""
    if next((el for el in anchor.iter() if el.tag in _HEADINGS), None) is not None:
        return True
    if not text_of(anchor).strip() and _sibling_heading(anchor) is not None:
        return True  # an empty link laid over a whole card, next to the card's heading
    for depth, el in enumerate([anchor, *anchor.iterancestors()]):
        if el.tag in _HEADINGS or _TITLE_NAME.search(el.get("class", "")):
            return True
        if depth >= 2:
            return False
    return False


def _anchor_text(anchor: Element) -> str:
    """Return a link's visible text, else its aria-label, title or image alt text."""
    text = " ".join(text_of(anchor).split())
    if text:
        return text
    img = anchor.find(".//img")
    alt = img.get("alt", "") if img is not None else ""
    label = anchor.get("aria-label") or anchor.get("title") or alt
    heading = _sibling_heading(anchor) if not label.strip() else None
    return " ".join((label or (text_of(heading) if heading is not None else "")).split())


def _sibling_heading(anchor: Element) -> Element | None:
    """Return the heading next to a link inside the same parent, if there is one."""
    parent = anchor.getparent()
    if parent is None:
        return None
    return next((el for el in parent.iterchildren() if el.tag in _HEADINGS), None)


def _jsonld_types(root: Element) -> frozenset[str]:
    """Return the lowercased @type names of the top-level and @graph JSON-LD nodes."""
    found: set[str] = set()
    for script in _JSONLD(root):
        stack = load_jsonld(script.text or "")
        while stack and len(found) < 100:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node[:100])
            elif isinstance(node, dict):
                found.update(t.lower() for t in jsonld_types(node))
                graph = node.get("@graph")
                stack.extend(graph[:100] if isinstance(graph, list) else [graph])
    return frozenset(found)
