"""Datelines: the page's own dates as a reader sees them near the headline.

<time> elements, itemprop/RDFa date properties, short datelines ("Published:
12 Jan 2024", "By A | 3 May 2024") next to the headline, and the day in the
lead image's path; prose that merely mentions a date is not a dateline. When
neither metadata nor the headline area gives any date, `fallback` looks
further: date keys in the page's scripts, date attributes and date-only texts
anywhere in the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree

from ..dates import (DateValue, find_dates, local_day, parse_date, short_year_date,
                     url_date)
from ..record import Candidate
from ..text import trie_pattern
from ..urls import is_front_page
from .page import Page
from .tree import HIDDEN, Element, is_hidden, text_of

# Words that label a date as a modification ("Revista" is a magazine, not a revision;
# "Edited by Jane Doe" credits an editor, and the date under it is the publication's).
_UPDATED = re.compile(r"updat|modif|revis(?!t)|aktualisiert|mis à jour|actualizad|"
                      r"\bedited(?!\s+by)|editiert|bearbeitet(?!\s+von)|geändert|\bstand:|"
                      r"aggiornat|atualizad|bijgewerkt|gewijzigd|zaktualizowan|aktualizován|"
                      r"\breviewed\b|überprüft|güncellen|обновлен|оновлен|uppdaterad|opdateret|oppdatert|päivitetty|"
                      r"frissítve|diperbarui|cập nhật|수정|업데이트|更新|修改|تحديث|עודכן",
                      re.IGNORECASE)
# Words that label a date as the publication's own ("Published on", "Erschienen am").
_PUBLISHED = re.compile(r"(?i)publish|posted|publi[ée]|publicad|pubblicat|veröffentlicht|"
                        r"erschienen|gepubliceerd|opublikowan|publikován|yayınlan|"
                        r"опубликован|опубліковано|publicerad|udgivet|publisert|julkaistu|"
                        r"közzétéve|diterbitkan|dipublikasikan|xuất bản|입력|등록|게시|公開|"
                        r"配信|发布|發布|發表|发表|投稿日|نشر|פורסם")
# Words that label a date as another thing's: an event's, a deadline's ("When: 15 May",
# "Application deadline: 1 June"); such a date is neither the publication nor its update.
# So are a repository's and a journal's workflow dates ("Date Deposited:", "Received: …
# Accepted: … Published: …"); Drupal's "Submitted by X on <date>" is the publication.
_OTHER_DATE = re.compile(r"(?i)\bevent|\bwhen\s*:|deadline|closing date|\bdue\b|"
                         r"veranstaltung|termin\b|frist\b|évènement|événement|evento|"
                         r"wydarzeni|мероприяти|evenement|deposited|accessioned|"
                         r"\b(?:submitted|received|accepted|eingereicht|angenommen)\s?:|"
                         r"\b(?:submission|acceptance)\s(?:date|on)\b|"
                         r"\bdate\s(?:submitted|received|accepted)")
# A journal article's "Published online: …" is its online-first day, not the date
# its metadata gives: it counts as a plain dateline, not as the labelled publication.
_ONLINE_FIRST = re.compile(r"(?i)\bonline\b|\bepub")
_DATE_PROPERTY = re.compile(r"(?i)date(?:published|created|modified)|dc:date|dcterms:(?:date|"
                            r"issued|created|modified)|(?:^|:)(?:published|pubdate)")
# Every date pattern needs a four-digit year or a Japanese era: a cheap filter before the
# date patterns. Gregorian years 1800-2099, Solar Hijri ones 1300-1499 and Thai Buddhist-era
# ones 2500-2599, in any digits: Arabic-Indic and Persian ("٢٠٢٤", "۱۳۹۹"), Devanagari
# ("२०२४"), full-width ("２０２４"); "令和6年".
# The first character is one class (a regex that opens with one skips the other characters
# fast, six times faster than the plain alternation), the rest is checked behind it.
_YEAR = re.compile(r"[12۱١٢۲२２令平昭](?:(?<=1)[3489]\d\d|(?<=2)[05]\d\d|(?<=[۱١])[۳۴٣٤]\d\d|"
                   r"(?<=[٢۲२２])[٠۰०０]\d\d|(?<=[令平昭])[和成])")
# Words that belong to a written date itself (months, weekdays, "at", "um"...). Both lists
# are factored by their first letters: the engine then tries a few letters at each word
# instead of every word (same matches: a stem's match runs on to the end of its letters,
# and at most one short word can end at a word boundary).
_DATE_STEMS = ("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun "
               "janv févr avr juil sept déc mär okt dez ene abr ago dic gen mag giu lug set ott")
# Words that stand alone: each must end at a word boundary.
_DATE_SHORT = ("at um à de del of the uhr et edt est pst pdt cet cest gmt utc dienstag mittwoch "
               "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi "
               "dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì "
               "mercoledì giovedì venerdì sabato domenica")
# Time zones written in capitals after a time ("01:00 AM IST"; German "ist" is a word).
_ZONE_WORDS = frozenset("IST JST KST HKT SGT AEST AEDT ACST AWST BST MSK WIB WITA PKT NZST "
                        "NZDT MEZ MESZ".split())
# A time in French or Portuguese notation ("à 10h30").
_HOURS = re.compile(r"\d{1,2}h\d\d")
_DATE_WORDS = re.compile(
    r"(?i)\b(?:" + trie_pattern(sorted(_DATE_STEMS.split())) + r")[a-zéûä]*\.?"
    r"|\b(?:" + trie_pattern(sorted(_DATE_SHORT.split())) + r"|[ap]\.?m\.?)\b")
_SCRIPT_DATE = re.compile(
    r'"(?:date_?published|published_?(?:at|date|time|on)|pub_?date|publish_?date|'
    r'first_?published\w*|date_?created|created_?at|release_?date)"\s*:\s*"'
    r'((?:19|20)\d\d-\d\d-\d\d[^"]{0,30})"', re.IGNORECASE)
_SCRIPT_VALUE = re.compile(r'"(?:19|20)\d\d-\d\d-\d\d')
_MAX_SCRIPT = 200_000
_MAX_DATELINES = 500
_KEY_SPAN = 120
_OPENING = 100
_OPENERS = " \t\r\n\xa0(["
_DATE_CLASS = re.compile(r"date|datum|fecha|time|publish|posted", re.IGNORECASE)
# Attributes that hold the moment a relative date ("3 hours ago") stands for: read on an
# element of a date class, or when their name says "publish".
_MOMENT_ATTRS = ("data-publish-date", "data-published", "data-published-at",
                 "data-publishdate", "data-timestamp", "data-date", "data-time")
# Seconds or milliseconds since 1970 ("1709460000", "1709460000000").
_EPOCH_VALUE = re.compile(r"\s*\d{10}(?:\d{3})?\s*")


def extract(page: Page) -> list[Candidate]:
    """Return dates from <time>, date properties and datelines near the headline."""
    return _dates(page)


def _dates(page: Page) -> list[Candidate]:
    """Return dates from <time>, itemprop dates, date classes and text near the headline."""
    found = []
    for el in page.near:
        prop = el.get("itemprop") or el.get("property") or ""
        if el.tag == "time" or prop and _DATE_PROPERTY.search(prop):
            value = el.get("datetime") or el.get("content") or parse_date(
                text_of(el), dayfirst=page.dayfirst)
            if not value or _is_other_date(el, _own_label(el)):
                continue
            field = "updated" if _UPDATED.search(prop) else _date_field(el)
            kind = "time" if el.tag == "time" else "itemprop"
            where = "-close" if page.is_close(el) else ""
            found.append(Candidate(field, value, f"html:{kind}{where}"))
    found += _text_dates(page)
    found += _image_dates(page)
    return found


def _image_dates(page: Page) -> list[Candidate]:
    """Return the day written in the lead image's path (/uploads/2020/10/13/...) as a hint."""
    for key in ("og:image", "twitter:image", "og:image:url"):
        value = page.first_meta(key)
        day = url_date(value) if value else None
        if day:
            return [Candidate("published", day, "url:image")]
    return []


