"""Benchmark the SQLite store: upsert rates, `latest`, groups, streaming and open over N records.

Run: python bench/store.py [--records 100000] [--dir PATH]. Prints one line per measure.
Not a test: numbers depend on the machine; compare runs on the same one.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from harvester.record import Author, Image, Record
from harvester.store import FILENAME, FetchState, Store

TOPICS = ("Peace Processes", "Global Policy", "Democracy & Governance", "Fragility & Resilience",
          "Human Rights", "Conflict Analysis & Prevention", "Economics", "Gender")
TYPES = ("Analysis", "Special Report", "Podcast", "Event", "Brief")


def make_record(n: int) -> Record:
    """Return a realistic record (about 1.5 kB of JSON) numbered n."""
    return Record(
        url=f"https://www.example.org/publications/{2000 + n % 25}/{n % 12 + 1:02d}/report-{n}",
        source=("usip", "crisisgroup", "chathamhouse", "brookings")[n % 4],
        title=f"Understanding the election results, part {n}",
        authors=(Author("Asfandyar Mir"), Author("Tamanna Salikuddin")),
        published=date(2000, 1, 1) + timedelta(days=n % 9000),
        type=TYPES[n % len(TYPES)],
        topics=(TOPICS[n % len(TOPICS)], TOPICS[(n * 7 + 3) % len(TOPICS)]),
        summary="Days after the general election, the results are still contested. " * 8,
        image=Image(f"https://www.example.org/img/{n}.jpg", "A polling station."),
        language="en",
        harvested_at=datetime(2026, 1, 5, tzinfo=UTC),
        provenance={"title": "jsonld", "authors": "rules", "published": "meta"},
    )


def timed(label: str, count: int, unit: str, action: Callable[[], object]) -> float:
    """Run action once, print its rate or duration, and return the seconds it took."""
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    rate = f"{count / seconds:,.0f} {unit}/s" if count > 1 else f"{seconds * 1000:,.1f} ms"
    print(f"{label:<44} {rate:>18}   ({seconds:.2f} s)")
    return seconds


def main() -> None:
    """Fill a store with N records and print what each operation costs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="data dir (default: a temp dir)")
    args = parser.parse_args()
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="pubharvest-bench-"))
    n = args.records
    records = [make_record(i) for i in range(n)]
    sample = records[: min(n, 5000)]
    with Store.open(data_dir) as store:
        timed(f"upsert new ({n:,} records)", n, "records",
              lambda: [store.upsert(r) for r in records])
        timed("upsert unchanged", len(sample), "records",
              lambda: [store.upsert(r) for r in sample])
        timed("upsert changed", len(sample), "records",
              lambda: [store.upsert(r.with_changes(title=r.title + "!")) for r in sample])
        timed("save_page (state + unchanged record)", len(sample), "pages",
              lambda: [store.save_page(FetchState(r.url, r.source or "", 200), r)
                       for r in sample])
        timed("latest('all', 'all', 50) x 100", 100, "calls",
              lambda: [store.latest("all", "all", 50) for _ in range(100)])
        timed("latest('topics', 'economics', 50) x 100", 100, "calls",
              lambda: [store.latest("topics", "economics", 50) for _ in range(100)])
        timed("feed_groups()", 1, "", store.feed_groups)
        timed("touched_groups(an hour ago)", 1, "",
              lambda: store.touched_groups(datetime.now(UTC) - timedelta(hours=1)))
        timed("records() full stream", n, "records", lambda: sum(1 for _ in store.records()))
        timed("records(topic='gender', since=2020-01-01)", 1, "",
              lambda: sum(1 for _ in store.records(topic="gender", since=date(2020, 1, 1))))
    timed("Store.open (quick_check) + close", 1, "", lambda: Store.open(data_dir).close())
    size = os.path.getsize(data_dir / FILENAME)
    print(f"{'file size':<44} {size / 1e6:>15,.1f} MB   ({size / n:,.0f} bytes/record)")


if __name__ == "__main__":
    main()
