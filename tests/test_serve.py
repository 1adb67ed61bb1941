"""The output server, exercised with real HTTP requests on 127.0.0.1."""

from __future__ import annotations

import email.utils
import gzip
import http.client
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
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
    (topic / ".pubharvest-rss.xmlab12.tmp").write_text("<rss>half a feed", encoding="utf-8")
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
        "/feeds/topics/peace-processes/.pubharvest-rss.xmlab12.tmp",
        "//../secret.txt",
        "/feeds/%2e%2e/%2e%2e/secret.txt",
        "/feeds.opml%00.txt",
    ],
)
def test_missing_and_escapes_are_404(served: tuple[OutputServer, Path], path: str) -> None:
    response = request(served[0], path)
    assert response.status == 404
    assert b"do not serve" not in response.body  # type: ignore[attr-defined]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_writes_are_refused(served: tuple[OutputServer, Path], method: str) -> None:
    response = request(served[0], "/feeds.opml", method=method)
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"


def test_query_strings_and_absolute_form_reach_the_file(
        served: tuple[OutputServer, Path]) -> None:
    server = served[0]
    assert request(server, "/feeds.opml?utm_source=reader").status == 200
    assert request(server, f"{server.url}/feeds.opml").status == 200


def test_304_keeps_validators_and_caching(served: tuple[OutputServer, Path]) -> None:
    server = served[0]
    first = request(server, "/feeds/topics/peace-processes/atom.xml")
    again = request(server, "/feeds/topics/peace-processes/atom.xml",
                    headers={"If-None-Match": f'W/{first.getheader("ETag")}, "x"'})
    assert again.status == 304
    for name in ("ETag", "Last-Modified", "Cache-Control"):
        assert again.getheader(name) == first.getheader(name)


def test_if_modified_since_before_the_change_gets_the_file(
        served: tuple[OutputServer, Path]) -> None:
    server = served[0]
    mtime = (served[1] / "feeds.opml").stat().st_mtime
    before = email.utils.formatdate(mtime - 60, usegmt=True)
    assert request(server, "/feeds.opml", headers={"If-Modified-Since": before}).status == 200
    garbage = request(server, "/feeds.opml", headers={"If-Modified-Since": "yesterday"})
    assert garbage.status == 200


def test_max_age_follows_the_shortest_schedule() -> None:
    assert max_age_for([21600.0, 3600.0]) == 1800
    assert max_age_for([10.0]) == 60
    assert max_age_for([]) == 1800


# -- `pubharvest serve` as a subprocess ---------------------------------------------------------


def test_serve_command_serves_feeds_and_stops_on_sigterm(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text('[settings]\nout_dir = "out"\nschedule = "2h"\n\n[[sources]]\n'
                      'name = "x"\nstart_urls = ["https://x.example/"]\n', encoding="utf-8")
    topic = tmp_path / "out" / "feeds" / "topics" / "peace-processes"
    topic.mkdir(parents=True)
    (topic / "rss.xml").write_text(FEED, encoding="utf-8")
    stdout = tmp_path / "stdout.txt"
    with stdout.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "harvester", "--config", str(config),
                                 "serve", "--port", "0"], stdout=out, stderr=subprocess.PIPE)
    try:
        address = _wait_for_address(stdout, proc)
        conn = http.client.HTTPConnection(*address, timeout=10)
        conn.request("GET", "/feeds/topics/peace-processes/rss.xml",
                     headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        body = response.read()
        conn.close()
        assert response.status == 200 and gzip.decompress(body) == FEED.encode()
        assert response.getheader("Content-Type") == "application/rss+xml; charset=utf-8"
        assert response.getheader("Cache-Control") == "public, max-age=3600"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        stderr = proc.communicate(timeout=10)[1]
    assert b"Traceback" not in stderr


def _wait_for_address(stdout: Path, proc: subprocess.Popen[bytes]) -> tuple[str, int]:
    """Wait for the "Serving … on http://host:port/" line and return host and port."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"on http://([\d.]+):(\d+)/", stdout.read_text(errors="replace"))
        if found:
            return found.group(1), int(found.group(2))
        time.sleep(0.05)
    pytest.fail("pubharvest serve did not say where it listens")


def test_serve_command_without_output_folder_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "harvester", "--out", str(tmp_path / "none"),
                           "serve", "--port", "0"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"pubharvest: error: {tmp_path / 'none'}: output folder does not exist "
        "(run `pubharvest harvest` first)"]


# -- the shipped nginx snippet (docs/deploy/nginx.conf), when nginx is installed ---------------

NGINX_SNIPPET = Path(__file__).parents[1] / "docs" / "deploy" / "nginx.conf"


@pytest.fixture()
def nginx(served: tuple[OutputServer, Path], tmp_path: Path) -> Iterator[tuple[str, int]]:
    """Run nginx in the foreground with the shipped server block over the same folder."""
    binary = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None)
    if binary is None or not NGINX_SNIPPET.is_file():
        pytest.skip("nginx is not installed")
    port = _free_port()
    block = NGINX_SNIPPET.read_text(encoding="utf-8")
    block = block.replace("/srv/pubharvest/out", str(served[1]))
    block = block.replace("listen [::]:80;", "").replace("listen 80;", f"listen 127.0.0.1:{port};")
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    temps = " ".join(f"{kind}_temp_path {prefix / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(
        f"daemon off; master_process off; pid {prefix / 'nginx.pid'}; error_log stderr;\n"
        f"events {{}}\nhttp {{ access_log off; {temps}\n{block}\n}}\n", encoding="utf-8")
    proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                            stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, proc)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        proc.wait(10)


def _free_port() -> int:
    """Return a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    """Wait until something accepts connections on the port (or the process ends)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nginx did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def _nginx_get(address: tuple[str, int], path: str,
               headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """Send one raw GET to nginx and read the response."""
    conn = http.client.HTTPConnection(*address, timeout=10)
    conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", "feeds.example.org")
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
def test_nginx_snippet_sends_the_same_types(nginx: tuple[str, int], path: str,
                                            expected: str) -> None:
    response = _nginx_get(nginx, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == expected
    assert response.getheader("Cache-Control") == "public, max-age=1800"


def test_nginx_snippet_validates_compresses_and_hides(nginx: tuple[str, int]) -> None:
    path = "/feeds/topics/peace-processes/rss.xml"
    first = _nginx_get(nginx, path)
    assert _nginx_get(nginx, path, {"If-None-Match": first.getheader("ETag")}).status == 304
    later = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert _nginx_get(nginx, path, {"If-Modified-Since": later}).status == 304
    zipped = _nginx_get(nginx, path, {"Accept-Encoding": "gzip"})
    assert gzip.decompress(zipped.body) == FEED.encode()  # type: ignore[attr-defined]
    for hidden in ("/feeds/topics/peace-processes/.pubharvest-rss.xmlab12.tmp",
                   "/escape/secret.txt", "/../secret.txt", "/%2e%2e/secret.txt"):
        response = _nginx_get(nginx, hidden)
        assert response.status in (400, 403, 404), hidden
        assert b"do not serve" not in response.body  # type: ignore[attr-defined]
