"""What a link on a listing page is: a publication, or something else.

Discovery asks which links of a listing page lead to publications. The answer
uses general signals only, never a site's markup: boilerplate regions (header,
nav, footer, aside and their class names), repeated card blocks with their
title links (`harvester.extract.cards`), URL shapes (`harvester.urls`) and the
link's own text. Whether a fetched page is a publication is `harvester.pagekind`,
which looks past the same boilerplate.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from .canonical import canonical_url, is_http_url, record_key
from .extract.cardfind import (find_cards, is_call, link_cards, list_cards, title_element,
                                unlinked_title)
from .extract.tree import Element, text_of
from .parse import Document
from .text import word_count
from .urls import (is_asset_url, is_document_url, is_same_site, is_site_home, is_under,
                   matches_pattern, path_segments, section_urls)
from .urlshapes import has_id_param, is_content_like, navigation_reason, url_shape

log = logging.getLogger(__name__)

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
LINKS = etree.XPath("//a[@href]")


@dataclass(frozen=True)
class LinkContext:
    """Where a link was found and how it was shown; the input of `is_publication_link`."""

    page_url: str
    text: str = ""
    card_title: bool = False
    card_secondary: bool = False
    heading: bool = False
    # One of a list's or table's titled links, one to an item ("<li><a>Long title</a></li>").
    listed: bool = False
    boilerplate: bool = False
    section: str | None = None
    allowed_domains: tuple[str, ...] = ()
    pattern: str | None = None
    listings: frozenset[str] = frozenset()
    # URL shapes (`urls.url_shape`) of the publications found on the listing's earlier pages.
    shapes: frozenset[tuple[str, int]] = frozenset()


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
    if context.section and is_under(context.section, url) \
            and not has_id_param(urlsplit(url).query):
        # "/?p=123" is above every section, but it is one post (WordPress's plain links).
        return "a parent section of the listing"
    if context.boilerplate:
        return "in navigation, header, footer or sidebar"
    score = _score(url, context)
    return None if score >= _MIN_SCORE else f"weak evidence (score {score})"


def _is_part(url: str, context: LinkContext) -> bool:
    """Tell whether a link may name a part of the listing, one folder below it and labelled
    in a word or two ("Reports" to "/research/reports/" on "/research/"): a hub's tile when
    all the page's links are such, an item ("Micropolitics") beside others."""
    section = context.section or ""
    if not section or is_site_home(section):
        return False  # posts at a blog's root ("/lisbon/"); a home's sections are its menu's
    return is_under(url, section) and len(path_segments(url)) == len(path_segments(section)) + 1 \
        and word_count(context.text) <= 2 and not is_content_like(url) \
        and not has_id_param(urlsplit(url).query)


def is_publication_link(url: str, context: LinkContext) -> bool:
    """Tell whether a link found on a listing page leads to a publication."""
    return link_rejection(url, context) is None


def page_links(doc: Document, *, section: str | None = None,
               allowed_domains: tuple[str, ...] = (), pattern: str | None = None,
               listings: frozenset[str] = frozenset(),
               shapes: frozenset[tuple[str, int]] = frozenset()) -> list[tuple[str, LinkContext]]:
    """Return every <a href> of a page as (canonical URL, context), in page order.

    Args:
        doc: the parsed listing page (its URL resolves relative links).
        section: the start URL the listing belongs to.
        allowed_domains: the source's hosts.
        pattern: the source's `link_pattern`, which overrides the heuristics.
        listings: record keys of listing pages already known (never publications).
        shapes: URL shapes of the publications the listing's earlier pages showed.
    """
    base = document_base(doc)
    boiler = boilerplate(doc.root)
    titles, secondary, named = _card_links(doc.root, base)
    listed = {link for _, link in list_cards(doc.root)}
    found = []
    for anchor in LINKS(doc.root):
        url = canonical_url(anchor.get("href", ""), base)
        context = LinkContext(
            page_url=doc.url or base, text=named.get(anchor) or _title_text(anchor),
            card_title=anchor in titles,
            card_secondary=anchor in secondary, heading=_in_heading(anchor),
            listed=anchor in listed,
            boilerplate=inside(anchor, boiler), section=section,
            allowed_domains=allowed_domains, pattern=pattern, listings=listings, shapes=shapes)
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
    parts: set[str] = set()
    for url, context in links:
        key = record_key(url)
        if key in accepted:
            continue
        reason = link_rejection(url, context)
        if reason is None:
            accepted[key] = url
            rejected.pop(key, None)
            if _is_part(url, context):
                parts.add(key)
        else:
            rejected.setdefault(key, reason)
    for key in _sections_of_others(list(accepted.values())):
        rejected[key] = "a section holding other links of the page"
        del accepted[key]
    if accepted and set(accepted) <= parts:
        # A hub's tiles ("Reports" to "/research/reports/"): its parts are listings.
        rejected.update(dict.fromkeys(accepted, "a part of the listing, as all its links are"))
        accepted.clear()
    for key, reason in rejected.items():
        log.debug("dropped link %s: %s", key, reason)
    return list(accepted.values())


