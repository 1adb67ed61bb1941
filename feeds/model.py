"""What every feed format renders: entries made once from records, and feeds of entries.

Choices every format shares live here:

- ids: `urn:uuid:` + a name-based UUID (RFC 4122 v5) of the record id, so an entry keeps
  its id when the record is updated, and the id is a valid URN for Atom, RSS and JSON Feed;
- a date-only `published` becomes noon UTC of that day, which keeps the calendar day for
  readers from UTC-11 to UTC+11;
- an entry's `updated` is the record's `updated` or `published` (the later one), else the
  first time it was seen; the feed's `updated` is its newest entry's, never the clock;
- feeds only carry plausible dates (the W3C feed validator warns about the others): none
  before 1990, which in harvests come from parse errors (epoch 0, two-digit years) far
  more often than from real publications of the 1980s, and none after the record was last
  harvested (a future date is an extraction error, or a date-only publication of the day
  of harvest made noon UTC: that one is moved back to the harvest time). The record files
  keep the dates as extracted;
- within a feed no two entries share an `updated` instant (the validator warns, and
  readers that key changes on it miss one): of entries that would, each later one in the
  feed is moved back a second at a time, `published` with it when they were equal. Date-only
  publications of the same day are the usual case, and their time of day is made up anyway.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from collections.abc import Mapping

from harvester.groups import FeedGroup
from harvester.record import Author, Image, Record

from .sanitize import (
    clean_line,
    is_record_url,
    is_web_url,
    summary_html,
    summary_text,
    to_uri,
)

_RECORD_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pubharvest.invalid/record")
_FEED_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pubharvest.invalid/feed")
#: The time of day given to a date-only publication date (UTC).
NOON = time(12, 0, tzinfo=timezone.utc)
#: The date of an entry that carries no date at all (never in records from the pipeline).
NO_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: Feeds show no date before this one (the W3C feed validator calls them implausible).
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
# How far past the harvest a date may be and still be the same day (noon UTC, time zones).
_SAME_DAY = timedelta(days=1)
_MAX_NAMED_SOURCES = 3
# RFC 4287's atomLanguageTag, which xml:lang and RSS <language> both accept.
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
# ISO 639-1: feeds name a language only by one of these two-letter codes. The W3C feed
# validator rejects a tag whose first subtag is not ISO 639-1 or 639-2 ("zz", "cmn",
# "iw"); dropping the rarer three-letter tags only costs feed readers a hint.
_ISO_639_1 = frozenset((
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho "
    "hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku "
    "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn "
    "no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm "
    "sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu"
).split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One publication as feeds show it: cleaned, sanitized, with timezone-aware dates."""

    id: str
    record_id: str
    url: str | None
    title: str
    published: datetime | None
    updated: datetime
    authors: tuple[Author, ...]
    categories: tuple[str, ...]
    summary_html: str | None
    summary_text: str | None
    image: Image | None
    language: str | None
    source: str | None
    type: str | None


@dataclass(frozen=True)
class Feed:
    """One group's feed: titles, links and its newest entries, newest first."""

    group: FeedGroup
    title: str
    description: str
    id: str
    home_url: str
    self_urls: Mapping[str, str]
    xsl_href: str
    language: str | None
    updated: datetime
    entries: tuple[Entry, ...]


def entry_id(record_id: str) -> str:
    """Return the stable entry id of a record: `urn:uuid:` of a v5 UUID of its id."""
    return f"urn:uuid:{uuid.uuid5(_RECORD_NS, record_id)}"


def feed_id(kind: str, slug: str) -> str:
    """Return the stable Atom id of a group's feed (independent of base_url)."""
    return f"urn:uuid:{uuid.uuid5(_FEED_NS, f'{kind}/{slug}')}"


