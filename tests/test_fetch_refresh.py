"""A stub page's meta refresh is followed like a redirect, against a real local server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvester.fetch import Fetcher
from harvester.responses import refresh_target
from harvester.store import Store
from harvest_site import harvest_start
from test_fetch import HTML, make_settings, paths
from test_harvest_real_shapes import article, listing, slug


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    """The local server, its robots.txt allowing everything."""
    httpserver_ipv4.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    return httpserver_ipv4


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    """A fetcher with test_fetch's tiny settings."""
    with Fetcher(make_settings(tmp_path)) as opened:
        yield opened


def stub(content: str, wrap: str = "{}") -> str:
    """Return a page that sends the browser on with a meta refresh of `content`."""
    meta = f'<meta http-equiv="refresh" content="{content}">'
    return (f"<html><head><title>Moved</title>{wrap.format(meta)}</head><body><p>This page "
            f"has moved.</p></body></html>")


def test_a_stub_page_s_meta_refresh_is_followed_like_a_redirect(
        server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/").respond_with_data(stub("0; url=/en/"), content_type="text/html")
    server.expect_request("/en/").respond_with_data(HTML, content_type="text/html")
    page = fetcher.fetch(server.url_for("/"), allowed_domains=("127.0.0.1",))
    assert (page.url, page.body, page.redirects) == (server.url_for("/en/"), HTML,
                                                     (server.url_for("/"),))
    assert paths(server) == ["/robots.txt", "/", "/en/"]


@pytest.mark.parametrize("page", [
    stub("300"),  # a news page reloading itself
    stub("600; url=/other"),  # a long delay: the page is meant to be read
    stub("0; url=/nojs", "<noscript>{}</noscript>"),  # for browsers without JavaScript
    "<html><head><title>A report</title></head><body><p>Refresh the page.</p></body></html>",
])
def test_other_refreshes_leave_the_page_as_it_is(server: HTTPServer, fetcher: Fetcher,
                                                 page: str) -> None:
    server.expect_request("/a").respond_with_data(page, content_type="text/html")
    fetched = fetcher.fetch(server.url_for("/a"))
    assert (fetched.url, fetched.body) == (server.url_for("/a"), page.encode())
    assert paths(server) == ["/robots.txt", "/a"]


def test_a_refresh_going_round_ends_at_the_page_it_came_back_from(
        server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/x").respond_with_data(stub("0;URL='/y'"), content_type="text/html")
    server.expect_request("/y").respond_with_data(stub("1, /x"), content_type="text/html")
    page = fetcher.fetch(server.url_for("/x"))
    assert page.url == server.url_for("/y") and paths(server) == ["/robots.txt", "/x", "/y"]


def test_a_refresh_off_the_allowed_domains_leaves_the_page_as_it_is(
        server: HTTPServer, fetcher: Fetcher) -> None:
    """Unlike an HTTP redirect, a page that refreshes off the source's hosts has a body of
    its own to read: it is kept, and the other host is never asked."""
    elsewhere = server.url_for("/b").replace("127.0.0.1", "localhost")
    server.expect_request("/a").respond_with_data(stub(f"0; url={elsewhere}"),
                                                  content_type="text/html")
    page = fetcher.fetch(server.url_for("/a"), allowed_domains=("127.0.0.1",))
    assert page.url == server.url_for("/a") and paths(server) == ["/robots.txt", "/a"]


@pytest.mark.parametrize(("body", "target"), [
    (stub("0;url=b.html"), "https://x.org/a/b.html"),
    (stub("2; URL=https://x.org/new#top"), "https://x.org/new"),
    (stub("0; url=javascript:alert(1)"), None),
    (stub("0; url=/a/page"), None),  # itself
    (b"\x00\xff" * 10 + b"http-equiv=refresh", None),  # no page at all
    (b"", None),
])
def test_refresh_target(body: str | bytes, target: str | None) -> None:
    raw = body.encode() if isinstance(body, str) else body
    assert refresh_target(raw, "https://x.org/a/page") == target


def test_a_site_whose_home_page_is_a_refresh_stub_is_harvested(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """Old institutional sites answer "/" with a stub that refreshes to "/en/": the harvest
    goes on from there as from a redirect."""
    titles = ("Ceasefires That Hold Along the Northern Line", "Monitors at the Line in Winter",
              "Talks Resume in Geneva After a Long Pause")
    pages = {slug(t): article(t) for t in titles}
    pages["/"] = stub("0; url=/research/")
    pages["/research/"] = listing([(slug(t), t) for t in titles])

    def handler(request: Request) -> Response:
        body = pages.get(request.path)
        return Response(body or "<html><body>Not found</body></html>", 200 if body else 404,
                        content_type="text/html")

    httpserver_ipv4.expect_request(re.compile(".*")).respond_with_handler(handler)
    harvest_start(httpserver_ipv4.url_for("/"), store, tmp_path)
    assert sorted(r.title for r in store.records()) == sorted(titles)