def file_links(links: list[tuple[str, LinkContext]]) -> list[str]:
    """Return the documents a page's cards are titled with ("Annual Report 2023" linking
    "/files/annual-report-2023.pdf"), once each: publications that are only a file.

    A file beside a card's own page ("Download PDF") titles no card, and one in a menu,
    header, footer or sidebar is the site's, not a listed publication.
    """
    found: dict[str, str] = {}
    for url, context in links:
        if (context.card_title or context.listed) and not context.boilerplate \
                and is_document_url(url) \
                and is_same_site(url, context.allowed_domains) \
                and matches_pattern(url, context.pattern):
            found.setdefault(record_key(url), url)
    return list(found.values())


def _sections_of_others(urls: list[str]) -> list[str]:
    """Return the record keys of the URLs that are the folder above another one and not
    item-shaped themselves: a home page's "Politics" heading over its stories' cards."""
    above = {record_key(folder) for url in urls for folder in section_urls(url)}
    return [record_key(u) for u in urls if record_key(u) in above and not is_content_like(u)]


def _score(url: str, context: LinkContext) -> int:
    """Weigh the evidence that a link in the content region leads to one publication."""
    score = 2 * (context.card_title or context.listed) + context.heading \
        + 2 * is_content_like(url)
    score += word_count(context.text) >= 4
    page = path_segments(context.page_url)
    own = path_segments(url)
    if (context.section and is_under(url, context.section)) or (page and own[:1] == page[:1]):
        score += 1
    # A last page's one or two items make no cards: the shape of the earlier pages' items counts.
    score += url_shape(url) in context.shapes
    return score - 3 * context.card_secondary


def boilerplate(root: Element) -> set[Element]:
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


def inside(el: Element, blocks: set[Element]) -> bool:
    """Tell whether an element is one of the blocks or inside one."""
    if el in blocks:
        return True
    return any(a in blocks for a in el.iterancestors())


def _card_links(root: Element, base: str
                ) -> tuple[set[Element], set[Element], dict[Element, str]]:
    """Return the cards' title links, their other links (topic, author and type chips), and
    the title of each title link that says only "Read more" under its card's heading."""
    titles: set[Element] = {link for _, link in link_cards(root)}
    secondary: set[Element] = set()
    named: dict[Element, str] = {}
    for card, link in find_cards(root):
        titles.add(link)
        heading = unlinked_title(card) if is_call(text_of(link)) else None
        if heading is not None:
            named[link] = " ".join(text_of(heading).split())
        main = record_key(canonical_url(link.get("href", ""), base))
        for anchor in card.iter("a"):
            if anchor is link or not anchor.get("href"):
                continue
            if record_key(canonical_url(anchor.get("href", ""), base)) == main:
                titles.add(anchor)
                if heading is not None:
                    named[anchor] = named[link]  # the card's image, linked too
            else:
                secondary.add(anchor)
    return titles, secondary, named


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


def _title_text(anchor: Element) -> str:
    """Return a link's title: the heading or title-classed element a whole-card link holds
    ("Reports" of a tile that also describes them), else its visible text."""
    heading = title_element(anchor, _HEADINGS)
    text = " ".join(text_of(heading).split()) if heading is not None else ""
    return text or anchor_text(anchor)


def anchor_text(anchor: Element) -> str:
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
