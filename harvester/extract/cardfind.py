"""Where a page's cards are: the blocks of a listing (or a "Related Publications" list)
that each describe one item, and the link each leads to.

A card is one of three or more sibling blocks that each carry a heading link; failing
headings, one of three or more same-class blocks holding one prominent link, a whole-link
card, or (with no list of titles either) three or more siblings of one tag and class that
each hold one title link and text beside it. A plain list's or a table's rows of titles
are cards too (`list_cards`). `cards.parse_cards` reads what each card says.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree

from ..dates import find_dates
from ..text import word_count
from ..urls import is_asset_url, is_document_url
from .tree import Element, text_of

# Headings that hold a link, or sit inside one ("<a href><h4>Title</h4></a>").
_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[descendant::a[@href and not(starts-with(@href, '#'))] or "
    "ancestor::a[@href and not(starts-with(@href, '#'))]]"
)
_LINKS = etree.XPath("//body//a[@href]")
_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A plain list's items and a table's cells; the rows they make.
_LIST_ITEMS = frozenset({"li", "td", "dt", "dd"})
_ROWS = ("li", "tr", "dt", "dd")
_MIN_LISTED = 5
_TITLE_CLASS = re.compile(r"title|headline|heading", re.IGNORECASE)
_CLASSED = etree.XPath("//body//*[@class][descendant::a[@href]]")
# A title link's text is this long at least ("Read more" and "PDF" are none).
_TITLE_CHARS = 10
# A link's text that calls to follow it rather than names what it leads to.
_CALL = re.compile(r"(?i)^\W*(?:read (?:more|the (?:full )?(?:report|article|story))|"
                   r"continue reading|learn more|find out more|more|details|view|"
                   r"weiterlesen|mehr(?: lesen| erfahren)?|lire la suite|en savoir plus|"
                   r"leer más|seguir leyendo|leggi (?:di più|tutto)|lees (?:meer|verder))\W*$")
_CARD_CLASS = re.compile(r"card|teaser|item|result|views-row|post|entry|summary|listing|"
                         r"story|article|publication|node", re.IGNORECASE)
MIN_CARDS = 3


def find_cards(root: Element) -> list[tuple[Element, Element]]:
    """Return (card element, its main link) for each card on the page, in page order."""
    cards = _heading_cards(root) or _class_cards(root) or link_cards(root)
    if not cards and not list_cards(root):  # a list's rows are its items, not its blocks
        cards = _sibling_cards(root)
    return sorted(cards, key=lambda pair: _position(root, pair[0]))


def _heading_cards(root: Element) -> list[tuple[Element, Element]]:
    """Find cards as repeated siblings that each hold exactly one linked heading."""
    per_parent: dict[Element, dict[Element, list[Element]]] = {}
    for heading in _LINKED_HEADINGS(root):
        child = heading
        for parent in heading.iterancestors():
            per_parent.setdefault(parent, {}).setdefault(child, []).append(heading)
            if parent.tag == "body":
                break
            child = parent
    containers = []
    for parent, children in per_parent.items():
        singles = [c for c, hs in children.items() if len(hs) == 1]
        if len(singles) >= MIN_CARDS and len(singles) * 2 >= len(children):
            containers.append(parent)
    # Keep the deepest containers: an ancestor of a card list is not itself one.
    outer = {a for parent in containers for a in parent.iterancestors()}
    cards = []
    for parent in containers:
        if parent in outer:
            continue
        levels = Counter(hs[0].tag for hs in per_parent[parent].values() if len(hs) == 1)
        common = levels.most_common(1)[0][0]
        for child, headings in per_parent[parent].items():
            # The section's own heading over its cards ("<h2><a href=/politics/>" over h3
            # cards) is a heading of another level that stands alone: no card.
            if child is headings[0] and headings[0].tag != common and levels[child.tag] == 1:
                continue
            if len(headings) == 1:
                link = headings[0].find(".//a[@href]")
                if link is None:
                    link = next(headings[0].iterancestors("a"), None)
                if link is not None:
                    cards.append((child, link))
    return cards


def _class_cards(root: Element) -> list[tuple[Element, Element]]:
    """Find cards as three or more same-class siblings that each hold a substantial link."""
    groups: Counter[tuple[Element, str]] = Counter()
    members: dict[tuple[Element, str], list[Element]] = {}
    for el in _CLASSED(root):
        parent = el.getparent()
        cls = el.get("class", "")
        if parent is None or not _CARD_CLASS.search(cls):
            continue
        key = (parent, cls)
        groups[key] += 1
        members.setdefault(key, []).append(el)
    cards = []
    for key, count in groups.items():
        if count < MIN_CARDS:
            continue
        for el in members[key]:
            link = _main_link(el)
            if link is not None:
                cards.append((el, link))
    return cards


def _sibling_cards(root: Element) -> list[tuple[Element, Element]]:
    """Find cards as three or more siblings of one tag and class, whatever the class
    ("flex flex-col p-4"), that each hold one title link (four words or more) and text
    beside it (a day, a summary): a grid styled by utility classes, no heading in it. A
    menu's items hold their link alone."""
    groups: dict[tuple[Element, str, str], list[Element]] = {}
    for el in _CLASSED(root):
        parent = el.getparent()
        if parent is not None and el.tag not in ("a", "ul", "ol", "nav"):
            groups.setdefault((parent, el.tag, el.get("class", "")), []).append(el)
    found = []
    for members in groups.values():
        if len(members) < MIN_CARDS:
            continue
        pairs = [(el, link) for el in members if (link := _main_link(el)) is not None
                 and word_count(text_of(link)) >= 4 and _one_title(el)
                 and _text_beside(el, link)]
        if len(pairs) >= MIN_CARDS and len({a.get("href") for _, a in pairs}) == len(pairs):
            found += pairs
    return found


