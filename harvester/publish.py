"""Write what consumers read: feeds, the index page, OPML and the JSON records."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import feeds

from .config import Config
from .outcomes import SourceReport
from .pipeline import UNPUBLISHED_KEY
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class PublishReport:
    """Which output files a publish wrote, and how many were already up to date."""

    written: list[Path] = field(default_factory=list)
    unchanged: int = 0


def publish(
    config: Config,
    store: Store,
    *,
    touched: set[tuple[str, str]] | None = None,
    changed_ids: set[str] | None = None,
) -> PublishReport:
    """Rebuild feeds and record files from the store.

    Args:
        config: settings (output folder, feed size, base URL) and source titles.
        store: the records.
        touched: feed groups to rebuild; None rebuilds every feed.
        changed_ids: record files to rewrite; None rewrites all of them.
    """
    out = config.settings.out_dir
    titles = {source.name: source.label for source in config.sources}
    built = feeds.build(store, config.settings, source_titles=titles, only=touched)
    written = feeds.write_records(store.records(), out, only_ids=changed_ids)
    report = PublishReport(written=[*built.written, *written], unchanged=built.unchanged)
    log.info("published %d files to %s (%d unchanged)", len(report.written), out, report.unchanged)
    return report


def publish_reports(config: Config, store: Store,
                    reports: Sequence[SourceReport]) -> PublishReport | None:
    """Publish what harvest runs changed, and what earlier runs left unpublished.

    A run that was killed (or ran with `--no-feeds`) before its changes were published
    left its start time in the store; those changes are caught up here: the feeds touched
    since then are rebuilt and every record file is checked. A missing output folder gets
    everything.

    Args:
        config: settings and source titles.
        store: the records.
        reports: the runs to publish (their touched groups and changed records).

    Returns:
        What was written, or None when nothing had changed or no source was harvested
        (no file was touched then).
    """
    if not any(report.ran for report in reports):
        return None  # every source was being harvested elsewhere: that run publishes
    touched = set().union(*(r.touched for r in reports))
    changed: set[str] | None = set().union(*(r.changed_ids for r in reports))
    for since in (r.unpublished_since for r in reports if r.unpublished_since):
        touched |= store.touched_groups(since)
        changed = None
    fresh = not (config.settings.out_dir / "index.html").exists()
    if fresh or touched or changed is None or changed:
        result = publish(config, store, touched=None if fresh else touched,
                         changed_ids=None if fresh else changed)
    else:
        result = None
    for report in reports:
        if report.ran:  # a run that found its source locked leaves the holder's note alone
            store.set_meta(UNPUBLISHED_KEY + report.source, "")
    return result
