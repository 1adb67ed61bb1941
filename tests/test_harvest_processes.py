"""Harvests as separate processes: killed with SIGKILL mid-run, two at once, on a terminal.

The harvester runs as `python -m harvester` against a generated site served from this
test process, with a per-host delay so that it is still busy when the test acts.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from harvest_site import Hit, Site, SiteServer, run_cli, serve, write_config
from harvester.store import FILENAME, Store


def start_harvest(config: Path, **kwargs: object) -> subprocess.Popen[str]:
    """Start `python -m harvester --config CONFIG harvest` in a child process."""
    return subprocess.Popen(
        [sys.executable, "-m", "harvester", "--config", str(config), "harvest"],
        cwd=config.parent, text=True, **kwargs)  # type: ignore[call-overload]


def wait_for(server: SiteServer, test: Callable[[list[Hit]], bool], timeout: float = 30) -> None:
    """Wait until the server's request log passes `test`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with server.lock:
            hits = list(server.hits)
        if test(hits):
            return
        time.sleep(0.02)
    raise AssertionError(f"the harvester did not get there in {timeout} s")


def pages_stored(hits: list[Hit]) -> int:
    """Return how many publication pages were answered in full."""
    return sum(1 for h in hits if h.path.startswith("/publications/2") and h.status == 200)


def snapshot(data_dir: Path) -> dict[str, dict]:
    """Return every stored record as JSON by URL."""
    with Store.open(data_dir, create=False) as store:
        return {r.url: r.to_dict() for r in store.records()}


def test_sigkill_mid_harvest_loses_nothing_and_the_rerun_completes(tmp_path: Path) -> None:
    site = Site(size=26)
    with serve(site) as server:
        config = write_config(tmp_path, site, delay=0.05)
        code, _, err = run_cli("--config", str(config), "harvest", "--limit", "5")
        assert code == 0, err  # published: out/ exists and holds five records
        server.take()
        child = start_harvest(config, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(server, lambda hits: pages_stored(hits) >= 10)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
        data = tmp_path / "data"
        with sqlite3.connect(data / FILENAME) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = snapshot(data)
        assert 10 <= len(before) < len(site.expected())
        server.take()
        code, out, err = run_cli("--config", str(config), "harvest")
        rerun = server.take()
    assert code == 0, err
    after = snapshot(data)
    assert set(after) == {site.url(p.path) for p in site.expected()}
    assert all(after[url] == record for url, record in before.items()), "nothing was lost"
    refetched = [h for h in rerun if site.url(h.path) in before]
    assert refetched and all(h.conditional and h.status == 304 for h in refetched)
    files = {p.stem for p in (tmp_path / "out" / "records").glob("*.json")}
    assert files == {r["id"] for r in after.values()}, "the killed run's records were published"
    lines = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(after)


def test_second_harvest_of_a_busy_source_is_refused_clearly(tmp_path: Path) -> None:
    site = Site(size=12, per_page=6, listed_pages=2)
    with serve(site) as server:
        config = write_config(tmp_path, site, delay=0.1)
        first = start_harvest(config, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            wait_for(server, lambda hits: pages_stored(hits) >= 1)
            code, out, err = run_cli("--config", str(config), "harvest")
            first_out, first_err = first.communicate(timeout=60)
        finally:
            first.kill()
    assert code == 1
    assert (f"institute: could not be harvested: source 'institute' is already being "
            f"harvested by another process (pid {first.pid})") in out
    assert "Feeds: not rebuilt (no source was harvested)" in out
    assert "Traceback" not in err
    assert first.returncode == 0, first_err
    assert len(snapshot(tmp_path / "data")) == len(site.expected())
    with Store.open(tmp_path / "data", create=False) as store:
        runs = store.runs("institute")
    assert len(runs) == 1 and runs[0].complete, "the refused harvest recorded no run"


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    site = Site(size=6, per_page=3, listed_pages=2)
    with serve(site):
        config = write_config(tmp_path, site)
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        child = start_harvest(config, stdout=subprocess.PIPE, stderr=follower)
        os.close(follower)
        shown = _read_all(leader)
        out, _ = child.communicate(timeout=60)
    assert child.returncode == 0
    assert "institute: " in shown and "page/s" in shown, shown
    assert "pages so far" not in shown, "no plain log lines on a terminal"
    assert out.lstrip().startswith("source")


def _read_all(fd: int) -> str:
    """Read a pty until the other side closes it."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_harvest_exits_cleanly(tmp_path: Path, signum: int) -> None:
    site = Site(size=12, per_page=6, listed_pages=2)
    with serve(site) as server:
        config = write_config(tmp_path, site, delay=0.1)
        child = start_harvest(config, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            wait_for(server, lambda hits: pages_stored(hits) >= 2)
            child.send_signal(signum)
            out, err = child.communicate(timeout=30)
        finally:
            child.kill()
    assert child.returncode == 128 + signum, err
    assert "Traceback" not in err and "interrupted" in err
    assert out.lstrip().startswith("source"), "the summary of what was done is printed"
    stored = snapshot(tmp_path / "data")
    assert 2 <= len(stored) < len(site.expected()), "stopped after the pages in flight"
    with Store.open(tmp_path / "data", create=False) as store:
        run = store.last_run("institute")
    assert run is not None and run.finished is not None and not run.complete
    files = {p.stem for p in (tmp_path / "out" / "records").glob("*.json")}
    assert files == {r["id"] for r in stored.values()}, "what was stored is published"
