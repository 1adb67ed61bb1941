"""Fuzzing `extract_page` (and the pipeline's parse -> extract -> classify path).

Inputs are the golden pages of `tests/pages/` mutated by hypothesis (bytes flipped, cut,
duplicated, re-encoded, hostile snippets spliced in: deep nesting, broken JSON-LD, control
characters, surrogates, stray BOMs, early `</html>`), and random byte strings. Whatever
comes in, no exception but `ExtractError` escapes, and every record validates against the
record schema and can be written as UTF-8 (the store and the feeds need that).

In CI a few hundred examples run, derandomized, in seconds. On demand:
`PUBHARVEST_FUZZ_EXAMPLES=5000` runs that many per test, randomly, and
`PUBHARVEST_FUZZ_CORPUS=1` mutates the shared corpus pages (`../shared/corpus/pages`,
never copied here) as well. `bench/fuzz.py` does both and reports the count.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvester import pagekind
from harvester.errors import ExtractError
from harvester.extract import extract_document, extract_page
from harvester.parse import parse_html
from harvester.record import Record, schema

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / ".." / "shared" / "corpus" / "pages"
EXAMPLES = int(os.environ.get("PUBHARVEST_FUZZ_EXAMPLES") or 0)
FUZZ = settings(max_examples=EXAMPLES or 150, deadline=None, database=None,
                derandomize=not EXAMPLES, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DEPTH = 3000
SNIPPETS = (
    b"<div>" * DEPTH, b"</div>" * DEPTH, b"<b><i>" * 500, b"<table><tr><td>" * 300,
    b'<script type="application/ld+json">' + b"[" * DEPTH + b"</script>",
    b'<script type="application/ld+json">{"@graph": [{"@id": "#a", "author": {"@id": "#a"},'
    b' "@type": "Report", "headline": {"@id": "#a"}}]}</script>',
    b'<script type="application/ld+json">{"@type": "Report", "headline": "x",,,</script>',
    b'<script type="application/ld+json">{"@type": ["Report", null, 1], "author": [null, 1,'
    b' {"name": ["a", {"@value": 7}]}], "datePublished": {"@value": "2024-13-45"}}</script>',
    b"\x00\x01\x02\x0b\x0c\x1b\x7f", b"\xed\xa0\x80\xed\xbf\xbf", b"\xef\xbb\xbf",
    b"\xff\xfe", b"\xfe\xff", b"&#0;&#xD800;&#x110000;&#xFFFE;&#1;&nbsp",
    b"<!--", b"]]>", b"<![CDATA[", b"</html>", b"</head><body>", b"<html><head>",
    b'<meta charset="utf-16">', b'<meta charset="x-unknown-42">', b'<base href="javascript:">',
    b'<meta name="citation_title" content="', b'<meta property="og:title">',
    b'<meta name="citation_publication_date" content="99999-99-99">',
    b'<time datetime="0000-00-00T25:61:61+99:99">', b'<a href="http://[::1">x</a>',
    b'<link rel="canonical" href="http://[::1/x">', b'<a href="' + b"a" * 5000 + b'">',
    b'<h1 title="' + b"\xc3\xa9" * 2000 + b'">',
    b"By: " + b"A, " * 400, b"<svg><script>alert(1)</script></svg>",
    "Type: \u202e\u200b\ufeff Rapport".encode(),
)
URLS = (None, "https://www.usip.org/publications/2024/02/x", "http://[::1]:99999/bad",
        "http://[::1/unclosed", "https://example.org/a?b=c#d", "https://news.example.co.uk/a",
        "file:///tmp/page.html", "not a url")
CONTENT_TYPES = (None, "text/html", "text/html; charset=utf-8", "text/html; charset=latin-1",
                 "text/html; charset=utf-16", "text/html; charset=bogus", "application/xml")


@cache
def record_schema() -> jsonschema.protocols.Validator:
    """Return a validator of the shipped record schema (checking formats too)."""
    data = schema()
    cls = jsonschema.validators.validator_for(data)
    return cls(data, format_checker=cls.FORMAT_CHECKER)


def seed_pages(corpus: bool) -> list[bytes]:
    """Return the golden pages, and the shared corpus pages when asked (and present)."""
    paths = sorted((HERE / "pages").rglob("*.html"))
    if corpus and CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.html"))
    return [path.read_bytes() for path in paths]


PAGES = seed_pages(os.environ.get("PUBHARVEST_FUZZ_CORPUS", "") not in ("", "0"))


def _at(data: bytes, where: float) -> int:
    """Return the byte offset a fraction of the length points at."""
    return min(len(data), int(where * len(data)))


Mutation = Callable[[bytes], bytes]


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    """Draw one mutation of a page's bytes."""
    kind = draw(st.sampled_from(("flip", "cut", "dup", "splice", "truncate", "encode")))
    a, b = draw(st.floats(0, 1)), draw(st.floats(0, 1))
    if kind == "flip":
        noise = draw(st.binary(min_size=1, max_size=16))
        return lambda d: d[:_at(d, a)] + noise + d[_at(d, a) + len(noise):]
    if kind == "cut":
        return lambda d: d[:_at(d, min(a, b))] + d[_at(d, max(a, b)):]
    if kind == "dup":
        return lambda d: d[:_at(d, max(a, b))] + d[_at(d, min(a, b)):]
    if kind == "splice":
        snippet = draw(st.sampled_from(SNIPPETS))
        return lambda d: d[:_at(d, a)] + snippet + d[_at(d, a):]
    if kind == "truncate":
        return lambda d: d[:_at(d, a)]
    codec = draw(st.sampled_from(("utf-16", "utf-16-be", "cp1252", "latin-1", "shift_jis",
                                  "utf-32")))
    return lambda d: d.decode("utf-8", "replace").encode(codec, "replace")


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """Draw a golden page with one to six mutations applied."""
    data = draw(st.sampled_from(PAGES))
    for mutate in draw(st.lists(mutations(), min_size=1, max_size=6)):
        data = mutate(data)
    return data


