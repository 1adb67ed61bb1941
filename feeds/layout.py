"""Where output files live and how they are linked: paths under out/ and their URLs.

Every path here is relative to the output folder and uses `/`. With `base_url` set, every
link is `base_url` + path. Without it, links that a format allows to be relative are
relative (the index page, the XSL stylesheet), and links that must be absolute (feed self
links, RSS channel links, OPML feed URLs) fall back to `file:` URLs of the output folder:
valid and usable on this machine, but not on the web. Set `base_url` before publishing.

The W3C feed validator warns about those `file:///…` self links ("Relative href value on
self link": it takes the empty host for a relative reference). `file://localhost/…` would
satisfy it, but the URLs stay the ones `Path.as_uri()` gives, which every reader of the
local folder opens; a feed meant to be validated, or read by anyone else, needs
`base_url` anyway.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

#: Feed formats: file name and media type.
FORMATS = {
    "rss": ("rss.xml", "application/rss+xml"),
    "atom": ("atom.xml", "application/atom+xml"),
    "json": ("feed.json", "application/feed+json"),
}
FEEDS_DIR = "feeds"
INDEX = "index.html"
OPML = "feeds.opml"
XSL = "feed.xsl"


def feed_dir(kind: str, slug: str) -> str:
    """Return the folder of a group's feeds (`feeds/all`, `feeds/topics/<slug>`)."""
    return f"{FEEDS_DIR}/all" if kind == "all" else f"{FEEDS_DIR}/{kind}/{slug}"


def feed_path(kind: str, slug: str, fmt: str) -> str:
    """Return the path of one feed file of a group."""
    return f"{feed_dir(kind, slug)}/{FORMATS[fmt][0]}"


@dataclass(frozen=True)
class Links:
    """Turns output paths into URLs, absolute under `base_url` or relative to a folder."""

    out_dir: Path
    base_url: str | None = None

    @cached_property
    def root(self) -> str:
        """Return the URL of the output folder, ending in `/`."""
        return _with_slash(self.base_url or self.out_dir.resolve().as_uri())

    def absolute(self, path: str) -> str:
        """Return the absolute URL of an output path (`file:` when no base_url is set)."""
        return self.root + quote(path)

    def href(self, path: str, from_dir: str = "") -> str:
        """Return a link to an output path from a page in `from_dir` (relative without base)."""
        if self.base_url:
            return self.absolute(path)
        return quote(posixpath.relpath(path, from_dir or "."))


def _with_slash(url: str) -> str:
    """Return url ending in exactly one `/`."""
    return url.rstrip("/") + "/"