def _date_field(el: Element) -> str:
    """Return "updated" when an element or its label says it is a modification date."""
    words = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('id', '')}"
    return "updated" if _UPDATED.search(words) or _UPDATED.search(_own_label(el)) \
        else "published"


def _own_label(el: Element) -> str:
    """Return the words that open an element's parent and the element ("Updated: <time>")."""
    parent = el.getparent()
    label = parent.text if parent is not None and parent.text else ""
    return (label + (el.text or ""))[:40]


def _text_dates(page: Page) -> list[Candidate]:
    """Return the first published and updated dates written in short texts near the title."""
    found = []
    seen = set()
    for el, close in _close_first(page):
        if el.tag == "a" and not close:
            continue
        for is_tail, text in ((False, el.text), (True, el.tail)):
            if not text:
                continue
            # A headline may open with its date ("23.01.2022 - ..."); one that ends it is
            # its subject's ("Results of the meeting, 19.5.2007"), not the page's.
            most = -1 if el is page.h1 and not is_tail else 1 if el.tag == "a" else 6
            # Every date pattern needs a four-digit year (or a CJK one): a cheap filter.
            if has_year(text):
                text = text[:300]
                dates = _line_dates(text, most, page.dayfirst)
            elif close and "." in text and (short := short_year_date(text[:80])) \
                    and _is_dateline(text, most):
                dates = [short]
            else:
                continue
            for i, (value, pos) in enumerate(dates):
                before = _label(el, text, pos, is_tail, dates[i - 1][1] if i else 0)
                if _is_other_date(el, before):
                    continue
                label = before + (text[pos:pos + 30] if i == len(dates) - 1 else "")
                field = "updated" if _UPDATED.search(label) else "published"
                if field not in seen:
                    seen.add(field)
                    found.append(Candidate(field, value, _text_source(close, field, label)))
        if len(seen) == 2:
            break
    return found


