"""What each `pubharvest` subcommand does: load config, call the library, print results."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import config as config_module
from . import report as report_module
from .config import Config
from .errors import ConfigError, ExtractError, FetchError
from .record import Record
from .responses import binary_kind

if TYPE_CHECKING:
    from .outcomes import SourceReport
    from .store import Store

log = logging.getLogger("harvester")


def setup_logging(verbose: int, fmt: str) -> None:
    """Send log lines to stderr: warnings by default, info with -v, debug with -vv."""
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(report_module.JsonFormatter() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for chatty in ("harvester.progress", "harvester.pipeline", "harvester.schedule",
                   "harvester.service"):
        logging.getLogger(chatty).setLevel(min(level, logging.INFO))
    for noisy in ("urllib3", "apscheduler.executors.default", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def load_config(args: argparse.Namespace) -> Config:
    """Read the configuration named by the global options."""
    return config_module.load(args.config, data_dir=args.data_dir, out_dir=args.out)


def parse_since(text: str) -> date:
    """Parse `--since` (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def extract(args: argparse.Namespace) -> int:
    """Print one JSON record per target; report unreadable targets on stderr."""
    from .extract import extract_page
    from .fetch import Fetcher

    cfg = load_config(args) if (args.source or args.config) else None
    source = cfg.source(args.source) if cfg and args.source else None
    settings = cfg.settings if cfg else config_module.load(None).settings
    vocabulary = cfg.vocabulary if cfg else None
    failed = 0
    with Fetcher(settings) as fetcher:
        for target in args.targets:
            try:
                body, url, content_type = _read_target(target, args.url, fetcher)
                record = extract_page(body, url, rules=source.rules if source else None,
                                      content_type=content_type, vocabulary=vocabulary,
                                      source=source.name if source else None)
            except (OSError, FetchError, ExtractError) as exc:
                failed += 1
                print(f"pubharvest: {target}: {_reason(exc)}", file=sys.stderr)
                continue
            indent = 2 if args.pretty else None
            print(json.dumps(record.to_dict(), ensure_ascii=False, indent=indent), flush=True)
    return 1 if failed else 0


def _read_target(target: str, url: str | None, fetcher: object) -> tuple[bytes, str, str | None]:
    """Return the body, URL and content type of a file or http(s) target."""
    if target.startswith(("http://", "https://")):
        page = fetcher.fetch(target)  # type: ignore[attr-defined]
        return page.body, url or page.url, page.content_type
    path = Path(target)
    if path.is_dir():
        raise IsADirectoryError(21, "is a directory")
    body = path.read_bytes()
    kind = binary_kind(body)
    if kind:
        raise ExtractError(f"not HTML: the file looks like {kind}")
    return body, url or path.resolve().as_uri(), None


def _reason(exc: BaseException) -> str:
    """Return a one-line reason for an exception a target raised."""
    if isinstance(exc, FetchError):
        return exc.reason
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def harvest(args: argparse.Namespace) -> int:
    """Harvest the configured (or named) sources once, then rebuild the feeds."""
    from .fetch import Fetcher
    from .pipeline import run_sources
    from .store import Store

    cfg = load_config(args)
    if args.urls and args.source:
        raise ConfigError("give start URLs or --source, not both")
    if args.urls:  # a one-off harvest of sites named on the command line
        sources = list(config_module.url_sources(args.urls, cfg.sources))
        names = {s.name for s in sources}
        cfg = replace(cfg, sources=(*(s for s in cfg.sources if s.name not in names), *sources))
    else:
        sources = selected_sources(cfg, args.source)
    stop = threading.Event()
    with Store.open(cfg.settings.data_dir, vocabulary=cfg.vocabulary) as store, \
            Fetcher(cfg.settings) as fetcher, stop_on_signals(stop) as caught:
        with report_module.Progress(sys.stderr, enabled=not args.no_progress) as progress:
            reports = run_sources(cfg, sources, store=store, fetcher=fetcher,
                                  limit=args.limit, progress=progress.update, stop=stop)
        report_module.print_summary(reports, sys.stdout)
        if not args.no_feeds:
            publish_after(cfg, store, reports)
    if caught:
        return 128 + caught[0]
    return 0 if all(r.ok for r in reports) else 1


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[list[int]]:
    """Make a first SIGINT or SIGTERM a graceful stop; a second one exits at once.

    After the first signal the harvest ends after the pages in flight, is recorded as
    incomplete, and what it stored is summarized and published. Yields the list of signals
    caught (empty unless interrupted); handlers are installed from the main thread only.
    """
    caught: list[int] = []

    def handle(signum: int, frame: object) -> None:
        if caught:
            os._exit(128 + signum)
        caught.append(signum)
        stop.set()
        print("pubharvest: interrupted; finishing the pages in flight (again to quit at once)",
              file=sys.stderr, flush=True)

    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = {signum: signal.signal(signum, handle)
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def selected_sources(cfg: Config, names: list[str] | None) -> list:
    """Return the named sources, or every enabled one."""
    if names:
        return [cfg.source(name) for name in names]
    sources = [s for s in cfg.sources if s.enabled]
    if not sources:
        raise ConfigError(f"{cfg.path}: no enabled source to harvest")
    return sources


def publish_after(cfg: Config, store: Store, reports: list[SourceReport]) -> None:
    """Rebuild the feeds and record files the runs changed (everything into a new folder)."""
    from .publish import publish_reports

    result = publish_reports(cfg, store, reports)
    if result is None:
        harvested = any(r.ran for r in reports)
        print(f"Feeds: nothing changed in {cfg.settings.out_dir}" if harvested
              else "Feeds: not rebuilt (no source was harvested)")
        return
    print(f"Feeds: {len(result.written)} files written to {cfg.settings.out_dir} "
          f"({result.unchanged} unchanged)")


def export(args: argparse.Namespace) -> int:
    """Write stored records to stdout as JSON Lines, a JSON array or CSV."""
    from .store import Store

    cfg = load_config(args)
    with Store.open(cfg.settings.data_dir, create=False, vocabulary=cfg.vocabulary) as store:
        records = store.records(source=args.source, topic=args.topic, type=args.type,
                                since=args.since)
        writer = {"jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}[args.format]
        writer(records, sys.stdout)
    return 0


def _write_jsonl(records: Iterable[Record], out: TextIO) -> None:
    """Write one JSON object per line."""
    for record in records:
        out.write(record.to_json() + "\n")


def _write_json(records: Iterable[Record], out: TextIO) -> None:
    """Write one JSON array, streaming record by record."""
    out.write("[")
    for i, record in enumerate(records):
        out.write(("," if i else "") + "\n  " + record.to_json())
    out.write("\n]\n")


CSV_COLUMNS = ("id", "url", "source", "title", "authors", "published", "updated", "type",
               "topics", "summary", "image", "language", "first_seen", "harvested_at")


def _write_csv(records: Iterable[Record], out: TextIO) -> None:
    """Write CSV with one row per record; lists are joined with '; '."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        data = record.to_dict()
        data["authors"] = "; ".join(a["name"] for a in data["authors"])
        data["topics"] = "; ".join(data["topics"])
        data["image"] = (data["image"] or {}).get("url")
        writer.writerow(["" if data[c] is None else data[c] for c in CSV_COLUMNS])


def rebuild_feeds(args: argparse.Namespace) -> int:
    """Rebuild every feed, the index page, OPML and record files from the store."""
    from .publish import publish
    from .store import Store

    cfg = load_config(args)
    with Store.open(cfg.settings.data_dir, vocabulary=cfg.vocabulary) as store:
        result = publish(cfg, store)
    print(f"{len(result.written)} files written to {cfg.settings.out_dir} "
          f"({result.unchanged} unchanged)")
    return 0


def demo(args: argparse.Namespace) -> int:
    """Harvest the bundled sample site and show where the results are."""
    from .demo.run import run_demo

    base = Path.cwd() / "pubharvest-demo"
    data_dir = (args.data_dir or base / "data").resolve()
    out_dir = (args.out or base / "out").resolve()
    print("Serving the bundled sample site on a loopback port and harvesting it…", flush=True)
    with report_module.Progress(sys.stderr) as progress:
        result = run_demo(data_dir, out_dir, progress=progress.update,
                          publish_url=f"http://127.0.0.1:{args.port}/")
    report_module.print_summary([result.report], sys.stdout)
    print(report_module.demo_summary(result, out_dir), flush=True)
    if not result.report.ok:
        return 1
    if args.serve:
        from .service import serve_folder

        return serve_folder(out_dir, "127.0.0.1", args.port, max_age=60)
    return 0