def as_datetime(value: date | datetime | None) -> datetime | None:
    """Return a timezone-aware datetime to the second (a date becomes noon UTC)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime.combine(value, NOON)
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.replace(microsecond=0)


def make_entry(record: Record, source_titles: Mapping[str, str],
               now: datetime | None = None) -> Entry:
    """Turn a record into an entry: clean every text, sanitize the summary, vet URLs.

    `now` bounds the dates of records that do not say when they were harvested.
    """
    url = to_uri(record.url) if is_record_url(record.url) else None
    markup = summary_html(record.summary, url)
    seen = _last_seen(record) or now
    published = plausible_date(as_datetime(record.published), seen)
    dates = [d for d in (published, plausible_date(as_datetime(record.updated), seen)) if d]
    updated = max(dates) if dates else as_datetime(record.first_seen or record.harvested_at)
    source = clean_line(source_titles.get(record.source or "", record.source)) or None
    return Entry(
        id=entry_id(record.id),
        record_id=record.id,
        url=url,
        title=clean_line(record.title) or clean_line(record.url) or "Untitled",
        published=published,
        updated=updated or NO_DATE,
        authors=_authors(record.authors),
        categories=_categories(record),
        summary_html=markup,
        summary_text=summary_text(markup),
        image=_image(record.image),
        language=_language(record.language),
        source=source,
        type=clean_line(record.type) or None,
    )


def plausible_date(value: datetime | None, seen: datetime | None) -> datetime | None:
    """Return a date a feed can carry: None before 1990 or more than a day after `seen`,
    `seen` itself when the date is later by less than a day."""
    if value is None or value < EARLIEST:
        return None
    if seen is not None and value > seen:
        return seen if value - seen <= _SAME_DAY else None
    return value


def _last_seen(record: Record) -> datetime | None:
    """Return when the record was last harvested (or first seen), if it says."""
    times = [as_datetime(t) for t in (record.harvested_at, record.first_seen) if t]
    return max((t for t in times if t), default=None)


def make_feed(group: FeedGroup, entries: list[Entry], *, source_names: list[str],
              home_url: str, self_urls: Mapping[str, str], xsl_href: str) -> Feed:
    """Assemble a group's feed from its entries (newest first) and its links."""
    languages = {e.language for e in entries}
    label = clean_line(group.label) or group.slug
    return Feed(
        group=group,
        title=feed_title(group.kind, label, source_names),
        description=feed_description(group.kind, label, source_names),
        id=feed_id(group.kind, group.slug),
        home_url=home_url,
        self_urls=dict(self_urls),
        xsl_href=xsl_href,
        language=languages.pop() if len(languages) == 1 else None,
        updated=max((e.updated for e in entries), default=NO_DATE),
        entries=distinct_updates(_unique(entries)),
    )


def _unique(entries: list[Entry]) -> list[Entry]:
    """Return the entries without repeats of an id (a store never has them; other sources
    of records might, and two entries with one id make a feed invalid)."""
    first: dict[str, Entry] = {}
    for entry in entries:
        first.setdefault(entry.id, entry)
    return list(first.values())


def distinct_updates(entries: list[Entry]) -> tuple[Entry, ...]:
    """Return the entries with pairwise distinct `updated` instants (see the module notes)."""
    taken: set[datetime] = set()
    result = []
    for entry in entries:
        updated = entry.updated
        while updated in taken:
            updated -= timedelta(seconds=1)
        taken.add(updated)
        if updated != entry.updated:
            published = updated if entry.published == entry.updated else entry.published
            entry = replace(entry, updated=updated, published=published)
        result.append(entry)
    return tuple(result)


def feed_title(kind: str, label: str, source_names: list[str]) -> str:
    """Return a feed's title: "<Label> — publications from <sources>"."""
    if kind == "sources":
        return f"{label} — publications"
    sources = name_list(source_names)
    if kind == "all":
        return f"All publications — {sources}" if sources else "All publications"
    return f"{label} — publications from {sources}" if sources else f"{label} — publications"


def name_list(names: list[str]) -> str:
    """Return "A", "A and B", "A, B and C" or "A, B, C and 4 more"."""
    if len(names) > _MAX_NAMED_SOURCES:
        shown = names[:_MAX_NAMED_SOURCES]
        return f"{', '.join(shown)} and {len(names) - len(shown)} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else ""


def feed_description(kind: str, label: str, source_names: list[str]) -> str:
    """Return a feed's one-sentence description."""
    sources = name_list(source_names) or "the configured sources"
    what = {"all": "All publications", "topics": f"Publications on {label}",
            "types": f"Publications of type {label}"}.get(kind, f"Publications from {label}")
    origin = "" if kind == "sources" else f" from {sources}"
    return f"{what}{origin}, newest first."


def _authors(authors: tuple[Author, ...]) -> tuple[Author, ...]:
    """Return authors with clean names (empty ones dropped) and only web URLs."""
    cleaned = (Author(clean_line(a.name), to_uri(a.url) if a.url and is_web_url(a.url) else None)
               for a in authors)
    return tuple(a for a in cleaned if a.name)


def _categories(record: Record) -> tuple[str, ...]:
    """Return the record's topics, then its type, cleaned and without repeats."""
    labels = [clean_line(t) for t in (*record.topics, record.type or "")]
    return tuple(dict.fromkeys(label for label in labels if label))


def _language(tag: str | None) -> str | None:
    """Return the record's language if it is a well-formed language tag of an ISO 639-1
    language (`en`, `pt-BR`)."""
    if not tag or not _LANGUAGE_TAG.match(tag):
        return None
    return tag if tag.split("-", 1)[0].lower() in _ISO_639_1 else None


def _image(image: Image | None) -> Image | None:
    """Return the image when its URL is a web URL, with a clean caption."""
    if image is None or not is_web_url(image.url):
        return None
    return Image(to_uri(image.url), clean_line(image.caption) or None)
