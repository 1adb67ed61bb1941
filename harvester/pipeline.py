"""run_source(): discover -> fetch -> extract -> normalize -> store, for one source."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, UTC
from collections.abc import Callable, Sequence

from . import classify, discover, normalize
from .config import Config, Source
from .errors import ExtractError, FetchError, HarvestError, RobotsDisallowed
from .extract import extract_document
from .fetch import Fetcher, Page
from .parse import parse_html
from .record import Record
from .store import FetchState, Store
from .urls import canonical_url

log = logging.getLogger(__name__)

#: Outcomes of one publication URL, in the order the summary table shows them.
OUTCOMES = ("new", "changed", "unchanged", "robots", "skipped", "failed")


@dataclass
class SourceReport:
    """What one harvest of one source did: counts per outcome, failures, touched feeds."""

    source: str
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime | None = None
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    changed_ids: set[str] = field(default_factory=set)
    touched: set[tuple[str, str]] = field(default_factory=set)
    error: str | None = None
    complete: bool = False
    discovered: int = 0
    fields: int = 0

    @property
    def seconds(self) -> float:
        """Return the wall time of the run so far."""
        end = self.finished or datetime.now(UTC)
        return (end - self.started).total_seconds()

    @property
    def ok(self) -> bool:
        """Tell whether the source could be harvested at all."""
        return self.error is None


Progress = Callable[[SourceReport, str], None]


def run_source(
    source: Source,
    config: Config,
    *,
    store: Store,
    fetcher: Fetcher,
    limit: int | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> SourceReport:
    """Harvest one source and return its report; never raises for a page or site failure.

    Args:
        source: the source to harvest.
        config: the whole configuration (settings and vocabulary).
        store: where records, fetch state and runs are kept.
        fetcher: the shared polite fetcher.
        limit: stop after this many publication pages were fetched.
        progress: called after each page with the report and the page's URL.
        stop: when set, the run ends after the current page (graceful shutdown).
    """
    report = SourceReport(source.name)
    log.info("%s: harvest started", source.name)
    try:
        with store.lock_source(source.name):
            _harvest(source, config, store, fetcher, report, limit, progress, stop)
    except HarvestError as exc:
        report.error = str(exc)
        log.error("%s: %s", source.name, exc)
    report.finished = datetime.now(UTC)
    counts = ", ".join(f"{k} {report.counts.get(k, 0)}" for k in OUTCOMES)
    log.info("%s: harvest finished in %.1f s: %s%s", source.name, report.seconds, counts,
             f" (error: {report.error})" if report.error else "",
             extra={"fields": {"source": source.name, "seconds": round(report.seconds, 3),
                               "counts": dict(report.counts), "error": report.error}})
    return report


def _harvest(
    source: Source, config: Config, store: Store, fetcher: Fetcher, report: SourceReport,
    limit: int | None, progress: Progress | None, stop: threading.Event | None,
) -> None:
    """Run discovery and handle each link; record the run in the store."""
    run_id = store.start_run(source.name)
    incremental = store.last_run(source.name, complete_only=True) is not None
    budget = min(limit or source.max_items or config.settings.max_items,
                 source.max_items or config.settings.max_items)
    found = discover.DiscoverReport(0, 0, 0, [], False)
    cut_short = False
    error: str | None = None
    try:
        links = discover.discover(source, config.settings, fetcher, store,
                                  incremental=incremental, report=found,
                                  vocabulary=config.vocabulary)
        for link in links:
            if stop is not None and stop.is_set() or report.discovered >= budget:
                cut_short = True
                break
            report.discovered += 1
            _handle(link, source, config, store, fetcher, report)
            if progress:
                progress(report, link.url)
    finally:
        report.failures.extend(found.failures)
        report.counts["failed"] += len(found.failures)
        if report.discovered == 0 and found.failures:
            error = f"nothing could be harvested: {found.failures[0][1]}"
            report.error = error
        report.touched = store.touched_groups(report.started)
        report.complete = not cut_short and error is None
        store.finish_run(run_id, _run_counts(report), error=error, complete=report.complete)


def _handle(
    link: discover.Link, source: Source, config: Config, store: Store, fetcher: Fetcher,
    report: SourceReport,
) -> None:
    """Fetch, extract and store one publication link; count its outcome."""
    state = store.fetch_state(link.url)
    now = datetime.now(UTC)
    base = FetchState(url=link.url, source=source.name, fetched_at=now, kind="page")
    try:
        page = fetcher.fetch(
            link.url,
            etag=state.etag if state and state.record_url else None,
            last_modified=state.last_modified if state and state.record_url else None,
            allowed_domains=source.allowed_domains,
            delay=source.delay,
        )
    except RobotsDisallowed as exc:
        store.save_fetch_state(_failed(base, state, exc.reason, exc.status))
        report.counts["robots"] += 1
        return
    except FetchError as exc:
        store.save_fetch_state(_failed(base, state, exc.reason, exc.status))
        report.counts["failed"] += 1
        report.failures.append((link.url, exc.reason))
        return
    outcome = _store_page(page, link, base, state, source, config, store, report)
    report.counts[outcome] += 1


def _store_page(
    page: Page, link: discover.Link, base: FetchState, state: FetchState | None,
    source: Source, config: Config, store: Store, report: SourceReport,
) -> str:
    """Turn a fetched page into a stored record (or a skip); return the outcome."""
    digest = hashlib.sha256(page.body).hexdigest() if not page.not_modified else None
    fresh = replace(base, status=page.status, etag=page.etag, last_modified=page.last_modified,
                    content_hash=digest or (state.content_hash if state else None),
                    record_url=state.record_url if state else None)
    if page.not_modified or (state and state.record_url and digest == state.content_hash):
        store.save_fetch_state(fresh)
        return "unchanged"
    try:
        doc = parse_html(page.body, page.url, page.content_type)
        record = extract_document(doc, rules=source.rules, vocabulary=config.vocabulary,
                                  source=source.name)
    except ExtractError as exc:
        return _page_failed(store, fresh, report, link.url, f"unreadable page: {exc}")
    kind = classify.page_kind(doc, record)
    if kind.kind != "publication":
        store.save_fetch_state(replace(fresh, record_url=None))
        report.skipped.append((link.url, f"not a publication ({kind.reason})"))
        return "skipped"
    record = _finish(record, page, link, source, config)
    outcome = store.save_page(replace(fresh, record_url=record.url), record)
    if outcome in ("new", "changed"):
        report.changed_ids.add(record.id)
        report.fields += filled_fields(record)
    return outcome or "unchanged"


def _finish(record: Record, page: Page, link: discover.Link, source: Source,
            config: Config) -> Record:
    """Apply the canonical URL, the listing card and the source's defaults."""
    url = canonical_url(record.url if record.url.startswith("http") else page.url)
    record = record.with_changes(url=url, source=source.name)
    if link.card is not None:
        record = normalize.merge(record, link.card)
    provenance = dict(record.provenance)
    changes: dict[str, object] = {}
    if record.type is None and source.type:
        changes["type"] = config.vocabulary.type_label(source.type) or source.type
        provenance["type"] = "config"
    if not record.topics and source.topics:
        changes["topics"] = tuple(config.vocabulary.topic_label(t) for t in source.topics)
        provenance["topics"] = "config"
    return record.with_changes(**changes, provenance=provenance) if changes else record


