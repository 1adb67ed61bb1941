"""The long-running commands: `run` (scheduled harvesting), `serve`, and `sources`."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from . import report as report_module
from .commands import publish_after, selected_sources, load_config
from .config import Config, Source
from .errors import HarvestError

if TYPE_CHECKING:
    from .pipeline import SourceReport

log = logging.getLogger("harvester")


def sources(args: argparse.Namespace) -> int:
    """Print the configured sources with their last and next runs and health."""
    from . import schedule
    from .store import Store

    cfg = load_config(args)
    with Store.open(cfg.settings.data_dir) as store:
        rows = [report_module.source_row(cfg, s, store, schedule.schedule_of(s, cfg))
                for s in cfg.sources]
    report_module.print_sources(rows, sys.stdout)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the scheduler until stopped (or every due source once with --once)."""
    from . import schedule
    from .fetch import Fetcher
    from .pipeline import run_source, run_sources
    from .store import Store

    cfg = load_config(args)
    enabled = selected_sources(cfg, None)
    stop = threading.Event()
    publish_lock = threading.Lock()
    with Store.open(cfg.settings.data_dir) as store, Fetcher(cfg.settings) as fetcher:
        plans = schedule.plan(cfg, enabled, lambda name: store.source_state(name).last_started)
        if args.once:
            due = [p.source for p in plans if schedule.is_due(p)]
            reports = run_sources(cfg, due, store=store, fetcher=fetcher, stop=stop)
            report_module.print_summary(reports, sys.stdout)
            publish_after(cfg, store, reports)
            return 0 if all(r.ok for r in reports) else 1

        def harvest(source: Source) -> SourceReport:
            report = run_source(source, cfg, store=store, fetcher=fetcher, stop=stop)
            with publish_lock:
                publish_after(cfg, store, [report])
                _save_next_run(scheduler, store, source.name)
            return report

        scheduler = schedule.build_scheduler(plans, harvest, workers=cfg.settings.concurrency)
        for item in plans:
            store.set_next_run(item.source.name, item.first_run)
        server = _maybe_serve(args, cfg, plans) if args.serve else None
        _install_signal_handlers(stop)
        grace = 3 * cfg.settings.timeout + (cfg.settings.delay or 0) + 10
        log.info("scheduler started with %d sources", len(plans))
        schedule.wait_until_stopped(scheduler, stop, grace)
        if server:
            server.shutdown()
    log.info("stopped")
    return 0


def _save_next_run(scheduler: object, store: object, name: str) -> None:
    """Record the job's next run time in the store (shown by `pubharvest sources`)."""
    job = scheduler.get_job(name)  # type: ignore[attr-defined]
    store.set_next_run(name, job.next_run_time if job else None)  # type: ignore[attr-defined]


def _install_signal_handlers(stop: threading.Event) -> None:
    """First SIGTERM/SIGINT: stop gracefully; a second one: exit at once."""

    def handle(signum: int, frame: object) -> None:
        if stop.is_set():
            log.warning("second signal: exiting now")
            os._exit(128 + signum)
        log.info("signal %d: finishing the current pages, then exiting", signum)
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


def _maybe_serve(args: argparse.Namespace, cfg: Config, plans: list) -> object:
    """Start serving the output folder in the background for `run --serve`."""
    from .serve import max_age_for, start_server

    cfg.settings.out_dir.mkdir(parents=True, exist_ok=True)
    server = start_server(cfg.settings.out_dir, args.host, args.port,
                          max_age=max_age_for([p.period for p in plans]))
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
    periods = [schedule.make_trigger(schedule.schedule_of(s, cfg))[1] for s in cfg.sources]
    return serve_folder(out, args.host, args.port, max_age=max_age_for(periods))


def serve_folder(out: Path, host: str, port: int, *, max_age: int) -> int:
    """Serve a folder until interrupted (Ctrl+C or SIGTERM)."""
    from .serve import OutputServer

    try:
        server = OutputServer(out, host, port, max_age=max_age)
    except OSError as exc:
        raise HarvestError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    print(f"Serving {out} on {server.url}/ (Ctrl+C to stop)", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
