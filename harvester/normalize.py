"""Candidates -> Record: choose one value per field with cross-checks, clean it, trace it.

Every extractor proposes candidates with their source; this module decides.
Field rules live in small choosers (`harvester.choose` and its `choose_*` siblings);
each returns the value and the source that gave it, which becomes
`record.provenance[field]`.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any
from collections.abc import Collection, Iterable
from urllib.parse import urljoin, urlsplit

from .choose import HEADLINES, choose_title
from .choose_authors import choose_authors
from .choose_dates import choose_dates
from .choose_labels import choose_topics, choose_type
from .dates import DateValue, local_day
from .record import Candidate, Image, Record
from .text import clean, fold, shorten, strip_tags
from .urls import host_of, is_under, registered_domain
from .urlshapes import is_content_like
from .vocab import Vocabulary
from .zones import page_region

UNKNOWN_URL = "file:///unknown"
MAX_SUMMARY = 1000
_HTTP = re.compile(r"https?://[^/\s]+")
# Whitespace and characters XML cannot carry never belong in a URL we keep.
_NOT_IN_URL = re.compile("[\\s\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# The size suffix of a CMS's copy of an image: "-300x169", "-scaled", "@2x".
_IMAGE_SIZE = re.compile(r"(?:-\d{2,5}x\d{2,5}|-scaled|@\dx)+(?=\.\w+$)")
# What sets a site's name off a title: " - Institute", "Institute | ".
_SITE_SEPARATOR = re.compile(r"^\s+[-|–—·•]\s+|\s+[-|–—·•]\s+$")
_MAX_SITE_WORDS = 5
# A listing's title cut short: "Eintracht Frankfurt stellt Weichen für …" ("...", "[…]").
_CUT_SHORT = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_SUMMARY_LABEL = re.compile(r"^(?:abstract|summary|overview|zusammenfassung|résumé|resumen|"
                            r"riassunto|samenvatting|sammanfattning)\b\s*[:.\-–—]?\s*",
                            re.IGNORECASE)
# Notices to the reader that sites put where a description goes: a link's words, a cookie
# banner, a newsletter box, a request to turn on scripts, a CMS's default tagline.
_BOILERPLATE = re.compile(
    r"(?i)\W*(?:read more\b|click here|learn more about (?:us|our)\b|see more\b|"
    r"(?:we|this (?:web)?site) uses? cookies|by (?:using|continuing to (?:use|browse))\b|"
    r"sign up for\b|subscribe (?:to|now|for)\b|please (?:enable|turn on|upgrade)\b|"
    r"you need to enable|your browser does not|share (?:this|on)\b|just another wordpress|"
    r"weiterlesen|hier klicken|wir (?:verwenden|nutzen) cookies|lire la suite|cliquez ici|"
    r"nous utilisons des cookies|leer m[aá]s\b|haga clic aqu[ií]|utilizamos cookies|"
    r"leggi (?:di più|tutto)|clicca qui|utilizziamo (?:i )?cookie)")
# "<Name of one to five words> is a/an ...": a site saying what it is, in seven languages.
_BLURB = re.compile(r"((?:\S+\s+){0,4}?\S+)\s+(?:is|are|ist|est|es|è|é|är|er)\s+"
                    r"(?:a|an|the|ein|eine|der|die|das|un|une|le|la|l'|una|uno|il|um|uma|"
                    r"een|de|het|en|ett)\s", re.IGNORECASE)
# What ends a description cut short: "...", "…", "[…]", "(...)".
_CUT = re.compile(r"\s*(?:\.{3}|…|\[(?:\.{3}|…)\]|\((?:\.{3}|…)\))\s*$")
# Three-letter codes (ISO 639-2) of languages that have a two-letter one: BCP 47 wants that.
_TWO_LETTER = {"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
               "ita": "it", "por": "pt", "rus": "ru", "jpn": "ja", "zho": "zh", "chi": "zh",
               "ara": "ar", "nld": "nl", "dut": "nl", "pol": "pl", "tur": "tr", "swe": "sv",
               "fas": "fa", "per": "fa", "kor": "ko", "ukr": "uk", "ces": "cs", "cze": "cs"}
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z0-9]{1,8}))?")
_SUMMARY_ORDER = ("rules", "meta:citation_abstract", "jsonld", "meta:og:description",
                  "meta:description", "meta:dc.description", "meta:twitter:description",
                  "html:dek", "jsonld:WebPage", "html:p")
_IMAGE_ORDER = ("rules", "jsonld", "meta:og:image:secure_url", "meta:og:image:url",
                "meta:og:image", "meta:twitter:image", "meta:twitter:image:src", "html:img")
_LANG_ORDER = ("rules", "html:lang", "meta:content-language", "meta:og:locale",
               "meta:dc.language", "meta:citation_language", "jsonld", "meta:language",
               "html:words")


def build_record(candidates: Iterable[Candidate], *, url: str | None,
                 vocabulary: Vocabulary, source: str | None = None,
                 now: datetime | None = None,
                 site_descriptions: Collection[str] = ()) -> Record:
    """Assemble one Record from every extractor's candidates.

    Args:
        candidates: all candidates, in the order the extractors ran (most trusted first).
        url: the URL the page was fetched from (None for local input without one).
        vocabulary: maps site types and topics onto the configured labels.
        source: the configured source name, copied into the record.
        now: the harvest time (default: now, UTC, whole seconds).
        site_descriptions: keys (`summary_key`) of the descriptions the site's listing
            pages give: a publication that repeats one gives the site's tagline, no
            summary of its own.

    Returns:
        The normalized record; fields nobody proposed stay unknown.
    """
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    by_field: dict[str, list[Candidate]] = {}
    for cand in candidates:
        by_field.setdefault(cand.field, []).append(cand)
    get = by_field.get
    record_url, url_source = choose_url(get("url", []), url)
    headlines = {fold(c.value) for c in get("title", ()) if c.source in HEADLINES
                 and isinstance(c.value, str)}
    declared = [c.value for c in get("site_name", ()) if isinstance(c.value, str)
                and fold(c.value) not in headlines]
    sites = declared + host_names(url or record_url)
    provenance: dict[str, str] = {"url": url_source}
    values: dict[str, Any] = {}

    def keep(name: str, chosen: tuple[Any, str] | None) -> None:
        if chosen is not None and chosen[0] not in (None, (), ""):
            values[name], provenance[name] = chosen

    # A dateline's word is no section a title may start with ("Januar – Mai 2020" is a title).
    sections = [c.value for c in get("type", ()) if isinstance(c.value, str)
                and c.source.startswith(("meta:", "html:")) and c.source != "html:dateline-type"]
    homes = [c.value for c in get("site_home", ()) if isinstance(c.value, str)]
    def is_type(text: str) -> bool:
        return vocabulary.type_label(text) is not None

    keep("title", choose_title(get("title", []), sites, sections, homes, is_type))
    language = choose_language(get("language", []))
    keep("authors", choose_authors(get("authors", []), sites, is_type,
                                   language[0] if language else None))
    published, updated = choose_dates(get("published", []), get("updated", []), url, now,
                                      language[0] if language else None,
                                      page_region(url or record_url))
    keep("published", published)
    keep("updated", updated)
    keep("type", choose_type(get("type", []), url, vocabulary))
    keep("topics", choose_topics(get("topics", []), vocabulary, declared, values.get("type")))
    keep("summary", choose_summary(get("summary", []), values.get("title"), site_descriptions,
                                   [*sites, *homes]))
    keep("image", choose_image(get("image", []), record_url))
    keep("language", language)
    return Record(url=record_url, source=source, first_seen=now, harvested_at=now,
                  provenance=provenance, **values)


def _ordered(cands: list[Candidate], order: tuple[str, ...]) -> list[Candidate]:
    """Return candidates sorted by the position of their source in `order` (unknown last)."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(cands, key=lambda c: rank.get(c.source, len(order)))


