"""The public API: any body in, one schema-valid Record out (or a one-line ExtractError)."""

from __future__ import annotations

import codecs
from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import harvester
from harvester.errors import ExtractError
from harvester.extract import extract_document, extract_page
from harvester.parse import parse_html
from harvester.record import schema
from harvester.vocab import Vocabulary

VALIDATOR = Draft202012Validator(schema())
PAGE = """<html lang="de"><head><meta charset="{charset}">
<title>Zölle und Zäune | Beispiel-Institut</title>
<link rel="canonical" href="{canonical}"></head>
<body><article><h1>Zölle und Zäune</h1><p class="byline">Von Jürgen Müller</p>
<p>Veröffentlicht am 3. März 2024</p><p>Ein Absatz über Handel, Grenzen und Zölle, der lang
genug ist, um als Zusammenfassung zu dienen, und noch ein wenig länger.</p></article>
</body></html>"""


def valid(record: harvester.Record) -> bool:
    """Tell whether a record validates against the shipped JSON Schema."""
    return not list(VALIDATOR.iter_errors(record.to_dict()))


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1", "windows-1252"])
def test_declared_charsets(charset: str) -> None:
    """Bytes in a declared single-byte charset decode to the same record as UTF-8."""
    html = PAGE.format(charset=charset, canonical="/handel/zoelle")
    record = extract_page(html.encode(charset), "https://example.de/handel/zoelle?utm=x")
    assert record.title == "Zölle und Zäune"
    assert [a.name for a in record.authors] == ["Jürgen Müller"]
    assert record.published == date(2024, 3, 3)
    assert record.language == "de"
    assert record.url == "https://example.de/handel/zoelle"
    assert valid(record)


def test_utf16_with_bom_and_xml_declaration() -> None:
    """A UTF-16 body with a BOM and an XHTML declaration is read."""
    html = '<?xml version="1.0" encoding="UTF-16"?>' + PAGE.format(charset="utf-16",
                                                                  canonical="/a")
    record = extract_page(codecs.BOM_UTF16_LE + html.encode("utf-16-le"),
                          "https://example.de/a")
    assert record.title == "Zölle und Zäune"


def test_text_input_and_str_with_declaration() -> None:
    """A str body works too, even with an XML declaration in front."""
    html = '<?xml version="1.0" encoding="utf-8"?>' + PAGE.format(charset="utf-8",
                                                                 canonical="/a")
    assert extract_page(html, "https://example.de/a").title == "Zölle und Zäune"


@pytest.mark.parametrize("body", [b"", b"   \n ", ""])
def test_empty_body_is_an_extract_error(body: bytes | str) -> None:
    """Only a body that is no document at all raises, with a one-line message."""
    with pytest.raises(ExtractError) as caught:
        extract_page(body, "https://example.org/")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("canonical", "url", "expected"), [
    ("https://www.example.org/a/b", "https://example.org/a/b?ref=1", "https://www.example.org/a/b"),
    ("https://other.example/a/b", "https://example.org/a/b", "https://example.org/a/b"),
    ("https://example.org/", "https://example.org/a/b", "https://example.org/a/b"),
    # a template's canonical naming the section above the page is no canonical of it
    ("/research/", "https://example.org/research/ceasefires-that-hold",
     "https://example.org/research/ceasefires-that-hold"),
    ("/en/analysis", "https://example.org/en/analysis/2024/ceasefires-that-hold",
     "https://example.org/en/analysis/2024/ceasefires-that-hold"),
    # an article's first page, or its short link, is
    ("/ceasefires-that-hold/", "https://example.org/ceasefires-that-hold/page/2",
     "https://example.org/ceasefires-that-hold/"),
    ("/news/7349926", "https://example.org/news/7349926/ceasefires-that-hold",
     "https://example.org/news/7349926"),
    # a mobile or AMP host's copy names its page on the main host; another path it does not
    ("https://www.example.org/a/b", "https://m.example.org/a/b", "https://www.example.org/a/b"),
    ("https://example.org/a/b", "https://amp.example.org/a/b/", "https://example.org/a/b"),
    ("https://www.example.org/a/c", "https://m.example.org/a/b", "https://m.example.org/a/b"),
])
def test_canonical_url_only_on_the_same_host_and_not_the_root(canonical: str, url: str,
                                                             expected: str) -> None:
    """The declared canonical is trusted on the same host, and never when it is the root or
    a section above the page."""
    record = extract_page(PAGE.format(charset="utf-8", canonical=canonical), url)
    assert record.url == expected


@pytest.mark.parametrize(("base", "image"), [
    # TYPO3 and many CMSs write <base href="/"> and link files relative to the site's root
    ("/", "https://example.org/fileadmin/lead.jpg"),
    ("https://cdn.example.org/site/", "https://cdn.example.org/site/fileadmin/lead.jpg"),
    # no base, or one that is no web address: the page's URL
    ("", "https://example.org/news/2024/fileadmin/lead.jpg"),
    ("javascript:void(0)", "https://example.org/news/2024/fileadmin/lead.jpg"),
])
def test_relative_links_resolve_against_the_base_element(base: str, image: str) -> None:
    """Relative URLs in a page resolve against its <base href>, as a browser does."""
    head = f'<base href="{base}">' if base else ""
    html = (f"<html><head>{head}<title>Ceasefires</title><meta property='og:image' "
            f"content='fileadmin/lead.jpg'></head><body><h1>Ceasefires</h1></body></html>")
    record = extract_page(html, "https://example.org/news/2024/ceasefires")
    assert record.image is not None and record.image.url == image


