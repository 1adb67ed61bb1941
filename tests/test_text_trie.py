"""Word lists factored as prefix trees match exactly what the plain alternation matches."""

from __future__ import annotations

import re

import pytest

from harvester.extract.datelines import _DATE_SHORT, _DATE_STEMS, _DATE_WORDS
from harvester.text import trie_pattern

_SHORT = "at um à de del of the a.m a.m. am pm p.m. uhr et edt est pst pdt cet cest gmt utc"
PLAIN = re.compile(
    r"(?i)\b(?:" + "|".join(_DATE_STEMS.split()) + r")[a-zéûä]*\.?"
    r"|\b(?:at|um|à|de|del|of|the|[ap]\.?m\.?|uhr|et|edt|est|pst|pdt|cet|cest|"
    r"gmt|utc|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\b")


@pytest.mark.parametrize("words", [["a", "ab", "abc"], ["sep", "sept", "set"], ["x"], ["ab", "b"]])
def test_trie_pattern_matches_each_word_and_nothing_shorter(words: list[str]) -> None:
    """Every word matches in full; a proper prefix that is not a word does not."""
    pattern = re.compile(f"(?:{trie_pattern(words)})$")
    assert all(pattern.match(w) for w in words)
    assert not pattern.match("") and not pattern.match("zz")


@pytest.mark.parametrize("text", [
    "Published 12 Sept. 2024 at 10:30 a.m. EDT", "3. März 2024 um 14 Uhr", "Mon, Jan 5 of the",
    "le 4 déc. 2023 à 9h", "delay dell de del deliver", "janvier 2020, 13 févr.", "x.at.y am.pm",
    "Stand: 12.03.2024, 13:10 Uhr | Aktualisiert", "ſept KST ſunday CEST cet",
    "Updated Oct 2, 2023",
    "Dienstag, 3. März", "lundi 4 mars à 9h", "sábado 5 de mayo", "Sabato domenica",
    *_DATE_STEMS.split(), *_SHORT.split(), *_DATE_SHORT.split()])
def test_dateline_words_are_those_of_the_plain_alternation(text: str) -> None:
    """The factored dateline-word pattern removes exactly what the plain alternation removes."""
    assert _DATE_WORDS.sub(" ", text) == PLAIN.sub(" ", text)
    assert _DATE_WORDS.sub(" ", text.upper()) == PLAIN.sub(" ", text.upper())
