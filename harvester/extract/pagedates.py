"""The last-resort date search, for pages whose metadata and headline area give none.

Anywhere in the page, in order: a <time>, a date key in the page's scripts, a date
attribute (a relative "3 hours ago" by the moment its element holds), a dateline; then the
same inside blocks that looked like navigation or sidebars; and on a home or section page,
the newest date it shows (its newest item's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree

from ..dates import find_dates, local_day, parse_date
from ..record import Candidate
from ..urls import is_front_page
from .datelines import date_field, has_year, is_dateline, is_other_date, own_label
from .page import Page
from .tree import HIDDEN, Element, is_hidden, text_of

_SCRIPT_DATE = re.compile(
    r'"(?:date_?published|published_?(?:at|date|time|on)|pub_?date|publish_?date|'
    r'first_?published\w*|date_?created|created_?at|release_?date)"\s*:\s*"'
    r'((?:19|20)\d\d-\d\d-\d\d[^"]{0,30})"', re.IGNORECASE)
_SCRIPT_VALUE = re.compile(r'"(?:19|20)\d\d-\d\d-\d\d')
_MAX_SCRIPT = 200_000
_MAX_DATELINES = 500
_KEY_SPAN = 120
_DATE_CLASS = re.compile(r"date|datum|fecha|time|publish|posted", re.IGNORECASE)
# Attributes that hold the moment a relative date ("3 hours ago") stands for: read on an
# element of a date class, or when their name says "publish".
_MOMENT_ATTRS = ("data-publish-date", "data-published", "data-published-at",
                 "data-publishdate", "data-timestamp", "data-date", "data-time")
# Seconds or milliseconds since 1970 ("1709460000", "1709460000000").
_EPOCH_VALUE = re.compile(r"\s*\d{10}(?:\d{3})?\s*")


def fallback(page: Page) -> list[Candidate]:
    """Return a date from anywhere in the page, for pages whose headline area and metadata
    gave none: a <time>, a date key in the page's scripts, a dated attribute, a dateline."""
    for finder in (_page_times, _script_dates, _attribute_dates, _page_datelines):
        found = finder(page, False)
        if found:
            return found
    # Last resort: the same, inside blocks that looked like navigation or sidebars; then, on
    # a home or section page only, the newest date it shows (its newest item's).
    found = _page_times(page, True) or _attribute_dates(page, True)
    if not found and page.url and is_front_page(page.url):
        found = _latest_dateline(page)
    return found


def _page_times(page: Page, anywhere: bool) -> list[Candidate]:
    """Return the first <time> (outside foreign blocks and cards unless `anywhere`)."""
    cards = set() if anywhere else _cards(page)
    for el in page.times:
        if (anywhere or not page.is_foreign(el) and el not in cards) \
                and not is_other_date(el, own_label(el)):
            value = el.get("datetime") or parse_date(text_of(el), dayfirst=page.dayfirst)
            if value:
                return [Candidate(date_field(el), value, "html:time-page")]
    return []


def _script_dates(page: Page, _: bool) -> list[Candidate]:
    """Return the first "datePublished"/"published_at"-style value in the page's scripts."""
    for text in page.other_scripts:
        match = _script_date(text)
        if match:
            return [Candidate("published", match, "html:script")]
    return []


def _script_date(text: str) -> str | None:
    """Return the first date under a publication key in a script's text (first 200,000
    characters). ISO dates in quotes are found first: scripts are long, keys rare."""
    for value in _SCRIPT_VALUE.finditer(text, 0, _MAX_SCRIPT):
        start = value.start()
        match = _SCRIPT_DATE.search(text, max(0, start - _KEY_SPAN), start + 45)
        if match:
            return match.group(1)
    return None


