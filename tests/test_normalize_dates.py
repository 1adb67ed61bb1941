"""Dates as pages write them: parsed once, local day kept, nothing invented."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvester import extract_page
from harvester.dates import (find_dates, is_plausible, local_day, parse_date, short_year_date,
                             url_date, url_month)

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-02-13", date(2024, 2, 13)),
    ("Tuesday, February 13, 2024", date(2024, 2, 13)),
    # Slovak and Czech spaced dots, Serbian Cyrillic and Latin month names
    ("Dátum: 14. 6. 2017", date(2017, 6, 14)),
    ("13. октобар 2014.", date(2014, 10, 13)), ("13. октобра 2014", date(2014, 10, 13)),
    ("5. avgusta 2020", date(2020, 8, 5)),
    ("13 February 2024", date(2024, 2, 13)),
    ("Feb. 13, 2024", date(2024, 2, 13)),
    ("13. Februar 2024", date(2024, 2, 13)),
    ("13 de febrero de 2024", date(2024, 2, 13)),
    # Taiwan's Republic of China years ("113年" is 2024)
    ("113年3月18日", date(2024, 3, 18)), ("民國113年3月18日", date(2024, 3, 18)),
    # Catalan and Galician, with the elided "d'" before a vowel
    ("Publicat el 5 de juliol de 2021", date(2021, 7, 5)), ("5 d'abril de 2021", date(2021, 4, 5)),
    ("3 d’octubre de 2019", date(2019, 10, 3)), ("3 de xullo de 2020", date(2020, 7, 3)),
    ("1er mars 2024", date(2024, 3, 1)),
    ("2024年2月13日", date(2024, 2, 13)),
    ("13.02.2024", date(2024, 2, 13)),
    ("02/13/2024", date(2024, 2, 13)),
    ("Posted on March 5th, 2019 by admin", date(2019, 3, 5)),
    # Gregorian months named in Arabic or Persian, whatever the digits
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", date(2020, 10, 7)),
    ("12 مارس 2021", date(2021, 3, 12)),
    ("5 دسامبر 2019", date(2019, 12, 5)),
    ("۷ اکتبر ۲۰۲۰", date(2020, 10, 7)),
    # Solar Hijri (Jalali) days, as Iranian and Afghan pages write them
    ("دوشنبه ۲ تير ۱۳۹۹", date(2020, 6, 22)),
    ("2 تیر 1399 - 12:09:08 ب.ظ", date(2020, 6, 22)),
    ("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹", date(2020, 5, 10)),
    ("21 اردیبهشت 1399", date(2020, 5, 10)),
    ("30 اسفند 1399", date(2021, 3, 20)),
    ("15 اسد 1400", date(2021, 8, 6)),
    # Russian abbreviations, and the Syriac month names of the Levant and Iraq
    ("3 мар. 2024", date(2024, 3, 3)),
    ("12 нояб. 2023 г.", date(2023, 11, 12)),
    ("3 آذار 2024", date(2024, 3, 3)),
    ("15 تشرين الأول 2023", date(2023, 10, 15)),
    ("1 آب 2023", date(2023, 8, 1)),
    # Ukrainian, Greek (also in capitals), Bulgarian, Romanian, Indonesian, Norwegian
    ("3 березня 2024", date(2024, 3, 3)),
    ("12 грудня 2023", date(2023, 12, 12)),
    ("15 Δεκεμβρίου 2023", date(2023, 12, 15)),
    ("5 ΜΑΪΟΥ 2024", date(2024, 5, 5)),
    ("3 април 2024", date(2024, 4, 3)),
    ("3 martie 2024", date(2024, 3, 3)),
    ("17 Agustus 2023", date(2023, 8, 17)),
    ("5. desember 2023", date(2023, 12, 5)),
    # Hebrew (also with the prefix "in"), Croatian, Slovak, Estonian, Lithuanian, Latvian
    ("3 במרץ 2024", date(2024, 3, 3)),
    ("15 בדצמבר 2023", date(2023, 12, 15)),
    ("3. ožujka 2024", date(2024, 3, 3)),
    ("3. mája 2024", date(2024, 5, 3)),
    ("3. märts 2024", date(2024, 3, 3)),
    ("3 kovo 2024", date(2024, 3, 3)),
    ("3. decembris 2023", date(2023, 12, 3)),
    # A metadata value of eight digits ("pubdate" meta tags)
    ("20240303", date(2024, 3, 3)),
])
def test_written_dates_give_the_day(text: str, expected: date) -> None:
    """Common ways of writing a day, in several languages, give that day."""
    assert parse_date(text, now=NOW) == expected


def test_offset_is_kept_and_the_local_day_too() -> None:
    """A late-evening time with an offset stays on its own day, in its own offset."""
    value = parse_date("2024-02-13T22:30:00-05:00", now=NOW)
    assert isinstance(value, datetime)
    assert value.utcoffset() == timedelta(hours=-5)
    assert local_day(value) == date(2024, 2, 13)


def test_time_without_zone_keeps_only_the_day() -> None:
    """A time with no zone cannot be placed in time: only the day is kept."""
    assert parse_date("2024-02-13T22:30:00", now=NOW) == date(2024, 2, 13)


def test_zone_abbreviation_and_minute_precision() -> None:
    """"10:30 pm EST" and Drupal's "10:15+03:00" are times with known offsets."""
    est = parse_date("February 13, 2024 at 10:30 pm EST", now=NOW)
    drupal = parse_date("2022-09-30T10:15+03:00", now=NOW)
    assert est == datetime(2024, 2, 13, 22, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert drupal == datetime(2022, 9, 30, 10, 15, tzinfo=timezone(timedelta(hours=3)))


@pytest.mark.parametrize("text", ["2031-01-01", "1850-05-05", "February 2024", "13/45/2024",
                                  "20241303", "12345678",
                                  # no 30 Esfand in 1398; a Jalali month with a Gregorian
                                  # year; a medieval day is no Jalali one
                                  "30 اسفند 1398", "2 تیر 2020", "June 24, 1348",
                                  "no date here", ""])
def test_future_absurd_and_incomplete_dates_are_refused(text: str) -> None:
    """Future, pre-1900, month-only and impossible dates give nothing."""
    assert parse_date(text, now=NOW) is None


def test_day_first_follows_the_page_language() -> None:
    """An ambiguous numeric date reads day first unless the page is US English."""
    assert parse_date("03/04/2024", now=NOW, dayfirst=True) == date(2024, 4, 3)
    assert parse_date("03/04/2024", now=NOW, dayfirst=False) == date(2024, 3, 4)


def test_dotted_dates_read_day_first_in_every_language() -> None:
    """"05.11.2020" is the 5th of November on an English page of a Brussels institute too:
    no one writes a month first with dots."""
    assert parse_date("05.11.2020", now=NOW, dayfirst=False) == date(2020, 11, 5)
    assert parse_date("05.11.2020", now=NOW) == date(2020, 11, 5)


def test_find_dates_returns_them_in_text_order() -> None:
    """Several dates in one text come back in the order they are written."""
    text = "Updated 14 February 2024. First published 13 February 2024."
    assert [v for v, _ in find_dates(text, now=NOW)] == [date(2024, 2, 14), date(2024, 2, 13)]


@pytest.mark.parametrize(("url", "day"), [
    ("https://example.org/2024/02/13/slug/", date(2024, 2, 13)),
    ("https://example.org/news/2024-02-13-slug", date(2024, 2, 13)),
    ("https://example.org/a/20240213/slug", date(2024, 2, 13)),
    ("https://example.org/publications/2024/02/slug", None),
    ("https://example.org/item/12345678", None),
    # Dots between the parts, and whole segments without leading zeros
    ("https://example.org/doc/2024.02.13/slug", date(2024, 2, 13)),
    ("https://example.org/a/2024/2/3/slug", date(2024, 2, 3)),
    ("https://example.org/a/2024/2/3x/slug", None),
    ("https://example.org/a/2024/13/3/slug", None),
])
def test_url_date(url: str, day: date | None) -> None:
    """Only a full year/month/day in the path is a URL date."""
    assert url_date(url) == day


def test_url_month() -> None:
    """A /YYYY/MM/ path gives the month."""
    assert url_month("https://www.usip.org/publications/2024/02/slug") == (2024, 2)


@given(st.text(max_size=200))
def test_parse_date_never_crashes_and_stays_plausible(text: str) -> None:
    """Any text gives None or a plausible date, never an exception."""
    value = parse_date(text, now=NOW)
    assert value is None or is_plausible(value, NOW)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2024, 5, 31)),
       st.integers(min_value=-12, max_value=14))
