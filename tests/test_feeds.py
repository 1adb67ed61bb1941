"""Feeds built from records: every format parses and validates, and says the right things."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from lxml import etree, html

import feeds
from feeds.model import entry_id
from harvester.config import Settings
from harvester.groups import MemoryRecords, record_groups, sort_key
from harvester.record import Author, Image, Record

SCHEMAS = Path(__file__).parent / "schemas"
ATOM = "{http://www.w3.org/2005/Atom}"
NS = {"atom": ATOM[1:-1]}
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
EST = timezone(timedelta(hours=-5))
UTC = timezone.utc
BASE = "https://feeds.example.org/pub/"
TITLES = {"usip": "United States Institute of Peace", "brookings": "Brookings Institution"}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
FEED_SIZE = 4
Built = tuple[Path, list[Record], str | None]


def corpus() -> list[Record]:
    """Return records of three sources with the variety real harvests have."""
    seen = datetime(2026, 11, 24, 10, tzinfo=UTC)
    records = []
    for i in range(12):
        source = ("usip", "brookings", "crisisgroup")[i % 3]
        records.append(Record(
            url=f"https://{source}.example.org/publications/{i}",
            source=source,
            title=f"Publication {i}: Café, 東京 and “quotes”",
            authors=(Author(f"Author {i}"), Author("Second", "https://x.org/a"))[: 1 + i % 2],
            published=(date(2024, 1, 1 + i) if i % 2 else
                       datetime(2024, 1, 1 + i, 18, 30, tzinfo=EST)) if i != 5 else None,
            updated=datetime(2024, 3, 1, tzinfo=UTC) if i == 4 else None,
            type=("Analysis", "Report", "Podcast")[i % 3],
            topics=(("Peace Processes", "Global Policy") if i % 2 else ("Peace Processes",)),
            summary=(f"<p>Summary {i} with <a href='/rel/{i}'>a link</a>.</p>" if i % 4
                     else f"Plain summary {i} & more.\n\nSecond paragraph." if i % 8 else None),
            image=Image(f"https://img.example.org/{i}.jpg", "Caption") if i % 3 == 0 else None,
            language="fr" if i == 7 else "en",
            first_seen=seen + timedelta(minutes=i),
        ))
    return records


def settings(out: Path, base_url: str | None = None) -> Settings:
    """Return settings writing to out."""
    return Settings(data_dir=out.parent / "data", out_dir=out, feed_size=FEED_SIZE,
                    base_url=base_url, site_title="Policy feeds")


@pytest.fixture(params=[None, BASE], ids=["no-base-url", "base-url"])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, list[Record], str | None]:
    """Build the corpus's feeds, with and without base_url."""
    records = corpus()
    out = tmp_path / "out"
    feeds.build(MemoryRecords(records), settings(out, request.param), source_titles=TITLES)
    return out, records, request.param


def feed_files(out: Path, name: str) -> list[Path]:
    """Return every feed file of one format."""
    return sorted((out / "feeds").rglob(name))


def members(records: list[Record], kind: str, slug: str) -> list[Record]:
    """Return a group's records, newest first, as the RecordSource orders them."""
    inside = [r for r in records if (kind, slug) in {g.key for g in record_groups(r)}]
    return sorted(inside, key=sort_key, reverse=True)


def group_of(out: Path, path: Path) -> tuple[str, str]:
    """Return the (kind, slug) of a feed file's folder."""
    parts = path.parent.relative_to(out / "feeds").parts
    return ("all", "all") if parts == ("all",) else (parts[0], parts[1])


def test_every_xml_feed_parses_cleanly(built: Built) -> None:
    out, records, _ = built
    files = feed_files(out, "rss.xml") + feed_files(out, "atom.xml")
    assert len(files) == 2 * len({g.key for r in records for g in record_groups(r)})
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("rss20" if path.name == "rss.xml" else "atom10")
        expected = members(records, *group_of(out, path))[:FEED_SIZE]
        assert [e.id for e in parsed.entries] == [entry_id(r.id) for r in expected]


def test_atom_feeds_validate_against_rfc4287(built: Built) -> None:
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    for path in feed_files(built[0], "atom.xml"):
        doc = etree.parse(str(path))
        assert schema.validate(doc), (path, schema.error_log)
        # The RFC's two Schematron rules, which RELAX NG itself ignores.
        for entry in doc.getroot().iterfind(f"{ATOM}entry"):
            assert entry.xpath("atom:link[@rel='alternate' or not(@rel)] or atom:content",
                               namespaces=NS)
            assert entry.xpath("atom:author or ../atom:author", namespaces=NS)


