"""What a fetch reads and returns: the `Reply` of one exchange (its reason phrase, its
redirect target), the `Page` a fetch returns, and the fetcher's `FetchStats`."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from http import HTTPStatus
from urllib.parse import urljoin

from .errors import FetchError
from .responses import media_type


@dataclass(frozen=True)
class Page:
    """One fetched response: 2xx with its (decompressed) body, or a 304 with none."""

    url: str
    requested_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    elapsed: float
    redirects: tuple[str, ...] = ()

    @property
    def content_type(self) -> str | None:
        """Return the Content-Type header as sent (with any charset), or None."""
        value = self.headers.get("Content-Type")
        return (value.strip() or None) if value else None

    @property
    def media_type(self) -> str | None:
        """Return the bare, lowercased media type (`text/html`), or None."""
        return media_type(self.headers)

    @property
    def etag(self) -> str | None:
        """Return the ETag header, or None."""
        return self.headers.get("ETag")

    @property
    def last_modified(self) -> str | None:
        """Return the Last-Modified header, or None."""
        return self.headers.get("Last-Modified")

    @property
    def not_modified(self) -> bool:
        """Tell whether the server answered 304 Not Modified."""
        return self.status == 304


@dataclass
class FetchStats:
    """Counters of one Fetcher, safe to update from several threads."""

    requests: int = 0
    bytes: int = 0
    not_modified: int = 0
    robots_skipped: int = 0
    retries: int = 0
    errors: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, name: str, amount: int = 1) -> None:
        """Add `amount` to the counter `name`."""
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def snapshot(self) -> FetchStats:
        """Return a consistent copy of the counters."""
        with self._lock:
            return FetchStats(**{f.name: getattr(self, f.name) for f in fields(self)
                                 if not f.name.startswith("_")})


@dataclass(frozen=True)
class Reply:
    """One HTTP exchange as read off the wire (body only for 2xx)."""

    status: int
    phrase: str
    headers: Mapping[str, str]
    body: bytes = b""


def reason_phrase(status: int, reason: str | None) -> str:
    """Return the standard reason phrase of a status, else the server's own."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return " ".join((reason or "").split())[:60]


def redirect_target(url: str, current: str, reply: Reply) -> str:
    """Return the absolute URL a redirect points to, without its fragment."""
    location = (reply.headers.get("Location") or "").strip()
    if not location:
        raise FetchError(url, f"HTTP {reply.status} redirect without a Location", reply.status)
    return urljoin(current, location).split("#")[0]
