"""Candidates to one Record: choices, cross-checks, bounds, and merging a listing card."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from harvester import extract_page
from harvester.choose import choose_title
from harvester.choose_labels import topic_labels
from harvester.extract import default_vocabulary
from harvester.normalize import MAX_SUMMARY, build_record, merge, normalize_language
from harvester.record import Author, Candidate, Record
from harvester.vocab import slugify

VOCAB = default_vocabulary()
URL = "https://example.org/pubs/x"


def record(*cands: Candidate, url: str = URL) -> Record:
    """Build a record from candidates with the shipped vocabulary."""
    return build_record(list(cands), url=url, vocabulary=VOCAB)


@pytest.mark.parametrize(("titles", "expected"), [
    (["Ports Matter | Example Post", "Ports Matter"], "Ports Matter"),
    (["Example Post - Ports Matter"], "Ports Matter"),
    (["Ports Matter — Example Post"], "Ports Matter"),
    (["Guns & Grain: “Food Security” in the Basin"], "Guns & Grain: “Food Security” in the Basin"),
    # The site's name before a colon goes; another word before a colon is the title's own.
    (["Example Post: Ports Matter"], "Ports Matter"),
    (["Example: Ports Matter"], "Example: Ports Matter"),
])
def test_titles_lose_the_site_name_only(titles: list[str], expected: str) -> None:
    """The site's name goes; '&', quotes and the title's own colons stay."""
    cands = [Candidate("title", t, "meta:og:title") for t in titles]
    chosen = choose_title(cands, ["Example Post"])
    assert chosen is not None and chosen[0] == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("TV programs that rose to the challenges of 2020 | COMMENTARY",
     "TV programs that rose to the challenges of 2020"),
    ("Opinion | The Case for Ports in the Baltic", "The Case for Ports in the Baltic"),
    # Too little would be left, or the part names no content type: the title stays whole.
    ("Ports | Analysis", "Ports | Analysis"),
    ("Ports Matter in the Baltic | Harbour Life", "Ports Matter in the Baltic | Harbour Life"),
])
def test_a_content_type_set_off_in_a_title_is_not_part_of_it(title: str, expected: str) -> None:
    """A headline that labels itself ("| COMMENTARY", "Opinion |") loses the label."""
    assert record(Candidate("title", title, "html:h1")).title == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("[> Jens Weber", "Jens Weber"), ("» Ports Matter", "Ports Matter"),
    ("Ports Matter •", "Ports Matter"), ("»Zitat« sagt er", "»Zitat« sagt er"),
    # A label in brackets set off before the title goes too (a series', a scoop's); a
    # bracket inside a word stays
    ("[Update] Ports Matter", "Ports Matter"), ("[Un]certain Ports", "[Un]certain Ports"),
])
def test_a_theme_s_arrows_and_bullets_are_not_part_of_a_title(title: str, expected: str) -> None:
    """Decoration a theme puts before or after a headline goes, and a label in brackets
    before it; quotes stay."""
    assert record(Candidate("title", title, "html:h1")).title == expected


def test_truncated_title_yields_to_the_full_one() -> None:
    """A declared title cut with "..." loses to the headline that completes it."""
    cands = [Candidate("title", "Viele Studierende sind noch verzweifelt auf...", "meta:og:title"),
             Candidate("title", "Viele Studierende sind noch verzweifelt auf Wohnungssuche",
                       "html:h1")]
    assert choose_title(cands, [])[0].endswith("Wohnungssuche")


def test_utc_timestamp_gives_way_to_the_same_moment_in_local_time() -> None:
    """The page's local form of one moment is kept (its day is the readers' day)."""
    rec = record(Candidate("published", "2024-05-27T21:45:00Z", "meta:parsely-pub-date"),
                 Candidate("published", "2024-05-28T03:15:00+05:30", "html:time-close"))
    assert rec.published.isoformat() == "2024-05-28T03:15:00+05:30"


def test_url_date_breaks_a_disagreement() -> None:
    """When sources disagree, the one matching the URL's date wins."""
    rec = record(Candidate("published", "2019-01-01", "jsonld"),
                 Candidate("published", "2024-02-13", "html:text-close"),
                 url="https://example.org/2024/02/13/x")
    assert rec.published == date(2024, 2, 13)


def test_updated_is_kept_apart_and_only_when_later() -> None:
    """An updated date earlier than publication is dropped; a later one is kept."""
    later = record(Candidate("published", "2024-01-01", "jsonld"),
                   Candidate("updated", "2024-01-05", "jsonld"))
    earlier = record(Candidate("published", "2024-01-05", "jsonld"),
                     Candidate("updated", "2024-01-01", "jsonld"))
    assert later.updated == date(2024, 1, 5)
    assert earlier.updated is None


def test_summary_is_plain_bounded_text() -> None:
    """HTML and entities are removed and the summary is cut at a word."""
    rec = record(Candidate("summary", "<p>Ports &amp; " + "harbours " * 300 + "</p>",
                           "meta:description"))
    assert rec.summary.startswith("Ports & harbours")
    assert len(rec.summary) <= MAX_SUMMARY and rec.summary.endswith("…")


