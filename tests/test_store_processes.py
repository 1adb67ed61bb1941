"""The store across processes and failures: source locks, SIGKILL, concurrent writers, bad files."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from harvester.errors import StoreError
from harvester.record import Record
from harvester.store import FILENAME, Store

REPO = Path(__file__).resolve().parents[1]

HOLD_LOCK = """
import sys, time
from pathlib import Path
from harvester.store import Store
store = Store.open(Path(sys.argv[1]))
with store.lock_source(sys.argv[2]):
    print("locked", flush=True)
    time.sleep(60)
"""

WRITE_LOOP = """
import sys
from datetime import date
from pathlib import Path
from harvester.record import Record
from harvester.store import FetchState, Store
store = Store.open(Path(sys.argv[1]))
prefix, stop = sys.argv[2], int(sys.argv[3])
n = 0
while n != stop:
    url = f"https://www.example.org/{prefix}/{n}"
    record = Record(url=url, source="usip", title=f"Publication {n}", summary="s" * (n % 500),
                    topics=(f"Topic {n % 7}",), published=date(2024, 1, 1 + n % 28))
    store.save_page(FetchState(url=url, source="usip", status=200), record)
    if n % 3 == 0:
        store.upsert(record.with_changes(title=f"Changed {n}", topics=(f"Topic {n % 5}",)))
    print(n, flush=True)
    n += 1
"""


def python(script: str, *args: object) -> subprocess.Popen[str]:
    """Start a Python child process running `script` with string arguments."""
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)


def integrity(path: Path) -> str:
    """Return SQLite's full integrity check of a database file ("ok" when sound)."""
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]


def test_source_lock_held_by_another_process(tmp_path):
    holder = python(HOLD_LOCK, tmp_path, "usip")
    try:
        assert holder.stdout.readline() == "locked\n"
        with Store.open(tmp_path) as store:
            message = f"source 'usip' is already being harvested by another process " \
                      f"\\(pid {holder.pid}\\)"
            with pytest.raises(StoreError, match=message):
                with store.lock_source("usip"):
                    pass
            with store.lock_source("crisisgroup"):
                pass
            holder.kill()
            holder.wait()
            with store.lock_source("usip"):
                pass
    finally:
        holder.kill()
        holder.wait()


def _write_until_killed(data_dir: Path, prefix: str, lines: int) -> list[int]:
    """Run the write loop, SIGKILL it after `lines` commits; return every commit it reported."""
    writer = python(WRITE_LOOP, data_dir, prefix, -1)
    committed = [int(writer.stdout.readline()) for _ in range(lines)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    return committed + [int(line) for line in writer.stdout.read().split()]


def test_sigkill_during_writes_loses_nothing_committed(tmp_path):
    # Several kills, each landing at another point of the loop, the later ones on a reopened file.
    committed = {prefix: _write_until_killed(tmp_path, prefix, lines)
                 for prefix, lines in (("p", 300), ("q", 77), ("r", 151))}
    assert integrity(tmp_path / FILENAME) == "ok"
    with Store.open(tmp_path) as store:
        for prefix, numbers in committed.items():
            for n in numbers:
                url = f"https://www.example.org/{prefix}/{n}"
                title = f"Changed {n}" if n % 3 == 0 else f"Publication {n}"
                assert store.get(url).title == title
                assert store.fetch_state(url).record_url == url
        # The only extra writes a kill may leave are those whose line was never printed.
        reported = sum(map(len, committed.values()))
        assert 0 <= store.count() - reported <= len(committed)
        assert {g.key: g.count for g in store.feed_groups()}[("all", "all")] == store.count()
    with sqlite3.connect(tmp_path / FILENAME) as raw:  # no half-written page anywhere
        orphans = raw.execute("SELECT count(*) FROM fetch_state WHERE record_url IS NULL"
                              " OR record_url NOT IN (SELECT url FROM records)").fetchone()[0]
    assert orphans == 0


def test_two_processes_write_one_new_store_at_once(tmp_path):
    writers = [python(WRITE_LOOP, tmp_path, prefix, 150) for prefix in ("a", "b")]
    for writer in writers:
        writer.communicate()
    assert [w.returncode for w in writers] == [0, 0]
    with Store.open(tmp_path) as store:
        assert store.count() == 300
    assert integrity(tmp_path / FILENAME) == "ok"


def test_write_locked_beyond_the_busy_timeout(tmp_path):
    record = Record(url="https://www.example.org/a", source="usip", published=date(2024, 1, 2))
    with Store.open(tmp_path, timeout=0.2) as store:
        raw = sqlite3.connect(store.path, isolation_level=None)
        raw.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=rf"store {store.path} is locked by another "
                                                 r"process \(waited 0.2 s\)"):
                store.upsert(record)
            assert store.count() == 0  # readers are not blocked by a writer (WAL)
            with Store.open(tmp_path, timeout=0.2) as reader:  # nor is opening a current store
                assert reader.runs() == []
        finally:
            raw.execute("ROLLBACK")
            raw.close()
        assert store.upsert(record) == "new"


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    garbage = tmp_path / FILENAME
    garbage.write_bytes(b"This is not a database, but somebody's notes.\n" * 200)
    before = garbage.read_bytes(), garbage.stat().st_mtime_ns
    for create in (True, False):
        with pytest.raises(StoreError, match=f"store {garbage} is not a pubharvest database"
                                             r" or is corrupted \(file is not a database\)"):
            Store.open(tmp_path, create=create)
    assert (garbage.read_bytes(), garbage.stat().st_mtime_ns) == before


def test_corrupted_database_is_refused_and_left_untouched(tmp_path):
    with Store.open(tmp_path) as store:
        for n in range(300):
            store.upsert(Record(url=f"https://www.example.org/{n}", title="t" * 300))
    path = tmp_path / FILENAME
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 // 2 * 4096  # a page in the middle of the file
    data[page:page + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=f"store {path} .*corrupt"):
        Store.open(tmp_path)
    assert path.read_bytes() == bytes(data)


def _open_unprivileged(data_dir: Path) -> str:
    """Open the store as a user who cannot write the folder; return the error or "opened"."""
    if os.geteuid() != 0:
        try:
            Store.open(data_dir).close()
        except StoreError as exc:
            return str(exc)
        return "opened"
    # Root writes anywhere, so the child drops to nobody (everything it needs is imported).
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(reader)
        try:
            os.setgid(65534)
            os.setuid(65534)
            Store.open(data_dir).close()
            result = "opened"
        except StoreError as exc:
            result = str(exc)
        except BaseException as exc:
            result = f"unexpected {type(exc).__name__}: {exc}"
        os.write(writer, result.encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        result = pipe.read()
    os.waitpid(pid, 0)
    return result


@pytest.mark.parametrize("existing", [False, True])
def test_read_only_data_dir_gives_a_clear_error(existing):
    # Not tmp_path: its parents are private to the test user, and the check may run as nobody.
    base = Path(tempfile.mkdtemp(prefix="pubharvest-ro-"))
    try:
        base.chmod(0o755)
        data_dir = base / "data"
        if existing:
            Store.open(data_dir).close()
        else:
            data_dir.mkdir()
        data_dir.chmod(0o555)
        message = _open_unprivileged(data_dir)
        assert message == f"data directory {data_dir} is read-only; the store needs to write there"
        assert (data_dir / FILENAME).exists() == existing
    finally:
        (base / "data").chmod(0o755)
        shutil.rmtree(base)
