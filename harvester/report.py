"""Show a harvest to people: progress bars or log lines, the summary table, JSON logs."""

from __future__ import annotations

import json
import logging
import threading
from datetime import datetime, UTC
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .pipeline import SourceReport

log = logging.getLogger("harvester.progress")

#: Columns of the summary table: (header, outcome counted).
COLUMNS = (("new", "new"), ("changed", "changed"), ("unchanged", "unchanged"),
           ("robots", "robots"), ("skipped", "skipped"), ("failed", "failed"))
MAX_FAILURES_SHOWN = 20
_LOG_EVERY = 25


class Progress:
    """A progress bar per source on a terminal; plain log lines when not a terminal."""

    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        """Draw bars only when the stream is a terminal and bars are wanted."""
        self._stream = stream
        self._bars: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._tty = enabled and hasattr(stream, "isatty") and stream.isatty()

    def update(self, report: SourceReport, url: str) -> None:
        """Advance the source's bar (or log every few pages)."""
        with self._lock:
            if self._tty:
                self._bar(report.source).update(1)
                self._bar(report.source).set_postfix_str(_short_counts(report), refresh=False)
            elif report.discovered % _LOG_EVERY == 1:
                log.info("%s: %d pages so far (%s); last %s", report.source,
                            report.discovered, _short_counts(report), url)

    def close(self) -> None:
        """Close every bar."""
        for bar in self._bars.values():
            bar.close()

    def _bar(self, source: str) -> Any:
        """Return the bar of a source, creating it on its own line."""
        if source not in self._bars:
            from tqdm import tqdm

            self._bars[source] = tqdm(desc=source, unit="page", file=self._stream,
                                      position=len(self._bars), leave=True, dynamic_ncols=True)
        return self._bars[source]


def _short_counts(report: SourceReport) -> str:
    """Return 'new 3, failed 1' style counts of the non-zero outcomes."""
    return ", ".join(f"{name} {report.counts[key]}" for name, key in COLUMNS
                     if report.counts.get(key))


def print_summary(reports: list[SourceReport], out: TextIO) -> None:
    """Print the per-source table, then failures with URL and reason."""
    headers = ("source", *(name for name, _ in COLUMNS), "seconds")
    rows = [
        (r.source, *(str(r.counts.get(key, 0)) for _, key in COLUMNS), f"{r.seconds:.1f}")
        for r in reports
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    out.write("\n" + _row(headers, widths) + "\n" + _row(["-" * w for w in widths], widths) + "\n")
    for row in rows:
        out.write(_row(row, widths) + "\n")
    for r in reports:
        if r.error:
            out.write(f"\n{r.source}: could not be harvested: {r.error}\n")
        if r.failures:
            out.write(f"\n{r.source}: {len(r.failures)} failed:\n")
            for url, reason in r.failures[:MAX_FAILURES_SHOWN]:
                out.write(f"  {url}\n    {reason}\n")
            if len(r.failures) > MAX_FAILURES_SHOWN:
                out.write(f"  … and {len(r.failures) - MAX_FAILURES_SHOWN} more "
                          "(see `pubharvest sources`)\n")
    out.flush()


def _row(cells: Any, widths: list[int]) -> str:
    """Format one table row: the first cell left-aligned, numbers right-aligned."""
    first, *rest = cells
    cells_right = (c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))
    return "  ".join([first.ljust(widths[0]), *cells_right])


class JsonFormatter(logging.Formatter):
    """Format log records as one JSON object per line (`--log-format json`)."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as JSON with time, level, logger, message and extras."""
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(data, ensure_ascii=False, default=str)
