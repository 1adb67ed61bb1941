"""The fetcher against a real HTTP server on 127.0.0.1: politeness, retries, redirects, caps."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvester.config import Settings
from harvester.errors import BodyRejected, FetchError, RobotsDisallowed
from harvester.fetch import Fetcher

HTML = b"<!doctype html><html><head><title>A report</title></head><body>Hi</body></html>"


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Return tiny, fast settings for tests."""
    values: dict[str, object] = {"delay": 0.2, "timeout": 1.0, "max_retry_after": 1.0,
                                 "retries": 2, "max_bytes": 100_000, "max_redirects": 3}
    values.update(overrides)
    return Settings(data_dir=tmp_path, out_dir=tmp_path, **values)  # type: ignore[arg-type]


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    """A test server on 127.0.0.1 whose robots.txt allows everything."""
    httpserver_ipv4.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain")
    return httpserver_ipv4


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    """A fetcher with the tiny test settings."""
    with Fetcher(make_settings(tmp_path)) as f:
        yield f


def paths(server: HTTPServer) -> list[str]:
    """Return the paths the server was asked for, in order."""
    return [request.path for request, _ in server.log]


def recorder(respond: Callable[[Request, int], Response]) -> tuple[list[float], Callable]:
    """Wrap a handler so it records the monotonic time each request arrived."""
    times: list[float] = []

    def handler(request: Request) -> Response:
        times.append(time.monotonic())
        return respond(request, len(times))

    return times, handler


def html_page(request: Request, n: int) -> Response:
    """Answer with a small HTML page."""
    return Response(HTML, content_type="text/html; charset=utf-8")


def test_fetch_returns_page_and_sends_polite_headers(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/a").respond_with_data(
        HTML, content_type="text/html; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026 10:00:00 GMT"})
    page = fetcher.fetch(server.url_for("/a"))
    assert (page.status, page.body, page.url, page.redirects) == (200, HTML, page.requested_url, ())
    assert page.content_type == "text/html; charset=utf-8"
    assert page.media_type == "text/html"
    assert (page.etag, page.last_modified) == ('"v1"', "Tue, 24 Nov 2026 10:00:00 GMT")
    sent = server.log[-1][0].headers
    assert sent["User-Agent"] == fetcher.settings.user_agent
    assert sent["Accept-Encoding"] == "gzip, deflate"
    assert "text/html" in sent["Accept"]


def test_conditional_get_returns_304_with_empty_body(server: HTTPServer, fetcher: Fetcher):
    def respond(request: Request) -> Response:
        fresh = request.headers.get("If-None-Match") == '"v1"'
        return Response(status=304) if fresh else Response(HTML, content_type="text/html")

    server.expect_request("/a").respond_with_handler(respond)
    page = fetcher.fetch(server.url_for("/a"), etag='"v1"',
                         last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    assert (page.status, page.body, page.not_modified) == (304, b"", True)
    assert server.log[-1][0].headers["If-Modified-Since"] == "Tue, 24 Nov 2026 10:00:00 GMT"
    assert fetcher.stats.not_modified == 1
    assert fetcher.fetch(server.url_for("/a")).status == 200


def test_requests_to_one_host_are_spaced_by_the_delay(server: HTTPServer, fetcher: Fetcher):
    times, handler = recorder(html_page)
    server.expect_request("/a").respond_with_handler(handler)
    for _ in range(3):
        fetcher.fetch(server.url_for("/a"))
    gaps = [b - a for a, b in pairwise(times)]
    assert len(gaps) == 2 and min(gaps) >= 0.2


def test_per_source_delay_wins_when_larger(server: HTTPServer, fetcher: Fetcher):
    times, handler = recorder(html_page)
    server.expect_request("/a").respond_with_handler(handler)
    fetcher.fetch(server.url_for("/a"), delay=0.5)
    fetcher.fetch(server.url_for("/a"), delay=0.5)
    assert times[1] - times[0] >= 0.5


def slow_page(log: list[tuple[float, float]], lock: threading.Lock) -> Callable:
    """Return a handler that takes 0.3 s and logs when it started and ended."""
    def handler(request: Request) -> Response:
        start = time.monotonic()
        time.sleep(0.3)
        with lock:
            log.append((start, time.monotonic()))
        return Response(HTML, content_type="text/html")

    return handler


def run_threads(*jobs: Callable[[], object]) -> float:
    """Run the jobs in parallel threads; return the wall time."""
    threads = [threading.Thread(target=job) for job in jobs]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start


def test_two_hosts_are_fetched_in_parallel(server: HTTPServer, fetcher: Fetcher):
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        lock = threading.Lock()
        logs: dict[str, list[tuple[float, float]]] = {"a": [], "b": []}
        for name, srv in (("a", server), ("b", other)):
            srv.expect_request("/robots.txt").respond_with_data("", status=404)
            srv.expect_request("/p").respond_with_handler(slow_page(logs[name], lock))
        wall = run_threads(*(lambda s=s: [fetcher.fetch(s.url_for("/p")) for _ in range(2)]
                             for s in (server, other)))
    finally:
        other.stop()
    # Serially: 4 requests of 0.3 s plus at least 2 delays of 0.2 s on each host.
    assert wall < 2 * (2 * 0.3 + 0.2)
    (a1, a2), (b1, b2) = logs["a"][0], logs["b"][0]
    assert a1 < b2 and b1 < a2, "the two hosts were never served at the same time"


def test_one_host_gets_one_request_at_a_time_from_many_threads(
        server: HTTPServer, fetcher: Fetcher):
    lock, log = threading.Lock(), []
    server.expect_request("/p").respond_with_handler(slow_page(log, lock))
    run_threads(*(lambda: fetcher.fetch(server.url_for("/p")) for _ in range(3)))
    spans = sorted(log)
    assert len(spans) == 3
    assert all(later[0] - earlier[1] >= 0.2 for earlier, later in pairwise(spans))


def status_then_page(*statuses: int, headers: dict[str, str] | None = None) -> Callable:
    """Return a handler answering the given error statuses first, then an HTML page."""
    def respond(request: Request, n: int) -> Response:
        if n <= len(statuses):
            return Response("busy", status=statuses[n - 1], headers=headers or {})
        return Response(HTML, content_type="text/html")

    return respond


def test_503_then_200_is_recovered(server: HTTPServer, fetcher: Fetcher):
    times, handler = recorder(status_then_page(503))
    server.expect_request("/a").respond_with_handler(handler)
    page = fetcher.fetch(server.url_for("/a"))
    assert page.status == 200 and len(times) == 2
    assert fetcher.stats.retries == 1 and fetcher.stats.errors == 0
    assert times[1] - times[0] >= 0.2  # backoff, and never less than the delay


def test_persistent_503_gives_up_after_the_retries(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/a").respond_with_data("down", status=503)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/a"))
    assert (caught.value.reason, caught.value.status) == ("HTTP 503 after 2 retries", 503)
    assert paths(server).count("/a") == 3
    assert fetcher.stats.errors == 1