def test_summary_markup_escaped_twice_is_removed_too() -> None:
    """A description whose markup is entity-escaped ("&lt;p&gt;") still yields plain text."""
    rec = record(Candidate("summary", "&lt;p&gt;Ports &amp;amp; harbours of the Baltic coast"
                                      "&lt;/p&gt;", "jsonld"))
    assert rec.summary == "Ports & harbours of the Baltic coast"


@pytest.mark.parametrize(("url", "description", "site_name", "blurb"), [
    ("https://www.sipri.org/commentary/x", "SIPRI is an independent international institute "
     "dedicated to research into conflict and armaments.", None, True),
    ("https://www.brookings.edu/articles/x", "The Brookings Institution is a nonprofit public "
     "policy organization based in Washington, DC.", None, True),
    ("https://www.swp-berlin.org/publikation/x", "Die Stiftung Wissenschaft und Politik ist "
     "ein Forschungsinstitut, das den Bundestag berät.", "Stiftung Wissenschaft und Politik",
     True),
    # the page's own news, opening with the site's name
    ("https://www.brookings.edu/articles/x", "Brookings experts say the deal is a turning "
     "point for the region.", None, False),
    # a person introduced by the site's description of them
    ("https://www.sipri.org/people/x", "Jane Doe is a senior researcher at SIPRI working on "
     "arms transfers.", None, False),
])
def test_a_description_that_introduces_the_site_is_no_summary(
        url: str, description: str, site_name: str | None, blurb: bool) -> None:
    """"SIPRI is an independent institute...": the site's self-description in a page's meta
    tags gives way to the page's own prose; a description about the page stays."""
    prose = "International arms transfers fell slightly in 2023, while Europe imported more."
    cands = [Candidate("summary", description, "meta:description"),
             Candidate("summary", prose, "html:p")]
    if site_name:
        cands.append(Candidate("site_name", site_name, "meta:og:site_name"))
    assert record(*cands, url=url).summary == (prose if blurb else description)


@pytest.mark.parametrize("junk", ["5b274ebc-2e46-40d6-830e-d912e48ca7fa", "www.sonnenenergie.de",
                                  "https://example.org/pubs/x?utm_source=feed"])
def test_an_id_or_an_address_is_no_summary(junk: str) -> None:
    """One word of Latin letters (a UUID, a domain, a URL) gives way to the next description;
    prose written without spaces (Chinese, Japanese) is a summary."""
    prose = "Empresa anunció 150 despidos para fin de mes."
    rec = record(Candidate("summary", junk, "jsonld"),
                 Candidate("summary", prose, "meta:og:description"))
    assert rec.summary == prose
    chinese = "在美国旧金山举行的中美元首会晤吸引了全世界的目光。多名外国专家告诉记者。"
    assert record(Candidate("summary", chinese, "jsonld")).summary == chinese


@pytest.mark.parametrize(("raw", "tag"), [("en_US", "en-US"), ("EN", "en"), ("pt-br", "pt-BR"),
                                          ("de-DE,de;q=0.9", "de-DE"), ("12", None),
                                          ("eng", "en"), ("ger-AT", "de-AT"), ("haw", "haw")])
def test_language_tags(raw: str, tag: str | None) -> None:
    """Language values are normalized to BCP 47 form with the region kept."""
    assert normalize_language(raw) == tag


def test_types_map_and_unknown_labels_are_kept() -> None:
    """A specific type maps; an unknown but labelled type is kept title-cased."""
    assert record(Candidate("type", "PodcastEpisode", "jsonld")).type == "Podcast"
    assert record(Candidate("type", "Article", "jsonld")).type is None
    assert record(Candidate("type", "field notes", "html:label")).type == "Field Notes"


def test_topics_split_deduplicated_and_junk_dropped() -> None:
    """Keywords are split, de-duplicated (two the vocabulary makes one topic count once) and
    cleaned; each keeps the page's wording."""
    rec = record(Candidate("topics", ["Democracy, Governance; 12, x, Kenya, kenya"],
                           "meta:keywords"))
    assert rec.topics == ("Democracy", "Kenya")


def test_topic_items_lose_a_list_s_separators_at_their_edges() -> None:
    """arXiv writes its subjects "A (x.y); B (z.w)" with the separator inside the next item's
    element: no topic starts with "; "."""
    rec = record(Candidate("topics", ["Atmospheric Physics (physics.ao-ph)",
                                      "; Machine Learning (cs.LG)"], "html:topic-list"))
    assert rec.topics == ("Atmospheric Physics (physics.ao-ph)", "Machine Learning (cs.LG)")