def test_the_atom_schema_rejects_a_feed_without_id(tmp_path: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    out = tmp_path / "out"
    feeds.build(MemoryRecords(corpus()), settings(out))
    doc = etree.parse(str(out / "feeds/all/atom.xml"))
    assert schema.validate(doc)
    root = doc.getroot()
    root.remove(root.find(f"{ATOM}id"))
    assert not schema.validate(doc)


def test_json_feeds_follow_the_spec(built: Built) -> None:
    out, records, _ = built
    for path in feed_files(out, "feed.json"):
        data = json.loads(path.read_bytes().decode("utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert isinstance(data["title"], str) and data["title"]
        assert urlsplit(data["feed_url"]).scheme and urlsplit(data["home_page_url"]).scheme
        ids = [item["id"] for item in data["items"]]
        assert len(ids) == len(set(ids))
        expected = members(records, *group_of(out, path))[:FEED_SIZE]
        assert ids == [entry_id(r.id) for r in expected]
        for item in data["items"]:
            assert isinstance(item["id"], str)
            assert isinstance(item.get("content_html") or item.get("content_text"), str)
            for key in ("date_published", "date_modified"):
                if key in item:
                    assert RFC3339.match(item[key]), item[key]
                    assert datetime.fromisoformat(item[key].replace("Z", "+00:00")).tzinfo
            assert all(isinstance(a["name"], str) for a in item.get("authors", []))
            assert all(isinstance(t, str) for t in item.get("tags", []))


def local_file(out: Path, url: str, base: str | None) -> Path:
    """Return the output file an absolute feed URL points at."""
    prefix = base or out.resolve().as_uri() + "/"
    assert url.startswith(prefix), url
    return out / unquote(urlsplit(url[len(prefix):]).path)


def test_opml_lists_every_rss_feed(built: Built) -> None:
    out, records, base = built
    root = etree.parse(str(out / "feeds.opml")).getroot()
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title")
    for tag in ("dateCreated", "dateModified"):
        assert parsedate_to_datetime(root.findtext(f"head/{tag}")).tzinfo
    folders = root.findall("body/outline")
    assert [f.get("text") for f in folders] == ["All", "Topics", "Types", "Sources"]
    leaves = root.findall("body/outline/outline")
    assert all(o.get("type") == "rss" and o.get("text") for o in leaves)
    listed = {local_file(out, o.get("xmlUrl"), base) for o in leaves}
    assert listed == set(feed_files(out, "rss.xml"))


def test_dates_carry_time_zones(built: Built) -> None:
    out, records, _ = built
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    for text in rss.xpath("//item/pubDate/text() | //channel/lastBuildDate/text()"):
        assert parsedate_to_datetime(text).tzinfo is not None
    atom = etree.parse(str(out / "feeds/all/atom.xml"))
    for text in atom.xpath("//atom:updated/text() | //atom:published/text()", namespaces=NS):
        assert RFC3339.match(text), text


def test_a_date_only_publication_is_noon_utc(tmp_path: Path) -> None:
    record = Record(url="https://x.org/p", title="Dated", published=date(2024, 2, 13))
    feeds.build(MemoryRecords([record]), settings(tmp_path / "out"))
    entry = feedparser.parse((tmp_path / "out/feeds/all/atom.xml").read_bytes()).entries[0]
    assert entry.published == "2024-02-13T12:00:00+00:00"


def test_feed_date_is_the_newest_entry_not_the_clock(
        built: Built) -> None:
    out, records, _ = built
    atom = etree.parse(str(out / "feeds/all/atom.xml"))
    updated = [datetime.fromisoformat(t) for t in
               atom.xpath("//atom:entry/atom:updated/text()", namespaces=NS)]
    feed_updated = datetime.fromisoformat(atom.findtext(f"{ATOM}updated"))
    assert feed_updated == max(updated)
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    assert parsedate_to_datetime(rss.findtext("channel/lastBuildDate")) == feed_updated


def test_ids_survive_a_record_update(tmp_path: Path) -> None:
    records = corpus()
    out = tmp_path / "out"
    feeds.build(MemoryRecords(records), settings(out))
    before = feedparser.parse((out / "feeds/all/rss.xml").read_bytes()).entries[0]
    newest = sorted(records, key=sort_key)[-1]
    changed = newest.with_changes(title="A corrected title", summary="New summary",
                                  updated=datetime(2024, 6, 1, tzinfo=UTC))
    records[records.index(newest)] = changed
    feeds.build(MemoryRecords(records), settings(out))
    for name in ("rss.xml", "atom.xml"):
        after = feedparser.parse((out / "feeds/all" / name).read_bytes()).entries[0]
        assert after.id == before.id == entry_id(newest.id)
        assert after.title == "A corrected title"
    items = json.loads((out / "feeds/all/feed.json").read_text("utf-8"))["items"]
    assert items[0]["id"] == before.id


def test_same_topic_from_two_sources_is_one_feed(built: Built) -> None:
    out, records, _ = built
    parsed = feedparser.parse((out / "feeds/topics/peace-processes/rss.xml").read_bytes())
    sources = {r.source for r in records if entry_id(r.id) in {e.id for e in parsed.entries}}
    assert len(sources) > 1
    assert [p.name for p in (out / "feeds/topics").iterdir()].count("peace-processes") == 1


def test_titles_name_the_label_and_the_sources(built: Built) -> None:
    out, _, _ = built
    atom = (out / "feeds/topics/peace-processes/atom.xml").read_bytes()
    title = feedparser.parse(atom).feed.title
    assert title.startswith("Peace Processes — publications from ")
    assert TITLES["usip"] in title and TITLES["brookings"] in title
    all_title = feedparser.parse((out / "feeds/all/rss.xml").read_bytes()).feed.title
    assert all_title.startswith("All publications — ")


def test_language_is_set_only_when_uniform(built: Built) -> None:
    out, records, _ = built
    for path in feed_files(out, "rss.xml"):
        languages = {r.language for r in members(records, *group_of(out, path))[:FEED_SIZE]}
        found = etree.parse(str(path)).findtext("channel/language")
        assert found == (languages.pop() if len(languages) == 1 else None), path


def test_feeds_point_at_the_shipped_stylesheet(built: Built) -> None:
    out, _, _ = built
    assert (out / "feed.xsl").read_bytes().startswith(b"<?xml")
    for path in feed_files(out, "rss.xml") + feed_files(out, "atom.xml"):
        pis = [pi for pi in etree.parse(str(path)).xpath("/processing-instruction()")
               if pi.target == "xml-stylesheet"]
        assert len(pis) == 1 and pis[0].get("type") == "text/xsl"
        assert (path.parent / pis[0].get("href")).resolve() == (out / "feed.xsl").resolve()


def test_self_links_are_absolute_and_locate_the_feed(
        built: Built) -> None:
    out, _, base = built
    for path in feed_files(out, "rss.xml") + feed_files(out, "atom.xml"):
        hrefs = etree.parse(str(path)).xpath("//*[local-name()='link'][@rel='self']/@href")
        assert len(hrefs) == 1 and local_file(out, hrefs[0], base) == path
    for path in feed_files(out, "feed.json"):
        data = json.loads(path.read_text("utf-8"))
        assert local_file(out, data["feed_url"], base) == path
        assert local_file(out, data["home_page_url"], base) == out / "index.html"


def test_relative_links_in_summaries_become_absolute(tmp_path: Path) -> None:
    record = Record(url="https://x.org/pubs/p1", title="T",
                    summary='<p>See <a href="/more">more</a> and <img src="pic.png" alt="">.</p>')
    feeds.build(MemoryRecords([record]), settings(tmp_path / "out"))
    item = json.loads((tmp_path / "out/feeds/all/feed.json").read_text("utf-8"))["items"][0]
    fragment = html.fragment_fromstring(item["content_html"], create_parent="div")
    assert fragment.xpath("//a/@href") == ["https://x.org/more"]
    assert fragment.xpath("//img/@src") == ["https://x.org/pubs/pic.png"]


def test_entries_carry_authors_categories_and_images(built: Built) -> None:
    out, records, _ = built
    by_id = {entry_id(r.id): r for r in records}
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    for item in rss.iterfind("channel/item"):
        record = by_id[item.findtext("guid")]
        assert item.xpath("dc:creator/text()", namespaces={"dc": DC}) == [
            a.name for a in record.authors]
        assert item.xpath("category/text()") == [*record.topics, record.type]
        images = item.xpath("m:content[@medium='image']/@url", namespaces={"m": MEDIA})
        assert images == ([record.image.url] if record.image else [])
    atom = etree.parse(str(out / "feeds/all/atom.xml"))
    for entry in atom.getroot().iterfind(f"{ATOM}entry"):
        record = by_id[entry.findtext(f"{ATOM}id")]
        names = entry.xpath("atom:author/atom:name/text()", namespaces=NS)
        assert names == ([a.name for a in record.authors] or [TITLES.get(record.source or "",
                                                                            record.source)])
    items = json.loads((out / "feeds/all/feed.json").read_text("utf-8"))["items"]
    for item in items:
        record = by_id[item["id"]]
        assert item.get("image") == (record.image.url if record.image else None)
        assert item["tags"] == [*record.topics, record.type]