def _failed(base: FetchState, state: FetchState | None, reason: str,
            status: int | None) -> FetchState:
    """Return the fetch state of a failed attempt, keeping what the last success knew."""
    if state is None:
        return replace(base, status=status, error=reason)
    return replace(state, status=status, error=reason, fetched_at=base.fetched_at)


def _page_failed(store: Store, state: FetchState, report: SourceReport, url: str,
                 reason: str) -> str:
    """Record a page that was fetched but could not be read."""
    store.save_fetch_state(replace(state, error=reason, content_hash=None))
    report.failures.append((url, reason))
    return "failed"


def _run_counts(report: SourceReport) -> dict[str, int]:
    """Return the counts kept with the run in the store."""
    counts = {name: report.counts.get(name, 0) for name in OUTCOMES}
    counts["discovered"] = report.discovered
    counts["seconds_x1000"] = int(report.seconds * 1000)
    stored = report.counts.get("new", 0) + report.counts.get("changed", 0)
    if stored:
        counts["fields_x100"] = round(100 * report.fields / stored)
    return counts


def filled_fields(record: Record) -> int:
    """Return how many of the record's metadata fields are known (a health signal)."""
    values = (record.title, record.authors, record.published, record.type, record.topics,
              record.summary, record.image)
    return sum(1 for value in values if value)


def run_sources(
    config: Config,
    sources: Sequence[Source],
    *,
    store: Store,
    fetcher: Fetcher,
    limit: int | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> list[SourceReport]:
    """Harvest several sources, different hosts in parallel; one failing never stops the others."""
    workers = max(1, min(config.settings.concurrency, len(sources)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="harvest") as pool:
        futures = [
            pool.submit(run_source, source, config, store=store, fetcher=fetcher, limit=limit,
                        progress=progress, stop=stop)
            for source in sources
        ]
        return [future.result() for future in futures]
