"""Choosing the authors among the extractors' candidates, with cross-checks.

The best-ranked source that names people wins, unless a lower-ranked one names everyone it
does and more (a byline showing one of four authors) or a trusted one spells them out (a
login, first names only); organizations count only when no person is named.

Podcast rule: authors are the people credited as the episode's authors or hosts
(JSON-LD author/creator, meta author tags, a byline or "Hosted by" line); guests
mentioned in the text are not authors unless the page credits them that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .choose import rank
from .name_patterns import PEOPLE_FOLDERS, REGION
from .names import (clean_name, is_field, is_name, is_organization, name_key, one_institution,
                    split_names, turned_round, unique_names)
from .record import Author, Candidate
from .text import WIDE_CHARS, clean

_AUTHOR_RANK = ("rules", "jsonld", "meta:citation_author", "html:itemprop-near", "html:byline",
                "html:rel-author-near", "meta:parsely-page", "meta:parsely-author",
                "meta:author", "meta:article:author", "meta:dc.creator", "meta:dcterms.creator",
                "meta:sailthru.author", "meta:byl", "meta:byline", "html:by-text",
                "meta:citation_authors", "meta:authors", "meta:og:article:author",
                "meta:book:author", "html:itemprop-page", "html:rel-author-page",
                "html:author-class", "html:dateline-name", "html:label", "html:credit",
                "html:biography", "html:citation", "html:author-link", "jsonld:WebPage")
_TRUSTED_AUTHORS = {"jsonld", "meta:citation_author", "html:itemprop-near", "html:byline",
                    "html:rel-author-near", "meta:parsely-page", "meta:parsely-author",
                    "meta:author", "meta:article:author", "meta:dc.creator", "meta:byl",
                    "meta:dcterms.creator", "meta:sailthru.author", "html:by-text"}
_NEAR_BYLINES = ("html:itemprop-near", "html:byline", "html:rel-author-near", "html:by-text")
_BYLINE_TEXTS = ("html:byline", "html:by-text", "html:label", "html:itemprop-near")
_AGREEING = 3
_PROFILE = re.compile(rf"/(?:{PEOPLE_FOLDERS})/([a-z][a-z'_-]+[a-z])/?$", re.IGNORECASE)
_DESK = re.compile(r"(?i)\b(?:redaktion|redacci[oó]n|r[ée]daction|redazione|staff|team|desk|"
                   r"newsroom|editorial|editors|agency|agencies|agenturen?)\b")
_DIGIT_RE = re.compile(r"\d")
# A Chinese person's whole name: two to four Han characters, no kana.
_HAN_NAME = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,4}")
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_DESK_PREFIX = re.compile(r"(?i)^\s*(?:by|von|par|por)\s*:?\s+")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|de|co|uk|nz|fr|it|es|ch|at|nl|info|io|ru|jp|cn|in)\b",
                     re.IGNORECASE)


def choose_authors(cands: list[Candidate], sites: list[str],
                   is_type: Callable[[str], bool] = lambda _: False,
                   language: str | None = None) -> tuple[tuple[Author, ...], str] | None:
    """Return the best-ranked credited people; organizations only when no person is named.

    A lower-ranked list wins when it names everyone the chosen one does and more
    (a byline that shows one of four authors, a first name where a meta tag has the
    full name). A name that `is_type` knows as a content type ("Issue Brief" beside the
    day) credits nobody. On a page in Chinese, Chinese names set apart by spaces are
    several people ("张三　李四"); in Japanese the space parts a family and a given name.
    """
    chosen = _choose_authors(cands, sites, is_type)
    if chosen is None or not (language or "").lower().startswith("zh"):
        return chosen
    authors = tuple(a for author in chosen[0] for a in _chinese_names(author))
    return authors, chosen[1]


def _chinese_names(author: Author) -> list[Author]:
    """Return the people a Chinese name set apart by spaces stands for: each part of two to
    four Chinese characters is a whole name ("张三 李四"); any other name is one person."""
    parts = author.name.split()
    if len(parts) < 2 or not all(_HAN_NAME.fullmatch(p) for p in parts):
        return [author]
    return [Author(name=p) for p in parts]


def _choose_authors(cands: list[Candidate], sites: list[str],
                    is_type: Callable[[str], bool]) -> tuple[tuple[Author, ...], str] | None:
    """Return the best-ranked credited people, as `choose_authors` describes."""
    site_keys = {name_key(s) for s in sites if len(name_key(s)) > 2}
    lists: list[tuple[list[Author], str]] = []
    fallback = None
    for cand in rank(cands, _AUTHOR_RANK):
        people, orgs = _authors_of(cand.value, site_keys, not cand.source.startswith("html:"))
        if cand.source.startswith("html:") or cand.source == "card":
            people = [a for a in people if not is_type(a.name)]
        # A lone word beside full names is where or for whom they wrote ("- Cairo", "TIME").
        if any(_full_name(a.name) for a in people):
            people = [a for a in people if _full_name(a.name)]
        if people and not (fallback and cand.source.startswith("html:")
                           and not _personal(people)):
            lists.append((people, cand.source))
        elif orgs and fallback is None and not lists:
            fallback = (tuple(orgs), cand.source)
    if not lists:
        slugs = _from_profile_urls(cands)
        return (tuple(slugs), "url:author") if slugs else fallback
    chosen, source = _agreed(lists) or lists[0]
    if all(a.name.islower() and " " not in a.name for a in chosen):
        # A login or a slug ("medellín", "jdoe", "webeditor") yields to people a trusted
        # source or the page's "Authors:" label names in full; alone, it is all the page says.
        chosen, source = next(((o, s) for o, s in lists[1:]
                               if (s in _TRUSTED_AUTHORS or s == "html:label")
                               and _personal(o)), (chosen, source))
    first_names_only = all(" " not in a.name for a in chosen)
    one_line_labels = not any("\n" in v for c in cands if c.source == "html:label"
                              for v in (c.value if isinstance(c.value, list) else [c.value])
                              if isinstance(v, str))
    for other, other_source in lists[1:]:
        # The same people in the page's own order ("Kovács-Nagy Eszter", a Hungarian name
        # family first) beat citation metadata's "Last, First" turned round.
        own_order = source == "meta:citation_author" and other_source.startswith("html:") \
            and len(other) == len(chosen) and _covers(chosen, other)
        if _own_spelling(other, other_source, chosen, source):
            chosen, source = other, other_source
            continue
        # An "Authors:" label naming everyone the chosen source names and more, in whole names
        # on one line ("A, B e C"; a label of lines mixes names with affiliations and
        # outlets), or each name it adds linked to a profile too.
        labelled = other_source == "html:label" and (
            one_line_labels and not source.startswith("html:")
            or _corroborated(other, chosen, lists))
        trusted = other_source in _TRUSTED_AUTHORS or first_names_only or own_order or labelled
        if not trusted or other == chosen or not _covers(other, chosen):
            continue
        more = len(other) > len(chosen) and (
            source.startswith("html:") and (other_source in ("html:by-text", "html:label")
                                            or not other_source.startswith("html:"))
            # Metadata naming the first of a byline's people (Jekyll's SEO tag, Ghost's
            # JSON-LD): the byline beside the title names them all, as its microdata or
            # another source (the author links) says.
            or not source.startswith("html:") and (
                other_source == "html:itemprop-near"
                or other_source in ("html:byline", "html:label") and _full_names(other, chosen)
                or other_source in _NEAR_BYLINES and _corroborated(other, chosen, lists)))
        # "Will", "Leitch" (given and family name marked apart) is one person's "Will Leitch".
        whole = first_names_only and len(other) < len(chosen) and _personal(other)
        if more or whole or own_order or len(other) == len(chosen) and _longer(other, chosen):
            chosen, source = other, other_source
    return _with_addresses(chosen, lists), source


def _own_spelling(other: list[Author], other_source: str, chosen: list[Author],
                  source: str) -> bool:
    """Tell whether the page shows metadata's Chinese, Japanese or Korean names spelled its
    own way ("山本健一" where JSON-LD has "山本 健一"): the same people, spaced otherwise."""
    return not source.startswith("html:") and other_source.startswith("html:") \
        and other != chosen and any(WIDE_CHARS.search(a.name) for a in chosen) \
        and [name_key(a.name) for a in other] == [name_key(a.name) for a in chosen]


def _with_addresses(chosen: list[Author], lists: list[tuple[list[Author], str]]
                    ) -> tuple[Author, ...]:
    """Return the chosen authors, each with the profile address another source gives the
    same name when the chosen source gives none (a byline's name, an author link's URL)."""
    urls: dict[str, str] = {}
    for people, _ in lists:
        for person in people:
            if person.url:
                urls.setdefault(name_key(person.name), person.url)
    return tuple(a if a.url else Author(a.name, urls.get(name_key(a.name))) for a in chosen)


def _agreed(lists: list[tuple[list[Author], str]]) -> tuple[list[Author], str] | None:
    """Return the list that three sources or more name alike when the best-ranked one
    stands alone with other people (a CMS account in JSON-LD, the byline everywhere else)."""
    def key(people: list[Author]) -> frozenset[str]:
        return frozenset(name_key(a.name) for a in people)

    first = key(lists[0][0])
    votes: dict[frozenset[str], int] = {}
    for people, _ in lists:
        votes[key(people)] = votes.get(key(people), 0) + 1
    if votes[first] > 1:
        return None
    return next(((people, src) for people, src in lists[1:]
                 if votes[key(people)] >= _AGREEING and not key(people) & first), None)


def _full_names(other: list[Author], chosen: list[Author]) -> bool:
    """Tell whether every name `other` adds to `chosen` is a person's whole name, as a
    byline's marked-up author shows it ("Gefühle", a category, and "Nachricht abschicken",
    a form's button, are none, nor is an affiliation's country, "United States", or field,
    "Economic Research")."""
    return all(len(a.name.split()) >= 2 and is_name(a.name, strict=True)
               and not REGION.search(a.name) and not is_field(a.name)
               for a in _added(other, chosen))


def _corroborated(other: list[Author], chosen: list[Author],
                  lists: list[tuple[list[Author], str]]) -> bool:
    """Tell whether every name `other` adds to `chosen` is named by a source that reads no
    byline's text (author links, microdata): a byline's UI words are no one's name."""
    return all(any(s not in _BYLINE_TEXTS and _covers(people, [a]) for people, s in lists)
               for a in _added(other, chosen))


