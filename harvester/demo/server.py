"""A small loopback HTTP server for the bundled sample site (used by `pubharvest demo` and tests).

Routes (no file is reachable by its own name; only these path shapes are served):

- `/` → `_home.html`; `/a/b/slug` → `a/b/slug.html`, served as HTML;
- `?page=N` on any HTML path: N = 1 (or no `page`) → `a/b.html`, N ≥ 2 → `a/b/_page-N.html`;
- `/a/name.txt|xml|css|jpg|pdf` → that file (robots.txt, sitemap.xml, images, PDFs);
- anything else (other extensions, `..`, percent-encoding, `_`-prefixed names,
  manifest.json) → 404 with the site's `_404.html`; a trailing slash → 301 without it.

`{{BASE_URL}}` in text files becomes the server's base URL, so robots.txt, sitemap.xml,
canonical and og:url links name the real ephemeral port. Every response carries an
ETag (hash of the bytes sent) and Last-Modified (the file's mtime) and honours
If-None-Match / If-Modified-Since with 304.

Usage::

    with serve_site() as site:                 # site: DemoSite
        start = site.url("/publications")      # "http://127.0.0.1:<port>/publications"
        ...                                    # harvest it
        site.requests                          # (LoggedRequest(method, path, status, bytes,
                                               #  user_agent), ...) in the order answered
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from ..errors import HarvestError

PLACEHOLDER = b"{{BASE_URL}}"
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_STATIC = re.compile(r"[a-z0-9][a-z0-9-]*\.(txt|xml|css|jpg|pdf)")
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".jpg": "image/jpeg",
    ".pdf": "application/pdf",
}
_TEXT = {".html", ".txt", ".xml", ".css"}
_BUNDLED = Path(__file__).resolve().parent / "site"


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request the server answered: method, raw path (with query), status, body bytes sent."""

    method: str
    path: str
    status: int
    bytes: int
    user_agent: str | None = None


class DemoSite:
    """A running sample site: its base URL and the log of requests it has answered.

    The log is thread-safe; `requests` returns a snapshot, `clear_requests()` empties it.
    """

    def __init__(self, base_url: str, root: Path) -> None:
        """Start with an empty request log."""
        self.base_url = base_url
        self.root = root
        self._log: list[LoggedRequest] = []
        self._lock = threading.Lock()

    def url(self, path: str = "/") -> str:
        """Return the absolute URL of a site path such as `/publications?page=2`."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    @property
    def requests(self) -> tuple[LoggedRequest, ...]:
        """Return every request answered so far, oldest first."""
        with self._lock:
            return tuple(self._log)

    def clear_requests(self) -> None:
        """Forget the requests logged so far."""
        with self._lock:
            self._log.clear()

    def record(self, entry: LoggedRequest) -> None:
        """Append one answered request to the log."""
        with self._lock:
            self._log.append(entry)

    def __repr__(self) -> str:
        """Show the base URL."""
        return f"DemoSite({self.base_url!r})"


def site_dir() -> Path:
    """Return the bundled site folder (works from a checkout and after pip install)."""
    return _BUNDLED


def load_manifest(root: Path | None = None) -> list[dict[str, Any]]:
    """Return the site's publications as listed in its manifest.json, newest first."""
    text = ((root or site_dir()) / "manifest.json").read_text(encoding="utf-8")
    return list(json.loads(text)["publications"])


@contextmanager
def serve_site(
    site_dir: Path | None = None, *, host: str = "127.0.0.1", port: int = 0
) -> Iterator[DemoSite]:
    """Serve a sample site on a loopback port in a daemon thread until the block ends.

    Args:
        site_dir: the folder to serve; None means the bundled site.
        host: the address to bind (loopback by default).
        port: the port; 0 picks a free ephemeral port.

    Returns:
        A context manager yielding a `DemoSite` (`.base_url` has no trailing slash,
        `.requests` is the request log).

    Raises:
        HarvestError: the folder is not a site (it has no `_home.html`).
        OSError: the address cannot be bound.
    """
    root = (site_dir or _BUNDLED).resolve()
    if not (root / "_home.html").is_file():
        raise HarvestError(f"{root}: not a sample site folder (no _home.html)")
    server_class = _SiteServer6 if ":" in host else _SiteServer
    server = server_class((host, port), _Handler)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    site = DemoSite(f"http://{shown}:{bound_port}", root)
    server.site = site
    with serving(server, "demo-site"):
        yield site


