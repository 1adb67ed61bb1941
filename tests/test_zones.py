"""A time given only in UTC is read in the zone the page was written in, never guessed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from harvester import extract_page
from harvester.dates import parse_date
from harvester.zones import in_page_zone, page_region


@pytest.mark.parametrize(("value", "language", "region", "expected"), [
    ("2022-11-06T23:00:00+00:00", "de", None, "2022-11-07T00:00:00+01:00"),
    ("2019-03-04T16:30:00Z", "ja", None, "2019-03-05T01:30:00+09:00"),
    ("2024-07-01T23:30:00Z", "en-GB", None, "2024-07-02T00:30:00+01:00"),
    ("2020-05-02T02:54:29Z", "en", None, "2020-05-02T02:54:29+00:00"),     # English: many zones
    # A region of several zones: read there when all its zones give the same day.
    ("2020-05-02T02:54:29Z", "en-US", None, "2020-05-02T02:54:29+00:00"),  # a CMS default
    ("2020-05-02T02:54:29Z", "de-US", None, "2020-05-02T02:54:29+00:00"),
    ("2020-05-02T02:54:29Z", "en", "US", "2020-05-01T22:54:29-04:00"),
    ("2020-05-02T06:00:00Z", "en", "US", "2020-05-02T06:00:00+00:00"),  # NY May 2, LA May 1
    ("2020-05-02T15:00:00Z", "en", "US", "2020-05-02T11:00:00-04:00"),
    ("2020-08-25T00:23:33Z", "fr", "CA", "2020-08-24T20:23:33-04:00"),
    ("2020-08-25T12:00:00Z", "ru", None, "2020-08-25T12:00:00+00:00"),     # Russian: many zones
    # The region (from the domain) wins over the language's zone.
    ("2022-11-06T23:30:00Z", "de", "GB", "2022-11-06T23:30:00+00:00"),
    ("2022-11-06T23:30:00Z", "en", "DE", "2022-11-07T00:30:00+01:00"),
    ("2022-11-06T23:00:00-05:00", "de", None, "2022-11-06T23:00:00-05:00"),  # its own offset
    ("2022-11-06T23:00:00Z", None, None, "2022-11-06T23:00:00+00:00"),
    ("2022-11-06T23:00:00Z", "xx-ZZ", None, "2022-11-06T23:00:00+00:00"),
])
def test_utc_timestamps_take_the_day_of_the_pages_time_zone(
        value: str, language: str | None, region: str | None, expected: str) -> None:
    """A UTC timestamp is read in the page's one zone, or in its region's zones when they
    all give the same day; every other value keeps its own offset."""
    assert in_page_zone(parse_date(value), language, region).isoformat() == expected


def test_a_day_is_never_moved_by_a_time_zone() -> None:
    """A bare day has no instant to convert."""
    assert in_page_zone(date(2022, 11, 6), "de", "US") == date(2022, 11, 6)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example.co.uk/a", "GB"),
    ("https://ici.example.ca/n/1", "CA"),
    ("https://news.example.de:8080/a", "DE"),
    ("https://news.example.com/a", None),
    ("https://startup.example.io/a", None),     # a domain sold worldwide
    ("https://192.168.1.20/a", None),
    (None, None),
])
def test_the_page_region_is_the_country_of_its_domain(url: str | None,
                                                      expected: str | None) -> None:
    """A country domain names the region; a generic one names none."""
    assert page_region(url) == expected


def test_a_canadian_page_keeps_its_evening_day() -> None:
    """A page on a .ca domain whose time is given in UTC shows the day Canadians saw."""
    html = ("<html lang='fr'><head><meta property='og:locale' content='fr_CA'>"
            "<meta property='article:published_time' content='2020-08-25T00:23:33Z'>"
            "</head><body><h1>Transport scolaire</h1><p>Texte.</p></body></html>")
    assert extract_page(html, "https://ici.example.ca/nouvelle/1").published == parse_date(
        "2020-08-24T20:23:33-04:00")
    # The same page on a generic domain keeps UTC: French is read in many zones.
    assert extract_page(html, "https://news.example.com/nouvelle/1").published == parse_date(
        "2020-08-25T00:23:33+00:00")


def test_the_offset_of_other_timestamps_is_the_last_resort() -> None:
    """A known zone wins (with its summer time); without one, the page's own offset; with
    neither, the UTC timestamp is left as it is."""
    value = parse_date("2020-07-05T22:30:00Z")
    minus4 = timedelta(hours=-4)
    assert str(in_page_zone(value, None, "DE", minus4)) == "2020-07-06 00:30:00+02:00"
    assert str(in_page_zone(value, "en", None, minus4)) == "2020-07-05 18:30:00-04:00"
    assert in_page_zone(value, "en", None, None) is value
