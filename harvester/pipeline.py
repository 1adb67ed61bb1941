"""run_source(): discover -> fetch -> extract -> normalize -> store, for one source.

Known publications are fetched again when discovery shows they may have changed, and by
the rolling re-check (see `harvester.recheck`); every such fetch is a conditional GET, and
an unchanged body is never extracted again.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from . import claims, discover, normalize, pagekind, recheck
from .canonical import canonical_url, record_key
from .config import Config, Source
from .errors import ExtractError, FetchError, HarvestError, RobotsDisallowed
from .extract import extract_document
from .fetch import Fetcher
from .fetch_results import Page
from .outcomes import OUTCOMES, SourceReport, filled_fields, run_counts
from .parse import parse_html
from .record import Record
from .store import FetchState, Store
from .store_rows import parse_ts, ts
from .text import fold

log = logging.getLogger(__name__)

#: Store meta key (suffixed with the source name): since when a run's changes wait to be
#: published (set when a run starts, cleared by `publish.publish_reports`, so a run killed
#: before publishing is caught up later).
UNPUBLISHED_KEY = "unpublished:"


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
    recheck_age: timedelta | None = None,
) -> SourceReport:
    """Harvest one source and return its report; never raises for a page or site failure.

    Args:
        source: the source to harvest.
        config: the whole configuration (settings and vocabulary).
        store: where records, fetch state and runs are kept.
        fetcher: the shared polite fetcher.
        limit: stop after this many publication pages were fetched (no re-checks then).
        progress: called after each page with the report and the page's URL.
        stop: when set, the run ends after the current page (graceful shutdown).
        recheck_age: revalidate known publications not fetched for this long (see
            `harvester.recheck`); default: `settings.recheck_days`.
    """
    report = SourceReport(source.name)
    log.info("%s: harvest started", source.name)
    try:
        with store.lock_source(source.name):
            report.unpublished_since = _mark_unpublished(store, source.name, report.started)
            report.ran = True
            run = _Run(source, config, store, fetcher, report, progress, stop)
            run.harvest(limit, recheck_age)
    except HarvestError as exc:
        report.error = str(exc)
        log.error("%s: %s", source.name, exc)
    except Exception as exc:  # a bug must not stop the other sources
        report.error = f"internal error: {_describe(exc)} (please report it)"
        log.exception("%s: internal error", source.name)
    report.finished = datetime.now(UTC)
    counts = ", ".join(f"{k} {report.counts.get(k, 0)}" for k in OUTCOMES)
    log.info("%s: harvest finished in %.1f s: %s%s", source.name, report.seconds, counts,
             f" (error: {report.error})" if report.error else "",
             extra={"fields": {"source": source.name, "seconds": round(report.seconds, 3),
                               "counts": dict(report.counts), "error": report.error}})
    return report


def _mark_unpublished(store: Store, name: str, started: datetime) -> datetime | None:
    """Note that this run's changes await publishing; return an older such note, if any."""
    pending = store.get_meta(UNPUBLISHED_KEY + name)
    if not pending:
        store.set_meta(UNPUBLISHED_KEY + name, ts(started))
        return None
    return parse_ts(pending)


