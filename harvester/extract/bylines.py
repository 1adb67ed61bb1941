"""Bylines: who the page credits, read as a reader sees it near the headline.

Author markup (itemprop/rel=author, byline classes), links to people pages, "By" lines in
many languages, "Name | date" datelines and "Commentary by Jane Doe" credits; a type word
beside the day or before "by" is offered as a type candidate too. Comments, testimonials,
picture credits and foreign blocks (related cards, sidebars) credit nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from ..names import split_names
from ..record import Candidate
from .byline_text import AUTHOR_HREF, BY_TEXT, DIGIT, LEAD, credit_line, names_in
from .classes import BYLINE, FOREIGN
from .page import Page
from .tree import Element, text_of, unglued

_HEADINGS = ("h1", "h2", "h3", "h4", "title")
_BY_START = frozenset("bwphvdegséaortب")
_DAY_OR_TIME = re.compile(r"\d{1,4}[./:-]\d{1,2}|\b(?:19|20)\d{2}\b")
_DATELINE_SPLIT = re.compile(r"\s+[|·•–—-]\s+")
_CLOSE_DATELINE = 40
_QUOTED = re.compile(r"testimonial|quote|review|zitat|citation")
_CLOSE_ABOVE = 4
_MAX_TYPE_WORDS = 3
# "Commentary by", "Ein Kommentar von", "Une tribune par": one to three words, then the by-word.
_TYPE_BY = re.compile(r"^\s*(?:(?:(?i:an?|une?|el|la|il|un)\s+)?([^\W\d_][\w-]*(?:\s[\w-]+){0,2}?)"
                      r"\s+(?:by|par|por|door)|(?i:eine?)\s+([^\W\d_][\w-]*)\s+von)"
                      r"(?:\s+(?=[A-ZÀ-Þ])|\s*$)")
# Credits of what is not the text: pictures, sound, translation, production, editing.
_NOT_A_TEXT = re.compile(r"(?i)photo|foto|picture|image|bild|illustrat|graphic|grafik|cover|"
                         r"video|music|musik|produc|edit|translat|übersetz|tradu|sound|design|"
                         r"camera|kamera|cartoon|map|karte|powered|made|hosted|presented|"
                         r"written|posted|published|sponsored|supported|funded|followed|"
                         r"liked|shared|recommended|"
                         # a reviewer, a checker, a sponsor of the work ("Peer reviewed by")
                         r"reviewed|checked|proofread|approved|commissioned|endorsed|"
                         r"supervised|overseen|curated")
_MAX_TYPE_BY_LINE = 100
# A sentence's end: a period after a word of three letters or more (no title, no initial),
# then a capital.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})(?<!Prof)(?<!Mrs)\.\s+(?=[A-ZÀ-Þ])")
# A Korean byline: a name of two to four syllables, "기자" (reporter), maybe an address.
_KOREAN_BYLINE = re.compile(r"^\s*[가-힣]{2,4}\s*(?:선임|객원)?(?:기자|특파원)(?:\s+\S+@\S+)?\s*$")
_CONTAINERS = ("body", "html", "article", "main", "section")
# Blocks that credit a picture: its photographer or licensor is no author of the text.
_IMAGE_CREDIT = re.compile(r"licen[cs]e|copyright|credit|caption|photographer|fotograf")
_PHOTO_LABEL = re.compile(r"(?i)^\W*(?:fotos?|photos?|bild(?:er)?|imagen?|crédito|credito|"
                          r"credits?|copyright|©)\W*$")
_CREDIT_DEPTH = 3


def extract(page: Page) -> list[Candidate]:
    """Return the page's credited names, and the type words its credit lines give."""
    typed = _type_by_line(page)  # "Commentary by Jane Doe": read once, used twice
    return _authors(page, typed) + _dateline_types(page) + _by_types(typed)


