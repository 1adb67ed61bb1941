"""The extraction cascade: site rules, JSON-LD, meta tags, then HTML heuristics.

Each extractor is a small pure function `extract(page) -> list[Candidate]`
over the indexed page (`page.Page`); they run in order of trust and
`harvester.normalize` chooses one value per field with cross-checks, recording
the extractor that gave it in `record.provenance`.

Modules: `rules` (site CSS/XPath rules), `jsonld`, `meta` (citation_*, Dublin
Core, OpenGraph, article:*, parse.ly, sailthru, twitter, itemprop metas),
`html` (summary, language; `headlines` the headline), `datelines` (dates a reader
sees near the headline; `pagedates` the whole-page fallback), `labels` (visible types and
topics: labels, kickers, breadcrumbs), `tags` (tag links and lists, topic lists,
categories), `state` (the tags a script-drawn page embeds as data); `page` indexes a
document in one pass, `regions` finds the headline and the blocks that describe other
content, `classes` classifies class/id words, `cards` reads listing cards.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from ..choose_labels import TOPIC_RANK
from ..config import shipped_config_dir
from ..dates import parse_date
from ..normalize import build_record
from ..parse import Document, parse_html
from ..record import Candidate, Record
from ..vocab import Vocabulary
from . import html as heuristics
from . import (bylines, credits, datelines, images, jsonld, labels, meta, pagedates, rules, state,
               tags)
from .page import Page

EXTRACTORS = (rules.extract, jsonld.extract, meta.extract, heuristics.extract,
              bylines.extract, images.extract, datelines.extract, labels.extract, tags.extract)
# Topic sources the script state's tags rank below: where one of them answers, the state's
# tags could not be chosen, and the page's scripts are not parsed for them.
_BEFORE_STATE = frozenset(TOPIC_RANK[:TOPIC_RANK.index("state:tags")])

__all__ = ["EXTRACTORS", "candidates", "default_vocabulary", "extract_document", "extract_page"]


def extract_page(html: bytes | str, url: str | None = None, *,
                 rules: Mapping[str, Sequence[str]] | None = None,
                 content_type: str | None = None, vocabulary: Vocabulary | None = None,
                 source: str | None = None) -> Record:
    """Extract one normalized Record from the HTML of a publication page.

    Args:
        html: the page as bytes (decoded by BOM, UTF-8, declared charset, detection)
            or text.
        url: where the page came from; resolves relative links and gives URL evidence.
        rules: the source's site rules (field -> CSS selectors or `xpath:` expressions).
        content_type: the HTTP Content-Type header, for its charset.
        vocabulary: type and topic vocabulary (default: the shipped one).
        source: the configured source name, copied into the record.

    Returns:
        The record; unknown fields stay empty. Never raises for a page that is a document.

    Raises:
        ExtractError: the body is empty or not HTML at all.
    """
    doc = parse_html(html, url, content_type)
    return extract_document(doc, rules=rules, vocabulary=vocabulary, source=source)


def extract_document(doc: Document, *, rules: Mapping[str, Sequence[str]] | None = None,
                     vocabulary: Vocabulary | None = None, source: str | None = None,
                     site_descriptions: Collection[str] = ()) -> Record:
    """Extract one normalized Record from an already-parsed document.

    The document is not changed: script, style, noscript and template content is
    skipped while reading (JSON-LD is read from its scripts), so the caller can go on
    classifying the same tree.

    Args:
        doc: the parsed page from `harvester.parse.parse_html` (its `url` gives URL
            evidence and resolves links).
        rules: the source's site rules, if any.
        vocabulary: type and topic vocabulary (default: the shipped one).
        source: the configured source name, copied into the record.
        site_descriptions: keys of the descriptions the site's listing pages give (see
            `harvester.normalize.build_record`).

    Returns:
        The normalized record.
    """
    found = candidates(doc, rules=rules)
    return build_record(found, url=doc.url, vocabulary=vocabulary or default_vocabulary(),
                        source=source, site_descriptions=site_descriptions)


def candidates(doc: Document, *,
               rules: Mapping[str, Sequence[str]] | None = None) -> list[Candidate]:
    """Return every extractor's candidates for a document, most trusted extractor first."""
    page = Page(doc, rules)
    found: list[Candidate] = []
    for extractor in EXTRACTORS:
        found += extractor(page)
    if not any(c.field == "published" and parse_date(c.value) for c in found):
        # Only pages with no date anywhere near the headline or in metadata pay for this.
        found += pagedates.fallback(page)
    if not any(c.field == "authors" and credits.credits_person(c.value) for c in found):
        # Only pages that credit no person near the headline or in metadata pay for this.
        found += credits.credit_fallback(page)
    if not any(c.field == "topics" and c.value and c.source in _BEFORE_STATE for c in found):
        # Only pages whose better topic sources say nothing pay for reading script state.
        found += state.extract(page)
    if not any(c.field == "language" and c.value for c in found):
        found += heuristics.language_guess(page)
    return found


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """Return the shipped type and topic vocabulary, loaded once."""
    import tomllib

    folder = shipped_config_dir()
    tables = []
    for name, key in (("types.toml", "type"), ("topics.toml", "topic")):
        with (folder / name).open("rb") as handle:
            tables.append(tomllib.load(handle).get(key, []))
    return Vocabulary.from_tables(*tables)
