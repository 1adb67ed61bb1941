"""Hostile records and the index page: nothing runs, nothing escapes, every link resolves."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from lxml import etree, html

import feeds
from harvester.config import Settings
from harvester.groups import MemoryRecords
from harvester.record import Author, Image, Record

BASE = "https://feeds.example.org/pub/"
ATOM = "{http://www.w3.org/2005/Atom}"
ATTACK = (
    '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>'
    '<script>alert(2)</script><style>body{display:none}</style>'
    '<img src="x.png" onerror="alert(3)"><iframe src="https://evil.example/"></iframe>'
    '<a href="https://ok.example/" onmouseover="alert(4)">ok</a>'
    '<object data="https://evil.example/x.swf"></object></p>'
)
HOSTILE_TOPICS = ("../../etc", "CON", "x" * 300, "Café\x00 ✓", "..", "/", "a\ud800b")


def hostile_records() -> list[Record]:
    """Return records whose every text field tries to break something."""
    return [
        Record(url="https://x.org/attack", source="evil", title='<script>alert("t")</script>',
               authors=(Author("Mallory <img src=x onerror=alert(5)>"),),
               published=date(2024, 5, 1),
               type="Report\x07", topics=HOSTILE_TOPICS, summary=ATTACK,
               image=Image("javascript:alert(6)", "<b>caption</b>"), language="en"),
        Record(url="javascript:alert(7)", source="evil", title="Bad URL\x1b[31m",
               published=date(2024, 4, 1), summary="text\ud800 with \x0c controls"),
        Record(url="https://x.org/unicode", source="evil", title="Zürich, 東京, مرحبا 🎉",
               published=date(2024, 3, 1), topics=("Démocratie",), authors=(Author("Émile Zola"),),
               language="en us\x00<b>"),
    ]


def build(tmp_path: Path, records: list[Record], base: str | None = None) -> Path:
    """Build feeds for records under tmp_path/out and return that folder."""
    out = tmp_path / "out"
    config = Settings(data_dir=tmp_path / "data", out_dir=out, base_url=base, site_title="S<b>")
    feeds.build(MemoryRecords(records), config, source_titles={"evil": "Evil & Co <i>"})
    return out


def summaries(out: Path) -> list[str]:
    """Return every HTML fragment the feeds carry (RSS description, Atom summary, JSON)."""
    found: list[str] = []
    for path in (out / "feeds").rglob("*.xml"):
        found += etree.parse(str(path)).xpath(
            "//item/description/text() | //*[local-name()='summary' or local-name()='content']"
            "/text()")
    for path in (out / "feeds").rglob("feed.json"):
        found += [i["content_html"] for i in json.loads(path.read_text("utf-8"))["items"]
                  if "content_html" in i]
    return found


def assert_inert(tree: html.HtmlElement) -> None:
    """Fail if a tree holds anything that runs, styles, embeds, or links to javascript:."""
    assert not tree.xpath("//script | //iframe | //object | //embed | //form")
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.strip().lower().startswith(("javascript:", "data:")), value


def test_summaries_are_sanitized(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    fragments = summaries(out)
    assert any("https://ok.example/" in f for f in fragments)
    for fragment in fragments:
        tree = html.fragment_fromstring(fragment, create_parent="div")
        assert_inert(tree)
        assert not tree.xpath("//style | //*[@style]")


def test_nothing_dangerous_reaches_any_output(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".xml", ".json", ".html", ".opml"):
            text = path.read_text("utf-8")
            assert "javascript:" not in text, path
            assert "<script" not in text.lower(), path


def test_index_page_is_inert_and_escaped(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    page = html.fromstring((out / "index.html").read_bytes())
    assert_inert(page)
    assert len(page.xpath("//style")) == 1  # our own, nothing else
    assert page.xpath("//h1")[0].text_content() == "S<b>"
    latest = page.xpath("//section[@id='latest']")[0].text_content()
    assert "By Mallory" in latest and "Zürich, 東京" in latest
    assert "<" not in latest and "alert" not in latest


def test_hostile_text_is_cleaned_and_unicode_kept(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    schema = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "atom.rng")))
    for path in list((out / "feeds").rglob("*.xml")):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        if path.name == "atom.xml":
            assert schema.validate(etree.parse(str(path))), (path, schema.error_log)
    titles = [e.title for e in feedparser.parse((out / "feeds/all/atom.xml").read_bytes()).entries]
    assert "Zürich, 東京, مرحبا 🎉" in titles
    assert "Bad URL[31m" in titles  # the escape character is gone, the rest stays
    raw = (out / "feeds/all/rss.xml").read_bytes().decode("utf-8")
    assert "\x1b" not in raw and "\x07" not in raw and "\x0c" not in raw


def test_hostile_topics_stay_inside_the_feed_folder(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    topics = out.resolve() / "feeds" / "topics"
    folders = [p for p in topics.iterdir() if p.is_dir()]
    assert len(folders) == len(HOSTILE_TOPICS) + 1
    for folder in folders:
        assert folder.parent == topics and len(folder.name) <= 80
        assert {p.name for p in folder.iterdir()} == {"rss.xml", "atom.xml", "feed.json"}
    assert not (tmp_path / "etc").exists() and not (out / "etc").exists()
    assert all(p.resolve().is_relative_to(out.resolve()) for p in tmp_path.rglob("*")
               if "out" in p.parts)


def test_unsafe_urls_never_become_links(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    data = json.loads((out / "feeds/all/feed.json").read_text("utf-8"))
    bad = next(i for i in data["items"] if i["title"].startswith("Bad URL"))
    assert "url" not in bad
    assert all("image" not in i for i in data["items"])
    atom = etree.parse(str(out / "feeds/all/atom.xml"))
    entry = atom.xpath("//a:entry[starts-with(a:title, 'Bad URL')]", namespaces={"a": ATOM[1:-1]})
    assert entry and entry[0].find(f"{ATOM}content") is not None


@pytest.mark.parametrize("base", [None, BASE], ids=["no-base-url", "base-url"])
def test_every_index_link_resolves(tmp_path: Path, base: str | None) -> None:
    records = hostile_records()
    out = build(tmp_path, records, base)
    page = html.fromstring((out / "index.html").read_bytes())
    ids = set(page.xpath("//@id"))
    publications = {r.url for r in records}
    hrefs = page.xpath("//a/@href | //link/@href")
    assert len(hrefs) > 20
    for href in hrefs:
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif href in publications:
            continue
        else:
            assert not urlsplit(href).scheme or (base and href.startswith(base)), href
            path = href[len(base):] if base and href.startswith(base) else href
            assert (out / unquote(path)).is_file(), href


def test_index_page_is_accessible(tmp_path: Path) -> None:
    out = build(tmp_path, hostile_records())
    page = html.fromstring((out / "index.html").read_bytes())
    assert page.get("lang") == "en"
    assert len(page.xpath("//main")) == 1 and page.xpath("//header") and page.xpath("//nav")
    skip = page.xpath("//body/a[1]/@href")[0]
    assert skip == "#" + page.xpath("//main/@id")[0]
    assert len(page.xpath("//h1")) == 1
    for section in page.xpath("//section"):
        assert section.xpath("./h2/@id") == [section.get("aria-labelledby")]
    assert not page.xpath("//img | //link[@rel='stylesheet'] | //*[@src]")
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp


def test_international_urls_are_written_as_uris(tmp_path: Path) -> None:
    record = Record(url="https://münchen.example/straße/bericht?q=ä", title="IRI",
                    image=Image("https://img.example/ü.jpg"), published=date(2024, 1, 1))
    out = build(tmp_path, [record])
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    assert rss.findtext("channel/item/link") == (
        "https://xn--mnchen-3ya.example/stra%C3%9Fe/bericht?q=%C3%A4")
    media = rss.xpath("//*[local-name()='content']/@url")
    assert media == ["https://img.example/%C3%BC.jpg"]
    assert all(url.isascii() for url in rss.xpath("//@url | //@href | //link/text()"))