# The hosts of a site's mobile and AMP copies ("m.x.org" beside "www.x.org").
_COPY_HOSTS = ("m.", "mobile.", "amp.")


def choose_url(cands: list[Candidate], url: str | None) -> tuple[str, str]:
    """Return the record URL: the declared canonical when it is safe to trust, else `url`."""
    # A copy in another language's folder names its own text's page first (hreflang).
    order = ("html:hreflang", "html:canonical", "meta:og:url")
    declared = sorted((c for c in cands if c.source in order), key=lambda c: order.index(c.source))
    for cand in declared:
        target = _absolute_http(cand.value, url)
        if target and (url is None or _same_host(target, url) and not _section_of(target, url)
                       or _main_host_copy(target, url)) \
                and urlsplit(target).path.strip("/"):
            return target, cand.source
    if url and re.match(r"^(https?|file)://", url):
        return url, "input"
    return UNKNOWN_URL, "input"


def _absolute_http(value: Any, base: str | None) -> str | None:
    """Return value as an absolute http(s) URL (resolved against base), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        target = urljoin(base, value.strip()) if base else value.strip()
        urlsplit(target)  # raises on what no URL can be ("http://[::1/x")
    except ValueError:
        return None
    if not _HTTP.match(target) or _NOT_IN_URL.search(target):
        return None
    return target


def _section_of(target: str, url: str) -> bool:
    """Tell whether a canonical names a folder above the page that is no item of its own:
    a template's canonical shared by its section ("/research/" on "/research/a-report"),
    not an article's first page ("/a-long-title/" on "/a-long-title/page/2")."""
    return is_under(url, target) and not is_content_like(target)


