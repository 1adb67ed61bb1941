"""`pubharvest run` for real: subprocesses harvesting local sites on a schedule, signals,
restarts, `--once`, and the JSON log lines."""

from __future__ import annotations

import html
import http.client
import json
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest

from harvester import cli, service
from harvester.demo import serve_site
from harvester.errors import HarvestError
from harvester.pipeline import UNPUBLISHED_KEY
from harvester.store import FILENAME, Store

TOPIC_FEED = "/feeds/topics/peace-processes/rss.xml"
PUBLICATIONS = [
    ("Ceasefire Talks Resume in the North", "2024-03-02", "Peace Processes"),
    ("Water Scarcity and Local Conflict", "2024-02-10", "Climate Security"),
]
# Its page says "Ceasefires": the vocabulary files it under the Peace Processes feed.
LATER = ("Local Truces That Last", "2024-04-09", "Ceasefires")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Sample Institute</title>
<link rel="canonical" href="{{{{BASE_URL}}}}/publications/{path}">
<meta name="description" content="{summary}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{day}T09:00:00+00:00">
<meta property="article:section" content="Analysis">
<meta property="article:tag" content="{topic}">
<meta name="citation_author" content="Jane Doe">
</head><body><main><article>
<h1>{title}</h1>
<p>By: Jane Doe</p>
<p><time datetime="{day}">{day}</time></p>
<div class="summary"><p>{summary}</p></div>
</article></main></body></html>
"""
LISTING = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Publications | Sample Institute</title></head>
<body><main><h1>Publications</h1><ul>{items}</ul></main></body></html>
"""