def check(body: bytes, url: str | None, content_type: str | None) -> None:
    """Extract a body both ways; fail on any escaping exception or invalid record."""
    try:
        record = extract_page(body, url, content_type=content_type)
    except ExtractError:
        record = None
    if record is not None:
        valid(record)
    try:
        doc = parse_html(body, url, content_type)
    except ExtractError:
        return
    found = extract_document(doc)
    valid(found)
    assert pagekind.page_kind(doc, found).kind in ("publication", "listing", "other")


def valid(record: Record) -> None:
    """Fail unless a record follows the contract and encodes as UTF-8 JSON."""
    data = record.to_dict()
    record_schema().validate(data)
    json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def count(record_property: pytest.RecordProperty) -> dict[str, int]:
    """Count the inputs a test ran and report them (property `fuzz_inputs`)."""
    ran = {"n": 0}
    yield ran
    record_property("fuzz_inputs", ran["n"])
    print(f"fuzz inputs: {ran['n']}")


@pytest.mark.timeout(0 if EXAMPLES else 120)
def test_mutated_pages_never_break_extraction(count: dict[str, int]) -> None:
    assert PAGES, "the golden pages are missing"

    @FUZZ
    @given(body=mutated_pages(), url=st.sampled_from(URLS),
           content_type=st.sampled_from(CONTENT_TYPES))
    def run(body: bytes, url: str | None, content_type: str | None) -> None:
        count["n"] += 1
        check(body, url, content_type)

    run()
    assert count["n"] >= min(FUZZ.max_examples, 50)


@pytest.mark.timeout(0 if EXAMPLES else 120)
def test_random_bytes_never_break_extraction(count: dict[str, int]) -> None:
    @FUZZ
    @given(body=st.binary(max_size=8192) | st.text(max_size=2048).map(str.encode),
           url=st.sampled_from(URLS), content_type=st.sampled_from(CONTENT_TYPES))
    def run(body: bytes, url: str | None, content_type: str | None) -> None:
        count["n"] += 1
        check(body, url, content_type)

    run()
    assert count["n"] >= min(FUZZ.max_examples, 50)


def test_the_record_schema_rejects_what_it_should() -> None:
    record = extract_page(PAGES[0], "https://www.usip.org/publications/2024/02/x").to_dict()
    record_schema().validate(record)
    for key, bad in (("published", "yesterday"), ("authors", [{"name": ""}]), ("id", 7)):
        with pytest.raises(jsonschema.ValidationError):
            record_schema().validate({**record, key: bad})
