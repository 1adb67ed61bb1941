"""Listing-page cards: title, date, authors, type, topics and summary before the page is fetched.

A card is one of three or more sibling blocks that each carry their own
heading link (or, failing headings, one prominent link) — the shape of
"Related Publications" lists and of listing pages alike. Each card gives a
partial Record whose `url` is the absolute URL of its link and whose
provenance is "card".
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

from lxml import etree

from ..dates import find_dates
from ..names import split_names
from ..normalize import as_card, build_record
from ..parse import Document
from ..record import Candidate, Record
from ..text import clean, word_count
from ..urls import is_asset_url, is_document_url
from ..vocab import Vocabulary
from .bylines import BY_WORDS
from .datelines import own_label, says_updated
from .labels import label_kind
from .page import Page
from .tree import Element, text_of, texts

_DIGIT = re.compile(r"\d")
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
_BY = re.compile(rf"^\s*{BY_WORDS}\s*:?\s+", re.IGNORECASE)
# A line that ends with the label: "March 3, 2024 · By" before a linked name.
_CONNECTORS = {",", "and", "&", ", and", "und", "et", "y", "e", "en", "i"}
_BY_END = re.compile(r"(?:^|[\s|·•–—-])(?:by|von|par|por|door|authors?|autor(?:in|en)?|"
                     r"auteurs?|written by)\s*:?$", re.IGNORECASE)
# "Label: value" lines ("Type: Report", "Autorin: Jane Doe", "Themen: A, B").
_LABEL = re.compile(r"^\s*([^\W\d][^:：\n]{0,38}?)\s*[:：]\s*(.+)$")
_AUTHOR_CLASS = re.compile(r"author|byline|contributor|expert", re.IGNORECASE)
_TOPIC_CLASS = re.compile(r"(?<![a-z])(?:tags?|topics?|issues?|subjects?|themes?|terms?|"
                          r"categor)", re.IGNORECASE)
_TYPE_CLASS = re.compile(r"type|kicker|eyebrow|label|format|category|overline|dachzeile|"
                         r"surtitre|antetitulo|occhiello|rubric", re.IGNORECASE)
# A by-word inside a dated line, before a name: "Publié le 3 mars 2024 par Jean Dupont".
_MID_BY = re.compile(r"\s(?:by|von|par|por|door|di)\s+(?=[A-ZÀ-Þ])")
_MIN_CARDS = 3
_MIN_SUMMARY = 60
_MIN_SENTENCE_WORDS = 5
_MAX_PIECE_WORDS = 4
_DATELINE_SPLIT = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*")


def parse_cards(doc: Document, *, vocabulary: Vocabulary | None = None,
                source: str | None = None) -> list[Record]:
    """Return the partial records of a listing page's cards, in page order.

    Args:
        doc: the parsed listing page (its URL resolves the cards' links).
        vocabulary: type and topic vocabulary (default: the shipped one).
        source: the configured source name, copied into each record.

    Returns:
        One record per card with a link, its `url` the link's absolute URL and its
        provenance "card"; duplicates (the same URL twice) are dropped.
    """
    from . import default_vocabulary

    page = Page(doc)
    vocab = vocabulary or default_vocabulary()
    records: list[Record] = []
    seen: set[str] = set()
    cards = find_cards(doc.root)
    carded = {link for _, link in cards}
    # A plain list's or a table's rows are cards too (a row's day for its title's item).
    cards += [(row, link) for row, link in list_cards(doc.root) if link not in carded]
    for card, link in cards:
        url = page.absolute(link.get("href"))
        if not url or not url.startswith(("http://", "https://", "file://")) or url in seen:
            continue
        seen.add(url)
        found = _card_candidates(*_with_descriptions(card, link))
        records.append(as_card(build_record(found, url=url, vocabulary=vocab, source=source)))
    return _without_shared_images(records)


def _without_shared_images(records: list[Record]) -> list[Record]:
    """Drop an image three cards or more show: the template's (a file type's icon, a
    placeholder), not the item's own."""
    counts = Counter(r.image.url for r in records if r.image is not None)
    shared = {url for url, n in counts.items() if n >= _MIN_CARDS}
    return [r.with_changes(image=None, provenance={k: v for k, v in r.provenance.items()
                                                   if k != "image"})
            if r.image is not None and r.image.url in shared else r for r in records]