def write_site(root: Path, publications: list[tuple[str, str, str]]) -> None:
    """Write a small site for `serve_site`: a listing and one page per publication."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "_home.html").write_text('<a href="/publications">Publications</a>', "utf-8")
    items = []
    for title, day, topic in sorted(publications, key=lambda p: p[1], reverse=True):
        path = f"{day[:4]}/{day[5:7]}/{re.sub(r'[^a-z0-9]+', '-', title.lower())}"
        page = root / "publications" / f"{path}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=html.escape(title), path=path, day=day,
                                    topic=html.escape(topic),
                                    summary=f"What {title.lower()} means for {topic}."), "utf-8")
        items.append(f'<li><h3><a href="/publications/{path}">{html.escape(title)}</a></h3>'
                     f"<p>{day}</p></li>")
    # Written last and renamed, so a harvest never reads a listing naming a missing page.
    temp = root / "publications.html.new"
    temp.write_text(LISTING.format(items="".join(items)), "utf-8")
    temp.replace(root / "publications.html")


def write_config(folder: Path, sources: dict[str, str], schedule: str,
                 source_schedules: dict[str, str] | None = None) -> Path:
    """Write a configuration for local sites: name -> start URL, without retries (and a
    timeout long enough for a loaded machine: a page that times out is a failed page)."""
    lines = ["[settings]", 'data_dir = "data"', 'out_dir = "out"', "delay = 0", "timeout = 30",
             "retries = 0", f'schedule = "{schedule}"', ""]
    for name, url in sources.items():
        lines += ["[[sources]]", f'name = "{name}"', f'start_urls = ["{url}"]',
                  r"link_pattern = '/publications/\d{4}/\d{2}/[^/?#]+$'"]
        if name in (source_schedules or {}):
            lines.append(f'schedule = "{source_schedules[name]}"')  # type: ignore[index]
        lines.append("")
    path = folder / "sources.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def closed_port() -> int:
    """Return a loopback port nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90.0,
             proc: Service | None = None) -> None:
    """Poll until the condition holds; fail with what was awaited (and the log) if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if proc is not None and proc.popen.poll() is not None:
            break
        time.sleep(0.1)
    tail = proc.stderr()[-3000:] if proc else ""
    pytest.fail(f"timed out waiting for {what}\n{tail}")


class Service:
    """A `pubharvest` subprocess with its output in files (pipes could fill and block it)."""

    def __init__(self, folder: Path, config: Path, *args: str) -> None:
        """Start `python -m harvester --config CONFIG --log-format json ARGS` in folder."""
        self.folder = folder
        self._out = (folder / "stdout.txt").open("w+b")
        self._err = (folder / "stderr.txt").open("w+b")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "harvester", "--config", str(config), "--log-format", "json",
             *args], cwd=folder, stdout=self._out, stderr=self._err)

    def stdout(self) -> str:
        """Return what the process printed so far."""
        return (self.folder / "stdout.txt").read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        """Return the process's log so far."""
        return (self.folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")

    def log(self) -> list[dict]:
        """Return the complete log lines so far, each parsed as JSON (all must parse)."""
        complete = self.stderr().rpartition("\n")[0]
        return [json.loads(line) for line in complete.splitlines() if line]

    def finished(self, source: str) -> list[dict]:
        """Return the 'harvest finished' log lines of a source."""
        return [line for line in self.log()
                if line.get("source") == source and "harvest finished" in line["message"]]

    def stop(self, *signals: signal.Signals, timeout: float = 60.0) -> int:
        """Send signals in order (a moment apart) and return the exit code."""
        for sig in signals:
            self.popen.send_signal(sig)
            time.sleep(0.2)
        try:
            return self.popen.wait(timeout)
        finally:
            self.close()

    def close(self) -> None:
        """Kill the process if still running and close the output files."""
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(10)
        self._out.close()
        self._err.close()


def get(base: str, path: str, headers: dict[str, str] | None = None
        ) -> tuple[int, dict[str, str], bytes]:
    """Fetch a path from a server and return status, headers and body."""
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def feed_titles(base: str, path: str) -> list[str]:
    """Return the entry titles of a served feed ([] while it does not exist)."""
    status, _, body = get(base, path)
    return [e.title for e in feedparser.parse(body).entries] if status == 200 else []


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """Serve a two-publication site; yield its folder and its listing URL."""
    root = tmp_path / "site"
    write_site(root, PUBLICATIONS)
    with serve_site(root) as served:
        yield root, served.url("/publications")


# -- the scheduler in a subprocess -------------------------------------------------------------


def test_run_harvests_on_schedule_serves_updates_and_restarts_calmly(
        tmp_path: Path, site: tuple[Path, str]) -> None:
    root, listing = site
    broken = f"http://127.0.0.1:{closed_port()}/publications"
    config = write_config(tmp_path, {"sample": listing, "broken": broken}, "2s")
    proc = Service(tmp_path, config, "run", "--serve", "--port", "0")
    try:
        wait_for(lambda: "Serving" in proc.stdout(), "the server's address", proc=proc)
        base = re.search(r"on (http://[\d.]+:\d+)/", proc.stdout()).group(1)
        wait_for(lambda: feed_titles(base, TOPIC_FEED) == [PUBLICATIONS[0][0]],
                 "the topic feed after the first harvest", proc=proc)
        wait_for(lambda: len(proc.finished("sample")) >= 2, "a second harvest", proc=proc)
        _check_served_feed(base)

        write_site(root, [*PUBLICATIONS, LATER])
        wait_for(lambda: feed_titles(base, TOPIC_FEED) == [LATER[0], PUBLICATIONS[0][0]],
                 "the new publication in the topic feed", proc=proc)
        wait_for(lambda: len(proc.finished("broken")) >= 2, "the broken source retried",
                 proc=proc)
        assert proc.stop(signal.SIGTERM) == 0
    finally:
        proc.close()

    log = proc.log()
    assert log[-1]["message"] == "stopped"
    assert all(line["error"] is None for line in proc.finished("sample"))
    assert "nothing could be harvested" in proc.finished("broken")[0]["error"]
    first = proc.finished("sample")[0]
    assert first["counts"]["new"] == 2 and first["seconds"] >= 0
    with Store.open(tmp_path / "data") as store:
        assert store.count("sample") == 3
        assert store.runs("broken")[0].error
        last_sample_start = store.source_state("sample").last_started
    assert last_sample_start is not None
    _check_restart(tmp_path, listing, last_sample_start)


def _check_served_feed(base: str) -> None:
    """The running process serves its feeds with validators, types and caching."""
    status, headers, _ = get(base, TOPIC_FEED)
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    assert headers["Cache-Control"] == "public, max-age=60"  # half of 2 s, at least a minute
    again = get(base, TOPIC_FEED, {"If-None-Match": headers["ETag"]})
    assert again[0] in (200, 304)  # 200 only if a harvest rewrote the feed in between
    assert get(base, "/../data/" + FILENAME)[0] == 404


def _check_restart(folder: Path, listing: str, last_start: datetime) -> None:
    """Restarted with an hourly schedule, the recently harvested source waits its turn
    while a newly added source is harvested at once."""
    other_root = folder / "other-site"
    write_site(other_root, [("Mediation After the Coups", "2024-05-22", "Peace Processes")])
    with serve_site(other_root) as other:
        config = write_config(folder, {"sample": listing, "newcomer":
                                       other.url("/publications")}, "1h")
        proc = Service(folder, config, "run")
        try:
            wait_for(lambda: proc.finished("newcomer"), "the new source's harvest", proc=proc)
            newcomer = proc.finished("newcomer")[0]
            assert newcomer["error"] is None and newcomer["counts"]["new"] == 1, newcomer
            time.sleep(1.0)  # room for a wrongly scheduled run of `sample` to start
            assert not proc.finished("sample")
            assert not [line for line in proc.log() if line.get("source") == "sample"]
            assert proc.stop(signal.SIGINT) == 0
        finally:
            proc.close()
    table = subprocess.run([sys.executable, "-m", "harvester", "--config", str(config),
                            "sources"], cwd=folder, capture_output=True, text=True, timeout=60)
    row = table_row(table.stdout, "sample")
    due = last_start + timedelta(hours=1)
    assert row["next run"] == due.strftime("%Y-%m-%d %H:%M UTC")
    assert row["records"] == "3" and row["schedule"] == "1h"
    assert table_row(table.stdout, "newcomer")["records"] == "1"


def table_row(table: str, source: str) -> dict[str, str]:
    """Return one source's row of the `pubharvest sources` table by column header."""
    header, _, *lines = table.splitlines()
    starts = [m.start() for m in re.finditer(r"(?<!\S)\S(?:\S| (?! ))*", header)]
    names = [header[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
    line = next(line for line in lines if line.split(" ", 1)[0] == source)
    cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
    return dict(zip(names, cells, strict=True))


# -- signals during a slow harvest ---------------------------------------------------------------


class SlowSite(ThreadingHTTPServer):
    """A generated site whose publication pages take `delay` seconds each; logs what it sent."""

    daemon_threads = True

    def __init__(self, root: Path, delay: float) -> None:
        """Bind to a free loopback port."""
        self.root, self.delay = root, delay
        self.asked: list[str] = []
        self.sent: list[str] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _SlowHandler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when the harvester hangs up (it is killed on purpose)."""

    def pages_sent(self) -> int:
        """Return how many publication pages were answered in full."""
        with self.lock:
            return sum(1 for path in self.sent if path.startswith("/publications/"))

    def in_flight(self, after: int) -> bool:
        """Tell whether `after` pages were answered and the next one is being asked for."""
        with self.lock:
            asked = sum(1 for path in self.asked if path.startswith("/publications/"))
        sent = self.pages_sent()
        return sent >= after and asked > sent


class _SlowHandler(BaseHTTPRequestHandler):
    """GET from the site folder; publication pages after a delay."""

    server: SlowSite

    def do_GET(self) -> None:  # noqa: N802
        """Answer with the page (or 404) and note it as sent once written."""
        path = self.path.split("?")[0]
        with self.server.lock:
            self.server.asked.append(path)
        file = self.server.root / (path.strip("/") + ".html")
        if path.startswith("/publications/"):
            time.sleep(self.server.delay)
        found = file.is_file() and path != "/"
        body = file.read_bytes().replace(b"{{BASE_URL}}", self.server.base.encode()) \
            if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with self.server.lock:
            self.server.sent.append(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Stay quiet."""


@pytest.fixture()
def slow_site(tmp_path: Path) -> Iterator[SlowSite]:
    """Serve twenty publications that take a second each."""
    root = tmp_path / "slow"
    write_site(root, [(f"Report Number {i}", f"2024-01-{i:02d}", "Peace Processes")
                      for i in range(1, 21)])
    server = SlowSite(root, delay=1.0)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_sigterm_finishes_the_current_page_commits_and_exits_0(
        tmp_path: Path, slow_site: SlowSite) -> None:
    config = write_config(tmp_path, {"slow": slow_site.base + "/publications"}, "1h")
    proc = Service(tmp_path, config, "run")
    try:
        wait_for(lambda: slow_site.in_flight(after=1), "a second page on its way", proc=proc)
        with pytest.raises(HarvestError, match=r"another `pubharvest run` \(pid \d+\)"):
            run_once(config)  # a cron job beside the service stays off its store
        wait_for(lambda: slow_site.in_flight(after=2), "a third page on its way", proc=proc)
        assert proc.stop(signal.SIGTERM) == 0
    finally:
        proc.close()
    sent = slow_site.pages_sent()
    assert sent < 20
    with Store.open(tmp_path / "data") as store:
        run = store.runs("slow")[0]
        assert run.finished is not None and not run.complete and run.error is None
        # Every page the site answered was stored, the one in flight at the signal too.
        assert store.count("slow") == sent == run.counts["new"]
        assert not store.get_meta(UNPUBLISHED_KEY + "slow")  # and it was published
    assert (tmp_path / "out" / "feeds" / "topics" / "peace-processes" / "rss.xml").is_file()


def test_second_signal_exits_at_once_leaving_a_consistent_store(
        tmp_path: Path, slow_site: SlowSite) -> None:
    slow_site.delay = 3.0
    config = write_config(tmp_path, {"slow": slow_site.base + "/publications"}, "1h")
    proc = Service(tmp_path, config, "run")
    try:
        wait_for(lambda: slow_site.in_flight(after=1), "a second page on its way", proc=proc)
        assert proc.stop(signal.SIGTERM, signal.SIGINT) == 128 + signal.SIGINT
    finally:
        proc.close()
    assert "second signal" in proc.stderr()
    with sqlite3.connect(tmp_path / "data" / FILENAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Store.open(tmp_path / "data") as store:
        assert store.runs("slow")[0].finished is None  # it did not wait to finish the run
        assert 1 <= store.count("slow") <= slow_site.pages_sent()
        assert all(record.title for record in store.records(source="slow"))


# -- --once, in process ---------------------------------------------------------------------------


def run_once(config: Path) -> int:
    """Run `pubharvest --config CONFIG run --once` in this process; return its exit code."""
    args = cli.build_parser().parse_args(["--config", str(config), "run", "--once"])
    return service.run(args)


def test_once_harvests_due_sources_and_skips_the_rest(
        tmp_path: Path, site: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, {"sample": site[1]}, "6h")
    assert run_once(config) == 0
    with Store.open(tmp_path / "data") as store:
        assert store.count("sample") == 2
        state = store.source_state("sample")
        assert state.next_run == state.last_started + timedelta(hours=6)
        assert not store.get_meta(UNPUBLISHED_KEY + "sample")
    assert (tmp_path / "out" / TOPIC_FEED.lstrip("/")).is_file()

    capsys.readouterr()
    assert run_once(config) == 0
    assert "sample: not due until" in capsys.readouterr().out
    with Store.open(tmp_path / "data") as store:
        assert len(store.runs("sample")) == 1


def test_once_a_failing_source_does_not_stop_the_others(
        tmp_path: Path, site: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    broken = f"http://127.0.0.1:{closed_port()}/publications"
    config = write_config(tmp_path, {"broken": broken, "sample": site[1]}, "6h")
    assert run_once(config) == 1
    out = capsys.readouterr().out
    assert "broken: could not be harvested" in out
    with Store.open(tmp_path / "data") as store:
        assert store.count("sample") == 2
        assert "nothing could be harvested" in store.runs("broken")[0].error
        assert store.runs("sample")[0].error is None


def test_once_does_not_serve(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"sample": "http://127.0.0.1:9/publications"}, "6h")
    args = cli.build_parser().parse_args(["--config", str(config), "run", "--once", "--serve"])
    with pytest.raises(HarvestError, match="--serve needs the scheduler"):
        service.run(args)


def test_run_serve_on_a_busy_port_is_a_one_line_error(
        tmp_path: Path, site: tuple[Path, str]) -> None:
    config = write_config(tmp_path, {"sample": site[1]}, "6h")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        args = cli.build_parser().parse_args(
            ["--config", str(config), "run", "--serve", "--port", str(port)])
        with pytest.raises(HarvestError, match=f"cannot listen on 127.0.0.1:{port}"):
            service.run(args)
    assert not any_run_recorded(tmp_path)


def any_run_recorded(folder: Path) -> bool:
    """Tell whether a harvest started (a run was recorded in the folder's store)."""
    with Store.open(folder / "data") as store:
        return bool(store.runs())
