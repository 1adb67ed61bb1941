"""Choosing the content type and the topic labels among the extractors' candidates.

Types come from evidence that names one (a visible label, a kicker, a specific
JSON-LD type, a category, a breadcrumb, a URL segment) mapped through the
vocabulary; topics from the best topic source, split only where the source is a
delimited list, mapped, de-duplicated and cleaned of junk. Tags and keywords are
the topics; a post's category links are its topics only when it has no tags at all,
and a category that names the content type is the type, not a topic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .choose import rank
from .record import Candidate
from .text import clean
from .vocab import Vocabulary, match_key

_TYPE_RANK = ("rules", "card", "html:label", "html:kicker", "html:dateline-type", "card:dateline",
              "html:type-href", "meta:citation_journal_title", "jsonld", "jsonld:genre",
              "jsonld:additionalType", "html:itemtype", "jsonld:articleSection",
              "html:category", "meta:article:section", "meta:parsely-section", "meta:og:type",
              "meta:dc.type", "meta:dcterms.type", "meta:citation_article_type",
              "html:breadcrumb", "jsonld:WebPage")
TOPIC_RANK = ("rules", "card", "meta:article:tag", "html:rel-tag", "jsonld:keywords",
               "html:topic-list", "html:tag-list", "html:tag-href", "meta:parsely-tags",
               "meta:parsely-page", "html:label", "state:tags",
               "meta:sailthru.tags", "meta:news_keywords", "meta:keywords",
               "meta:citation_keywords", "meta:dc.subject", "meta:dcterms.subject",
               "jsonld:about", "meta:og:article:tag", "jsonld:WebPage:keywords",
               "html:category",  # a post's categories only when it has no tags at all
               "html:sidebar-topics", "html:tag-href-after", "html:rel-tag-menu",
               "jsonld:articleSection")
# Three or more words joined by slashes, no spaces: several tags written as one.
_SLASHED = re.compile(r"^[^\W\d_][\w&.-]*(?:/[^\W\d_][\w&.-]*){2,}$")
# Sources whose values are delimited lists ("a, b; c"); elsewhere one value is one label.
_SPLIT_SOURCES = {"meta:keywords", "meta:news_keywords", "meta:citation_keywords",
                  "meta:dc.subject", "meta:dcterms.subject", "meta:parsely-tags",
                  "meta:sailthru.tags", "jsonld:keywords", "jsonld:WebPage:keywords",
                  "meta:parsely-page", "rules", "jsonld:articleSection"}
_GENERIC_TYPES = {"article", "webpage", "creativework", "website", "object", "thing",
                  "itempage", "profile", "text", "other", "post", "page", "index", "default",
                  "collectionpage", "wpheader", "story", "content"}
# A section folder's name: letters and hyphens ("press-releases", "pressemitteilungen").
_FOLDER = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+){0,3}")
_MAX_FOLDER = 40
_MIN_FOLDER = 3  # "/qa/" on a questions site is no interview
# Folders that hold many kinds of page ("/interactive/2024/…" is a news site's feature).
_VAGUE_FOLDERS = frozenset({"interactive", "data", "media", "content", "chapter"})
MAX_TOPICS = 25
_PARTS = re.compile(r"\s*[/|·•:–—]\s*|\s+-\s+")
_PARENTHESIS = re.compile(r"\(([^()]{2,40})\)\s*$")
_NUMBERED = re.compile(r"\s*(?:no\.?|n[°º]|nr\.?|#|vol\.?)?\s*\d[\w.-]*$", re.IGNORECASE)
# A machine identifier a CMS puts in its tag metadata ("cat_neurology", "k1_brain-disorders").
_IDENTIFIER = re.compile(r"^[a-z0-9]+_[a-z0-9_-]+$")
# A journal's volume or issue ("Vol. 12 No. 1 (2024)", "Issue 3") under an "Issue" heading.
_JOURNAL_PART = re.compile(r"(?i)^(?:vol(?:ume)?|issue|no|nr|n[°º]|number|heft|jahrgang|tome|"
                           r"tomo|núm|num)\.?\s{0,3}\d")
# A library classification code in subject metadata ("ddc:330", "JEL: H54", "udc:32").
_CLASS_CODE = re.compile(r"(?i)^(?:ddc|jel|udc|msc|pacs|lcc|lcsh|acm|rvk|bk|dewey)\s{0,3}:"
                         r"\s{0,3}[\w.]{1,20}$")
_key = lru_cache(maxsize=16384)(match_key)
_LOOKUPS: dict[tuple[int, str, str], tuple[Vocabulary, str | None]] = {}
_MAX_LOOKUPS = 20_000
_TOPIC_WORDS = {"tags", "tag", "topics", "topic", "themen", "thema", "schlagwörter", "keywords",
                "subjects", "categories", "category", "kategorien", "rubriken", "sujets",
                "temas", "etiquetas", "more", "mehr", "all", "alle",
                # Site-wide keywords that say what any page of a news site is.
                "news", "nachrichten", "noticias", "nouvelles", "notizie", "nieuws",
                "actualité", "actualités", "actualidad", "aktuell", "aktuelles", "info",
                "infos", "information", "informationen", "informations", "home", "startseite",
                "uncategorized", "allgemein", "general", "sin categoría", "non classé"}
_SPLIT_TOPICS = re.compile(r"\s*[,;|\n،、，]\s*")


def choose_type(cands: list[Candidate], url: str | None,
                vocabulary: Vocabulary) -> tuple[str, str] | None:
    """Return the content type: labelled and specific evidence first, the URL's section last.

    A visible "Type:" label or a site rule is kept even when the vocabulary does
    not know it (title-cased); other evidence counts only when it maps.
    """
    for cand in rank(cands, _TYPE_RANK):
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
                and _key(raw) not in _GENERIC_TYPES:
            return raw.title() if raw.islower() or raw.isupper() else raw, cand.source
    label = _url_type(url, vocabulary)
    return (label, "url:segment") if label else None


def _url_type(url: str | None, vocabulary: Vocabulary) -> str | None:
    """Return the type the URL's deepest section folder names ("/news/press-releases/x" is a
    press release), mapped through the vocabulary; the last segment is the page's own."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0].split("://", 1)[-1]
    folders = path.split("/")[1:-1]
    for folder in reversed(folders):
        if _MIN_FOLDER <= len(folder) <= _MAX_FOLDER and _FOLDER.fullmatch(folder) \
                and folder.lower() not in _VAGUE_FOLDERS:
            label = _type_label(vocabulary, folder.replace("-", " ").replace("_", " "))
            if label:
                return label
    return None


