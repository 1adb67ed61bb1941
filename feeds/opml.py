"""OPML 2.0 (http://opml.org/spec2.opml): every feed, grouped All / Topics / Types / Sources.

Shaped by what the W3C feed validator accepts: no `<docs>` in the head (it does not know
the element), folders carry only `text` (an outline with more attributes needs a `type`),
and text is HTML there, so a `<` that would open a tag is written as `&lt;` and a `&`
that would open a reference as `&amp;` ("R&D" ends in one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from lxml import etree

# A "<" that an HTML parser reads as a tag's start, an "&" as a reference's.
_MARKUP_OPEN = re.compile(r"<(?=[A-Za-z/!?])|&(?=[A-Za-z#])")


@dataclass(frozen=True, slots=True)
class Outline:
    """One subscription: a feed's title, its RSS URL and the page that describes it."""

    text: str
    xml_url: str
    html_url: str
    description: str = ""
    language: str | None = None


def render_opml(title: str, sections: list[tuple[str, list[Outline]]], *,
                created: datetime, modified: datetime) -> bytes:
    """Return the OPML document; dates are passed in so that the output is deterministic."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    for tag, text in (("title", as_html(title)), ("dateCreated", format_datetime(created)),
                      ("dateModified", format_datetime(modified))):
        etree.SubElement(head, tag).text = text
    body = etree.SubElement(root, "body")
    for label, outlines in sections:
        if not outlines:
            continue
        folder = etree.SubElement(body, "outline", text=as_html(label))
        for item in outlines:
            _outline(folder, item)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def as_html(text: str) -> str:
    """Return plain text as OPML text (HTML): `<` and `&` that would open markup escaped."""
    return _MARKUP_OPEN.sub(lambda m: "&lt;" if m.group() == "<" else "&amp;", text)


def read_created(path: Path) -> datetime | None:
    """Return the dateCreated of an existing OPML file, or None if absent or unreadable."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        text = tree.findtext("head/dateCreated")
        return parsedate_to_datetime(text) if text else None
    except (OSError, etree.XMLSyntaxError, TypeError, ValueError):
        return None


def _outline(parent: etree._Element, item: Outline) -> None:
    """Append one `type="rss"` outline."""
    text = as_html(item.text)
    node = etree.SubElement(parent, "outline", type="rss", version="RSS2", text=text,
                            title=text, xmlUrl=item.xml_url, htmlUrl=item.html_url)
    if item.description:
        node.set("description", as_html(item.description))
    if item.language:
        node.set("language", item.language)