def _added(other: list[Author], chosen: list[Author]) -> list[Author]:
    """Return the people of `other` that `chosen` does not name."""
    return [a for a in other if not _covers(chosen, [a])]


def _full_name(name: str) -> bool:
    """Tell whether a name has a given and a family name: two words, or two Chinese,
    Japanese or Korean characters (written without a space: "山田太郎")."""
    return len(name.split()) > 1 or len(WIDE_CHARS.findall(name)) >= 2


def _personal(people: list[Author]) -> bool:
    """Tell whether a list reads like people's names (a few whole names: two words or more,
    or Chinese, Japanese or Korean names of two characters or more)."""
    return len(people) <= 4 and all(_full_name(a.name) for a in people)


def _covers(big: list[Author], small: list[Author]) -> bool:
    """Tell whether every name of `small` is in `big` (a first name counts as its full name)."""
    tokens = [set(name_key(w) for w in a.name.split()) for a in big]
    return all(any(set(name_key(w) for w in a.name.split()) <= t for t in tokens) for a in small)


def _longer(big: list[Author], small: list[Author]) -> bool:
    """Tell whether the names of `big` are fuller (more words) than those of `small`."""
    return sum(len(a.name.split()) for a in big) > sum(len(a.name.split()) for a in small)


def _from_profile_urls(cands: list[Candidate]) -> list[Author]:
    """Return names spelled by author profile URLs (/by/jon-fingas -> Jon Fingas)."""
    found = []
    for cand in cands:
        items = cand.value if isinstance(cand.value, list) else [cand.value]
        for item in items:
            if not isinstance(item, str):
                continue
            for url in re.split(r"[,\s]+", item):
                match = _PROFILE.search(url)
                if match:
                    name = clean_name(match.group(1).replace("-", " ").replace("_", " ").title())
                    if name:
                        found.append(Author(name, url))
    return _unique(found)


