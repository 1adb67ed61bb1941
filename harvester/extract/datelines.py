"""Datelines: the page's own dates as a reader sees them near the headline.

<time> elements, itemprop/RDFa date properties, short datelines ("Published:
12 Jan 2024", "By A | 3 May 2024") next to the headline, and the day in the
lead image's path; prose that merely mentions a date is not a dateline. When
neither metadata nor the headline area gives any date, `pagedates.fallback`
looks further.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from ..dates import (DateValue, find_dates, local_day, parse_date, short_year_date,
                     url_date)
from ..record import Candidate
from ..text import trie_pattern
from .page import Page
from .tree import Element, text_of

# Words that label a date as a modification ("Revista" is a magazine, not a revision;
# "Edited by Jane Doe" credits an editor, and the date under it is the publication's).
_UPDATED = re.compile(r"updat|modif|revis(?!t)|aktualisiert|mis à jour|actualizad|"
                      r"\bedited(?!\s+by)|editiert|bearbeitet(?!\s+von)|geändert|verändert|"
                      r"\bzuletzt\b|\bstand:|"
                      r"aggiornat|atualizad|bijgewerkt|gewijzigd|zaktualizowan|aktualizován|"
                      r"\breviewed\b|überprüft|güncellen|обновлен|оновлен|uppdaterad|opdateret|oppdatert|päivitetty|"
                      r"frissítve|diperbarui|cập nhật|수정|업데이트|更新|修改|تحديث|עודכן",
                      re.IGNORECASE)
# Words that label the day a document first came out, before a repost or an upload
# ("Originally published", "First published").
_ORIGINAL = re.compile(r"(?i)original(?:ly)?\s+publi|first\s+(?:published|uploaded|posted)|"
                       r"erstveröffentlich|première publication|publicado originalmente|"
                       r"pubblicato originariamente")
# Words that label a date as the publication's own ("Published on", "Erschienen am").
_PUBLISHED = re.compile(r"(?i)publish|posted|publi[ée]|publicad|pubblicat|veröffentlicht|"
                        r"erschienen|gepubliceerd|opublikowan|publikován|yayınlan|"
                        r"опубликован|опубліковано|publicerad|udgivet|publisert|julkaistu|"
                        r"közzétéve|diterbitkan|dipublikasikan|xuất bản|입력|등록|게시|"
                        r"발간|발행|公開|"
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
                   r"(?<=[٢۲२２])[٠۰०０]\d\d|(?<=[令平昭])[和成]|(?<=1)[0-4]\d年)")
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
_OPENING = 100
# A timestamp written in UTC ("…Z", "…+00:00"): its day may not be the readers'.
_LAST_PARAGRAPHS = 6  # where a republication note sits: at the text's end
_ORIGINAL_REACH = 80  # characters from "first published" to its day
_UTC_END = re.compile(r"(?:Z|[+-]00:?00)$")
# A clock time in any script's digits ("00:05", "০০:০৫", "8.30 pm").
_CLOCK = re.compile(r"(?<!\d)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?!\d)")
_AM_PM = re.compile(r"(?i)\b[ap]\.?\s?m\b")
_PM = re.compile(r"(?i)\bp\.?\s?m\b")
_OPENERS = " \t\r\n\xa0(["


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
            if el.tag == "time" and isinstance(value, str) and _UTC_END.search(value):
                value = _shown_moment(value, text_of(el), page.dayfirst)
            if not value or is_other_date(el, own_label(el)):
                continue
            field = "updated" if _UPDATED.search(prop) else date_field(el)
            kind = "time" if el.tag == "time" else "itemprop"
            if field == "published" and _ORIGINAL.search(own_label(el)):
                kind = "original"
            where = "-close" if page.is_close(el) else ""
            found.append(Candidate(field, value, f"html:{kind}{where}"))
    found += _text_dates(page)
    found += _republished(page)
    found += _image_dates(page)
    return found


def _republished(page: Page) -> list[Candidate]:
    """Return the day a republished text's closing note gives its original ("It was first
    published in The Lectern on 9 April 2024"), from the last paragraphs of the text."""
    main = page.main
    if main.tag in ("body", "html"):
        return []
    for p in list(main.iter("p"))[-_LAST_PARAGRAPHS:]:
        text = " ".join(text_of(p).split())
        said = _ORIGINAL.search(text)
        if said is None or page.is_foreign(p):
            continue
        dates = find_dates(text[said.end():said.end() + _ORIGINAL_REACH], dayfirst=page.dayfirst)
        if dates:
            return [Candidate("published", dates[0][0], "html:original-close")]
    return []


