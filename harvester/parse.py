"""Bytes to a parsed document: charset detection, cleaning, and lxml parsing."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import etree, html

from .errors import ExtractError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: Pages with more links than this are refused (see `parse_html`).
MAX_LINKS = 10_000
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis"}


@dataclass(frozen=True)
class Document:
    """A parsed page: its URL, lxml root element and the encoding used to read it."""

    url: str | None
    root: html.HtmlElement
    encoding: str


def clean_text(text: str) -> str:
    """Remove characters XML cannot carry (control characters, lone surrogates)."""
    return _ILLEGAL.sub("", text)


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body: BOM, then valid UTF-8, then the declared charset, then detection.

    Returns the text and the name of the encoding used.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, "replace"), name
    declared = [_charset_from_header(content_type), _charset_from_meta(body[:4096])]
    wide = [n for n in declared if n and n.startswith(("utf-16", "utf-32"))]
    # Valid UTF-8 with non-ASCII bytes is almost never an accident, so it wins
    # over a declared single-byte charset (a common server misconfiguration).
    for name in (*wide, "utf-8", *declared):
        if name:
            try:
                return body.decode(name), name
            except (UnicodeDecodeError, LookupError):
                continue
    return _detect(body, next((n for n in declared if n), None))


def parse_html(
    body: bytes | str, url: str | None = None, content_type: str | None = None
) -> Document:
    """Parse HTML bytes or text into a Document; never raises on malformed markup.

    Raises:
        ExtractError: the body is empty, holds no HTML element at all, or holds more
            than MAX_LINKS links.
    """
    if isinstance(body, bytes):
        text, encoding = decode_html(body, content_type)
    else:
        text, encoding = body, "unicode"
    text = clean_text(text)
    if not text.strip():
        raise ExtractError("empty document")
    parser = html.HTMLParser(recover=True, huge_tree=False, remove_comments=True,
                             remove_pis=True, default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"not an HTML document ({exc})") from None
    if root is None:
        raise ExtractError("not an HTML document")
    links = int(root.xpath("count(//a)"))
    if links > MAX_LINKS:
        # Link classification costs about a millisecond per link: past this, one hostile
        # page could hold a harvest for minutes. No publication or listing page needs more.
        raise ExtractError(f"too many links ({links}; at most {MAX_LINKS} are read)")
    return Document(url=url, root=root, encoding=encoding)


def _charset_from_header(content_type: str | None) -> str | None:
    """Return the charset parameter of a Content-Type header, normalized."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalize_charset(match.group(1)) if match else None


def _charset_from_meta(head: bytes) -> str | None:
    """Return the charset declared by a <meta> tag in the first bytes."""
    match = _META_CHARSET.search(head)
    return _normalize_charset(match.group(1).decode("ascii", "ignore")) if match else None


def _normalize_charset(name: str) -> str | None:
    """Return a Python codec name for a declared charset, or None if unknown."""
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(body: bytes, fallback: str | None) -> tuple[str, str]:
    """Guess the encoding of a body that is not valid UTF-8 (charset-normalizer)."""
    from charset_normalizer import from_bytes

    results = from_bytes(body[:200_000])
    best = results.best()
    if best is not None:
        # A mostly-ASCII page fits several single-byte codecs equally well; windows-1252
        # is what such pages are on the web (and what browsers assume), so it wins ties.
        ties = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in ties if m.encoding == "cp1252"), best)
    name = best.encoding if best else (fallback or "cp1252")
    return body.decode(name, "replace"), name
