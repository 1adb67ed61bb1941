"""Dates as real sites write them, probed with small synthetic pages and values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from harvester import extract_page
from harvester.dates import parse_date


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
