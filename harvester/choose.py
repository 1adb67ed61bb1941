"""Choosing the title among the extractors' candidates, with cross-checks; `rank` for all.

Authors are chosen in `harvester.choose_authors`, dates in `harvester.choose_dates`, types
and topics in `harvester.choose_labels`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .record import Candidate
from .text import TITLE_SEPARATORS, WIDE_CHARS, clean, fold, strip_tags

_TITLE_RANK = ("rules", "jsonld", "meta:citation_title", "meta:og:title", "meta:parsely-page",
               "meta:dc.title", "meta:dcterms.title", "meta:twitter:title", "meta:parsely-title",
               "meta:sailthru.title", "html:title-field", "html:heading-after-banner",
               "html:h1", "html:headline",
               "html:slug-heading", "html:title-shown", "html:prominent",
               "meta:headline",
               "jsonld:WebPage", "meta:title", "html:title")
# The visible headline's sources: an item table's "Title" field or the heading after the
# <h1> where that is a banner's word, the <h1>, else the heading the page's address was made from.
HEADLINES = ("html:title-field", "html:heading-after-banner", "html:h1", "html:slug-heading")
_MAX_KICKER_WORDS = 3
_MAX_SECTION_WORDS = 4
_MIN_UNSPACED_TITLE = 8  # Chinese or Japanese characters of a headline written unspaced
_SECTION_PREFIX = re.compile(r"^([^|:–—]{2,40}?)\s*[|–—]\s+")
# A site's name in brackets after the title ("Title (Institute)", "Title [Institute]").
_BRACKETED_END = re.compile(r"\s+[(\[]([^()\[\]]{2,60})[)\]]$|\s*【([^【】]{2,30})】$")
# What sets a content type off a title: "Title | Commentary", "Title :: Blog", "News - Title".
_TYPE_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|»)\s+)")
# Markers a site or a search engine adds to a title, no part of it: the page of a paged
# article ("| Page 2 of 4", "– Seite 2", "(Page 2)"), "[PDF]", a closing "(Updated)" (an
# opening "[Update]" is the blogger's own).
_PAGE_NUMBER = (r"(?:page|pg\.?|seite|p[áa]gina|pag\.|strona|sida|side|pagin[aă]|sayfa|"
                r"halaman|стр\.?|страница)\s*\d+(?:\s*(?:of|von|de|sur|di|из|/)\s*\d+)?")
# A file's format and size beside a link to it ("PDF", "PDF, 2.3 MB", "540 KB").
_FILE_SIZE = r"\d+(?:[.,]\d+)?\s*[kmg]i?b"
_FILE_LABEL = rf"(?:pdf|docx?|odt|rtf|epub)(?:\s*[,\-–:|]?\s*{_FILE_SIZE})?|{_FILE_SIZE}"
_MARKER = re.compile(rf"(?i)\s+[|\-–—·•:]\s+{_PAGE_NUMBER}(?=\s+[|\-–—·•]\s+|\s*$)"
                     rf"|\s*[(\[]\s*(?:{_PAGE_NUMBER}|{_FILE_LABEL})\s*[)\]]\s*"
                     r"|\s*[(\[]\s*(?:updated|aktualisiert|mis à jour|actualizado|aggiornato)"
                     r"\s*[)\]]\s*$")
# A numeric date in front of a headline ("23.01.2022 - Title", "2024-05-02 | Title").
_DATE_PREFIX = re.compile(r"^(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
                          r"\s*[-–—|:]\s+(?=\S)")
# A field's label in front of the headline (arXiv's "<span class=descriptor>Title:</span>").
_TITLE_LABEL = re.compile(r"(?i)^(?:title|titel|titre|t[íi]tulo|titolo)\s*:\s*(?=\S)")
# Arrows, bullets and bars no title opens or ends with ("»" opens German quotes: only
# before a space).
_DECORATION = re.compile(r"^\s*\[?\s*(?:[>›•·|]+|»(?=\s))\s*|\s*[•·|<‹]+\s*$")
# A label in square brackets set off in front of a title, as Korean sites mark a series or
# a scoop ("[이슈페이퍼] Title", "[단독] Title"); Japanese "【OSS】" titles keep theirs.
_BRACKET_LABEL = re.compile(r"^\s*\[[^\[\]\d]{1,20}\]\s+(?=\S{2})")


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
    # The visible headline: the <h1>, else the heading the page's address was made from.
    headline = next(((t, s) for t, s in pool if s in HEADLINES), None)
    if headline and best[1] != headline[1] and _part_of(fold(headline[0]), fold(best[0])):
        return _cased(headline, pool)
    if headline and best[1] != headline[1] and (_after_crumbs(headline[0], best[0])
                                                or _after_kicker(headline[0], best[0])):
        return best  # "Home / News / Title" or "Kicker / Title": the declared title
    if headline and (len(headline[0].split()) >= 2 or _long_unspaced(headline[0])):
        return _cased(headline, pool)
    return _cased(best, pool)


def _long_unspaced(text: str) -> bool:
    """Tell whether a title without spaces is a sentence's length in Chinese or Japanese
    ("人口減少下における地域公共交通の再編"), not a banner's word ("발간물", "研究報告")."""
    return " " not in text.strip() and len(WIDE_CHARS.findall(text)) >= _MIN_UNSPACED_TITLE


def _cased(chosen: tuple[str, str], pool: list[tuple[str, str]]) -> tuple[str, str]:
    """Return the chosen title, or the same title in ordinary case when it is in capitals
    ("WHY RATES MUST FALL" in a headline styled so, "Why Rates Must Fall" in og:title)."""
    text = chosen[0]
    if not text.isupper() or sum(c.isalpha() for c in text) < 8:
        return chosen
    key = fold(text)
    return next(((t, s) for t, s in pool if not t.isupper() and fold(t) == key), chosen)




def _title_text(value: Any) -> str | None:
    """Return a title candidate as clean text, without a date or a "Title:" label in front
    ("23.01.2022 - "), a label in brackets ("[이슈페이퍼] "), a theme's decoration around it
    ("[> Title", "» Title", "Title •") or a marker beside it ("| Page 2", "(Updated)",
    "[PDF]")."""
    if not isinstance(value, str):
        return None
    text = _TITLE_LABEL.sub("", _DATE_PREFIX.sub("", clean(strip_tags(value)) or ""))
    text = " ".join(_MARKER.sub(" ", text).split()) or text
    text = _BRACKET_LABEL.sub("", text) or text
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
    parts = TITLE_SEPARATORS.split(title)
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
        # A full-width colon sets off a Japanese site's name, or else the subtitle
        # ("再編：コミュニティバスと…" beside og:title "再編"): only a name is cut there. A part
        # that goes on in small letters ("– og det låser boligmarkedet") is the title's own.
        rest = title[len(head):].lstrip(" \t|-–—:·•«»/_")
        if fold(head) in other_keys and fold(head) != whole \
                and not title[len(head):].lstrip().startswith("：") and not rest[:1].islower():
            return head
    return title


def strip_section(title: str, section_keys: set[str]) -> str:
    """Remove a leading "Opinion | " when it is the page's section (declared elsewhere); a
    breadcrumb's last crumb, the page's own title cut short ("Flere seniorer bliver på
    arbejdsmarkedet"), is no section: a section's name has a few words."""
    match = _SECTION_PREFIX.match(title)
    if match and fold(match.group(1)) in section_keys \
            and len(match.group(1).split()) <= _MAX_SECTION_WORDS:
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