def _type_label(vocabulary: Vocabulary, raw: str) -> str | None:
    """Return `vocabulary.type_label(raw)`, memoized (pages repeat labels, feeds repeat pages)."""
    return _memo(vocabulary, "type", raw)


def _topic_label(vocabulary: Vocabulary, raw: str) -> str:
    """Return `vocabulary.topic_label(raw)`, memoized."""
    return _memo(vocabulary, "topic", raw) or ""


def _memo(vocabulary: Vocabulary, kind: str, raw: str) -> str | None:
    """Return a vocabulary lookup from the memo (which holds the vocabulary, so ids stay valid)."""
    slot = (id(vocabulary), kind, raw)
    hit = _LOOKUPS.get(slot)
    if hit is not None and hit[0] is vocabulary:
        return hit[1]
    label = vocabulary.type_label(raw) if kind == "type" else vocabulary.topic_label(raw)
    if len(_LOOKUPS) >= _MAX_LOOKUPS:
        _LOOKUPS.clear()
    _LOOKUPS[slot] = (vocabulary, label)
    return label


def _type_of(raw: str, vocabulary: Vocabulary) -> str | None:
    """Map a label onto the vocabulary, also trying its parts ("Briefing N°19 / Africa"); of
    several parts, the last that maps, the narrowest ("Insights / Podcast episode")."""
    for variant in _variants(raw):
        if _key(variant) in _GENERIC_TYPES:
            continue
        label = _type_label(vocabulary, variant)
        if label:
            return label
    return None


def _variants(raw: str) -> list[str]:
    """Return a label, then its parts around separators from the last to the first, each
    followed by itself without a trailing number ("Briefing N°19" then "Briefing")."""
    variants = [raw]
    inner = _PARENTHESIS.search(raw)
    if inner:
        # "Monograph (Working Paper)": the kind in parentheses is the narrower one.
        variants += [inner.group(1), raw[:inner.start()].strip()]
    for part in reversed([p for p in _PARTS.split(raw) if p]):
        variants.append(part)
        if _NUMBERED.search(part):
            variants.append(_NUMBERED.sub("", part))
    return variants


