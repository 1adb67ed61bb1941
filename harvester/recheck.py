"""The rolling re-check: known publications whose change no listing or sitemap shows.

Discovery yields a known URL when a listing page that shows it changed, or when its
sitemap `<lastmod>` is newer than the last complete run. Pages whose change shows in
neither place (no sitemap, a listing that did not move) are caught here: each run also
revalidates the known publications last fetched more than `settings.recheck_days` ago,
oldest first, at most `settings.recheck_share` of the source's records per run (and at least
one), so the cost per run stays bounded and every page is revalidated within about
`recheck_days` plus 1 / `recheck_share` runs.
"""

from __future__ import annotations

import heapq
import logging
import math
from datetime import UTC, datetime, timedelta

from .store import Store
from .store_rows import parse_ts, ts
from .canonical import record_key

log = logging.getLogger(__name__)

#: Store meta key (suffixed with the source name): when the oldest page the last re-check
#: left out was fetched (nothing is due before that plus the age: no scan).
RECHECK_KEY = "recheck-due:"


def due(store: Store, source: str, age: timedelta, share: float,
        done: set[str]) -> list[str]:
    """Return the known publications of a source due a re-check (none handled this run), at
    most `share` of its records (at least one; none when `share` is 0), and note when the
    next one falls due."""
    if share <= 0:
        return []
    key, now = RECHECK_KEY + source, datetime.now(UTC)
    oldest = store.get_meta(key)
    if oldest and parse_ts(oldest) + age > now:
        return []  # even the oldest page is not due yet: skip the scan
    urls, following = _oldest(store, source, now - age, share, done)
    store.set_meta(key, ts(following or now))
    if urls:
        log.info("%s: re-checking %d known publications", source, len(urls))
    return urls


def _oldest(store: Store, source: str, cutoff: datetime, share: float,
            done: set[str]) -> tuple[list[str], datetime | None]:
    """Return the oldest-fetched records last fetched before cutoff (at most the share),
    and when the oldest record left out was fetched (None when none is left).

    Streams the records, so memory is bounded by the share, not by the store.
    """
    # A `Store.stale_pages(source, before, limit)` query on fetch_state would replace this
    # scan (one parsed record and one fetch-state read per stored record).
    most = max(1, math.floor(store.count(source) * share + 1e-9))
    states = (store.fetch_state(record.url) for record in store.records(source=source))
    pages = ((s.fetched_at, s.url) for s in states
             if s is not None and s.fetched_at is not None and s.kind != "file"
             and record_key(s.url) not in done)
    oldest = heapq.nsmallest(most + 1, pages)
    urls = [url for when, url in oldest[:most] if when < cutoff]
    return urls, oldest[len(urls)][0] if len(oldest) > len(urls) else None
