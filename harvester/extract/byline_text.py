"""Reading a byline element: its names ("Jane Doe, Senior Fellow, and John Roe"), its "By"
line up to the date, and its text as a reader sees it (blocks on lines of their own, hidden
flyouts, superscript marks and a dateline's place left out)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..name_patterns import PEOPLE_FOLDERS
from ..names import is_name, opening_name, split_names
from .tree import HIDDEN, Element, inner_spaces, text_of, texts, unglued

#: Words that open a credit ("By", "Von", "Par", "Hosted by"...), for bylines and cards alike.
#: The short ones open sentences too ("Par ailleurs", "Di recente", "Von der Leyen sagte"):
#: they count only before a capital, a colon or nothing (the name in a link after them).
BY_WORDS = (r"(?:by|written by|posted by|hosted by|presented by|authored by|words by|text by|"
            r"story by|reported by|reporting by|hosts?|ein beitrag von|"
            r"geschrieben von|verfasst von|écrit par|escrito por|scritto da|بقلم|"
            r"(?-i:[Vv]on(?!\s+(?:der|dem|den)\b)|[Pp]ar|[Pp]or|[Dd]oor|Di|Av|Af|Oleh)"
            r"(?=\s*:?\s*(?:[A-ZÀ-ÞĀ-Ž]|$)))")
BY_TEXT = re.compile(rf"^\s*{BY_WORDS}\b\s*:?\s*", re.IGNORECASE)
# A byline's part naming a place: a dateline's, a location's ("New Delhi | Updated: …").
_PLACE_CLASS = re.compile(r"(?i)dateline|location|(?<![a-z])(?:place|city)(?![a-z])")
_BLOCKS = {"div", "p", "li", "ul", "ol", "br", "dd", "dt", "dl", "section", "h2", "h3", "h4",
           "h5", "h6", "tr", "td", "header", "footer", "figure", "figcaption", "blockquote"}
_SEPARATORS = "|·•/–—-"
LEAD = " \t\n|·•/–—-"
DIGIT = re.compile(r"\d")
AUTHOR_HREF = re.compile(rf"/(?:{PEOPLE_FOLDERS})/[^/?#]+", re.IGNORECASE)


def credit_line(el: Element) -> str:
    """Return a "By ..." line up to the first separator or date ("By A · May 3 · Topic").

    When the element holds only the label ("<strong>Hosted by</strong> A and B"),
    the line continues in its parent.
    """
    pieces: Iterable[str] = _shown_texts(el)
    if el.getparent() is not None and BY_TEXT.fullmatch((text_of(el) or "").strip(LEAD)):
        pieces = _after_label(el)
    kept = []
    for piece in pieces:
        text = " ".join(piece.split())  # a name wrapped across source lines is one name
        if not text:
            continue
        digit = DIGIT.search(text)
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


def names_in(el: Element) -> list[str]:
    """Return the names credited by an author element (its name links, else its text)."""
    named = el.find(".//*[@itemprop='name']")
    if named is not None:
        return split_names(named.get("content") or text_of(named))
    text = joined(el)
    if len(text) > 400:
        return []
    if any(bar in text for bar in "|·•"):
        # "<strong>Name</strong> | Place | 08/01/2014": the names are the marked-up pieces.
        marked = [n for child in el.iter("strong", "b", "a") if child is not el
                  for n in split_names(text_of(child))]
        if marked:
            return marked
    names = split_names(text)
    linked = [n for a in el.iter("a") if AUTHOR_HREF.search(a.get("href") or "")
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


def joined(el: Element) -> str:
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
