"""Field choosers with cross-checks: titles, authors, dates, types and topics.

Podcast rule: authors are the people credited as the episode's authors or hosts
(JSON-LD author/creator, meta author tags, a byline or "Hosted by" line); guests
mentioned in the text are not authors unless the page credits them that way.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from .dates import DateValue, local_day, parse_date, url_date
from .names import clean_name, name_key, split_names, unique_names
from .record import Author, Candidate
from .text import clean, fold, strip_tags
from .vocab import Vocabulary, match_key

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
                "html:author-class", "jsonld:WebPage")
_DATE_RANK = ("rules", "jsonld", "meta:citation_publication_date", "meta:citation_date",
              "meta:article:published_time", "meta:parsely-pub-date", "meta:parsely-page",
              "meta:datepublished", "meta:dcterms.issued", "meta:dc.date.issued",
              "html:itemprop", "html:time", "meta:og:published_time", "meta:sailthru.date",
              "meta:dc.date", "meta:dcterms.date", "meta:dcterms.created", "meta:pubdate",
              "meta:publishdate", "meta:date", "jsonld:WebPage", "html:text")
_TYPE_RANK = ("rules", "html:label", "jsonld", "meta:citation_article_type", "meta:og:type",
              "meta:dc.type", "meta:parsely-type", "html:kicker", "jsonld:WebPage")
_TOPIC_RANK = ("rules", "meta:article:tag", "jsonld:keywords", "html:rel-tag",
               "meta:parsely-tags", "meta:parsely-page", "meta:sailthru.tags",
               "meta:news_keywords", "meta:keywords", "meta:citation_keywords",
               "html:label", "html:tag-list", "meta:dc.subject", "jsonld:about",
               "meta:og:article:tag", "jsonld:WebPage:keywords", "card")
_GENERIC_TYPES = {"article", "webpage", "creativework", "website", "object", "thing",
                  "itempage", "profile", "text", "other", "post", "page", "index", "default",
                  "collectionpage", "blog", "wpheader", "news", "story", "content"}
_URL_SEGMENTS = re.compile(r"/(podcasts?|special-reports?|blogs?|events?|press-releases?|"
                           r"reports?|analysis|commentary|opinion|videos?|briefs?|"
                           r"policy-briefs?|working-papers?|testimony|interviews?|"
                           r"fact-sheets?|op-eds?|explainers?|news)(?:/|$)", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»|/|:)\s+")
MAX_TOPICS = 25


def _rank(cands: list[Candidate], order: tuple[str, ...]) -> list[Candidate]:
    """Sort candidates by the position of their source in `order` (stable; unknown last)."""
    index = {name: i for i, name in enumerate(order)}
    return sorted(cands, key=lambda c: index.get(c.source, len(order)))


# --- titles -------------------------------------------------------------------------------

def choose_title(cands: list[Candidate], sites: list[str]) -> tuple[str, str] | None:
    """Return the title most candidates agree with, site name removed."""
    texts = [(clean(strip_tags(c.value)) if isinstance(c.value, str) else None, c.source)
             for c in _rank(cands, _TITLE_RANK)]
    site_keys = {fold(s) for s in sites if s and fold(s)}
    pool = [(strip_site(t, site_keys, [x for x, _ in texts if x and x != t]), s)
            for t, s in texts if t and len(t) <= 500]
    pool = [(t, s) for t, s in pool if t and fold(t) and fold(t) not in site_keys]
    if not pool:
        return None
    keys = [fold(t) for t, _ in pool]
    best, best_score = None, -1.0
    for i, (text, src) in enumerate(pool):
        votes = sum(1 for j, other in enumerate(keys)
                    if j != i and (other == keys[i] or _part_of(keys[i], other)))
        score = votes * 10 - i * 0.1 - (5 if src == "html:title" else 0)
        if score > best_score:
            best, best_score = (text, src), score
    return best


def _part_of(short: str, long: str) -> bool:
    """Tell whether `short` is a large contiguous part of `long` (a title inside "T | Site")."""
    return len(short) >= 0.4 * len(long) and len(short) >= 8 and short in long


def strip_site(title: str, site_keys: set[str], others: list[str]) -> str:
    """Remove a " | Site" / "Site - " part when it is the site name or not in other titles."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    other_keys = {fold(o) for o in others}
    for i in (len(parts) - 1, 0):
        key = fold(parts[i])
        if key and (key in site_keys or any(key in s or s in key for s in site_keys if len(s) > 2)):
            rest = parts[:i] + parts[i + 1:]
            return _rejoin(title, rest)
    whole = fold(title)
    for i in range(len(parts) - 1, 0, -1):
        head = _rejoin(title, parts[:i])
        if fold(head) in other_keys and fold(head) != whole:
            return head
    return title


def _rejoin(title: str, parts: list[str]) -> str:
    """Return the span of `title` covering `parts` (keeping their original separators)."""
    if not parts:
        return title
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


# --- authors ------------------------------------------------------------------------------

