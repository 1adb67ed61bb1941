"""Meta-tag extractor: citation_* (Highwire), Dublin Core, OpenGraph, article:*, parsely,
sailthru, twitter, plain `author`/`keywords`, and itemprop microdata on <meta>.

Each candidate's source names the tag ("meta:citation_title"), so a wrong value
can be traced to the exact tag that gave it.
"""

from __future__ import annotations

import json
import re

from ..record import Candidate
from .page import Page

# Field -> meta keys, most trustworthy first within each field.
_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("citation_title", "dc.title", "dcterms.title", "og:title", "twitter:title",
              "parsely-title", "sailthru.title", "headline", "title", "dc.title.alternative"),
    "published": ("citation_publication_date", "citation_date", "citation_online_date",
                  "article:published_time", "article:published", "og:article:published_time",
                  "datepublished", "dcterms.issued", "dc.date.issued", "dcterms.date",
                  "dc.date", "dcterms.created", "dc.date.created", "parsely-pub-date",
                  "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date",
                  "published_time", "published-date", "date_published", "article.published",
                  "article_date_original", "original-publish-date", "datecreated",
                  "release_date", "date", "cxenseparse:recs:publishtime", "og:published_time",
                  "og:pubdate", "dc.date.published", "article_date", "pdate", "displaydate",
                  "bt:pubdate", "analytics:publishdate", "pub_date", "date.available",
                  "prism.publicationdate", "eprints.date", "citation_cover_date"),
    "updated": ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                "dc.date.modified", "last-modified", "lastmod", "article.updated",
                "modified_time", "revised", "article:modified", "parsely-updated"),
    "summary": ("citation_abstract", "dc.description", "dcterms.abstract",
                "dcterms.description", "og:description", "description", "twitter:description",
                "sailthru.description", "abstract"),
    "language": ("citation_language", "dc.language", "dcterms.language", "og:locale",
                 "content-language", "language", "inlanguage"),
    "url": ("og:url", "parsely-link", "twitter:url", "citation_abstract_html_url"),
    "site_name": ("og:site_name", "application-name", "apple-mobile-web-app-title",
                  "al:ios:app_name", "twitter:app:name:iphone", "publisher", "dc.publisher",
                  "citation_publisher"),
}
_AUTHOR_KEYS = ("citation_author", "dc.creator", "dcterms.creator", "author", "article:author",
                "og:article:author", "parsely-author", "sailthru.author", "byl", "byline",
                "dc.contributor", "book:author", "citation_authors", "authors", "creator",
                "cxenseparse:author", "analytics:author", "article.author")
_TOPIC_KEYS = ("citation_keywords", "article:tag", "og:article:tag", "parsely-tags",
               "sailthru.tags", "news_keywords", "keywords", "dc.subject", "dcterms.subject",
               "article.tags", "cxenseparse:recs:tag", "book:tag", "video:tag")
_TYPE_KEYS = ("citation_article_type", "eprints.monograph_type", "dc.type", "dcterms.type",
              "og:type", "parsely-type",
              "article:content_type", "content_type", "contenttype", "article.type")
_IMAGE_KEYS = ("og:image:secure_url", "og:image:url", "og:image", "twitter:image",
               "twitter:image:src", "thumbnail", "thumbnailurl", "image", "sailthru.image.full",
               "parsely-image-url")
_DATE_KEY = re.compile(r"date|time|publish|issued|created")
_AGLS = re.compile(r"(?:corporate|person)Name\s*[:=]")
# Not the publication: changes, events, and a repository's or journal's workflow dates
# (DSpace's "DCTERMS.dateAccepted" is the deposit, OJS's "DC.Date.dateSubmitted" the
# manuscript's, EPrints' "eprints.datestamp" the record's).
_NOT_PUBLISHED = re.compile(r"modif|updat|expir|revis|start|end|event|birth|valid|copyright|"
                            r"lastmod|crawl|index|cache|generat|build|accept|submit|receiv|"
                            r"accession|embargo|datestamp")
_ISO_DAY = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")
_SECTION_KEYS = ("article:section", "og:article:section", "parsely-section",
                 "sailthru.section", "section", "category")