def _text_source(close: bool, field: str, label: str) -> str:
    """Return the source of a written date: beside the headline or not, and labelled as
    the publication's own ("Published on") or not."""
    if not close:
        return "html:text"
    if field == "published" and _PUBLISHED.search(label) and not _ONLINE_FIRST.search(label):
        return "html:label-close"
    return "html:text-close"


def _is_other_date(el: Element, label: str) -> bool:
    """Tell whether a date is an event's or a deadline's, by its label or by its element's
    or its parent's class ("event-date", "event__meta"); a date labelled as the
    publication's ("Erschienen am:" in a CMS's "eventbox") is the page's own."""
    if _PUBLISHED.search(label):
        return False
    parent = el.getparent()
    words = f"{el.get('class', '')} {el.get('id', '')}"
    if parent is not None:
        words += f" {parent.get('class', '')} {parent.get('id', '')}"
    return _OTHER_DATE.search(label) is not None or _OTHER_DATE.search(words) is not None


def _label(el: Element, text: str, pos: int, is_tail: bool, start: int = 0) -> str:
    """Return the words that label a date: those before it, else the label element just
    before ("<b>Published:</b> 3 May", "<span>Erschienen am:</span><h2>13.10.2021</h2>").
    The caller adds those after the last date of a line ("2019.03.26 lastupdate")."""
    # Not the words before an earlier date of the line ("Updated 5.3.2024 Published 3.3.2024").
    label = text[max(start, pos - 30):pos]
    if not label.strip():
        if is_tail:
            label = el.text or ""
        else:
            prev = el.getprevious()
            parent = el.getparent()
            if prev is not None and isinstance(prev.tag, str):
                label = (prev.text or "") + (prev.tail or "")
            elif prev is None and parent is not None:
                label = parent.text or ""
        label = label[-30:]
    return label


def _close_first(page: Page) -> list[tuple[Element, bool]]:
    """Return (element, is close) for the elements near the headline, those right by it
    first: a dateline beside the headline outweighs a teaser's date a little further off."""
    is_close = page.is_close
    close: list[tuple[Element, bool]] = []
    far: list[tuple[Element, bool]] = []
    for el in page.near:
        if is_close(el):
            close.append((el, True))
        else:
            far.append((el, False))
    return close + far


def _line_dates(text: str, most: int, dayfirst: bool | None) -> list[tuple[DateValue, int]]:
    """Return the dates of a short text that a reader takes for the page's: all of them in a
    dateline, else only one that opens the text (prose merely mentions dates)."""
    if _is_dateline(text, most):
        return find_dates(text, dayfirst=dayfirst)
    # An opening bracket may come first: "(21. November 2022) Prices rose again...".
    lead = len(text) - len(text.lstrip(_OPENERS))
    # A date that opens the text is a few dozen characters long: the rest is never read.
    return [(v, pos) for v, pos in find_dates(text[:lead + _OPENING], dayfirst=dayfirst)
            if pos == lead]


def has_year(text: str, end: int = 300) -> bool:
    """Tell whether the start of a text holds a four-digit year (1800-2099, or 1300-1499 of
    the Solar Hijri calendar): every date pattern needs one. One regex search costs less
    than three substring tests before it."""
    return _YEAR.search(text, 0, end) is not None


def _is_dateline(text: str, most: int = 6) -> bool:
    """Tell whether a text is a dateline ("Published: 12 Jan 2024") rather than prose."""
    words = 0
    for word in _DATE_WORDS.sub(" ", text).split():
        word = word.strip("(),.")
        if word in _ZONE_WORDS or _HOURS.fullmatch(word):
            continue
        if word.isalpha() or any(c.isalpha() for c in word):
            words += 1
            if words > most:
                return False
    return True


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
                and not _is_other_date(el, _own_label(el)):
            value = el.get("datetime") or parse_date(text_of(el), dayfirst=page.dayfirst)
            if value:
                return [Candidate(_date_field(el), value, "html:time-page")]
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
        if value and (_YEAR.search(value) or _EPOCH_VALUE.fullmatch(value)) \
                and (anywhere or not page.is_foreign(el)) \
                and not is_hidden(el) and not _is_other_date(el, _own_label(el)):
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
                and _is_dateline(text, 2):
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
                 if _is_dateline(text, 2))
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
