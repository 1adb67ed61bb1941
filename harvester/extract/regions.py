"""Where the page's own metadata lives: the headline, and the blocks that describe others.

Related-items cards, "More from" lists, sidebars, navigation, footers and
comments describe *other* publications; their authors, dates and types must
never reach the page's record. They are found by general structure, never by
site: structural tags and roles, common class names, containers whose heading
says "Related"/"More"/"Latest", and repeated card-like siblings that each
carry their own heading link. Which element is the headline is `headline_pick`'s call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from .classes import ARTICLE, FOREIGN
from .headline_pick import ARTICLE_TAGS, inside_article, pick_headline
from .tree import HIDDEN, Element, text_of

if TYPE_CHECKING:
    from .page import Page

_FOREIGN_HEADING = re.compile(
    r"^\W*(?:related(?!\s+(?:topics?|tags?|subjects?|issues?|issue areas?|themes?|keywords|"
    r"regions?|countries|areas|terms|content types?)\W*$)|more\b|recommended|latest|popular|"
    r"most (?:read|popular|viewed|shared)|upcoming|past events|other events|"
    r"see also|read (?:more|next|also)|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
    r"further reading|trending|also (?:on|in|read)|other "
    r"(?:publications|stories|articles|news|reports|papers|briefs|posts|research|"
    r"analys[ie]s|commentar(?:y|ies)|work)|"
    r"up next|what to read next|explore more|top stories|editor'?s picks|in (?:this|the) series|"
    r"recent (?:posts|articles|publications|stories)|keep reading|comments?\b|leave a (?:reply|"
    r"comment)|mehr zum thema|das könnte|weitere|lesen sie auch|lire aussi|à lire aussi|"
    r"sur le même sujet|leer más|te puede interesar|lee también|artículos relacionados|"
    r"articoli correlati|leggi anche|notícias relacionadas|leia também|gerelateerd|"
    r"lees ook|relaterade|relaterte|relaterede|похожие|читайте также|"
    # Central and Eastern European, Nordic, Turkish, Greek, Hebrew, Arabic and East Asian
    r"ďalšie|další|súvisiace|související|podobné|powiązane|zobacz (?:też|także)|czytaj (?:też|"
    r"także)|kapcsolódó|további|ajánlott|citește și|vezi și|articole similare|σχετικά άρθρα|"
    r"διαβάστε επίσης|lue myös|aiheeseen liittyvät|læs også|les også|se også|ilgili haberler|"
    r"benzer (?:haberler|yazılar)|читайте також|схожі|כתבות נוספות|مقالات ذات صلة|اقرأ أيضا|"
    r"関連記事|関連する|相关文章|相关阅读|相關文章|관련\s?기사|"
    # Indonesian and Malay
    r"berita (?:terkait|lainnya|berkaitan)|artikel terkait|baca juga|terpopuler)",
    re.IGNORECASE)
# Headings of a sidebar block that describes the page itself ("About this article").
_OWN_HEADING = re.compile(
    r"^\W*(?:about this (?:article|post|story|publication|report|entry)|article (?:details|info)|"
    r"über diesen (?:artikel|beitrag)|zu diesem (?:artikel|beitrag)|à propos de cet article|"
    r"sobre este (?:artículo|artigo)|su questo articolo|over dit artikel)\W*$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Share buttons ("social-share", "sharing"), not lists of what was shared ("most-shared").
_SHARE_BUTTONS = re.compile(r"shar(?:e|ing)(?![a-z])")
# At most this many elements in a share bar that is the page's own date line.
_BAR_SIZE = 40
_NEVER_BLOCKS = {"body", "html", "h1", "time", "a", "span", "meta", "img"}
_CARD_HEADINGS = {"h2", "h3", "h4", "h5"}


class Regions:
    """The headline element and the set of subtrees that belong to other content."""

    def __init__(self, page: Page) -> None:
        """Find the headline and the foreign blocks of an indexed page."""
        self.h1 = pick_headline(page)
        self._h1_path = set(self.h1.iterancestors()) if self.h1 is not None else set()
        self._h1_path.add(self.h1)
        self.foreign: set[Element] = set()
        # Blocks inside foreign ones that describe the page itself ("About this article").
        self.own: set[Element] = set()
        self._mark_structural(page.structural)
        # A block that holds an <article>/<main> is a page wrapper, never a sidebar.
        self._wrappers = {a for el in page.mains if el.tag in ARTICLE_TAGS
                          for a in el.iterancestors()}
        self._mark_named(page.named)
        self._mark_headed(page.headings)
        for parent in listing_containers(page.headings):
            self._add(parent)
        self._verdict: dict[Element, bool] = dict.fromkeys(self.foreign, True)
        self._verdict.update(dict.fromkeys(self.own, False))

    def is_foreign(self, el: Element) -> bool:
        """Tell whether an element sits inside a block that describes other content."""
        verdicts = self._verdict
        verdict = verdicts.get(el)
        if verdict is not None:
            return verdict
        # Walk up to the first element already judged (foreign blocks are, from the start);
        # every element on the way gets the same verdict, so each is judged once per page.
        chain = [el]
        node = el.getparent()
        while node is not None:
            verdict = verdicts.get(node)
            if verdict is not None:
                break
            chain.append(node)
            node = node.getparent()
        else:
            verdict = False
        for seen in chain:
            verdicts[seen] = verdict
        return verdict

    def _add(self, el: Element) -> None:
        """Mark a block foreign unless it holds the headline (then it is the page itself)."""
        if el not in self._h1_path:
            self.foreign.add(el)

    def _mark_structural(self, blocks: list[Element]) -> None:
        """Mark nav, aside, footers, forms and site headers that are not the article's own."""
        for el in blocks:
            tag = el.tag
            if tag in ("footer", "aside") and inside_article(el):
                continue
            if tag == "header" and (inside_article(el) or el in self._h1_path):
                continue
            if tag == "form" and _wraps_page(el):
                continue
            self._add(el)

    def _mark_named(self, named: list[tuple[Element, str, int]]) -> None:
        """Mark elements whose class or id names a related/sidebar/comment/nav block."""
        for el, words, flags in named:
            if flags & FOREIGN and not flags & ARTICLE and el.tag not in _NEVER_BLOCKS \
                    and el not in self._h1_path and el not in self._wrappers \
                    and el.tag not in ARTICLE_TAGS and not _is_meta_bar(el, words):
                self._add(el)

    def _mark_headed(self, headings: list[Element]) -> None:
        """Mark containers introduced by a heading such as "Related" or "More from"."""
        for heading in headings:
            text = text_of(heading)
            if len(text) > 80:
                continue
            if _OWN_HEADING.match(text.strip()):
                self._mark_own(heading)
                continue
            if not _FOREIGN_HEADING.match(text.strip()):
                continue
            block = heading.getparent()
            while block is not None and len(block) < 2 and block.getparent() is not None:
                block = block.getparent()
            if block is None or block in self._h1_path:
                self._mark_following(heading)
            else:
                self._add(block)

    def _mark_own(self, heading: Element) -> None:
        """Keep what an "About this article" heading introduces as the page's own."""
        for sibling in heading.itersiblings():
            if sibling.tag in _CARD_HEADINGS or sibling.tag == "h6":
                break
            self.own.add(sibling)

    def _mark_following(self, heading: Element) -> None:
        """Mark what follows a "Related" heading when its container also holds the page."""
        for sibling in heading.itersiblings():
            if sibling.tag in ("h2", "h3"):
                break
            self._add(sibling)


