"""Which fetched pages a harvest stores: the page's own evidence and the card that led to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvester.config import Config, Settings, Source
from harvester.extract import default_vocabulary
from harvester.fetch import Fetcher
from harvester.pipeline import run_source
from harvester.store import Store

RELATED = "".join(
    f"<div class='card'><p>Report</p><h3><a href='/research/other-report-{n}'>Another report "
    f"number {n} on the region</a></h3><p>May 2023</p></div>" for n in range(6))


def landing(title: str) -> str:
    """Return a report's landing page: a month for a date, a short abstract, a download link
    and six related reports, and no byline or type of its own."""
    text = "The ceasefire has held for three years, yet it remains vulnerable to shocks. " * 5
    return (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
            f"<p>March 2024</p><p>{text}</p><p><a href='/files/report.pdf'>Download</a></p>"
            f"</main><section><h2>Related Publications</h2>{RELATED}</section></body></html>")


def listing(cards: str) -> str:
    """Return a listing page holding the cards."""
    return (f"<html><head><title>Research</title></head><body><header><nav><a href='/'>Home"
            f"</a></nav></header><main><h1>Research</h1>{cards}</main></body></html>")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in a temporary folder."""
    with Store.open(tmp_path / "data") as opened:
        yield opened


def harvest(server: HTTPServer, pages: dict[str, str], store: Store, tmp_path: Path) -> dict:
    """Serve the pages, harvest from "/research/" and return the stored records by title."""
    def handler(request: Request) -> Response:
        body = pages.get(request.path)
        if body is None:
            return Response("<html><body>Not found</body></html>", 404, content_type="text/html")
        return Response(body, 200, content_type="text/html")
    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    base = server.url_for("/").rstrip("/")
    settings = Settings(data_dir=tmp_path / "data", out_dir=tmp_path / "out", delay=0.0,
                        retries=0, timeout=3.0, max_pages=5)
    source = Source(name="s", start_urls=(base + "/research/",))
    config = Config(path=None, settings=settings, sources=(source,),
                    vocabulary=default_vocabulary())
    with Fetcher(settings) as fetcher:
        run_source(source, config, store=store, fetcher=fetcher)
    return {r.title: r for r in store.records()}


@pytest.mark.parametrize(("card_extra", "stored"), [
    # the card gives the day (and the type): the landing page is a publication
    ("<p>Special Report</p><p>March 5, 2024</p>", True),
    # the card gives nothing more than the page: nothing tells a publication
    ("", False),
])
def test_a_dated_card_makes_its_short_landing_page_a_publication(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, card_extra: str,
        stored: bool) -> None:
    """A short landing page with a month for a date and related reports beside it is stored
    when the listing card that links it gives its day: the card is evidence too."""
    titles = ["Sustaining the Ceasefire in Kashmir", "Monitors at the Line of Control",
              "Talks Resume in Geneva Next Week"]
    pages = {f"/research/{t.lower().replace(' ', '-')}": landing(t) for t in titles}
    cards = "".join(f"<article class='card'><h2><a href='{path}'>{t}</a></h2>{card_extra}"
                    f"</article>" for path, t in zip(pages, titles, strict=True))
    pages["/research/"] = listing(cards)
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert (sorted(records) == sorted(titles)) is stored, sorted(records)
    if stored:
        first = records[titles[0]]
        assert (str(first.published), first.type) == ("2024-03-05", "Special Report")
