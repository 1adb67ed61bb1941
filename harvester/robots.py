"""robots.txt: fetched once per host and read with protego, with RFC 9309 failure rules."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from .errors import FetchError

ROBOTS_MAX_BYTES = 500 * 1024
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class Robots:
    """One host's robots.txt: the parsed rules, or why the whole host is off limits."""

    rules: Protego | None
    refusal: str | None = None

    def allows(self, url: str, agent: str) -> bool:
        """Tell whether robots.txt lets product token `agent` fetch `url`."""
        if self.rules is None:
            return False
        return self.rules.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float:
        """Return the Crawl-delay for `agent` (or `*`) in seconds, capped; 0 when none."""
        if self.rules is None:
            return 0.0
        try:
            value = float(self.rules.crawl_delay(agent) or 0.0)
        except (TypeError, ValueError):
            return 0.0
        return min(max(value, 0.0), MAX_CRAWL_DELAY)

    def sitemaps(self) -> list[str]:
        """Return the Sitemap: URLs, in file order."""
        return list(self.rules.sitemaps) if self.rules is not None else []


def robots_url(url: str) -> str:
    """Return the robots.txt URL that governs `url`."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "/robots.txt", "", ""))


def product_token(user_agent: str) -> str:
    """Return the product token of a User-Agent (`pubharvest/0.1 (...)` -> `pubharvest`)."""
    # Matching robots.txt groups against the whole header would let a group such as
    # `User-agent: bot` apply to us just because our comment says "polite bot".
    words = user_agent.split()
    return words[0].split("/")[0].lower() if words else "*"


def from_reply(body: bytes | None, error: FetchError | None) -> Robots:
    """Turn the outcome of fetching robots.txt into Robots, following RFC 9309.

    A body is parsed (truncated to 500 KiB); a 4xx means no rules at all, except
    429, which asks us to slow down, so the host is treated like a 5xx: unreachable
    means everything is disallowed until the next run.
    """
    if error is None:
        text = (body or b"")[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        return Robots(Protego.parse(text))
    if error.status is not None and 400 <= error.status < 500 and error.status != 429:
        return Robots(Protego.parse(""))
    # The cause alone ("connection refused"), without the fetcher's "(after 2 retries)".
    detail = f"HTTP {error.status}" if error.status else error.reason.split(" (after ")[0]
    return Robots(None, f"robots.txt unreachable ({detail}): treating the site as disallowed")


class RobotsCache:
    """robots.txt per origin (scheme + host + port), downloaded once and shared by threads."""

    def __init__(self, download: Callable[[str], bytes]) -> None:
        """Use `download(robots_url)` to get a body; it raises FetchError on failure."""
        self._download = download
        self._lock = threading.Lock()
        self._entries: dict[str, Robots] = {}
        self._loading: dict[str, threading.Lock] = {}

    def get(self, url: str) -> Robots:
        """Return the robots.txt that governs `url`, downloading it on first use."""
        key = robots_url(url)
        with self._lock:
            if key in self._entries:
                return self._entries[key]
            loading = self._loading.setdefault(key, threading.Lock())
        # One download per origin even when several threads ask at once.
        with loading:
            with self._lock:
                if key in self._entries:
                    return self._entries[key]
            try:
                robots = from_reply(self._download(key), None)
            except FetchError as exc:
                robots = from_reply(None, exc)
            with self._lock:
                self._entries[key] = robots
            return robots
