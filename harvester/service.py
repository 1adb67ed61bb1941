"""The long-running commands: `run` (scheduled harvesting), `serve`, and `sources`."""

from __future__ import annotations

import argparse
import fcntl
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import report as report_module
from .commands import load_config, selected_sources
from .config import Config, Settings, Source
from .errors import HarvestError

if TYPE_CHECKING:
    from .fetch import Fetcher
    from .outcomes import SourceReport
    from .schedule import Plan
    from .serve import OutputServer
    from .store import Store

log = logging.getLogger(__name__)

#: The lock file that keeps a second `run` off a data dir (beside the store, not in
#: `locks/`, where a source could have the same name).
RUN_LOCK = "pubharvest-run.lock"
#: robots.txt is not trusted longer than this (RFC 9309, 2.4), so a long-running service
#: starts a fresh fetcher (and robots cache) once a day.
FETCHER_MAX_AGE = 86400.0


def sources(args: argparse.Namespace) -> int:
    """Print the configured sources with their last and next runs and health."""
    from .store import FILENAME, Store

    cfg = load_config(args)
    if not (cfg.settings.data_dir / FILENAME).is_file():
        rows = [report_module.source_row(cfg, s, None, _schedule_text(cfg, s))
                for s in cfg.sources]
    else:
        with Store.open(cfg.settings.data_dir, create=False, vocabulary=cfg.vocabulary) as store:
            rows = [report_module.source_row(cfg, s, store, _schedule_text(cfg, s))
                    for s in cfg.sources]
    report_module.print_sources(rows, sys.stdout)
    return 0


def _schedule_text(cfg: Config, source: Source) -> str:
    """Return the schedule a source runs on, as configured."""
    from .schedule import schedule_of

    return schedule_of(source, cfg)


def run(args: argparse.Namespace) -> int:
    """Run the scheduler until stopped (or every due source once with --once)."""
    from . import schedule
    from .store import Store

    _show_info_lines()
    if args.once and args.serve:
        raise HarvestError("--serve needs the scheduler; use `pubharvest serve` beside --once")
    cfg = load_config(args)
    enabled = selected_sources(cfg, None)
    stop = threading.Event()
    with Store.open(cfg.settings.data_dir, vocabulary=cfg.vocabulary) as store, \
            only_runner(cfg.settings.data_dir), Fetchers(cfg.settings) as fetchers:
        plans = schedule.plan(cfg, enabled, lambda name: store.source_state(name).last_started)
        with schedule.stop_on_signals(stop):
            if args.once:
                return _run_once(cfg, plans, store, fetchers.current(), stop)
            return _run_scheduled(args, cfg, plans, store, fetchers, stop)


def _run_once(cfg: Config, plans: list[Plan], store: Store, fetcher: Fetcher,
              stop: threading.Event) -> int:
    """Harvest every due source once, publish, and return the exit code."""
    from . import schedule
    from .pipeline import run_sources

    due = [p for p in plans if schedule.is_due(p)]
    for item in plans:
        if item not in due:
            print(f"{item.source.name}: not due until {_when(item.first_run)}")
    if not due:
        return 0
    reports = run_sources(cfg, [p.source for p in due], store=store, fetcher=fetcher, stop=stop)
    report_module.print_summary(reports, sys.stdout)
    publish_reports(cfg, store, reports)
    for item in due:
        started = store.source_state(item.source.name).last_started
        if started is not None:
            store.set_next_run(item.source.name,
                               schedule.next_due(item.trigger, item.period, started))
    return 0 if all(r.ok for r in reports) else 1


def _run_scheduled(args: argparse.Namespace, cfg: Config, plans: list[Plan], store: Store,
                   fetchers: Fetchers, stop: threading.Event) -> int:
    """Run one scheduled job per source until `stop`; return 0 once stopped."""
    from . import schedule

    publish_lock = threading.Lock()

    def job(source: Source) -> None:
        """Harvest one source and rebuild what it touched."""
        if stop.is_set():
            return
        report = harvest_safely(source, cfg, store, fetchers.current(), stop)
        if report is not None:
            with publish_lock:
                publish_reports(cfg, store, [report])

    def next_run(name: str, when: datetime | None) -> None:
        """Keep the next run in the store (shown by `pubharvest sources`) until stopping."""
        if not stop.is_set():
            store.set_next_run(name, when)

    scheduler = schedule.build_scheduler(plans, job, workers=cfg.settings.concurrency,
                                         on_next_run=next_run)
    for item in plans:
        store.set_next_run(item.source.name, item.first_run)
    server = _start_server(args, cfg, plans) if args.serve else None
    log.info("scheduler started with %d sources: %s", len(plans),
             "; ".join(f"{p.source.name} next {_when(p.first_run)}" for p in plans))
    try:
        finished = schedule.wait_until_stopped(scheduler, stop, grace_seconds(cfg.settings))
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
    if not finished:
        # A harvest is stuck in a slow request: its committed pages are safe (each page is
        # one transaction), so leave without waiting for the thread.
        log.warning("running harvests did not end in time; exiting anyway")
        schedule.exit_now(0)
    log.info("stopped")
    return 0


