"""Bylines: who the page credits, read as a reader sees it near the headline.

Author markup (itemprop/rel=author, byline classes), links to people pages, "By" lines in
many languages, "Name | date" datelines and "Commentary by Jane Doe" credits; a type word
beside the day or before "by" is offered as a type candidate too. Comments, testimonials,
picture credits and foreign blocks (related cards, sidebars) credit nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from ..name_patterns import PEOPLE_FOLDERS
from ..names import is_name, opening_name, split_names
from ..record import Candidate
from .classes import BYLINE, FOREIGN
from .page import Page
from .tree import HIDDEN, Element, inner_spaces, text_of, texts, unglued

# A byline's part naming a place: a dateline's, a location's ("New Delhi | Updated: …").
_PLACE_CLASS = re.compile(r"(?i)dateline|location|(?<![a-z])(?:place|city)(?![a-z])")
_DIGIT = re.compile(r"\d")
_HEADINGS = ("h1", "h2", "h3", "h4", "title")
#: Words that open a credit ("By", "Von", "Par", "Hosted by"...), for bylines and cards alike.
#: The short ones open sentences too ("Par ailleurs", "Di recente", "Von der Leyen sagte"):
#: they count only before a capital, a colon or nothing (the name in a link after them).
BY_WORDS = (r"(?:by|written by|posted by|hosted by|presented by|authored by|words by|text by|"
            r"story by|reported by|reporting by|hosts?|ein beitrag von|"
            r"geschrieben von|verfasst von|écrit par|escrito por|scritto da|بقلم|"
            r"(?-i:[Vv]on(?!\s+(?:der|dem|den)\b)|[Pp]ar|[Pp]or|[Dd]oor|Di|Av|Af|Oleh)"
            r"(?=\s*:?\s*(?:[A-ZÀ-ÞĀ-Ž]|$)))")
_BY_TEXT = re.compile(rf"^\s*{BY_WORDS}\b\s*:?\s*", re.IGNORECASE)
_BY_START = frozenset("bwphvdegséaortب")
_SEPARATORS = "|·•/–—-"
_LEAD = " \t\n|·•/–—-"
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
                         r"liked|shared|recommended")
_MAX_TYPE_BY_LINE = 100
# A Korean byline: a name of two to four syllables, "기자" (reporter), maybe an address.
_KOREAN_BYLINE = re.compile(r"^\s*[가-힣]{2,4}\s*(?:선임|객원)?(?:기자|특파원)(?:\s+\S+@\S+)?\s*$")
_AUTHOR_HREF = re.compile(rf"/(?:{PEOPLE_FOLDERS})/[^/?#]+", re.IGNORECASE)
_CONTAINERS = ("body", "html", "article", "main", "section")
# Blocks that credit a picture: its photographer or licensor is no author of the text.
_IMAGE_CREDIT = re.compile(r"licen[cs]e|copyright|credit|caption|photographer|fotograf")
_PHOTO_LABEL = re.compile(r"(?i)^\W*(?:fotos?|photos?|bild(?:er)?|imagen?|crédito|credito|"
                          r"credits?|copyright|©)\W*$")
_CREDIT_DEPTH = 3
_BLOCKS = {"div", "p", "li", "ul", "ol", "br", "dd", "dt", "dl", "section", "h2", "h3", "h4",
           "h5", "h6", "tr", "td", "header", "footer", "figure", "figcaption", "blockquote"}


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
                groups.setdefault(f"html:{_attr(el)}-{where}", []).extend(_names_in(el))
        elif el.tag not in _CONTAINERS and not page.is_foreign(el) and not _credits_image(el):
            bylines.setdefault("byline" if el in near else "author-class", []).append(el)
    for where, els in bylines.items():
        groups[f"html:{where}"] = _block_names(els)
    links = [a for a in page.near if a.tag == "a" and _AUTHOR_HREF.search(a.get("href") or "")]
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
        groups["html:by-text"] = split_names(_BY_TEXT.sub("", credit_line(by_line), count=1))
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
            for n in _names_in(el)]


def _login_credit(el: Element) -> bool:
    """Tell whether a byline element credits only a login: one lowercase word after its
    by-word ("by comms-team", "webeditor")."""
    words = _BY_TEXT.sub("", " ".join(text_of(el).split()), count=1).split()
    return len(words) == 1 and words[0].islower() and not _names_in(el)


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
    text = text.lstrip(_LEAD)  # "| By " after a kicker, a screen-reader label
    return text[:1].lower() in _BY_START and _BY_TEXT.match(text) is not None

_MAX_DATED_NAMES = 4


def _dated_names(page: Page) -> list[str]:
    """Return the name in a short "12.03.2024 | 13:10 | Jane Doe" line next to the headline
    (after it, or among the few elements right above it)."""
    for pieces in _datelines(page):
        names = [p for p in pieces if not _DIGIT.search(p)]
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
        words = [p.strip() for p in pieces if not _DIGIT.search(p)]
        found = [Candidate("type", w, "html:dateline-type") for w in words
                 if len(w.split()) <= _MAX_TYPE_WORDS]
        if found:
            return found
    return []

def _by_types(typed: tuple[str, str] | None) -> list[Candidate]:
    """Return the words before "by" in a credit next to the headline ("Commentary by Jane
    Doe", "Ein Kommentar von ...") as a type candidate (it counts only when it maps)."""
    return [Candidate("type", typed[1], "html:dateline-type")] if typed else []


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
        if kind and not _NOT_A_TEXT.search(kind) and len(text_of(el)) <= _MAX_TYPE_BY_LINE:
            line = credit_line(el)
            start = _TYPE_BY.match(line)
            if start:
                return line[start.end():], kind
    return None

def _datelines(page: Page) -> Iterator[list[str]]:
    """Yield the pieces of each short line next to the headline that is a day (and a time)
    plus at most two other pieces: "12.03.2024 | 13:10 | Jane Doe", "Report · 3 May 2024"."""
    for el in page.after[:_CLOSE_DATELINE] + page.before[:_CLOSE_ABOVE]:
        text = el.text
        if not text or len(text) > 100 or not _DIGIT.search(text) or len(el) \
                or el.tag in _HEADINGS:
            continue
        pieces = [p for p in _DATELINE_SPLIT.split(text) if p.strip()]
        others = [p for p in pieces if not _DIGIT.search(p)]
        # The dated pieces are a date or a time ("12.03.2024", "13:10"), not "Teil 49".
        if 2 <= len(pieces) <= 4 and 1 <= len(others) <= 2 and all(
                _DAY_OR_TIME.search(p) for p in pieces if p not in others):
            yield pieces

def _near_link(first: Element, el: Element) -> bool:
    """Tell whether an author link sits in the same small block as the first one."""
    up = list(islice(first.iterancestors(), 3))
    return any(a in up for a in islice(el.iterancestors(), 3))

def credit_line(el: Element) -> str:
    """Return a "By ..." line up to the first separator or date ("By A · May 3 · Topic").

    When the element holds only the label ("<strong>Hosted by</strong> A and B"),
    the line continues in its parent.
    """
    pieces: Iterable[str] = _shown_texts(el)
    if el.getparent() is not None and _BY_TEXT.fullmatch((text_of(el) or "").strip(_LEAD)):
        pieces = _after_label(el)
    kept = []
    for piece in pieces:
        text = " ".join(piece.split())  # a name wrapped across source lines is one name
        if not text:
            continue
        digit = _DIGIT.search(text)
        if text[0] in _SEPARATORS or digit is not None:
            if kept and len(" ".join(kept).split()) > 1:
                break
            if not kept and digit is not None and text[0] not in _SEPARATORS \
                    and len(text[:digit.start()].split()) > 2:
                # "Posted by Jane Doe on March 3, 2024" in one piece: the names drop the date.
                kept.append(text)
                break
            continue
        kept.append(text)
    return "\n".join(kept)[:300]

def _after_label(label: Element) -> Iterator[str]:
    """Yield the text pieces that follow a label element within its parent."""
    if label.tail:
        yield label.tail
    for sibling in label.itersiblings():
        if isinstance(sibling.tag, str):
            yield from texts(sibling)
        if sibling.tail:
            yield sibling.tail

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

def _names_in(el: Element) -> list[str]:
    """Return the names credited by an author element (its name links, else its text)."""
    named = el.find(".//*[@itemprop='name']")
    if named is not None:
        return split_names(named.get("content") or text_of(named))
    text = _joined(el)
    if len(text) > 400:
        return []
    if any(bar in text for bar in "|·•"):
        # "<strong>Name</strong> | Place | 08/01/2014": the names are the marked-up pieces.
        marked = [n for child in el.iter("strong", "b", "a") if child is not el
                  for n in split_names(text_of(child))]
        if marked:
            return marked
    names = split_names(text)
    linked = [n for a in el.iter("a") if _AUTHOR_HREF.search(a.get("href") or "")
              for n in split_names(unglued(a))]
    if linked and not set(linked) <= set(names):
        # Names linked to their profiles, each with a role beside it ("Jane Doe Senior
        # Fellow, Russia and Eurasia Programme"): the text mixes them up, the links do not.
        return linked
    if not names:  # an author box: the name on a line of its own over the bio, or the
        # bio alone, opening with the name ("Jane Doe is a writer based in London.")
        lines = text.split("\n")
        heading = split_names(lines[0]) if len(lines) > 1 else []
        name = heading[0] if len(heading) == 1 and is_name(heading[0], strict=True) \
            else opening_name(text)
        names = [name] if name else []
    if not names:  # "Le point de vue de <a>Jane Doe</a>": the linked full names
        names = [n for a in el.iter("a") for n in split_names(unglued(a)) if " " in n]
    return names

def _shown_texts(el: Element) -> Iterator[str]:
    """Yield an element's text pieces in order, without hidden content or unseen parts."""
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in HIDDEN and not _unseen(child):
            yield from _shown_texts(child)
        if child.tail:
            yield child.tail


def _unseen(el: Element) -> bool:
    """Tell whether a byline's part is not shown: an author's flyout or dialog hidden from
    readers and screen readers alike ("Social Links for Jane Doe")."""
    return el.get("aria-hidden") == "true" or el.get("role") == "dialog"


def _joined(el: Element) -> str:
    """Return an element's text with blocks (and <br>) on separate lines, inline runs joined."""
    out: list[str] = []

    def walk(node: Element) -> None:
        block = node.tag in _BLOCKS
        out.append("\n" if block else " ")
        out.append(inner_spaces(node.text or ""))
        for child in node:
            # A superscript beside a name marks its affiliation ("Jane Doe<sup>1</sup>"); a
            # dateline's or location's element names a place ("New Delhi | Updated: …").
            if isinstance(child.tag, str) and child.tag not in HIDDEN \
                    and not _unseen(child) and child.tag != "sup" \
                    and not _PLACE_CLASS.search(child.get("class") or ""):
                walk(child)
            out.append(inner_spaces(child.tail or ""))
        out.append("\n" if block else " ")

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)[:600]
