"""The Solar Hijri (Jalali) calendar, in which Iranian and Afghan pages date themselves.

"2 تیر 1399" and "۱۳۹۹/۰۲/۲۱" are days of this calendar; they are turned into Gregorian
days with the arithmetic of its 33-year cycles (Borkowski's algorithm, as jalaali-js and
jdatetime use it), exact for the years pages are written in.
"""

from __future__ import annotations

from datetime import date, timedelta

# Years of the calendar a page may date itself in (1921-2121): no Gregorian page year.
FIRST_YEAR, LAST_YEAR = 1300, 1499
# Iranian month names, then the Afghan (Dari) ones, in calendar order.
_NAMES = ("فروردین حمل", "اردیبهشت ثور", "خرداد جوزا", "تیر سرطان", "مرداد اسد",
          "شهریور سنبله", "مهر میزان", "آبان عقرب", "آذر قوس", "دی جدی", "بهمن دلو",
          "اسفند حوت")
# Pages write yeh and kaf in their Arabic forms as often as in their Persian ones.
_ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})
MONTHS = {spelling: number for number, names in enumerate(_NAMES, 1) for name in names.split()
          for spelling in {name, name.translate(_ARABIC_FORMS)}}
_DAYS_BEFORE_MONTH = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
# Years where the pattern of the 33-year cycles changes (Borkowski).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
           2262, 2324, 2394, 2456, 3178)


def is_jalali_year(year: int) -> bool:
    """Tell whether a four-digit year is one of the Solar Hijri calendar."""
    return FIRST_YEAR <= year <= LAST_YEAR


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Return the Gregorian day of a Solar Hijri one; None when it is no day of it."""
    if not is_jalali_year(year) or not 1 <= month <= 12 \
            or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    march, leap = _calendar(year)
    if month == 12 and day == 30 and not leap:
        return None
    nowruz = date(year + 621, 3, march)
    return nowruz + timedelta(days=_DAYS_BEFORE_MONTH[month - 1] + day - 1)


def _calendar(year: int) -> tuple[int, bool]:
    """Return the March day of 1 Farvardin (Nowruz) of a year, and whether the year is leap.

    The cycle's leap years are counted from the break years where its pattern changes.
    """
    leap_days, start, jump = -14, _BREAKS[0], 0
    for end in _BREAKS[1:]:
        jump = end - start
        if year < end:
            break
        leap_days += jump // 33 * 8 + jump % 33 // 4
        start = end
    into = year - start
    leap_days += into // 33 * 8 + (into % 33 + 3) // 4
    if jump % 33 == 4 and jump - into == 4:
        leap_days += 1
    gregorian = year + 621
    gregorian_leaps = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    if jump - into < 6:
        into = into - jump + (jump + 4) // 33 * 33
    cycle = (into + 1) % 33
    return 20 + leap_days - gregorian_leaps, cycle >= 1 and (cycle - 1) % 4 == 0
