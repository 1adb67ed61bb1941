"""Choosing the title and the authors among the extractors' candidates, with cross-checks.

Dates are chosen in `harvester.choose_dates`, types and topics in
`harvester.choose_labels`.

Podcast rule: authors are the people credited as the episode's authors or hosts
(JSON-LD author/creator, meta author tags, a byline or "Hosted by" line); guests
mentioned in the text are not authors unless the page credits them that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .names import (PEOPLE_FOLDERS, clean_name, is_name, is_organization, name_key, split_names,
                    unique_names)
from .record import Author, Candidate
from .text import WIDE_CHARS, clean, fold, strip_tags

_TITLE_RANK = ("rules", "jsonld", "meta:citation_title", "meta:og:title", "meta:parsely-page",
               "meta:dc.title", "meta:dcterms.title", "meta:twitter:title", "meta:parsely-title",
               "meta:sailthru.title", "html:h1", "html:headline", "meta:headline",
               "jsonld:WebPage", "meta:title", "html:title")
_AUTHOR_RANK = ("rules", "jsonld", "meta:citation_author", "html:itemprop-near", "html:byline",
                "html:rel-author-near", "meta:parsely-page", "meta:parsely-author",
                "meta:author", "meta:article:author", "meta:dc.creator", "meta:dcterms.creator",
                "meta:sailthru.author", "meta:byl", "meta:byline", "html:by-text",
                "meta:citation_authors", "meta:authors", "meta:og:article:author",
                "meta:book:author", "html:itemprop-page", "html:rel-author-page",
                "html:author-class", "html:dateline-name", "html:label", "html:credit",
                "html:biography", "html:author-link", "jsonld:WebPage")
_TRUSTED_AUTHORS = {"jsonld", "meta:citation_author", "html:itemprop-near", "html:byline",
                    "html:rel-author-near", "meta:parsely-page", "meta:parsely-author",
                    "meta:author", "meta:article:author", "meta:dc.creator", "meta:byl",
                    "meta:dcterms.creator", "meta:sailthru.author", "html:by-text"}
_AGREEING = 3
_MAX_KICKER_WORDS = 3
_SECTION_PREFIX = re.compile(r"^([^|:–—]{2,40}?)\s*[|–—]\s+")
# Latin scripts set separators off with spaces; Chinese and Japanese titles often glue
# them to the words ("标题-新华网", "見出し｜社名"), and a full-width bar is always one.
_CJK = "[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af]"
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»|/|:)\s+|\s*｜\s*|"
                               rf"(?<={_CJK})(?:-{{1,3}}|_|\||—|：)(?={_CJK})")
# A site's name in brackets after the title ("Title (Institute)", "Title [Institute]").
_BRACKETED_END = re.compile(r"\s+[(\[]([^()\[\]]{2,60})[)\]]$|\s*【([^【】]{2,30})】$")
# What sets a content type off a title: "Title | Commentary", "Title :: Blog", "News - Title".
_TYPE_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|»)\s+)")
# Markers a site or a search engine adds to a title, no part of it: the page of a paged
# article ("| Page 2 of 4", "– Seite 2", "(Page 2)"), "[PDF]", a closing "(Updated)" (an
# opening "[Update]" is the blogger's own).
_PAGE_NUMBER = (r"(?:page|pg\.?|seite|p[áa]gina|pag\.|strona|sida|side|pagin[aă]|sayfa|"
                r"halaman|стр\.?|страница)\s*\d+(?:\s*(?:of|von|de|sur|di|из|/)\s*\d+)?")
_MARKER = re.compile(rf"(?i)\s+[|\-–—·•:]\s+{_PAGE_NUMBER}(?=\s+[|\-–—·•]\s+|\s*$)"
                     rf"|\s*[(\[]\s*(?:{_PAGE_NUMBER}|pdf)\s*[)\]]\s*"
                     r"|\s*[(\[]\s*(?:updated|aktualisiert|mis à jour|actualizado|aggiornato)"
                     r"\s*[)\]]\s*$")
_PROFILE = re.compile(rf"/(?:{PEOPLE_FOLDERS})/([a-z][a-z'_-]+[a-z])/?$", re.IGNORECASE)
_DESK = re.compile(r"(?i)\b(?:redaktion|redacci[oó]n|r[ée]daction|redazione|staff|team|desk|"
                   r"newsroom|editorial|editors|agency|agencies|agenturen?)\b")
_DIGIT_RE = re.compile(r"\d")
# A numeric date in front of a headline ("23.01.2022 - Title", "2024-05-02 | Title").
_DATE_PREFIX = re.compile(r"^(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
                          r"\s*[-–—|:]\s+(?=\S)")
# Arrows, bullets and bars no title opens or ends with ("»" opens German quotes: only
# before a space).
_DECORATION = re.compile(r"^\s*\[?\s*(?:[>›•·|]+|»(?=\s))\s*|\s*[•·|<‹]+\s*$")
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_DESK_PREFIX = re.compile(r"(?i)^\s*(?:by|von|par|por)\s*:?\s+")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|de|co|uk|nz|fr|it|es|ch|at|nl|info|io|ru|jp|cn|in)\b",
                     re.IGNORECASE)


def rank(cands: list[Candidate], order: tuple[str, ...]) -> list[Candidate]:
    """Sort candidates by the position of their source in `order` (stable; unknown last)."""
    index = {name: i for i, name in enumerate(order)}
    return sorted(cands, key=lambda c: index.get(c.source, len(order)))


def choose_title(cands: list[Candidate], sites: list[str], sections: list[str] = (),
                 homes: list[str] = (),
                 is_type: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """Return the title most candidates agree with, site name and section prefix removed.

    Each candidate gets a vote from every other candidate that equals or contains
    it; ties go to the most trusted source. A title cut short ("...") yields to
    one that completes it, and the visible headline wins over a declared title
    that only adds a kicker or section in front of it. `homes` are the texts of the page's
    links to its home page: a title part saying exactly one of them is the site's name.
    `is_type` tells a content type's name ("Commentary"): set off by a bar at either end
    of a title ("Title | COMMENTARY"), it labels the title and is not part of it.
    """
    texts = [(_title_text(c.value), c.source) for c in rank(cands, _TITLE_RANK)]
    site_keys = {fold(s) for s in sites if s and fold(s)}
    home_keys = {fold(h) for h in homes if fold(h)}
    section_keys = {fold(s) for s in sections if s and len(s) <= 40}
    pool = [(strip_section(strip_site(t, site_keys, [x for j, (x, _) in enumerate(texts)
                                                     if x and j != i], home_keys),
                           section_keys), s)
            for i, (t, s) in enumerate(texts) if t and len(t) <= 500]
    if is_type is not None:
        pool = [(strip_type(t, is_type), s) for t, s in pool]
    pool = [(t, s) for t, s in pool if t and fold(t) and fold(t) not in site_keys]
    pool = [(t, s) for t, s in pool if not _truncated(t, [x for x, _ in pool])]
    if not pool:
        return None
    keys = [fold(t) for t, _ in pool]
    best, best_score = pool[0], float("-inf")
    for i, (text, src) in enumerate(pool):
        votes = sum(1 for j, other in enumerate(keys)
                    if j != i and (other == keys[i] or _part_of(keys[i], other)))
        score = votes * 10 - i * 0.1 - (5 if src == "html:title" else 0)
        if score > best_score:
            best, best_score = (text, src), score
    headline = next(((t, s) for t, s in pool if s == "html:h1"), None)
    if headline and best[1] != "html:h1" and _part_of(fold(headline[0]), fold(best[0])):
        return _cased(headline, pool)
    if headline and best[1] != "html:h1" and (_after_crumbs(headline[0], best[0])
                                              or _after_kicker(headline[0], best[0])):
        return best  # "Home / News / Title" or "Kicker / Title": the declared title
    if headline and len(headline[0].split()) >= 2:
        return _cased(headline, pool)
    return _cased(best, pool)


def _cased(chosen: tuple[str, str], pool: list[tuple[str, str]]) -> tuple[str, str]:
    """Return the chosen title, or the same title in ordinary case when it is in capitals
    ("WHY RATES MUST FALL" in a headline styled so, "Why Rates Must Fall" in og:title)."""
    text = chosen[0]
    if not text.isupper() or sum(c.isalpha() for c in text) < 8:
        return chosen
    key = fold(text)
    return next(((t, s) for t, s in pool if not t.isupper() and fold(t) == key), chosen)




def _title_text(value: Any) -> str | None:
    """Return a title candidate as clean text, without a date in front ("23.01.2022 - "), a
    theme's decoration around it ("[> Title", "» Title", "Title •") or a marker beside it
    ("| Page 2", "(Updated)", "[PDF]")."""
    if not isinstance(value, str):
        return None
    text = _DATE_PREFIX.sub("", clean(strip_tags(value)) or "")
    text = " ".join(_MARKER.sub(" ", text).split()) or text
    return _DECORATION.sub("", text) or text or None


def _after_crumbs(headline: str, title: str) -> bool:
    """Tell whether a headline is the title behind breadcrumbs or a kicker, set off by a
    slash or a bar ("Home / News / Title", "\"Quote\" / Title")."""
    head, _, last = headline.rpartition(" / ") if " / " in headline else \
        headline.rpartition(" | ")
    return bool(head) and fold(last) == fold(title)


def _after_kicker(headline: str, title: str) -> bool:
    """Tell whether a headline is the declared title with a kicker of one to three words run
    into it ("<a class=cat>Economy</a> Why Rates Must Fall" beside og:title "Why Rates Must
    Fall")."""
    head, title = fold(headline), fold(title)
    kicker = head[:-len(title)].split() if head.endswith(" " + title) else []
    # Words the headline sets off itself ("Exklusiv:", "\"Pure Leere\":") belong to it.
    plain = all(w.isalnum() for w in headline.split()[:len(kicker)])
    return plain and 1 <= len(kicker) <= _MAX_KICKER_WORDS and len(title.split()) >= 3


def _truncated(text: str, others: list[str]) -> bool:
    """Tell whether a title was cut short ("...") and another candidate completes it."""
    if not text.endswith(("...", "\u2026")):
        return False
    stem = fold(text.rstrip(".\u2026 "))
    return any(fold(o).startswith(stem) and len(o) > len(text) for o in others if o != text)


def _part_of(short: str, long: str) -> bool:
    """Tell whether `short` is a large contiguous part of `long` (a title inside "T | Site")."""
    return len(short) >= 0.4 * len(long) and len(short) >= 8 and short in long


def strip_site(title: str, site_keys: set[str], others: list[str],
               home_keys: set[str] = frozenset()) -> str:
    """Remove a " | Site" / "Site - " part when it is the site name or not in other titles
    (`home_keys`: names the site's home links show, matched only exactly)."""
    bracketed = _BRACKETED_END.search(title)
    name = bracketed and (bracketed.group(1) or bracketed.group(2))
    if name and len(title[:bracketed.start()].split()) >= 1 and (
            fold(name) in home_keys or _is_site_part(name, site_keys)):
        title = title[:bracketed.start()]  # "Title (Institute)", "标题【新华网】"
    head, colon, tail = title.partition(": ")
    if colon and fold(head) in site_keys and len(tail.split()) >= 2:
        title = tail.strip()  # "ECFR: Title": the site's name set before a colon
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    other_keys = {fold(o) for o in others}
    whole = fold(title)
    for i in (len(parts) - 1, 0):
        rest = parts[:i] + parts[i + 1:]
        # A home link's text (a menu's "News" as much as a logo's name) names the site
        # only as the short part of a title.
        exact = fold(parts[i]) in site_keys or fold(parts[i]) in home_keys \
            and len(parts[i]) < len(" ".join(rest))
        # A part only resembling the site name stays when another title says it whole.
        if exact or _is_site_part(parts[i], site_keys) and len(parts[i]) < len(" ".join(rest)) \
                and whole not in other_keys:
            return _rejoin(title, rest)
    for i in range(len(parts) - 1, 0, -1):
        head = _rejoin(title, parts[:i])
        if fold(head) in other_keys and fold(head) != whole:
            return head
    return title


def strip_section(title: str, section_keys: set[str]) -> str:
    """Remove a leading "Opinion | " when it is the page's section (declared elsewhere)."""
    match = _SECTION_PREFIX.match(title)
    if match and fold(match.group(1)) in section_keys:
        return title[match.end():].strip() or title
    return title


def strip_type(title: str, is_type: Callable[[str], bool]) -> str:
    """Remove a content type set off by a bar, a dash or a double colon at the start or end
    of a title ("Opinion | Title", "Title | COMMENTARY", "Title :: Blog") when at least three
    words of title remain."""
    parts = _TYPE_SEPARATOR.split(title)
    if len(parts) < 3:
        return title
    head, tail = "".join(parts[:-2]), parts[-1]
    if len(tail.split()) <= 3 and len(head.split()) >= 3 and is_type(tail):
        return head.strip()
    head, tail = parts[0], "".join(parts[2:])
    if len(head.split()) <= 3 and len(tail.split()) >= 3 and is_type(head):
        return tail.strip()
    return title


def _is_site_part(part: str, site_keys: set[str]) -> bool:
    """Tell whether a title segment names the site ("BBC News" for site "BBC")."""
    key = fold(part)
    if not key:
        return False
    if key in site_keys:
        return True
    squashed = key.replace(" ", "")
    if any(len(s) > 3 and squashed.startswith(s.replace(" ", "")) for s in site_keys):
        return True
    words = key.split()
    return any(len(s) > 2 and (s in key or key in s) and len(words) <= len(s.split()) + 1
               for s in site_keys)


def _rejoin(title: str, parts: list[str]) -> str:
    """Return the span of `title` covering `parts` (keeping their original separators)."""
    if not parts:
        return title
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def choose_authors(cands: list[Candidate], sites: list[str],
                   is_type: Callable[[str], bool] = lambda _: False
                   ) -> tuple[tuple[Author, ...], str] | None:
    """Return the best-ranked credited people; organizations only when no person is named.

    A lower-ranked list wins when it names everyone the chosen one does and more
    (a byline that shows one of four authors, a first name where a meta tag has the
    full name). A name that `is_type` knows as a content type ("Issue Brief" beside the
    day) credits nobody.
    """
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
        # A login or a slug ("medellín", "jdoe") yields to people a trusted source names in
        # full; alone, it is all the page says.
        chosen, source = next(((o, s) for o, s in lists[1:] if s in _TRUSTED_AUTHORS
                               and _personal(o)), (chosen, source))
    first_names_only = all(" " not in a.name for a in chosen)
    for other, other_source in lists[1:]:
        trusted = other_source in _TRUSTED_AUTHORS or first_names_only
        if not trusted or other == chosen or not _covers(other, chosen):
            continue
        more = len(other) > len(chosen) and source.startswith("html:") and (
            other_source in ("html:by-text", "html:label") or not other_source.startswith("html:"))
        # "Will", "Leitch" (given and family name marked apart) is one person's "Will Leitch".
        whole = first_names_only and len(other) < len(chosen) and _personal(other)
        if more or whole or len(other) == len(chosen) and _longer(other, chosen):
            chosen, source = other, other_source
    return _with_addresses(chosen, lists), source


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


def _full_name(name: str) -> bool:
    """Tell whether a name has a given and a family name: two words, or two Chinese,
    Japanese or Korean characters (written without a space: "山田太郎")."""
    return len(name.split()) > 1 or len(WIDE_CHARS.findall(name)) >= 2


def _personal(people: list[Author]) -> bool:
    """Tell whether a list reads like people's names (a few names of two words or more)."""
    return len(people) <= 4 and all(len(a.name.split()) >= 2 for a in people)


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
    for item in items:
        url = None
        is_org = False
        if isinstance(item, tuple):
            item, url, is_org = item
        if not isinstance(item, str) or item.strip().startswith(("http://", "https://", "/")):
            continue
        names = [clean_name(item)] if is_org else split_names(item)
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
    ("Landesanstalt für Wald und Forstwirtschaft - LWF"): it names no person of two words."""
    return is_organization(item) and not any(
        n and len(n.split()) >= 2 and is_name(n, strict=True) and not is_organization(n)
        for n in names)


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
