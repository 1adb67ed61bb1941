"""Vocabularies map site labels onto shared labels; slugs are always path-safe."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvester.extract import default_vocabulary
from harvester.vocab import Vocabulary, match_key, slugify

VOCAB = Vocabulary.from_tables(
    [{"label": "Special Report", "aliases": ["special-report"]}],
    [{"label": "Democracy & Governance", "aliases": ["governance"]}],
)


def test_topic_aliases_meet_in_one_label() -> None:
    for raw in ("Democracy and Governance", "democracy & governance", "GOVERNANCE"):
        assert VOCAB.topic_label(raw) == "Democracy & Governance"


def test_unknown_topic_is_kept_as_the_site_shows_it() -> None:
    assert VOCAB.topic_label("  Kashmir   Dispute ") == "Kashmir Dispute"


def test_type_plural_and_url_segment() -> None:
    assert VOCAB.type_label("Special Reports") == "Special Report"
    assert VOCAB.type_label("special-report") == "Special Report"
    assert VOCAB.type_label("Analysis") is None


def test_slug_examples() -> None:
    assert slugify("Global Elections & Conflict") == "global-elections-conflict"
    assert slugify("Peace Processes") == "peace-processes"
    assert slugify("../../etc") == "etc"
    assert slugify("CON").startswith("con-")


def test_and_equals_ampersand() -> None:
    assert match_key("Democracy and Governance") == match_key("Democracy & Governance")


@given(st.text())
def test_slug_is_never_empty_nor_path_unsafe(label: str) -> None:
    slug = slugify(label)
    assert slug and len(slug) <= 80
    assert slug not in (".", "..") and "/" not in slug and "\\" not in slug
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)


@given(st.text())
def test_slug_is_stable(label: str) -> None:
    assert slugify(label) == slugify(label)


@pytest.mark.parametrize(("raw", "label"), [
    ("Pressemitteilungen", "Press Release"), ("Communiqué de presse", "Press Release"),
    ("comunicado de prensa", "Press Release"), ("Nachrichten", "News"), ("Noticias", "News"),
    ("Studie", "Report"), ("Informe", "Report"), ("rapport", "Report"),
    ("Kommentar", "Commentary"), ("Tribune", "Commentary"), ("Veranstaltungen", "Event"),
    ("Arbeitspapier", "Working Paper"), ("Entretien", "Interview"),
    # A word no language here uses for a type stays unknown.
    ("Allgemein", None),
])
def test_the_shipped_types_know_other_languages(raw: str, label: str | None) -> None:
    """Sites in German, French, Spanish... name their content types in their language."""
    assert default_vocabulary().type_label(raw) == label


@pytest.mark.parametrize(("raw", "label"), [
    ("Menschenrechte", "Human Rights"), ("droits de l'homme", "Human Rights"),
    ("Derechos humanos", "Human Rights"), ("Friedensprozesse", "Peace Processes"),
    ("processus de paix", "Peace Processes"), ("Wahlen", "Global Elections & Conflict"),
    ("Demokratie", "Democracy & Governance"), ("migraciones", "Migration"),
    # A topic the vocabulary does not know stays as the site wrote it.
    ("Schulpflicht", "Schulpflicht"),
])
def test_the_shipped_topics_know_other_languages(raw: str, label: str) -> None:
    """One topic feed gathers a topic from sites writing in German, French, Spanish..."""
    assert default_vocabulary().topic_label(raw) == label
