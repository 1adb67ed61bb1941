"""The watchdog of one HTTP exchange: it cuts the connection at the exchange's deadline.

A read timeout bounds each socket read only; a `Watchdog` bounds the whole exchange, on a
session whose adapter is a `WatchedAdapter` (its pools show it each connection they hand out):
the session `new_session` makes. `watched_failure` and `late` name the error of an exchange
the watchdog cut.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .errors import FetchError
from .responses import TransientError, network_failure

_WATCHED = threading.local()  # the Watchdog of the exchange this thread is making


class Watchdog:
    """Shuts down the connection of one exchange at its deadline, wherever it is stuck.

    The read timeout bounds each socket read, so a server that sends one byte a second,
    in the status line, the headers or the body, never trips it; the watchdog bounds the
    whole exchange. It works on sessions whose adapter is a `WatchedAdapter`.
    """

    def __init__(self, seconds: float) -> None:
        """Prepare a watchdog that fires `seconds` after the block starts."""
        self.seconds = seconds
        self.fired = False
        self._conn: Any = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        """Start the clock and watch the connections this thread takes from a pool."""
        _WATCHED.current = self
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        """Stop the clock."""
        _WATCHED.current = None
        self._done.set()
        self._timer.cancel()

    def watch(self, conn: Any) -> None:
        """Remember the connection the exchange uses (its socket may not exist yet)."""
        with self._lock:
            self._conn = conn

    def _fire(self) -> None:
        """Shut the socket down (a blocked read then returns at once); wait for a connect."""
        while not self._done.is_set():
            with self._lock:
                self.fired = True
                sock = getattr(self._conn, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                return
            self._done.wait(0.05)  # still connecting (bounded by the connect timeout)


class _WatchedHTTPPool(HTTPConnectionPool):
    """A connection pool that shows each connection it hands out to the thread's watchdog."""

    def _get_conn(self, timeout: float | None = None) -> Any:
        """Return a connection, watched by the current exchange's watchdog."""
        return _watched(super()._get_conn(timeout))


class _WatchedHTTPSPool(HTTPSConnectionPool):
    """The HTTPS variant of `_WatchedHTTPPool`."""

    def _get_conn(self, timeout: float | None = None) -> Any:
        """Return a connection, watched by the current exchange's watchdog."""
        return _watched(super()._get_conn(timeout))


def _watched(conn: Any) -> Any:
    """Hand a pooled connection to the watchdog of this thread's exchange, if any."""
    watchdog = getattr(_WATCHED, "current", None)
    if watchdog is not None:
        watchdog.watch(conn)
    return conn


class WatchedAdapter(HTTPAdapter):
    """A requests adapter whose connections a `Watchdog` can cut at a deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """Create the pool manager with watched pool classes."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool,
                                                   "https": _WatchedHTTPSPool}


def new_session() -> requests.Session:
    """Return a pooled, watchdog-aware session that ignores proxy and netrc settings."""
    session = requests.Session()
    session.trust_env = False  # config is explicit; no hidden environment lookups
    for prefix in ("http://", "https://"):
        session.mount(prefix, WatchedAdapter())
    return session


def watched_failure(url: str, exc: BaseException, timeout: float, watchdog: Watchdog, *,
                    mid_body: bool) -> FetchError:
    """Return the FetchError for a network error: the deadline's, if the watchdog cut it."""
    if watchdog.fired:
        return late(url, watchdog)
    return network_failure(url, exc, timeout, mid_body=mid_body)


def late(url: str, watchdog: Watchdog) -> TransientError:
    """Return the error of an exchange that did not end by its deadline."""
    return TransientError(url, f"response not complete after {watchdog.seconds:g} s")
