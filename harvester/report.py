"""Show a harvest to people: progress bars or log lines, the summary table, JSON logs."""

from __future__ import annotations

import json
import logging
import os
import threading
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .outcomes import SourceReport

log = logging.getLogger("harvester.progress")

#: Columns of the summary table: (header, outcome counted).
COLUMNS = (("new", "new"), ("changed", "changed"), ("unchanged", "unchanged"),
           ("robots", "robots"), ("skipped", "skipped"), ("failed", "failed"))
MAX_FAILURES_SHOWN = 20
_LOG_EVERY = 25


class Progress:
    """A progress bar per source on a terminal; plain log lines when not a terminal.

    Use it as a context manager: on a terminal, log lines are then printed above the bars
    (through tqdm) instead of through them, and the bars are closed at the end.
    """

    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        """Draw bars only when the stream is a terminal and bars are wanted."""
        self._stream = stream
        self._bars: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._tty = enabled and hasattr(stream, "isatty") and stream.isatty()
        self._redirect: Any = None

    def __enter__(self) -> Progress:
        """Route console log lines around the bars while they are shown."""
        if self._tty:
            from tqdm.contrib.logging import logging_redirect_tqdm

            self._redirect = logging_redirect_tqdm()
            self._redirect.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the bars and restore the log handlers."""
        self.close()
        if self._redirect is not None:
            self._redirect.__exit__(None, None, None)
            self._redirect = None

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
        with self._lock:
            bars, self._bars = list(self._bars.values()), {}
        for bar in bars:
            bar.close()

    def _bar(self, source: str) -> Any:
        """Return the bar of a source, creating it on its own line."""
        if source not in self._bars:
            from tqdm import tqdm

            # A terminal that reports no size (a bare pty) would get a zero-width bar.
            sized = _columns(self._stream) > 0
            self._bars[source] = tqdm(desc=source, unit="page", file=self._stream,
                                      position=len(self._bars), leave=True,
                                      dynamic_ncols=sized, ncols=None if sized else 80)
        return self._bars[source]


def _columns(stream: TextIO) -> int:
    """Return the width of the terminal behind a stream (0 when it reports none)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


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
    if not rows:
        out.write("\nNo source was harvested.\n")
        return
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
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(
                timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(data, ensure_ascii=False, default=str)


#: A source's newest records must keep at least this share of the fields earlier ones had.
HEALTH_RATIO = 0.7
#: Records needed on each side of the comparison, so one sparse page raises no alarm.
HEALTH_SAMPLE = 3
#: Runs the sources table looks back over.
HEALTH_RUNS = 20


def source_row(config: Any, source: Any, store: Any, schedule: str) -> dict[str, str]:
    """Return the `pubharvest sources` row of one source (store None: nothing harvested yet)."""
    state = store.source_state(source.name) if store is not None else None
    runs = store.runs(source.name, limit=HEALTH_RUNS) if store is not None else []
    last = runs[0] if runs else None
    return {
        "source": source.name + ("" if source.enabled else " (disabled)"),
        "schedule": schedule,
        "last run": _when(last.started) if last else "never",
        "outcome": _outcome(last),
        "next run": _when(state.next_run) if state and state.next_run else "-",
        "records": str(store.count(source.name)) if store is not None else "0",
        "failing": str(_failing(store, source.name)) if store is not None else "0",
        "health": health(runs),
    }


def _failing(store: Any, name: str) -> int:
    """Return how many publication and listing pages of a source failed at their last fetch.

    Sitemaps and feeds are left out: discovery probes their usual addresses, and a
    site without /sitemap.xml is not failing.
    """
    return sum(1 for state in store.failures(name) if state.kind in ("page", "listing"))


def _outcome(run: Any) -> str:
    """Return 'ok in 12 s (new 3, changed 1)' or 'error: …' for a run."""
    if run is None:
        return "-"
    if run.error:
        return "error: " + run.error[:60]
    if run.finished is None:
        return "running or interrupted"
    counts = ", ".join(f"{k} {run.counts[k]}" for k in ("new", "changed", "unchanged", "failed")
                       if run.counts.get(k))
    took = (run.finished - run.started).total_seconds()
    cut = "" if run.complete else " (cut short)"
    return f"ok in {took:.0f} s{cut}" + (f" ({counts})" if counts else "")


def health(runs: list[Any]) -> str:
    """Return 'ok', 'FAILING' (newest run failed) or a CHECK flag when fields dropped.

    The fields per record of the newest stored records (at least HEALTH_SAMPLE of them,
    over as many recent runs as that takes) are compared with those of the records stored
    before; far fewer means the site has likely changed its markup.
    """
    if runs and runs[0].error:
        return "FAILING"
    scored = [(_stored(r), r.counts["fields_x100"]) for r in runs
              if r.counts.get("fields_x100") and _stored(r)]
    recent, earlier = _split_sample(scored)
    if not recent or not earlier:
        return "ok"
    now, before = _mean_fields(recent), _mean_fields(earlier)
    if now < HEALTH_RATIO * before:
        return f"CHECK: {now:.1f} fields/record, was {before:.1f} (markup changed?)"
    return "ok"


def _stored(run: Any) -> int:
    """Return how many records a run stored (new or changed)."""
    return int(run.counts.get("new", 0)) + int(run.counts.get("changed", 0))


def _split_sample(scored: list[tuple[int, int]]) -> tuple[list[tuple[int, int]],
                                                          list[tuple[int, int]]]:
    """Split (stored, fields_x100) runs, newest first, into two samples of enough records."""
    total = 0
    for i, (stored, _) in enumerate(scored):
        total += stored
        if total >= HEALTH_SAMPLE:
            recent, earlier = scored[:i + 1], scored[i + 1:]
            enough = sum(n for n, _ in earlier) >= HEALTH_SAMPLE
            return recent, earlier if enough else []
    return [], []


def _mean_fields(sample: list[tuple[int, int]]) -> float:
    """Return the mean fields per record over runs of (stored, fields_x100)."""
    return sum(n * f for n, f in sample) / sum(n for n, _ in sample) / 100


def _when(value: datetime | None) -> str:
    """Format a UTC time compactly."""
    if value is None:
        return "-"
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def print_sources(rows: list[dict[str, str]], out: TextIO) -> None:
    """Print the sources table."""
    if not rows:
        out.write("No sources configured.\n")
        return
    headers = list(rows[0])
    widths = [max(len(h), *(len(r[h]) for r in rows)) for h in headers]
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        cells = (row[h].ljust(w) for h, w in zip(headers, widths, strict=True))
        out.write("  ".join(cells).rstrip() + "\n")


def demo_summary(result: Any, out_dir: Any) -> str:
    """Return what the demo did and where its results are, for people."""
    report = result.report
    lines = [
        "",
        f"Harvested {result.site_url} with {result.requests} HTTP requests "
        f"({result.bytes / 1024:.0f} KiB):",
        f"  {report.counts.get('new', 0)} new, {report.counts.get('changed', 0)} changed, "
        f"{report.counts.get('unchanged', 0)} unchanged publications, "
        f"{report.counts.get('skipped', 0)} non-publication pages skipped.",
    ]
    if not report.counts.get("new") and not report.counts.get("changed"):
        lines.append("  Nothing new: this run only asked the site whether pages had changed "
                     "(conditional requests).")
    topics = sorted((out_dir / "feeds" / "topics").glob("*/rss.xml"))
    preferred = [t for t in topics if t.parent.name == "peace-processes"]
    topic = (preferred or topics or [None])[0]
    lines += [
        "",
        "Results:",
        f"  index page     {out_dir / 'index.html'}",
        f"  OPML           {out_dir / 'feeds.opml'}",
        f"  a topic feed   {topic or out_dir / 'feeds' / 'topics'}",
        f"  all records    {out_dir / 'records.jsonl'}",
        "",
        "Open the index page in a browser, or run `pubharvest demo --serve` and subscribe to "
        "http://127.0.0.1:8080/feeds/topics/peace-processes/rss.xml in a feed reader.",
    ]
    return "\n".join(lines)
