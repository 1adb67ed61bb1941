"""Benchmark feed building: a full build over N records, a no-change rebuild, and `only=`.

Run: python bench/feeds.py [--records 100000] [--topics 300] [--types 20] [--sources 50]
     [--memory] [--export] [--dir PATH]   (a --dir whose store holds the records is reused)

Records go into a temporary SQLite store (harvester.store) unless --memory is given, in
which case builds read a MemoryRecords. Each build runs in a fresh child process pinned to
one CPU, so its time is one core's and its peak memory (max RSS) is the build's own.
Not a test: numbers depend on the machine; compare runs on the same one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

# Run as `python bench/feeds.py`, this folder comes first on sys.path and `import feeds`
# would import this very script; the checkout's root takes its place.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent) if Path(p or ".").resolve() == _HERE else p for p in sys.path]

import feeds  # noqa: E402
from harvester.config import Settings  # noqa: E402
from harvester.groups import MemoryRecords, RecordSource, record_groups  # noqa: E402
from harvester.record import Author, Image, Record  # noqa: E402
from harvester.store import Store  # noqa: E402


def make_record(n: int, args: argparse.Namespace, *, fresh: str = "") -> Record:
    """Return record n: 1-3 of the topics, one type, one source, a realistic summary.

    A `fresh` record (named by its batch) is newer than every other one.
    """
    topics = {f"Topic {(n * k * 7919 + k) % args.topics:03d}" for k in range(1, 2 + n % 3)}
    return Record(
        url=f"https://source{n % args.sources}.example.org/{fresh or 'pub'}/{n}",
        source=f"source{n % args.sources}",
        title=f"Understanding the election results, part {n} — Zürich & 東京",
        authors=(Author("Asfandyar Mir"), Author("Tamanna Salikuddin"))[: 1 + n % 2],
        published=(date(2026, 6, 1) if fresh else date(2000, 1, 1)) + timedelta(days=n % 9000),
        type=f"Type {n % args.types:02d}",
        topics=tuple(sorted(topics)),
        summary="<p>Days after the general election, the <b>results</b> are contested.</p>" * 4,
        image=Image(f"https://img.example.org/{n}.jpg", "A polling station.") if n % 2 else None,
        language="en",
        harvested_at=datetime(2026, 1, 5, tzinfo=UTC),
    )


def all_records(args: argparse.Namespace) -> list[Record]:
    """Return the N records, plus the `--new` fresh ones."""
    return ([make_record(i, args) for i in range(args.records)]
            + [make_record(args.records + i, args, fresh="new") for i in range(args.new)])


def settings(args: argparse.Namespace) -> Settings:
    """Return the settings every build uses."""
    return Settings(data_dir=args.dir / "data", out_dir=args.dir / "out",
                    feed_size=args.feed_size, base_url="https://feeds.example.org/")


def titles(args: argparse.Namespace) -> dict[str, str]:
    """Return display titles for the sources."""
    return {f"source{i}": f"Research Institute No. {i}" for i in range(args.sources)}


def child(args: argparse.Namespace) -> None:
    """Run one build in this process (pinned to one CPU) and print its numbers as JSON."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    only = {tuple(key) for key in json.loads(args.only)} if args.only else None
    store = None
    source: RecordSource
    if args.memory:
        source = MemoryRecords(all_records(args))
    else:
        source = store = Store.open(args.dir / "data", create=False)
    start, cpu = time.perf_counter(), time.process_time()
    if args.child == "records":
        records = source.latest("all", "all", args.records) if store is None else store.records()
        written = feeds.write_records(records, args.dir / "out")
        result = {"written": len(written)}
    else:
        report = feeds.build(source, settings(args), source_titles=titles(args), only=only)
        result = {"written": len(report.written), "unchanged": report.unchanged}
    result["seconds"] = time.perf_counter() - start
    result["cpu_seconds"] = time.process_time() - cpu
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if store is not None:
        store.close()
    print(json.dumps(result))


def run_child(args: argparse.Namespace, phase: str, only: set[tuple[str, str]] | None = None
              ) -> dict[str, float]:
    """Run one phase in a fresh Python process and return what it printed."""
    command = [sys.executable, __file__, "--child", phase, "--dir", str(args.dir),
               "--records", str(args.records), "--topics", str(args.topics),
               "--types", str(args.types), "--sources", str(args.sources),
               "--feed-size", str(args.feed_size), "--new", str(args.new)]
    if args.memory:
        command.append("--memory")
    if only is not None:
        command += ["--only", json.dumps(sorted(only))]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(label: str, numbers: dict[str, float]) -> None:
    """Print one result line."""
    written = f"{numbers['written']:,.0f} written"
    unchanged = f", {numbers['unchanged']:,.0f} unchanged" if "unchanged" in numbers else ""
    print(f"{label:<42} {numbers['seconds']:7.2f} s  {numbers['cpu_seconds']:7.2f} s CPU"
          f"  {numbers['max_rss_mb']:5.0f} MB peak   ({written}{unchanged})")


def fill_store(args: argparse.Namespace) -> None:
    """Put the records into a new store (a store already holding them is reused)."""
    start = time.perf_counter()
    with Store.open(args.dir / "data") as store:
        if store.count() >= args.records:
            print(f"{'reuse the store in --dir (setup)':<42} {store.count():,} records")
            return
        for i in range(args.records):
            store.upsert(make_record(i, args))
    print(f"{'fill the store (setup, not measured)':<42} {time.perf_counter() - start:7.2f} s")


def add_new_records(args: argparse.Namespace) -> set[tuple[str, str]]:
    """Add 10 new records; return the groups they touched (from the store, or computed)."""
    since = datetime.now(UTC) - timedelta(seconds=1)
    args.new = 10
    if args.memory:
        return {g.key for r in all_records(args)[-args.new:] for g in record_groups(r)}
    batch = f"new-{time.time_ns()}"  # new URLs on every run, so a reused store gains records
    new = [make_record(args.records + i, args, fresh=batch) for i in range(args.new)]
    with Store.open(args.dir / "data") as store:
        for record in new:
            store.upsert(record)
        return store.touched_groups(since)


def main() -> None:
    """Fill a record source, then time the builds."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--topics", type=int, default=300)
    parser.add_argument("--types", type=int, default=20)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--feed-size", type=int, default=50)
    parser.add_argument("--memory", action="store_true", help="read MemoryRecords, not a store")
    parser.add_argument("--export", action="store_true",
                        help="also time write_records over all records (slow: a file each)")
    parser.add_argument("--dir", type=Path, default=None, help="work dir (default: a temp dir)")
    parser.add_argument("--child", choices=("build", "records"), help=argparse.SUPPRESS)
    parser.add_argument("--new", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    args.dir = args.dir or Path(tempfile.mkdtemp(prefix="pubharvest-bench-feeds-"))
    print(f"{args.records:,} records, {args.topics} topics, {args.types} types, "
          f"{args.sources} sources, {args.feed_size} entries per feed, "
          f"{'MemoryRecords' if args.memory else 'SQLite store'}; work dir {args.dir}")
    if not args.memory:
        fill_store(args)
    shutil.rmtree(args.dir / "out", ignore_errors=True)  # a full build starts from nothing
    show("full build (all feeds, OPML, index)", run_child(args, "build"))
    show("rebuild, nothing changed", run_child(args, "build"))
    touched = add_new_records(args)
    show(f"rebuild after 10 new records ({len(touched)} groups)", run_child(args, "build", touched))
    if args.export:
        show("record export (files + jsonl)", run_child(args, "records"))


if __name__ == "__main__":
    main()
