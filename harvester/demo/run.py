"""`pubharvest demo`: serve the sample site, harvest it with the real pipeline, publish."""

from __future__ import annotations

import contextlib
import errno
from dataclasses import dataclass
from pathlib import Path

from .. import config as config_module
from ..config import Config, Settings, Source
from ..fetch import Fetcher
from ..outcomes import SourceReport
from ..pipeline import Progress, run_source
from ..publish import PublishReport, publish
from ..store import Store
from .server import DemoSite, serve_site

SOURCE_NAME = "sample-institute"
SOURCE_TITLE = "Institute for Peace Studies (sample)"
PORT_FILE = "demo-port"
#: Polite but quick: the sample site is on this machine.
DEMO_DELAY = 0.02


@dataclass
class DemoResult:
    """What a demo run did and where its results are."""

    site_url: str
    report: SourceReport
    published: PublishReport | None
    requests: int
    bytes: int
    config: Config


def demo_config(base_url: str, data_dir: Path, out_dir: Path,
                publish_url: str | None = None) -> Config:
    """Return the configuration of one source: the served sample site, start URL only."""
    shipped = config_module.load(config_module.shipped_config_dir() / config_module.CONFIG_NAME,
                                 data_dir=data_dir, out_dir=out_dir)
    settings = Settings(data_dir=data_dir, out_dir=out_dir, delay=DEMO_DELAY, timeout=10.0,
                        schedule="6h", site_title="pubharvest demo", base_url=publish_url)
    source = Source(name=SOURCE_NAME, title=SOURCE_TITLE,
                    start_urls=(base_url + "/publications",),
                    allowed_domains=(base_url.split("//", 1)[1].rsplit(":", 1)[0],))
    return Config(path=None, settings=settings, sources=(source,),
                  vocabulary=shipped.vocabulary)


def run_demo(data_dir: Path, out_dir: Path, *, progress: Progress | None = None,
             publish_url: str | None = None) -> DemoResult:
    """Serve the bundled site, harvest it once and publish feeds and records.

    `publish_url` is where the output will be served (`demo --serve`), so that feed
    self links are absolute http URLs.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        site = _serve_on_remembered_port(stack, data_dir)
        cfg = demo_config(site.base_url, data_dir, out_dir, publish_url)
        store = stack.enter_context(Store.open(data_dir, vocabulary=cfg.vocabulary))
        fetcher = stack.enter_context(Fetcher(cfg.settings))
        report = run_source(cfg.sources[0], cfg, store=store, fetcher=fetcher, progress=progress)
        fresh = not (out_dir / "index.html").exists()
        published = None
        if fresh or report.touched or report.changed_ids:
            published = publish(cfg, store, touched=None if fresh else report.touched,
                                changed_ids=None if fresh else report.changed_ids)
        log = site.requests
        return DemoResult(site.base_url, report, published, len(log),
                          sum(r.bytes for r in log), cfg)


def _serve_on_remembered_port(stack: contextlib.ExitStack, data_dir: Path) -> DemoSite:
    """Serve on the port of the last demo run when free (so record URLs stay the same)."""
    port_file = data_dir / PORT_FILE
    wanted = _read_port(port_file)
    try:
        site = stack.enter_context(serve_site(port=wanted))
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE or not wanted:
            raise
        site = stack.enter_context(serve_site(port=0))
    port_file.write_text(site.base_url.rsplit(":", 1)[1] + "\n", encoding="ascii")
    return site


def _read_port(path: Path) -> int:
    """Return the remembered port, or 0 (any free port)."""
    try:
        port = int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return 0
    return port if 1024 <= port <= 65535 else 0
