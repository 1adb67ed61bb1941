"""The test bed: a small site on the hostile server, a real harvest of it, and the checks.

`Site` serves a listing page whose cards link to two well-behaved publications (the
first and the last card) and to the hostile pages a test adds between them. `harvest`
runs `pubharvest harvest` on it (in this process, or as a child process when memory is
measured) and returns a `Run`. `verdict` applies the rules every case must keep: the
run finished, printed no traceback, stored the good pages, reported each failed page
with a one-line reason, lost nothing stored before, and left only whole, valid feeds.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from harvest_site import run_cli
from harvester.store import Store

from .server import HostileServer, Route, ok

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
ATOM = "{http://www.w3.org/2005/Atom}"
LISTING = "/publications"
GOOD = ("good-first", "good-last")
SOURCE = "hostile"
#: Settings of every hostile harvest: no politeness delay, one retry, short timeouts.
BASE_SETTINGS: dict[str, Any] = {"delay": 0.0, "retries": 0, "timeout": 2.0,
                                 "max_bytes": 2_000_000, "max_retry_after": 1.0}


def path_of(slug: str) -> str:
    """Return the path of a publication page on the site."""
    return f"/publications/2024/05/{slug}"


def article(title: str, *, authors: Iterable[str] = ("Amina Okafor", "Jonas Lindqvist"),
            summary: str = "What the evidence says about local mediation in the Sahel.",
            head: str = "", body: str = "", escape: bool = True) -> str:
    """Return a plausible publication page; `escape=False` puts the texts in raw."""
    e = html.escape if escape else (lambda text, quote=True: text)
    names = list(authors)
    metas = "".join(f'<meta name="citation_author" content="{e(n, quote=True)}">' for n in names)
    paragraphs = "".join(
        f"<p>{e(summary)} The report draws on two years of fieldwork in {place}, on "
        "interviews with mediators, officials and community leaders, and on a review of the "
        "programs donors funded since 2015.</p>" for place in ("Mali", "Niger", "Chad"))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(title)} | Hostile Institute</title>"
        f'<meta name="citation_title" content="{e(title, quote=True)}">{metas}'
        '<meta name="citation_publication_date" content="2024/05/14">'
        f'<meta name="description" content="{e(summary, quote=True)}">{head}</head><body>'
        '<header><nav><a href="/">Home</a> <a href="/publications">Publications</a></nav>'
        f'</header><main><article><h1>{e(title)}</h1><p class="byline">By '
        f'{" and ".join(e(n) for n in names)}</p><p class="date">May 14, 2024</p>'
        f'<div class="content">{paragraphs}{body}</div><p>Type: Report</p></article></main>'
        "<footer><p>© 2024 Hostile Institute</p></footer></body></html>")


def good_page(slug: str) -> bytes:
    """Return a well-behaved publication page."""
    number = GOOD.index(slug) + 1
    return article(f"Keeping Mediation Alive, Part {number}").encode("utf-8")


def listing(slugs: Iterable[str]) -> bytes:
    """Return the listing page: one card per publication, in the given order."""
    cards = "".join(
        f'<article class="card"><h3><a href="{path_of(slug)}">Publication {slug.replace("-", " ")}'
        f'</a></h3><p><time datetime="2024-05-14">May 14, 2024</time></p></article>'
        for slug in slugs)
    return ("<!DOCTYPE html><html><head><title>Publications | Hostile Institute</title></head>"
            f"<body><main><h1>Publications</h1><div class='results'>{cards}</div></main>"
            "</body></html>").encode()


class Site:
    """The hostile site: robots.txt, a listing, the good pages and the hostile ones."""

    def __init__(self, server: HostileServer) -> None:
        """Serve robots.txt (everything allowed), the listing and the good pages."""
        self.server = server
        self.hostile: list[str] = []
        server.routes["/robots.txt"] = ok(b"User-agent: *\nAllow: /\n", "text/plain")
        for slug in GOOD:
            server.routes[path_of(slug)] = ok(good_page(slug))
        self._relist()

    def add(self, slug: str, route: Route) -> str:
        """Serve a hostile publication page (listed between the good ones); return its URL."""
        self.hostile.append(slug)
        self.server.routes[path_of(slug)] = route
        self._relist()
        return self.url(slug)

    def route(self, path: str, route: Route) -> None:
        """Serve any other path (robots.txt, a redirect target, the listing itself)."""
        self.server.routes[path] = route

    def url(self, slug: str) -> str:
        """Return the absolute URL of a publication page."""
        return self.server.url(path_of(slug))

    def _relist(self) -> None:
        """Rebuild the listing page from the current pages."""
        order = [GOOD[0], *self.hostile, GOOD[1]]
        self.server.routes[LISTING] = ok(listing(order))


def write_config(folder: Path, site: Site, settings: dict[str, Any],
                 source: dict[str, Any]) -> Path:
    """Write a configuration harvesting the site; return its path."""
    values = {**BASE_SETTINGS, **settings}
    lines = ["[settings]", 'data_dir = "data"', 'out_dir = "out"']
    lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    options = {"use_sitemaps": False, "use_feeds": False, **source}
    lines += ["", "[[sources]]", f'name = "{SOURCE}"', 'title = "Hostile Institute"',
              f"start_urls = [{json.dumps(site.server.url(LISTING))}]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in options.items()]
    path = folder / "sources.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Run:
    """One `pubharvest` command: exit code, output, time, and (child runs) peak memory."""

    folder: Path
    code: int
    out: str
    err: str
    seconds: float
    rss_mb: float | None = None
    hung: bool = False

    @property
    def data_dir(self) -> Path:
        """Return the store's folder."""
        return self.folder / "data"

    @property
    def out_dir(self) -> Path:
        """Return the output folder."""
        return self.folder / "out"

    def failures(self) -> dict[str, str]:
        """Return the stored failure reason of each failed URL."""
        with Store.open(self.data_dir, create=False) as store:
            return {state.url: state.error or "" for state in store.failures()}

    def records(self) -> dict[str, dict[str, Any]]:
        """Return the stored records as JSON objects by URL."""
        return snapshot(self.data_dir)