def _shown_moment(stamp: str, shown: str, dayfirst: bool | None) -> DateValue | str:
    """Return a <time>'s UTC timestamp in the zone its own text shows it in ("2018-09-26T18:05Z"
    shown "২৭ সেপ্টেম্বর ২০১৮, ০০:০৫": 00:05 on the 27th at +06:00), or the shown day when the
    text gives no time; the timestamp as it is when the text shows the same day or none."""
    utc, local = parse_date(stamp), parse_date(shown, dayfirst=dayfirst)
    if not isinstance(utc, datetime) or local is None or local_day(local) == utc.date():
        return stamp
    day = local_day(local)
    if abs(day - utc.date()) > timedelta(days=1):
        return stamp
    clock = _CLOCK.search(shown)
    if clock is not None:
        hour = int(clock["hour"]) % 12 + (12 if _PM.search(shown) else 0) \
            if _AM_PM.search(shown) else int(clock["hour"])
        if hour < 24 and int(clock["minute"]) < 60:
            offset = datetime(day.year, day.month, day.day, hour, int(clock["minute"])) \
                - utc.replace(tzinfo=None, second=0, microsecond=0)
            if timedelta(hours=-12) <= offset <= timedelta(hours=14) \
                    and offset % timedelta(minutes=15) == timedelta(0):
                return utc.astimezone(timezone(offset))
    return day


def _image_dates(page: Page) -> list[Candidate]:
    """Return the day written in the lead image's path (/uploads/2020/10/13/...) as a hint."""
    for key in ("og:image", "twitter:image", "og:image:url"):
        value = page.first_meta(key)
        day = url_date(value) if value else None
        if day:
            return [Candidate("published", day, "url:image")]
    return []


def date_field(el: Element) -> str:
    """Return "updated" when an element or its label says it is a modification date."""
    words = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('id', '')}"
    return "updated" if _UPDATED.search(words) or _UPDATED.search(own_label(el)) \
        else "published"


def says_updated(label: str) -> bool:
    """Tell whether a date's label says a modification ("Updated:", "Aktualisiert am")."""
    return bool(_UPDATED.search(label))


def own_label(el: Element) -> str:
    """Return the words that open an element's parent and the element ("Updated: <time>"),
    after the term of a definition list's value ("<dt>Originally published</dt><dd><time>")."""
    parent = el.getparent()
    label = parent.text if parent is not None and parent.text else ""
    term = parent.getprevious() if parent is not None and parent.tag == "dd" else None
    if term is not None and term.tag == "dt" and not label.strip():
        label = text_of(term) + " "
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
                    and is_dateline(text, most):
                dates = [short]
            else:
                continue
            for i, (value, pos) in enumerate(dates):
                before = _label(el, text, pos, is_tail, dates[i - 1][1] if i else 0)
                if is_other_date(el, before):
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
    if field == "published" and _ORIGINAL.search(label):
        return "html:original-close"
    if field == "published" and _PUBLISHED.search(label) and not _ONLINE_FIRST.search(label):
        return "html:label-close"
    return "html:text-close"


def is_other_date(el: Element, label: str) -> bool:
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
    if is_dateline(text, most):
        return find_dates(text, dayfirst=dayfirst)
    # An opening bracket may come first: "(21. November 2022) Prices rose again...".
    lead = len(text) - len(text.lstrip(_OPENERS))
    # A date that opens the text is a few dozen characters long: the rest is never read.
    return [(v, pos) for v, pos in find_dates(text[:lead + _OPENING], dayfirst=dayfirst)
            if pos == lead]


def has_year(text: str, end: int = 300) -> bool:
    """Tell whether the start of a text holds a four-digit year (1800-2099, or 1300-1499 of
    the Solar Hijri calendar), a Japanese era or a Taiwanese year ("113年"): every date
    pattern needs one. One regex search costs less
    than three substring tests before it."""
    return _YEAR.search(text, 0, end) is not None


def is_dateline(text: str, most: int = 6) -> bool:
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
