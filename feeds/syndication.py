"""RSS 2.0 and Atom 1.0 through feedgen, from one generator per feed.

Format notes (W3C feed validator rules):

- RSS authors are `dc:creator` (RSS `<author>` must be an e-mail address);
- an Atom entry needs an author: a publication without named authors gets its source
  (the publishing organization), so the feed itself never claims authorship;
- images are `media:content`/`media:thumbnail` (an RSS enclosure needs a byte length
  that records do not know);
- the channel `<link>` is the index page; `atom:link rel="self"` is the feed's own URL.
"""

from __future__ import annotations

from html import escape

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from .layout import FORMATS
from .model import Entry, Feed

GENERATOR = "pubharvest"


def render_xml(feed: Feed, *, publisher: str, version: str | None = None) -> dict[str, bytes]:
    """Return the feed as RSS 2.0 and Atom 1.0 bytes, each with an xml-stylesheet instruction.

    Args:
        feed: the feed to render.
        publisher: names the author of entries that have neither authors nor a source.
        version: the generator's version, shown in Atom.

    Returns:
        {"rss": bytes, "atom": bytes}.
    """
    fg = _generator(feed, publisher, version)
    rendered = {}
    for fmt, render in (("rss", fg.rss_str), ("atom", fg.atom_str)):
        fg.link(href=feed.self_urls[fmt], rel="self", type=FORMATS[fmt][1], replace=True)
        # RSS takes its channel <link> from the last link, so alternate goes last.
        fg.link(href=feed.home_url, rel="alternate", type="text/html")
        rendered[fmt] = _with_stylesheet(render(pretty=True), feed.xsl_href)
    return rendered


def _generator(feed: Feed, publisher: str, version: str | None) -> FeedGenerator:
    """Return a FeedGenerator holding the feed's metadata and entries (no links yet)."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.load_extension("media", atom=True, rss=True)
    fg.id(feed.id)
    fg.title(feed.title)
    fg.description(feed.description)
    if feed.language:
        fg.language(feed.language)
    fg.generator(GENERATOR, version=version)
    fg.updated(feed.updated)
    for entry in feed.entries:
        _add_entry(fg.add_entry(order="append"), entry, publisher)
    return fg


def _add_entry(fe: FeedEntry, entry: Entry, publisher: str) -> None:
    """Fill one feedgen entry from an Entry."""
    fe.id(entry.id)
    fe.title(entry.title)
    if entry.url:
        fe.link(href=entry.url, rel="alternate")
    else:
        # Atom needs an alternate link or content; a record without a usable URL gets content.
        fe.content(entry.summary_html or f"<p>{escape(entry.title)}</p>", type="html")
    if entry.published:
        fe.published(entry.published)
    fe.updated(entry.updated)
    names = [a.name for a in entry.authors]
    for author in entry.authors:
        fe.author({"name": author.name, **({"uri": author.url} if author.url else {})})
    if not names:
        fe.author({"name": entry.source or publisher})
    else:
        fe.dc.dc_creator(names)
    if entry.categories:
        fe.category([{"term": label} for label in entry.categories])
    if entry.summary_html:
        fe.summary(entry.summary_html, type="html")
    if entry.image:
        fe.media.content({"url": entry.image.url, "medium": "image"}, group=None)
        fe.media.thumbnail({"url": entry.image.url}, group=None)


def _with_stylesheet(data: bytes, href: str) -> bytes:
    """Insert an xml-stylesheet processing instruction after the XML declaration."""
    end = data.index(b"?>") + 2
    pi = f'\n<?xml-stylesheet type="text/xsl" href="{escape(href)}"?>'.encode()
    return data[:end] + pi + data[end:]
