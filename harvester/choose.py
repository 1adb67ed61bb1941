"""Field choosers with cross-checks: titles, authors, dates, types and topics.

Podcast rule: authors are the people credited as the episode's authors or hosts
(JSON-LD author/creator, meta author tags, a byline or "Hosted by" line); guests
mentioned in the text are not authors unless the page credits them that way.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from .dates import DateValue, local_day, parse_date, url_date
from .names import clean_name, is_organization, name_key, split_names, unique_names
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
                "html:author-class", "html:dateline-name", "html:label", "jsonld:WebPage")
_DATE_RANK = ("rules", "jsonld", "meta:citation_publication_date", "meta:citation_date",
              "meta:article:published_time", "meta:parsely-pub-date", "meta:parsely-page",
              "meta:datepublished", "meta:dcterms.issued", "meta:dc.date.issued",
              "html:itemprop-close", "html:time-close", "html:text-close",
              "meta:og:published_time", "meta:sailthru.date", "meta:dc.date", "meta:dcterms.date",
              "meta:dcterms.created", "meta:pubdate", "meta:publishdate", "meta:date",
              "meta:other-date", "html:itemprop", "html:time", "jsonld:WebPage", "html:text",
              "html:time-page", "html:script", "html:attribute", "url:image",
              "html:text-page")
_TYPE_RANK = ("rules", "card", "html:label", "html:kicker", "meta:citation_journal_title",
              "jsonld", "html:itemtype", "html:category", "meta:article:section",
              "meta:parsely-section", "meta:og:type", "meta:dc.type", "meta:dcterms.type",
              "meta:citation_article_type", "html:breadcrumb", "jsonld:WebPage")
_TOPIC_RANK = ("rules", "card", "meta:article:tag", "html:rel-tag", "jsonld:keywords",
               "html:topic-list", "html:tag-list", "html:tag-href", "meta:parsely-tags",
               "meta:parsely-page",
               "meta:sailthru.tags", "meta:news_keywords", "meta:keywords",
               "meta:citation_keywords", "meta:dc.subject", "meta:dcterms.subject",
               "html:label", "html:category", "jsonld:about", "meta:og:article:tag",
               "jsonld:WebPage:keywords")
# Sources whose values are delimited lists ("a, b; c"); elsewhere one value is one label.
_SPLIT_SOURCES = {"meta:keywords", "meta:news_keywords", "meta:citation_keywords",
                  "meta:dc.subject", "meta:dcterms.subject", "meta:parsely-tags",
                  "meta:sailthru.tags", "jsonld:keywords", "jsonld:WebPage:keywords",
                  "html:label", "meta:parsely-page", "rules"}
_TAXONOMY = {"html:rel-tag", "html:category"}
_UPDATED_RANK = ("rules", "jsonld", "meta:article:modified_time", "meta:og:updated_time",
                 "meta:datemodified", "meta:dcterms.modified", "meta:dc.date.modified",
                 "meta:parsely-updated", "html:itemprop-close", "html:time-close",
                 "html:text-close", "html:itemprop", "html:time", "jsonld:WebPage")
_TRUSTED_AUTHORS = {"jsonld", "meta:citation_author", "html:itemprop-near", "html:byline",
                    "html:rel-author-near", "meta:parsely-page", "meta:parsely-author",
                    "meta:author", "meta:article:author", "meta:dc.creator", "meta:byl",
                    "meta:dcterms.creator", "meta:sailthru.author", "html:by-text"}
_GENERIC_TYPES = {"article", "webpage", "creativework", "website", "object", "thing",
                  "itempage", "profile", "text", "other", "post", "page", "index", "default",
                  "collectionpage", "wpheader", "story", "content"}
_URL_SEGMENTS = re.compile(r"/(podcasts?|special-reports?|blogs?|events?|press-releases?|"
                           r"reports?|analysis|commentary|opinion|videos?|briefs?|"
                           r"policy-briefs?|working-papers?|testimony|interviews?|"
                           r"fact-sheets?|op-eds?|explainers?|news)(?:/|$)", re.IGNORECASE)
_SECTION_PREFIX = re.compile(r"^([^|:–—]{2,40}?)\s*[|–—]\s+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»|/|:)\s+")
MAX_TOPICS = 25
_TOPIC_WORDS = {"tags", "tag", "topics", "topic", "themen", "thema", "schlagwörter", "keywords",
                "subjects", "categories", "category", "kategorien", "rubriken", "sujets",
                "temas", "etiquetas", "more", "mehr", "all", "alle"}
_SPLIT_TOPICS = re.compile(r"\s*[,;|\n،、，]\s*")
_PROFILE = re.compile(r"/(?:authors?|by|profiles?|people|experts?|staff|writers?|editors?|"
                      r"contributors?|team|autor(?:en)?|auteurs?)/([a-z][a-z'_-]+[a-z])/?$",
                      re.IGNORECASE)
_DESK = re.compile(r"(?i)\b(?:redaktion|redacci[oó]n|r[ée]daction|redazione|staff|team|desk|"
                   r"newsroom|editorial|editors|agency|agencies|agenturen?)\b")
_DIGIT_RE = re.compile(r"\d")
_DESK_PREFIX = re.compile(r"(?i)^\s*(?:by|von|par|por)\s*:?\s+")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|de|co|uk|nz|fr|it|es|ch|at|nl|info|io|ru|jp|cn|in)\b",
                     re.IGNORECASE)


def _rank(cands: list[Candidate], order: tuple[str, ...]) -> list[Candidate]:
    """Sort candidates by the position of their source in `order` (stable; unknown last)."""
    index = {name: i for i, name in enumerate(order)}
    return sorted(cands, key=lambda c: index.get(c.source, len(order)))


# --- titles -------------------------------------------------------------------------------

def choose_title(cands: list[Candidate], sites: list[str],
                 sections: list[str] = ()) -> tuple[str, str] | None:
    """Return the title most candidates agree with, site name and section prefix removed.

    Each candidate gets a vote from every other candidate that equals or contains
    it; ties go to the most trusted source. A title cut short ("...") yields to
    one that completes it, and the visible headline wins over a declared title
    that only adds a kicker or section in front of it.
    """
    texts = [(clean(strip_tags(c.value)) if isinstance(c.value, str) else None, c.source)
             for c in _rank(cands, _TITLE_RANK)]
    site_keys = {fold(s) for s in sites if s and fold(s)}
    section_keys = {fold(s) for s in sections if s and len(s) <= 40}
    pool = [(strip_section(strip_site(t, site_keys, [x for x, _ in texts if x and x != t]),
                           section_keys), s)
            for t, s in texts if t and len(t) <= 500]
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
    if headline and best[1] != "html:h1" and _part_of(fold(headline[0]), fold(best[0])) \
            and CORE_TITLE:
        return headline
    if H1_FIRST and headline and len(headline[0].split()) >= 2:
        return headline
    return best


H1_FIRST = True


CORE_TITLE = True


def _truncated(text: str, others: list[str]) -> bool:
    """Tell whether a title was cut short ("...") and another candidate completes it."""
    if not text.endswith(("...", "\u2026")):
        return False
    stem = fold(text.rstrip(".\u2026 "))
    return any(fold(o).startswith(stem) and len(o) > len(text) for o in others if o != text)


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
        rest = parts[:i] + parts[i + 1:]
        exact = fold(parts[i]) in site_keys
        if exact or _is_site_part(parts[i], site_keys) and len(parts[i]) < len(" ".join(rest)):
            return _rejoin(title, rest)
    whole = fold(title)
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


# --- authors ------------------------------------------------------------------------------

def choose_authors(cands: list[Candidate],
                   sites: list[str]) -> tuple[tuple[Author, ...], str] | None:
    """Return the best-ranked credited people; organizations only when no person is named.

    A lower-ranked list wins when it names everyone the chosen one does and more
    (a byline that shows one of four authors, a first name where a meta tag has the
    full name).
    """
    site_keys = {name_key(s) for s in sites if len(name_key(s)) > 2}
    lists: list[tuple[list[Author], str]] = []
    fallback = None
    for cand in _rank(cands, _AUTHOR_RANK):
        people, orgs = _authors_of(cand.value, site_keys, not cand.source.startswith("html:"))
        if cand.source.startswith("html:") and any(len(a.name.split()) > 1 for a in people):
            people = [a for a in people if len(a.name.split()) > 1]
        if people and not (fallback and cand.source.startswith("html:")
                           and not _personal(people)):
            lists.append((people, cand.source))
        elif orgs and fallback is None and not lists:
            fallback = (tuple(orgs), cand.source)
    if not lists:
        slugs = _from_profile_urls(cands)
        return (tuple(slugs), "url:author") if slugs else fallback
    chosen, source = lists[0]
    first_names_only = all(" " not in a.name for a in chosen)
    for other, other_source in lists[1:]:
        trusted = other_source in _TRUSTED_AUTHORS or first_names_only
        if not trusted or other == chosen or not _covers(other, chosen):
            continue
        more = len(other) > len(chosen) and source.startswith("html:") and (
            other_source in ("html:by-text", "html:label") or not other_source.startswith("html:"))
        if more or len(other) == len(chosen) and _longer(other, chosen):
            chosen, source = other, other_source
    return tuple(chosen), source


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
        if structured and not any(names):
            desk = clean(_DESK_PREFIX.sub("", item), limit=80)
            names, is_org = ([desk], True) if desk and _is_desk(desk) else (names, is_org)
        for name in names:
            if not name:
                continue
            org = is_org or _is_site(name, site_keys) or _DOMAIN.search(name) is not None \
                or is_organization(name)
            target = orgs if org else people
            target.append(Author(name, url if isinstance(url, str) and url.startswith("http")
                                 and len(names) == 1 else None))
    return _unique(people), _unique(orgs)


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


# --- dates --------------------------------------------------------------------------------

DateChoice = tuple[DateValue, str] | None


def choose_dates(published: list[Candidate], updated: list[Candidate], url: str | None,
                 now: datetime) -> tuple[DateChoice, DateChoice]:
    """Return (published, updated): metadata and the visible dateline cross-checked, and the
    URL's own date used to break disagreements."""
    pub = _parsed(published, now)
    chosen = _pick_published(pub, url_date(url))
    if chosen is not None:
        chosen = (chosen[0], chosen[1])
    upd = _parsed(updated, now, _UPDATED_RANK)
    later = None
    if upd:
        value, source = _prefer_local(upd[0], upd)
        if chosen is None or _after(value, chosen[0]):
            later = (value, source)
    return chosen, later