def _authors_of(value: Any, site_keys: set[str],
                structured: bool = False) -> tuple[list[Author], list[Author]]:
    """Return (people, organizations) named by one candidate value.

    A structured author value (JSON-LD, meta) that names no person but a desk or an
    organization ("Redaktion", "Staff", "Greentech.LIVE Redaktion") is kept as one.
    """
    items = value if isinstance(value, list) else [value]
    people: list[Author] = []
    orgs: list[Author] = []
    # Meta tags naming one person each, all "Last, First": each is one name turned round,
    # a family name of two words too ("Fernández Ortega, María José").
    one_each = structured and len(items) > 1 and all(
        isinstance(i, str) and turned_round(i) for i in items)
    for item in items:
        url = None
        is_org = False
        if isinstance(item, tuple):
            item, url, is_org = item
        if not isinstance(item, str) or item.strip().startswith(("http://", "https://", "/")):
            continue
        names = [clean_name(item)] if is_org else [turned_round(item)] if one_each \
            else split_names(item)
        if structured and len(names) > 1 and _one_organization(item, names):
            names, is_org = [clean_name(item)], True
        if structured and not any(names):
            desk = clean(_DESK_PREFIX.sub("", item), limit=80)
            names, is_org = ([desk], True) if desk and _is_desk(desk) else (names, is_org)
        for name in names:
            if not name:
                continue
            org = is_org or _is_site(name, site_keys) or _DOMAIN.search(name) is not None \
                or is_organization(name)
            target = orgs if org else people
            target.append(Author(name, url if isinstance(url, str) and _is_url(url)
                                 and len(names) == 1 else None))
    return _unique(people), _unique(orgs)