def _same_host(a: str, b: str) -> bool:
    """Tell whether two URLs are on the same host (ignoring a leading www.)."""
    return host_of(a).removeprefix("www.") == host_of(b).removeprefix("www.") != ""


def _main_host_copy(target: str, url: str) -> bool:
    """Tell whether a page on a site's mobile or AMP host ("m.x.org/a", "amp.x.org/a")
    names the same path on its main host as canonical: the page's own address."""
    try:
        page, main = urlsplit(url), urlsplit(target)
    except ValueError:
        return False
    host = page.hostname or ""
    prefix = next((p for p in _COPY_HOSTS if host.startswith(p)), None)
    return prefix is not None and host[len(prefix):] == (main.hostname or "").removeprefix(
        "www.") and page.path.rstrip("/") == main.path.rstrip("/") and page.query == main.query


def host_names(url: str | None) -> list[str]:
    """Return the names a site goes by in its URL ("www.mdr.de" -> "mdr.de", "mdr")."""
    host = host_of(url).removeprefix("www.") if url else ""
    domain = registered_domain(host) if "." in host else None
    if not domain:
        return []
    main = domain.split(".")[0]
    return [host, main] if len(main) > 2 else [host]


def summary_key(text: str) -> str:
    """Return the key two descriptions share when they are the same text."""
    return " ".join(text.split()).casefold()


