"""Discovery: from a source's start URLs to its publication links, with listing-card metadata.

A start URL named like a feed or sitemap is read as one; any other is read as one too
when its body is a feed or sitemap (`starts`), else as a listing page.

Order of work, per source: each start URL's listing pages (following
pagination, bounded by `max_pages` per start URL; a hub start page without
publication links has the listings it links walked too, a home page the
listings of the publications it shows, and a listing tabbed by year its years),
then the items of the site's own feeds
not already seen on a listing, then the site's sitemaps, then the publications that are
only a file (a card or feed item titled with a link to a PDF: `via="file"`, stored from
the card alone by the pipeline).
Links are yielded lazily, page by page, each once (de-duplicated by
`canonical.record_key`), so the pipeline fetches publications while discovery goes
on. A link's card merges what the listing card and the feed item say; a link
seen again on a later listing page was already yielded and keeps its first card.

A listing page that links no publication (one drawn by JavaScript) is read from the data
it embeds for its script (`embedded`): JSON-LD item lists, Next.js's `__NEXT_DATA__`.

Feeds and sitemaps are read by `discover_indexes`, which also tells which of their
URLs (they list a whole site) are the source's publications; `discover_files` tells
which documents are publications that are only a file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from lxml import etree

from . import classify, embedded, hubs, pagekind, starts
from .canonical import canonical_url, record_key
from .config import Settings, Source, default_domains
from .discover_files import FilePublications
from .discover_indexes import SiteIndexes
from .errors import ExtractError
from .extract.cards import parse_cards
from .fetch import Fetcher
from .fetch_results import Page
from .indexes import is_index_url
from .normalize import as_card, build_record, summary_key
from .paginate import next_pages
from .parse import Document, parse_html
from .record import Record
from .revalidate import Revalidator
from .store import Store
from .urls import is_asset_url, is_document_url, is_same_site, matches_pattern
from .urlshapes import is_filtered_listing, url_shape
from .vocab import Vocabulary

log = logging.getLogger(__name__)

_NO_PROGRESS_PAGES = 2
# A page's own descriptions: its meta description, OpenGraph's and Twitter's.
_DESCRIPTIONS = etree.XPath(
    "//meta[@name='description' or @property='og:description' or @name='twitter:description'"
    " or @property='twitter:description']/@content")


@dataclass(frozen=True)
class Link:
    """One publication URL found by discovery."""

    url: str
    card: Record | None = None
    # "listing", "feed", "sitemap", "start", "recheck", or "file" (no page to fetch).
    via: str = "listing"
    lastmod: datetime | None = None
    # The response, when discovery fetched the publication itself (a start URL that is one).
    page: Page | None = None


@dataclass
class DiscoverReport:
    """What discovery did for one source.

    `listing_pages` counts listing pages read, `sitemap_urls` the URLs read from
    sitemaps (before filtering), `feed_items` the items read from feeds; `failures`
    holds (url, one-line reason); `stopped_early` says an incremental run stopped
    paginating at an unchanged or fully known listing page.
    """

    listing_pages: int = 0
    sitemap_urls: int = 0
    feed_items: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    stopped_early: bool = False
    # Keys (normalize.summary_key) of the descriptions the listing pages read give: the
    # site's tagline, which its publications' meta tags often repeat. Filled as it goes.
    descriptions: set[str] = field(default_factory=set)
    # Pages a listing linked as publications that the pipeline read as listings (an
    # archive's issues): discovery walks them when they are most of a listing's links.
    listings_read: list[str] = field(default_factory=list)


def discover(
    source: Source, settings: Settings, fetcher: Fetcher, store: Store, *,
    incremental: bool, report: DiscoverReport, vocabulary: Vocabulary | None = None,
) -> Iterator[Link]:
    """Yield the source's publication links, each once, lazily.

    Args:
        source: the source (only `name` and `start_urls` are needed).
        settings: global settings (`max_pages` when the source sets none).
        fetcher: the polite fetcher; every request goes through it.
        store: fetch state of listing pages, sitemaps and feeds; known records.
        incremental: after a complete earlier run: conditional GETs, and pagination
            stops at a listing page that is unchanged or holds only known links.
        report: filled in as discovery goes (pages, counts, failures, early stop).
        vocabulary: type and topic vocabulary for card metadata.

    Returns:
        An iterator of Links; failures never raise, they go to `report.failures`.
    """
    return _Discovery(source, settings, fetcher, store, incremental, report, vocabulary).run()


class _Discovery:
    """The state of one source's discovery: what was seen, learned and yielded."""

    def __init__(self, source: Source, settings: Settings, fetcher: Fetcher, store: Store,
                 incremental: bool, report: DiscoverReport,
                 vocabulary: Vocabulary | None) -> None:
        """Prepare the run; nothing is fetched before iteration starts."""
        self.source, self.fetcher, self.store = source, fetcher, store
        self.incremental, self.report, self.vocabulary = incremental, report, vocabulary
        self.max_pages = source.max_pages or settings.max_pages
        self.starts = [canonical_url(u) for u in source.start_urls]
        self.domains = source.allowed_domains or default_domains(self.starts)
        self.seen: set[str] = set()
        self.listings: set[str] = set()
        self.shapes: set[tuple[str, int]] = set()
        self.files = FilePublications(self._vocab)
        # A tag's, topic's or filter's listing is a part of its site that the site's
        # sitemaps and main feed cannot tell apart: they are left out then.
        self.index_starts = {s for s in self.starts if is_index_url(s)}
        self.filtered = self._filtered()
        self.pages = Revalidator(fetcher, store, source.name, incremental=incremental,
                                 domains=self.domains, delay=source.delay, fail=self._fail)
        last = store.last_run(source.name, complete_only=True) if incremental else None
        self.indexes = SiteIndexes(source, self.starts, self.domains, fetcher, self.pages, report,
                                   since=last.started if last else None, known=self._known,
                                   vocabulary=self._vocab)

    def _filtered(self) -> bool:
        """Tell whether every start URL is a part of its site (a tag's, topic's or filter's
        listing, or a feed) that the site's sitemaps cannot tell apart."""
        return bool(self.starts) and all(is_filtered_listing(s) for s in self.starts
                                         if s not in self.index_starts)

    def run(self) -> Iterator[Link]:
        """Yield links from listings, then feeds, then sitemaps."""
        for start in self.starts:
            yield from self._read_index(start) if is_index_url(start) else self._paginate(start)
        yield from self._emit([Link(url, card, "feed") for url, card in self.indexes.leftovers(
            self.seen, self.listings, self.shapes)])
        if self.source.use_sitemaps or self.indexes.prefetched:
            for entries in self.indexes.sitemap_entries(self.listings, self.shapes,
                                                        filtered=self.filtered):
                yield from self._emit([Link(loc, None, "sitemap", mod) for loc, mod in entries])
        # Last: a file's page may have turned up since, and the pipeline stores a file
        # only when no publication of the same title was stored.
        yield from self._emit([Link(url, card, "file") for url, card in self.files.found()])
        r = self.report
        log.debug("%s: discovery done: %d links from %d listing pages, %d feed items and %d "
                  "sitemap URLs; %d failures%s", self.source.name, len(self.seen),
                  r.listing_pages, r.feed_items, r.sitemap_urls, len(r.failures),
                  " (stopped early)" if r.stopped_early else "")

    # -- listing pages -------------------------------------------------------------------

    def _paginate(self, start: str, *, hub: bool = True) -> Iterator[Link]:
        """Walk one listing from its start URL along its pagination.

        A start page that links no publication at all but links listings of its own
        (a hub: "Research" leading to "Reports" and "Commentary", an index of topics)
        has those listings walked in turn, one level deep. So has a site's home page that
        shows a few publications and links the listings that hold them all.
        """
        url: str | None = start
        pages = idle = 0
        hub_listings: list[str] = []
        years: list[str] = []
        archives: list[str] = []
        sections = False
        shown_files: set[str] = set()
        own_links: set[str] = set()  # record keys of the links this listing's pages yield
        while url and pages < self.max_pages:
            self.listings.add(record_key(url))
            first = pages == 0 and url in self.starts
            page = self.pages.fetch(url, "listing", "any" if first else "html")
            if page is None or self._unchanged(page, url):
                break
            if first and starts.is_index_body(page.body):
                # A feed or sitemap named like a page ("/feeds/publications"): as one
                # named like a feed, it is the listing, and leaves the site's sitemaps out.
                self.index_starts.add(url)
                self.filtered = self._filtered()
                yield from self._read_index(url, page)
                break
            if first and (refusal := starts.html_refusal(page)):
                self._fail(url, refusal)
                break
            try:
                doc = parse_html(page.body, page.url, page.content_type)
            except ExtractError as exc:
                self._fail(url, f"listing page is not readable HTML: {exc}")
                break
            pages += 1
            self.report.listing_pages += 1
            self.listings.add(record_key(page.url))
            listed_description = True
            if pages == 1 and self.source.use_feeds:
                self.indexes.read_feeds(doc, start, filtered=self.filtered)
            own = pages == 1 and start in self.starts \
                and pagekind.page_kind(doc).kind == pagekind.PUBLICATION
            if own:
                # A start URL may be a publication ("harvest this report"): it is handed on
                # as fetched, and the links it holds are followed as a listing's.
                self.seen.add(record_key(page.url))
                listed_description = False  # its description is its own summary
                yield Link(page.url, via="start", page=page)
            if listed_description:
                self.report.descriptions.update(summary_key(d) for d in _DESCRIPTIONS(doc.root))
            links, files = self._listing_links(doc, start, files=not own)
            if not links and not files and not own:
                links = self._data_links(doc, start)
            shown = [x.url for x in links] or files  # a listing of files is no hub
            leads = hubs.leads(doc, start, page.url, shown, self.domains,
                               self.listings) if pages == 1 and hub else None
            if leads is not None:
                hub_listings, sections = leads
                self._mark_hub(url)
            if pages == 1 and shown:
                years = hubs.years(doc, page.url, self.domains, self.listings)
                archives = hubs.date_archives(doc, page.url, self.domains, self.listings)
            fresh = [link for link in links if record_key(link.url) not in self.seen]
            stale = self.incremental and fresh and all(self._known(x.url) for x in fresh)
            yield from self._emit(fresh)
            own_links.update(record_key(link.url) for link in fresh)
            idle = 0 if fresh or set(files) - shown_files else idle + 1
            shown_files.update(files)
            if stale or idle >= _NO_PROGRESS_PAGES:
                self.report.stopped_early |= bool(stale)
                log.debug("%s: pagination stops at %s (%s)", self.source.name, url,
                          "all links known" if stale else "no new links")
                break
            url = self._next_url(doc, page.url)
        # A listing of one page (no pager) shows the newest only: its date archives hold
        # the rest (a blog's month archives in its sidebar).
        for year in years + (archives if pages == 1 else []):
            if record_key(year) not in self.listings:
                yield from self._paginate(year, hub=False)
        for listing in hub_listings:
            if record_key(listing) not in self.listings:
                # A home page's section may be a hub of its own ("/research/" leading to
                # "/research/reports/"): its listings are walked then, one level more.
                yield from self._paginate(listing, hub=sections)
        if hub:
            yield from self._indexed(own_links)

    def _indexed(self, own_links: set[str]) -> Iterator[Link]:
        """Walk the listings a listing linked as its items, when they are half of them or
        more (an archive of issues, an index of years): the pipeline read them as listings."""
        read = [u for u in self.report.listings_read
                if record_key(u) in own_links and record_key(u) not in self.listings]
        if not read or 2 * len(read) < len(own_links):
            return
        log.debug("%s: %d linked pages are listings: walked as such", self.source.name,
                  len(read))
        for url in read[:hubs.MAX_SUB_LISTINGS]:
            if record_key(url) not in self.listings:
                yield from self._paginate(url, hub=False)

    def _mark_hub(self, url: str) -> None:
        """Remember a hub page: the next run fetches it whole (not conditionally), since
        its listings may change while it does not."""
        state = self.store.fetch_state(url)
        if state is not None and state.kind == "listing":
            self.store.save_fetch_state(replace(state, kind="hub"))

    def _unchanged(self, page: Page, url: str) -> bool:
        """Tell (incremental runs) whether a listing page is as it was: then pagination stops."""
        if not (page.not_modified or url in self.pages.same_body):
            return False
        self.report.stopped_early = True
        log.debug("%s: listing %s not modified", self.source.name, url)
        return True

    def _listing_links(self, doc: Document, start: str, *,
                       files: bool = True) -> tuple[list[Link], list[str]]:
        """Return the publication links of one listing page, with their cards, and the
        documents its cards are titled with (`files`: not on a publication's own page,
        whose files are its attachments), kept for the end of discovery."""
        pattern = self.source.link_pattern
        contexts = classify.page_links(doc, section=start, allowed_domains=self.domains,
                                       pattern=pattern, listings=frozenset(self.listings),
                                       shapes=frozenset(self.shapes))
        urls = classify.publication_links(contexts)
        cards = {record_key(c.url): c for c in parse_cards(
            doc, vocabulary=self.vocabulary, source=self.source.name)}
        kept = [url for url in (classify.file_links(contexts) if files else ())
                if self.files.keep(url, cards.get(record_key(url)))]
        links = []
        for url in urls:
            key = record_key(url)
            self.shapes.add(url_shape(url))
            card = self.indexes.merged(cards.get(key), key)
            links.append(Link(url, card.with_changes(url=url) if card else None, "listing"))
        return links, kept

    def _data_links(self, doc: Document, start: str) -> list[Link]:
        """Return the publication links a JavaScript listing carries as data (JSON-LD item
        lists, a framework's embedded JSON) or builds from its WordPress REST API, with what
        the data says of each as its card."""
        # The API lists the whole blog: not for one category's or tag's listing.
        items = embedded.data_cards(doc) or ([] if self.filtered else self.indexes.wp_posts(doc))
        contexts = [(url, classify.LinkContext(
            page_url=doc.url or start, text=title, card_title=True, heading=True,
            section=start, allowed_domains=self.domains, pattern=self.source.link_pattern,
            listings=frozenset(self.listings), shapes=frozenset(self.shapes)))
            for url, title, _ in items]
        found = {record_key(url): candidates for url, _, candidates in items}
        links = []
        for url in classify.publication_links(contexts):
            self.shapes.add(url_shape(url))
            card = as_card(build_record(found[record_key(url)], url=url,
                                        vocabulary=self._vocab(), source=self.source.name))
            links.append(Link(url, card.with_changes(url=url), "listing"))
        return links

    def _next_url(self, doc: Document, url: str) -> str | None:
        """Return the next listing page not yet visited, or None."""
        for candidate in next_pages(doc, url, self.source.next_page):
            if record_key(candidate) not in self.listings and is_same_site(candidate,
                                                                            self.domains):
                return candidate
        return None

    def _read_index(self, url: str, page: Page | None = None) -> Iterator[Link]:
        """Read a start URL that is a feed (its items are the listing) or a sitemap."""
        items = self.indexes.read_start(url, page)
        feed_card = self.indexes.feed_card
        links = [Link(u, feed_card(u, found), "feed") for u, found in items
                 if is_same_site(u, self.domains) and not is_asset_url(u)]
        for u, found in items:
            if is_document_url(u) and is_same_site(u, self.domains) \
                    and matches_pattern(u, self.source.link_pattern):
                self.files.keep(u, feed_card(u, found))
        self.shapes.update(url_shape(link.url) for link in links)
        yield from self._emit(links)

    # -- shared --------------------------------------------------------------------------

    def _emit(self, links: list[Link]) -> Iterator[Link]:
        """Yield links not yielded before, marking them seen."""
        for link in links:
            key = record_key(link.url)
            if key in self.seen or key in self.listings:
                continue
            self.seen.add(key)
            yield link

    def _known(self, url: str) -> bool:
        """Tell whether an earlier run already fetched this publication URL."""
        if self.store.has_record(url):
            return True
        state = self.store.fetch_state(url)
        return state is not None and state.kind == "page" and state.error is None

    def _fail(self, url: str, reason: str) -> None:
        """Add a failure to the report and log it."""
        self.report.failures.append((url, reason))
        log.warning("%s: %s: %s", self.source.name, url, reason)

    def _vocab(self) -> Vocabulary:
        """Return the vocabulary for cards (the shipped one when none was given)."""
        from .extract import default_vocabulary

        return self.vocabulary or default_vocabulary()