def test_a_model_number_and_a_year_are_topics_but_a_short_number_is_not() -> None:
    """A tag such as "1541" (a disk drive) names a thing, a year tag ("2019" on a look back
    at that year) a subject the site files pages under; "12" names nothing, nor does an id
    ("969420", a securities number) or an address ("://about:blank")."""
    rec = record(Candidate("topics", ["linux, c64, 1541, 2019, 12, 969420, ://about:blank"],
                           "meta:keywords"))
    assert rec.topics == ("linux", "c64", "1541", "2019")


def test_keywords_any_page_of_a_news_site_carries_are_not_topics() -> None:
    """"News", "info", "Actualité", "Allgemein" say what the site is, not the page."""
    rec = record(Candidate("topics", ["News, info, Actualité, Allgemein, Handball, Uncategorized"],
                           "meta:keywords"))
    assert rec.topics == ("Handball",)


def test_tags_joined_by_slashes_are_split_but_a_pair_is_not() -> None:
    """"Geheimdienste/NSA/Überwachung" in one tag link is three tags; "AC/DC" or
    "Biology / Biochemistry" is one."""
    rec = record(Candidate("topics", ["Geheimdienste/NSA/Überwachung", "AC/DC",
                                      "Biology / Biochemistry"], "html:tag-list"))
    assert rec.topics == ("Geheimdienste", "NSA", "Überwachung", "AC/DC",
                          "Biology / Biochemistry")


def test_machine_identifiers_are_not_topics() -> None:
    """Tag metadata holding CMS identifiers ("cat_neurology") gives no such topic."""
    rec = record(Candidate("topics", ["cat_neurology,k1_brain-disorders,covid vaccines"],
                           "meta:sailthru.tags"))
    assert rec.topics == ("covid vaccines",)


@given(st.lists(st.text(max_size=80), max_size=20))
@example(["A :", " : B", "#tag ,"])
def test_topic_labels_are_never_empty_and_slug_safely(values: list[str]) -> None:
    """Any raw values give non-empty labels whose slugs are safe path segments."""
    for label in topic_labels(values, VOCAB, set()):
        assert label.strip() == label and label
        slug = slugify(label)
        assert slug and "/" not in slug and slug not in (".", "..")


def test_merge_fills_gaps_and_keeps_trusted_page_values() -> None:
    """The page wins where it had trusted values; the card fills the rest, traced as card."""
    page = Record(url=URL, title="Page Title", published=date(2024, 2, 13),
                  provenance={"title": "html:h1", "published": "url"})
    card = Record(url=URL, title="Card Title", published=date(2024, 2, 12),
                  authors=(Author("Ana Souza"),), type="Analysis", topics=("Global Policy",),
                  provenance={"title": "card", "published": "card"})
    merged = merge(page, card)
    assert merged.title == "Page Title"
    assert merged.published == date(2024, 2, 12)
    assert merged.authors == (Author("Ana Souza"),)
    assert merged.type == "Analysis" and merged.topics == ("Global Policy",)
    assert merged.provenance == {"title": "html:h1", "published": "card", "authors": "card",
                                 "type": "card", "topics": "card"}


def test_merge_keeps_the_page_datetime_for_the_same_day() -> None:
    """A card giving the same day does not replace the page's more precise timestamp."""
    moment = datetime(2024, 2, 13, 22, 30, tzinfo=timezone(timedelta(hours=-5)))
    page = Record(url=URL, published=moment, provenance={"published": "url"})
    card = Record(url=URL, published=date(2024, 2, 13), provenance={"published": "card"})
    assert merge(page, card).published == moment


def test_a_german_page_s_utc_timestamp_gives_its_local_day() -> None:
    """23:00 UTC on a page in German is midnight in Berlin: the page's day is the next one."""
    rec = record(Candidate("published", "2022-11-06T23:00:00+00:00", "meta:article:published_time"),
                 Candidate("updated", "2022-11-07T09:15:00Z", "meta:article:modified_time"),
                 Candidate("language", "de", "html:lang"))
    assert rec.published.isoformat() == "2022-11-07T00:00:00+01:00"
    assert rec.updated.isoformat() == "2022-11-07T10:15:00+01:00"


@pytest.mark.parametrize("url", ["http://[::1/x", "http://exa mple.de/", "", None])
@pytest.mark.parametrize("declared", ["http://[::1/x", "https://[fe80::1%25en0/a", "//[x"])
def test_urls_that_cannot_be_parsed_never_raise(url: str | None, declared: str) -> None:
    """A page URL or a declared canonical, image or author link that no URL parser accepts
    is left out; the rest of the record is still extracted."""
    html = (f"<html><head><link rel='canonical' href='{declared}'>"
            f"<meta property='og:image' content='{declared}'>"
            "<meta property='article:published_time' content='2024-03-01T23:30:00Z'></head>"
            f"<body><h1>Ceasefire talks resume</h1><a rel='author' href='{declared}'>Ann Lee"
            "</a><p>Text.</p></body></html>")
    record = extract_page(html, url)
    assert record.title == "Ceasefire talks resume" and record.published is not None
    assert record.url == (url or "file:///unknown") and record.image is None