def _attribute_dates(page: Page, anywhere: bool) -> list[Candidate]:
    """Return a date held in an attribute: a datetime, or a dated title/content.

    The elements the index saw come first; the rest of the tree (custom elements such as
    <relative-time>, the head) is searched only when they hold none.
    """
    found = _dated_attribute(page, page.dated, anywhere)
    if not found:
        if "dated" not in page.memo:
            page.memo["dated"] = _dated_elements(page.root)
        found = _dated_attribute(page, page.memo["dated"], anywhere)
    return found


def _dated_elements(root: Element) -> list[Element]:
    """Return the elements (root included) with a datetime, or a class and a title or content.

    Elements that may hold a date in an attribute, anywhere in the tree, in document order:
    `descendant-or-self::*[@datetime or (@class and (@title or @content))]`, read from
    attribute names in one pass (libxml2 evaluates such predicates slowly).
    """
    found = []
    for el in root.iter(etree.Element):
        names = el.keys()
        if names and ("datetime" in names or "class" in names
                      and ("title" in names or "content" in names)
                      or any(a in names for a in _MOMENT_ATTRS)):
            found.append(el)
    return found


def _dated_attribute(page: Page, elements: list[Element], anywhere: bool) -> list[Candidate]:
    """Return the first date held in an attribute of these elements: a datetime, a dated
    title or content, or the moment a relative date stands for ("<span class="date"
    data-timestamp="1709460000">3 hours ago</span>")."""
    for el in elements:
        value = el.get("datetime")
        if value is None:
            names = el.get("class")
            dated_class = bool(names and _DATE_CLASS.search(names))
            if dated_class:
                value = el.get("title") or el.get("content")
            if not value:
                value = next((el.get(a) for a in _MOMENT_ATTRS
                              if el.get(a) and (dated_class or "publish" in a)), None)
        if value and (has_year(value) or _EPOCH_VALUE.fullmatch(value)) \
                and (anywhere or not page.is_foreign(el)) \
                and not is_hidden(el) and not is_other_date(el, own_label(el)):
            day = parse_date(value, dayfirst=page.dayfirst)
            if day:
                return [Candidate("published", day, "html:attribute")]
    return []


def _page_datelines(page: Page, _: bool) -> list[Candidate]:
    """Return the first date-only text in the page, outside foreign blocks and cards."""
    near = page.near_set
    cards = _cards(page)
    for el, text in _year_texts(page.main):
        # The foreign test (memoized) comes before the date patterns: in a page of
        # references or comments most dated texts are foreign.
        if el not in near and el not in cards and not page.is_foreign(el) \
                and is_dateline(text, 2):
            dates = find_dates(text, dayfirst=page.dayfirst)
            if dates:
                return [Candidate("published", dates[0][0], "html:text-page")]
    return []


def _latest_dateline(page: Page) -> list[Candidate]:
    """Return the latest date-only text anywhere in the body (cards, sidebars included): a
    home or section page has no date of its own; it was last changed when its newest item
    appeared."""
    body = page.root.find("body")
    datelines = (text for _, text in _year_texts(body if body is not None else page.root)
                 if is_dateline(text, 2))
    days = [value for text in islice(datelines, _MAX_DATELINES)
            for value, _ in find_dates(text, dayfirst=page.dayfirst)]
    if not days:
        return []
    return [Candidate("published", max(days, key=local_day), "html:text-anywhere")]


def _year_texts(top: Element) -> Iterator[tuple[Element, str]]:
    """Yield the visible texts of a subtree that hold a year, with their element (each cut
    to the 300 characters a dateline is looked for in)."""
    for el in top.iter():
        for text in (el.tail,) if el.tag in HIDDEN else (el.text, el.tail):
            if text and has_year(text):
                yield el, text[:300]


def _cards(page: Page) -> set[Element]:
    """Return the elements of <article>s that do not hold the headline, when there are
    several: a page has one article of its own, repeated ones are other pages' cards."""
    holders = set(page.h1.iterancestors()) if page.h1 is not None else set()
    others = [el for el in page.mains if el.tag == "article" and el not in holders]
    if len(others) < 2:
        return set()
    return {node for el in others for node in el.iter()}
