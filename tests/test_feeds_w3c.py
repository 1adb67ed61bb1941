"""What the W3C feed validator asked of our feeds, checked on the XML we write.

Each test encodes one fix made after running the validator (rubys/feedvalidator, see
`bench/w3c_validate.py`) over real builds; the validator itself is not a dependency.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import feeds
from harvester.config import Settings
from harvester.groups import MemoryRecords
from harvester.record import Author, Image, Record

UTC = timezone.utc
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://feeds.example.org/"
SEEN = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
# What the validator's OPML head accepts (opml.py's opmlHead).
OPML_HEAD = {"title", "dateCreated", "dateModified", "ownerName", "ownerEmail", "ownerId",
             "expansionState", "vertScrollState", "windowTop", "windowLeft", "windowBottom",
             "windowRight"}
TAG_OPEN = re.compile(r"<[A-Za-z/!?]")


def build(tmp_path: Path, records: list[Record], *, site_title: str = "Policy feeds") -> Path:
    """Build the feeds of records with a base URL and return the output folder."""
    out = tmp_path / "out"
    config = Settings(data_dir=tmp_path / "data", out_dir=out, base_url=BASE,
                      site_title=site_title)
    feeds.build(MemoryRecords(records), config, source_titles={"bi": "Brookings Institution"})
    return out


def record(n: int, **fields: object) -> Record:
    """Return a plain record, harvested at SEEN, with fields overridden."""
    values: dict[str, object] = {
        "url": f"https://example.org/p/{n}", "source": "bi", "title": f"Publication {n}",
        "topics": ("Peace Processes",), "first_seen": SEEN, "harvested_at": SEEN}
    values.update(fields)
    return Record(**values)  # type: ignore[arg-type]


def xml_files(out: Path, name: str) -> list[etree._ElementTree]:
    """Return every parsed feed file of one name."""
    return [etree.parse(str(p)) for p in sorted((out / "feeds").rglob(name))]


def test_opml_head_holds_only_elements_the_validator_knows(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1)])
    head = etree.parse(str(out / "feeds.opml")).find("head")
    assert {child.tag for child in head} <= OPML_HEAD  # <docs> was "Undefined head element"


def test_opml_folders_carry_only_text_and_feeds_a_type(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1)])
    body = etree.parse(str(out / "feeds.opml")).find("body")
    folders = body.findall("outline")
    assert folders and all(dict(f.attrib) == {"text": f.get("text")} for f in folders)
    leaves = body.findall("outline/outline")
    assert leaves and all(o.get("type") == "rss" and o.get("xmlUrl") and o.get("title")
                          for o in leaves)


def test_opml_text_is_html_that_opens_no_tag(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1)], site_title="Policy <feeds> & co")
    tree = etree.parse(str(out / "feeds.opml"))
    texts = [tree.findtext("head/title"), *tree.xpath("//outline/@text | //outline/@title"
                                                      " | //outline/@description")]
    assert all(not TAG_OPEN.search(t) for t in texts), texts
    assert html.unescape(tree.findtext("head/title")) == "Policy <feeds> & co — publication feeds"


def test_every_atom_entry_has_textual_content(tmp_path: Path) -> None:
    records = [record(1), record(2, summary="Has one."), record(3, authors=(Author("Ann Lee"),))]
    out = build(tmp_path, records)
    for tree in xml_files(out, "atom.xml"):
        for entry in tree.getroot().iter(f"{ATOM}entry"):
            text = entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content")
            assert text and text.strip()  # else "Missing textual content"


def test_entries_without_a_summary_are_described_from_their_metadata(tmp_path: Path) -> None:
    authors = (Author("Ann Lee"), Author("Bo Chen"))
    out = build(tmp_path, [record(1, type="Report", authors=authors, published=date(2024, 1, 5)),
                           record(2, source=None)])
    atom = etree.parse(str(out / "feeds/all/atom.xml")).getroot()
    summaries = {e.findtext(f"{ATOM}title"): e.find(f"{ATOM}summary")
                 for e in atom.iter(f"{ATOM}entry")}
    described = summaries["Publication 1"]
    assert described.get("type") == "text"
    assert described.text == ("Report by Ann Lee and Bo Chen — Brookings Institution,"
                              " 5 January 2024.")
    assert summaries["Publication 2"].text == "Publication."
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    assert described.text in rss.xpath("//item/description/text()")


def feed_dates(out: Path) -> list[datetime]:
    """Return every date the RSS, Atom and OPML files carry."""
    found = []
    for tree in xml_files(out, "rss.xml"):
        found += [parsedate_to_datetime(t) for t in tree.xpath("//pubDate/text()"
                                                               " | //lastBuildDate/text()")]
    for tree in xml_files(out, "atom.xml"):
        found += [datetime.fromisoformat(t) for t in tree.xpath(
            "//*[local-name()='updated' or local-name()='published']/text()")]
    opml = etree.parse(str(out / "feeds.opml"))
    found += [parsedate_to_datetime(t) for t in opml.xpath("//head/*[starts-with(name(),"
                                                           " 'date')]/text()")]
    return found


def test_feeds_carry_only_plausible_dates(tmp_path: Path) -> None:
    records = [
        record(1, published=date(1850, 6, 1)),
        record(2, published=date(1970, 1, 1), updated=datetime(1969, 12, 31, tzinfo=UTC)),
        record(3, published=date(2031, 1, 1)),
        record(4, published=date(2999, 1, 1), first_seen=None, harvested_at=None),
        record(5, published=date(2024, 5, 2)),
    ]
    out = build(tmp_path, records)
    dates = feed_dates(out)
    assert dates and all(datetime(1990, 1, 1, tzinfo=UTC) <= d <= SEEN for d in dates), dates
    atom = etree.parse(str(out / "feeds/all/atom.xml")).getroot()
    entries = {e.findtext(f"{ATOM}title"): e for e in atom.iter(f"{ATOM}entry")}
    for n in (1, 2, 3):  # dates not believed are left out; updated says when it was seen
        assert entries[f"Publication {n}"].find(f"{ATOM}published") is None
        updated = datetime.fromisoformat(entries[f"Publication {n}"].findtext(f"{ATOM}updated"))
        assert SEEN - timedelta(seconds=2) <= updated <= SEEN  # distinct within the feed
    published = entries["Publication 5"].findtext(f"{ATOM}published")
    assert datetime.fromisoformat(published) == datetime(2024, 5, 2, 12, tzinfo=UTC)


def test_a_publication_of_the_harvest_day_is_not_dated_after_the_harvest(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1, published=SEEN.date())])  # noon UTC would be the future
    rss = etree.parse(str(out / "feeds/all/rss.xml"))
    assert [parsedate_to_datetime(t) for t in rss.xpath("//item/pubDate/text()")] == [SEEN]


def test_no_two_atom_entries_share_an_updated_instant(tmp_path: Path) -> None:
    day = date(2024, 3, 14)  # four date-only publications of one day, two more on the hour
    records = [record(n, published=day) for n in range(4)]
    records += [record(n, published=datetime(2024, 3, 14, 12, tzinfo=UTC)) for n in (4, 5)]
    out = build(tmp_path, records)
    for tree in xml_files(out, "atom.xml"):
        entries = list(tree.getroot().iter(f"{ATOM}entry"))
        updated = [e.findtext(f"{ATOM}updated") for e in entries]
        assert len(set(updated)) == len(updated) == 6, updated
        for entry in entries:  # same day, and never updated before published
            published = datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
            assert published.date() == day
            assert published <= datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))


def test_feeds_name_a_language_only_by_an_iso_639_1_code(tmp_path: Path) -> None:
    tags = {"zz": None, "cmn": None, "iw": None, "i-default": None, "english": None,
            "en-GB": "en-GB", "pt-BR": "pt-BR", "fr": "fr"}
    out = build(tmp_path, [record(n, source=f"s{n}", language=tag)
                           for n, tag in enumerate(tags)])
    for n, expected in enumerate(tags.values()):
        folder = out / "feeds" / "sources" / f"s{n}"
        rss = etree.parse(str(folder / "rss.xml")).findtext("channel/language")
        atom = etree.parse(str(folder / "atom.xml")).getroot().get(
            "{http://www.w3.org/XML/1998/namespace}lang")
        assert rss == atom == expected, (n, rss, atom)


def feed_texts(out: Path) -> list[str]:
    """Return every text node and attribute value of the RSS, Atom and OPML files."""
    found: list[str] = []
    for path in [*(out / "feeds").rglob("*.xml"), out / "feeds.opml"]:
        found += etree.parse(str(path)).xpath("//text() | //@*")
    return found


def test_no_replacement_characters_or_mojibake_reach_a_feed(tmp_path: Path) -> None:
    records = [record(1, title="Caf\ufffd au lait", summary="<p>A &#0; B \ufffd</p>",
                      topics=("Zone\ufffd",)),
               record(2, title="CafÃ© society", authors=(Author("JosÃ© MartÃ\xadnez"),))]
    texts = feed_texts(build(tmp_path, records))
    assert not [t for t in texts if "\ufffd" in t or re.search("[\u00c2\u00c3][\u0080-\u00bf]", t)]
    assert "Café society" in texts and "José Martínez" in texts


def test_records_with_unusable_urls_still_build(tmp_path: Path) -> None:
    records = [record(1, url="https://host:99999/x", summary='<a href="rel">r</a>'),
               record(2, url="http://[::1]/x", image=Image("http://[::1]/i.png")),
               record(3, authors=(Author("Ann", "https://host:70000/a"),))]
    texts = feed_texts(build(tmp_path, records))  # an invalid port raised ValueError
    assert not [t for t in texts if "99999" in t or "[::1]" in t or "70000" in t]


def test_ampersands_and_angle_brackets_are_hex_references_in_rss_and_atom(
        tmp_path: Path) -> None:
    out = build(tmp_path, [record(1, title="S&P500 & 5 < 6", summary="<p>A &amp; B</p>")])
    for path in [*(out / "feeds").rglob("rss.xml"), *(out / "feeds").rglob("atom.xml")]:
        raw = path.read_bytes()
        assert b"&amp;" not in raw and b"&lt;" not in raw, path
        assert b"S&#x26;P500 &#x26; 5 &#x3C; 6" in raw, path


def test_opml_text_escapes_an_ampersand_that_would_open_a_reference(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1, topics=("R&D",)), record(2, topics=("Climate & Security",))])
    texts = etree.parse(str(out / "feeds.opml")).xpath("//outline/@text")
    assert "R&amp;D" in texts and "Climate & Security" in texts  # HTML reads both right


def test_the_fallback_author_is_plain_text(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1, source=None)], site_title="News</p> <b>desk</b>")
    names = etree.parse(str(out / "feeds/all/atom.xml")).xpath(
        "//*[local-name()='author']/*[local-name()='name']/text()")
    assert names == ["News desk"]


def test_an_id_appears_once_per_feed(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1), record(1, title="Same URL again"), record(2)])
    for tree in xml_files(out, "rss.xml"):
        guids = tree.xpath("//item/guid/text()")
        assert len(guids) == len(set(guids)) == 2
    for tree in xml_files(out, "atom.xml"):
        ids = [e.findtext(f"{ATOM}id") for e in tree.getroot().iter(f"{ATOM}entry")]
        assert len(ids) == len(set(ids)) == 2


# What the validator accepts as a full URI (RFC 2396 characters, a scheme first).
FULL_URI = re.compile(r"^[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$")
BAD_CHARACTER = re.compile("[\u0080-\u009f\ufffd]")
URI_XPATH = ("//@href | //@url | //@uri | //@xmlUrl | //@htmlUrl | //*[local-name()='link'"
             " and not(@href)]/text() | //*[local-name()='uri' or local-name()='id']/text()")
PIECES = ["<script>x</script>", "&amp;", "&#x80;", "\x85", "\ufffd", "CafÃ©", "東京", "</p>",
          "S&P500", "&5", "5 < 6", "<b>b</b>", "&#0;", "R&D", "a@b.org", "x" * 120, " ", ""]
URLS = ["https://example.org/a b", "https://例え.jp/パス?q=ü#f", "http://[::1]/x",
        "https://host:99999/x", "https://host/{}|^`", "https://example.org/ok", "ftp://h/x"]


@st.composite
def hostile_record(draw: st.DrawFn) -> Record:
    """Return a record whose every field is drawn from what broke feeds before."""
    text = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
    day = st.dates(date(1800, 1, 1), date(2200, 1, 1))
    return Record(
        url=draw(st.sampled_from(URLS)) + f"/{draw(st.integers(0, 3))}",
        source=draw(st.sampled_from(["bi", "x&y", None])), title=draw(text),
        authors=tuple(Author(n or "x", draw(st.sampled_from([*URLS, None])))
                      for n in draw(st.lists(text, max_size=2))),
        published=draw(st.one_of(st.none(), day)), type=draw(text) or None,
        topics=tuple(t for t in draw(st.lists(text, max_size=2)) if t),
        summary=draw(st.one_of(st.none(), text, text.map(lambda t: f"<p>{t}</p>"))),
        language=draw(st.sampled_from([None, "en", "zz", "fr-CH", "cmn"])),
        first_seen=draw(st.sampled_from([SEEN, None])))


def assert_validator_rules(out: Path) -> None:
    """Fail where the W3C validator would warn or err on the RSS, Atom and OPML files."""
    now = datetime.now(UTC) + timedelta(minutes=10)
    for path in [*(out / "feeds").rglob("*.xml"), out / "feeds.opml"]:
        tree = etree.parse(str(path))
        assert not [t for t in tree.xpath("//text() | //@*") if BAD_CHARACTER.search(t)], path
        assert all(FULL_URI.match(u) for u in tree.xpath(URI_XPATH)), path
        if path.suffix == ".xml":
            assert b"&amp;" not in path.read_bytes() and b"&lt;" not in path.read_bytes()
    for tree in xml_files(out, "atom.xml"):
        entries = list(tree.getroot().iter(f"{ATOM}entry"))
        for tag in ("id", "updated"):
            values = [e.findtext(f"{ATOM}{tag}") for e in entries]
            assert len(values) == len(set(values)), (tag, values)
        assert all(e.findtext(f"{ATOM}summary") or e.findtext(f"{ATOM}content")
                   for e in entries)
    languages = [t for tree in xml_files(out, "rss.xml") for t in tree.xpath("//language/text()")]
    assert all(t.split("-")[0].lower() in {"en", "fr"} for t in languages), languages
    assert all(datetime(1990, 1, 1, tzinfo=UTC) <= d <= now for d in feed_dates(out))


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(hostile_record(), min_size=1, max_size=6))
def test_hostile_records_make_feeds_the_validator_accepts(tmp_path: Path,
                                                          records: list[Record]) -> None:
    out = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    out.mkdir()
    assert_validator_rules(build(out, records, site_title="<b>x</b> & R&D"))


def test_opml_date_created_is_never_after_date_modified(tmp_path: Path) -> None:
    out = build(tmp_path, [record(1, published=date(2024, 5, 2))])
    opml = out / "feeds.opml"
    opml.write_text(opml.read_text("utf-8").replace(
        etree.parse(str(opml)).findtext("head/dateCreated"), "Wed, 01 Jan 2031 12:00:00 +0000"),
        "utf-8")  # as an older build left it, from a record dated in the future
    build(tmp_path, [record(1, published=date(2024, 5, 2))])
    head = etree.parse(str(opml)).find("head")
    created, modified = (parsedate_to_datetime(head.findtext(t))
                         for t in ("dateCreated", "dateModified"))
    assert created <= modified == datetime(2024, 5, 2, 12, tzinfo=UTC)