def _is_meta_bar(el: Element, words: str) -> bool:
    """Tell whether a small block named for share buttons also states a date outside its
    links: the bar under a headline that holds the page's date and byline beside them.

    A list of items ("most shared", or entries that each hold a link and a date) is none.
    """
    if not _SHARE_BUTTONS.search(words):
        return False
    nodes = list(islice(el.iter(etree.Element), _BAR_SIZE + 1))
    if len(nodes) > _BAR_SIZE:
        return False
    dated = [node for node in nodes if node.tag != "a" and node.text
             and getattr(node.getparent(), "tag", "a") != "a" and _YEAR.search(node.text)]
    for node in dated:
        item = next((a for a in _ancestors_below(node, el) if a.tag in ("li", "article")), None)
        if item is not None and item.find(".//a") is not None:
            return False
    return bool(dated)


def _ancestors_below(node: Element, top: Element) -> Iterator[Element]:
    """Yield a node's ancestors up to, not including, `top`."""
    for ancestor in node.iterancestors():
        if ancestor is top:
            return
        yield ancestor


def listing_containers(headings: list[Element]) -> list[Element]:
    """Return elements whose children repeat a card: one heading link each, three or more."""
    cards: dict[Element, dict[Element, int]] = {}
    for heading in headings:
        if heading.tag not in _CARD_HEADINGS or not _has_link(heading):
            continue
        child = heading
        for parent in heading.iterancestors():
            per_child = cards.setdefault(parent, {})
            per_child[child] = per_child.get(child, 0) + 1
            if parent.tag in ("body", "article", "main"):
                break
            child = parent
    found = []
    for parent, per_child in cards.items():
        singles = sum(1 for n in per_child.values() if n == 1)
        if singles >= 3 and singles * 2 >= len(per_child) and not _holds_h1(parent):
            found.append(parent)
    # Keep the deepest containers: an ancestor of a listing is not itself one.
    outer = {a for p in found for a in p.iterancestors()}
    return [p for p in found if p not in outer]


