"""Dates as pages write them, parsed once into `date` or offset-aware `datetime` values.

A value with a time and an explicit offset (or a known zone abbreviation) stays
an aware datetime in that offset, so the page's own local day is kept; a time
without any zone is dropped and only the day kept. Nothing is ever invented:
a month without a day is not a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from collections.abc import Iterator

from .calendars import MONTHS as JALALI_MONTHS
from .calendars import is_jalali_year, jalali_to_gregorian
from .text import trie_pattern

DateValue = date | datetime

_MONTH_NAMES = {
    1: "january jan janvier janv jänner januar enero ene gennaio gen janeiro januari stycznia "
       "styczeń styczen января январь ocak ledna leden január tammikuuta",
    2: "february feb febr februar février fevrier févr fevr febrero febbraio fevereiro fev "
       "februari lutego luty февраля февраль şubat subat února únor február helmikuuta",
    3: "march mar märz maerz marz mär mars marzo março marco maart mrt marts marca marzec "
       "марта март mart března březen március maaliskuuta",
    4: "april apr avril abril aprile abr kwietnia kwiecień kwiecien апреля апрель nisan "
       "dubna duben április huhtikuuta",
    5: "may mai mayo maggio mag maio mei maj maja мая май mayıs mayis května květen május "
       "toukokuuta",
    6: "june jun juni juin junio giugno giu junho czerwca czerwiec июня июнь haziran června "
       "červen június kesäkuuta",
    7: "july jul juli juillet juil julio luglio lug julho lipca lipiec июля июль temmuz "
       "července červenec július heinäkuuta",
    8: "august aug août aout agosto ago augustus augusti sierpnia sierpień sierpien августа "
       "август ağustos agustos srpna srpen augusztus elokuuta",
    9: "september sep sept septembre septiembre setiembre settembre set setembro "
       "września wrzesnia wrzesień wrzesien сентября сентябрь eylül eylul září szeptember "
       "syyskuuta",
    10: "october oct okt oktober octobre octubre ottobre ott outubro out października "
        "pazdziernika październik pazdziernik октября октябрь ekim října říjen október "
        "lokakuuta",
    11: "november nov novembre noviembre novembro listopada listopad ноября ноябрь kasım "
        "kasim listopadu marraskuuta",
    12: "december dec dez dezember décembre decembre déc dic diciembre dicembre dezembro "
        "grudnia grudzień grudzien декабря декабрь aralık aralik prosince prosinec december "
        "joulukuuta",
}
# Ukrainian, Bulgarian, Greek, Romanian, Indonesian/Malay, Norwegian, Hebrew (also with the
# prefix "in", "במרץ"), Croatian, Serbian, Slovak, Slovenian, Estonian, Lithuanian and Latvian names
# (genitive and nominative where they differ) that the table above does not already hold;
# a name meaning another month elsewhere (Croatian "listopada" is Polish November) is left out.
_MORE_MONTHS = (
    "січня січень януари ιανουαρίου ιανουάριος ιαν ianuarie ינואר בינואר siječnja "
     "sijecnja januára januarja jaanuar jaanuaril sausio janvāris janvāra јануар јануара",
    "лютого лютий февруари φεβρουαρίου φεβρουάριος φεβ februarie פברואר בפברואר veljače "
     "veljace februára februarja veebruar veebruaril vasario februāris februāra фебруар "
     "фебруара",
    "березня березень μαρτίου μάρτιος μαρ martie maret מרץ במרץ ožujka ozujka marec marca "
     "marta märts märtsil kovo marta",
    "квітня квітень април απριλίου απρίλιος απρ aprilie אפריל באפריל travnja apríl apríla "
     "aprila aprill aprillil balandžio balandzio aprīlis aprīļa априла",
    "травня травень μαΐου μαϊου μάιος μαι מאי במאי svibnja máj mája maja gegužės "
     "geguzes maijs maija мај маја",
    "червня червень юни ιουνίου ιούνιος ιουν iunie יוני ביוני lipnja jún júna junija "
     "juuni juunil birželio birzelio jūnijs jūnija јун јуна",
    "липня липень юли ιουλίου ιούλιος ιουλ iulie יולי ביולי srpnja júl júla julija juuli "
     "juulil liepos jūlijs jūlija јул јула",
    "серпня серпень αυγούστου αύγουστος αυγ agustus אוגוסט באוגוסט kolovoza augusta "
     "avgusta augustil rugpjūčio rugpjucio augusts avgust",
    "вересня вересень септември σεπτεμβρίου σεπτέμβριος σεπ septembrie ספטמבר בספטמבר "
     "rujna septembra septembril rugsėjo rugsejo septembris септембар септембра septembar",
    "жовтня жовтень октомври οκτωβρίου οκτώβριος οκτ octombrie אוקטובר באוקטובר októbra "
     "oktobra oktoober oktoobril spalio oktobris октобар октобра oktobar",
    "листопад ноември νοεμβρίου νοέμβριος νοε noiembrie נובמבר בנובמבר studenoga studenog "
     "novembra novembril lapkričio lapkricio novembris новембар новембра novembar",
    "грудня грудень декември δεκεμβρίου δεκέμβριος δεκ decembrie desember דצמבר בדצמבר "
     "prosinca decembra detsember detsembril gruodžio gruodzio decembris децембар "
     "децембра decembar",
)
# Catalan and Galician names ("5 de juliol de 2021", "5 d'abril", "3 de xullo de 2020").
_IBERIAN_MONTHS = ("gener xaneiro", "febrer febreiro", "març", "abril", "maig", "juny xuño",
                   "juliol xullo", "agost", "setembre", "octubre", "novembre", "desembre decembro")
# Bengali names, in both spellings of the long vowels ("২৭ সেপ্টেম্বর ২০১৮": digits of every
# script are read as digits).
_BENGALI_MONTHS = ("জানুয়ারি জানুয়ারী", "ফেব্রুয়ারি ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "মে", "জুন",
                   "জুলাই", "আগস্ট আগষ্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর")
# Hindi names (with and without the nukta of "फ़रवरी", with either nasal spelling).
_HINDI_MONTHS = ("जनवरी", "फ़रवरी फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
                 "सितंबर सितम्बर", "अक्टूबर अक्तूबर", "नवंबर नवम्बर", "दिसंबर दिसम्बर")
# Thai names, full and abbreviated ("3 มีนาคม 2567", "3 มี.ค. 67"): Thai pages count years in
# the Buddhist era, 543 ahead of the common one.
_THAI_MONTHS = ("มกราคม ม.ค.", "กุมภาพันธ์ ก.พ.", "มีนาคม มี.ค.", "เมษายน เม.ย.", "พฤษภาคม พ.ค.",
                "มิถุนายน มิ.ย.", "กรกฎาคม ก.ค.", "สิงหาคม ส.ค.", "กันยายน ก.ย.", "ตุลาคม ต.ค.",
                "พฤศจิกายน พ.ย.", "ธันวาคม ธ.ค.")
THAI_MONTHS = frozenset(n for names in _THAI_MONTHS for n in names.split())
_BUDDHIST_ERA = 543
# Japanese eras and the common year before their first ("令和6年" is 2024; "元年" is year 1).
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
# Arabic and Persian names of the Gregorian months (Egyptian/Gulf and Iranian usage).
_ARABIC_MONTHS = ("يناير ژانویه", "فبراير فوریه", "مارس", "أبريل إبريل ابريل آوریل", "مايو",
                  "يونيو ژوئن", "يوليو ژوئیه", "أغسطس اغسطس", "سبتمبر سپتامبر",
                  "أكتوبر اكتوبر اکتبر", "نوفمبر نوامبر", "ديسمبر دسامبر")
# Russian abbreviations ("3 мар. 2024", "12 нояб. 2023").
_RUSSIAN_SHORT = ("янв", "фев февр", "мар", "апр", "", "июн", "июл", "авг", "сен сент", "окт",
                  "ноя нояб", "дек")
# The Syriac names of the Levant and Iraq ("3 آذار 2024"), with and without hamza; some are
# two words ("تشرين الأول").
_LEVANTINE_MONTHS = ("كانون الثاني|كانون الثانى", "شباط", "آذار|اذار", "نيسان", "أيار|ايار",
                     "حزيران", "تموز", "آب|اب", "أيلول|ايلول", "تشرين الأول|تشرين الاول",
                     "تشرين الثاني|تشرين الثانى", "كانون الأول|كانون الاول")
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
MONTHS |= {name: number for number, names in enumerate(_ARABIC_MONTHS, 1)
           for name in names.split()}
MONTHS |= {name: number for table in (_MORE_MONTHS, _IBERIAN_MONTHS, _BENGALI_MONTHS,
                                      _HINDI_MONTHS, _THAI_MONTHS, _RUSSIAN_SHORT)
           for number, names in enumerate(table, 1) for name in names.split()
           if name not in MONTHS}
MONTHS |= {name: number for number, names in enumerate(_LEVANTINE_MONTHS, 1)
           for name in names.split("|")}
# Solar Hijri month names ("2 تیر 1399"): their number is the month of that calendar.
MONTHS |= JALALI_MONTHS


# A prefix tree: a regex tries a few branches per character, not hundreds of month names.
_MONTH_RE = trie_pattern(sorted(MONTHS))
_WEEKDAY = (r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
            r"\.?,?\s+)?")
_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "et": None, "pt": None, "ct": None,
    "cet": 1, "cest": 2, "bst": 1, "wet": 0, "west": 1, "eet": 2, "eest": 3, "msk": 3,
    "aest": 10, "aedt": 11, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8,
}
_TIME = (r"(?:\s*(?:,|at|um|à|a las|alle|-|\||T|@)?\s*(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})"
         r"(?::(?P<second>\d{2})(?:[.,]\d{1,9})?)?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
         r"\s*(?:Uhr\s*)?(?P<zone>Z\b|[+-]\d{2}(?::?\d{2})?\b|\(?(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?\b\)?"
         r"|\(?[A-Z]{1,4}T\b\)?|UTC|GMT)?)?")
_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
                  + _TIME.replace(r"(?:,|at", r"(?:,|T|at"))
_YMD = re.compile(r"(?<![\d/.])(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})(?![\d/])"
                  + _TIME)
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
                      r"(?P<year>\d{4})(?![\d/])" + _TIME)
_MDY = re.compile(_WEEKDAY + r"\b(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<day>\d{1,2})"
                  r"(?:st|nd|rd|th)?\.?,?\s+(?P<year>\d{4})(?!\d)" + _TIME, re.IGNORECASE)
_DMY = re.compile(r"(?<![\d.])(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s*(?:de\s+|d['’]|of\s+)?"
                  r"(?P<mon>" + _MONTH_RE + r")(?!\w)\.?,?\s*(?:de\s+|del\s+)?(?P<year>\d{4})(?!\d)"
                  + _TIME, re.IGNORECASE)
# "03-Mar-2024": day, month name and year joined by hyphens.
_DMY_DASHED = re.compile(r"(?<![\d.-])(?P<day>\d{1,2})-(?P<mon>" + _MONTH_RE + r")-"
                         r"(?P<year>\d{4})(?!\d)" + _TIME, re.IGNORECASE)
# Korean "2024. 3. 3.": dotted with spaces, the day closed by a dot too.
_YMD_SPACED = re.compile(r"(?<![\d.])(?P<year>\d{4})\.\s(?P<month>\d{1,2})\.\s"
                         r"(?P<day>\d{1,2})\.(?!\d)")
# Czech, Slovak, Slovenian and Croatian "14. 6. 2017": day and month closed by dots, spaced.
_DMY_SPACED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.\s(?P<month>\d{1,2})\.\s"
                         r"(?P<year>(?:19|20)\d{2})(?!\d)")
_YMD_TEXT = re.compile(r"(?<!\d)(?P<year>\d{4})\.?\s+(?P<mon>" + _MONTH_RE + r")\.?\s+"
                       r"(?P<day>\d{1,2})\b", re.IGNORECASE)
_CJK = re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*"
                  r"(?P<day>\d{1,2})\s*[日일]?")
# A date of the Republic of China's calendar, as Taiwan writes it: "113年3月18日" (2024),
# "民國113年3月18日" (a year of three digits counts from 1911).
_ROC_DATE = re.compile(r"(?<!\d)(?:中華)?(?:民國)?\s*(?P<roc>1[0-4]\d)\s*年\s*(?P<month>\d{1,2})"
                       r"\s*月\s*(?P<day>\d{1,2})\s*日")
_ROC_START = 1911
# A Japanese era date: "令和6年3月3日", "平成元年1月8日".
_ERA_DATE = re.compile(r"(?P<era>令和|平成|昭和)\s*(?P<eyear>元|\d{1,2})\s*年\s*"
                       r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
# Vietnamese "ngày 3 tháng 3 năm 2024" ("day 3, month 3, year 2024").
_VIETNAMESE = re.compile(r"(?i)(?<!\d)(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2}),?\s+"
                         r"năm\s+(?P<year>\d{4})(?!\d)")
# "8.5.12", "02.12.19": a day first, dotted, with a two-digit year (only read in datelines).
_SHORT_DMY = re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})"
                        r"(?![\w.]|\.\d)")
_DATE_PREPOSITIONS = {"am", "vom", "den", "on", "le", "du", "el", "del", "il", "op", "dne"}
_EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
# ISO 8601 basic format: "20240303", "20240303T100000Z", "20240303T1000+0100".
_COMPACT = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)"
                      r"(?:T(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)(?P<second>[0-5]\d)?(?:[.,]\d+)?"
                      r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?")
_URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[/_.-]?)(?P<month>[01]\d)(?P=sep)"
                       r"(?P<day>[0-3]\d)(?!\d)|"
                       # whole path segments without leading zeros: /2024/3/7/
                       r"(?<=/)(?P<year2>(?:19|20)\d{2})/(?P<month2>1[0-2]|[1-9])/"
                       r"(?P<day2>3[01]|[12]\d|[1-9])(?=/|$)")
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)(?:/|$)")
# Each pattern with the strings one of which it cannot match without (a cheap test first).
_PATTERNS = ((_ISO, ("-",)), (_MDY, ()), (_DMY, ()), (_YMD, ("/", ".")),
             (_NUMERIC, ("/", ".", "-")), (_DMY_DASHED, ("-",)), (_YMD_SPACED, (". ",)),
             (_DMY_SPACED, (". ",)),
             (_YMD_TEXT, ()), (_ERA_DATE, ("年",)), (_ROC_DATE, ("年",)),
             (_CJK, ("年", "년")), (_VIETNAMESE, ("háng",)))
EARLIEST = date(1900, 1, 1)


def parse_date(text: object, *, now: datetime | None = None,
               dayfirst: bool | None = None) -> DateValue | None:
    """Parse the first date in a metadata value; None when there is no plausible one."""
    if isinstance(text, datetime | date):
        return text if is_plausible(text, now) else None
    if not isinstance(text, str) or not text.strip():
        return None
    text = text[:300]
    epoch = _EPOCH.match(text)
    if epoch:
        value: DateValue | None = datetime.fromtimestamp(int(epoch.group(1)), timezone.utc)
        return value if is_plausible(value, now) else None
    compact = _COMPACT.fullmatch(text.strip())
    if compact:
        # A whole value of eight digits is a day ("20240303" in a pubdate meta tag).
        try:
            value = date(int(compact["year"]), int(compact["month"]), int(compact["day"]))
        except ValueError:
            return None
        value = _with_time(value, compact.groupdict()) or value
        return value if is_plausible(value, now) else None
    for value, _ in iter_dates(text, dayfirst=dayfirst):
        return value if is_plausible(value, now) else None
    return None


def find_dates(text: str, *, now: datetime | None = None,
               dayfirst: bool | None = None) -> list[tuple[DateValue, int]]:
    """Return every plausible date written in a text, with its position, in text order."""
    found = [(v, pos) for v, pos in iter_dates(text[:5000], dayfirst=dayfirst)
             if is_plausible(v, now)]
    return sorted(found, key=lambda item: item[1])


def short_year_date(text: str, *, now: datetime | None = None) -> tuple[date, int] | None:
    """Return the day of a text holding a dotted date with a two-digit year and no other
    number ("von Name, 8.5.12"), with its position; None for anything else."""
    match = _SHORT_DMY.search(text)
    if match is None or any(c.isdigit() for c in text[:match.start()] + text[match.end():]):
        return None
    before = text[:match.start()].rstrip()
    # A name right before it makes a version ("WordPress 6.1.12"), unless the date is
    # written in full two-digit form or the word is a preposition ("am 8.5.12").
    if before and before[-1].isalpha() and before.split()[-1].lower() not in _DATE_PREPOSITIONS \
            and (len(match["day"]) < 2 or len(match["month"]) < 2):
        return None
    this_year = (now or datetime.now(timezone.utc)).year
    year = 2000 + int(match["year"])
    if year > this_year:
        year -= 100
    try:
        value = date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return (value, match.start()) if is_plausible(value, now) else None


def iter_dates(text: str, *, dayfirst: bool | None = None) -> Iterator[tuple[DateValue, int]]:
    """Yield (value, position) for each date pattern match, pattern by pattern."""
    taken: list[tuple[int, int]] = []
    for pattern, needs in _PATTERNS:
        if needs and not any(part in text for part in needs):
            continue
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            value = _from_match(match, dayfirst)
            if value is not None:
                taken.append(span)
                yield value, span[0]


def _from_match(match: re.Match[str], dayfirst: bool | None) -> DateValue | None:
    """Build a date (or aware datetime) from one regex match; None if impossible."""
    groups = match.groupdict()
    if "era" in groups:
        year = _ERAS[groups["era"]] + (1 if groups["eyear"] == "元" else int(groups["eyear"]))
    elif "roc" in groups:
        year = _ROC_START + int(groups["roc"])
    else:
        year = int(groups["year"])
    if "mon" in groups and groups["mon"] in THAI_MONTHS and year > _BUDDHIST_ERA + 1900:
        year -= _BUDDHIST_ERA  # "3 มีนาคม 2567" is 3 March 2024
    if "mon" in groups:
        month = MONTHS.get(groups["mon"].lower())
        day = int(groups["day"])
    elif "a" in groups:
        month, day = _order(int(groups["a"]), int(groups["b"]), groups["sep"], dayfirst)
    else:
        month, day = int(groups["month"]), int(groups["day"])
    if month is None:
        return None
    if "mon" in groups and (groups["mon"] in JALALI_MONTHS) != is_jalali_year(year):
        return None  # "24 June 1348" is a medieval day; "2 تیر 2020" no day at all
    if is_jalali_year(year):
        # Iranian and Afghan pages count years from the Hijra in the solar calendar.
        jalali = jalali_to_gregorian(year, month, day)
        return None if jalali is None else _with_time(jalali, groups) or jalali
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    return _with_time(day_value, groups) or day_value


def _order(a: int, b: int, sep: str, dayfirst: bool | None) -> tuple[int, int]:
    """Return (month, day) for a numeric date: dots mean day first in every language (no
    American writes "05.11.2020"); slashes and hyphens follow the page's language, else
    slashes read month first."""
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    first_is_day = True if sep == "." else dayfirst if dayfirst is not None else sep != "/"
    return (b, a) if first_is_day else (a, b)


def _with_time(day: date, groups: dict[str, str | None]) -> datetime | None:
    """Return an aware datetime when the match has a time and a known offset."""
    if groups.get("hour") is None or groups.get("zone") is None:
        return None
    offset = _offset(groups["zone"] or "")
    if offset is None:
        return None
    hour, minute = int(groups["hour"] or 0), int(groups["minute"] or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    second = int(groups.get("second") or 0)
    try:
        return datetime(day.year, day.month, day.day, hour, minute, min(second, 59),
                        tzinfo=offset)
    except ValueError:
        return None


def _offset(zone: str) -> timezone | None:
    """Return the timezone of an offset (`+05:30`, `-0500`, `Z`, `GMT+7`, `UTC-05:00`) or a
    known abbreviation."""
    zone = zone.strip("() ")
    if zone[:3].lower() in ("utc", "gmt") and zone[3:].strip()[:1] in ("+", "-"):
        # "GMT+7": the sign and hours, with an optional ":30" (a one-digit hour is padded).
        sign, rest = zone[3:].strip()[0], zone[3:].strip()[1:]
        hours, _, minutes = rest.partition(":")
        if not minutes and len(hours) > 2:
            hours, minutes = hours[:-2], hours[-2:]
        zone = f"{sign}{int(hours):02d}:{minutes or '00'}"
    if zone[:1] in "+-" and zone[1:3].isdigit():
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if zone[0] == "-" else delta)
    hours = _ZONES.get(zone.lower())
    return None if hours is None else timezone(timedelta(hours=hours))


def is_plausible(value: DateValue, now: datetime | None = None) -> bool:
    """Tell whether a date is neither absurdly old (before 1900) nor in the future (> 1 day)."""
    day = local_day(value)
    latest = (now or datetime.now(timezone.utc)).date() + timedelta(days=1)
    return EARLIEST <= day <= latest


def local_day(value: DateValue) -> date:
    """Return the calendar day of a value in its own offset (never converted to UTC)."""
    return value.date() if isinstance(value, datetime) else value


def url_date(url: str | None) -> date | None:
    """Return the full date written in a URL's path (/2024/02/13/, /2024-02-13-, /20240213/,
    /2024.02.13/, /2024/2/13/)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        year, month, day = (match["year"], match["month"], match["day"]) if match["year"] \
            else (match["year2"], match["month2"], match["day2"])
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if is_plausible(value):
            return value
    return None


def url_month(url: str | None) -> tuple[int, int] | None:
    """Return (year, month) written as path segments of a URL (/2024/02/), if any."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("://", 1)[-1].partition("/")[2]
    match = _URL_MONTH.search("/" + path)
    if not match or not 1 <= int(match["month"]) <= 12:
        day = url_date(url)
        return (day.year, day.month) if day else None
    return int(match["year"]), int(match["month"])