def choose_summary(cands: list[Candidate], title: str | None,
                   site_descriptions: Collection[str] = (),
                   site_names: Collection[str] = ()) -> tuple[str, str] | None:
    """Return the first description that is real prose (not the title, not a stub, not the
    site's own description that its listing pages give too or that introduces the site by
    one of its `site_names`, not a notice to the reader); one cut short ("...") yields to a
    later one that it opens (the standfirst in full)."""
    texts = [(_summary_text(c), c.source) for c in _ordered(cands, _SUMMARY_ORDER)]
    names = {fold(n) for n in site_names if n and len(fold(n)) > 2}
    for text, source in texts:
        if not text or len(text) < 20 or (title and _is_title(text, title)):
            continue
        if source.startswith("meta:") and (
                site_descriptions and summary_key(text) in site_descriptions
                or names and _is_site_blurb(text, names)):
            continue
        if text.isascii() and not any(c.isspace() for c in text):
            continue  # one word of Latin letters: an id, a slug or an address, not prose
        if _BOILERPLATE.match(text):
            continue
        stem = _CUT.sub("", text)
        if stem != text:
            text, source = next(((t, s) for t, s in texts if t and len(t) > len(stem)
                                 and not _CUT.search(t)
                                 and summary_key(t).startswith(summary_key(stem))),
                                (text, source))
        return shorten(text, MAX_SUMMARY), source
    return None


def _is_site_blurb(text: str, names: set[str]) -> bool:
    """Tell whether a description introduces the site, not the page: one of its names
    opens it and is said to be a something ("SIPRI is an independent institute...", "The
    Brookings Institution is a nonprofit...", "Die SWP ist ein Forschungsinstitut...")."""
    match = _BLURB.match(text)
    words = match.group(1).split() if match else []
    # A name's words are capitalized but its short joins ("Council on Foreign Relations",
    # "Stiftung Wissenschaft und Politik"); "Brookings experts say the deal is a turning
    # point" tells news.
    if not words or not words[0][:1].isupper() \
            or not all(w[:1].isupper() or len(w) <= 3 for w in words):
        return False
    subject = f" {fold(match.group(1))} "
    return any(f" {name} " in subject for name in names)


def _summary_text(cand: Candidate) -> str | None:
    """Return a summary candidate as plain text, without markup (even escaped: "&lt;p&gt;")
    or a label in front ("Abstract:")."""
    text = clean(strip_tags(cand.value) if isinstance(cand.value, str) else cand.value,
                 limit=4 * MAX_SUMMARY)
    if text and isinstance(cand.value, str) and "&lt;" in cand.value:  # "&lt;p&gt;Text"
        text = clean(strip_tags(text), limit=4 * MAX_SUMMARY)
    return _SUMMARY_LABEL.sub("", text or "")


def _is_title(text: str, title: str) -> bool:
    """Tell whether a description is only the title, alone or with the site's name beside it
    ("Ceasefires That Hold - Institute", "Institute | Ceasefires That Hold")."""
    text, title = text.casefold(), title.casefold()
    if text == title:
        return True
    rest = text[len(title):] if text.startswith(title) else \
        text[:-len(title)] if text.endswith(title) else None
    if rest is None or not _SITE_SEPARATOR.search(rest):
        return False
    rest = _SITE_SEPARATOR.sub("", rest)
    return len(rest.split()) <= _MAX_SITE_WORDS and not any(c in rest for c in ".!?")


def choose_image(cands: list[Candidate], base: str) -> tuple[Image, str] | None:
    """Return the lead image (absolute URL) and its caption, if the page gives one."""
    captions = {_file_key(c.value[0]): c.value[1] for c in cands
                if c.source == "html:img" and isinstance(c.value, tuple) and c.value[1]}
    for cand in _ordered(cands, _IMAGE_ORDER):
        if not isinstance(cand.value, tuple) or not cand.value[0]:
            continue
        url = _absolute_http(cand.value[0], None if base == UNKNOWN_URL else base)
        if not url:
            continue
        caption = _caption(cand.value[1]) or _caption(captions.get(_file_key(cand.value[0])))
        return Image(url, caption), cand.source
    return None


def _caption(value: Any) -> str | None:
    """Return a caption as clean text (one written as markup, "<p>Bernd Lucke…</p>" in
    JSON-LD, without its tags)."""
    if isinstance(value, str) and "<" in value:
        value = strip_tags(value)
    return clean(value, limit=MAX_SUMMARY)