def test_iso_datetimes_round_trip_with_their_offset(moment: datetime, hours: int) -> None:
    """An ISO datetime with an offset parses to the same instant and the same offset."""
    aware = moment.replace(microsecond=0, tzinfo=timezone(timedelta(hours=hours)))
    value = parse_date(aware.isoformat(), now=NOW)
    assert value == aware
    assert value.utcoffset() == aware.utcoffset()


@pytest.mark.parametrize(("text", "expected"), [
    (", 8.5.12 ", date(2012, 5, 8)),           # "von <a>Name</a>, 8.5.12"
    ("02.12.19", date(2019, 12, 2)),
    ("am 8.5.12", date(2012, 5, 8)),
    ("Stand 31.12.99", date(1999, 12, 31)),
    ("WordPress 6.1.12", None),                # a version
    ("v1.2.10", None),
    ("1.2.10.5", None),
    ("8.5.12, 10:00", None),                   # other numbers: not a bare dateline
    ("31.02.19", None),
    ("12.12.30", date(1930, 12, 12)),          # 2030 would be in the future
])
def test_short_year_datelines_read_day_first(text: str, expected: date | None) -> None:
    """A dotted date with a two-digit year is a day, month and year of this century (or
    the last when that would be in the future); versions and longer texts are not dates."""
    found = short_year_date(text, now=NOW)
    assert (found[0] if found else None) == expected


def test_a_short_year_dateline_by_the_headline_dates_the_page() -> None:
    """ "02.12.19" right above the headline is the page's day; the same in prose is not."""
    html = ("<html lang='en'><body><main><div class='flag'>In the media</div>"
            "<span>02.12.19</span><h1>What is on the cards for the Commission</h1>"
            "<p>Release 1.2.10 of the tool came out on 3.4.18 and again later.</p>"
            "</main></body></html>")
    assert extract_page(html, "https://example.org/en/debate/cards").published == date(
        2019, 12, 2)


@pytest.mark.parametrize(("text", "day"), [
    # Japanese eras, Thai Buddhist-era years, Vietnamese words: days of the common era
    ("令和6年3月3日", date(2024, 3, 3)),
    ("平成元年1月8日", date(1989, 1, 8)),
    ("3 มีนาคม 2567", date(2024, 3, 3)),
    ("วันที่ 3 มี.ค. 2567", date(2024, 3, 3)),
    ("Thứ hai, ngày 03 tháng 03 năm 2024", date(2024, 3, 3)),
    # A Buddhist-era year needs a Thai month name: "3 March 2567" is no day
    ("3 March 2567", None),
])
def test_dates_of_other_eras_and_words(text: str, day: date | None) -> None:
    """Era and Buddhist-era years are counted into common-era ones, never guessed."""
    assert parse_date(text, now=NOW) == day