def _one_organization(item: str, names: list[str | None]) -> bool:
    """Tell whether a declared author splits only because it is one organization's name
    ("Landesanstalt für Wald und Forstwirtschaft - LWF", "Centre for Migration and Labour
    Studies"): it names no person of two words (a field's name is none), or an institution
    then "and" what else it is in charge of ("Ministerio de Vivienda y Cohesión Territorial")."""
    if one_institution(item, names):
        return True
    return is_organization(item) and not any(
        n and len(n.split()) >= 2 and is_name(n, strict=True) and not is_organization(n)
        and not is_field(n) for n in names)


def _is_url(text: str) -> bool:
    """Tell whether an author value's URL is an http(s) URL without characters XML cannot carry."""
    return text.startswith("http") and _CONTROL.search(text) is None


def _is_desk(text: str) -> bool:
    """Tell whether an author value names an editorial desk or an organization."""
    return not _DIGIT_RE.search(text) and len(text.split()) <= 8 and (
        bool(_DESK.search(text)) or is_organization(text))


def _is_site(name: str, site_keys: set[str]) -> bool:
    """Tell whether a name is the site's own name (a publisher, not an author)."""
    key = name_key(name)
    return any(key == s or (len(key) > 2 and (key in s or s in key)) for s in site_keys)


def _unique(authors: list[Author]) -> list[Author]:
    """Drop duplicate names, keeping the first spelling and page order."""
    kept = unique_names([a.name for a in authors])
    first = {}
    for a in authors:
        first.setdefault(a.name, a)
    return [first[n] for n in kept]
