"""Listing-page cards: title, date, authors, type, topics and summary before the page is fetched.

A card is one of three or more sibling blocks that each carry their own
heading link (or, failing headings, one prominent link) — the shape of
"Related Publications" lists and of listing pages alike; `cardfind` finds them. Each
card gives a partial Record whose `url` is the absolute URL of its link and whose
provenance is "card".
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from lxml import etree

from ..dates import find_dates
from ..names import split_names
from ..normalize import as_card, build_record
from ..parse import Document
from ..record import Candidate, Record
from ..text import clean, word_count
from ..vocab import Vocabulary
from .byline_text import BY_WORDS
from .cardfind import (MIN_CARDS, find_cards, is_call, list_cards, row_title, title_piece,
                       unlinked_title)
from .datelines import own_label, says_updated
from .labels import label_kind
from .page import Page
from .tree import Element, text_of, texts

_DIGIT = re.compile(r"\d")
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
    shared = {url for url, n in counts.items() if n >= MIN_CARDS}
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


def _card_candidates(card: Element, link: Element) -> list[Candidate]:
    """Return the candidates one card gives (all with source "card")."""
    named = title_piece(card) if link is card else link  # a whole-link card's title piece
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