def choose_authors(cands: list[Candidate],
                   sites: list[str]) -> tuple[tuple[Author, ...], str] | None:
    """Return the best-ranked credited people; organizations only when no person is named."""
    site_keys = {name_key(s) for s in sites}
    fallback = None
    for cand in _rank(cands, _AUTHOR_RANK):
        people, orgs = _authors_of(cand.value, site_keys)
        if people:
            return tuple(people), cand.source
        if orgs and fallback is None:
            fallback = (tuple(orgs), cand.source)
    return fallback


def _authors_of(value: Any, site_keys: set[str]) -> tuple[list[Author], list[Author]]:
    """Return (people, organizations) named by one candidate value."""
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
        for name in names:
            if not name:
                continue
            target = orgs if is_org or name_key(name) in site_keys else people
            target.append(Author(name, url if isinstance(url, str) and url.startswith("http")
                                 and len(names) == 1 else None))
    return _unique(people), _unique(orgs)


def _unique(authors: list[Author]) -> list[Author]:
    """Drop duplicate names, keeping the first spelling and page order."""
    kept = unique_names([a.name for a in authors])
    first = {}
    for a in authors:
        first.setdefault(a.name, a)
    return [first[n] for n in kept]


# --- dates --------------------------------------------------------------------------------

DateChoice = tuple[DateValue, str] | None


def choose_dates(published: list[Candidate], updated: list[Candidate], url: str | None,
                 now: datetime) -> tuple[DateChoice, DateChoice]:
    """Return (published, updated): metadata first, checked against the URL's date."""
    from_url = url_date(url)
    pub = _parsed(published, now)
    chosen = None
    if from_url is not None:
        chosen = next(((v, s) for v, s in pub if abs(local_day(v) - from_url) <= timedelta(days=1)),
                      None) or (from_url, "url")
    elif pub:
        chosen = pub[0]
    upd = _parsed(updated, now)
    later = None
    if upd:
        value, source = upd[0]
        if chosen is None or _after(value, chosen[0]):
            later = (value, source)
    return chosen, later


def _parsed(cands: list[Candidate], now: datetime) -> list[tuple[DateValue, str]]:
    """Return the plausible parsed dates of candidates, best-ranked first."""
    found = []
    for cand in _rank(cands, _DATE_RANK):
        value = parse_date(cand.value, now=now)
        if value is not None:
            found.append((value, cand.source))
    return found


def _after(a: DateValue, b: DateValue) -> bool:
    """Tell whether date a falls on a later day than date b."""
    return local_day(a) > local_day(b)


# --- types --------------------------------------------------------------------------------

def choose_type(cands: list[Candidate], url: str | None,
                vocabulary: Vocabulary) -> tuple[str, str] | None:
    """Return the content type: labelled and specific evidence first, the URL's section last."""
    for cand in _rank(cands, _TYPE_RANK):
        raw = clean(cand.value, limit=80) if isinstance(cand.value, str) else None
        if not raw:
            continue
        raw = raw.rsplit(".", 1)[-1] if cand.source == "meta:og:type" else raw
        if match_key(raw) in _GENERIC_TYPES:
            continue
        label = vocabulary.type_label(raw)
        if label:
            return label, cand.source
        if cand.source in ("rules", "html:label") and len(raw) <= 40:
            return raw.title() if raw.islower() or raw.isupper() else raw, cand.source
    match = _URL_SEGMENTS.search((url or "").split("?", 1)[0])
    if match:
        label = vocabulary.type_label(match.group(1).replace("-", " "))
        if label:
            return label, "url:segment"
    return None


# --- topics -------------------------------------------------------------------------------

def choose_topics(cands: list[Candidate], vocabulary: Vocabulary, sites: list[str],
                  type_label: str | None) -> tuple[tuple[str, ...], str] | None:
    """Return the topic labels of the best source, split, cleaned, mapped and de-duplicated."""
    banned = {match_key(s) for s in sites} | ({match_key(type_label)} if type_label else set())
    for cand in _rank(cands, _TOPIC_RANK):
        if cand.source not in _TOPIC_RANK:
            continue
        labels = topic_labels(cand.value, vocabulary, banned)
        if labels:
            return tuple(labels), cand.source
    return None


def topic_labels(value: Any, vocabulary: Vocabulary, banned: set[str]) -> list[str]:
    """Split and clean raw topic values into vocabulary labels (no junk, no duplicates)."""
    items = value if isinstance(value, list) else [value]
    raw: list[str] = []
    for item in items:
        if isinstance(item, str):
            raw += re.split(r"\s*[,;|\n]\s*", item) if re.search(r"[,;|\n]", item) else [item]
    labels, seen = [], set(banned)
    for item in raw:
        text = clean(item, limit=200)
        if not is_topic(text):
            continue
        label = vocabulary.topic_label(text)
        key = match_key(label)
        if key not in seen:
            seen.add(key)
            labels.append(label)
        if len(labels) >= MAX_TOPICS:
            break
    return labels


def is_topic(text: str | None) -> bool:
    """Tell whether a string can be a topic label (not a number, a letter or a sentence)."""
    if not text or len(text) < 2 or len(text) > 60 or text.isdigit():
        return False
    if len(text.split()) > 6 or text.startswith(("http://", "https://", "#")):
        return False
    return any(c.isalpha() for c in text)
