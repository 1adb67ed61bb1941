"""Dates as real sites write them, probed with small synthetic pages and values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from harvester import extract_page
from harvester.dates import local_day, parse_date


def _hours(value: object) -> float | None:
    """Return a parsed value's UTC offset in hours (None for a day without a time)."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        return None
    return value.utcoffset() / timedelta(hours=1)  # type: ignore[operator]


@pytest.mark.parametrize(("text", "hours"), [
    ("3/3/2024, 10:00 (GMT+7)", 7),
    ("2024-03-03 23:00 UTC+8", 8),
    ("March 3, 2024 10:00 PM GMT+05:30", 5.5),
    ("March 3, 2024 10:00 PM GMT-5", -5),
    ("March 3, 2024 10:00 PM GMT", 0),
])
def test_gmt_plus_offsets_are_that_offset_not_utc(text: str, hours: float) -> None:
    """"GMT+7" is seven hours east of UTC, not UTC: the local day and time are kept."""
    value = parse_date(text)
    assert isinstance(value, datetime) and value.date() == date(2024, 3, 3)
    assert _hours(value) == hours


def test_an_impossible_gmt_offset_keeps_only_the_day() -> None:
    """No zone is fifteen hours from UTC: the time is dropped, the day kept."""
    assert parse_date("2024-03-03 10:00 GMT+15") == date(2024, 3, 3)
    assert parse_date("2024-03-03 10:00 GMT+7") == datetime(
        2024, 3, 3, 10, tzinfo=timezone(timedelta(hours=7)))


def page(header: str, lang: str = "en") -> str:
    """Return an article page with a header block under its headline."""
    return (f"<html lang='{lang}'><head><title>Wellness hotels</title></head><body><article>"
            f"<h1>Wellness hotels for the winter season</h1>{header}"
            "<p>Our favourite places to rest when the days grow short and cold, and the long "
            "nights invite a slower pace of life across the continent.</p></article></body></html>")


@pytest.mark.parametrize("header", [
    "<p>Event date: 15 May 2024</p>",
    "<p>When: 15 May 2024, 10:00</p><p>Where: Berlin</p>",
    "<p>Application deadline: 15 May 2024</p>",
    "<div class='event-date'>15 May 2024</div>",
    "<div class='event-meta'><time datetime='2024-05-15'>15 May 2024</time></div>",
    "<p>When: <time datetime='2024-05-15T10:00'>15 May 2024</time></p>",
])
def test_an_events_or_deadlines_date_is_not_the_publication(header: str) -> None:
    """The day an event takes place or applications close is not when the page appeared."""
    record = extract_page(page(header), "https://example.org/events/winter-talk")
    assert record.published is None


def test_the_publication_date_beside_an_event_date_is_kept() -> None:
    """A page that says when it was posted is dated so, whatever event it announces."""
    html = page("<p>Event date: 15 May 2024</p><p>Posted 3 March 2024</p>")
    assert extract_page(html).published == date(2024, 3, 3)


def test_a_publication_label_outweighs_an_event_class() -> None:
    """CMS templates reuse event boxes for press releases: "Erschienen am:" still dates it."""
    html = page("<div class='eventbox-event'><span>Erschienen am:</span><h2>13.10.2021</h2></div>",
                lang="de")
    assert extract_page(html).published == date(2021, 10, 13)


def test_last_reviewed_is_an_update_not_the_publication() -> None:
    """Health and reference pages show "Last reviewed": a later look, not the first day."""
    record = extract_page(page("<p>Published 3 March 2024</p><p>Last reviewed 5 April 2024</p>"))
    assert (record.published, record.updated) == (date(2024, 3, 3), date(2024, 4, 5))
    alone = extract_page(page("<p>Page last reviewed: 5 April 2024</p>"))
    assert alone.published is None


