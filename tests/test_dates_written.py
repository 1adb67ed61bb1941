"""Written dates in more scripts: Arabic and Persian month names, Eastern Arabic digits."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from harvester.dates import parse_date

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("text", "expected"), [
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", date(2020, 10, 7)),
    ("12 مارس 2021", date(2021, 3, 12)),
    ("5 دسامبر 2019", date(2019, 12, 5)),
    ("۷ اکتبر ۲۰۲۰", date(2020, 10, 7)),
])
def test_arabic_and_persian_month_names(text: str, expected: date) -> None:
    """Gregorian months named in Arabic or Persian give their day, whatever the digits."""
    assert parse_date(text, now=NOW) == expected
