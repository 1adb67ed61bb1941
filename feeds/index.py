"""index.html: every feed with subscribe links, and the newest publications.

Plain HTML: landmarks, headings, a skip link, no JavaScript and no external resources
(a Content-Security-Policy forbids both). Every value is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from harvester.groups import FeedGroup

from .layout import FORMATS, OPML, Links, feed_path
from .model import Entry

_HEADINGS = {"topics": "Topics", "types": "Types", "sources": "Sources"}
_COLUMN = {"topics": "Topic", "types": "Type", "sources": "Source"}
_FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_STYLE = """
body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
a{color:#0645ad}a:focus{outline:3px solid #f90}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #ddd;vertical-align:top}.n{text-align:right}
ol.latest{padding-left:1.2rem}ol.latest li{margin:.6rem 0}.meta{color:#555;font-size:.9rem}
h3{font-size:1rem;margin:0}
"""


@dataclass(frozen=True)
class IndexPage:
    """What the index page shows."""

    site_title: str
    sources_line: str
    groups: list[FeedGroup]
    latest: list[Entry]
    version: str | None = None


def group_anchor(group: FeedGroup) -> str:
    """Return the id of a group's row on the index page (`topics-peace-processes`)."""
    return "all" if group.kind == "all" else f"{group.kind}-{group.slug}"


def render_index(page: IndexPage, links: Links) -> bytes:
    """Return the index page as UTF-8 bytes."""
    title = f"{page.site_title} — publication feeds"
    all_group = next((g for g in page.groups if g.kind == "all"), None)
    parts = [
        _head(title, links),
        '<body>\n<a class="skip" href="#main">Skip to main content</a>\n<header>',
        f"<h1>{escape(page.site_title)}</h1>",
        f"<p>Publication feeds{_from(page.sources_line)}. Subscribe to a topic, type or source"
        " in your feed reader; every feed comes as RSS, Atom and JSON Feed.</p>",
        _nav(page),
        '</header>\n<main id="main">',
        _all_section(all_group, links),
        *(_group_section(kind, page.groups, links) for kind in _HEADINGS),
        _latest_section(page.latest),
        "</main>",
        _footer(page),
        "</body>\n</html>\n",
    ]
    return "\n".join(p for p in parts if p).encode("utf-8")


def _head(title: str, links: Links) -> str:
    """Return the document start: language, charset, CSP, title, feed autodiscovery, style."""
    discovery = "".join(
        f'<link rel="alternate" type="{mime}" title="All publications ({_FORMAT_NAMES[fmt]})"'
        f' href="{escape(links.href(feed_path("all", "all", fmt)))}">\n'
        for fmt, (_name, mime) in FORMATS.items()
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f"<title>{escape(title)}</title>\n{discovery}<style>{_STYLE}</style>\n</head>"
    )


def _from(sources_line: str) -> str:
    """Return " from A and B", or nothing when no source is known."""
    return f" from {escape(sources_line)}" if sources_line else ""


def _nav(page: IndexPage) -> str:
    """Return the in-page navigation."""
    kinds = [k for k in _HEADINGS if any(g.kind == k for g in page.groups)]
    items = ['<li><a href="#all">All publications</a></li>',
             *(f'<li><a href="#{k}">{_HEADINGS[k]}</a></li>' for k in kinds),
             '<li><a href="#latest">Newest publications</a></li>']
    return f'<nav aria-label="Sections">\n<ul>\n{"".join(items)}\n</ul>\n</nav>'


def _subscribe(group: FeedGroup, label: str, links: Links) -> str:
    """Return the RSS · Atom · JSON Feed links of a group, each named for screen readers."""
    return " · ".join(
        f'<a href="{escape(links.href(feed_path(group.kind, group.slug, fmt)))}" type="{mime}">'
        f'{_FORMAT_NAMES[fmt]}<span class="vh"> feed: {escape(label)}</span></a>'
        for fmt, (_name, mime) in FORMATS.items()
    )


def _section(anchor: str, heading: str, body: str) -> str:
    """Return a section labelled by its heading."""
    return (f'<section id="{anchor}" aria-labelledby="{anchor}-h">\n'
            f'<h2 id="{anchor}-h">{heading}</h2>\n{body}\n</section>')


def _all_section(group: FeedGroup | None, links: Links) -> str:
    """Return the section with the all-publications feed and the OPML link."""
    opml = (f'<p>All feeds at once, for import into a feed reader: <a href="'
            f'{escape(links.href(OPML))}" type="text/x-opml">feeds.opml</a> (OPML).</p>')
    if group is None:
        return _section("all", "All publications", f"<p>No publications yet.</p>\n{opml}")
    feeds = f"<p>{_count(group.count)}: {_subscribe(group, 'All publications', links)}</p>"
    return _section("all", "All publications", f"{feeds}\n{opml}")


def _group_section(kind: str, groups: list[FeedGroup], links: Links) -> str:
    """Return one section (topics, types or sources) as a table of feeds."""
    members = sorted((g for g in groups if g.kind == kind),
                     key=lambda g: (g.label.casefold(), g.slug))
    if not members:
        return ""
    rows = "\n".join(
        f'<tr id="{escape(group_anchor(g))}"><th scope="row">{escape(g.label)}</th>'
        f'<td class="n">{g.count}</td><td>{_subscribe(g, g.label, links)}</td></tr>'
        for g in members
    )
    head = (f'<thead><tr><th scope="col">{_COLUMN[kind]}</th>'
            '<th scope="col" class="n">Publications</th>'
            '<th scope="col">Subscribe</th></tr></thead>')
    return _section(kind, _HEADINGS[kind], f"<table>\n{head}\n<tbody>\n{rows}\n</tbody>\n</table>")


def _latest_section(entries: list[Entry]) -> str:
    """Return the newest publications: title link, date, authors, source and type."""
    items = "\n".join(f"<li>{_latest_item(e)}</li>" for e in entries) or "<li>None yet.</li>"
    return _section("latest", "Newest publications", f'<ol class="latest">\n{items}\n</ol>')


def _latest_item(entry: Entry) -> str:
    """Return one publication of the newest list."""
    title = escape(entry.title)
    heading = f'<a href="{escape(entry.url)}">{title}</a>' if entry.url else title
    meta = []
    if entry.published:
        day = entry.published.date().isoformat()
        meta.append(f'<time datetime="{day}">{day}</time>')
    if entry.authors:
        meta.append("By " + escape(", ".join(a.name for a in entry.authors)))
    meta += [escape(v) for v in (entry.source, entry.type) if v]
    return f'<article>\n<h3>{heading}</h3>\n<p class="meta">{" · ".join(meta)}</p>\n</article>'


def _count(n: int) -> str:
    """Return "1 publication" or "n publications"."""
    return f"{n} publication" + ("" if n == 1 else "s")


def _footer(page: IndexPage) -> str:
    """Return the page footer."""
    version = f" {escape(page.version)}" if page.version else ""
    return f"<footer>\n<p>Generated by pubharvest{version}.</p>\n</footer>"
