"""run_source(): discover -> fetch -> extract -> normalize -> store, for one source.

Known publications are fetched again when discovery shows they may have changed, and by
the rolling re-check (see `harvester.recheck`); every such fetch is a conditional GET, and
an unchanged body is never extracted again.

A run (`Run`) walks the links discovery yields; `harvester.pipeline_links` handles each
one: its fetch, extraction and storing, and the outcome it counts.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from . import claims, discover, recheck
from .canonical import record_key
from .config import Config, Source
from .errors import HarvestError
from .fetch import Fetcher
from .outcomes import OUTCOMES, SourceReport, run_counts
from .pipeline_links import describe, handle
from .store import Store
from .store_rows import parse_ts, ts

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
            run = Run(source, config, store, fetcher, report, progress, stop)
            run.harvest(limit, recheck_age)
    except HarvestError as exc:
        report.error = str(exc)
        log.error("%s: %s", source.name, exc)
    except Exception as exc:  # a bug must not stop the other sources
        report.error = f"internal error: {describe(exc)} (please report it)"
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


class Run:
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
            handle(link, self)
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