def choose_topics(cands: list[Candidate], vocabulary: Vocabulary, sites: list[str],
                  type_label: str | None) -> tuple[tuple[str, ...], str] | None:
    """Return the topic labels of the best source, cleaned and de-duplicated (as the page
    writes them: feeds map them through the vocabulary).

    A category that names the content type is the type, not a topic.
    """
    banned = {_key(s) for s in sites} | ({_key(type_label)} if type_label else set())
    shown = any(c.source.startswith("html:") for c in cands if c.source in TOPIC_RANK)
    for cand in rank(cands, TOPIC_RANK):
        if cand.source not in TOPIC_RANK:
            continue
        if cand.source in _SPLIT_SOURCES and shown and _names_site(cand.value, sites):
            continue  # the site's own keywords ("Kestrel Partners, consulting, insights")
        labels = topic_labels(cand.value, vocabulary, banned, cand.source in _SPLIT_SOURCES)
        if cand.source == "html:category":
            labels = [t for t in labels if not _type_label(vocabulary, t)]
        elif type_label:
            labels = [t for t in labels if _type_label(vocabulary, t) != type_label]
        if labels:
            return tuple(labels), cand.source
    return None


def _names_site(value: Any, sites: list[str]) -> bool:
    """Tell whether a keyword list names the site itself: every page's keywords, not one's."""
    keys = {_key(s) for s in sites if s}
    items = value if isinstance(value, list) else [value]
    return bool(keys) and any(_key(part) in keys for item in items if isinstance(item, str)
                              for part in _SPLIT_TOPICS.split(item))


def topic_labels(value: Any, vocabulary: Vocabulary, banned: set[str],
                 split: bool = True) -> list[str]:
    """Clean raw topic values into labels as the page writes them (no junk, no duplicates:
    two labels the vocabulary makes one topic count once).

    With `split`, delimited strings ("a, b; c") are split into several labels.
    """
    items = value if isinstance(value, list) else [value]
    raw: list[str] = []
    for item in items:
        if isinstance(item, str):
            listed = split or item.count(",") >= 2 and ", " not in item
            if not listed and _SLASHED.match(item.strip()):
                raw += item.strip().split("/")  # "Geheimdienste/NSA/Überwachung": three tags
            else:
                raw += _SPLIT_TOPICS.split(item) if listed else [item]
    labels, seen = [], set(banned)
    for item in raw:
        text = clean(item, limit=200)
        text = text.strip("#＃\"'„“”‚‘’«»;,·|").strip().rstrip(":").rstrip() if text else text
        if not is_topic(text):
            continue
        # The page's own label; two that the vocabulary makes one topic are one.
        keys = {_key(text), _key(_topic_label(vocabulary, text))}
        if not keys & seen:
            seen |= keys
            labels.append(text)
        if len(labels) >= MAX_TOPICS:
            break
    return labels


_MAX_MODEL_DIGITS = 5


def is_topic(text: str | None) -> bool:
    """Tell whether a string can be a topic label (not a short number, a letter, a sentence or
    a list heading such as "Tags"); a model number ("1541") or a year a page is tagged with
    ("2019") can be."""
    if not text or len(text) < 2 or len(text) > 60:
        return False
    if text.isdigit():
        return 3 <= len(text) <= _MAX_MODEL_DIGITS  # longer numbers are ids ("969420")
    if text.casefold().rstrip(":") in _TOPIC_WORDS:
        return False
    if len(text.split()) > 6 or text.startswith("#") or "://" in text:
        return False
    if _IDENTIFIER.match(text) or _JOURNAL_PART.match(text) or _CLASS_CODE.match(text):
        return False
    return any(c.isalpha() for c in text)


# A title that opens with its kind, a number or a colon after it ("Working Paper 12: …",
# "Policy Brief No. 7 – …", "Fact Sheet: …").
_TITLE_KIND = re.compile(r"^(\D{4,40}?)(?:\s+(?:no\.?|nr\.?|#)?\s*\d[\w./-]*)?\s*[:–—|-]\s|"
                         r"^(\D{4,40}?)\s+(?:no\.?|nr\.?|#)?\s*\d[\w./-]*\s*$", re.IGNORECASE)


def title_type(title: str, vocabulary: Vocabulary) -> str | None:
    """Return the type a title opens with when the vocabulary knows it ("Working Paper 12:
    Inflation" -> "Working Paper"), for a file a card names and nothing else describes."""
    match = _TITLE_KIND.match(title)
    lead = match and (match.group(1) or match.group(2))
    return vocabulary.type_label(lead) if lead else None

