"""Hostile bodies: broken encodings, poisoned text, huge, deep, endless, bombs, not HTML.

Each case serves one bad publication page between two good ones and harvests the site
for real; the page is either stored with clean text or reported with a one-line reason,
and the good pages, the store and the feeds come through intact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harvester import discover, pagekind

from .bed import Case, Site, article, check_page_run, harvest
from .conftest import FULL
from .server import big, chunked_forever, gzip_bomb, ok

MB = 1_000_000
#: The size cap of the big-body cases: small in CI, the shipped default in the bench.
CAP = 10 * MB if FULL else 1 * MB
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> bool:
    """Tell whether every string in a stored value (nested) is free of XML-illegal characters."""
    if isinstance(value, str):
        return not _BAD_TEXT.search(value)
    if isinstance(value, dict):
        return all(clean(v) for v in value.values())
    if isinstance(value, list):
        return all(clean(v) for v in value)
    return True


def stored(run_records: dict, site: Site, slug: str) -> dict:
    """Return the record stored for a hostile page (failing the test when there is none)."""
    record = run_records.get(site.url(slug))
    assert record is not None, f"{slug} was not stored"
    return record


def test_invalid_utf8_is_read_and_stored_clean(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("invalid UTF-8", "declares UTF-8, then mixes in bytes that are not UTF-8 "
                                   "(\\xff\\xfe, a cut multi-byte sequence)")
    body = article("Mediation Under Pressure").encode("utf-8")
    body = body.replace(b"Mediation Under", b"Mediation\xff\xfe Under\xe2\x82", 2)
    site.add("invalid-utf8", ok(body))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    record = stored(run.records(), site, "invalid-utf8")
    assert "Mediation" in record["title"] and "Pressure" in record["title"]
    assert clean(record)
    case.did = f"stored, decoded by detection: title {record['title']!r}"


@pytest.mark.parametrize(("declared", "encoding"), [("utf-8", "cp1252"),
                                                     ("iso-8859-1", "utf-8")])
def test_wrong_declared_charset_still_reads_the_words(site: Site, tmp_path: Path, case: Case,
                                                      declared: str, encoding: str) -> None:
    case.describe(f"charset says {declared}, body is {encoding}",
                  f"Content-Type and <meta> declare {declared}; the bytes are {encoding}")
    page = article("Café Diplomacy: Señor Müller’s Talks").replace(
        '<meta charset="utf-8">', f'<meta charset="{declared}">')
    site.add("wrong-charset", ok(page.encode(encoding), f"text/html; charset={declared}"))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    title = stored(run.records(), site, "wrong-charset")["title"]
    assert title == "Café Diplomacy: Señor Müller’s Talks"
    case.did = f"stored with the right characters: {title!r}"


def test_utf16_with_bom_is_decoded(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("UTF-16 with BOM", "the page is UTF-16LE with a byte order mark, served "
                                     "as text/html without a charset")
    page = article("Ukraine’s Local Governments Hold the Line").replace(
        '<meta charset="utf-8">', "")
    site.add("utf16", ok(page.encode("utf-16"), "text/html"))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    title = stored(run.records(), site, "utf16")["title"]
    assert title == "Ukraine’s Local Governments Hold the Line"
    case.did = f"stored, decoded by its BOM: {title!r}"


def test_control_characters_and_lone_surrogates_are_cleaned(site: Site, tmp_path: Path,
                                                            case: Case) -> None:
    case.describe("control characters, lone surrogates",
                  "title, authors and summary carry raw C0 controls, NUL, DEL, U+FFFE and "
                  "lone surrogates (as character references and as CESU-8 bytes)")
    poison = "\x01\x08\x0b\x1b[31m\x7f&#xD800;&#1;&#xFFFE;"
    page = article(f"Truth{poison} Commissions", authors=(f"Grace{poison} Achebe",),
                   summary=f"What survivors{poison} say twenty years on.", escape=False)
    body = page.encode("utf-8").replace(b"Commissions", b"Commissions\xed\xa0\x80\x00", 1)
    site.add("control-chars", ok(body))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    record = stored(run.records(), site, "control-chars")
    assert clean(record), record
    assert "Truth" in record["title"] and "Commissions" in record["title"]
    case.did = f"stored without them: title {record['title']!r}, " \
               f"authors {[a['name'] for a in record['authors']]}"


def test_ten_megabyte_single_line_page(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("10 MB single-line HTML", "a publication page of 10 MB with no line break: "
                                           "one paragraph of 1.6 million words")
    sentence = "Local mediators kept the ceasefire alive when the capital could not. "
    page = article("The Longest Report").replace(
        '<div class="content">', f'<div class="content"><p>{sentence * 150_000}</p>')
    body = page.replace("\n", " ").encode("utf-8")
    site.add("single-line", ok(body))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": 11 * MB})
    check_page_run(case, run, site)
    assert len(body) > 10 * MB
    title = stored(run.records(), site, "single-line")["title"]
    assert title == "The Longest Report"
    case.did = f"stored ({len(body) / MB:.1f} MB read, parsed and extracted)"


def test_hundred_thousand_nested_elements(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("100,000 nested elements", "the article body opens 100,000 <div>s inside "
                                             "each other (and closes them)")
    depth = 100_000
    nest = "<div>" * depth + "deep" + "</div>" * depth
    page = article("Deep Structures of Peace").replace('<div class="content">',
                                                       f'<div class="content">{nest}')
    site.add("nested", ok(page.encode("utf-8")))
    run = harvest(site, tmp_path, child=True)
    check_page_run(case, run, site)
    title = stored(run.records(), site, "nested")["title"]
    assert title == "Deep Structures of Peace"
    case.did = "stored (the parser caps the depth; no recursion in pubharvest)"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "undeclared"])
def test_fifty_megabyte_body_is_refused_in_bounded_memory(site: Site, tmp_path: Path,
                                                          case: Case, declared: bool) -> None:
    how = "with its Content-Length" if declared else "without a length (close-delimited)"
    case.describe(f"50 MB body, {'declared' if declared else 'undeclared'}",
                  f"a 50 MB publication page sent {how}; max_bytes is {CAP // MB} MB")
    url = site.add("fifty-mb", big(50 * MB, declared=declared))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": CAP})
    failures = check_page_run(case, run, site)
    reason = failures[url]
    assert reason.startswith(f"body larger than {CAP} bytes")
    case.did = f"refused: {reason}"


def test_gzip_bomb_is_refused_in_bounded_memory(site: Site, tmp_path: Path,
                                                case: Case) -> None:
    case.describe("gzip bomb", "4.2 MB of gzip (Content-Encoding: gzip) that inflates to "
                               "4 GiB of zeros")
    url = site.add("bomb", gzip_bomb(4, declared=False))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": CAP})
    reason = check_page_run(case, run, site)[url]
    assert reason == f"body larger than {CAP} bytes (decompressed)"
    case.did = f"refused after inflating {CAP // MB} MB: {reason}"


def test_endless_chunked_body_is_cut_at_max_bytes(site: Site, tmp_path: Path,
                                                  case: Case) -> None:
    case.describe("endless chunked body", "Transfer-Encoding: chunked, chunks of HTML that "
                                          "never end")
    url = site.add("endless", chunked_forever())
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": CAP})
    reason = check_page_run(case, run, site)[url]
    assert reason == f"body larger than {CAP} bytes"
    case.did = f"refused at max_bytes: {reason}"


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8"
       b"N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40 + b"%%EOF\n"


@pytest.mark.parametrize(("kind", "body"), [("PDF", PDF), ("PNG image", PNG)])
def test_binary_served_as_html_is_refused(site: Site, tmp_path: Path, case: Case, kind: str,
                                          body: bytes) -> None:
    case.describe(f"{kind} served as text/html", f"a {kind} with Content-Type: text/html")
    url = site.add("binary", ok(body, "text/html; charset=utf-8"))
    run = harvest(site, tmp_path)
    reason = check_page_run(case, run, site)[url]
    assert reason.startswith("not HTML: body looks like a") and "text/html" in reason
    case.did = f"refused: {reason}"


def test_empty_200_is_refused(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("empty 200", "200 OK, Content-Length: 0")
    url = site.add("empty", ok(b""))
    run = harvest(site, tmp_path)
    reason = check_page_run(case, run, site)[url]
    assert reason == "empty body"
    case.did = f"refused: {reason}"


def links_page(count: int) -> bytes:
    """Return a publication page whose body holds `count` links to other publications."""
    links = "".join(f'<li><a href="/publications/2024/04/item-{i}">Item {i}</a></li>'
                    for i in range(count))
    return article("Everything We Ever Published").replace(
        '<div class="content">', f'<div class="content"><ul>{links}</ul>').encode("utf-8")


def test_hundred_thousand_links_on_a_page(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("100,000 links (publication page)", "a 6 MB publication page whose body "
                                                      "lists 100,000 links")
    url = site.add("links", ok(links_page(100_000)))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": 10 * MB})
    failures = check_page_run(case, run, site)
    records = run.records()
    assert url in records or failures[url].startswith("unreadable page: too many links")
    assert run.seconds < 30
    case.did = (f"refused: {failures[url]}" if url in failures else "stored") + \
        f" in {run.seconds:.1f} s"


def test_hundred_thousand_links_on_the_listing(site: Site, tmp_path: Path,
                                               case: Case) -> None:
    case.describe("100,000 links (listing page)", "the listing page itself carries 100,000 "
                                                  "publication links")
    site.route("/publications", ok(links_page(100_000)))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": 10 * MB})
    case.observe(run)
    case.assert_kept()
    assert run.seconds < 30
    said = [line for line in run.out.splitlines() if "could not be harvested" in line]
    assert len(said) == 1 and run.code == 1, run.out
    reason = said[0].split("could not be harvested: ", 1)[1]
    case.did = f"source failed in {run.seconds:.1f} s, nothing fetched from the listing: " \
               f"{reason}"


def test_a_bug_one_page_triggers_fails_that_page_only(site: Site, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Fault injection standing for an extractor bug: classification raises on one page.
    url = site.add("trigger", ok(article("The Page That Trips a Bug").encode()))
    real = pagekind.page_kind

    def page_kind(doc, record=None):  # noqa: ANN001, ANN202 (the real signature)
        if doc.url == url:
            raise RuntimeError("injected\nbug")
        return real(doc, record)

    monkeypatch.setattr(pagekind, "page_kind", page_kind)
    run = harvest(site, tmp_path)
    assert run.code == 0 and "Traceback" in run.err, "the bug is logged with its traceback"
    assert run.failures()[url] == "internal error: RuntimeError: injected bug (please report it)"
    assert {site.url(slug) for slug in ("good-first", "good-last")} <= set(run.records())


def test_a_bug_in_discovery_fails_that_source_only(site: Site, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("injected")

    monkeypatch.setattr(discover, "discover", broken)
    run = harvest(site, tmp_path)
    assert run.code == 1
    assert "hostile: could not be harvested: internal error: KeyError: 'injected' (please " \
           "report it)" in run.out