class _Run:
    """One harvest of one source: the links handled so far and their outcomes."""

    def __init__(self, source: Source, config: Config, store: Store, fetcher: Fetcher,
                 report: SourceReport, progress: Progress | None,
                 stop: threading.Event | None) -> None:
        """Prepare the run; nothing is fetched yet."""
        self.source, self.config, self.store, self.fetcher = source, config, store, fetcher
        self.report, self.progress, self.stop = report, progress, stop
        # Record keys of every URL handled, its final URL and its record's URL: a redirect
        # target that discovery yields again (from the sitemap) is not fetched twice.
        self.done: set[str] = set()
        # Keys of the descriptions of the listing pages discovery reads (the site's tagline).
        self.site_descriptions: set[str] = set()
        # Declared canonical URLs (record keys) of this run's pages: the page that declared
        # each (its record key) and its title, so that a template's shared canonical is seen.
        self.claims: dict[str, tuple[str, str | None]] = {}
        # The title of the record stored under each declared canonical not fetched itself.
        self.declared: dict[str, str | None] = {}
        # Pages linked as publications that were read as listings (see DiscoverReport).
        self.listings_read: list[str] = []
        # The URL of the source's record of each folded title, read when the first file
        # link comes.
        self.titles: dict[str, str] | None = None
        # The pages and publications stored: a page served again under another URL.
        self.copies = claims.Copies(store, source.name)

    def harvest(self, limit: int | None, recheck_age: timedelta | None) -> None:
        """Run discovery and handle each link, then the due re-checks; record the run."""
        source, settings, store, report = self.source, self.config.settings, self.store, \
            self.report
        run_id = store.start_run(source.name)
        incremental = store.last_run(source.name, complete_only=True) is not None
        budget = min(limit or source.max_items or settings.max_items,
                     source.max_items or settings.max_items)
        found = discover.DiscoverReport(0, 0, 0, [], False)
        self.site_descriptions = found.descriptions  # filled as discovery reads listings
        self.listings_read = found.listings_read  # filled here, read by discovery
        cut_short = False
        error: str | None = None
        try:
            links = discover.discover(source, settings, self.fetcher, store,
                                      incremental=incremental, report=found,
                                      vocabulary=self.config.vocabulary)
            cut_short = not self._handle_all(links, budget)
            if not cut_short and limit is None:
                age = recheck_age if recheck_age is not None else timedelta(
                    days=settings.recheck_days)
                due = recheck.due(store, source.name, age, settings.recheck_share, self.done)
                self._handle_all(self._rechecks(due), None)
        finally:
            report.failures.extend(found.failures)
            report.counts["failed"] += len(found.failures)
            if report.discovered == 0 and found.failures:
                error = f"nothing could be harvested: {found.failures[0][1]}"
                report.error = error
            report.touched = store.touched_groups(report.started)
            report.complete = not cut_short and error is None
            store.finish_run(run_id, run_counts(report), error=error, complete=report.complete)

    def _handle_all(self, links: Iterator[discover.Link], budget: int | None) -> bool:
        """Handle links until they run out (True) or the budget or a stop ends the run."""
        for link in links:
            if (self.stop is not None and self.stop.is_set()) or (
                    budget is not None and self.report.discovered >= budget):
                return False
            if record_key(link.url) in self.done and not self._another(link):
                continue
            self.report.discovered += 1
            self.done.add(record_key(link.url))
            _handle(link, self)
            if self.progress:
                self.progress(self.report, link.url)
        return True

    def _another(self, link: discover.Link) -> bool:
        """Tell whether a link to a URL this run knows only as the canonical another page
        declared (it was not fetched) may be another publication: a listing links it
        without a card, or its card names another title. It is fetched then (once), and
        `claims` moves the page that declared it out of its way if it is."""
        key = record_key(link.url)
        if key not in self.declared or link.via not in ("listing", "feed"):
            return False
        title = self.declared.pop(key)
        return link.card is None or not claims.same_publication(title, link.card.title)

    def _rechecks(self, urls: list[str]) -> Iterator[discover.Link]:
        """Yield the links of known publications to revalidate, counting each one taken."""
        for url in urls:
            self.report.rechecked += 1
            yield discover.Link(url, None, "recheck")


