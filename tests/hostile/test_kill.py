"""SIGKILL at random points of a harvest and of a feed build, again and again.

After every kill: the SQLite file passes `PRAGMA integrity_check`, every record stored
before the kill is still there and unchanged, every file in the output folder is whole
and valid, and every link of the index page leads to a file on disk. A final uncut run
then completes the work: every publication stored, every record file and feed written.
Kill points are drawn from a seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

from harvest_site import Site as GeneratedSite
from harvest_site import serve, write_config
from harvester.record import Author, Record
from harvester.store import FILENAME, Store

from .bed import Case, command, invalid_outputs, lost, snapshot, temp_files
from .conftest import FULL

KILLS = 30 if FULL else 4
SEED = 20261124


def integrity(data_dir: Path) -> str:
    """Return SQLite's full integrity check of the store ("ok" when sound)."""
    with sqlite3.connect(data_dir / FILENAME) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]


def dangling_links(out: Path) -> list[str]:
    """Return the index page's links to output files that do not exist."""
    index = out / "index.html"
    if not index.exists():
        return []
    missing = []
    for href in html.fromstring(index.read_bytes()).xpath("//a/@href | //link/@href"):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        if not (out / unquote(parts.path)).exists():
            missing.append(href)
    return missing


class Killer:
    """Starts `python -m harvester ARGV` and SIGKILLs it at a random point of its run.

    The point is drawn between a quarter and all of the last uncut run's duration (an
    estimate until one finishes), so that most kills land mid-run as runs get shorter.
    """

    def __init__(self, seed: int, estimate: float) -> None:
        """Draw kill points from a seeded generator; `estimate` is a first run's duration."""
        self.rng = random.Random(seed)
        self.estimate = estimate
        self.landed = 0

    def run(self, argv: list[str], cwd: Path) -> None:
        """Run the command once, killing it unless it finishes before the drawn point."""
        after = self.rng.uniform(0.25, 1.0) * self.estimate
        start = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "harvester", *argv], cwd=cwd,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            child.wait(timeout=after)
            self.estimate = time.monotonic() - start
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
            self.landed += 1
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


def check_after_kill(case: Case, data_dir: Path, out: Path,
                     before: dict[str, dict]) -> dict[str, dict]:
    """Check the store and the output after a kill; return the records now stored."""
    assert integrity(data_dir) == "ok"
    after = snapshot(data_dir)
    case.lost += lost(before, after)
    problems = invalid_outputs(out)
    case.invalid_feeds += len(problems)
    assert problems == [], problems
    assert dangling_links(out) == []
    return after


def test_sigkill_during_harvests_loses_nothing(tmp_path: Path, case: Case) -> None:
    case.describe("SIGKILL during harvests", f"`pubharvest harvest` of a 40-page site "
                                             f"killed {KILLS} times at random points (seed "
                                             f"{SEED}); pages change between runs")
    rng = random.Random(SEED)
    killer = Killer(SEED, estimate=3.0)
    site = GeneratedSite(size=40, per_page=10, listed_pages=4)
    with serve(site):
        config = write_config(tmp_path, site, delay=0.03)
        argv = ["--config", str(config), "harvest", "--no-progress"]
        data, out = tmp_path / "data", tmp_path / "out"
        stored: dict[str, dict] = {}
        start = time.monotonic()
        for _ in range(KILLS):
            killer.run(argv, tmp_path)
            if (data / FILENAME).exists():
                stored = check_after_kill(case, data, out, stored)
            for i in rng.sample(range(site.size), 12):  # work for the next (warm) run
                site.revise(i, sitemap=True)
            # A revised page may legitimately change its record: forget those.
            stored = {url: r for url, r in stored.items()
                      if not any(url == site.url(p) for p in _revised(site))}
        run = command(tmp_path, *argv)
        case.observe(run, before=stored)
        case.seconds = round(time.monotonic() - start, 2)
    case.assert_kept()
    assert run.code == 0, run.err
    records = snapshot(data)
    assert set(records) == {site.url(p.path) for p in site.expected()}
    files = {p.stem for p in (out / "records").glob("*.json")}
    assert files == {r["id"] for r in records.values()}, "every record file is written"
    leftovers = temp_files(out)
    assert leftovers == [], leftovers
    assert killer.landed >= KILLS // 2, f"only {killer.landed} of {KILLS} kills landed"
    case.did = (f"{killer.landed} kills landed mid-run; after each the store was sound, nothing "
                f"committed was lost and every output file was whole; the final run stored "
                f"all {len(records)} publications and published them")


