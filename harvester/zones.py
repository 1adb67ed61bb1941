"""The time zone a page was written in, so that a time it gives only in UTC keeps the day
its readers saw ("2020-05-02T02:54Z" on a New York page was May 1 there)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .dates import DateValue
from .urls import host_of

# Regions with one time zone (or one that nearly all their people live in).
_ZONE_OF = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "PT": "Europe/Lisbon",
    "FR": "Europe/Paris", "BE": "Europe/Brussels", "NL": "Europe/Amsterdam",
    "LU": "Europe/Luxembourg", "DE": "Europe/Berlin", "AT": "Europe/Vienna",
    "CH": "Europe/Zurich", "IT": "Europe/Rome", "ES": "Europe/Madrid",
    "DK": "Europe/Copenhagen", "SE": "Europe/Stockholm", "NO": "Europe/Oslo",
    "FI": "Europe/Helsinki", "EE": "Europe/Tallinn", "LV": "Europe/Riga",
    "LT": "Europe/Vilnius", "PL": "Europe/Warsaw", "CZ": "Europe/Prague",
    "SK": "Europe/Bratislava", "HU": "Europe/Budapest", "SI": "Europe/Ljubljana",
    "HR": "Europe/Zagreb", "RO": "Europe/Bucharest", "BG": "Europe/Sofia",
    "GR": "Europe/Athens", "TR": "Europe/Istanbul", "IL": "Asia/Jerusalem",
    "IN": "Asia/Kolkata", "JP": "Asia/Tokyo", "KR": "Asia/Seoul", "SG": "Asia/Singapore",
    "HK": "Asia/Hong_Kong", "PH": "Asia/Manila", "ZA": "Africa/Johannesburg",
    "NG": "Africa/Lagos", "KE": "Africa/Nairobi", "AR": "America/Argentina/Buenos_Aires",
    "CL": "America/Santiago", "CO": "America/Bogota", "PE": "America/Lima",
    "UY": "America/Montevideo", "NZ": "Pacific/Auckland",
}
# Languages read (almost) only in one region of one zone: a page in one of them whose
# timestamp is given in UTC was written in that zone's day.
_REGION_OF_LANGUAGE = {
    "de": "DE", "it": "IT", "nl": "NL", "pl": "PL", "cs": "CZ", "sk": "SK", "hu": "HU",
    "da": "DK", "sv": "SE", "nb": "NO", "nn": "NO", "no": "NO", "hr": "HR", "sl": "SI",
    "fi": "FI", "et": "EE", "lv": "LV", "lt": "LT", "el": "GR", "ro": "RO", "bg": "BG",
    "tr": "TR", "ja": "JP", "ko": "KR", "he": "IL",
}
# Regions spanning several zones, by their main ones: a UTC time is read there only when
# all of them give it the same day (the first zone is then the one written).
_ZONES_OF = {
    "US": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "CA": ("America/Toronto", "America/St_Johns", "America/Halifax", "America/Winnipeg",
           "America/Edmonton", "America/Vancouver"),
    "AU": ("Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth"),
    "BR": ("America/Sao_Paulo", "America/Manaus", "America/Rio_Branco"),
    "MX": ("America/Mexico_City", "America/Cancun", "America/Hermosillo",
           "America/Tijuana"),
    "RU": ("Europe/Moscow", "Europe/Kaliningrad", "Asia/Yekaterinburg", "Asia/Novosibirsk",
           "Asia/Vladivostok"),
    "ID": ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
}
# Two-letter domains sold worldwide, which say nothing of where a site is.
_GENERIC_TLDS = {"co", "io", "me", "tv", "ai", "fm", "am", "ly", "to", "cc", "ws", "gg", "so"}


def in_page_zone(value: DateValue, language: str | None, region: str | None = None,
                 offset: timedelta | None = None) -> DateValue:
    """Return a UTC timestamp in the time zone of the page's region (its domain's country,
    else its language's region) or language, when that zone is known; a country of several
    zones only when all of them give the same day. Failing those, in `offset`, the offset the
    page writes its other timestamps in. Anything else is returned unchanged."""
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return value
    local = _in_zones(value, language, region)
    if local is value and offset:
        try:
            return value.astimezone(timezone(offset))
        except (ValueError, OverflowError):  # an offset of a day or more, a year at the edge
            return value
    return local


def _in_zones(value: datetime, language: str | None, region: str | None) -> datetime:
    """Return a UTC timestamp in the zone of the page's region or language (see
    `in_page_zone`), or unchanged."""
    lang, _, lang_region = (language or "").partition("-")
    zones = _ZONES_OF.get(region or "")
    if zones is None:
        # A language's region of several zones ("en-US") gives no zone: see page_region.
        name = _ZONE_OF.get(region or "")
        if name is None and lang_region not in _ZONES_OF:
            name = _ZONE_OF.get(lang_region) or _ZONE_OF.get(
                _REGION_OF_LANGUAGE.get(lang.lower(), ""))
        zones = (name,) if name else ()
    try:
        local = [value.astimezone(ZoneInfo(name)) for name in zones]
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        return value
    return local[0] if local and len({v.date() for v in local}) == 1 else value


def page_region(url: str | None) -> str | None:
    """Return the country of a page's domain (".ca": "CA", ".co.uk": "GB"), if it has one.

    Locales are not asked: "en-US" and "en_US" are the defaults of the commonest CMS and
    SEO plugins, written by sites anywhere.
    """
    tld = host_of(url).rpartition(".")[2] if url else ""
    if len(tld) == 2 and tld.isalpha() and tld not in _GENERIC_TLDS:
        return "GB" if tld == "uk" else tld.upper()
    return None
