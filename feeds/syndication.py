"""RSS 2.0 and Atom 1.0 through feedgen, from one generator per feed.

Format notes (W3C feed validator rules):

- RSS authors are `dc:creator` (RSS `<author>` must be an e-mail address);
- an Atom entry needs an author: a publication without named authors gets its source
  (the publishing organization), so the feed itself never claims authorship;
- images are `media:content`/`media:thumbnail` (an RSS enclosure needs a byte length
  that records do not know);
- an entry without a summary gets a one-line one from its metadata (type, authors,
  source, date): an Atom entry with neither summary nor content lacks textual content;
- the channel `<link>` is the index page; `atom:link rel="self"` is the feed's own URL;
- `&` and `<` in text are written as `&#x26;` and `&#x3C;`, as the RSS Profile asks: the
  validator takes a plain-text "S&P500" or "&5" for a stray entity reference otherwise.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .layout import FORMATS
from .model import Entry, Feed, name_list
from .sanitize import clean_line

GENERATOR = "pubharvest"
_ENTITY = re.compile(rb"&(amp|lt);")
_HEX = {b"amp": b"&#x26;", b"lt": b"&#x3C;"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"


class _Creators(BaseExtension):
    """Declares the Dublin Core namespace (RSS only) for `dc:creator`."""

    def extend_ns(self) -> dict[str, str]:
        """Return the namespace map."""
        return {"dc": DC}


class _EntryCreators(BaseEntryExtension):
    """Adds one `dc:creator` per author name to an RSS item.

    feedgen's own dc extension does the same but visits all fifteen DC elements per entry.
    """

    def __init__(self) -> None:
        """Start without names."""
        self.names: list[str] = []

    def extend_rss(self, item: etree._Element) -> etree._Element:
        """Append the names."""
        for name in self.names:
            etree.SubElement(item, f"{{{DC}}}creator").text = name
        return item


class _Media(BaseExtension):
    """Declares the Media RSS namespace for the lead image."""

    def extend_ns(self) -> dict[str, str]:
        """Return the namespace map."""
        return {"media": MEDIA}


class _EntryMedia(BaseEntryExtension):
    """Adds the lead image as `media:content` (medium=image) and `media:thumbnail`.

    Outside a `media:group`, which the W3C validator flags when it holds one item.
    """

    def __init__(self) -> None:
        """Start without an image."""
        self.image: str | None = None

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        """Append the image elements."""
        if self.image:
            etree.SubElement(entry, f"{{{MEDIA}}}content", url=self.image, medium="image")
            etree.SubElement(entry, f"{{{MEDIA}}}thumbnail", url=self.image)
        return entry

    extend_rss = extend_atom


def render_xml(feed: Feed, *, publisher: str, version: str | None = None) -> dict[str, bytes]:
    """Return the feed as RSS 2.0 and Atom 1.0 bytes, each with an xml-stylesheet instruction.

    Args:
        feed: the feed to render.
        publisher: names the author of entries that have neither authors nor a source.
        version: the generator's version, shown in Atom.

    Returns:
        {"rss": bytes, "atom": bytes}.
    """
    # A person's name is plain text: markup in the site title ("</p>") stays out of it.
    fg = _generator(feed, clean_line(publisher) or GENERATOR, version)
    rendered = {}
    for fmt, render in (("rss", fg.rss_str), ("atom", fg.atom_str)):
        fg.link(href=feed.self_urls[fmt], rel="self", type=FORMATS[fmt][1], replace=True)
        # RSS takes its channel <link> from the last link, so alternate goes last.
        fg.link(href=feed.home_url, rel="alternate", type="text/html")
        rendered[fmt] = _with_stylesheet(_hex_references(render(pretty=True)), feed.xsl_href)
    return rendered


def _generator(feed: Feed, publisher: str, version: str | None) -> FeedGenerator:
    """Return a FeedGenerator holding the feed's metadata and entries (no links yet)."""
    fg = FeedGenerator()
    fg.register_extension("creators", _Creators, _EntryCreators, atom=False, rss=True)
    fg.register_extension("images", _Media, _EntryMedia, atom=True, rss=True)
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
    fe.creators.names = names
    if entry.categories:
        fe.category([{"term": label} for label in entry.categories])
    if entry.summary_html:
        fe.summary(entry.summary_html, type="html")
    elif entry.url:
        fe.summary(describe(entry), type="text")
    fe.images.image = entry.image.url if entry.image else None


def describe(entry: Entry) -> str:
    """Return a one-line text summary of an entry from its metadata.

    E.g. "Report by Ann Lee and Bo Chen — Brookings Institution, 5 January 2024."
    """
    text = entry.type or "Publication"
    if entry.authors:
        text += " by " + name_list([a.name for a in entry.authors])
    details = [d for d in (entry.source, _day(entry.published)) if d]
    return f"{text} — {', '.join(details)}." if details else f"{text}."


def _day(value: datetime | None) -> str | None:
    """Return a date as "5 January 2024" (English month names, as the rest of the feed)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else None


def _hex_references(data: bytes) -> bytes:
    """Return serialized XML with `&amp;` and `&lt;` written as hexadecimal references."""
    return _ENTITY.sub(lambda m: _HEX[m.group(1)], data)


def _with_stylesheet(data: bytes, href: str) -> bytes:
    """Insert an xml-stylesheet processing instruction after the XML declaration."""
    end = data.index(b"?>") + 2
    pi = f'\n<?xml-stylesheet type="text/xsl" href="{escape(href)}"?>'.encode()
    return data[:end] + pi + data[end:]