def _revised(site: GeneratedSite) -> list[str]:
    """Return the paths of the publications revised so far."""
    from harvest_site import publication

    return [publication(i).path for i in site.revisions]


TOPICS = ("Peace Processes", "Global Policy", "Youth", "Gender", "Climate & Security",
          "Human Rights", "Violent Extremism", "Reconciliation", "Democracy & Governance")
TYPES = ("Analysis", "Report", "Policy Brief", "Podcast")


def record(i: int, generation: int) -> Record:
    """Return record i as it reads in a given generation (titles and topics move on)."""
    day = date(2024, 1, 1) + timedelta(days=i)
    return Record(
        url=f"https://www.example.org/publications/{i}", source=("usip", "icg")[i % 2],
        title=f"Publication {i}, revision {generation}",
        authors=(Author(f"Author {i % 17}"),), published=day,
        type=TYPES[(i + generation) % len(TYPES)],
        topics=(TOPICS[(i + generation) % len(TOPICS)], TOPICS[(i * 3) % len(TOPICS)]),
        summary=f"<p>Summary of publication {i} in generation {generation}.</p>",
        language="en", first_seen=datetime(2024, 6, 1, tzinfo=timezone.utc))


def test_sigkill_during_feed_builds_leaves_whole_feeds(tmp_path: Path, case: Case) -> None:
    count = 400
    case.describe("SIGKILL during feed builds", f"`pubharvest feeds` over {count} records "
                                                f"killed {KILLS} times at random points "
                                                f"(seed {SEED}); records change between "
                                                "builds")
    rng = random.Random(SEED + 1)
    killer = Killer(SEED + 2, estimate=2.0)
    data, out = tmp_path / "data", tmp_path / "out"
    config = tmp_path / "sources.toml"
    config.write_text('[settings]\ndata_dir = "data"\nout_dir = "out"\n\n[[sources]]\n'
                      'name = "usip"\nstart_urls = ["https://www.example.org/"]\n\n'
                      '[[sources]]\nname = "icg"\nstart_urls = ["https://www.example.org/"]\n')
    with Store.open(data) as store:
        for i in range(count):
            store.upsert(record(i, 0))
    argv = ["--config", str(config), "feeds"]
    stored = snapshot(data)
    start = time.monotonic()
    for round_ in range(1, KILLS + 1):
        with Store.open(data) as store:
            for i in rng.sample(range(count), 60):
                store.upsert(record(i, round_))
        stored = snapshot(data)
        killer.run(argv, tmp_path)
        stored = check_after_kill(case, data, out, stored)
    run = command(tmp_path, *argv)
    case.observe(run, before=stored)
    case.seconds = round(time.monotonic() - start, 2)
    case.assert_kept()
    assert run.code == 0, run.err
    files = {p.stem for p in (out / "records").glob("*.json")}
    assert files == {r["id"] for r in stored.values()}
    assert len((out / "records.jsonl").read_text("utf-8").splitlines()) == count
    leftovers = temp_files(out)
    assert leftovers == [], leftovers
    assert killer.landed >= KILLS // 2, f"only {killer.landed} of {KILLS} kills landed"
    case.did = (f"{killer.landed} kills landed mid-build; after each every feed, record "
                f"file, index and OPML on disk was whole and valid and every index link "
                f"resolved; the final build wrote all {count} records")