def _one_title(card: Element) -> bool:
    """Tell whether a block holds one title link (four words or more), as a card does; a
    group of items (a year's list) holds several."""
    titles = {a.get("href") for a in card.iter("a") if word_count(text_of(a)) >= 4}
    return len(titles) == 1


def _text_beside(card: Element, link: Element) -> bool:
    """Tell whether a card holds text of its own beside its title link."""
    inside = set(link.iter())
    return any((el.text or "").strip() for el in card.iter()
               if isinstance(el.tag, str) and el not in inside) or any(
        (el.tail or "").strip() for el in link.iter())


def link_cards(root: Element) -> list[tuple[Element, Element]]:
    """Find cards that are whole links: three or more sibling links of one class, most of
    them holding several pieces of text ("<a class=card><div>Report</div><span>Title</span>
    <p>12 May 2024</p></a>", in a wrapper or not), where no heading marks the title. A
    menu's or a tag cloud's links hold their text alone."""
    cards: list[tuple[Element, Element]] = []
    parents = dict.fromkeys(a.getparent() for a in _LINKS(root))  # in page order
    for parent in parents:
        if parent is None:
            continue
        rows: dict[str, list[Element]] = {}
        for child in parent.iterchildren("a"):
            if child.get("href"):
                rows.setdefault(child.get("class", ""), []).append(child)
        cards += [(a, a) for row in rows.values() if len(row) >= MIN_CARDS
                  and 2 * sum(_pieces(a) >= 2 for a in row) > len(row) for a in row]
    return cards


def _pieces(link: Element) -> int:
    """Return how many elements inside a link hold text of their own (a type, a title, a
    day), however deep a wrapper sets them ("<a><div class=card-body><span>…")."""
    return sum(1 for el in link.iterdescendants() if isinstance(el.tag, str)
               and (el.text or "").strip())


def list_cards(root: Element) -> list[tuple[Element, Element]]:
    """Find the rows of plain lists and tables of titles, as (item, title link): five or
    more items (<li>, a table's row) of one list, the longest link of each, most of them
    four words or more long ("Ceasefires That Hold in the North"). A menu's labels are
    shorter. A row's other cells (its day, its "PDF") describe its title's item."""
    rows: dict[Element, list[Element]] = {}
    for anchor in _LINKS(root):
        item = anchor.getparent()
        while item is not None and item.tag not in _LIST_ITEMS and item.tag not in _HEADINGS \
                and len(item) <= 2:
            item = item.getparent()  # "<li><span><a>…" or "<td><strong><a>…"
        if item is None or item.tag not in _LIST_ITEMS or item.getparent() is None:
            continue
        holder = item.getparent()
        if holder.tag == "tr":
            holder = holder.getparent()  # a table's rows, one link a row
        if holder is not None:
            rows.setdefault(holder, []).append(anchor)
    found: list[tuple[Element, Element]] = []
    for links in _pooled(rows):
        longest: dict[Element, tuple[int, Element]] = {}
        for anchor in links:  # an item's title, not its "PDF" or author link
            words = word_count(text_of(anchor))
            item = next(anchor.iterancestors(*_ROWS), anchor)
            if words < 4 and (cell := row_title(item)) is not None:
                words = word_count(text_of(cell))  # "Bulletin, March 2024 | 15 March | PDF"
            if item not in longest or words > longest[item][0]:
                longest[item] = (words, anchor)
        titled = sum(words >= 4 for words, _ in longest.values())
        if len(longest) >= _MIN_LISTED and titled * 5 >= len(longest) * 3:
            found += [(item, anchor) for item, (_, anchor) in longest.items()]
    return found