def _with_descriptions(card: Element, link: Element) -> tuple[Element, Element]:
    """Return a definition list's term with the descriptions that follow it ("<dt><a>Title
    </a></dt><dd>Report · 3 March 2024</dd><dd>summary</dd>"), as one card (a copy), and
    its link in it; any other card as it is."""
    if card.tag != "dt":
        return card, link
    whole = etree.Element("div")
    term = copy.deepcopy(card)
    whole.append(term)
    for sibling in card.itersiblings():
        if not isinstance(sibling.tag, str):
            continue  # a comment between them
        if sibling.tag != "dd":
            break
        whole.append(copy.deepcopy(sibling))
    where = next(i for i, el in enumerate(card.iter()) if el is link)
    return whole, next(el for i, el in enumerate(term.iter()) if i == where)


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
        if len(singles) >= _MIN_CARDS and len(singles) * 2 >= len(children):
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
        if count < _MIN_CARDS:
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
        if len(members) < _MIN_CARDS:
            continue
        pairs = [(el, link) for el in members if (link := _main_link(el)) is not None
                 and word_count(text_of(link)) >= 4 and _one_title(el)
                 and _text_beside(el, link)]
        if len(pairs) >= _MIN_CARDS and len({a.get("href") for _, a in pairs}) == len(pairs):
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
        cards += [(a, a) for row in rows.values() if len(row) >= _MIN_CARDS
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


def _title_piece(card: Element) -> Element:
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


def _card_candidates(card: Element, link: Element) -> list[Candidate]:
    """Return the candidates one card gives (all with source "card")."""
    named = _title_piece(card) if link is card else link  # a whole-link card's title piece
    heading = unlinked_title(card) if named is link and is_call(text_of(link)) else None
    if heading is not None:
        named = heading  # "Read more" under the card's own heading
    cell = row_title(card) if card.tag == "tr" and word_count(text_of(named)) < 4 else None
    if cell is not None:
        named = cell  # a row's title cell beside its "PDF" link
    found = [Candidate("title", text_of(named), "card")]
    title = clean(text_of(named)) or ""
    for el in card.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "time" and el.get("datetime"):
            field = "updated" if says_updated(own_label(el)) else "published"
            found.append(Candidate(field, el.get("datetime"), "card"))
        words = el.get("class", "")
        if words and _AUTHOR_CLASS.search(words) and el is not card:
            found.append(Candidate("authors", split_names(_joined(el)), "card"))
        elif words and _TOPIC_CLASS.search(words) and el is not card:
            labels = [text_of(a) for a in el.iter("a")] or [_joined(el)]
            found.append(Candidate("topics", labels, "card"))
        elif words and _TYPE_CLASS.search(words) and len(text_of(el)) < 40 \
                and el is not card and not any(d is named for d in el.iter()):
            # Not the card itself, nor a block around its title: WordPress classes every
            # post "type-post format-standard category-x".
            found.append(Candidate("type", text_of(el), "card"))
    found += _text_candidates(card, title)
    img = card.find(".//img")
    if img is not None and (img.get("src") or img.get("data-src")):
        found.append(Candidate("image", (img.get("src") or img.get("data-src"),
                                         img.get("alt")), "card"))
    return found


def _text_candidates(card: Element, title: str) -> list[Candidate]:
    """Return dates, "By:" authors, "Type:" labels and the summary from a card's text lines."""
    found = []
    lines = [t for t in (clean(x) for x in texts(card)) if t]
    for i, line in enumerate(lines):
        if line == title:
            continue
        label = _LABEL.match(line)
        kind = label_kind(label.group(1)) if label else None
        if i and _BY_END.search(lines[i - 1]) and not _BY.match(line) and kind is None:
            found.append(Candidate("authors", split_names(_linked_names(lines, i)), "card"))
        elif _BY.match(line):
            found.append(Candidate("authors", split_names(_BY.sub("", line, count=1)), "card"))
        elif kind == "authors":
            found.append(Candidate("authors", split_names(label.group(2)), "card"))
        elif kind == "type":
            found.append(Candidate("type", label.group(2), "card"))
        elif kind == "topics":
            items = [t.strip() for t in re.split(r"[,;|·•]", label.group(2)) if t.strip()]
            found.append(Candidate("topics", items[:30], "card"))
        elif len(line) < 80 and _DIGIT.search(line) is not None and (dates := find_dates(line)):
            # "Updated: 3 March 2024" on a card dates a change, not the publication; the
            # label may be a line of its own ("Updated:" before "<time>3 March 2024").
            label = line[:dates[0][1]] or (lines[i - 1] if i and len(lines[i - 1]) < 30 else "")
            field = "updated" if says_updated(label) else "published"
            found.append(Candidate(field, dates[0][0], "card"))
            found += _dateline_words(line)
            if _MID_BY.search(line):  # "Publié le 3 mars 2024 par Jean Dupont"
                found.append(Candidate("authors", split_names(line), "card"))
        elif len(line) >= _MIN_SUMMARY or _is_sentence(line):
            found.append(Candidate("summary", line, "card"))
        elif len(line.split()) <= _MAX_PIECE_WORDS:
            found.append(Candidate("type", line, "card:dateline"))  # "Informe", if it maps
    return found


def _dateline_words(line: str) -> list[Candidate]:
    """Return the words beside the day in a card's dateline ("Policy Brief · 3.3.2024",
    "Feb 27, 2024 · Podcast") as type candidates: they count when the vocabulary knows
    them. (A name there is not taken: it may as well be a place, "New York · May 3".)"""
    pieces = [p.strip() for p in _DATELINE_SPLIT.split(line) if p.strip()]
    if not 2 <= len(pieces) <= 4:
        return []
    found = []
    for piece in pieces:
        if _BY.match(piece):  # "3.3.2024 | Von Erika Muster"
            found.append(Candidate("authors", split_names(_BY.sub("", piece, count=1)), "card"))
        elif not _DIGIT.search(piece) and len(piece.split()) <= _MAX_PIECE_WORDS:
            found.append(Candidate("type", piece, "card:dateline"))
    return found


def _is_sentence(line: str) -> bool:
    """Tell whether a shorter line reads as a sentence (a short summary): several words and
    a closing stop."""
    return len(line.split()) >= _MIN_SENTENCE_WORDS and line.rstrip()[-1:] in ".!?…"


def _linked_names(lines: list[str], i: int) -> str:
    """Return the names from line i on, joined with the connectors between them
    ("Ana Gómez", ",", "Li Wei", "and", "Sam Roe" -> "Ana Gómez, Li Wei and Sam Roe")."""
    names = [lines[i]]
    while i + 2 < len(lines) and lines[i + 1].lower() in _CONNECTORS:
        names += [lines[i + 1], lines[i + 2]]
        i += 2
    return " ".join(names).replace(" ,", ",")


def _joined(el: Element) -> str:
    """Return an element's text pieces separated by line breaks."""
    return "\n".join(t.strip() for t in texts(el) if t.strip())
