"""The fetcher against a raw socket server that misbehaves: drips, hangs, resets, bombs."""

from __future__ import annotations

import gzip
import socket
import socketserver
import struct
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from harvester.config import Settings
from harvester.errors import BodyRejected, FetchError
from harvester.fetch import Fetcher

Route = Callable[[socket.socket, threading.Event], None]


def head(status: str = "200 OK", **fields: str) -> bytes:
    """Return a response head with `Connection: close` and the given header fields."""
    lines = [f"HTTP/1.1 {status}", "Connection: close",
             *(f"{k.replace('_', '-')}: {v}" for k, v in fields.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def not_found(sock: socket.socket, stop: threading.Event) -> None:
    """Answer 404 with no body."""
    sock.sendall(head("404 Not Found", Content_Length="0"))


def drip(sock: socket.socket, stop: threading.Event) -> None:
    """Promise a large body, then send one byte every 50 ms."""
    sock.sendall(head(Content_Type="text/html", Content_Length="100000") + b"<html>")
    while not stop.wait(0.05):
        sock.sendall(b"x")


def hang(sock: socket.socket, stop: threading.Event) -> None:
    """Accept the request and never answer."""
    stop.wait(10)


def hang_mid_body(sock: socket.socket, stop: threading.Event) -> None:
    """Send the head and a few bytes, then go silent."""
    sock.sendall(head(Content_Type="text/html", Content_Length="1000") + b"<html><body>")
    stop.wait(10)


def reset_mid_body(sock: socket.socket, stop: threading.Event) -> None:
    """Send part of the body, then reset the connection (RST, not FIN)."""
    sock.sendall(head(Content_Type="text/html", Content_Length="10000") + b"<html>" * 20)
    time.sleep(0.1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()  # with linger 0 this sends RST (socketserver would send FIN first)


def cut_mid_body(sock: socket.socket, stop: threading.Event) -> None:
    """Send part of the promised body, then close normally."""
    sock.sendall(head(Content_Type="text/html", Content_Length="10000") + b"<html>" * 20)


def endless_chunks(sock: socket.socket, stop: threading.Event) -> None:
    """Stream chunks of HTML forever."""
    sock.sendall(head(Content_Type="text/html", Transfer_Encoding="chunked"))
    chunk = b"<p>" + b"x" * 997
    while not stop.is_set():
        sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))


BOMB = gzip.compress(b"<html>" + b"\0" * 50_000_000, compresslevel=9)


def bomb(sock: socket.socket, stop: threading.Event) -> None:
    """Serve 50 MB of zeros gzipped into about 50 KB."""
    sock.sendall(head(Content_Type="text/html", Content_Encoding="gzip",
                      Content_Length=str(len(BOMB))) + BOMB)


def garbage(sock: socket.socket, stop: threading.Event) -> None:
    """Answer with something that is not HTTP."""
    sock.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")


ROUTES: dict[str, Route] = {
    "/robots.txt": not_found, "/drip": drip, "/hang": hang, "/hang-body": hang_mid_body,
    "/reset": reset_mid_body, "/cut": cut_mid_body, "/chunked": endless_chunks,
    "/bomb": bomb, "/garbage": garbage,
}


class RawServer(socketserver.ThreadingTCPServer):
    """A threaded TCP server answering each route with hand-written bytes."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.log: list[str] = []

    def url(self, path: str) -> str:
        """Return the URL of a path on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(socketserver.BaseRequestHandler):
    """Read one request head and run its route."""

    server: RawServer

    def handle(self) -> None:
        """Dispatch on the request path; ignore clients that went away."""
        self.request.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            more = self.request.recv(4096)
            if not more:
                return
            data += more
        path = data.split(b" ", 2)[1].decode()
        self.server.log.append(path)
        try:
            ROUTES.get(path, not_found)(self.request, self.server.stop)
        except OSError:
            pass


@pytest.fixture
def raw() -> Iterator[RawServer]:
    """A running misbehaving server, stopped after the test."""
    server = RawServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.stop.set()
    server.shutdown()
    server.server_close()


def fetch_error(server: RawServer, path: str, tmp_path: Path, **settings: object) -> tuple[
        FetchError, float]:
    """Fetch a path expecting a FetchError; return it and the seconds it took."""
    values: dict[str, object] = {"delay": 0.0, "timeout": 1.0, "retries": 0,
                                 "max_bytes": 100_000}
    values.update(settings)
    with Fetcher(Settings(data_dir=tmp_path, out_dir=tmp_path, **values)) as fetcher:  # type: ignore[arg-type]
        fetcher.robots_allows(server.url(path))  # robots.txt first, outside the timing
        start = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url(path))
        return caught.value, time.monotonic() - start


def test_slow_drip_ends_at_the_total_deadline(raw: RawServer, tmp_path: Path):
    error, took = fetch_error(raw, "/drip", tmp_path)
    assert error.reason == "response not complete after 3 s"
    assert 3.0 <= took < 4.5


def test_accept_then_hang_times_out(raw: RawServer, tmp_path: Path):
    error, took = fetch_error(raw, "/hang", tmp_path)
    assert error.reason == "timed out after 1 s"
    assert took < 2.5


def test_hang_mid_body_times_out(raw: RawServer, tmp_path: Path):
    error, took = fetch_error(raw, "/hang-body", tmp_path)
    assert error.reason == "timed out after 1 s mid-body"
    assert took < 2.5


def test_timeouts_are_retried_then_reported(raw: RawServer, tmp_path: Path):
    error, took = fetch_error(raw, "/hang", tmp_path, retries=1)
    assert error.reason == "timed out after 1 s (after 1 retry)"
    assert raw.log.count("/hang") == 2 and took >= 2.0


def test_connection_reset_mid_body_is_named(raw: RawServer, tmp_path: Path):
    error, _ = fetch_error(raw, "/reset", tmp_path)
    assert error.reason == "connection reset mid-body"


def test_connection_closed_mid_body_is_named(raw: RawServer, tmp_path: Path):
    error, _ = fetch_error(raw, "/cut", tmp_path)
    assert error.reason == "connection closed mid-body"


def test_endless_chunked_body_is_cut_at_max_bytes(raw: RawServer, tmp_path: Path):
    error, took = fetch_error(raw, "/chunked", tmp_path)
    assert isinstance(error, BodyRejected)
    assert error.reason == "body larger than 100000 bytes"


def test_non_http_answer_is_a_clear_error(raw: RawServer, tmp_path: Path):
    error, _ = fetch_error(raw, "/garbage", tmp_path)
    assert error.reason == "malformed HTTP response"


def test_connection_refused_once_the_server_is_gone(raw: RawServer, tmp_path: Path):
    settings = Settings(data_dir=tmp_path, out_dir=tmp_path, delay=0.0, timeout=1.0, retries=0)
    with Fetcher(settings) as fetcher:
        assert fetcher.robots_allows(raw.url("/page"))
        raw.shutdown()
        raw.server_close()
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(raw.url("/page"))
    assert caught.value.reason == "connection refused"


def test_gzip_bomb_is_refused_with_bounded_memory(raw: RawServer, tmp_path: Path):
    settings = Settings(data_dir=tmp_path, out_dir=tmp_path, delay=0.0, max_bytes=200_000)
    with Fetcher(settings) as fetcher:
        fetcher.robots_allows(raw.url("/bomb"))
        tracemalloc.start()
        try:
            with pytest.raises(BodyRejected) as caught:
                fetcher.fetch(raw.url("/bomb"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert caught.value.reason == "body larger than 200000 bytes (decompressed)"
    assert peak < 2_000_000  # the bomb inflates to 50 MB