def _pick_published(pub: list[tuple[DateValue, str]], from_url: date | None) -> DateChoice:
    """Choose the publication date among parsed candidates (best-ranked first).

    Each strong source (structured metadata, the visible dateline next to the
    headline) votes for its day; the URL's own date adds a vote and a half to
    the days it agrees with, so it breaks ties without overruling metadata that
    agrees with itself. Ties go to the best-ranked candidate.
    """
    def near_url(value: DateValue) -> bool:
        return from_url is not None and abs(local_day(value) - from_url) <= timedelta(days=1)

    if not pub:
        return (from_url, "url") if from_url is not None else None
    if pub[0][1] == "rules":
        return pub[0]
    voters = [(v, s) for v, s in pub if _votes(s)]
    if not voters:
        agreeing = [(v, s) for v, s in pub if near_url(v)]
        if agreeing or from_url is not None:
            return agreeing[0] if agreeing else (from_url, "url")
        return pub[0]
    best, best_votes = voters[0], 0.0
    for value, source in voters:
        votes = sum(1 for v, s in voters if _agree(v, value)) + (1.5 if near_url(value) else 0)
        if votes > best_votes:
            best, best_votes = (value, source), votes
    return _prefer_local(best, voters)


def _prefer_local(best: tuple[DateValue, str],
                  cands: list[tuple[DateValue, str]]) -> tuple[DateValue, str]:
    """Return the same moment in the page's local offset when `best` is a UTC timestamp,
    and the agreeing timestamp when `best` is only a day."""
    if not isinstance(best[0], datetime):
        return next(((v, s) for v, s in cands if isinstance(v, datetime)
                     and v.utcoffset() not in (None, timedelta(0))
                     and local_day(v) == best[0]), best)
    if not _is_utc(best[0]):
        return best
    for value, source in cands:
        if isinstance(value, datetime) and value.utcoffset() not in (None, timedelta(0)) \
                and abs(value - best[0]) <= timedelta(minutes=1):
            return value, source
    # A UTC timestamp's day may not be the readers' day: the day the page shows wins when
    # some real offset (-12h to +14h) could move the timestamp onto it.
    hour = best[0].hour
    shown = next((v for v, s in cands if s.endswith("-close") and not isinstance(v, datetime)
                  and (v - local_day(best[0]) == timedelta(days=-1) and hour < 12
                       or v - local_day(best[0]) == timedelta(days=1) and hour >= 10)), None)
    if shown is not None:
        return next(((v, s) for v, s in cands if isinstance(v, datetime)
                     and v.utcoffset() not in (None, timedelta(0))
                     and local_day(v) == shown), (shown, "html:text-close"))
    return best


