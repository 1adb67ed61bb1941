"""Elements that may hold a date in an attribute, as the fallback date search reads them."""

from __future__ import annotations

from lxml import etree

from harvester.extract.pagedates import _dated_elements
from harvester.parse import parse_html

PAGE = b"""<html class="c" title="t"><body>
<relative-time datetime="2024-05-02">May 2</relative-time><span class="date" title="2 May">x</span>
<span title="no class">y</span><span class="no title">z</span><meta class="m" content="2024">
<!-- a comment --><time datetime="">now</time></body></html>"""
XPATH = etree.XPath("descendant-or-self::*[@datetime or (@class and (@title or @content))]")


def test_dated_elements_are_those_of_the_attribute_predicate() -> None:
    """Root included, comments skipped, empty datetime counted, in document order."""
    root = etree.fromstring(PAGE, etree.HTMLParser())
    found = _dated_elements(root)
    assert [el.tag for el in found] == ["html", "relative-time", "span", "meta", "time"]
    assert found == XPATH(root)
    parsed = parse_html(PAGE).root
    assert _dated_elements(parsed) == XPATH(parsed)
