"""A hostile HTTP server on 127.0.0.1: every route writes raw bytes, as badly as it likes.

A route is a function of one `Conn` (the accepted socket, the request path and a stop
event); the server reads the request head, looks the path up and lets the route answer.
Each connection serves one request (`Connection: close`), so a route may hang, drip,
reset or stream forever without disturbing the others; `stop` is set when the test ends.
"""

from __future__ import annotations

import gzip
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

HTML = "text/html; charset=utf-8"
CHUNK = 64 * 1024


@dataclass
class Conn:
    """One accepted request: its socket, path and the server's stop event."""

    sock: socket.socket
    path: str
    stop: threading.Event

    def send(self, data: bytes) -> None:
        """Send bytes (the client may have gone: the caller's OSError ends the route)."""
        self.sock.sendall(data)


Route = Callable[[Conn], None]


class HostileServer(socketserver.ThreadingTCPServer):
    """A threaded TCP server answering each path with a route; unknown paths get 404."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self) -> None:
        """Listen on a free loopback port."""
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.stop = threading.Event()
        self.hits: list[str] = []
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        """Return `http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        """Return the absolute URL of a path on this server."""
        return self.base + path

    def count(self, path: str) -> int:
        """Return how many requests asked for `path`."""
        with self.lock:
            return self.hits.count(path)

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: hostile routes break connections on purpose."""


class _Handler(socketserver.BaseRequestHandler):
    """Reads one request head and runs its route."""

    server: HostileServer

    def handle(self) -> None:
        """Dispatch on the request path; a client that went away ends the route."""
        self.request.settimeout(10)
        data = b""
        while b"\r\n\r\n" not in data:
            more = self.request.recv(4096)
            if not more or len(data) > 65536:
                return
            data += more
        parts = data.split(b" ", 2)
        path = parts[1].decode("latin-1") if len(parts) > 1 else "/"
        with self.server.lock:
            self.server.hits.append(path)
        route = self.server.routes.get(path, status(404, "Not Found"))
        try:
            route(Conn(self.request, path, self.server.stop))
        except OSError:
            pass


@contextmanager
def running() -> Iterator[HostileServer]:
    """Run a hostile server in a daemon thread until the block ends."""
    server = HostileServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- routes ---------------------------------------------------------------------------------


def head(code: int = 200, phrase: str = "OK", **fields: str) -> bytes:
    """Return a response head with `Connection: close` and the given header fields."""
    lines = [f"HTTP/1.1 {code} {phrase}", "Connection: close",
             *(f"{k.replace('_', '-')}: {v}" for k, v in fields.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def ok(body: bytes, content_type: str | None = HTML, *, length: bool = True,
       **fields: str) -> Route:
    """Answer 200 with a body (close-delimited when `length` is False)."""
    if content_type:
        fields["Content_Type"] = content_type
    if length:
        fields["Content_Length"] = str(len(body))

    def route(conn: Conn) -> None:
        conn.send(head(**fields) + body)
    return route


def status(code: int, phrase: str, body: bytes = b"", **fields: str) -> Route:
    """Answer with a status, header fields and a small body."""
    def route(conn: Conn) -> None:
        conn.send(head(code, phrase, Content_Length=str(len(body)), **fields) + body)
    return route


def redirect(location: str, code: int = 301) -> Route:
    """Answer with a redirect to `location`."""
    return status(code, "Moved Permanently" if code == 301 else "Found", Location=location)


def stream(chunks: Callable[[], Iterable[bytes]], content_type: str = HTML,
           **fields: str) -> Route:
    """Answer 200 with a close-delimited body sent chunk by chunk until the client leaves."""
    def route(conn: Conn) -> None:
        conn.send(head(Content_Type=content_type, **fields))
        for chunk in chunks():
            if conn.stop.is_set():
                return
            conn.send(chunk)
    return route


def chunked_forever(piece: bytes = b"<p>" + b"x" * 4093) -> Route:
    """Answer 200 with a chunked body that never ends."""
    def route(conn: Conn) -> None:
        conn.send(head(Content_Type=HTML, Transfer_Encoding="chunked"))
        frame = b"%x\r\n%s\r\n" % (len(piece), piece)
        while not conn.stop.is_set():
            conn.send(frame)
    return route


def big(size: int, *, declared: bool) -> Route:
    """Answer 200 with about `size` bytes of HTML, its length declared or not."""
    prefix = b"<!DOCTYPE html><html><body>"
    block = b"<p>" + b"x" * (CHUNK - 7) + b"</p>"
    blocks = max(1, size // len(block))

    def chunks() -> Iterator[bytes]:
        yield prefix
        for _ in range(blocks):
            yield block
    fields = {"Content_Length": str(len(prefix) + blocks * len(block))} if declared else {}
    return stream(chunks, **fields)


def drip(data: bytes, interval: float) -> Route:
    """Send `data` (status line and headers included) one byte every `interval` seconds."""
    def route(conn: Conn) -> None:
        for i in range(len(data)):
            if conn.stop.wait(interval):
                return
            conn.send(data[i:i + 1])
    return route


def hang(conn: Conn) -> None:
    """Accept the request and never answer."""
    conn.stop.wait(120)


def reset_mid_body(body: bytes) -> Route:
    """Promise the whole body, send a part, then reset the connection (RST, not FIN)."""
    def route(conn: Conn) -> None:
        conn.send(head(Content_Type=HTML, Content_Length=str(len(body))) + body[: len(body) // 3])
        time.sleep(0.05)
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.sock.close()
    return route


def gzip_bomb(gigabytes: float, *, declared: bool) -> Route:
    """Answer a gzip body of a few MB that inflates to `gigabytes` of zeros."""
    body = bomb(int(gigabytes * 1024**3))
    return ok(body, HTML, length=declared, Content_Encoding="gzip")


_BOMBS: dict[int, bytes] = {}


def bomb(size: int) -> bytes:
    """Return a gzip stream of `size` zero bytes, built without compressing them all.

    Each 1 MiB block is compressed once and ended with a full flush, so that every later
    block compresses to the very same bytes. The trailer's CRC is left at zero: a client
    that inflates that far has already lost.
    """
    if size not in _BOMBS:
        block = bytes(1 << 20)
        deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
        again = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
        blocks = max(1, size >> 20)
        trailer = struct.pack("<II", 0, (blocks << 20) & 0xFFFFFFFF)
        _BOMBS[size] = (gzip.compress(b"")[:10] + first + again * (blocks - 1)
                        + deflate.flush(zlib.Z_FINISH) + trailer)
    return _BOMBS[size]