def _votes(source: str) -> bool:
    """Tell whether a date source is strong enough to vote (metadata or the dateline)."""
    return source.startswith(("jsonld", "meta:", "rules")) or source.endswith("-close")


def _agree(a: DateValue, b: DateValue) -> bool:
    """Tell whether two dates name the same day (a UTC timestamp may be a day off)."""
    gap = abs(local_day(a) - local_day(b))
    if gap == timedelta(0):
        return True
    return gap <= timedelta(days=1) and (_is_utc(a) or _is_utc(b))


def _is_utc(value: DateValue) -> bool:
    """Tell whether a value is a timestamp in UTC (whose local day is uncertain)."""
    return isinstance(value, datetime) and value.utcoffset() == timedelta(0)


def _localize(value: DateValue, others: list[tuple[DateValue, str]]) -> DateValue:
    """Express a UTC timestamp in the offset the page uses elsewhere (its local day)."""
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return value
    for other, _ in others:
        if isinstance(other, datetime) and other.utcoffset() not in (None, timedelta(0)):
            return value.astimezone(other.tzinfo)
    return value


def _parsed(cands: list[Candidate], now: datetime,
            order: tuple[str, ...] = _DATE_RANK) -> list[tuple[DateValue, str]]:
    """Return the plausible parsed dates of candidates, best-ranked first."""
    found = []
    for cand in _rank(cands, order):
        value = parse_date(cand.value, now=now)
        if value is not None:
            found.append((value, cand.source))
    return found