def test_the_breaker_opens_after_the_configured_failures(server: HTTPServer, tmp_path: Path):
    server.expect_request("/down").respond_with_data("down", status=503)
    settings = make_settings(tmp_path, retries=0, delay=0.0, breaker_failures=2)
    with Fetcher(settings) as fetcher:
        for _ in range(2):
            with pytest.raises(FetchError):
                fetcher.fetch(server.url_for("/down"))
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url_for("/other"))
    assert caught.value.reason.startswith("not requested: the host failed 2 times in a row")
    assert "/other" not in paths(server)


def test_404_is_final_without_retry(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/gone"))
    assert (caught.value.reason, caught.value.status) == ("HTTP 404 Not Found", 404)
    assert paths(server).count("/gone") == 1


def test_429_retry_after_seconds_is_honoured(server: HTTPServer, fetcher: Fetcher):
    times, handler = recorder(status_then_page(429, headers={"Retry-After": "1"}))
    server.expect_request("/a").respond_with_handler(handler)
    assert fetcher.fetch(server.url_for("/a")).status == 200
    assert times[1] - times[0] >= 1.0


def test_absurd_retry_after_waits_only_the_cap(server: HTTPServer, fetcher: Fetcher):
    far = "Fri, 01 Jan 2100 00:00:00 GMT"
    times, handler = recorder(status_then_page(503, headers={"Retry-After": far}))
    server.expect_request("/a").respond_with_handler(handler)
    assert fetcher.fetch(server.url_for("/a")).status == 200
    assert 1.0 <= times[1] - times[0] < 2.0


def test_retry_after_over_a_zero_cap_gives_up_at_once(server: HTTPServer, tmp_path: Path):
    server.expect_request("/a").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"})
    with Fetcher(make_settings(tmp_path, max_retry_after=0.0)) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url_for("/a"))
    assert "Retry-After 3600 s" in caught.value.reason and caught.value.status == 429
    assert paths(server).count("/a") == 1


def redirect(location: str, status: int = 302) -> Response:
    """Return a redirect response."""
    return Response("", status=status, headers={"Location": location})


