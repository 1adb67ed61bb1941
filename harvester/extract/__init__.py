"""The extraction cascade: site rules, JSON-LD, meta tags, then HTML heuristics.

Each extractor is a small pure function `extract(page) -> list[Candidate]`
over the parsed page; they run in order of trust and `harvester.normalize`
chooses one value per field with cross-checks, recording the extractor that
gave it in `record.provenance`.
"""

from __future__ import annotations

from functools import lru_cache
from collections.abc import Mapping, Sequence

from ..config import shipped_config_dir
from ..normalize import build_record
from ..parse import Document, parse_html
from ..record import Candidate, Record
from ..vocab import Vocabulary
from . import html, jsonld, labels, meta, rules
from .page import Page

EXTRACTORS = (rules.extract, jsonld.extract, meta.extract, html.extract, labels.extract)

__all__ = ["EXTRACTORS", "candidates", "default_vocabulary", "extract_document", "extract_page"]


def extract_page(html_body: bytes | str, url: str | None = None, *,
                 rules: Mapping[str, Sequence[str]] | None = None,
                 content_type: str | None = None, vocabulary: Vocabulary | None = None,
                 source: str | None = None) -> Record:
    """Extract one normalized Record from the HTML of a publication page.

    Args:
        html_body: the page as bytes (decoded by BOM, UTF-8, declared charset, detection)
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
    doc = parse_html(_without_xml_declaration(html_body), url, content_type)
    return extract_document(doc, rules=rules, vocabulary=vocabulary, source=source)


def extract_document(doc: Document, *, rules: Mapping[str, Sequence[str]] | None = None,
                     vocabulary: Vocabulary | None = None, source: str | None = None) -> Record:
    """Extract one normalized Record from an already-parsed document.

    Args:
        doc: the parsed page (its `url` gives URL evidence and resolves links).
        rules: the source's site rules, if any.
        vocabulary: type and topic vocabulary (default: the shipped one).
        source: the configured source name, copied into the record.

    Returns:
        The normalized record.
    """
    found = candidates(doc, rules=rules)
    return build_record(found, url=doc.url, vocabulary=vocabulary or default_vocabulary(),
                        source=source)


def candidates(doc: Document, *,
               rules: Mapping[str, Sequence[str]] | None = None) -> list[Candidate]:
    """Return every extractor's candidates for a document, most trusted extractor first."""
    page = Page(doc, rules)
    found: list[Candidate] = []
    for extractor in EXTRACTORS:
        found += extractor(page)
    return found


def _without_xml_declaration(body: bytes | str) -> bytes | str:
    """Drop a leading `<?xml ...?>` declaration (XHTML pages), which lxml refuses in text."""
    head = body[:300].lstrip()
    marker = b"<?xml" if isinstance(body, bytes) else "<?xml"
    if not head.startswith(marker):
        return body
    end = body.find(b"?>" if isinstance(body, bytes) else "?>")
    return body[end + 2:] if end != -1 else body


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
