"""The Solar Hijri calendar: known days, and every day of it follows the one before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from harvester.calendars import FIRST_YEAR, LAST_YEAR, MONTHS, jalali_to_gregorian


@pytest.mark.parametrize(("jalali", "gregorian"), [
    ((1300, 1, 1), date(1921, 3, 21)),
    ((1357, 11, 22), date(1979, 2, 11)),
    ((1399, 4, 2), date(2020, 6, 22)),
    ((1399, 12, 30), date(2021, 3, 20)),  # 1399 is a leap year
    ((1400, 1, 1), date(2021, 3, 21)),
    ((1403, 1, 1), date(2024, 3, 20)),
    ((1403, 12, 30), date(2025, 3, 20)),
])
def test_known_days(jalali: tuple[int, int, int], gregorian: date) -> None:
    """Nowruz, the revolution's day and leap-year ends land where almanacs put them."""
    assert jalali_to_gregorian(*jalali) == gregorian


@pytest.mark.parametrize("jalali", [(1398, 12, 30), (1399, 7, 31), (1399, 13, 1),
                                    (1399, 0, 1), (1399, 1, 0), (2020, 6, 22)])
def test_days_that_do_not_exist_are_none(jalali: tuple[int, int, int]) -> None:
    """A 30 Esfand of a common year, a 31st in the second half, a Gregorian year: None."""
    assert jalali_to_gregorian(*jalali) is None


def test_every_day_follows_the_one_before() -> None:
    """Across every year read, month ends and year ends run on without gap or overlap."""
    day = jalali_to_gregorian(FIRST_YEAR, 1, 1)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            for mday in range(1, 32):
                value = jalali_to_gregorian(year, month, mday)
                if value is None:
                    continue
                assert value == day, (year, month, mday)
                day += timedelta(days=1)
    assert day == date(2121, 3, 21)


def test_month_names_in_persian_and_arabic_letters() -> None:
    """Pages write "تیر" with a Persian or an Arabic yeh; Afghan pages say "سرطان"."""
    assert MONTHS["تیر"] == MONTHS["تير"] == MONTHS["سرطان"] == 4
    assert MONTHS["دی"] == MONTHS["دي"] == 10
    assert len(set(MONTHS.values())) == 12
