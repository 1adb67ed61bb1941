"""The output server, exercised with real HTTP requests on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from harvester.serve import OutputServer, max_age_for, start_server

FEED = "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>" * 20


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[OutputServer, Path]]:
    """Serve a small output folder, with a secret file and a symlink pointing outside it."""
    out = tmp_path / "out"
    (out / "feeds" / "topics" / "peace-processes").mkdir(parents=True)
    (out / "index.html").write_text("<!doctype html><title>i</title>", encoding="utf-8")
    (out / "feeds.opml").write_text("<opml version='2.0'/>", encoding="utf-8")
    topic = out / "feeds" / "topics" / "peace-processes"
    (topic / "rss.xml").write_text(FEED, encoding="utf-8")
    (topic / "atom.xml").write_text("<feed xmlns='http://www.w3.org/2005/Atom'/>", encoding="utf-8")
    (topic / "feed.json").write_text('{"version": "https://jsonfeed.org/version/1.1"}')
    (tmp_path / "secret.txt").write_text("do not serve", encoding="utf-8")
    (out / "escape").symlink_to(tmp_path)
    server = start_server(out, "127.0.0.1", 0, max_age=1800)
    yield server, out
    server.shutdown()
    server.server_close()


def request(server: OutputServer, path: str, method: str = "GET",
            headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """Send one raw request (the path is sent exactly as given) and read the response."""
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    conn.putrequest(method, path, skip_accept_encoding=True)
    for key, value in (headers or {}).items():
        conn.putheader(key, value)
    conn.endheaders()
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/feeds/topics/peace-processes/rss.xml", "application/rss+xml; charset=utf-8"),
        ("/feeds/topics/peace-processes/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/feeds/topics/peace-processes/feed.json", "application/feed+json; charset=utf-8"),
        ("/feeds.opml", "text/x-opml; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
    ],
)
def test_content_types(served: tuple[OutputServer, Path], path: str, expected: str) -> None:
    response = request(served[0], path)
    assert response.status == 200
    assert response.getheader("Content-Type") == expected
    assert response.getheader("Cache-Control") == "public, max-age=1800"


def test_etag_and_last_modified_give_304(served: tuple[OutputServer, Path]) -> None:
    server = served[0]
    first = request(server, "/feeds.opml")
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    assert etag and modified
    by_etag = request(server, "/feeds.opml", headers={"If-None-Match": etag})
    by_date = request(server, "/feeds.opml", headers={"If-Modified-Since": modified})
    assert (by_etag.status, by_etag.body) == (304, b"")  # type: ignore[attr-defined]
    assert by_date.status == 304
    other = request(server, "/feeds.opml", headers={"If-None-Match": '"other"'})
    assert other.status == 200


def test_changed_file_gets_a_new_etag(served: tuple[OutputServer, Path]) -> None:
    server, out = served
    etag = request(server, "/feeds.opml").getheader("ETag")
    (out / "feeds.opml").write_text("<opml version='2.0'><head/></opml>", encoding="utf-8")
    again = request(server, "/feeds.opml", headers={"If-None-Match": etag})
    assert again.status == 200 and again.getheader("ETag") != etag


def test_gzip_when_asked(served: tuple[OutputServer, Path]) -> None:
    server = served[0]
    path = "/feeds/topics/peace-processes/rss.xml"
    zipped = request(server, path, headers={"Accept-Encoding": "gzip"})
    plain = request(server, path, headers={"Accept-Encoding": "gzip;q=0"})
    assert zipped.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(zipped.body) == FEED.encode()  # type: ignore[attr-defined]
    assert plain.getheader("Content-Encoding") is None and plain.body == FEED.encode()  # type: ignore[attr-defined]
    assert zipped.getheader("ETag") != plain.getheader("ETag")


def test_head_has_headers_and_no_body(served: tuple[OutputServer, Path]) -> None:
    response = request(served[0], "/feeds.opml", method="HEAD")
    assert response.status == 200 and response.body == b""  # type: ignore[attr-defined]
    assert int(response.getheader("Content-Length")) > 0


@pytest.mark.parametrize(
    "path",
    [
        "/missing.xml",
        "/../secret.txt",
        "/feeds/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/feeds%2f..%2f..%2fsecret.txt",
        "/escape/secret.txt",
        "/feeds/topics",
        "/..%5csecret.txt",
    ],
)
def test_missing_and_escapes_are_404(served: tuple[OutputServer, Path], path: str) -> None:
    response = request(served[0], path)
    assert response.status == 404
    assert b"do not serve" not in response.body  # type: ignore[attr-defined]


def test_other_methods_are_refused(served: tuple[OutputServer, Path]) -> None:
    assert request(served[0], "/feeds.opml", method="POST").status == 501


def test_max_age_follows_the_shortest_schedule() -> None:
    assert max_age_for([21600.0, 3600.0]) == 1800
    assert max_age_for([10.0]) == 60
    assert max_age_for([]) == 1800