def _file_key(url: str | None) -> str:
    """Return the file name of an image URL (for matching og:image with the figure), without
    the size a CMS adds to its copies ("photo-300x169.jpg", "photo-scaled.jpg": "photo.jpg")."""
    name = (url or "").split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
    return _IMAGE_SIZE.sub("", name)


def choose_language(cands: list[Candidate]) -> tuple[str, str] | None:
    """Return the page language as a tag like "en", "de" or "pt-BR"."""
    for cand in _ordered(cands, _LANG_ORDER):
        tag = normalize_language(cand.value)
        if tag:
            return tag, cand.source
    return None


def normalize_language(value: Any) -> str | None:
    """Normalize "en_US", "EN", "pt-br" to "en-US", "en", "pt-BR"; None if not a tag."""
    if not isinstance(value, str):
        return None
    match = _LANG.match(value.strip().split(",")[0].strip())
    if not match:
        return None
    lang, region = match.group(1).lower(), match.group(2)
    lang = _TWO_LETTER.get(lang, lang)
    if region:
        return f"{lang}-{region.upper() if len(region) == 2 else region}"
    return lang


def as_card(record: Record, label: str = "card") -> Record:
    """Return a record built from a listing card or feed item as evidence of its page: each
    value labelled `label`, without the values its URL alone gave (a folder's type, a day
    in the path), which the page's own extraction reads from the URL too and which must
    not outweigh what the page says."""
    from_url = {k for k, v in record.provenance.items()
                if k != "url" and (v == "url" or v.startswith("url:"))}
    changes: dict[str, Any] = {k: () if isinstance(getattr(record, k), tuple) else None
                               for k in from_url}
    provenance = {k: label for k in record.provenance if k not in from_url}
    return record.with_changes(provenance=provenance, **changes)


def merge(page: Record, card: Record) -> Record:
    """Merge a listing card into the page's record: the page wins where it is trustworthy.

    Args:
        page: the record extracted from the publication page itself.
        card: the partial record a listing card gave (provenance "card").

    Returns:
        The page record with its gaps filled from the card, and with the card's
        values preferred where the page only had weak evidence (the URL's date,
        a guessed type); provenance says "card" for every value taken from it.
    """
    changes: dict[str, Any] = {}
    provenance = dict(page.provenance)
    for name in ("title", "authors", "published", "type", "topics", "summary", "image"):
        ours, theirs = getattr(page, name), getattr(card, name)
        if theirs in (None, ()):
            continue
        if name == "title" and ours and _CUT_SHORT.search(theirs):
            if whole := _completed(theirs, ours, provenance.get(name, "")):
                changes[name] = whole
            continue  # a title cut short is no better than the page's own
        if ours in (None, ()) or _weak(provenance.get(name, "")):
            changes[name] = theirs
            provenance[name] = "card"
    if "published" in changes and page.published is not None and _same_day(
            page.published, changes["published"]):
        changes.pop("published")
        provenance["published"] = page.provenance.get("published", "card")
    if not changes:
        return page
    return page.with_changes(provenance=provenance, **changes)


def _completed(cut: str, title: str, source: str) -> str | None:
    """Return a weak page title from where a card's title cut short ("Weichen für …") opens
    in it ("Club - Weichen für die Zukunft" -> "Weichen für die Zukunft"), else None."""
    stem = " ".join(_CUT_SHORT.sub("", cut).split())
    words = " ".join(title.split())
    at = words.casefold().find(stem.casefold())
    if not _weak(source) or len(stem) < 12 or at <= 0 or len(words.casefold()) != len(words):
        return None
    return words[at:]


def _weak(source: str) -> bool:
    """Tell whether a provenance is weak evidence a listing card should override."""
    return source in ("url", "html:title", "html:kicker", "html:text", "url:segment",
                      "html:author-class")


def _same_day(a: DateValue, b: DateValue) -> bool:
    """Tell whether two dates fall on the same calendar day."""
    return local_day(a) == local_day(b)