def _authors(page: Page, typed: tuple[str, str] | None = None) -> list[Candidate]:
    """Return authors from itemprop/rel=author, byline blocks, author links and "By" lines."""
    near = page.near_set
    groups: dict[str, list[str]] = {}
    bylines: dict[str, list[Element]] = {}
    for el, words, flags in page.named:
        # A comment's author ("comment byuser comment-author-jane") is not the page's, nor
        # a testimonial's, a quote's or a review's.
        if not flags & BYLINE or flags & FOREIGN and "comment" in words \
                or _QUOTED.search(words):
            continue
        if "author" in words.split() and (el.get("itemprop") or el.get("rel")):
            if not page.is_foreign(el) or _of_headline_item(page, el):
                where = "near" if page.is_close(el) else "page"
                groups.setdefault(f"html:{_attr(el)}-{where}", []).extend(names_in(el))
        elif el.tag not in _CONTAINERS and not page.is_foreign(el) and not _credits_image(el):
            bylines.setdefault("byline" if el in near else "author-class", []).append(el)
    for where, els in bylines.items():
        groups[f"html:{where}"] = _block_names(els)
    links = [a for a in page.near if a.tag == "a" and AUTHOR_HREF.search(a.get("href") or "")]
    block = [a for a in links if _near_link(links[0], a)] if links else []
    # Each name keeps its profile page's address ("/editors/jon-fingas").
    groups["html:author-link"] = [(n, page.absolute(a.get("href")), False)
                                  for a in block for n in split_names(unglued(a))]
    dated = _dated_names(page)
    if dated:
        groups["html:dateline-name"] = dated
    by_line = next((el for el in page.near if is_by_line(el.text)
                    and el.tag not in _HEADINGS), None)
    if by_line is not None:
        # The by-word goes here: names keep a leading "Di" or "Oleh" (Di Stefano).
        groups["html:by-text"] = split_names(BY_TEXT.sub("", credit_line(by_line), count=1))
    else:
        if typed:  # "Commentary by Jane Doe"
            groups["html:by-text"] = split_names(typed[0])
        else:
            reporter = next((el.text for el in page.near[:_CLOSE_DATELINE]
                             if el.text and _KOREAN_BYLINE.match(el.text)), None)
            if reporter:  # "홍길동 기자": the name and the word for reporter
                groups["html:by-text"] = split_names(reporter)
    return [Candidate("authors", names, source) for source, names in groups.items() if names]

def _block_names(els: list[Element]) -> list[str]:
    """Return the names of the first byline block: its first element and the elements of
    the same block after it. A theme's byline naming a CMS login ("by comms-team") is
    skipped for the story's own byline below it."""
    start = next((el for el in els if not _login_credit(el)), None)
    return [n for el in els if start is not None and (el is start or _same_block(start, el))
            for n in names_in(el)]


def _login_credit(el: Element) -> bool:
    """Tell whether a byline element credits only a login: one lowercase word after its
    by-word ("by comms-team", "webeditor")."""
    words = BY_TEXT.sub("", " ".join(text_of(el).split()), count=1).split()
    return len(words) == 1 and words[0].islower() and not names_in(el)


def _credits_image(el: Element) -> bool:
    """Tell whether an author element credits a picture, not the text: it sits in a credit,
    caption or licence block ("credito-image", "license-author"), or a photo label goes
    before it ("<strong>Foto:</strong> <p class="autor">Name</p>")."""
    for node in (el, *islice(el.iterancestors(), _CREDIT_DEPTH), *el.iter("a")):
        if _IMAGE_CREDIT.search((node.get("class") or "").lower()):
            return True
    previous = el.getprevious()
    parent = el.getparent()
    label = previous.text if previous is not None else parent.text if parent is not None else ""
    return bool(label and _PHOTO_LABEL.match(label))

def is_by_line(text: str | None) -> bool:
    """Tell whether a text opens with "By", "Written by", "Von"... (first letter tested first)."""
    if not text:
        return False
    text = text.lstrip(LEAD)  # "| By " after a kicker, a screen-reader label
    return text[:1].lower() in _BY_START and BY_TEXT.match(text) is not None

_MAX_DATED_NAMES = 4


def _dated_names(page: Page) -> list[str]:
    """Return the name in a short "12.03.2024 | 13:10 | Jane Doe" line next to the headline
    (after it, or among the few elements right above it)."""
    for pieces in _datelines(page):
        names = [p for p in pieces if not DIGIT.search(p)]
        if len(names) == 1:
            # One piece of full names ("Jane Doe", "Jane Doe and John Roe"), not a place.
            found = split_names(names[0])
            if 0 < len(found) <= _MAX_DATED_NAMES and all(len(n.split()) >= 2 for n in found):
                return found
    return []