def _has_link(heading: Element) -> bool:
    """Tell whether a heading is a link to another page (not an in-page anchor): a card's
    title is linked as a whole, an interview's question may cite a source in passing."""
    links = [a for a in heading.iter("a") if (a.get("href") or "#")[:1] != "#"]
    if not links:
        return False
    linked = sum(len(text_of(a).strip()) for a in links)
    return linked * 2 >= len(text_of(heading).strip())


def _holds_h1(el: Element) -> bool:
    """Tell whether an element contains an <h1> (then it is a page, not a card list)."""
    return next(el.iter("h1"), None) is not None


# Characters of text no form but a page's wrapper holds (a comment form's notes included).
_PAGE_TEXT = 1500


def _wraps_page(form: Element) -> bool:
    """Tell whether a <form> wraps the page itself (ASP.NET's around the whole body): it
    holds the site's blocks, the article or the headline, several headings, or more text
    than any search, login or comment form says; a form with no field to fill in (only
    hidden ones, as Korean e-government boards post a page's state) is no form a reader sees.
    """
    if not any(el.tag != "input" or (el.get("type") or "").lower() != "hidden"
               for el in form.iter("input", "textarea", "select", "button")):
        return True
    blocks = form.iter("nav", "header", "footer", "main", "article", "h1", "h2", "h3")
    first = next(blocks, None)
    if first is not None and (first.tag not in ("h2", "h3") or next(blocks, None) is not None):
        return True
    return len(text_of(form)) > _PAGE_TEXT



def following(start: Element, limit: int) -> list[Element]:
    """Return up to `limit` visible elements after `start` in document order (its own
    subtree first)."""
    found: list[Element] = []
    skip: set[Element] = set()
    _collect(start.iterdescendants(), found, limit, skip)
    node: Element | None = start
    while node is not None and len(found) < limit:
        for sibling in node.itersiblings():
            if _collect(sibling.iter(), found, limit, skip):
                return found
        node = node.getparent()
    return found


def preceding(start: Element, limit: int) -> list[Element]:
    """Return up to `limit` visible elements before `start`, nearest first (siblings, then up)."""
    found: list[Element] = []
    skip: set[Element] = set()
    node: Element | None = start
    while node is not None and node.tag != "body":
        for sibling in node.itersiblings(preceding=True):
            if _collect(sibling.iter(), found, limit, skip):
                return found
        node = node.getparent()
    return found


def _collect(elements: Iterator[Element], found: list[Element], limit: int,
             skip: set[Element]) -> bool:
    """Append visible elements to `found` (no script, style, noscript or template content);
    return True once it holds `limit` elements."""
    for el in elements:
        tag = el.tag
        if tag in HIDDEN:
            if len(el):
                skip.update(el.iterdescendants())
            continue
        if skip and el in skip or not isinstance(tag, str):
            continue
        found.append(el)
        if len(found) >= limit:
            return True
    return False
