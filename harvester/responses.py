"""Reading responses defensively: bounded bodies, content sniffing, one-line network errors.

The watchdog that bounds a whole exchange in time is in `harvester.fetch_watchdog`.
"""

from __future__ import annotations

import http.client
import re
import ssl
import time
import zlib
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin

import lxml.html
import requests
import urllib3
from lxml import etree

from .errors import BodyRejected, FetchError

#: Longest delay of a meta refresh that is followed like a redirect (a stub page's "0" to
#: "you will be redirected in 5 seconds"); a news page reloading itself every 300 s is not.
REFRESH_MAX_DELAY = 5
_REFRESH_SCAN = 65_536  # a refresh sits in the head: the body's start is read
_REFRESH = re.compile(rb"(?i)http-equiv\s*=\s*[\"']?\s*refresh")
_REFRESH_CONTENT = etree.XPath(
    "//meta[translate(normalize-space(@http-equiv), 'REFSH', 'refsh') = 'refresh']"
    "[not(ancestor::noscript)]/@content")
_REFRESH_VALUE = re.compile(r"(?is)^\s*(\d{1,6}(?:\.\d*)?)\s*[;,]?\s*(?:url\s*=\s*)?(\S.*)$")

CHUNK = 64 * 1024
DISCARD_BYTES = 64 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A JSON Feed is served as its own type or as plain JSON.
_JSON_FEED_TYPES = frozenset({"application/feed+json", "application/json"})
UNKNOWN_TYPES = frozenset({"application/octet-stream", "binary/octet-stream",
                           "application/unknown", "text/plain"})
GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})
# Everything the network stack raises; ValueError covers urllib3 URL and chunk parsing.
NETWORK_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError, OSError,
                  http.client.HTTPException, ValueError)
_MAGIC = ((b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive"),
          (b"\x1f\x8b", "gzip-compressed data"))
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SSL_NOISE = re.compile(r"^\[[^\]]*\]\s*|\s*\(_ssl\.c:\d+\)$")  # "[SSL: X] ... (_ssl.c:1)"
_HTML_MARK = re.compile(r"<(!doctype\s+html|html|head|body|title|meta)[\s>/]")


class TransientError(FetchError):
    """Raised for a failure worth retrying (network trouble); the fetcher never lets it out."""


def media_type(headers: Mapping[str, str]) -> str | None:
    """Return the lowercased media type of a Content-Type header, without parameters."""
    value = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    return value or None


def read_body(url: str, raw: Any, headers: Mapping[str, str], limit: int, *,
              deadline: float, budget: float, truncate: bool,
              count: Callable[[int], None]) -> bytes:
    """Stream a raw urllib3 body, decompressing in bounded steps, within size and time caps.

    Args:
        raw: the urllib3 response, read with `read1(decode_content=False)`.
        limit: the most bytes kept, on the wire and after decompression.
        deadline: the `time.monotonic()` by which the body must be complete.
        budget: the seconds that deadline stands for (for the message).
        truncate: keep the first `limit` bytes instead of refusing a longer body.
        count: called once with the number of bytes received on the wire.

    Raises:
        BodyRejected: the body is too large, compressed oddly or corrupt.
        TransientError: the deadline passed.
    """
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    inflate = _decompressor(url, encoding)
    out, wire = bytearray(), 0
    try:
        while chunk := raw.read1(CHUNK, decode_content=False):
            wire += len(chunk)
            if time.monotonic() > deadline:
                raise TransientError(url, f"response not complete after {budget:g} s")
            if inflate is None:
                out += chunk
            elif wire > limit and not truncate:
                raise BodyRejected(url, f"body larger than {limit} bytes (compressed)")
            else:
                # max_length bounds the output: a bomb never inflates past limit + 1 bytes.
                out += inflate.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                if truncate:
                    return bytes(out[:limit])
                kind = " (decompressed)" if inflate else ""
                raise BodyRejected(url, f"body larger than {limit} bytes{kind}")
    except zlib.error:
        raise BodyRejected(url, f"corrupt {encoding} body") from None
    finally:
        count(wire)
    return bytes(out)


def discard(raw: Any, headers: Mapping[str, str], status: int, deadline: float) -> None:
    """Read and drop a small error or redirect body, so its connection can be reused.

    Bodies of unknown or large size are left alone: closing the response is cheaper.
    """
    length = (headers.get("Content-Length") or "").strip()
    if status not in (204, 304) and not (length.isdigit() and int(length) <= DISCARD_BYTES):
        return
    try:
        got = 0
        while got <= DISCARD_BYTES and time.monotonic() < deadline:
            chunk = raw.read1(CHUNK, decode_content=False)
            if not chunk:
                return
            got += len(chunk)
    except NETWORK_ERRORS:
        return  # the status is the answer; a broken error body changes nothing


def gunzip(url: str, body: bytes, limit: int) -> bytes:
    """Decompress a gzip file body (a .xml.gz sitemap), refusing output over `limit` bytes."""
    try:
        data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, limit + 1)
    except zlib.error:
        raise BodyRejected(url, "corrupt gzip file") from None
    if len(data) > limit:
        raise BodyRejected(url, f"body larger than {limit} bytes (decompressed)")
    return data