def test_without_url_the_canonical_or_a_placeholder() -> None:
    """Without a URL an absolute canonical is used, else file:///unknown."""
    with_canonical = PAGE.format(charset="utf-8", canonical="https://example.de/x/y")
    assert extract_page(with_canonical).url == "https://example.de/x/y"
    assert extract_page("<html><body><h1>T</h1></body></html>").url == "file:///unknown"


def test_harvest_times_are_now_and_whole_seconds() -> None:
    """harvested_at and first_seen are the same UTC instant, in whole seconds."""
    before = datetime.now(timezone.utc).replace(microsecond=0)
    record = extract_page("<html><body><h1>T</h1></body></html>", "https://example.org/t")
    assert record.harvested_at == record.first_seen
    assert record.harvested_at.microsecond == 0 and record.harvested_at >= before


def test_site_rules_win_css_and_xpath() -> None:
    """Configured rules (CSS, or xpath: prefixed) come first; a list is tried in order."""
    html = ("<html><body><h1>Wrong</h1><div class='t'>Right title</div>"
            "<span class='who'>Ana Souza</span><span class='who'>Rui Lopes</span>"
            "<em data-d='2021-05-06'>x</em></body></html>")
    rules = {"title": ["div.missing", "div.t"], "authors": "span.who",
             "published": ["xpath://em/@data-d"]}
    record = extract_page(html, "https://example.org/r", rules=rules, source="demo")
    assert record.title == "Right title"
    assert [a.name for a in record.authors] == ["Ana Souza", "Rui Lopes"]
    assert record.published == date(2021, 5, 6)
    assert record.source == "demo"
    assert record.provenance["title"] == record.provenance["authors"] == "rules"


def test_a_broken_rule_is_ignored() -> None:
    """A rule that does not compile falls through to the other extractors."""
    html = "<html><body><h1>Headline</h1></body></html>"
    assert extract_page(html, "https://e.org/x", rules={"title": "div[["}).title == "Headline"


def test_extract_document_gives_the_record_of_extract_page() -> None:
    """The pipeline's path (parse_html, then extract_document) gives extract_page's record."""
    html = PAGE.format(charset="utf-8", canonical="/a").encode()
    doc = parse_html(html, "https://example.de/a")
    first = extract_document(doc)
    second = extract_page(html, "https://example.de/a")
    assert first.to_dict() | {"harvested_at": None, "first_seen": None} == \
        second.to_dict() | {"harvested_at": None, "first_seen": None}


def test_custom_vocabulary() -> None:
    """A given vocabulary makes two labels of one topic one ("Tariffs", "trade"); the record
    keeps the page's first label, as it writes it (feeds map it onto "Trade")."""
    vocab = Vocabulary.from_tables([], [{"label": "Trade", "aliases": ["tariffs"]}])
    html = ("<html><head><meta name='keywords' content='Tariffs, trade, Borders'></head>"
            "<body><h1>T</h1></body></html>")
    assert extract_page(html, "https://e.org/t", vocabulary=vocab).topics == ("Tariffs", "Borders")
    assert extract_page(html, "https://e.org/t").topics == ("Tariffs", "trade", "Borders")


def test_package_level_forwarder() -> None:
    """harvester.extract_page forwards to the extraction engine."""
    assert harvester.extract_page("<h1>Hello there</h1>", "https://e.org/h").title == "Hello there"


GARBAGE = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000),
    st.lists(st.sampled_from([
        "<html>", "<head>", "<meta name='author' content='\x00\ud800 x'>", "<title>", "</title>",
        "<h1>", "</h1>", "</script>",
        "<script type='application/ld+json'>{\"@graph\":[{\"@id\":1}]",
        "<time datetime='9999-99-99T99:99'>", "<a rel='tag' href='/tag/x'>", "By: ", "\x0b",
        "&#0;", "&amp;", "<p>", "Monday, February 30, 2024", "<meta property='og:url' content=':'>",
        "<link rel='canonical' href='http://[::1'>", "\u202e", "é" * 300, "<figure><img src=''>",
    ]), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(GARBAGE)
def test_garbage_never_raises_anything_but_extract_error(body: bytes | str) -> None:
    """Any input gives a schema-valid record, or ExtractError for a non-document."""
    try:
        record = extract_page(body, "https://example.org/some/page")
    except ExtractError:
        return
    assert valid(record), list(VALIDATOR.iter_errors(record.to_dict()))


ENGLISH = ("<p>Truces in the Sahel fail when the monitors who watch them leave before the "
           "armed groups have any reason to trust one another, and when the money runs out.</p>")
FRENCH = ("<p>Les trêves au Sahel échouent quand les observateurs qui les surveillent partent "
          "avant que les groupes armés aient une raison de se faire confiance.</p>")


@pytest.mark.parametrize(("text", "expected"), [
    (ENGLISH * 4, "https://example.org/analysis/why-truces-fail"),  # not yet translated
    (FRENCH * 4, "https://example.org/fr/analysis/why-truces-fail"),
])
def test_a_copy_in_another_language_s_folder_is_its_text_s_page(text: str, expected: str
                                                                ) -> None:
    """"/fr/…" declaring French but written in English names its English version by
    hreflang: that is the record's URL (one record, not two); a translation keeps its own."""
    html = ("<html lang='fr'><head><title>Why Truces Fail</title><link rel='canonical' "
            "href='/fr/analysis/why-truces-fail'><link rel='alternate' hreflang='en' "
            "href='/analysis/why-truces-fail'><link rel='alternate' hreflang='fr' "
            "href='/fr/analysis/why-truces-fail'></head><body><article><h1>Why Truces Fail"
            f"</h1>{text}</article></body></html>")
    assert extract_page(html, "https://example.org/fr/analysis/why-truces-fail").url == expected
