"""A start URL as served: a feed or a sitemap whatever its name says, else an HTML page.

A start URL named like a feed or a sitemap ("/feed/", "/sitemap.xml") is read as one
(`indexes.is_index_url`); any other is fetched accepting anything, then read as a feed or
sitemap when its body is one ("/feeds/publications", "/rss.php"), else as a listing page
when it is HTML.
"""

from __future__ import annotations

import re

from .errors import BodyRejected
from .fetch_results import Page
from .responses import check_body, check_declared

# An XML document's prolog, then the root element of a feed or a sitemap.
_INDEX_ROOT = re.compile(r"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
                         r"<(?:[\w-]+:)?(?:rss|feed|RDF|urlset|sitemapindex)[\s>/]", re.DOTALL)

# A JSON Feed names its version first or early: {"version": "https://jsonfeed.org/version/1.1"
_JSON_FEED = re.compile(r'\s*\{.*?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.DOTALL)


def is_index_body(body: bytes) -> bool:
    """Tell whether a body is a feed or a sitemap by its root element (RSS, Atom, RDF,
    urlset, sitemapindex) or its JSON Feed version, whatever its URL and Content-Type say."""
    head = body[:4096].removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return bool(_INDEX_ROOT.match(head) or _JSON_FEED.match(head))


def html_refusal(page: Page) -> str | None:
    """Return why a page fetched accepting anything is no HTML page (None when it is)."""
    try:
        check_declared(page.url, "html", page.headers, len(page.body))
        check_body(page.url, "html", page.media_type, page.body)
    except BodyRejected as exc:
        return exc.reason
    return None
