"""Bytes to a parsed document: charset detection, cleaning, and lxml parsing.

`parse_html` is the one parse of the project: the pipeline, extraction,
classification and discovery all read its plain `lxml.etree` tree. The body is
decoded only to choose its encoding (BOM, valid UTF-8, declared charset,
detection); libxml2's C parser then reads UTF-8 bytes directly, which skips
lxml.html's per-element class lookup and the encoding-declaration trouble of
parsing a `str` (XHTML pages that start with `<?xml ... encoding=...?>`).
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

from lxml import etree

from .errors import ExtractError

_WIDE_PROBE = 1024  # bytes looked at for the NUL bytes of UTF-16 or UTF-32
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
_LINKS = etree.XPath("count(//a)")
# A character that UTF-8 writes with two or more bytes (and that is not a replacement).
_MULTIBYTE = re.compile("[\u0080-\ufffc\U00010000-\U0010ffff]")
# Bytes per piece when checking UTF-8 (small enough to reuse memory, large enough per call).
_CHUNK = 16_384
#: Pages with more links than this are refused (see `parse_html`).
MAX_LINKS = 10_000
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis"}
# One parser per thread: harvest workers parse in parallel.
_LOCAL = threading.local()


@dataclass(frozen=True)
class Document:
    """A parsed page: its URL, root element (plain lxml.etree) and the encoding used to read it.

    The tree is shared by every stage that reads the page; none of them changes it.
    """

    url: str | None
    root: etree._Element
    encoding: str


def clean_text(text: str) -> str:
    """Remove characters XML cannot carry (control characters, lone surrogates)."""
    return _ILLEGAL.sub("", text)


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body: BOM, then valid UTF-8, then the declared charset, then detection.

    Returns the text and the name of the encoding used.
    """
    text, name, _ = _decode(body, content_type)
    return text, name


def _decode(body: bytes, content_type: str | None,
            need_text: bool = True) -> tuple[str, str, bool]:
    """Decode a body as `decode_html` does; the flag tells that the bytes are valid UTF-8
    (without `need_text`, the text of a valid UTF-8 body is not built: it is never read)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, "replace"), name, False
    declared = [_charset_from_header(content_type), _charset_from_meta(body[:4096])]
    # A wide charset is believed only of a body that has the NUL bytes its ASCII characters
    # would carry: servers declare "utf-16" for UTF-8 pages, and the HTML standard reads a
    # page's own <meta charset=utf-16> as UTF-8.
    if b"\x00" not in body[:_WIDE_PROBE]:
        declared = [None if n and n.startswith(("utf-16", "utf-32")) else n for n in declared]
    wide = [n for n in declared if n and n.startswith(("utf-16", "utf-32"))]
    if not wide and body.isascii():
        return body.decode("ascii") if need_text else "", "utf-8", True
    # Valid UTF-8 with non-ASCII bytes is almost never an accident, so it wins
    # over a declared single-byte charset (a common server misconfiguration).
    for name in (*wide, "utf-8", *declared):
        if name == "utf-8" and not need_text:
            if _is_utf8(body):
                return "", name, True
        elif name:
            try:
                return body.decode(name), name, name == "utf-8"
            except (UnicodeDecodeError, LookupError):
                continue
    if "utf-8" in declared:
        # Declared UTF-8 with a few bad bytes: browsers replace those and keep the rest.
        # Mostly bad bytes mean another charset was declared wrongly: detect that one.
        text = body.decode("utf-8", "replace")
        bad = text.count("\ufffd")
        if len(_MULTIBYTE.findall(text)) > bad:
            return text, "utf-8", False
    text, name = _detect(body, next((n for n in declared if n), None))
    return text, name, False


def _is_utf8(body: bytes) -> bool:
    """Tell whether bytes are valid UTF-8, decoding them piece by piece: the check alone
    then never builds a page-sized string (a third of its cost)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(body)
    try:
        for start in range(0, len(view), _CHUNK):
            decoder.decode(view[start:start + _CHUNK])
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def parse_html(
    body: bytes | str, url: str | None = None, content_type: str | None = None
) -> Document:
    """Parse HTML bytes or text into a Document; never raises on malformed markup.

    Args:
        body: the page as bytes (decoded by BOM, valid UTF-8, declared charset,
            detection) or as text.
        url: where the page came from (kept on the Document).
        content_type: the HTTP Content-Type header, for its charset.

    Returns:
        The Document. Its text may still hold characters XML cannot carry (control
        characters, U+FFFE, also from character references): every value taken from it is
        cleaned where it becomes a record field (`harvester.text.clean`).

    Raises:
        ExtractError: the body is empty, holds no HTML element at all, or holds more
            than MAX_LINKS links.
    """
    data, encoding = _utf8(body, content_type)
    if not data.strip():
        raise ExtractError("empty document")
    try:
        root = etree.fromstring(data, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"not an HTML document ({exc})") from None
    if root is None:
        raise ExtractError("not an HTML document")
    # Every element opens with "<": a page with fewer of those needs no count (nearly all).
    links = int(_LINKS(root)) if data.count(b"<") > MAX_LINKS else 0
    if links > MAX_LINKS:
        # Link classification costs about a millisecond per link: past this, one hostile
        # page could hold a harvest for minutes. No publication or listing page needs more.
        raise ExtractError(f"too many links ({links}; at most {MAX_LINKS} are read)")
    return Document(url=url, root=root, encoding=encoding)


def _utf8(body: bytes | str, content_type: str | None) -> tuple[bytes, str]:
    """Return the body as UTF-8 bytes and the name of the encoding it was read in."""
    if isinstance(body, str):
        data, encoding = clean_text(body).encode("utf-8", "replace"), "unicode"
    else:
        text, encoding, valid = _decode(body, content_type, need_text=False)
        # Valid UTF-8 goes to the parser as it came: no second encoding pass.
        data = body if valid else text.encode("utf-8", "replace")
    return data, encoding


def _parser() -> etree.HTMLParser:
    """Return this thread's HTML parser (lenient, no comments, no network, UTF-8 input).

    No table of ids is built (a twentieth of the parse): nothing looks elements up by id,
    and XPath's id() is not used by any extractor.
    """
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = etree.HTMLParser(
            encoding="utf-8", recover=True, remove_comments=True, remove_pis=True,
            default_doctype=False, no_network=True, huge_tree=False, collect_ids=False)
    return parser


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
