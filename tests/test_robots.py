"""robots.txt handling: fetched once, RFC 9309 failure rules, Crawl-delay, sitemaps."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from protego import Protego
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvester.config import DEFAULT_USER_AGENT, Settings
from harvester.errors import FetchError, RobotsDisallowed
from harvester.fetch import Fetcher
from harvester.robots import MAX_CRAWL_DELAY, Robots, product_token

HTML = b"<!doctype html><html><head><title>A report</title></head><body>Hi</body></html>"


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    """A fetcher with tiny settings (one retry, so a 5xx robots.txt is asked twice)."""
    settings = Settings(data_dir=tmp_path, out_dir=tmp_path, delay=0.2, timeout=1.0,
                        retries=1, max_retry_after=1.0)
    with Fetcher(settings) as f:
        yield f


def site(server: HTTPServer, robots: str | bytes | None, status: int = 200) -> HTTPServer:
    """Serve a robots.txt (or an error) and an HTML page at every other path."""
    if robots is not None:
        server.expect_request("/robots.txt").respond_with_data(
            robots, status=status, content_type="text/plain")
    server.expect_request("/robots-moved.txt").respond_with_data(
        "User-agent: *\nDisallow: /moved-rule\n", content_type="text/plain")
    server.expect_request("").respond_with_data(HTML, content_type="text/html")
    return server


def paths(server: HTTPServer) -> list[str]:
    """Return the paths the server was asked for, in order."""
    return [request.path for request, _ in server.log]


def test_disallowed_url_is_never_requested(httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    server = site(httpserver_ipv4, "User-agent: *\nDisallow: /private\n")
    with pytest.raises(RobotsDisallowed) as caught:
        fetcher.fetch(server.url_for("/private/report"))
    assert caught.value.reason == "disallowed by robots.txt"
    assert paths(server) == ["/robots.txt"]
    assert (fetcher.stats.robots_skipped, fetcher.stats.errors) == (1, 0)


def test_robots_txt_is_fetched_once_per_host(httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    server = site(httpserver_ipv4, "User-agent: *\nDisallow: /private\n")
    for path in ("/a", "/b", "/private/c"):
        try:
            fetcher.fetch(server.url_for(path))
        except RobotsDisallowed:
            pass
    assert fetcher.robots_allows(server.url_for("/d"))
    assert paths(server) == ["/robots.txt", "/a", "/b"]


@pytest.mark.parametrize("status", [404, 401, 403, 410])
def test_robots_4xx_allows_everything(httpserver_ipv4: HTTPServer, fetcher: Fetcher,
                                      status: int):
    server = site(httpserver_ipv4, "User-agent: *\nDisallow: /\n", status=status)
    assert fetcher.fetch(server.url_for("/a")).body == HTML


@pytest.mark.parametrize(("status", "detail"), [(500, "HTTP 500"), (503, "HTTP 503"),
                                                (429, "HTTP 429")])
def test_robots_5xx_or_429_disallows_the_site(httpserver_ipv4: HTTPServer, fetcher: Fetcher,
                                               status: int, detail: str):
    server = site(httpserver_ipv4, "oops", status=status)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/a"))
    assert caught.value.reason == (f"robots.txt unreachable ({detail}): "
                                   "treating the site as disallowed")
    assert not isinstance(caught.value, RobotsDisallowed)  # a failing site, reported as such
    assert "/a" not in paths(server)
    assert not fetcher.robots_allows(server.url_for("/b"))


def test_unreachable_host_is_disallowed_with_the_reason(fetcher: Fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:  # nothing listens on the port any more
        fetcher.fetch(f"http://127.0.0.1:{port}/a")
    assert caught.value.reason == ("robots.txt unreachable (connection refused): "
                                   "treating the site as disallowed")


def test_crawl_delay_raises_the_host_delay(httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    times: list[float] = []

    def page(request: Request) -> Response:
        times.append(time.monotonic())
        return Response(HTML, content_type="text/html")

    httpserver_ipv4.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 0.6\n", content_type="text/plain")
    httpserver_ipv4.expect_request("/a").respond_with_handler(page)
    for _ in range(2):
        fetcher.fetch(httpserver_ipv4.url_for("/a"))
    assert times[1] - times[0] >= 0.6


def test_rules_for_our_product_token_apply_not_words_of_the_comment(
        httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    robots = ("User-agent: bot\nDisallow: /\n\n"          # "polite bot" is only our comment
              "User-agent: pubharvest\nDisallow: /drafts\n\n"
              "User-agent: *\nDisallow: /\n")
    server = site(httpserver_ipv4, robots)
    assert fetcher.robots_allows(server.url_for("/publications/a"))
    assert not fetcher.robots_allows(server.url_for("/drafts/a"))


def test_sitemaps_are_listed(httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    server = site(httpserver_ipv4, "Sitemap: https://example.org/s1.xml\nUser-agent: *\n"
                                   "Allow: /\nSitemap: https://example.org/s2.xml.gz\n")
    assert fetcher.robots_sitemaps(server.url_for("/any")) == [
        "https://example.org/s1.xml", "https://example.org/s2.xml.gz"]


def test_huge_robots_txt_is_truncated_not_refused(httpserver_ipv4: HTTPServer,
                                                  fetcher: Fetcher):
    padding = "# " + "x" * 1000 + "\n"
    robots = "User-agent: *\nDisallow: /early\n" + padding * 600 + "Disallow: /late\n"
    server = site(httpserver_ipv4, robots)
    assert not fetcher.robots_allows(server.url_for("/early"))
    assert fetcher.robots_allows(server.url_for("/late"))  # beyond 500 KiB: ignored


def test_robots_redirect_is_followed(httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    httpserver_ipv4.expect_request("/robots.txt").respond_with_response(
        Response("", status=301, headers={"Location": "/robots-moved.txt"}))
    server = site(httpserver_ipv4, None)
    assert not fetcher.robots_allows(server.url_for("/moved-rule/a"))
    assert fetcher.robots_allows(server.url_for("/a"))


def test_robots_txt_disallowing_itself_is_still_read(httpserver_ipv4: HTTPServer,
                                                     fetcher: Fetcher):
    server = site(httpserver_ipv4, "User-agent: *\nDisallow: /\n")
    with pytest.raises(RobotsDisallowed):
        fetcher.fetch(server.url_for("/a"))
    assert paths(server) == ["/robots.txt"]


def test_crawl_delay_is_capped():
    robots = Robots(Protego.parse("User-agent: *\nCrawl-delay: 86400\n"))
    assert robots.crawl_delay("pubharvest") == MAX_CRAWL_DELAY


def test_product_token_is_the_first_word_before_the_slash():
    assert product_token(DEFAULT_USER_AGENT) == "pubharvest"
    assert product_token("MyBot") == "mybot"


@pytest.mark.parametrize("url", ["ftp://example.org/robots.txt", "not a url"])
def test_robots_questions_about_non_http_urls_make_no_request(fetcher: Fetcher, url: str):
    assert not fetcher.robots_allows(url)
    assert fetcher.robots_sitemaps(url) == []
    assert fetcher.stats.requests == 0
