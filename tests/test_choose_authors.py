"""Choosing the authors among candidate lists: ranks, cross-checks and fallbacks."""

from __future__ import annotations

from harvester.choose import choose_authors
from harvester.record import Candidate


def names(*cands: Candidate) -> list[str]:
    """Return the names chosen among the candidates (no site names)."""
    chosen = choose_authors(list(cands), [])
    return [a.name for a in chosen[0]] if chosen else []


def test_given_and_family_name_marked_apart_are_one_person() -> None:
    """Separate given/family name parts yield to a list that has the whole name."""
    assert names(Candidate("authors", ["Marta", "Okafor"], "html:itemprop-near"),
                 Candidate("authors", ["Marta Okafor"], "meta:author")) == ["Marta Okafor"]


def test_declared_organization_is_not_split_into_people() -> None:
    """An organization named as author stays one name, so a credited person wins."""
    org = "Sächsische Landesanstalt für Boden und Gewässer - SLBG"
    assert names(Candidate("authors", [org], "meta:author"),
                 Candidate("authors", ["Henrik Vogt"], "html:itemprop-page")) == ["Henrik Vogt"]
    assert names(Candidate("authors", [org], "meta:author")) == [org]
