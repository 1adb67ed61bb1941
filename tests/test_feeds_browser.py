"""A real browser renders the index page, and feeds through the shipped XSL stylesheet."""

from __future__ import annotations

import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import html

import feeds
from harvester.config import Settings
from harvester.groups import MemoryRecords
from harvester.record import Author, Record

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium binary on PATH "
                                f"(looked for {', '.join(BROWSERS)})")
TITLES = ["Peace talks in Zürich: what changed", "東京 report on mediation",
          "A ceasefire & its limits"]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the output folder without logging every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Stay quiet."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Build feeds for three records and serve them on 127.0.0.1."""
    out = tmp_path_factory.mktemp("browser") / "out"
    records = [Record(url=f"https://x.org/{i}", source="usip", title=title,
                      authors=(Author("Ana Author"),), published=date(2024, 1, 1 + i),
                      topics=("Peace Processes",), summary=f"<p>Summary <b>{i}</b></p>")
               for i, title in enumerate(TITLES)]
    feeds.build(MemoryRecords(records), Settings(data_dir=out.parent, out_dir=out),
                source_titles={"usip": "United States Institute of Peace"})
    handler = functools.partial(QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path_factory.mktemp("profile")
    finally:
        server.shutdown()
        server.server_close()


def render(url: str, profile: Path) -> html.HtmlElement:
    """Return the DOM headless Chromium builds for a URL."""
    command = [BROWSER or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               f"--user-data-dir={profile}", "--dump-dom", url]
    done = subprocess.run(command, capture_output=True, timeout=90, check=True)
    return html.fromstring(done.stdout)


def test_index_page_renders_the_newest_titles(site: tuple[str, Path]) -> None:
    base, profile = site
    dom = render(f"{base}/index.html", profile)
    shown = [a.text_content() for a in dom.xpath("//section[@id='latest']//h3/a")]
    assert shown == list(reversed(TITLES))
    assert dom.xpath("//a[@href='feeds/topics/peace-processes/rss.xml']")


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_a_feed_renders_through_the_stylesheet(site: tuple[str, Path], name: str) -> None:
    base, profile = site
    dom = render(f"{base}/feeds/topics/peace-processes/{name}", profile)
    assert "Peace Processes" in dom.xpath("string(//h1)")
    shown = [a.text_content() for a in dom.xpath("//main//article//h2/a")]
    assert shown == list(reversed(TITLES))
    assert dom.xpath("//main//article//b[text()='2']")  # the sanitized summary is HTML
    # Without base_url the feed's own links are file: URLs; the page links relatively.
    assert dom.xpath("//nav//a/@href") == ["../../../index.html"]
