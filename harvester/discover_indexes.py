"""Discovery's reading of a source's own feeds and sitemaps, beside its listing pages.

The feeds a start page announces are read with its first listing page: their items are
cards that fill in the listing cards of the same URLs (`merged`), and the items no listing
showed are offered once every listing is walked (`leftovers`); then the site's sitemaps
are (`sitemap_entries`). A start URL that is a feed or a sitemap is read here too
(`read_start`), and so is the WordPress REST API of a listing whose script builds its list
from it (`wp_posts`). Every fetch goes through discovery's `Revalidator`. This module finds
URLs and cards; `discover` makes them links and yields each once.

Sitemaps and feeds list a whole site, so their URLs are kept only when they
have the shape of the publication links found on the listing pages (first path
segment and depth); with no listing links (a JavaScript-only listing), only
URLs under a start URL's path that look like single items are kept. A start URL
that is one tag's, topic's or filter's listing ("/category/analysis/",
"/publications?type=report") reads no sitemap and only its own feed's extra items:
the site's sitemaps and main feed cannot tell its part of the site apart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .canonical import canonical_url, is_http_url, record_key
from .config import Source
from .fetch import Fetcher
from .fetch_results import Page
from .indexes import (Entry, feed_urls, is_index_url, parse_feed, parse_wp_posts, walk_sitemaps,
                      wp_api_root, wp_posts_url)
from .normalize import as_card, build_record, merge
from .parse import Document
from .record import Candidate, Record
from .revalidate import Revalidator
from .urls import is_asset_url, is_same_site, is_under, matches_pattern, path_segments
from .urlshapes import is_content_like, is_navigation_url, url_shape
from .vocab import Vocabulary

if TYPE_CHECKING:
    from .discover import DiscoverReport

# Logged as discovery's, whose part this is.
log = logging.getLogger("harvester.discover")

MAX_FEEDS = 3
MAX_API_PAGES = 10
MAX_API_POSTS = 100


class SiteIndexes:
    """The feeds and sitemaps one source's discovery reads, and the cards their items gave."""

    def __init__(self, source: Source, starts: list[str], domains: tuple[str, ...],
                 fetcher: Fetcher, pages: Revalidator, report: DiscoverReport, *,
                 since: datetime | None, known: Callable[[str], bool],
                 vocabulary: Callable[[], Vocabulary]) -> None:
        """Read for `source` through `pages`, counting into `report`; nothing is fetched yet.

        `since` is the start of the last complete run (incremental runs), `known(url)` tells
        a publication an earlier run fetched, `vocabulary()` gives the cards' vocabulary.
        """
        self.source, self.starts, self.domains = source, starts, domains
        self.fetcher, self.pages, self.report = fetcher, pages, report
        self.since, self.known, self.vocabulary = since, known, vocabulary
        self.feed_cards: dict[str, tuple[str, Record]] = {}
        # Feed items that may be yielded though no listing showed them (see read_feeds).
        self.feed_links: set[str] = set()
        # Start URLs that are sitemaps, fetched already: read with the others.
        self.prefetched: dict[str, Page] = {}

    # -- a WordPress site's REST API ------------------------------------------------------

    def wp_posts(self, doc: Document) -> list[tuple[str, str, list[Candidate]]]:
        """Return the posts a WordPress site's REST API lists, for a listing page that shows
        none in its HTML (its script builds the list from the API): at most MAX_API_PAGES
        pages of MAX_API_POSTS posts, newest first."""
        root = wp_api_root(doc)
        if root is None or not is_same_site(root, self.domains):
            return []
        found: list[tuple[str, str, list[Candidate]]] = []
        for number in range(1, MAX_API_PAGES + 1):
            page = self.pages.fetch(wp_posts_url(root, number, MAX_API_POSTS), "feed", "xml")
            posts = parse_wp_posts(page.body, page.url) if page and not page.not_modified else []
            found += posts
            if len(posts) < MAX_API_POSTS:
                break
        return found

    # -- feeds ---------------------------------------------------------------------------

    def read_start(self, url: str, page: Page | None = None) -> list[tuple[str, list[Candidate]]]:
        """Return the items of a start URL that is a feed; keep one that is a sitemap for
        `sitemap_entries` (no items then, nor when unchanged or not readable)."""
        page = page or self.pages.fetch(url, "feed", "xml")
        if page is None or page.not_modified:
            return []
        items = parse_feed(page.body, page.url)
        if not items:
            self.prefetched[url] = page  # a sitemap: read with the others, without refetching
            return []
        self.report.feed_items += len(items)
        return items

    def read_feeds(self, doc: Document, start: str, *, filtered: bool) -> None:
        """Read the feeds a start page announces; keep their items as cards.

        A filtered listing's items come from its own feed only (WordPress's
        "/category/analysis/feed/", not the whole blog's "/feed/" it announces too).
        """
        for feed_url in feed_urls(doc)[:MAX_FEEDS]:
            page = self.pages.fetch(feed_url, "feed", "xml")
            if page is None or page.not_modified:
                continue
            own = not filtered or is_under(feed_url, start)
            for url, found in parse_feed(page.body, page.url):
                self.feed_cards.setdefault(record_key(url), (url, self.feed_card(url, found)))
                self.report.feed_items += 1
                if own:
                    self.feed_links.add(record_key(url))

    def feed_card(self, url: str, found: list[Candidate]) -> Record:
        """Return the partial record a feed item gives (provenance "feed")."""
        return as_card(build_record(found, url=url, vocabulary=self.vocabulary(),
                                    source=self.source.name), "feed")

    def merged(self, card: Record | None, key: str) -> Record | None:
        """Merge a listing card with the feed's item for the same record key (the card leads)."""
        feed = self.feed_cards.get(key, (None, None))[1]
        if card is None or feed is None:
            return card or feed
        return merge(card, feed)

    def leftovers(self, seen: set[str], listings: set[str],
                  shapes: set[tuple[str, int]]) -> list[tuple[str, Record]]:
        """Return the feed items no listing page showed, when they look like publications."""
        return [(url, card) for key, (url, card) in self.feed_cards.items()
                if key not in seen and key in self.feed_links
                and self.wanted(url, listings, shapes)]

    # -- sitemaps ------------------------------------------------------------------------

    def sitemap_entries(self, listings: set[str], shapes: set[tuple[str, int]], *,
                        filtered: bool) -> Iterator[list[Entry]]:
        """Yield, sitemap by sitemap, the publication URLs of the source's sitemaps
        (robots.txt's, or guessed)."""
        for entries in walk_sitemaps(self._sitemap_roots(filtered), self._read_sitemap,
                                     self.since):
            self.report.sitemap_urls += len(entries)
            yield [(loc, mod) for loc, mod in entries
                   if self.wanted(loc, listings, shapes) and not self._unchanged_since(loc, mod)]

    def _read_sitemap(self, url: str, declared: bool) -> tuple[bytes, str] | None:
        """Return a sitemap's body and final URL (None when unchanged or not readable)."""
        page = self.prefetched.pop(url, None) or self.pages.fetch(
            url, "sitemap", "xml", quiet=not declared)
        return None if page is None or page.not_modified else (page.body, page.url)

    def _sitemap_roots(self, filtered: bool) -> list[tuple[str, bool]]:
        """Return (sitemap, declared): configured, else robots.txt's, else /sitemap.xml guesses.

        A guessed sitemap that is missing is no failure worth reporting.
        """
        roots: dict[str, bool] = {url: True for url in self.prefetched}
        if not self.source.use_sitemaps:
            return list(roots.items())
        if self.source.sitemaps:
            return [*roots.items(), *((canonical_url(u), True) for u in self.source.sitemaps)]
        if filtered:
            log.debug("%s: a filtered listing: the site's sitemaps are left out", self.source.name)
            return list(roots.items())
        for start in self.starts:
            # A relative Sitemap: line ("Sitemap: /sitemap.xml") is read against the site.
            declared = [urljoin(start, u) for u in self.fetcher.robots_sitemaps(start)]
            guessed = [urljoin(start, "/sitemap.xml"), urljoin(start, "/sitemap_index.xml")]
            for url in declared or guessed:
                roots.setdefault(canonical_url(url), bool(declared))
        return list(roots.items())

    def _unchanged_since(self, url: str, lastmod: datetime | None) -> bool:
        """Tell whether a known URL's sitemap lastmod predates the last complete run."""
        return bool(self.since and lastmod and lastmod < self.since and self.known(url))

    # -- which URLs are the source's -----------------------------------------------------

    def wanted(self, url: str, listings: set[str], shapes: set[tuple[str, int]]) -> bool:
        """Tell whether a sitemap or feed URL is a publication of this source, given the
        listing pages read (`listings`) and the shapes of their publication links."""
        if not is_http_url(url) or not is_same_site(url, self.domains) or is_asset_url(url):
            return False
        if self.source.link_pattern:
            return matches_pattern(url, self.source.link_pattern)
        if is_navigation_url(url) or record_key(url) in listings:
            return False
        if shapes:
            shape = url_shape(url)
            # A one-segment shape says nothing about the section: ask for an item's shape too.
            return shape in shapes and (bool(shape[0]) or is_content_like(url))
        sections = [s for s in self.starts if path_segments(s) and not is_index_url(s)]
        if sections:
            # Below a listing's own path, a page is its item whatever its name
            # ("/publications/ideen"); the page's kind is judged when it is read.
            return any(is_under(url, s) for s in sections)
        return is_content_like(url)
