"""Local faults: a read-only data dir, a store locked by another process, a missing or
unwritable output folder, a corrupted SQLite file.

Each case first harvests the site cleanly (so there is something to lose), then breaks
one thing and runs `pubharvest` again: the command ends with one clear line naming the
file or folder, no traceback, and nothing stored before is lost or altered.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from harvester.store import FILENAME

from .bed import GOOD, Case, Run, Site, article, command, harvest, invalid_outputs, snapshot
from .server import ok

REPO = Path(__file__).resolve().parents[2]


def first_harvest(site: Site, folder: Path) -> dict[str, dict]:
    """Harvest the site once, cleanly; return what was stored."""
    run = harvest(site, folder)
    assert run.code == 0, run.err
    stored = snapshot(run.data_dir)
    assert set(stored) == {site.url(slug) for slug in GOOD}
    return stored


def digest(path: Path) -> str:
    """Return the SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_line(run: Run) -> str:
    """Return the one `pubharvest: error:` line of a run (failing if there is not one)."""
    lines = [line for line in run.err.splitlines() if line.startswith("pubharvest: error: ")]
    assert len(lines) == 1, run.err
    assert run.err.endswith(lines[0] + "\n"), f"the error is not one line:\n{run.err}"
    return lines[0]


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make a folder read-only for this process, even for root (immutable), then restore it."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    else:
        tool = shutil.which("chattr")
        if tool is None or subprocess.run([tool, "+i", str(folder)],
                                          capture_output=True).returncode != 0:
            pytest.skip("root cannot make a folder read-only here (no chattr +i)")
        undo = [tool, "-i", str(folder)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


def test_read_only_data_dir_is_one_clear_error(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("data dir read-only", "the data directory (holding the store) cannot be "
                                        "written")
    before = first_harvest(site, tmp_path)
    store = tmp_path / "data" / FILENAME
    was = digest(store)
    with read_only(tmp_path / "data"):
        run = harvest(site, tmp_path)
    case.observe(run, before=before, expect_code=(2,))
    case.assert_kept()
    line = error_line(run)
    assert line == (f"pubharvest: error: data directory {tmp_path / 'data'} is read-only; the "
                    "store needs to write there")
    assert digest(store) == was and run.code == 2
    case.did = f"exit 2 before any request: {line.removeprefix('pubharvest: error: ')}"


HOLD_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@contextmanager
def locked(store: Path, seconds: float) -> Iterator[None]:
    """Hold the store's write lock from another process for `seconds` (or until the end)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(store), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_store_locked_briefly_by_another_process_is_waited_for(site: Site, tmp_path: Path,
                                                               case: Case) -> None:
    case.describe("store locked for 1 s", "another process holds the store's write lock "
                                          "for a second as the harvest starts")
    before = first_harvest(site, tmp_path)
    site.add("new-one", ok(article("A New Publication on Mediation").encode()))
    with locked(tmp_path / "data" / FILENAME, 1.0):
        run = harvest(site, tmp_path)
    case.observe(run, before=before)
    case.assert_kept()
    assert run.code == 0 and site.url("new-one") in run.records()
    assert run.seconds >= 0.5
    case.did = f"waited for the lock, then harvested normally ({run.seconds:.1f} s)"


@pytest.mark.bench  # the busy timeout is 10 s; the brief lock above runs in CI
def test_store_locked_by_another_process_is_one_clear_error(site: Site, tmp_path: Path,
                                                            case: Case) -> None:
    case.describe("store locked for good", "another process holds the store's write lock "
                                           "through the whole harvest (busy timeout 10 s)")
    before = first_harvest(site, tmp_path)
    store = tmp_path / "data" / FILENAME
    with locked(store, 120):
        run = harvest(site, tmp_path)
    case.observe(run, before=before)
    case.assert_kept()
    message = f"store {store} is locked by another process (waited 10 s)"
    assert f"hostile: could not be harvested: {message}" in run.out
    assert run.code == 1 and "Traceback" not in run.err
    case.did = f"exit 1 after the busy timeout: {message}"


def test_missing_output_folder_is_created_whole(site: Site, tmp_path: Path,
                                                case: Case) -> None:
    case.describe("output folder missing", "the output folder was deleted between two "
                                           "harvests")
    before = first_harvest(site, tmp_path)
    shutil.rmtree(tmp_path / "out")
    run = harvest(site, tmp_path)
    case.observe(run, before=before)
    case.assert_kept()
    out = tmp_path / "out"
    files = {p.stem for p in (out / "records").glob("*.json")}
    assert files == {r["id"] for r in before.values()}
    assert (out / "index.html").is_file() and (out / "feeds/all/atom.xml").is_file()
    case.did = "recreated with every feed, the index and every record file"


@pytest.mark.parametrize("how", ["read-only", "a file"])
def test_unwritable_output_folder_is_one_clear_error(site: Site, tmp_path: Path, case: Case,
                                                     how: str) -> None:
    case.describe(f"output folder unwritable ({how})",
                  "the output folder is read-only" if how == "read-only" else
                  "the output folder's path is taken by a regular file")
    before = first_harvest(site, tmp_path)
    out = tmp_path / "out"
    site.add("new-one", ok(article("A New Publication on Mediation").encode()))
    if how == "a file":
        shutil.rmtree(out)
        out.write_text("not a folder\n")
        run = harvest(site, tmp_path)
    else:
        with read_only(out / "feeds" / "all"):
            run = harvest(site, tmp_path)
    case.observe(run, before=before, expect_code=(2,))
    case.assert_kept()
    line = error_line(run)
    assert str(out) in line and run.code == 2
    assert site.url("new-one") in run.records(), "the harvest itself was stored"
    if how == "a file":
        out.unlink()
    again = harvest(site, tmp_path)
    assert again.code == 0, again.err
    files = {p.stem for p in (out / "records").glob("*.json")}
    assert files == {r["id"] for r in again.records().values()}, "caught up on the next run"
    assert invalid_outputs(out) == []
    case.did = f"records stored, exit 2: {line.removeprefix('pubharvest: error: ')}; the " \
               "next run publishes everything"


def corrupt(store: Path) -> None:
    """Overwrite a page in the middle of an SQLite file with garbage."""
    data = bytearray(store.read_bytes())
    page = len(data) // 4096 // 2 * 4096
    data[page:page + 4096] = b"\xa5" * 4096
    store.write_bytes(bytes(data))


@pytest.mark.parametrize("subcommand", ["harvest", "feeds", "export"])
def test_corrupted_store_is_refused_and_left_untouched(site: Site, tmp_path: Path,
                                                       case: Case, subcommand: str) -> None:
    case.describe(f"corrupted SQLite file ({subcommand})",
                  f"a 4 KiB page in the middle of the store is garbage; `pubharvest "
                  f"{subcommand}` runs on it")
    for i in range(60):  # a store of several pages, so that the middle one holds records
        site.add(f"filler-{i}", ok(article(f"Filler Publication Number {i}").encode()))
    harvest(site, tmp_path)
    store = tmp_path / "data" / FILENAME
    corrupt(store)
    was = digest(store)
    outputs = {p: digest(p) for p in (tmp_path / "out").rglob("*") if p.is_file()}
    config = str(tmp_path / "sources.toml")
    run = harvest(site, tmp_path) if subcommand == "harvest" else \
        command(tmp_path, "--config", config, subcommand)
    case.observe(run, expect_code=(2,))
    case.assert_kept()
    line = error_line(run)
    assert line.startswith(f"pubharvest: error: store {store} is corrupted (")
    assert digest(store) == was, "the file was left untouched"
    assert {p: digest(p) for p in outputs} == outputs, "the published files too"
    case.did = f"exit 2, file and output untouched: {line.removeprefix('pubharvest: error: ')}"


def test_wait_for_lock_helper_really_locks(tmp_path: Path) -> None:
    import sqlite3

    store = tmp_path / "x.sqlite3"
    sqlite3.connect(store).execute("CREATE TABLE t (x)").connection.close()
    with locked(store, 30):
        conn = sqlite3.connect(store, timeout=0.1, isolation_level=None)
        start = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            conn.execute("BEGIN IMMEDIATE")
        conn.close()
    assert time.monotonic() - start < 5