@pytest.mark.parametrize(("header", "lang"), [
    ("<p class='date'>٣ مارس ٢٠٢٤</p>", "ar"),
    ("<p class='date'>3 मार्च 2024</p>", "hi"),
    ("<p class='date'>३ मार्च २०२४</p>", "hi"),
    ("<p class='date'>２０２４年３月３日</p>", "ja"),
])
def test_dates_in_other_digits_and_hindi_month_names(header: str, lang: str) -> None:
    """Arabic-Indic, Devanagari and full-width digits, and Hindi month names, date a page."""
    assert extract_page(page(header, lang)).published == date(2024, 3, 3)


@pytest.mark.parametrize(("text", "month"), [
    ("3 जनवरी 2024", 1), ("3 फ़रवरी 2024", 2), ("3 फरवरी 2024", 2), ("10 दिसंबर 2024", 12),
])
def test_hindi_months_ending_in_a_vowel_sign(text: str, month: int) -> None:
    """A name ending in a vowel sign ("जनवरी") has no word boundary after it, yet ends."""
    value = parse_date(text)
    assert value is not None and value.month == month


def test_a_cards_neighbouring_day_does_not_redate_metadata_the_byline_shows() -> None:
    """JSON-LD at 01:00 on the 16th, the byline "Updated ... 16 Apr" and a card of the 15th
    below: the byline shows the metadata's day, so the card's day is no re-dating."""
    data = ('{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"datePublished": "2020-04-16T01:00:03+05:30"}')
    html = (f"<html lang='hi'><head><script type='application/ld+json'>{data}</script></head>"
            "<body><article><h1>जिले में 32 क्रय केंद्रों पर गेहूं की खरीद शुरू</h1>"
            "<div><a href='/editor/bureau'>वाराणसी ब्यूरो</a>\nUpdated Thu, 16 Apr 2020 01:00 AM "
            "IST\n</div><p>गेहूं की खरीद शुरू हो गई है और किसान केंद्रों पर पहुंच रहे हैं।</p>"
            "</article><section><h3><a href='/other'>दूसरी खबर</a></h3>"
            "<p class='time-clock'>15 अप्रैल 2020</p></section></body></html>")
    record = extract_page(html, "https://www.example.in/city/news-1234")
    assert record.published is not None and local_day(record.published) == date(2020, 4, 16)


def test_a_french_dateline_with_times_in_hours_notation() -> None:
    """"à 10h30" is part of the dateline, not prose: both dates of the line are read."""
    html = page("<p>Publié le 3 mars 2024 à 10h30, mis à jour le 4 mars 2024 à 11h00</p>", "fr")
    record = extract_page(html)
    assert (record.published, record.updated) == (date(2024, 3, 3), date(2024, 3, 4))


@pytest.mark.parametrize(("text", "expected"), [
    ("20240303T100000Z", datetime(2024, 3, 3, 10, tzinfo=timezone.utc)),
    ("20240303T1000+0100", datetime(2024, 3, 3, 10, tzinfo=timezone(timedelta(hours=1)))),
    ("20240303T100000", date(2024, 3, 3)),
    ("03-Mar-2024", date(2024, 3, 3)),
    ("2024. 3. 3.", date(2024, 3, 3)),
    ("2024. 03. 03. 오전 10:00", date(2024, 3, 3)),
])
def test_basic_iso_hyphenated_and_korean_spaced_dates(text: str, expected: object) -> None:
    """ISO 8601 basic timestamps in metadata, "03-Mar-2024" and Korean "2024. 3. 3."."""
    assert parse_date(text) == expected


def test_the_shown_day_takes_the_time_of_the_metadata_of_that_day() -> None:
    """A dateline "19.10.2019" and a UTC timestamp of that day in the page's zone: the
    record gives the moment, in the page's offset, as when metadata alone dates it."""
    html = page("<p>19.10.2019</p>", "de").replace(
        "</head>", "<meta name='date' content='2019-10-19T13:07:47Z'></head>")
    value = extract_page(html, "https://www.example.de/artikel-1").published
    assert value == datetime(2019, 10, 19, 15, 7, 47, tzinfo=timezone(timedelta(hours=2)))
    assert _hours(value) == 2
