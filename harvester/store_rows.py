"""What the store keeps and returns: its dataclasses, their rows, and the multi-row writes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .groups import FeedGroup, record_groups, sort_key
from .vocab import Vocabulary
from .record import Record
from .store_schema import run, run_many

FETCH_COLUMNS = ("url, source, status, etag, last_modified, content_hash, error, record_url,"
                 " fetched_at, kind")
RUN_COLUMNS = "id, source, started, finished, counts, error, complete"


@dataclass(frozen=True)
class FetchState:
    """What the last fetch of one URL found: validators, body hash, outcome."""

    url: str
    source: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    error: str | None = None
    record_url: str | None = None
    fetched_at: datetime | None = None
    kind: str = "page"


@dataclass(frozen=True)
class RunInfo:
    """One harvest run of one source; `complete` means not limited and not aborted."""

    id: int
    source: str
    started: datetime
    finished: datetime | None
    counts: Mapping[str, int]
    error: str | None
    complete: bool


@dataclass(frozen=True)
class SourceState:
    """The scheduler's view of a source: its last run and when it runs next."""

    name: str
    last_started: datetime | None
    last_finished: datetime | None
    last_outcome: str | None
    next_run: datetime | None


def upsert(conn: sqlite3.Connection, record: Record, now: datetime,
           vocabulary: Vocabulary | None = None) -> str:
    """Insert or update one record inside the caller's transaction; return the outcome
    (its topic feeds are its topics through the vocabulary, when given)."""
    row = run(conn, "SELECT first_seen, content_hash FROM records WHERE url = ?",
              (record.url,)).fetchone()
    first_seen = parse_ts(row[0]) if row else (record.first_seen or now)
    data = record.with_changes(first_seen=first_seen).to_json()
    stored = parse_record(data)  # sort on what readers get back (second-precision times)
    digest = content_hash(stored)
    if row and row[1] == digest:
        return "unchanged"
    old = run(conn, "SELECT kind, slug FROM record_groups WHERE record_id = ?",
              (stored.id,)).fetchall() if row else []
    day, full, _ = sort_key(stored)
    run(conn, "INSERT INTO records (url, id, source, sort_day, sort_full, published, first_seen,"
        " updated_at, content_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET source = excluded.source,"
        " sort_day = excluded.sort_day, sort_full = excluded.sort_full,"
        " published = excluded.published, updated_at = excluded.updated_at,"
        " content_hash = excluded.content_hash, data = excluded.data",
        (stored.url, stored.id, stored.source, day, full,
         stored.published.isoformat() if stored.published else None,
         ts(stored.first_seen or first_seen), ts(now), digest, data))
    groups = {g.key: g for g in reversed(record_groups(stored, vocabulary=vocabulary))}
    run(conn, "DELETE FROM record_groups WHERE record_id = ?", (stored.id,))
    run_many(conn, "INSERT INTO record_groups (record_id, kind, slug, sort_day, sort_full)"
             " VALUES (?, ?, ?, ?, ?)", [(stored.id, *key, day, full) for key in groups])
    _count_members(conn, {(kind, slug) for kind, slug in old}, groups, ts(now))
    return "changed" if row else "new"


def move(conn: sqlite3.Connection, old: str, new: str, now: datetime,
         vocabulary: Vocabulary | None = None) -> Record | None:
    """Store the record kept under `old` under `new` instead, inside the caller's
    transaction; the pages that led to it follow it, and `old` is left as no page of its own
    (kind "canonical"). Return the moved record, or None when `old` holds none."""
    row = run(conn, "SELECT data FROM records WHERE url = ?", (old,)).fetchone()
    if row is None or old == new:
        return None
    record = parse_record(row[0])
    gone = run(conn, "SELECT kind, slug FROM record_groups WHERE record_id = ?",
               (record.id,)).fetchall()
    run(conn, "DELETE FROM record_groups WHERE record_id = ?", (record.id,))
    run(conn, "DELETE FROM records WHERE url = ?", (old,))
    _count_members(conn, {(kind, slug) for kind, slug in gone}, {}, ts(now))
    moved = record.with_changes(url=new, provenance={**record.provenance, "url": "input"})
    upsert(conn, moved, now, vocabulary)
    run(conn, "UPDATE fetch_state SET record_url = ? WHERE record_url = ? AND url != ?",
        (new, old, old))
    run(conn, "UPDATE fetch_state SET kind = 'canonical', record_url = NULL WHERE url = ?",
        (old,))
    return moved


def _count_members(conn: sqlite3.Connection, old: set[tuple[str, str]],
                   new: Mapping[tuple[str, str], FeedGroup], touched_at: str) -> None:
    """Move a changed record's membership from its old groups to its new ones; touch all."""
    run_many(conn, "UPDATE feed_groups SET members = members - ?, touched_at = ?"
             " WHERE kind = ? AND slug = ?",
             [(int(key not in new), touched_at, *key) for key in sorted(old)])
    run_many(conn, "INSERT INTO feed_groups (kind, slug, label, members, touched_at)"
             " VALUES (?, ?, ?, 1, ?) ON CONFLICT (kind, slug) DO UPDATE SET"
             " members = feed_groups.members + 1, touched_at = excluded.touched_at,"
             " label = CASE WHEN feed_groups.members = 0 THEN excluded.label"
             " ELSE feed_groups.label END",
             [(g.kind, g.slug, g.label, touched_at)
              for key, g in sorted(new.items()) if key not in old])


def content_hash(record: Record) -> str:
    """Return the SHA-256 of a record's content, ignoring `harvested_at` and `first_seen`."""
    data = record.to_dict()
    del data["harvested_at"], data["first_seen"]
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_fetch_state(conn: sqlite3.Connection, state: FetchState) -> None:
    """Insert or replace one URL's fetch state inside the caller's transaction."""
    columns = [c.strip() for c in FETCH_COLUMNS.split(",")]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "url")
    run(conn, f"INSERT INTO fetch_state ({FETCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        f" ON CONFLICT (url) DO UPDATE SET {updates}",
        (state.url, state.source, state.status, state.etag, state.last_modified,
         state.content_hash, state.error, state.record_url,
         ts(state.fetched_at) if state.fetched_at else None, state.kind))


def fetch_state(row: tuple[Any, ...]) -> FetchState:
    """Build a FetchState from a row of FETCH_COLUMNS."""
    url, source, status, etag, modified, digest, error, record_url, fetched, kind = row
    return FetchState(url, source, status, etag, modified, digest, error, record_url,
                      parse_ts(fetched) if fetched else None, kind)


def run_info(row: tuple[Any, ...]) -> RunInfo:
    """Build a RunInfo from a row of RUN_COLUMNS."""
    run_id, source, started, finished, counts, error, complete = row
    return RunInfo(run_id, source, parse_ts(started), parse_ts(finished) if finished else None,
                   json.loads(counts), error, bool(complete))


def outcome(run: RunInfo) -> str:
    """Return a finished run's outcome in a few words: "ok", "incomplete" or "error: ..."."""
    if run.error:
        return f"error: {run.error}"
    return "ok" if run.complete else "incomplete"


def parse_record(data: str) -> Record:
    """Build a Record from its stored JSON."""
    return Record.from_dict(json.loads(data))


def now() -> datetime:
    """Return the current time, aware UTC."""
    return datetime.now(UTC)


def ts(value: datetime) -> str:
    """Return a time as fixed-width UTC text that sorts like the time itself (naive = UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(text: str) -> datetime:
    """Parse a stored timestamp back into an aware datetime."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