def snapshot(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Return every stored record as JSON by URL (empty when there is no store)."""
    if not (data_dir / "pubharvest.sqlite3").exists():
        return {}
    with Store.open(data_dir, create=False) as store:
        return {r.url: r.to_dict() for r in store.records()}


def harvest(site: Site, folder: Path, *, child: bool = False, limit: float = 90.0,
            settings: dict[str, Any] | None = None, source: dict[str, Any] | None = None,
            args: Iterable[str] = ()) -> Run:
    """Run `pubharvest harvest` on the site with a fresh or existing config in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder, site, settings or {}, source or {})
    return command(folder, "--config", str(config), "harvest", "--no-progress", *args,
                   child=child, limit=limit)


def command(folder: Path, *argv: str, child: bool = False, limit: float = 90.0) -> Run:
    """Run `pubharvest ARGV` in this process, or as a child process (measuring its memory)."""
    start = time.monotonic()
    if not child:
        code, out, err = run_cli(*argv)
        return Run(folder, code, out, err, time.monotonic() - start)
    return _child(folder, list(argv), limit)


def _child(folder: Path, argv: list[str], limit: float) -> Run:
    """Run `python -m harvester ARGV`, kill it past `limit` seconds (a hang), track its memory.

    Peak memory is the child's VmHWM from /proc, read every 10 ms until it exits: the
    rusage of a child counts the parent's memory too (Linux keeps the high-water mark of
    the address space an exec replaces, and the child was forked from this big process).
    """
    out_path, err_path = folder / "child.out", folder / "child.err"
    start = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "harvester", *argv], cwd=folder,
                                stdout=out, stderr=err)
    peak, hung = 0, False
    while proc.poll() is None:
        peak = max(peak, peak_rss_kib(proc.pid))
        if time.monotonic() - start > limit:
            hung = True
            proc.kill()
            proc.wait()
        time.sleep(0.01)
    return Run(folder, proc.returncode, out_path.read_text("utf-8", "replace"),
               err_path.read_text("utf-8", "replace"), time.monotonic() - start,
               rss_mb=round(peak / 1024, 1), hung=hung)


