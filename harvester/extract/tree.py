"""Small helpers that work on any lxml element (lxml.html or plain lxml.etree trees)."""

from __future__ import annotations

from lxml import etree

Element = etree._Element


def text_of(el: Element) -> str:
    """Return an element's text content (without its tail), for any lxml element."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)
