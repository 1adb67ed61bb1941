"""Meta tags: Highwire citation_*, Dublin Core, OpenGraph, article:*, parse.ly."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from harvester.extract import extract_page

URL = "https://example.org/papers/2023/the-paper"


def page(metas: str, body: str = "") -> str:
    """Return a page with the given head tags."""
    return f"<html><head>{metas}</head><body>{body}</body></html>"


def test_citation_tags() -> None:
    """citation_* gives title, inverted authors, the publication date and the journal type."""
    metas = """
      <meta name="citation_title" content="Guns &amp; Grain: &quot;Food&quot;">
      <meta name="citation_author" content="Yusuf, Amina">
      <meta name="citation_author" content="van der Berg, Pieter">
      <meta name="citation_publication_date" content="2024/02/29">
      <meta name="citation_online_date" content="2023/12/01">
      <meta name="citation_journal_title" content="Security Review">
      <meta name="citation_keywords" content="Food security; Armed groups">"""
    record = extract_page(page(metas), URL)
    assert record.title == 'Guns & Grain: "Food"'
    assert [a.name for a in record.authors] == ["Amina Yusuf", "Pieter van der Berg"]
    assert record.published == date(2024, 2, 29)
    assert record.type == "Journal Article"
    assert record.topics == ("Food security", "Armed groups")
    assert record.provenance["published"] == "meta:citation_publication_date"


def test_dublin_core_with_minute_precision_offset() -> None:
    """dcterms.* dates keep their offset; dcterms.type "Text" names no type."""
    metas = """
      <meta name="DC.title" content="County Governments">
      <meta name="dcterms.date" content="2022-09-30T10:15+03:00">
      <meta name="dcterms.modified" content="2023-01-12T16:40+03:00">
      <meta name="dcterms.type" content="Text">"""
    # (A URL without a section folder: "/papers/" would name a type of its own.)
    record = extract_page(page(metas), "https://example.org/2023/county-governments")
    plus3 = timezone(timedelta(hours=3))
    assert record.published == datetime(2022, 9, 30, 10, 15, tzinfo=plus3)
    assert record.updated == datetime(2023, 1, 12, 16, 40, tzinfo=plus3)
    assert record.type is None


def test_opengraph_and_article_tags() -> None:
    """og:title loses the site name; each article:tag is one label; sections name types."""
    metas = """
      <meta property="og:site_name" content="Example Post">
      <meta property="og:title" content="Opinion | Why Ports Matter - Example Post">
      <meta property="article:published_time" content="2024-03-09T23:30:00-05:00">
      <meta property="article:modified_time" content="2024-03-11T08:00:00-05:00">
      <meta property="article:section" content="Opinion">
      <meta property="article:tag" content="Women, Peace and Security">
      <meta property="article:tag" content="Yemen">
      <meta property="og:image" content="/img/lead.jpg">
      <meta property="og:locale" content="en_US">"""
    record = extract_page(page(metas), URL)
    assert record.title == "Why Ports Matter"
    assert record.published.isoformat() == "2024-03-09T23:30:00-05:00"
    assert record.updated.isoformat() == "2024-03-11T08:00:00-05:00"
    assert record.type == "Commentary"
    assert record.topics == ("Women, Peace and Security", "Yemen")
    assert record.image is not None and record.image.url == "https://example.org/img/lead.jpg"
    assert record.language == "en-US"


@pytest.mark.parametrize(("tags", "topics"), [
    (["Fieldwork", "#guest", "Shipwrecks"], ("Fieldwork", "Shipwrecks")),
    (["#climate", "#energy"], ("#climate", "#energy")),
])
def test_internal_hash_tags_among_public_ones_are_left_out(tags: list[str],
                                                           topics: tuple[str, ...]) -> None:
    """Ghost marks its internal tags with "#" ("#guest"); among public tags they are no
    topic, but a list all of hashtags is the page's own."""
    metas = "".join(f'<meta property="article:tag" content="{t}">' for t in tags)
    record = extract_page(page(metas), URL)
    assert tuple(t.lstrip("#") for t in record.topics) == tuple(t.lstrip("#") for t in topics)


def test_parsely_page_json() -> None:
    """The parsely-page JSON blob gives title, date, authors and tags."""
    blob = json.dumps({"title": "Dams and Diplomacy", "pub_date": "2021-06-02T09:00:00Z",
                       "authors": ["Rui Lopes"], "tags": ["Water", "Mekong"]})
    record = extract_page(page(f"<meta name='parsely-page' content='{blob}'>"), URL)
    assert record.title == "Dams and Diplomacy"
    assert [a.name for a in record.authors] == ["Rui Lopes"]
    assert record.published == datetime(2021, 6, 2, 9, 0, tzinfo=timezone.utc)
    assert set(record.topics) == {"Water", "Mekong"}


def test_author_meta_that_is_a_profile_url_is_not_a_name() -> None:
    """article:author as a URL is not a name; the visible byline gives it."""
    metas = '<meta property="article:author" content="https://social.example/jdoe">'
    body = '<article><h1>Title here</h1><p class="byline">By Jane Doe</p></article>'
    record = extract_page(page(metas, body), URL)
    assert [a.name for a in record.authors] == ["Jane Doe"]


@pytest.mark.parametrize(("creator", "name"), [
    ("jurisdiction:Queensland; corporateName:Office of the Northern Basins Water Commissioner",
     "Office of the Northern Basins Water Commissioner"),
    ("corporateName=Department of Planning; jurisdiction=NSW", "Department of Planning"),
])
def test_an_agls_creator_gives_the_name_in_its_scheme(creator: str, name: str) -> None:
    """Australian government pages write DCTERMS.creator in the AGLS scheme: the
    organization's name is its corporateName, not the whole string."""
    html = f"""<html><head><meta name="DCTERMS.creator" content="{creator}"></head><body>
      <h1>Water trading rules review</h1><p>Discussion paper.</p></body></html>"""
    record = extract_page(html, "https://www.water.example/consultations/trading-rules")
    assert [a.name for a in record.authors] == [name]
