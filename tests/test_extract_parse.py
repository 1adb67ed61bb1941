"""The one parse (`harvester.parse.parse_html`) and extraction's promise not to change its tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from lxml import etree

from harvester.pagekind import page_kind
from harvester.errors import ExtractError
from harvester.extract import extract_document, extract_page
from harvester.parse import MAX_LINKS, parse_html

BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
XHTML = """<?xml version="1.0" encoding="{charset}"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="fr"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>Égalité des chances</title></head>
<body><h1>Égalité des chances</h1><p class="byline">Par Hélène Marchand</p></body></html>"""


def strings(value: object) -> Iterator[str]:
    """Yield every string inside a record's JSON form."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1"])
def test_xhtml_with_an_encoding_declaration(charset: str) -> None:
    """An XHTML page that starts with <?xml ... encoding=...?> parses, as bytes and as text."""
    page = XHTML.format(charset=charset)
    for body in (page.encode(charset), page):
        record = extract_page(body, "https://example.fr/egalite")
        assert record.title == "Égalité des chances"
        assert [a.name for a in record.authors] == ["Hélène Marchand"]


def test_characters_xml_cannot_carry_never_reach_the_record() -> None:
    """Control characters, U+FFFE and lone surrogates (raw or as references) are cleaned out."""
    poison = "\x01\x0b\x1b\x7f&#1;&#xFFFE;"
    body = (f"<html><head><link rel='canonical' href='/a\x01b'></head><body><h1>Tit{poison}le"
            f"</h1><p class='byline'>By Ana{poison} Souza</p></body></html>")
    for page in (body.encode("utf-8") + b"\xef\xbf\xbe", body + "\ud800"):
        record = extract_page(page, "https://example.org/a")
        assert not [s for s in strings(record.to_dict()) if BAD_TEXT.search(s)]
        assert record.title.replace(" ", "") == "Title"
        assert [a.name.replace(" ", "") for a in record.authors] == ["AnaSouza"]


def test_many_tags_are_fine_but_too_many_links_are_refused() -> None:
    """The link cap counts links, not tags."""
    tags = b"<b>x</b>" * (MAX_LINKS + 1)
    assert parse_html(b"<html><body>" + tags + b"</body></html>").root is not None
    links = b'<a href="/x">x</a>' * (MAX_LINKS + 1)
    with pytest.raises(ExtractError, match="too many links"):
        parse_html(b"<html><body>" + links + b"</body></html>")


PROSE = " ".join(["Long enough prose about local mediation and its results."] * 30)
COLLECTION = f"""<html><head><title>Mediation</title>
<script type="application/ld+json">{{"@context": "https://schema.org",
 "@type": "CollectionPage", "name": "Mediation", "datePublished": "2024-05-02"}}</script>
</head><body><main><h1>Mediation</h1><p>Published 2 May 2024</p><p>{PROSE}</p></main>
<noscript><p>Please turn on JavaScript.</p></noscript><style>h1 {{color: red}}</style>
</body></html>"""
PROFILE = f"""<html><head><title>Ana Souza</title>
<script type="application/ld+json">{{"@context": "https://schema.org",
 "@type": "ProfilePage", "mainEntity": {{"@type": "Person", "name": "Ana Souza"}}}}</script>
</head><body><main><h1>Ana Souza</h1><p>{PROSE}</p></main></body></html>"""


@pytest.mark.parametrize(("body", "kind"), [(COLLECTION, "listing"), (PROFILE, "other")])
def test_page_kind_sees_json_ld_after_extraction(body: str, kind: str) -> None:
    """The pipeline extracts first and classifies the same Document next: JSON-LD markers
    (CollectionPage, ProfilePage) must still be there, and the tree must be unchanged."""
    doc = parse_html(body, "https://example.org/topics/mediation")
    before = etree.tostring(doc.root)
    record = extract_document(doc)
    assert etree.tostring(doc.root) == before
    verdict = page_kind(doc, record)
    assert verdict.kind == kind, verdict.reason


def test_script_style_and_noscript_text_is_never_read() -> None:
    """Code and fallback text next to the headline are not bylines, dates or summaries."""
    body = """<html><body><article><h1>Water and Land</h1>
    <script>var byline = "By Mallory Hacker"; var date = "Published: 12 January 2019";</script>
    <noscript><p class="byline">By Norbert Script</p><p>Posted 3 March 2018</p></noscript>
    <style>.byline:before { content: "By Sally Style 4 April 2017"; }</style>
    <p class="byline">By Jane Doe</p><p>Published: 5 May 2021</p>
    <p>A paragraph long enough to be taken as the summary of this short test page,
    and then some.</p>
    </article></body></html>"""
    record = extract_page(body, "https://example.org/water-and-land")
    assert [a.name for a in record.authors] == ["Jane Doe"]
    assert record.published == date(2021, 5, 5)
    assert record.summary.startswith("A paragraph long enough")


def test_declared_utf8_with_a_stray_byte_stays_utf8() -> None:
    """A page that declares UTF-8 but holds one bad byte reads as UTF-8 (as browsers do), not
    as whatever single-byte charset a detector guesses for the whole page."""
    body = ("<html><head><meta charset='utf-8'><title>Mäscot das Schaf</title></head><body>"
            "<h1>Mäscot das Schaf</h1><p>Weiß und grün, schön und groß.</p>"
            "<p>Stray byte: \x00</p></body></html>").encode().replace(b"\x00", b"\xe9")
    record = extract_page(body, "https://example.de/schaf")
    assert record.title == "Mäscot das Schaf"


@pytest.mark.parametrize(("body", "content_type"), [
    # a UTF-8 page (of an even length, which UTF-16 would decode into nonsense) served as
    # UTF-16 or UTF-32
    ("utf-8", "text/html; charset=utf-16"),
    ("utf-8", "text/html; charset=UTF-16LE"),
    ("utf-8", "text/html; charset=utf-32"),
    # its own <meta charset=utf-16>: the HTML standard reads it as UTF-8
    ("utf-8-meta", None),
    # a Latin-1 page served as UTF-16
    ("latin-1", "text/html; charset=utf-16"),
    # a real UTF-16 page without a byte order mark, as declared
    ("utf-16-le", "text/html; charset=utf-16le"),
])
def test_a_declared_wide_charset_needs_a_wide_body(body: str, content_type: str | None) -> None:
    """UTF-16 or UTF-32 declared for a body without the NUL bytes such text has is a wrong
    declaration: the page is read as what it is."""
    title = "Talks resume in Genève"
    meta = "<meta charset='utf-16'>" if body == "utf-8-meta" else ""
    html = (f"<html><head>{meta}<title>{title}</title></head><body><h1>{title}</h1>"
            "<p>The text of the story about the talks.</p></body></html>")
    html += " " * (len(html.encode("utf-8")) % 2)  # an even length of UTF-8 bytes
    data = html.encode(body.removesuffix("-meta"))
    assert extract_page(data, "https://x.org/a", content_type=content_type).title == title
