"""JSON-LD: the page's own entity, read as leniently as browsers read it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from harvester.extract import extract_page
from harvester.extract.jsonld import load

URL = "https://example.org/research/2024/03/the-report"


def page(*scripts: str, body: str = "") -> str:
    """Return a minimal page carrying the given JSON-LD scripts."""
    tags = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return f"<html><head><title>x</title>{tags}</head><body>{body}</body></html>"


@pytest.mark.parametrize("text", [
    '{"@type": "Report", "headline": "A",}',
    '<!-- {"@type": "Report", "headline": "A"} -->',
    '//<![CDATA[\n{"@type": "Report", "headline": "A"}\n//]]>',
    '{"@type": "Report", "headline": "A\nB"}',
    '{"@type": "Report", "headline": "A"}{"@type": "WebSite", "name": "S"}',
])
def test_malformed_json_that_browsers_accept(text: str) -> None:
    """Trailing commas, comment/CDATA wrappers, raw newlines and glued objects are read."""
    values = load(text)
    assert values and values[0]["@type"] == "Report"


def test_hopeless_json_gives_nothing() -> None:
    """A script that is not JSON at all yields no values (and no error)."""
    assert load("var x = {not json") == []


def test_graph_references_and_cycles() -> None:
    """@graph members are linked by @id; a reference cycle does not loop."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Example Institute",
         "publisher": {"@id": "#org"}},
        {"@type": "Organization", "@id": "#org", "name": "Example Institute",
         "parentOrganization": {"@id": "#org"}},
        {"@type": "Person", "@id": "#p1", "name": "Ana Souza", "worksFor": {"@id": "#org"}},
        {"@type": "Report", "@id": URL + "#report", "url": URL, "headline": "The Report",
         "author": [{"@id": "#p1"}], "datePublished": "2024-03-05", "isPartOf": {"@id": "#site"},
         "keywords": "Water, Borders", "inLanguage": "pt-BR"},
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home"}]},
    ]}
    record = extract_page(page(json.dumps(graph)), URL)
    assert record.title == "The Report"
    assert [a.name for a in record.authors] == ["Ana Souza"]
    assert record.published == date(2024, 3, 5)
    assert record.type == "Report"
    assert record.topics == ("Water", "Borders")
    assert record.language == "pt-BR"
    assert record.provenance["authors"] == "jsonld"


def test_item_list_entries_are_not_the_page() -> None:
    """Articles listed in an ItemList describe other pages."""
    listing = {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Other",
                                       "author": {"@type": "Person", "name": "Ola Nordmann"},
                                       "datePublished": "2020-01-01"}}]}
    record = extract_page(page(json.dumps(listing), body="<h1>Own title</h1>"), URL)
    assert record.authors == ()
    assert record.published is None
    assert record.title == "Own title"


def test_organization_author_when_no_person() -> None:
    """An Organization author is kept when no person is credited."""
    data = {"@type": "Report", "headline": "T",
            "author": {"@type": "Organization", "name": "Crisis Watch"}}
    record = extract_page(page(json.dumps(data)), URL)
    assert [a.name for a in record.authors] == ["Crisis Watch"]


def test_main_entity_of_a_web_page_and_its_date() -> None:
    """A WebPage's mainEntity is the entity; the WebPage's date stands in for an Event's."""
    data = {"@context": "https://schema.org", "@type": "WebPage", "datePublished": "2024-04-20",
            "mainEntity": {"@type": "Event", "name": "A Webinar",
                           "startDate": "2024-05-15T10:00:00-04:00",
                           "performer": {"@type": "Person", "name": "Rui Lopes"}}}
    record = extract_page(page(json.dumps(data)), URL)
    assert record.published == date(2024, 4, 20)
    assert record.type == "Event"
    assert record.authors == ()


def test_podcast_episode_credits_its_author_not_its_guests() -> None:
    """A PodcastEpisode's author is the host; guests named as actors are not authors."""
    data = {"@type": "PodcastEpisode", "name": "Episode 12: Ports",
            "author": {"@type": "Person", "name": "Dana Whitfield"},
            "actor": [{"@type": "Person", "name": "Guest Person"}]}
    record = extract_page(page(json.dumps(data)), URL)
    assert [a.name for a in record.authors] == ["Dana Whitfield"]
    assert record.type == "Podcast"