def test_redirect_chain_is_followed_hop_by_hop(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/a").respond_with_response(redirect(server.url_for("/b"), 301))
    server.expect_request("/b").respond_with_response(redirect("c"))  # relative
    server.expect_request("/c").respond_with_data(HTML, content_type="text/html")
    page = fetcher.fetch(server.url_for("/a"), allowed_domains=("127.0.0.1",))
    assert page.url == server.url_for("/c")
    assert page.redirects == (server.url_for("/a"), server.url_for("/b"))
    assert paths(server) == ["/robots.txt", "/a", "/b", "/c"]


def test_redirect_loop_is_detected(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/x").respond_with_response(redirect("/y"))
    server.expect_request("/y").respond_with_response(redirect("/x"))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/x"))
    assert caught.value.reason == f"redirect loop at {server.url_for('/x')}"


def test_too_many_redirects_are_refused(server: HTTPServer, fetcher: Fetcher):
    for n in range(5):
        server.expect_request(f"/r{n}").respond_with_response(redirect(f"/r{n + 1}"))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/r0"))
    assert caught.value.reason == "too many redirects (more than 3)"
    assert "/r4" not in paths(server)


def test_redirect_off_the_allowed_domains_is_refused(server: HTTPServer, fetcher: Fetcher):
    elsewhere = server.url_for("/b").replace("127.0.0.1", "localhost")
    server.expect_request("/a").respond_with_response(redirect(elsewhere))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url_for("/a"), allowed_domains=("127.0.0.1",))
    assert caught.value.reason == "redirect to localhost is outside the allowed domains"
    assert "/b" not in paths(server)


def test_redirect_into_a_disallowed_path_is_never_requested(
        httpserver_ipv4: HTTPServer, fetcher: Fetcher):
    httpserver_ipv4.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private\n", content_type="text/plain")
    httpserver_ipv4.expect_request("/a").respond_with_response(redirect("/private/x"))
    with pytest.raises(RobotsDisallowed):
        fetcher.fetch(httpserver_ipv4.url_for("/a"))
    assert paths(httpserver_ipv4) == ["/robots.txt", "/a"]


def test_body_over_max_bytes_is_refused_by_content_length(server: HTTPServer, tmp_path: Path):
    server.expect_request("/big").respond_with_data(b"<html>" + b"x" * 2000,
                                                    content_type="text/html")
    with Fetcher(make_settings(tmp_path, max_bytes=1000)) as fetcher:
        with pytest.raises(BodyRejected) as caught:
            fetcher.fetch(server.url_for("/big"))
    assert caught.value.reason == "body larger than 1000 bytes (Content-Length: 2006)"


def test_body_over_max_bytes_is_refused_while_streaming(server: HTTPServer, tmp_path: Path):
    def stream(request: Request) -> Response:
        chunks = (b"<html>" + b"x" * 500 for _ in range(100))  # no Content-Length
        return Response(chunks, content_type="text/html", direct_passthrough=True)

    server.expect_request("/big").respond_with_handler(stream)
    with Fetcher(make_settings(tmp_path, max_bytes=1000)) as fetcher:
        with pytest.raises(BodyRejected) as caught:
            fetcher.fetch(server.url_for("/big"))
        assert fetcher.stats.bytes < 100 * 506
    assert caught.value.reason == "body larger than 1000 bytes"


def test_gzip_and_deflate_bodies_are_decompressed(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/gz").respond_with_data(
        gzip.compress(HTML), content_type="text/html", headers={"Content-Encoding": "gzip"})
    server.expect_request("/zz").respond_with_data(
        zlib.compress(HTML), content_type="text/html", headers={"Content-Encoding": "deflate"})
    assert fetcher.fetch(server.url_for("/gz")).body == HTML
    assert fetcher.fetch(server.url_for("/zz")).body == HTML


@pytest.mark.parametrize(("encoding", "reason"), [
    ("gzip", "corrupt gzip body"), ("br", "unsupported Content-Encoding: br")])
def test_undecodable_bodies_are_refused(server: HTTPServer, fetcher: Fetcher, encoding: str,
                                        reason: str):
    server.expect_request("/x").respond_with_data(
        b"<html>not compressed at all</html>", content_type="text/html",
        headers={"Content-Encoding": encoding})
    with pytest.raises(BodyRejected) as caught:
        fetcher.fetch(server.url_for("/x"))
    assert caught.value.reason == reason


def test_gzip_body_too_large_even_compressed_is_refused(server: HTTPServer, tmp_path: Path):
    def stream(request: Request) -> Response:
        packed = gzip.compress(bytes(range(256)) * 400)
        return Response(iter([packed] * 5), content_type="text/html",
                        headers={"Content-Encoding": "gzip"}, direct_passthrough=True)

    server.expect_request("/gz").respond_with_handler(stream)
    with Fetcher(make_settings(tmp_path, max_bytes=1000)) as fetcher:
        with pytest.raises(BodyRejected) as caught:
            fetcher.fetch(server.url_for("/gz"))
    assert caught.value.reason.startswith("body larger than 1000 bytes (")


@pytest.mark.parametrize(("body", "looks_like"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\0\x01\0", "a GIF image"),
    (b"RIFF\x24\0\0\0WEBPVP8 ", "a WebP image"),
    (b"PK\x03\x04\x14\0\0\0", "a ZIP archive"),
    (gzip.compress(HTML), "gzip-compressed data"),
    (b"<html>" + b"\0\x01\x02\x03" * 100, "binary data"),
])
def test_binary_served_as_html_is_refused(server: HTTPServer, fetcher: Fetcher,
                                          body: bytes, looks_like: str):
    server.expect_request("/doc").respond_with_data(body, content_type="text/html")
    with pytest.raises(BodyRejected) as caught:
        fetcher.fetch(server.url_for("/doc"))
    assert caught.value.reason == f"not HTML: body looks like {looks_like} (served as text/html)"


def test_declared_non_html_is_refused_and_accept_any_takes_it(
        server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    with pytest.raises(BodyRejected) as caught:
        fetcher.fetch(server.url_for("/doc.pdf"))
    assert caught.value.reason == "not HTML: application/pdf"
    assert fetcher.fetch(server.url_for("/doc.pdf"), accept="any").body == b"%PDF-1.7"


def test_empty_body_is_refused(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/empty").respond_with_data(b"", content_type="text/html")
    with pytest.raises(BodyRejected) as caught:
        fetcher.fetch(server.url_for("/empty"))
    assert caught.value.reason == "empty body"


def test_untyped_body_is_sniffed(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/html").respond_with_data(HTML, content_type="application/octet-stream")
    server.expect_request("/text").respond_with_data(b"just words", content_type="text/plain")
    assert fetcher.fetch(server.url_for("/html")).body == HTML
    with pytest.raises(BodyRejected) as caught:
        fetcher.fetch(server.url_for("/text"))
    assert caught.value.reason == "not HTML: body does not look like HTML (served as text/plain)"


SITEMAP = b'<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>'


def test_xml_accepts_feeds_and_gzipped_sitemaps(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/feed").respond_with_data(SITEMAP, content_type="application/rss+xml")
    server.expect_request("/sitemap.xml.gz").respond_with_data(
        gzip.compress(SITEMAP), content_type="application/x-gzip")
    server.expect_request("/page").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    assert fetcher.fetch(server.url_for("/feed"), accept="xml").body == SITEMAP
    assert fetcher.fetch(server.url_for("/sitemap.xml.gz"), accept="xml").body == SITEMAP
    with pytest.raises(BodyRejected, match="not XML: application/pdf"):
        fetcher.fetch(server.url_for("/page"), accept="xml")


def test_gzipped_sitemap_bomb_is_refused(server: HTTPServer, tmp_path: Path):
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000)
    server.expect_request("/s.xml.gz").respond_with_data(bomb, content_type="application/gzip")
    with Fetcher(make_settings(tmp_path, max_bytes=100_000)) as fetcher:
        with pytest.raises(BodyRejected) as caught:
            fetcher.fetch(server.url_for("/s.xml.gz"), accept="xml")
    assert caught.value.reason == "body larger than 100000 bytes (decompressed)"


@pytest.mark.parametrize("url", ["not a url", "ftp://example.org/file", "http:///nohost",
                                 "http://example.org:99999/", "http://exa mple.org/", ""])
def test_invalid_urls_fail_without_a_request(fetcher: Fetcher, url: str):
    with pytest.raises(FetchError, match="invalid URL"):
        fetcher.fetch(url)
    assert fetcher.stats.requests == 0


def test_tls_failure_is_one_clear_line(server: HTTPServer, fetcher: Fetcher):
    with pytest.raises(FetchError) as caught:  # https spoken to a plain-HTTP server
        fetcher.fetch(server.url_for("/a").replace("http:", "https:"))
    reason = caught.value.reason
    assert reason.startswith("robots.txt unreachable (TLS error: ")
    assert "\n" not in reason and "_ssl.c" not in reason and "[SSL" not in reason


def test_start_url_outside_the_allowed_domains_is_not_requested(fetcher: Fetcher):
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("https://elsewhere.example/a", allowed_domains=("usip.org",))
    assert caught.value.reason == "elsewhere.example is outside the allowed domains"
    assert fetcher.stats.requests == 0


def test_stats_count_requests_bytes_and_errors(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    server.expect_request("/gone").respond_with_data("no", status=404)
    fetcher.fetch(server.url_for("/a"))
    with pytest.raises(FetchError):
        fetcher.fetch(server.url_for("/gone"))
    stats = fetcher.stats.snapshot()
    robots = len(b"User-agent: *\nAllow: /\n")
    assert (stats.requests, stats.bytes, stats.errors) == (3, robots + len(HTML), 1)
