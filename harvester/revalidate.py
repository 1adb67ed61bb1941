"""Revalidate: fetch a listing, feed or sitemap conditionally and keep its fetch state.

Discovery reads the same listing pages, feeds and sitemaps run after run. On an
incremental run each is asked for with the ETag and Last-Modified of its last
good fetch, and a body whose hash did not change counts as not modified too (a
server without validators). Every fetch, failed or not, is saved as the URL's
fetch state, so the next run can ask conditionally again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timezone

from .errors import FetchError
from .fetch import Fetcher
from .fetch_results import Page
from .store import FetchState, Store


class Revalidator:
    """Conditional fetches of one source's discovery pages, with their fetch state."""

    def __init__(self, fetcher: Fetcher, store: Store, source: str, *, incremental: bool,
                 domains: tuple[str, ...], delay: float | None,
                 fail: Callable[[str, str], None]) -> None:
        """Fetch for `source` (conditionally when incremental); `fail(url, reason)` reports."""
        self.fetcher, self.store, self.source = fetcher, store, source
        self.incremental, self.domains, self.delay, self.fail = incremental, domains, delay, fail
        #: URLs whose body came back byte for byte as last time (no validators needed).
        self.same_body: set[str] = set()

    def fetch(self, url: str, kind: str, accept: str, *, quiet: bool = False) -> Page | None:
        """Fetch a listing, feed or sitemap (conditionally when incremental); None on failure.

        A failure is reported through `fail` unless `quiet` (a guessed sitemap that is
        missing is no failure worth reporting); it is saved as the fetch state either way.
        """
        state = self.store.fetch_state(url) if self.incremental else None
        usable = state if state is not None and state.kind == kind and state.error is None \
            else None
        try:
            page = self.fetcher.fetch(
                url, etag=usable.etag if usable else None,
                last_modified=usable.last_modified if usable else None, accept=accept,
                allowed_domains=self.domains if kind == "listing" else (), delay=self.delay)
        except FetchError as exc:
            self._save(url, kind, error=exc.reason, status=exc.status)
            if not quiet:
                self.fail(url, exc.reason)
            return None
        digest = hashlib.sha256(page.body).hexdigest() if not page.not_modified else None
        if usable and digest and digest == usable.content_hash:
            self.same_body.add(url)
        # A 304 need not repeat the validators: keep the stored ones then.
        self._save(url, kind, status=page.status,
                   etag=page.etag or (usable.etag if usable else None),
                   last_modified=page.last_modified or (usable.last_modified if usable else None),
                   content_hash=digest or (usable.content_hash if usable else None))
        return page

    def _save(self, url: str, kind: str, *, status: int | None = None, error: str | None = None,
              etag: str | None = None, last_modified: str | None = None,
              content_hash: str | None = None) -> None:
        """Record the fetch state of a listing, feed or sitemap URL."""
        self.store.save_fetch_state(FetchState(
            url=url, source=self.source, status=status, etag=etag,
            last_modified=last_modified, content_hash=content_hash, error=error,
            fetched_at=datetime.now(timezone.utc), kind=kind))
