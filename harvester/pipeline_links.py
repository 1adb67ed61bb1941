"""One link of a pipeline run: its page fetched, extracted, normalized and stored (or
skipped), or a publication that is only a file stored from its card; its outcome counted.

`pipeline.Run` walks the links discovery yields and hands each to `handle`.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from . import claims, discover, normalize, pagekind
from .canonical import canonical_url, record_key
from .config import Config, Source
from .errors import ExtractError, FetchError, HarvestError, RobotsDisallowed
from .extract import extract_document
from .fetch_results import Page
from .outcomes import SourceReport, filled_fields
from .parse import parse_html
from .record import Record
from .store import FetchState, Store
from .text import fold

if TYPE_CHECKING:
    from .pipeline import Run

# Logged as the pipeline's, whose part this is.
log = logging.getLogger("harvester.pipeline")


def handle(link: discover.Link, run: Run) -> None:
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
            run: Run) -> str:
    """Store one fetched page (see _store_page); a bug it triggers is its failure only."""
    run.done.add(record_key(page.url))
    try:
        return _store_page(page, link, base, state, run)
    except HarvestError:
        raise
    except Exception as exc:  # a bug that one page triggers must not end the run
        log.exception("%s: %s: internal error", run.source.name, link.url)
        return _page_failed(run.store, replace(base, status=page.status), run.report, link.url,
                            f"internal error: {describe(exc)} (please report it)")


def _store_page(page: Page, link: discover.Link, base: FetchState, state: FetchState | None,
                run: Run) -> str:
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
        run.declared[key] = record.title  # not fetched itself: see pipeline.Run._handle_all
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


def _a_copy(fresh: FetchState, link: discover.Link, run: Run, stored: str, why: str) -> str:
    """Skip a page that is a copy of the publication stored under `stored`: its fetch
    state points there, and the run report says why."""
    run.store.save_fetch_state(replace(fresh, record_url=stored))
    run.report.skipped.append((link.url, f"{why} {stored}"))
    return "skipped"


def _store_file(link: discover.Link, base: FetchState, run: Run) -> str:
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
        changes["topics"] = tuple(source.topics)  # feeds map them through the vocabulary
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


def describe(exc: BaseException) -> str:
    """Return an unexpected exception as one short line: its type and message."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}".rstrip(": ")
