"""Choosing the publication and modification dates among the extractors' candidates.

Strong sources (structured metadata, the dateline next to the headline) vote for
a day; the URL's own date breaks ties; a UTC timestamp yields to the same moment
in the page's own offset, or to the day the page shows when an offset could move
it there, else is read in the page's zone (`harvester.zones`). `updated` is kept
only when it is later than `published`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .choose import rank
from .dates import DateValue, local_day, parse_date, url_date
from .record import Candidate
from .zones import in_page_zone

_DATE_RANK = ("rules", "html:original-close", "jsonld", "meta:citation_publication_date",
              "meta:citation_date", "meta:article:published_time", "meta:parsely-pub-date",
              "meta:parsely-page",
              "meta:datepublished", "meta:dcterms.issued", "meta:dc.date.issued",
              "html:itemprop-close", "html:time-close", "html:text-close", "html:label-close",
              "meta:og:published_time", "meta:sailthru.date", "meta:dc.date", "meta:dcterms.date",
              "meta:dcterms.created", "meta:pubdate", "meta:publishdate", "meta:date",
              "meta:other-date", "html:itemprop", "html:time", "jsonld:WebPage", "html:text",
              "html:time-page", "html:script", "html:attribute", "url:image",
              "html:text-page", "html:text-anywhere")
_UPDATED_RANK = ("rules", "jsonld", "meta:article:modified_time", "meta:og:updated_time",
                 "meta:datemodified", "meta:dcterms.modified", "meta:dc.date.modified",
                 "meta:parsely-updated", "html:itemprop-close", "html:time-close",
                 "html:text-close", "html:itemprop", "html:time", "jsonld:WebPage")


DateChoice = tuple[DateValue, str] | None


def choose_dates(published: list[Candidate], updated: list[Candidate], url: str | None,
                 now: datetime, language: str | None = None,
                 region: str | None = None) -> tuple[DateChoice, DateChoice]:
    """Return (published, updated): metadata and the visible dateline cross-checked, and the
    URL's own date used to break disagreements; a time given only in UTC is read in the
    zone of the page's region or language, else in the offset of its other timestamps
    (see `harvester.zones`)."""
    pub = _parsed(published, now)
    upd = _parsed(updated, now, _UPDATED_RANK)
    chosen = _pick_published(pub, url_date(url))
    offset = _page_offset(pub + upd)
    if chosen is not None:
        chosen = _redated(chosen, pub, upd)
    if chosen is not None and not isinstance(chosen[0], datetime):
        # The shown day with the time of the metadata's UTC timestamp of that day (read in
        # the page's zone), as when metadata alone dates the page.
        chosen = next(((v, s) for v, s in pub if _is_utc(v) and _votes(s) and local_day(
            in_page_zone(v, language, region, offset)) == chosen[0]), chosen)
    later = None
    if upd:
        value, source = _prefer_local(upd[0], upd)
        if chosen is None or _after(value, chosen[0]):
            later = (value, source)
    return tuple(None if c is None else (in_page_zone(c[0], language, region, offset), c[1])
                 for c in (chosen, later))  # type: ignore[return-value]


def _page_offset(dates: list[tuple[DateValue, str]]) -> timedelta | None:
    """Return the UTC offset the page's metadata writes its timestamps in, when they agree
    on one within an hour (summer time): the zone the page was written in."""
    offsets = [v.utcoffset() for v, s in dates if isinstance(v, datetime)
               and s.startswith(("jsonld", "meta:")) and v.utcoffset() not in (None, timedelta(0))]
    if offsets and max(offsets) - min(offsets) <= timedelta(hours=1):  # type: ignore[type-var]
        return offsets[0]
    return None


def _pick_published(pub: list[tuple[DateValue, str]], from_url: date | None) -> DateChoice:
    """Choose the publication date among parsed candidates (best-ranked first).

    Each strong source (structured metadata, the visible dateline next to the
    headline) votes for its day; the URL's own date adds a vote and a half to
    the days it agrees with, so it breaks ties without overruling metadata that
    agrees with itself. Ties go to the best-ranked candidate.
    """
    def near_url(value: DateValue) -> bool:
        return from_url is not None and abs(local_day(value) - from_url) <= timedelta(days=1)

    if not pub:
        return (from_url, "url") if from_url is not None else None
    if pub[0][1] == "rules":
        return pub[0]
    if pub[0][1] == "html:original-close":
        # The day the page says the document "originally" came out (a repository's
        # "Posted" day and its metadata are the repost's), with a timestamp of that day.
        return _prefer_local(pub[0], [(v, s) for v, s in pub if _votes(s)])
    voters = [(v, s) for v, s in pub if _votes(s)]
    if not voters:
        agreeing = [(v, s) for v, s in pub if near_url(v)]
        if agreeing or from_url is not None:
            return agreeing[0] if agreeing else (from_url, "url")
        return pub[0]
    best, best_votes = voters[0], 0.0
    for value, source in voters:
        votes = sum(_weight(s) for v, s in voters if _agree(v, value)) \
            + (1.5 if near_url(value) else 0)
        if votes > best_votes:
            best, best_votes = (value, source), votes
    return _prefer_local(best, voters)


def _redated(chosen: tuple[DateValue, str], pub: list[tuple[DateValue, str]],
              upd: list[tuple[DateValue, str]]) -> tuple[DateValue, str]:
    """Return the dateline's day when the page shows beside the headline the day its
    metadata gives as the modification (the page was re-dated), or a day next to the
    metadata's (a timestamp in another zone): readers see the dateline's day."""
    shown = [(v, s) for v, s in pub if s.endswith("-close")]
    # The metadata's day shown beside the headline, even as the update's, is the readers'.
    if not shown or any(_agree(v, chosen[0]) for v, s in shown + upd if s.endswith("-close")):
        return chosen
    modified = {local_day(v) for v, s in upd if s.startswith(("jsonld", "meta:"))}
    redated = next(((v, s) for v, s in shown if local_day(v) in modified), None)
    if redated is not None:
        return redated
    # Only a written day counts here: a <time datetime> is a machine timestamp too.
    day = local_day(chosen[0])
    return next(((v, s) for v, s in shown if not isinstance(v, datetime)
                 and abs(v - day) == timedelta(days=1)), chosen)


def _prefer_local(best: tuple[DateValue, str],
                  cands: list[tuple[DateValue, str]]) -> tuple[DateValue, str]:
    """Return the same moment in the page's local offset when `best` is a UTC timestamp,
    and the agreeing timestamp when `best` is only a day."""
    if not isinstance(best[0], datetime):
        return next(((v, s) for v, s in cands if isinstance(v, datetime)
                     and v.utcoffset() not in (None, timedelta(0))
                     and local_day(v) == best[0]), best)
    if not _is_utc(best[0]):
        return best
    for value, source in cands:
        if isinstance(value, datetime) and value.utcoffset() not in (None, timedelta(0)) \
                and abs(value - best[0]) <= timedelta(minutes=1):
            return value, source
    # A UTC timestamp's day may not be the readers' day: the day the page shows wins when
    # some real offset (-12h to +14h) could move the timestamp onto it.
    hour = best[0].hour
    shown = next((v for v, s in cands if s.endswith("-close") and not isinstance(v, datetime)
                  and (v - local_day(best[0]) == timedelta(days=-1) and hour < 12
                       or v - local_day(best[0]) == timedelta(days=1) and hour >= 10)), None)
    if shown is not None:
        return next(((v, s) for v, s in cands if isinstance(v, datetime)
                     and v.utcoffset() not in (None, timedelta(0))
                     and local_day(v) == shown), (shown, "html:text-close"))
    return best


def _weight(source: str) -> float:
    """Return a source's votes: a dateline labelled as the publication ("Published on ...")
    beside the headline counts twice, as it is what the page itself calls its date."""
    return 2.0 if source == "html:label-close" else 1.0


def _votes(source: str) -> bool:
    """Tell whether a date source is strong enough to vote (metadata or the dateline)."""
    return source.startswith(("jsonld", "meta:", "rules")) or source.endswith("-close")


def _agree(a: DateValue, b: DateValue) -> bool:
    """Tell whether two dates name the same day (a UTC timestamp may be a day off)."""
    gap = abs(local_day(a) - local_day(b))
    if gap == timedelta(0):
        return True
    return gap <= timedelta(days=1) and (_is_utc(a) or _is_utc(b))


def _is_utc(value: DateValue) -> bool:
    """Tell whether a value is a timestamp in UTC (whose local day is uncertain)."""
    return isinstance(value, datetime) and value.utcoffset() == timedelta(0)


def _parsed(cands: list[Candidate], now: datetime,
            order: tuple[str, ...] = _DATE_RANK) -> list[tuple[DateValue, str]]:
    """Return the plausible parsed dates of candidates, best-ranked first."""
    found = []
    for cand in rank(cands, order):
        value = parse_date(cand.value, now=now)
        if value is not None:
            found.append((value, cand.source))
    return found


def _after(a: DateValue, b: DateValue) -> bool:
    """Tell whether a is later than b (by the instant when both have one, else by day)."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a > b
    return local_day(a) > local_day(b)