@contextmanager
def serving(server: Any, name: str = "site") -> Iterator[Any]:
    """Run an HTTP server in a daemon thread until the block ends, then close it (shared by
    the test and benchmark sites)."""
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name=name,
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _SiteServer(ThreadingHTTPServer):
    """A threading server that knows its site and stays quiet about client hang-ups."""

    daemon_threads = True
    site: DemoSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Drop errors (mostly clients closing early) instead of printing tracebacks."""


class _SiteServer6(_SiteServer):
    """The same server on an IPv6 address."""

    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the site folder; POST, PUT, DELETE and PATCH get 405."""

    server: _SiteServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stalls
    timeout = 30  # seconds an idle keep-alive connection may hold a thread

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's naming)
        """Answer a GET."""
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer a HEAD: the GET's headers, no body."""
        self._answer(head=True)

    def version_string(self) -> str:
        """Name the server in the `Server` header."""
        return "pubharvest-demo"

    def do_POST(self) -> None:  # noqa: N802
        """Refuse a POST (the sample site is read-only); PUT, DELETE and PATCH alike."""
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self._record(HTTPStatus.METHOD_NOT_ALLOWED, 0)
        self.end_headers()
        self.close_connection = True

    do_PUT = do_DELETE = do_PATCH = do_POST

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Log nothing to stderr (the request log lives on `DemoSite`)."""

    def _answer(self, head: bool) -> None:
        """Route the request and send the file, a redirect, a 304 or the 404 page."""
        site = self.server.site
        path, _, query = self.path.partition("#")[0].partition("?")
        if len(path) > 1 and path.endswith("/") and resolve(site.root, path.rstrip("/"), query):
            target = path.rstrip("/") + (f"?{query}" if query else "")
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8", head,
                       extra={"Location": site.url(target)})
            return
        file = resolve(site.root, path, query)
        if file is None:
            page = site.root / "_404.html"
            body = self._read(page) if page.is_file() else b"<h1>Not Found</h1>"
            self._send(HTTPStatus.NOT_FOUND, body, _TYPES[".html"], head)
            return
        body = self._read(file)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        modified = datetime.fromtimestamp(int(file.stat().st_mtime), tz=timezone.utc)
        validators = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
        if self._not_modified(etag, modified):
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, head=True, extra=validators)
            return
        self._send(HTTPStatus.OK, body, _TYPES[file.suffix], head, extra=validators)

    def _read(self, file: Path) -> bytes:
        """Return a file's bytes with the base-URL placeholder filled in (text files only)."""
        data = file.read_bytes()
        if file.suffix in _TEXT:
            data = data.replace(PLACEHOLDER, self.server.site.base_url.encode("ascii"))
        return data

    def _not_modified(self, etag: str, modified: datetime) -> bool:
        """Apply RFC 9110 precedence: If-None-Match decides when present, else If-Modified-Since."""
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = {t.strip().removeprefix("W/") for t in match.split(",")}
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError):
            return False
        return when.tzinfo is not None and modified <= when

    def _send(self, status: HTTPStatus, body: bytes, ctype: str | None, head: bool,
              extra: dict[str, str] | None = None) -> None:
        """Send status, headers and (unless HEAD or 304) the body; log the request."""
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        sent = 0 if head else len(body)
        self._record(status, sent)  # before the client can see the answer, so tests may rely on it
        self.end_headers()
        if sent:
            self.wfile.write(body)

    def _record(self, status: int, sent: int) -> None:
        """Add this request to the site's log."""
        self.server.site.record(LoggedRequest(
            self.command, self.path, int(status), sent, self.headers.get("User-Agent")))


def resolve(root: Path, path: str, query: str = "") -> Path | None:
    """Return the file that serves a URL path and query, or None for a 404.

    Only lowercase slug segments are accepted, which rules out `..`, percent-encoded
    slashes, backslashes and the `_`-prefixed files that only routes may reach.
    """
    if path == "/":
        return _inside(root, root / "_home.html")
    segments = path[1:].split("/") if path.startswith("/") else []
    if not segments or not all(_SLUG.fullmatch(s) for s in segments[:-1]):
        return None
    last = segments[-1]
    if _STATIC.fullmatch(last):
        return _inside(root, root.joinpath(*segments))
    if not _SLUG.fullmatch(last):
        return None
    page = _page_number(query)
    if page is None:
        return None
    name = "/".join(segments)
    file = root / f"{name}.html" if page == 1 else root / name / f"_page-{page}.html"
    return _inside(root, file)


def _page_number(query: str) -> int | None:
    """Return the `page` query value (1 when absent), or None when it is not a page number."""
    values = parse_qs(query).get("page")
    if not values:
        return 1
    text = values[0]
    return int(text) if text.isdigit() and 1 <= int(text) <= 10_000 else None


def _inside(root: Path, file: Path) -> Path | None:
    """Return the file if it exists inside the root (after resolving links), else None."""
    real = file.resolve()
    return real if real.is_file() and real.is_relative_to(root) else None
