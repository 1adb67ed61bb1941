"""The store: records, per-URL fetch state, runs and scheduler state in one SQLite file.

Durability: WAL mode with `synchronous = NORMAL` (why: see `store_schema.connect`); every
write is one transaction (`Database.write`), so a killed process leaves a consistent file
and loses nothing committed. Two processes may share one data dir: WAL and a busy timeout
serialize their writes, and `lock_source` keeps them from harvesting the same source.

Threads: one connection per thread (`threading.local`, see `store_schema.Database`), so the
pipeline's worker threads may share one Store.

Portability: all SQL lives in `store`, `store_rows` and `store_schema`, written to run on
PostgreSQL too (`INSERT ... ON CONFLICT (...) DO UPDATE`, `RETURNING`, no SQLite functions).
SQLite-only are the pragmas in `store_schema.connect` and `BEGIN IMMEDIATE` in
`Database.write` (plain `BEGIN` on PostgreSQL). Placeholders are `?`; every statement runs
through `store_schema.run`, the one place a `%s` (psycopg) switch would go.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import StoreError
from .groups import FeedGroup
from .record import Record
from . import store_rows as rows
from .store_rows import FetchState, RunInfo, SourceState, content_hash
from .store_schema import Database, run
from .vocab import Vocabulary, slugify

__all__ = ["FILENAME", "FetchState", "RunInfo", "SourceState", "Store", "content_hash"]

FILENAME = "pubharvest.sqlite3"
_NEWEST = " ORDER BY g.sort_day DESC, g.sort_full DESC, g.record_id DESC"


class Store:
    """Records, fetch state, runs and scheduler state in `data_dir/pubharvest.sqlite3`."""

    def __init__(self, path: Path, timeout: float = 10.0,
                 vocabulary: Vocabulary | None = None) -> None:
        """Prepare a store on `path`; use `Store.open`, which also checks and migrates it."""
        self.path = path
        self.vocabulary = vocabulary
        self._db = Database(path, timeout)

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True, timeout: float = 10.0,
             vocabulary: Vocabulary | None = None) -> Store:
        """Open (and create, migrate) the store of a data directory.

        Args:
            data_dir: the folder holding `pubharvest.sqlite3` and `locks/`.
            create: create the folder and the database when missing.
            timeout: seconds to wait for another process's write lock.
            vocabulary: maps records' topics onto feeds ("Democracy and Governance" and
                "démocratie" in one); without it each label is a feed of its own.

        Raises:
            StoreError: the folder cannot be created or written, the file is missing
                (create=False), locked, not a database, corrupted or from a newer version.
        """
        data_dir = Path(data_dir)
        path = data_dir / FILENAME
        _check_dir(data_dir, path, create)
        store = cls(path, timeout, vocabulary)
        try:
            store._db.open()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> Store:
        """Return the store itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()

    # -- records ------------------------------------------------------------------------

    def get(self, url: str) -> Record | None:
        """Return the stored record of a canonical URL, or None."""
        row = self._db.one("SELECT data FROM records WHERE url = ?", (url,))
        return rows.parse_record(row[0]) if row else None

    def has_record(self, url: str) -> bool:
        """Tell whether a record with this canonical URL is stored."""
        return self._db.one("SELECT 1 FROM records WHERE url = ?", (url,)) is not None

    def upsert(self, record: Record) -> str:
        """Store a record keyed by its URL; return "new", "changed" or "unchanged".

        The stored `first_seen` is kept whatever the record says (a new record without one
        gets the current time); content is compared without `harvested_at`/`first_seen`.
        """
        with self._db.write() as conn:
            return rows.upsert(conn, record, rows.now(), self.vocabulary)

    def save_page(self, state: FetchState, record: Record | None) -> str | None:
        """Save a URL's fetch state and its record in one transaction; return the upsert outcome."""
        if record is not None and state.record_url is None:
            state = replace(state, record_url=record.url)
        with self._db.write() as conn:
            rows.save_fetch_state(conn, state)
            return rows.upsert(conn, record, rows.now(), self.vocabulary) \
                if record is not None else None

    def move(self, old: str, new: str) -> Record | None:
        """Move the record of URL `old` to URL `new` in one transaction (see
        `store_rows.move`); return the moved record, or None when `old` holds none."""
        with self._db.write() as conn:
            return rows.move(conn, old, new, rows.now(), self.vocabulary)

    def writer_of(self, url: str) -> str | None:
        """Return the page fetched last whose record is stored under `url` (another page
        that declared `url` its canonical, or `url` itself), or None."""
        row = self._db.one("SELECT url FROM fetch_state WHERE record_url = ? AND kind = 'page'"
                           " ORDER BY fetched_at DESC, url = ?, url LIMIT 1", (url, url))
        return row[0] if row else None

    def records(self, *, source: str | None = None, topic: str | None = None,
                type: str | None = None, since: date | None = None,
                limit: int | None = None) -> Iterator[Record]:
        """Stream records newest first, in constant memory.

        Args:
            source: only this source's records.
            topic: only records with this topic (a slug; a label is slugified, after the
                vocabulary maps it as it maps records' topics onto feeds).
            type: only records of this type (a slug; a label is slugified).
            since: only records published on or after this day.
            limit: at most this many records.
        """
        kind, slug = ("all", "all")
        if topic:
            label = self.vocabulary.topic_label(topic) if self.vocabulary else topic
            kind, slug = "topics", slugify(label)
        elif type:
            kind, slug = "types", slugify(type)
        elif source:
            kind, slug = "sources", slugify(source)
        sql = ("SELECT r.data FROM record_groups g JOIN records r ON r.id = g.record_id"
               " WHERE g.kind = ? AND g.slug = ?")
        params: list[Any] = [kind, slug]
        if topic and type:
            sql += (" AND EXISTS (SELECT 1 FROM record_groups t WHERE t.record_id = g.record_id"
                    " AND t.kind = 'types' AND t.slug = ?)")
            params.append(slugify(type))
        if source:
            sql += " AND r.source = ?"
            params.append(source)
        if since:
            sql += " AND g.sort_day >= ?"
            params.append(since.isoformat())
        sql += _NEWEST + _limit(limit, params)
        return (rows.parse_record(row[0]) for row in self._db.stream(sql, params))

    def count(self, source: str | None = None) -> int:
        """Return how many records are stored (for one source, or in all)."""
        if source is None:
            return self._db.one("SELECT count(*) FROM records")[0]
        return self._db.one("SELECT count(*) FROM records WHERE source = ?", (source,))[0]

    # -- feeds (harvester.groups.RecordSource) -------------------------------------------

    def feed_groups(self) -> list[FeedGroup]:
        """Return every non-empty group with its record count, in (kind, slug) order."""
        found = self._db.all("SELECT kind, slug, label, members FROM feed_groups"
                             " WHERE members > 0 ORDER BY kind, slug")
        return [FeedGroup(kind, slug, label, n) for kind, slug, label, n in found]

    def latest(self, kind: str, slug: str, limit: int) -> list[Record]:
        """Return the group's newest records, newest first, at most `limit`."""
        sql = ("SELECT r.data FROM record_groups g JOIN records r ON r.id = g.record_id"
               " WHERE g.kind = ? AND g.slug = ?" + _NEWEST + " LIMIT ?")
        return [rows.parse_record(row[0]) for row in self._db.all(sql, (kind, slug, limit))]

    def touched_groups(self, since: datetime) -> set[tuple[str, str]]:
        """Return the (kind, slug) of groups whose members or their content changed since then.

        A changed record touches its old and its new groups, so a record that loses a topic
        touches that topic's feed.
        """
        found = self._db.all("SELECT kind, slug FROM feed_groups WHERE touched_at >= ?",
                             (rows.ts(since),))
        return {(kind, slug) for kind, slug in found}

    # -- fetch state ------------------------------------------------------------------------

    def fetch_state(self, url: str) -> FetchState | None:
        """Return what the last fetch of a URL found, or None if it was never fetched."""
        sql = f"SELECT {rows.FETCH_COLUMNS} FROM fetch_state WHERE url = ?"
        row = self._db.one(sql, (url,))
        return rows.fetch_state(row) if row else None

    def save_fetch_state(self, state: FetchState) -> None:
        """Replace the fetch state of a URL."""
        with self._db.write() as conn:
            rows.save_fetch_state(conn, state)

    def page_hashes(self, source: str) -> dict[str, str]:
        """Return the body hash of each page of a source that gave a record, and the URL of
        that record (for telling a page served again under another URL)."""
        rows_ = self._db.all("SELECT content_hash, record_url FROM fetch_state WHERE source = ?"
                             " AND kind = 'page' AND record_url IS NOT NULL"
                             " AND content_hash IS NOT NULL ORDER BY fetched_at", (source,))
        return {digest: url for digest, url in rows_}

    def failures(self, source: str | None = None) -> list[FetchState]:
        """Return the URLs whose last fetch failed (its `error` is set), newest first."""
        sql = f"SELECT {rows.FETCH_COLUMNS} FROM fetch_state WHERE error IS NOT NULL"
        params: tuple[Any, ...] = ()
        if source is not None:
            sql, params = sql + " AND source = ?", (source,)
        found = self._db.all(sql + " ORDER BY fetched_at DESC, url", params)
        return [rows.fetch_state(row) for row in found]

    # -- runs and scheduler state -----------------------------------------------------------

    def start_run(self, source: str) -> int:
        """Record that a harvest of a source starts now; return the run's id."""
        with self._db.write() as conn:
            row = run(conn, "INSERT INTO runs (source, started, counts, complete)"
                      " VALUES (?, ?, '{}', 0) RETURNING id",
                      (source, rows.ts(rows.now()))).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int], *, error: str | None = None,
                   complete: bool = True) -> None:
        """Record a run's end and counts; a run with an error is never complete.

        Raises:
            StoreError: no run has this id.
        """
        values = (rows.ts(rows.now()), json.dumps(dict(counts), sort_keys=True), error,
                  int(complete and error is None), run_id)
        with self._db.write() as conn:
            cursor = run(conn, "UPDATE runs SET finished = ?, counts = ?, error = ?, complete = ?"
                         " WHERE id = ?", values)
            if cursor.rowcount != 1:
                raise StoreError(f"store {self.path}: no run with id {run_id}")

    def last_run(self, source: str, *, complete_only: bool = False) -> RunInfo | None:
        """Return the source's latest run (or latest complete one), or None."""
        where = " AND complete = 1" if complete_only else ""
        runs = self._runs(f"WHERE source = ?{where}", [source], 1)
        return runs[0] if runs else None

    def runs(self, source: str | None = None, limit: int = 20) -> list[RunInfo]:
        """Return the latest runs, newest first (of one source, or of all)."""
        if source is None:
            return self._runs("", [], limit)
        return self._runs("WHERE source = ?", [source], limit)

    def source_state(self, name: str) -> SourceState:
        """Return a source's last start, last finish and outcome, and its next run."""
        started = self._runs("WHERE source = ?", [name], 1)
        finished = self._runs("WHERE source = ? AND finished IS NOT NULL", [name], 1)
        row = self._db.one("SELECT next_run FROM sources WHERE name = ?", (name,))
        last = finished[0] if finished else None
        return SourceState(
            name=name,
            last_started=started[0].started if started else None,
            last_finished=last.finished if last else None,
            last_outcome=rows.outcome(last) if last else None,
            next_run=rows.parse_ts(row[0]) if row and row[0] else None,
        )

    def set_next_run(self, name: str, when: datetime | None) -> None:
        """Record when the scheduler runs a source next (None: not scheduled)."""
        with self._db.write() as conn:
            run(conn, "INSERT INTO sources (name, next_run) VALUES (?, ?) ON CONFLICT (name)"
                " DO UPDATE SET next_run = excluded.next_run",
                (name, rows.ts(when) if when else None))

    # -- locking and meta -------------------------------------------------------------------

    @contextmanager
    def lock_source(self, name: str) -> Iterator[None]:
        """Hold the OS lock that lets one process at a time harvest a source.

        The lock is `flock` on `locks/<name>.lock` beside the database, so the OS releases it
        when the holder dies, however it dies.

        Raises:
            StoreError: another process (or another thread here) holds it.
        """
        locks = self.path.parent / "locks"
        lock_path = locks / f"{slugify(name)}.lock"
        try:
            locks.mkdir(exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create lock file {lock_path}: {exc.strerror}") from exc
        try:
            _acquire(fd, name)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def get_meta(self, key: str) -> str | None:
        """Return a small stored value, or None."""
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a small value under a key."""
        with self._db.write() as conn:
            run(conn, "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def _runs(self, where: str, params: list[Any], limit: int) -> list[RunInfo]:
        """Return runs matching a WHERE clause, newest first."""
        sql = f"SELECT {rows.RUN_COLUMNS} FROM runs {where} ORDER BY id DESC LIMIT ?"
        found = self._db.all(sql, (*params, limit))
        return [rows.run_info(row) for row in found]


def _acquire(fd: int, name: str) -> None:
    """Take the exclusive flock on fd and write our pid into it, or raise StoreError."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
        raise StoreError(f"source '{name}' is already being harvested by another process "
                         f"(pid {holder})") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)


def _check_dir(data_dir: Path, path: Path, create: bool) -> None:
    """Raise StoreError unless the data directory exists (or was made) and is writable."""
    if create:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create data directory {data_dir}: "
                             f"{exc.strerror or exc}") from exc
    elif not path.is_file():
        raise StoreError(f"no store at {path} (run a harvest first)")
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError(f"data directory {data_dir} is read-only; the store needs to write "
                         "there")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"store {path} is not readable and writable by this user")


def _limit(limit: int | None, params: list[Any]) -> str:
    """Return a LIMIT clause (adding its parameter), or nothing when there is no limit."""
    if limit is None:
        return ""
    params.append(limit)
    return " LIMIT ?"
