"""Polite, robust HTTP: the one network seam of pubharvest.

`Fetcher` is here; what it returns (`Page`, `FetchStats`) is in `harvester.fetch_results`,
the watchdog that bounds an exchange in time in `harvester.fetch_watchdog`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from urllib.parse import urlsplit

import requests

from .config import Settings
from .errors import FetchError, RobotsDisallowed
from .fetch_results import FetchStats, Page, Reply, reason_phrase, redirect_target
from .fetch_watchdog import Watchdog, late, new_session, watched_failure
from .politeness import HostGate, backoff, host_key, parse_retry_after
from .responses import (NETWORK_ERRORS, TransientError, check_body, check_declared, discard,
                        gunzip, media_type, read_body, refresh_target)
from .robots import ROBOTS_MAX_BYTES, RobotsCache, product_token
from .urls import host_of, is_same_site

ACCEPT = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "xml": "application/xml,text/xml,application/rss+xml,application/atom+xml,"
           "application/feed+json;q=0.9,text/*;q=0.5,*/*;q=0.1",
    "any": "*/*",
}
DEADLINE_FACTOR = 3  # a whole response must arrive within 3 x timeout
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_REDIRECTS = 5  # RFC 9309: follow at least five


class Fetcher:
    """Fetches URLs politely (robots.txt, per-host delay) and defensively (caps, timeouts).

    One Fetcher per run; `fetch` may be called from several threads at once.
    """

    def __init__(self, settings: Settings, *, session: requests.Session | None = None) -> None:
        """Create a fetcher with its own pooled session unless one is given."""
        self.settings = settings
        self.stats = FetchStats()
        self._owns_session = session is None
        self._session = session if session is not None else new_session()
        self._headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"}
        self._agent = product_token(settings.user_agent)
        self._gate = HostGate(settings.breaker_failures, settings.breaker_cooldown)
        self._robots = RobotsCache(self._download_robots)

    def __enter__(self) -> Fetcher:
        """Return self, to close the session on exit."""
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        """Close the session."""
        self.close()

    def close(self) -> None:
        """Close the pooled connections (only those of a session this fetcher created)."""
        if self._owns_session:
            self._session.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: str = "html", allowed_domains: Sequence[str] = (),
              delay: float | None = None) -> Page:
        """Fetch one URL, following redirects, and return the final response.

        Args:
            url: an http(s) URL.
            etag, last_modified: validators from an earlier fetch, for a conditional GET.
            accept: "html", "xml" (feeds, sitemaps, also .xml.gz) or "any" (no type check).
            allowed_domains: hosts (and their subdomains) the URL and every redirect must
                stay on; empty allows any host.
            delay: a per-source delay; the larger of it, settings.delay and Crawl-delay wins.

        Returns:
            A Page with status 2xx and a decompressed body, or status 304 and no body.

        Raises:
            RobotsDisallowed: robots.txt forbids the URL or a redirect (never requested).
            BodyRejected: the body is too large, a bomb, empty, or not of the accepted kind.
            FetchError: any other failure; `reason` is one line, `status` set for HTTP errors.
        """
        if accept not in ACCEPT:
            raise ValueError(f"accept must be one of {', '.join(ACCEPT)}, not {accept!r}")
        start = time.monotonic()
        headers = {**self._headers, "Accept": ACCEPT[accept]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            final, chain, reply = self._follow(url, headers, accept, allowed_domains, delay)
        except RobotsDisallowed:
            self.stats.add("robots_skipped")
            raise
        except FetchError:
            self.stats.add("errors")
            raise
        if reply.status == 304:
            self.stats.add("not_modified")
        return Page(url=final, requested_url=url, status=reply.status, headers=reply.headers,
                    body=reply.body, elapsed=time.monotonic() - start, redirects=chain)

    def robots_allows(self, url: str) -> bool:
        """Tell whether robots.txt lets us fetch `url` (downloading it on first use)."""
        if not _is_sendable_url(url):
            return False
        return self._robots.get(url).allows(url, self._agent)

    def robots_sitemaps(self, url: str) -> list[str]:
        """Return the Sitemap: lines of the robots.txt of `url`'s host."""
        return self._robots.get(url).sitemaps() if _is_sendable_url(url) else []

    def _follow(self, url: str, headers: dict[str, str], accept: str,
                allowed: Sequence[str], delay: float | None) -> tuple[str, tuple[str, ...], Reply]:
        """Request `url` hop by hop, checking every hop; return final URL, chain and reply."""
        chain: list[str] = []
        current = url
        while True:
            self._admit(url, current, allowed, hop=bool(chain))
            wait = max(self.settings.delay, delay or 0.0, self._crawl_delay(current))
            reply = self._exchange(url, current, headers, wait, accept, self.settings.max_bytes)
            if reply.status not in REDIRECTS:
                final = self._final(url, reply, accept)
                # A stub page whose meta refresh sends a browser on at once is a redirect;
                # one going round, off the allowed hosts or robots.txt, or a hop too many
                # leaves the page as it is.
                target = refresh_target(final.body, current) if accept != "xml" \
                    and final.status == 200 else None
                if target is None or target in chain \
                        or len(chain) >= self.settings.max_redirects \
                        or not self._admits(url, target, allowed):
                    return current, tuple(chain), final
            else:
                target = redirect_target(url, current, reply)
            if target == current or target in chain:
                raise FetchError(url, f"redirect loop at {target}", reply.status)
            if len(chain) >= self.settings.max_redirects:
                raise FetchError(url, f"too many redirects (more than "
                                      f"{self.settings.max_redirects})", reply.status)
            chain.append(current)
            current = target

    def _admit(self, url: str, target: str, allowed: Sequence[str], *, hop: bool) -> None:
        """Raise unless `target` is an http(s) URL on an allowed host that robots.txt permits."""
        where = f"redirect to {target}: " if hop else ""
        if not _is_sendable_url(target):
            raise FetchError(url, f"{where}invalid URL (expected http or https)")
        if not is_same_site(target, allowed):
            host = host_of(target)
            lead = f"redirect to {host}" if hop else host
            raise FetchError(url, f"{lead} is outside the allowed domains")
        robots = self._robots.get(target)
        if robots.refusal:
            # A site that cannot serve robots.txt is failing, not forbidding: a FetchError
            # lands in the run report's failures, where someone will look.
            raise FetchError(url, f"{where}{robots.refusal}")
        if not robots.allows(target, self._agent):
            raise RobotsDisallowed(url, f"{where}disallowed by robots.txt")

    def _admits(self, url: str, target: str, allowed: Sequence[str]) -> bool:
        """Tell whether `_admit` lets a hop to `target` be requested."""
        try:
            self._admit(url, target, allowed, hop=True)
        except FetchError:
            return False
        return True

    def _crawl_delay(self, url: str) -> float:
        """Return the host's Crawl-delay for our user agent (0 when none)."""
        return self._robots.get(url).crawl_delay(self._agent)

    def _final(self, url: str, reply: Reply, accept: str) -> Reply:
        """Return a 2xx or 304 reply with its body checked; raise FetchError for the rest."""
        if reply.status == 304:
            return reply
        if not 200 <= reply.status < 300:
            raise FetchError(url, f"HTTP {reply.status} {reply.phrase}".strip(), reply.status)
        body = reply.body
        if accept == "xml" and body[:2] == b"\x1f\x8b":
            body = gunzip(url, body, self.settings.max_bytes)  # a .xml.gz sitemap
        if accept != "any":
            check_body(url, accept, media_type(reply.headers), body)
        return Reply(reply.status, reply.phrase, reply.headers, body)

    def _download_robots(self, robots: str) -> bytes:
        """Download a robots.txt (up to five redirects, 500 KiB kept); raise FetchError."""
        current = robots
        for _ in range(ROBOTS_REDIRECTS + 1):
            if not _is_sendable_url(current):
                raise FetchError(robots, f"redirect to a non-HTTP URL {current}")
            reply = self._exchange(robots, current, {**self._headers, "Accept": "text/plain"},
                                   self.settings.delay, "any", ROBOTS_MAX_BYTES, truncate=True)
            if reply.status not in REDIRECTS:
                if not 200 <= reply.status < 300:
                    raise FetchError(robots, f"HTTP {reply.status}", reply.status)
                return reply.body
            current = redirect_target(robots, current, reply)
        raise FetchError(robots, "too many redirects")

    def _exchange(self, url: str, target: str, headers: Mapping[str, str], delay: float,
                  accept: str, limit: int, *, truncate: bool = False) -> Reply:
        """Request `target` in the host's turn, retrying network errors, 429 and 5xx.

        A host that failed too many fetches in a row is not asked (see `HostGate.refusal`).
        """
        retries, key = self.settings.retries, host_key(target)
        refusal = self._gate.refusal(key)
        if refusal:
            raise FetchError(url, refusal)
        failure, status = "", None
        for attempt in range(retries + 1):
            with self._gate.turn(key, delay) as turn:
                try:
                    reply = self._once(url, target, headers, accept, limit, truncate)
                except TransientError as exc:
                    failure, status, turn.rest = exc.reason, None, backoff(attempt)
                else:
                    if reply.status not in RETRY_STATUSES:
                        self._gate.record(key, None)
                        return reply
                    failure, status = f"HTTP {reply.status} {reply.phrase}", reply.status
                    turn.rest = self._retry_wait(url, reply, attempt)
            if attempt < retries:
                self.stats.add("retries")
        self._gate.record(key, failure)
        tries = f"{retries} retr{'y' if retries == 1 else 'ies'}"
        if retries and status:
            failure = f"HTTP {status} after {tries}"
        elif retries:
            failure = f"{failure} (after {tries})"
        raise FetchError(url, failure, status)

    def _retry_wait(self, url: str, reply: Reply, attempt: int) -> float:
        """Return how long to rest before retrying; raise when Retry-After is over the cap of 0."""
        asked = None
        if reply.status in (429, 503):
            asked = parse_retry_after(reply.headers.get("Retry-After"))
        if asked is None:
            return backoff(attempt)
        cap = self.settings.max_retry_after
        if asked > cap and cap <= 0:
            raise FetchError(url, f"HTTP {reply.status} with Retry-After {asked:.0f} s; "
                                  "not waiting (max_retry_after is 0)", reply.status)
        return min(asked, cap)

    def _once(self, url: str, target: str, headers: Mapping[str, str], accept: str,
              limit: int, truncate: bool) -> Reply:
        """Make one request; read and decompress a 2xx body within the size and time caps.

        The whole exchange, from connecting to the last body byte, must end within
        DEADLINE_FACTOR x timeout: a watchdog cuts the connection at that deadline.
        """
        timeout = self.settings.timeout
        budget = DEADLINE_FACTOR * timeout
        deadline = time.monotonic() + budget
        self.stats.add("requests")
        with Watchdog(budget) as watchdog:
            try:
                response = self._session.get(target, headers=dict(headers), stream=True,
                                             allow_redirects=False, timeout=(timeout, timeout))
            except NETWORK_ERRORS as exc:
                raise watched_failure(url, exc, timeout, watchdog, mid_body=False) from None
            with response:
                phrase = reason_phrase(response.status_code, response.reason)
                if not 200 <= response.status_code < 300:
                    discard(response.raw, response.headers, response.status_code, deadline)
                    return Reply(response.status_code, phrase, response.headers)
                if not truncate:
                    check_declared(url, accept, response.headers, limit)
                try:
                    body = read_body(url, response.raw, response.headers, limit,
                                     deadline=deadline, budget=budget, truncate=truncate,
                                     count=lambda n: self.stats.add("bytes", n))
                except NETWORK_ERRORS as exc:
                    raise watched_failure(url, exc, timeout, watchdog, mid_body=True) from None
                if watchdog.fired:  # the cut looked like the end of a close-delimited body
                    raise late(url, watchdog)
                return Reply(response.status_code, phrase, response.headers, body)


def _is_sendable_url(url: str) -> bool:
    """Tell whether `url` is an absolute http(s) URL with a host that requests can send."""
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return False
        _ = parts.port  # raises ValueError when out of range
        requests.PreparedRequest().prepare_url(url, None)
    except (ValueError, requests.RequestException):  # InvalidURL is both
        return False
    return True
