"""Site rules from a source's config: a CSS selector or `xpath:` expression per field.

A list of selectors is tried in order; the first one that matches something
non-empty wins. Rules are the most trusted extractor: the person who wrote
them looked at the site.
"""

from __future__ import annotations

from functools import lru_cache

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from ..record import Candidate
from .page import Page
from .tree import Element, text_of

_MANY = {"authors", "topics"}
_DATE_ATTRS = ("datetime", "content", "value")
_ATTRS = {"published": _DATE_ATTRS, "updated": _DATE_ATTRS,
          "image": ("src", "content", "href", "data-src")}


def extract(page: Page) -> list[Candidate]:
    """Return one candidate per field that a configured rule matches."""
    found = []
    for field, selectors in page.rules.items():
        for expr in ([selectors] if isinstance(selectors, str) else selectors):
            value = _apply(page, field, expr)
            if value:
                found.append(Candidate(field, value, "rules"))
                break
    return found


@lru_cache(maxsize=512)
def compile_rule(expr: str) -> etree.XPath | None:
    """Compile a CSS selector or `xpath:` expression once; None when it is invalid."""
    try:
        if expr.startswith("xpath:"):
            return etree.XPath(expr[len("xpath:"):])
        return etree.XPath(GenericTranslator().css_to_xpath(expr))
    except (SelectorError, etree.XPathSyntaxError, etree.XPathEvalError):
        return None


def _apply(page: Page, field: str, expr: str) -> object:
    """Return the value a rule selects: texts for lists, an attribute or text otherwise."""
    xpath = compile_rule(expr)
    if xpath is None:
        return None
    try:
        result = xpath(page.root)
    except etree.XPathEvalError:
        return None
    items = result if isinstance(result, list) else [result]
    values = [v for v in (_value(page, field, item) for item in items) if v]
    if not values:
        return None
    if field == "image":
        return (values[0], None)
    return values if field in _MANY else values[0]


def _value(page: Page, field: str, item: object) -> str | None:
    """Return the text (or the field's attribute) of one selected node."""
    if isinstance(item, Element):
        for attr in _ATTRS.get(field, ()):
            if item.get(attr):
                value = item.get(attr)
                return page.absolute(value) if field == "image" else value
        text = text_of(item)
        return text if text.strip() else None
    if isinstance(item, str) and item.strip():
        return page.absolute(item) if field == "image" else str(item)
    return None
