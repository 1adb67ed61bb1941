"""Serve the output folder to feed readers: right types, validators, 304s, gzip, no escapes."""

from __future__ import annotations

import email.utils
import gzip
import logging
import sys
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)

CONTENT_TYPES = {
    "rss.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml; charset=utf-8",
    "feed.json": "application/feed+json; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonl": "application/x-ndjson; charset=utf-8",
    ".xsl": "text/xsl; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
COMPRESSIBLE = ("text/", "application/rss", "application/atom", "application/feed",
                "application/json", "application/xml", "application/x-ndjson")
MIN_GZIP = 512


def content_type(path: Path) -> str:
    """Return the Content-Type of a served file from its name."""
    return CONTENT_TYPES.get(path.name) or CONTENT_TYPES.get(path.suffix.lower(),
                                                             "application/octet-stream")


def resolve(root: Path, raw_path: str) -> Path | None:
    """Map a request path onto a file inside root, or None (traversal, symlink out, missing).

    Hidden names (a leading dot) are never served: that covers `.`/`..` and the temporary
    files the feed writer renames into place.
    """
    path = _request_path(raw_path)
    if "%2f" in path.lower() or "%5c" in path.lower() or "\\" in path or "\x00" in unquote(path):
        return None
    parts = [p for p in unquote(path).split("/") if p]
    if any(p.startswith(".") for p in parts):
        return None
    base = root.resolve()
    target = base.joinpath(*parts)
    try:
        target = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if target != base and base not in target.parents:
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _request_path(raw: str) -> str:
    """Return the path of a request target: origin form as sent, absolute form parsed."""
    if raw.startswith("/"):
        # Not urlsplit: it would read `//name/x` as a host and a path.
        return raw.split("?", 1)[0].split("#", 1)[0]
    return urlsplit(raw).path or "/"


def etag_of(stat_mtime_ns: int, size: int, encoded: bool = False) -> str:
    """Return a strong ETag from the file's mtime and size (feeds are only rewritten on change)."""
    return f'"{stat_mtime_ns:x}-{size:x}{"-gz" if encoded else ""}"'


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """Return the gzip bytes of a file version (cached by path, mtime and size)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class OutputHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files under the server's root; writes get 405."""

    server: OutputServer
    server_version = "pubharvest"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds an idle keep-alive connection may hold a thread

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        """Serve a file, a 304, or a 404."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Serve the headers of a file."""
        self._respond(send_body=False)

    def do_POST(self) -> None:  # noqa: N802
        """Refuse a write (the folder is read-only over HTTP); PUT, DELETE and PATCH alike."""
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")  # its body is never read
        self.end_headers()
        self.close_connection = True

    do_PUT = do_DELETE = do_PATCH = do_POST

    def _respond(self, *, send_body: bool) -> None:
        """Answer one request with validators, caching and optional gzip."""
        target = resolve(self.server.root, self.path)
        if target is None:
            self._send_simple(HTTPStatus.NOT_FOUND, b"Not found\n", send_body)
            return
        stat = target.stat()
        ctype = content_type(target)
        wants_gzip = _accepts_gzip(self.headers.get("Accept-Encoding", ""))
        compress = wants_gzip and ctype.startswith(COMPRESSIBLE) and stat.st_size >= MIN_GZIP
        etag = etag_of(stat.st_mtime_ns, stat.st_size, compress)
        last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if _not_modified(self.headers, etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._common_headers(etag, last_modified)
            self.end_headers()
            return
        body = (_gzipped(str(target), stat.st_mtime_ns, stat.st_size) if compress
                else target.read_bytes())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self._common_headers(etag, last_modified)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _common_headers(self, etag: str, last_modified: str) -> None:
        """Send the validator and caching headers shared by 200 and 304."""
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        self.send_header("Cache-Control", f"public, max-age={self.server.max_age}")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("X-Content-Type-Options", "nosniff")

    def _send_simple(self, status: HTTPStatus, body: bytes, send_body: bool) -> None:
        """Send a short plain-text answer."""
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Send access lines to the logger at debug level instead of stderr."""
        log.debug("%s %s", self.address_string(), format % args)


def _accepts_gzip(header: str) -> bool:
    """Tell whether an Accept-Encoding header allows gzip (q=0 refuses it)."""
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            key, _, value = params.replace(" ", "").partition("=")
            try:
                return key.lower() != "q" or float(value) > 0
            except ValueError:
                return False
    return False


def _not_modified(headers: object, etag: str, mtime: float) -> bool:
    """Apply If-None-Match (preferred) and If-Modified-Since."""
    inm = headers.get("If-None-Match")  # type: ignore[attr-defined]
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or etag in tags
    ims = headers.get("If-Modified-Since")  # type: ignore[attr-defined]
    if ims:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        return int(mtime) <= since
    return False


class OutputServer(ThreadingHTTPServer):
    """A threaded HTTP server over one output folder."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Log a failed request in one line (mostly readers hanging up) instead of a traceback."""
        log.debug("request from %s failed: %s", client_address, sys.exc_info()[1])

    def __init__(self, root: Path, host: str, port: int, *, max_age: int) -> None:
        """Bind to host:port (port 0 picks a free one)."""
        self.root = root
        self.max_age = max_age
        super().__init__((host, port), OutputHandler)

    @property
    def url(self) -> str:
        """Return the base URL the server answers on."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


def start_server(root: Path, host: str = "127.0.0.1", port: int = 8080, *,
                 max_age: int = 3600) -> OutputServer:
    """Start serving root in a daemon thread and return the server (call shutdown())."""
    server = OutputServer(root, host, port, max_age=max_age)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="serve",
                     daemon=True).start()
    log.info("serving %s on %s", root, server.url)
    return server


def max_age_for(periods: list[float]) -> int:
    """Return the Cache-Control max-age for feeds refreshed every `periods` seconds."""
    shortest = min(periods) if periods else 3600.0
    return int(max(60, min(shortest / 2, 86400)))
