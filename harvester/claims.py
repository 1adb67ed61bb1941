"""Which URL a fetched page's record is stored under: the canonical URL it declares,
unless that names no page of its own.

A page's declared canonical (`<link rel=canonical>`, `og:url`, JSON-LD `url`) names the
publication it is a copy of: a print view, a tracking-parameter variant and the page itself
all give one record. Templates get it wrong, though, and then trusting it loses records:

- a canonical naming a listing, feed or sitemap the run read keeps the fetched URL;
- a canonical that pages of other titles declare too (a template's, shared by every
  article) keeps each page's fetched URL, and the first page stored under it moves to its
  own URL when the second comes (this run or a later one). The shared URL is then marked
  as no page of its own, so that later pages declaring it keep theirs;
- a page whose URL an earlier page of another title declared (an article naming the wrong
  article) takes its URL back, and the earlier record moves to the page it came from.

A record is never overwritten by another publication's, and nothing is deleted: records
only move.

`Copies` tells a page that is another URL's publication by what it holds: the same bytes
as a page stored under another URL (a Drupal node path beside its alias), or the same
title, day, authors and summary (a post filed under two categories, each copy with its
own breadcrumb and no canonical to say which is the publication's).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from .canonical import canonical_url, record_key
from .normalize import summary_key
from .record import Record, record_id
from .store import Store
from .text import fold

log = logging.getLogger(__name__)

#: Words shorter than this are left out when two titles are compared ("the", "of", "and").
_SHORT = 4
#: A summary this long (characters) says with a title which publication an undated page is.
_LONG_SUMMARY = 80


def own_url(store: Store, record: Record, fetched: str,
            claims: dict[str, tuple[str, str | None]]) -> tuple[Record, list[str]]:
    """Return the record under the URL it is to be stored under, and the ids (old and
    new) of a record of another publication that moved out of that URL's way: see the
    module docstring.

    Args:
        store: the records and fetch states so far (the memory across runs).
        record: the page's record, under its declared canonical URL.
        fetched: the URL the page was fetched from (after redirects).
        claims: this run's declared canonicals (record keys) and, for each, the key and
            title of the first page that declared it; updated here.
    """
    claimed, own = record_key(record.url), record_key(fetched)
    vacated = stored_variant(store, record.url)
    taken, holder = _holder(store, record, vacated, fetched)
    moved = [record_id(vacated), record_id(holder)] if holder and store.move(vacated, holder) \
        else []
    if moved:
        log.info("%s: %s: %s held the record of %s: moved it there", record.source, fetched,
                 vacated, holder)
    if claimed == own:
        claims.setdefault(claimed, (own, record.title))
        return record, moved
    other = claims.get(claimed)
    shared = other is not None and other[0] != own and not same_publication(other[1],
                                                                           record.title)
    if not shared and not taken and not _read_as_index(store, record.url):
        claims.setdefault(claimed, (own, record.title))
        return record, []
    log.info("%s: %s: canonical %s names another page; kept the fetched URL", record.source,
             fetched, record.url)
    return record.with_changes(url=canonical_url(fetched),
                               provenance={**record.provenance, "url": "input"}), moved


def same_publication(one: str | None, other: str | None) -> bool:
    """Tell whether two titles name one publication: equal once folded, or most of the
    longer words of the shorter title in the other (an edited title, a print view's)."""
    if one is None or other is None or fold(one) == fold(other):
        return True
    words = [{w for w in fold(t).split() if len(w) >= _SHORT} for t in (one, other)]
    fewer = min(words, key=len)
    return len(fewer) >= 2 and len(words[0] & words[1]) >= 0.6 * len(fewer)


def stored_variant(store: Store, url: str) -> str:
    """Return the URL this publication is stored under: `url`, or its http/https or
    trailing-slash variant when a record already has that one; else `url` itself."""
    if store.has_record(url):
        return url
    for variant in _variants(url):
        if store.has_record(variant):
            return variant
    return url


def _holder(store: Store, record: Record, url: str, fetched: str) -> tuple[bool, str | None]:
    """Tell whether the URL this page declares (as stored, `url`) holds another
    publication's record that this page did not store there, and return the other page
    that did (None when the URL's own page did)."""
    held = store.get(url)
    if held is None or same_publication(held.title, record.title):
        return False, None
    writer = store.writer_of(url)
    if writer is not None and record_key(writer) == record_key(fetched):
        return False, None  # this page stored it, under an earlier title
    if writer is None or record_key(writer) == record_key(url):
        return True, None
    return True, canonical_url(writer)


def _read_as_index(store: Store, url: str) -> bool:
    """Tell whether the store knows a URL (or its http/https or slash variant) as a
    listing, hub, feed or sitemap page, or a template's canonical, rather than a page."""
    for variant in (url, *_variants(url)):
        state = store.fetch_state(variant)
        if state is not None and state.kind != "page":
            return True
    return False


def _variants(url: str) -> list[str]:
    """Return a URL's other forms: http/https, with and without a trailing slash."""
    parts = urlsplit(url)
    other = "http" if parts.scheme == "https" else "https"
    path = parts.path[:-1] if parts.path.endswith("/") and parts.path != "/" else parts.path + "/"
    return [urlunsplit((scheme, parts.netloc, variant, parts.query, ""))
            for scheme, variant in ((other, parts.path), (parts.scheme, path), (other, path))]


class Copies:
    """The pages and publications one source has stored, to tell a copy under another URL."""

    def __init__(self, store: Store, source: str) -> None:
        """Read nothing yet: the store is read when the first page asks."""
        self.store, self.source = store, source
        self._bodies: dict[str, str] | None = None  # SHA-256 of a page body -> record URL
        self._prints: dict[tuple[str, ...], str] | None = None  # fingerprints -> record URL

    def of_body(self, digest: str, urls: tuple[str, ...]) -> str | None:
        """Return the URL of the record a page of these bytes gave under another URL."""
        if self._bodies is None:
            self._bodies = self.store.page_hashes(self.source)
        return _other(self._bodies.get(digest), urls)

    def of_record(self, record: Record) -> str | None:
        """Return the URL of a stored record of the same publication under another URL."""
        found = fingerprints(record)
        if not found:
            return None
        if self._prints is None:
            self._prints = {}
            for stored in self.store.records(source=self.source):
                for key in fingerprints(stored):
                    self._prints.setdefault(key, stored.url)
        return next((url for key in found
                     if (url := _other(self._prints.get(key), (record.url,))) is not None), None)

    def add(self, digest: str | None, record: Record) -> None:
        """Remember a stored page's bytes and its record."""
        if digest and self._bodies is not None:
            self._bodies.setdefault(digest, record.url)
        if self._prints is not None:
            for key in fingerprints(record):
                self._prints.setdefault(key, record.url)


def fingerprints(record: Record) -> list[tuple[str, ...]]:
    """Return what names one publication whatever its URL: its title and day with its
    authors or summary, or its title and a summary of a few sentences (an undated page);
    none for a title alone, or a title and a day alone."""
    if not record.title:
        return []
    title, summary = fold(record.title), summary_key(record.summary or "")
    found = []
    if record.published is not None and (record.authors or summary):
        names = "|".join(sorted(fold(a.name) for a in record.authors))
        found.append(("day", title, record.published.isoformat()[:10], names, summary))
    if len(summary) >= _LONG_SUMMARY:
        found.append(("summary", title, summary))
    return found


def _other(url: str | None, urls: tuple[str, ...]) -> str | None:
    """Return `url` unless it is none or one of `urls` (as record keys)."""
    if url is None or record_key(url) in {record_key(u) for u in urls}:
        return None
    return url