@pytest.mark.parametrize(("name", "description", "expected"), [
    ("Nils", "Nils Pickert ist freier Autor und Journalist.", "Nils Pickert"),
    ("Stefanus", "Stefanus Stahl - Maschinenbauer, Abenteurer und Projektleiter.",
     "Stefanus Stahl"),
    ("Anna", "Anna Maria Schmidt, Redakteurin", "Anna Maria Schmidt"),
    ("Nils", "Nils writes about parenting.", "Nils"),           # no family name given
    ("Nils", "Sabine Keller is our editor.", "Nils"),            # someone else's bio
    ("Nils", "Nils écrit sur la parentalité.", "Nils"),          # a verb, not a name
    ("Émile", "Émile Zoé Durand, journaliste", "Émile Zoé Durand"),
    ("Nils Pickert", "Nils Pickert Senior ist Autor.", "Nils Pickert"),  # already whole
])
def test_a_person_named_by_a_given_name_takes_the_whole_name_of_its_bio(
        name: str, description: str, expected: str) -> None:
    """SEO plugins name a person by the display name ("Nils"); the bio opens with the whole
    name, which is the author's name."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Kulturtechnik", "author": {"@id": "#nils"}},
        {"@type": "Person", "@id": "#nils", "name": name, "description": description}]}
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(graph)}</script>"
            "</head><body><h1>Kulturtechnik</h1></body></html>")
    assert [a.name for a in extract_page(html).authors] == [expected]


def test_one_person_node_naming_several_people() -> None:
    """"author": {"@type": "Person", "name": ["A", "B"]} credits both."""
    record = extract_page(page(json.dumps({
        "@type": "Article", "headline": "Ceasefires", "datePublished": "2024-03-03",
        "author": {"@type": "Person", "name": ["Jane Doe", "John Roe"]}})), URL)
    assert [a.name for a in record.authors] == ["Jane Doe", "John Roe"]


def test_article_sections_are_topics_only_without_tags() -> None:
    """The JSON-LD articleSection is a post's category: its topics when nothing tags it."""
    data = json.dumps({"@type": "NewsArticle", "headline": "Sleep and the brain",
                       "articleSection": ["Neurology / Neuroscience,Psychology / Psychiatry"]})
    assert extract_page(page(data), URL).topics == (
        "Neurology / Neuroscience", "Psychology / Psychiatry")
    tagged = json.dumps({"@type": "NewsArticle", "headline": "Sleep and the brain",
                         "articleSection": "Health", "keywords": ["sleep", "memory"]})
    assert extract_page(page(tagged), URL).topics == ("sleep", "memory")


def test_an_ordered_list_of_authors_is_read() -> None:
    """JSON-LD's list objects ({"@list": [...]}, {"@set": [...]}) hold the authors in order."""
    for key in ("@list", "@set"):
        data = json.dumps({"@type": "ScholarlyArticle", "headline": "Sleep and the brain",
                           "author": {key: [{"@type": "Person", "name": "Jane Doe"},
                                            {"@type": "Person", "name": "John Roe"}]}})
        assert [a.name for a in extract_page(page(data), URL).authors] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(("key", "value", "kind"), [
    ("genre", "Commentary", "Commentary"),
    ("genre", ["Policy Brief"], "Policy Brief"),
    ("additionalType", "https://schema.org/Report", "Report"),
    ("articleSection", "Analysis", "Analysis"),
    ("articleSection", "World News", None),
])
def test_the_kind_of_work_in_words_names_the_type(key: str, value: object,
                                                   kind: str | None) -> None:
    """JSON-LD's genre, additionalType and articleSection name the type when the
    vocabulary knows them."""
    data = json.dumps({"@type": "Article", "headline": "Sleep and the brain", key: value})
    assert extract_page(page(data), "https://example.org/p/sleep").type == kind