def check_declared(url: str, accept: str, headers: Mapping[str, str], limit: int) -> None:
    """Refuse a response by its headers alone: too long, or of a type that was not asked for."""
    length = (headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > limit:
        raise BodyRejected(url, f"body larger than {limit} bytes (Content-Length: {length})")
    media = media_type(headers)
    if media is None or media in UNKNOWN_TYPES or accept == "any":
        return
    if accept == "html" and media not in HTML_TYPES:
        raise BodyRejected(url, f"not HTML: {media}")
    if accept == "xml" and not is_xmlish_type(media):
        raise BodyRejected(url, f"not XML: {media}")


def check_body(url: str, accept: str, media: str | None, body: bytes) -> None:
    """Refuse an empty body, a binary one, or one of unknown type that does not look right."""
    if not body.strip():
        raise BodyRejected(url, "empty body")
    kind = "HTML" if accept == "html" else "XML"
    served = f"served as {media}" if media else "served without a Content-Type"
    binary = binary_kind(body)
    if binary:
        raise BodyRejected(url, f"not {kind}: body looks like {binary} ({served})")
    if media is None or media in UNKNOWN_TYPES:
        looks = is_html_like(body) if accept == "html" else is_xml_like(body)
        # A plain-text sitemap (one URL per line) is a valid sitemap.
        if not looks and not (accept == "xml" and media == "text/plain"):
            raise BodyRejected(url, f"not {kind}: body does not look like {kind} ({served})")


def refresh_target(body: bytes, current: str) -> str | None:
    """Return where an HTML page sends a browser at once with `<meta http-equiv="refresh"
    content="0; url=...">` (a delay of REFRESH_MAX_DELAY seconds at most, outside
    <noscript>), resolved against the page; None when it does not, or sends it back."""
    head = body[:_REFRESH_SCAN]
    if not _REFRESH.search(head):
        return None
    try:
        root = lxml.html.fromstring(head)
    except (etree.LxmlError, ValueError):
        return None
    for content in _REFRESH_CONTENT(root):
        match = _REFRESH_VALUE.match(str(content))
        if match is None or float(match.group(1)) > REFRESH_MAX_DELAY:
            continue
        try:
            target = urljoin(current, match.group(2).strip().strip("'\"")).split("#")[0]
        except ValueError:
            return None
        return target if target != current and target.startswith(("http://", "https://")) \
            else None
    return None


def is_xmlish_type(media: str) -> bool:
    """Tell whether a media type can carry a feed or sitemap (XML, JSON Feed, text, gzip)."""
    return "xml" in media or media in _JSON_FEED_TYPES or media.startswith("text/") \
        or media in GZIP_TYPES


def binary_kind(body: bytes) -> str | None:
    """Name the binary format a body starts with (PDF, images, archives, NUL-heavy), or None."""
    head = body[:1024]
    if head.startswith(_UTF16_BOMS):
        return None  # UTF-16 text is full of NULs but is text
    stripped = head.lstrip()
    for magic, name in _MAGIC:
        if stripped.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head.count(0) * 100 > len(head):
        return "binary data"
    return None


def is_html_like(body: bytes) -> bool:
    """Tell whether the first bytes carry HTML markup."""
    head = body[:4096]
    codec = "utf-16" if head.startswith(_UTF16_BOMS) else "latin-1"
    return bool(_HTML_MARK.search(head.decode(codec, "replace").lower()))


def is_xml_like(body: bytes) -> bool:
    """Tell whether a body starts like an XML document."""
    return body.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


def _decompressor(url: str, encoding: str) -> Any:
    """Return a zlib decompressor for a Content-Encoding (None for identity); refuse others."""
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        # 32 + MAX_WBITS reads both gzip and zlib headers; "deflate" is zlib-wrapped in HTTP.
        return zlib.decompressobj(32 + zlib.MAX_WBITS)
    raise BodyRejected(url, f"unsupported Content-Encoding: {encoding}")


def network_failure(url: str, exc: BaseException, timeout: float, *,
                    mid_body: bool) -> FetchError:
    """Turn a requests/urllib3/socket/ssl error into a one-line FetchError.

    Returns a TransientError for what a retry may cure, a plain FetchError otherwise.
    """
    chain = _causes(exc)
    where = " mid-body" if mid_body else ""
    invalid = (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
               requests.exceptions.InvalidSchema, requests.exceptions.InvalidHeader,
               urllib3.exceptions.LocationValueError)
    if any(isinstance(e, invalid) for e in chain):
        return FetchError(url, "invalid URL")
    tls = next((e for e in chain if isinstance(e, ssl.SSLError)), None)
    if tls is not None or isinstance(exc, requests.exceptions.SSLError):
        return FetchError(url, f"TLS error: {_SSL_NOISE.sub('', one_line(tls or exc))}")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TransientError(url, f"connection timed out after {timeout:g} s")
    timeouts = (TimeoutError, requests.exceptions.Timeout, urllib3.exceptions.TimeoutError)
    # urllib3 files a refused connection (NewConnectionError) under its timeouts.
    if any(isinstance(e, timeouts) for e in chain) and not any(
            isinstance(e, urllib3.exceptions.NewConnectionError) for e in chain):
        return TransientError(url, f"timed out after {timeout:g} s{where}")
    return TransientError(url, _connection_reason(chain, where))


def _connection_reason(chain: list[BaseException], where: str) -> str:
    """Describe a connection-level failure in a few stable words."""
    def seen(*kinds: type[BaseException]) -> bool:
        """Tell whether the chain holds an error of one of these kinds."""
        return any(isinstance(e, kinds) for e in chain)

    if seen(ConnectionRefusedError):
        return "connection refused"
    if seen(urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if seen(http.client.RemoteDisconnected):  # a ConnectionResetError too, so first
        return "server closed the connection without a response"
    if seen(ConnectionResetError):
        return f"connection reset{where}"
    if seen(http.client.IncompleteRead, urllib3.exceptions.IncompleteRead):
        return "connection closed mid-body"
    if seen(ValueError, http.client.HTTPException):
        return f"malformed HTTP response{where}"
    return f"network error{where}: {one_line(chain[-1])}"


def _causes(exc: BaseException) -> list[BaseException]:
    """Return an exception and the errors it wraps (cause, context, args, `reason`)."""
    found: list[BaseException] = []
    todo = [exc]
    while todo and len(found) < 20:
        item = todo.pop(0)
        if any(item is f for f in found):
            continue
        found.append(item)
        nested = [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
        todo.extend(e for e in nested if isinstance(e, BaseException))
    return found


def one_line(exc: BaseException) -> str:
    """Return an exception's message on one short line."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__
