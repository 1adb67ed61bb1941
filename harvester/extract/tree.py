"""Small helpers over plain lxml trees that read only what a reader sees.

Extraction never changes the caller's tree, so script, style, noscript and
template content is still in it: these helpers skip it wherever text is read.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

Element = etree._Element

#: Elements whose content is never shown as text (JSON-LD is read from scripts directly).
HIDDEN = frozenset({"script", "style", "noscript", "template"})
_HIDDEN_TAGS = tuple(HIDDEN)


def text_of(el: Element) -> str:
    """Return an element's visible text content (without its tail)."""
    if not len(el) and isinstance(el.tag, str):
        # A leaf holds text nodes only: its text is all of it (the common case, read cheaply).
        return "" if el.tag in HIDDEN else el.text or ""
    if next(el.iter(*_HIDDEN_TAGS), None) is None:
        return etree.tostring(el, method="text", encoding=str, with_tail=False)
    return "".join(texts(el))


def texts(el: Element) -> Iterator[str]:
    """Yield an element's visible text pieces in order, like `itertext` without hidden content."""
    if next(el.iter(*_HIDDEN_TAGS), None) is None:
        yield from el.itertext()
        return
    yield from _visible_texts(el)


def _visible_texts(el: Element) -> Iterator[str]:
    """Yield the text pieces of an element that holds hidden content, skipping that content."""
    if el.tag in HIDDEN or not isinstance(el.tag, str):
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _visible_texts(child)
        if child.tail:
            yield child.tail


def is_hidden(el: Element) -> bool:
    """Tell whether an element is, or sits inside, content that is never shown as text."""
    return el.tag in HIDDEN or any(a.tag in HIDDEN for a in el.iterancestors())


def glued(before: str, text: str) -> bool:
    """Tell whether a child's text would run into the text before it ("InfantaUltima Hora",
    "What's new?Pakistan's"): two blocks shown apart by style, not one sentence."""
    return bool(before) and (before[-1].islower() or before[-1] in ".?!:") \
        and text[:1].isupper()


def link_text(a: Element) -> str:
    """Return a link's visible text, its pieces joined by spaces."""
    return " ".join(" ".join(texts(a)).split())


def inner_spaces(text: str) -> str:
    """Return a text with the line breaks between its words made spaces, as a browser shows
    them ("Jane\n      Doe"); the whitespace around it, where a source line often ends
    between two pieces a style sets apart, is kept."""
    core = text.strip()
    if not core or core.isprintable() and "  " not in core:
        return text
    lead = text[:len(text) - len(text.lstrip())]
    return lead + " ".join(core.split()) + text[len(text.rstrip()):]


def unglued(el: Element) -> str:
    """Return an element's text, with a line break where two pieces shown apart by style run
    into each other ("<span>Jane Doe</span><span>Senior Fellow</span>")."""
    out = ""
    for piece in texts(el):
        piece = inner_spaces(piece)
        out += "\n" + piece if glued(out, piece) else piece
    return out
