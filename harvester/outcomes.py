"""What one harvest of one source did: its outcomes, counts and failures (SourceReport).

The pipeline fills a SourceReport in as it goes; the store keeps its counts with the run
(`run_counts`), and publishing and the run report read it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .record import Record

#: Outcomes of one publication URL, in the order the summary table shows them.
OUTCOMES = ("new", "changed", "unchanged", "robots", "skipped", "failed")


@dataclass
class SourceReport:
    """What one harvest of one source did: counts per outcome, failures, touched feeds.

    `extracted` counts the pages parsed and extracted (an unchanged page never is),
    `rechecked` the known publications the rolling re-check revalidated,
    `unpublished_since` the start of an earlier run whose changes were not published yet,
    and `ran` says the run took the source's lock (it was not harvested elsewhere).
    """

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
    extracted: int = 0
    rechecked: int = 0
    unpublished_since: datetime | None = None
    ran: bool = False

    @property
    def seconds(self) -> float:
        """Return the wall time of the run so far."""
        end = self.finished or datetime.now(UTC)
        return (end - self.started).total_seconds()

    @property
    def ok(self) -> bool:
        """Tell whether the source could be harvested at all."""
        return self.error is None


def run_counts(report: SourceReport) -> dict[str, int]:
    """Return the counts kept with the run in the store."""
    counts = {name: report.counts.get(name, 0) for name in OUTCOMES}
    counts["discovered"] = report.discovered
    counts["extracted"] = report.extracted
    counts["rechecked"] = report.rechecked
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