def _handle(link: discover.Link, run: _Run) -> None:
    """Fetch, extract and store one publication link; count its outcome."""
    store, report, source = run.store, run.report, run.source
    state = store.fetch_state(link.url)
    now = datetime.now(UTC)
    base = FetchState(url=link.url, source=source.name, fetched_at=now, kind="page")
    # Validators of a page read before (a publication or not), unless that read failed.
    known = state is not None and state.error is None and state.content_hash is not None
    if link.via == "file":
        run.report.counts[_store_file(link, base, run)] += 1
        return
    if link.page is not None:
        # Fetched by discovery (a start URL that is a publication): its fetch state is the
        # listing's, so the page is read as new and its record compared instead.
        run.report.counts[_stored(link.page, link, base, None, run)] += 1
        return
    try:
        page = run.fetcher.fetch(
            link.url,
            etag=state.etag if known and state else None,
            last_modified=state.last_modified if known and state else None,
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
    report.counts[_stored(page, link, base, state, run)] += 1


def _stored(page: Page, link: discover.Link, base: FetchState, state: FetchState | None,
            run: _Run) -> str:
    """Store one fetched page (see _store_page); a bug it triggers is its failure only."""
    run.done.add(record_key(page.url))
    try:
        return _store_page(page, link, base, state, run)
    except HarvestError:
        raise
    except Exception as exc:  # a bug that one page triggers must not end the run
        log.exception("%s: %s: internal error", run.source.name, link.url)
        return _page_failed(run.store, replace(base, status=page.status), run.report, link.url,
                            f"internal error: {_describe(exc)} (please report it)")


def _store_page(page: Page, link: discover.Link, base: FetchState, state: FetchState | None,
                run: _Run) -> str:
    """Turn a fetched page into a stored record (or a skip); return the outcome."""
    store, report, source, config = run.store, run.report, run.source, run.config
    digest = hashlib.sha256(page.body).hexdigest() if not page.not_modified else None
    # A 304 need not repeat the validators: keep the stored ones then.
    kept = state if page.not_modified and state else None
    fresh = replace(base, status=page.status,
                    etag=page.etag or (kept.etag if kept else None),
                    last_modified=page.last_modified or (kept.last_modified if kept else None),
                    content_hash=digest or (state.content_hash if state else None),
                    record_url=state.record_url if state else None)
    if page.not_modified or (state and state.error is None and digest == state.content_hash):
        store.save_fetch_state(fresh)
        if fresh.record_url:
            return "unchanged"
        report.skipped.append((link.url, "not a publication (unchanged since it was read)"))
        return "skipped"
    copy = run.copies.of_body(digest, (link.url, page.url)) if digest else None
    if copy is not None:
        # The bytes of a page stored under another URL (a Drupal node path beside its alias,
        # an article filed under two sections): that publication, not another one.
        return _a_copy(fresh, link, run, copy, "the same page as")
    try:
        doc = parse_html(page.body, page.url, page.content_type)
        report.extracted += 1
        record = extract_document(doc, rules=source.rules, vocabulary=config.vocabulary,
                                  source=source.name, site_descriptions=run.site_descriptions)
    except ExtractError as exc:
        return _page_failed(store, fresh, report, link.url, f"unreadable page: {exc}")
    # The listing card or feed item that led here is evidence too: its date and type say
    # that the page is one publication when the page alone says little (a month for a date).
    judged = normalize.merge(record, link.card) if link.card is not None else record
    kind = pagekind.page_kind(doc, judged)
    if kind.kind != "publication":
        store.save_fetch_state(replace(fresh, record_url=None))
        report.skipped.append((link.url, f"not a publication ({kind.reason})"))
        if kind.kind == pagekind.LISTING and link.via == "listing":
            run.listings_read.append(link.url)  # an issue of an archive: discovery walks it
        return "skipped"
    record, moved = claims.own_url(store, _finish(record, page, link, source, config),
                                   page.url, run.claims)
    report.changed_ids.update(moved)  # a moved record's file goes, its new one comes
    record = record.with_changes(url=claims.stored_variant(store, record.url))
    twin = None if store.has_record(record.url) else run.copies.of_record(record)
    if twin is not None:
        # The same title, day, authors and summary as a publication stored under another
        # URL (a post filed under two categories, no canonical saying which is its own).
        return _a_copy(fresh, link, run, twin, "the same publication as")
    key = record_key(record.url)
    if key not in run.done and key != record_key(link.url):
        run.declared[key] = record.title  # not fetched itself: see _Run._handle_all
    run.done.add(key)
    outcome = store.save_page(replace(fresh, record_url=record.url), record)
    run.copies.add(digest, record)
    if record.url != link.url:
        # Under its own URL too, so that the rolling re-check can revalidate the record.
        store.save_fetch_state(replace(fresh, url=record.url, record_url=record.url))
    if outcome in ("new", "changed"):
        report.changed_ids.add(record.id)
        report.fields += filled_fields(record)
    return outcome or "unchanged"


def _a_copy(fresh: FetchState, link: discover.Link, run: _Run, stored: str, why: str) -> str:
    """Skip a page that is a copy of the publication stored under `stored`: its fetch
    state points there, and the run report says why."""
    run.store.save_fetch_state(replace(fresh, record_url=stored))
    run.report.skipped.append((link.url, f"{why} {stored}"))
    return "skipped"


def _store_file(link: discover.Link, base: FetchState, run: _Run) -> str:
    """Store a publication that is only a file as its listing card or feed item describes
    it; the file is not fetched (no page to read). Skipped when the source already has a
    publication of that title: the file is then the download of a page."""
    if link.card is None or not link.card.title:
        run.report.skipped.append((link.url, "a file without a title"))
        return "skipped"
    url = canonical_url(link.url)
    if run.titles is None:
        run.titles = {fold(r.title): r.url for r in run.store.records(source=run.source.name)
                      if r.title}
    if run.titles.get(fold(link.card.title), url) != url:
        run.report.skipped.append((link.url, "a file of a publication stored as a page"))
        return "skipped"
    record = _with_defaults(link.card.with_changes(url=url, source=run.source.name),
                            run.source, run.config)
    run.titles.setdefault(fold(link.card.title), url)
    outcome = run.store.save_page(replace(base, kind="file", record_url=record.url), record)
    if outcome in ("new", "changed"):
        run.report.changed_ids.add(record.id)
        run.report.fields += filled_fields(record)
    return outcome or "unchanged"


def _finish(record: Record, page: Page, link: discover.Link, source: Source,
            config: Config) -> Record:
    """Apply the canonical URL, the listing card and the source's defaults."""
    url = canonical_url(record.url if record.url.startswith("http") else page.url)
    record = record.with_changes(url=url, source=source.name)
    if link.card is not None:
        record = normalize.merge(record, link.card)
    return _with_defaults(record, source, config)


def _with_defaults(record: Record, source: Source, config: Config) -> Record:
    """Return the record with the source's type and topics where the page gives none."""
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


def _describe(exc: BaseException) -> str:
    """Return an unexpected exception as one short line: its type and message."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}".rstrip(": ")


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
