"""Dates as real sites write them, probed with small synthetic pages and values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

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
