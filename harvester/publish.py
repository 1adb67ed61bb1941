"""Write what consumers read: feeds, the index page, OPML and the JSON records."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import feeds

from .config import Config
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