def _pooled(rows: dict[Element, list[Element]]) -> list[list[Element]]:
    """Return the links of each list, the short lists of one listing pooled: a library
    grouped by year ("<details><summary>2023</summary><ul>…", or a heading before each
    <ul>) shows its items in lists of a few, like ones under one block."""
    pools: dict[tuple[Any, ...], list[Element]] = {}
    found = []
    for holder, links in rows.items():
        if len({next(a.iterancestors(*_ROWS), a) for a in links}) >= _MIN_LISTED:
            found.append(links)
            continue
        parent = holder.getparent()
        above = parent.getparent() if parent is not None else None
        key = (above, parent.tag if parent is not None else None, holder.tag,
               holder.get("class", ""))
        pools.setdefault(key, []).extend(links)
    return found + list(pools.values())


def row_title(row: Element) -> Element | None:
    """Return a table row's title cell when its links are labels ("PDF", "Download"): the
    longest cell without a link, of four words or more, that is not a date."""
    if row.tag != "tr":
        return None
    cells = [c for c in row if c.tag in ("td", "th") and c.find(".//a") is None]
    best = max(cells, key=lambda c: word_count(text_of(c)), default=None)
    if best is None or word_count(text := text_of(best)) < 4:
        return None
    return None if word_count(text) <= 6 and find_dates(text) else best


def title_element(link: Element, tags: frozenset[str] = _TITLE_TAGS) -> Element | None:
    """Return the first element inside a link that is a title: one of `tags` (headings), or
    an element classed as a title ("card__title")."""
    return next((el for el in link.iterdescendants() if isinstance(el.tag, str) and (
        el.tag in tags or _TITLE_CLASS.search(el.get("class") or ""))), None)


def title_piece(card: Element) -> Element:
    """Return the element of a whole-link card that holds its title: a heading, an element
    classed as a title, else the child with the longest text (a type or a date is short)."""
    found = title_element(card)
    if found is not None:
        return found
    children = [c for c in card if isinstance(c.tag, str)]
    return max(children, key=lambda c: len(text_of(c).strip()), default=card)


def _main_link(card: Element) -> Element | None:
    """Return a card's title link: under a heading of the card's own that is no link, its
    "Read more" (or the one page all its links lead to, an image's too); else the link with
    the longest text that is no call to follow it."""
    links = [a for a in card.iter("a") if a.get("href") and not a.get("href").startswith("#")]
    if unlinked_title(card) is not None:
        calls = [a for a in links if text_of(a).strip() and is_call(text_of(a))]
        for group in (calls, links):
            hrefs = {a.get("href", "").strip() for a in group}
            if len(hrefs) == 1 and (not is_asset_url(href := hrefs.pop())
                                    or is_document_url(href)):
                return group[-1]  # not a slider's image shown large
    titled = [a for a in links if not is_call(text_of(a))]
    return max(titled, key=lambda a: len(text_of(a).strip()), default=None)


def is_call(text: str) -> bool:
    """Tell whether a link's text is no title but a call to follow it: shorter than a title
    ("PDF", "→"), or "Read more", "Continue reading", "Weiterlesen" and kin."""
    return len(text.strip()) < _TITLE_CHARS or bool(_CALL.match(text))


def unlinked_title(card: Element) -> Element | None:
    """Return a card's heading (or title-classed element) that is no link, when it reads
    like a title: the title of a card whose link says "Read more"."""
    found = title_element(card)
    if found is None or found.tag == "a" or next(found.iterancestors("a"), None) is not None \
            or found.find(".//a") is not None:
        return None
    return found if len(text_of(found).strip()) >= _TITLE_CHARS else None


def _position(root: Element, el: Element) -> int:
    """Return a sortable document position for an element (its source line, then order)."""
    return el.sourceline or 0
