"""Politeness: one request at a time per host, a pause between requests, retry waits, and a
breaker that stops asking a host that keeps failing."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
BACKOFF_BASE = 0.5
BACKOFF_CAP = 60.0
#: After this many fetches in a row failed on a host (each after its retries: no answer,
#: or 429/5xx), its other URLs fail at once for BREAKER_COOLDOWN seconds; then one is tried.
#: The defaults of `settings.breaker_failures` and `settings.breaker_cooldown`.
BREAKER_FAILURES = 5
BREAKER_COOLDOWN = 600.0


def host_key(url: str) -> str:
    """Return `scheme://host:port` for a URL: the unit that politeness applies to."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme, 0)
    except ValueError:
        port = 0
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


@dataclass
class Turn:
    """One request's slot at a host; `rest` asks the host to stay quiet that long afterwards."""

    rest: float = 0.0


@dataclass
class _Host:
    """The state of one host: its lock, when the last request ended, and a rest deadline."""

    lock: threading.Lock
    last_end: float = float("-inf")
    not_before: float = float("-inf")
    failures: int = 0
    last_failure: str = ""
    open_until: float = float("-inf")


class HostGate:
    """Per-host locks and clocks: one request at a time per host, `delay` seconds apart."""

    def __init__(self, failures: int = BREAKER_FAILURES,
                 cooldown: float = BREAKER_COOLDOWN) -> None:
        """Start with no hosts; the breaker opens after `failures` failed fetches in a row."""
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._failures = failures
        self._cooldown = cooldown

    def refusal(self, key: str) -> str | None:
        """Return why host `key` is not asked now (it failed too often lately), or None."""
        host = self._host(key)
        with self._lock:
            if host.failures < self._failures or time.monotonic() >= host.open_until:
                return None
            return (f"not requested: the host failed {host.failures} times in a row "
                    f"(last: {host.last_failure})")

    def record(self, key: str, failure: str | None) -> None:
        """Count how a fetch from host `key` ended: `failure` says why, None for an answer."""
        host = self._host(key)
        with self._lock:
            if failure is None:
                host.failures = 0
                return
            host.failures += 1
            host.last_failure = failure
            if host.failures >= self._failures:
                host.open_until = time.monotonic() + self._cooldown

    @contextmanager
    def turn(self, key: str, delay: float) -> Iterator[Turn]:
        """Wait until host `key` is free and rested, then hold it for one request.

        Args:
            key: the host, as returned by `host_key`.
            delay: seconds to leave between the end of the previous request and this one.

        Returns:
            A context manager yielding a Turn; set `turn.rest` to keep the host quiet
            longer after this request (a Retry-After or a backoff).
        """
        host = self._host(key)
        with host.lock:
            start = max(host.last_end + delay, host.not_before)
            pause = start - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            turn = Turn()
            try:
                yield turn
            finally:
                host.last_end = time.monotonic()
                host.not_before = host.last_end + turn.rest

    def _host(self, key: str) -> _Host:
        """Return the state of one host, creating it on first use."""
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(threading.Lock())
            return self._hosts[key]


def backoff(attempt: int, base: float = BACKOFF_BASE) -> float:
    """Return the wait before retry number `attempt` (0-based): exponential, 0-10% jitter."""
    # Jitter keeps several harvesters that failed together from retrying in lockstep.
    return min(base * 2**attempt, BACKOFF_CAP) * (1 + random.uniform(0, 0.1))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Return the seconds a Retry-After header asks for (delta or HTTP-date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