def _after(a: DateValue, b: DateValue) -> bool:
    """Tell whether a is later than b (by the instant when both have one, else by day)."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a > b
    return local_day(a) > local_day(b)


# --- types --------------------------------------------------------------------------------

def choose_type(cands: list[Candidate], url: str | None,
                vocabulary: Vocabulary) -> tuple[str, str] | None:
    """Return the content type: labelled and specific evidence first, the URL's section last.

    A visible "Type:" label or a site rule is kept even when the vocabulary does
    not know it (title-cased); other evidence counts only when it maps.
    """
    for cand in _rank(cands, _TYPE_RANK):
        raw = clean(cand.value, limit=80) if isinstance(cand.value, str) else None
        if not raw:
            continue
        if cand.source == "meta:og:type":
            raw = raw.split(".", 1)[0]
            if raw.lower() not in ("video", "book", "music"):
                continue
        label = _type_of(raw, vocabulary)
        if label:
            return label, cand.source
        if cand.source in ("rules", "html:label", "card") and 0 < len(raw) <= 40 \
                and match_key(raw) not in _GENERIC_TYPES:
            return raw.title() if raw.islower() or raw.isupper() else raw, cand.source
    match = _URL_SEGMENTS.search((url or "").split("?", 1)[0])
    if match:
        label = vocabulary.type_label(match.group(1).replace("-", " "))
        if label:
            return label, "url:segment"
    return None


def _type_of(raw: str, vocabulary: Vocabulary) -> str | None:
    """Map a label onto the vocabulary, also trying its parts ("Briefing N°19 / Africa")."""
    for variant in _variants(raw):
        if match_key(variant) in _GENERIC_TYPES:
            continue
        label = vocabulary.type_label(variant)
        if label:
            return label
    return None


def _variants(raw: str) -> list[str]:
    """Return a label, its parts around separators, and each without a trailing number."""
    parts = [raw] + [p for p in re.split(r"\s*[/|·•:–—]\s*|\s+-\s+", raw) if p]
    numbered = re.compile(r"\s*(?:no\.?|n[°º]|nr\.?|#|vol\.?)?\s*\d[\w.-]*$", re.IGNORECASE)
    return parts + [numbered.sub("", p) for p in parts if numbered.search(p)]


def choose_topics(cands: list[Candidate], vocabulary: Vocabulary, sites: list[str],
                  type_label: str | None) -> tuple[tuple[str, ...], str] | None:
    """Return the topic labels of the best source, cleaned, mapped and de-duplicated.

    A category that names the content type is the type, not a topic.
    """
    banned = {match_key(s) for s in sites} | ({match_key(type_label)} if type_label else set())
    for cand in _rank(cands, _TOPIC_RANK):
        if cand.source not in _TOPIC_RANK:
            continue
        labels = topic_labels(cand.value, vocabulary, banned, cand.source in _SPLIT_SOURCES)
        if cand.source == "html:category":
            labels = [t for t in labels if not vocabulary.type_label(t)]
        elif type_label:
            labels = [t for t in labels if vocabulary.type_label(t) != type_label]
        if labels:
            if cand.source in _TAXONOMY:
                labels = _with_taxonomy(labels, cands, vocabulary, banned)
            return tuple(labels), cand.source
    return None


def _with_taxonomy(labels: list[str], cands: list[Candidate], vocabulary: Vocabulary,
                   banned: set[str]) -> list[str]:
    """Return a post's tag links together with its topical category links (and vice versa)."""
    seen = {match_key(t) for t in labels} | banned
    for cand in cands:
        if cand.source not in _TAXONOMY:
            continue
        for label in topic_labels(cand.value, vocabulary, seen, split=False):
            if not vocabulary.type_label(label):
                seen.add(match_key(label))
                labels.append(label)
    return labels[:MAX_TOPICS]


def topic_labels(value: Any, vocabulary: Vocabulary, banned: set[str],
                 split: bool = True) -> list[str]:
    """Clean raw topic values into vocabulary labels (no junk, no duplicates).

    With `split`, delimited strings ("a, b; c") are split into several labels.
    """
    items = value if isinstance(value, list) else [value]
    raw: list[str] = []
    for item in items:
        if isinstance(item, str):
            listed = split or item.count(",") >= 2 and ", " not in item
            raw += _SPLIT_TOPICS.split(item) if listed else [item]
    labels, seen = [], set(banned)
    for item in raw:
        text = clean(item, limit=200)
        text = text.strip("#＃\"'„“”‚‘’«»").strip().rstrip(":") if text else text
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
    """Tell whether a string can be a topic label (not a number, a letter, a sentence or a
    list heading such as "Tags")."""
    if not text or len(text) < 2 or len(text) > 60 or text.isdigit():
        return False
    if text.casefold().rstrip(":") in _TOPIC_WORDS:
        return False
    if len(text.split()) > 6 or text.startswith(("http://", "https://", "#")):
        return False
    return any(c.isalpha() for c in text)