def peak_rss_kib(pid: int) -> int:
    """Return a live process's peak resident memory (VmHWM) in KiB, or 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


# -- the checks every case keeps ----------------------------------------------------------


def invalid_outputs(out: Path) -> list[str]:
    """Return every output file that is not whole and valid (empty when all are)."""
    if not out.is_dir():
        return []
    atom = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    problems = []
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            problem = _check_file(path, atom)
        except (ValueError, etree.XMLSyntaxError, KeyError, TypeError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            problems.append(f"{path.relative_to(out)}: {problem}")
    return problems


def _check_file(path: Path, atom: etree.RelaxNG) -> str | None:
    """Return what is wrong with one output file, or None."""
    data = path.read_bytes()
    if path.name == "atom.xml":
        if not atom.validate(etree.fromstring(data).getroottree()):
            return f"not RFC 4287: {atom.error_log.last_error}"
    elif path.name == "rss.xml":
        channel = etree.fromstring(data).find("channel")
        if channel is None or channel.findtext("title") is None:
            return "no RSS channel title"
        if any(i.findtext("title") is None and i.findtext("description") is None
               for i in channel.iterfind("item")):
            return "an RSS item without title and description"
    elif path.name == "feed.json":
        feed = json.loads(data.decode("utf-8"))
        if feed["version"] != "https://jsonfeed.org/version/1.1" or not feed["title"]:
            return "not JSON Feed 1.1"
        if any(not isinstance(i["id"], str) for i in feed["items"]):
            return "a JSON Feed item without a string id"
    elif path.suffix in (".opml", ".xsl"):
        etree.fromstring(data)
    elif path.suffix == ".json":
        json.loads(data.decode("utf-8"))
    elif path.suffix == ".jsonl":
        for line in data.decode("utf-8").splitlines():
            json.loads(line)
    elif path.name == "index.html" and b"</html>" not in data:
        return "index.html is cut short"
    return None


def temp_files(out: Path) -> list[Path]:
    """Return the temporary files a killed writer left in the output folder."""
    return sorted(out.rglob(".pubharvest-*")) if out.is_dir() else []


def lost(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> int:
    """Return how many records stored before are gone or altered after."""
    return sum(1 for url, record in before.items() if after.get(url) != record)


@dataclass
class Case:
    """One hostile case as the reliability table shows it: what it does, what came of it."""

    group: str
    name: str = ""
    does: str = ""
    did: str = ""
    seconds: float | None = None
    rss_mb: float | None = None
    crashes: int = 0
    hangs: int = 0
    lost: int = 0
    invalid_feeds: int = 0
    notes: list[str] = field(default_factory=list)

    def describe(self, name: str, does: str) -> None:
        """Name the case and say what the hostile side does."""
        self.name, self.does = name, does

    def observe(self, run: Run, *, before: dict[str, dict[str, Any]] | None = None,
                expect_code: Iterable[int] = (0, 1)) -> None:
        """Count a run's time, memory, crashes, hangs, lost records and invalid feeds.

        A crash is a traceback, or an exit code the case does not expect; `before` is what
        the store held before the run (every record must still be there, unchanged).
        """
        self.seconds = round((self.seconds or 0.0) + run.seconds, 2)
        if run.rss_mb is not None:
            self.rss_mb = max(self.rss_mb or 0.0, run.rss_mb)
        if "Traceback" in run.err or run.code not in tuple(expect_code) and not run.hung:
            self.crashes += 1
            self.notes.append(f"exit {run.code}: {run.err.strip()[-300:]}")
        self.hangs += int(run.hung)
        if before is not None:
            self.lost += lost(before, run.records())
        self.invalid_feeds += len(invalid_outputs(run.out_dir))

    def properties(self) -> dict[str, Any]:
        """Return the case as user properties for the test report."""
        return {"group": self.group, "case": self.name, "does": self.does, "did": self.did,
                "seconds": self.seconds, "rss_mb": self.rss_mb, "crashes": self.crashes,
                "hangs": self.hangs, "lost": self.lost, "invalid_feeds": self.invalid_feeds}

    def assert_kept(self) -> None:
        """Fail unless the rules every case must keep were kept."""
        assert (self.crashes, self.hangs, self.lost, self.invalid_feeds) == (0, 0, 0, 0), (
            self.properties(), self.notes)


def one_line(reason: str) -> bool:
    """Tell whether a failure reason is one short line."""
    return bool(reason) and "\n" not in reason and len(reason) <= 300 \
        and "Traceback" not in reason


def check_page_run(case: Case, run: Run, site: Site) -> dict[str, str]:
    """Check a harvest of the site: finished, good pages stored, failures one line each.

    Returns the failure reasons by URL.
    """
    case.observe(run)
    case.assert_kept()
    records = run.records()
    for slug in GOOD:
        assert site.url(slug) in records, f"{slug} was not stored: {run.out} {run.err}"
    failures = run.failures()
    for url, reason in failures.items():
        assert one_line(reason), (url, reason)
        assert f"  {url}\n    {reason}\n" in run.out or len(failures) > 10, \
            f"{url} failed ({reason}) but the summary does not say so:\n{run.out}"
    return failures