def _dateline_types(page: Page) -> list[Candidate]:
    """Return the words beside the day in a short "Issue Brief | March 3, 2024" line next to
    the headline as type candidates (they count only when the vocabulary knows them)."""
    for pieces in _datelines(page):
        words = [p.strip() for p in pieces if not DIGIT.search(p)]
        found = [Candidate("type", w, "html:dateline-type") for w in words
                 if len(w.split()) <= _MAX_TYPE_WORDS]
        if found:
            return found
    return []

def _by_types(typed: tuple[str, str] | None) -> list[Candidate]:
    """Return the words before "by" in a credit next to the headline ("Commentary by Jane
    Doe", "Ein Kommentar von ...") as a type candidate (it counts only when it maps)."""
    return [Candidate("type", typed[1], "html:dateline-type")] if typed else []


def _first_sentence(text: str) -> str:
    """Return a text up to the end of its first sentence (a title's or an initial's period
    ends none: "Dr. A", "Prof. B", "J. Doe")."""
    end = _SENTENCE_END.search(text)
    return text[:end.start()] if end else text


def _type_by_line(page: Page) -> tuple[str, str] | None:
    """Return the credit line next to the headline that names a kind of text before its
    by-word ("Commentary by Jane Doe"), as (names, kind); a picture's, a translation's or a
    production's credit ("Cover photo by", "Produced by") is none."""
    for el in page.near[:_CLOSE_DATELINE]:
        text = el.text
        if not text or el.tag in _HEADINGS or text[:1].islower():
            continue
        match = _TYPE_BY.match(text)
        kind = match and (match.group(1) or match.group(2))
        # A callout may go on about the authors after its credit ("Guest post by A and B.
        # A is a lecturer…"): the credit is its first sentence.
        if kind and not _NOT_A_TEXT.search(kind) \
                and len(_first_sentence(text_of(el))) <= _MAX_TYPE_BY_LINE:
            line = _first_sentence(credit_line(el))
            start = _TYPE_BY.match(line)
            if start:
                return line[start.end():], kind
    return None

def _datelines(page: Page) -> Iterator[list[str]]:
    """Yield the pieces of each short line next to the headline that is a day (and a time)
    plus at most two other pieces: "12.03.2024 | 13:10 | Jane Doe", "Report · 3 May 2024"."""
    for el in page.after[:_CLOSE_DATELINE] + page.before[:_CLOSE_ABOVE]:
        text = el.text
        if not text or len(text) > 100 or not DIGIT.search(text) or len(el) \
                or el.tag in _HEADINGS:
            continue
        pieces = [p for p in _DATELINE_SPLIT.split(text) if p.strip()]
        others = [p for p in pieces if not DIGIT.search(p)]
        # The dated pieces are a date or a time ("12.03.2024", "13:10"), not "Teil 49".
        if 2 <= len(pieces) <= 4 and 1 <= len(others) <= 2 and all(
                _DAY_OR_TIME.search(p) for p in pieces if p not in others):
            yield pieces

def _near_link(first: Element, el: Element) -> bool:
    """Tell whether an author link sits in the same small block as the first one."""
    up = list(islice(first.iterancestors(), 3))
    return any(a in up for a in islice(el.iterancestors(), 3))

def _same_block(first: Element, el: Element) -> bool:
    """Tell whether el belongs to the byline block that starts at `first`."""
    parent = first.getparent()
    return el.getparent() is parent or any(a is first for a in el.iterancestors())

def _item_of(el: Element) -> Element | None:
    """Return the microdata item an element's property belongs to (its nearest itemscope)."""
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _of_headline_item(page: Page, el: Element) -> bool:
    """Tell whether an itemprop author belongs to the item whose headline the page shows (an
    Article's author card in the article's own side column), not to a related card's item."""
    h1 = page.h1
    if h1 is None or not el.get("itemprop") or h1.get("itemscope") is not None:
        return False
    item = _item_of(el)
    return item is not None and item is _item_of(h1)


def _attr(el: Element) -> str:
    """Return which attribute marked an author element ("itemprop" or "rel")."""
    return "itemprop" if el.get("itemprop") else "rel-author"