def harvest_safely(source: Source, cfg: Config, store: Store, fetcher: Fetcher,
                   stop: threading.Event) -> SourceReport | None:
    """Run one source; a bug in one harvest is logged and never reaches the scheduler."""
    from .pipeline import run_source

    try:
        return run_source(source, cfg, store=store, fetcher=fetcher, stop=stop)
    except Exception:  # noqa: BLE001 (the other sources and later runs must go on)
        log.exception("%s: harvest crashed", source.name)
        return None


def publish_reports(cfg: Config, store: Store, reports: list[SourceReport]) -> None:
    """Rebuild what the runs (and any earlier unpublished ones) touched; log, never raise."""
    from . import publish

    started = time.monotonic()
    try:
        result = publish.publish_reports(cfg, store, reports)
    except HarvestError as exc:
        log.error("feeds not rebuilt: %s", exc)
        return
    if result is not None:
        log.info("feeds: %d files written, %d unchanged in %.1f s", len(result.written),
                 result.unchanged, time.monotonic() - started,
                 extra={"fields": {"written": len(result.written),
                                   "unchanged": result.unchanged}})


@contextmanager
def only_runner(data_dir: Path) -> Iterator[None]:
    """Hold the data dir's run lock: one `run` (scheduled or --once) at a time.

    Two schedulers on one store would each harvest every source in turn, and a cron
    `run --once` beside the service would ignore its plan.

    Raises:
        HarvestError: another `pubharvest run` holds the lock.
    """
    path = data_dir / RUN_LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise HarvestError(f"cannot create {path}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise HarvestError(f"another `pubharvest run` (pid {holder}) is using "
                               f"{data_dir}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock, as does the process dying


def grace_seconds(settings: Settings) -> float:
    """Return how long a stop waits for running harvests: about one slow page request."""
    return 2 * settings.timeout + settings.delay + 10


class Fetchers:
    """The fetcher shared by every job, replaced once it is a day old (fresh robots.txt)."""

    def __init__(self, settings: Settings) -> None:
        """Start without a fetcher; `current()` makes one."""
        self._settings = settings
        self._lock = threading.Lock()
        self._all: list[Fetcher] = []
        self._born = 0.0

    def current(self) -> Fetcher:
        """Return the shared fetcher, making a new one when there is none or it is stale."""
        from .fetch import Fetcher

        with self._lock:
            if not self._all or time.monotonic() - self._born > FETCHER_MAX_AGE:
                # Older fetchers stay open for jobs still using them; all close at the end.
                self._all.append(Fetcher(self._settings))
                self._born = time.monotonic()
            return self._all[-1]

    def __enter__(self) -> Fetchers:
        """Return self."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close every fetcher made."""
        for fetcher in self._all:
            fetcher.close()


def _show_info_lines() -> None:
    """Let this module's start, stop and publish lines through, as the pipeline's are."""
    root = logging.getLogger().getEffectiveLevel()
    log.setLevel(min(root, logging.INFO))


def _when(value: datetime) -> str:
    """Format a time for log lines and messages (UTC, to the second)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _start_server(args: argparse.Namespace, cfg: Config, plans: list[Plan]) -> OutputServer:
    """Start serving the output folder in the background for `run --serve`."""
    from .serve import max_age_for, start_server

    cfg.settings.out_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = start_server(cfg.settings.out_dir, args.host, args.port,
                              max_age=max_age_for([p.period for p in plans]))
    except OSError as exc:
        raise HarvestError(f"cannot listen on {args.host}:{args.port}: "
                           f"{exc.strerror or exc}") from None
    print(f"Serving {cfg.settings.out_dir} on {server.url}/", flush=True)
    return server


def serve(args: argparse.Namespace) -> int:
    """Serve the output folder over HTTP until interrupted."""
    from . import schedule
    from .serve import max_age_for

    cfg = load_config(args)
    out = cfg.settings.out_dir
    if not out.is_dir():
        raise HarvestError(f"{out}: output folder does not exist (run `pubharvest harvest` first)")
    served = [s for s in cfg.sources if s.enabled] or list(cfg.sources)
    periods = [schedule.make_trigger(schedule.schedule_of(s, cfg))[1] for s in served]
    return serve_folder(out, args.host, args.port, max_age=max_age_for(periods))


def serve_folder(out: Path, host: str, port: int, *, max_age: int) -> int:
    """Serve a folder until interrupted (Ctrl+C or SIGTERM)."""
    from .serve import OutputServer

    try:
        server = OutputServer(out, host, port, max_age=max_age)
    except OSError as exc:
        raise HarvestError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    print(f"Serving {out} on {server.url}/ (Ctrl+C to stop)", flush=True)
    previous = signal.signal(
        signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0