def extract(page: Page) -> list[Candidate]:
    """Return candidates from the page's meta tags, in order of trust per field."""
    found: list[Candidate] = []
    by_key: dict[str, list[str]] = {}
    for key, value, el in page.metas:
        if el.get("itemprop") and page.is_foreign(el):
            continue
        by_key.setdefault(key, []).append(value)
    if "citation_publication_date" in by_key or "citation_date" in by_key:
        by_key.pop("citation_online_date", None)  # online first: the date is given
    for field, keys in _KEYS.items():
        for key in keys:
            for value in by_key.get(key, ())[:1]:
                found.append(Candidate(field, value, f"meta:{key}"))
    for key in _AUTHOR_KEYS:
        values = by_key.get(key)
        if values:
            found.append(Candidate("authors", [_agls_name(v) for v in values[:50]],
                                   f"meta:{key}"))
    for key in _TOPIC_KEYS:
        values = _public_tags(by_key.get(key) or [])
        if values:
            found.append(Candidate("topics", values[:100], f"meta:{key}"))
    for key in _SECTION_KEYS:
        for value in by_key.get(key, ())[:1]:
            found.append(Candidate("type", value, f"meta:{key}"))
    for key in _TYPE_KEYS:
        for value in by_key.get(key, ())[:1]:
            found.append(Candidate("type", value, f"meta:{key}"))
    for key in _IMAGE_KEYS:
        for value in by_key.get(key, ())[:1]:
            caption = (by_key.get("og:image:alt") or [None])[0]
            found.append(Candidate("image", (page.absolute(value), caption), f"meta:{key}"))
    if by_key.get("citation_journal_title"):
        found.append(Candidate("type", "Journal Article", "meta:citation_journal_title"))
    found += _parsely_page(by_key.get("parsely-page"))
    found += _other_dates(by_key)
    return found


def _other_dates(by_key: dict[str, list[str]]) -> list[Candidate]:
    """Return the first date in a meta tag this module does not know by name
    ("rnews:datepublished", a CMS's own "publish-date-tag"), as a weak candidate."""
    known = {k for keys in _KEYS.values() for k in keys}
    for key, values in by_key.items():
        if key in known or not _DATE_KEY.search(key) or _NOT_PUBLISHED.search(key):
            continue
        if _ISO_DAY.match(values[0].strip()):
            return [Candidate("published", values[0], "meta:other-date")]
    return []


def _parsely_page(values: list[str] | None) -> list[Candidate]:
    """Return candidates from a `parsely-page` JSON blob (title, pub_date, author, tags)."""
    if not values:
        return []
    try:
        data = json.loads(values[0], strict=False)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    found = []
    for field, key in (("title", "title"), ("published", "pub_date"), ("url", "link")):
        if isinstance(data.get(key), str):
            found.append(Candidate(field, data[key], "meta:parsely-page"))
    authors = data.get("authors") or data.get("author")
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list):
        found.append(Candidate("authors", [a for a in authors if isinstance(a, str)],
                               "meta:parsely-page"))
    tags = data.get("tags")
    if isinstance(tags, list):
        found.append(Candidate("topics", [t for t in tags if isinstance(t, str)],
                               "meta:parsely-page"))
    return found


def _agls_name(value: str) -> str:
    """Return the name an AGLS creator gives in its scheme ("jurisdiction:Queensland;
    corporateName:Office of …", as Australian government pages write it), else the value."""
    if _AGLS.search(value) is None:
        return value
    parts = dict(p.partition(":")[::2] if ":" in p else p.partition("=")[::2]
                 for p in (piece.strip() for piece in value.split(";")) if p)
    return (parts.get("personName") or parts.get("corporateName") or value).strip()


def _public_tags(values: list[str]) -> list[str]:
    """Return a tag list without the internal tags a CMS marks with "#" (Ghost's "#guest")
    among public ones; a list all of hashtags ("#climate", "#energy") is the page's own."""
    public = [v for v in values if not v.lstrip().startswith("#")]
    return public if public else values
