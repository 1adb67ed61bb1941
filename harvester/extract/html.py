"""HTML heuristics: what a reader sees — the headline, the lead paragraph, the language.

Everything is looked for near the headline and outside foreign blocks
(related cards, sidebars, navigation, comments), so a neighbour's headline or
paragraph never becomes the page's. The headline is read in `headlines`, bylines in
`bylines`, the lead image in `images`, dates in `datelines`, labels, kickers and tags in
`labels`.
"""

from __future__ import annotations

import re

from ..record import Candidate
from ..text import WIDE_CHARS
from .bylines import is_by_line
from .classes import BIO, SUMMARY, classify
from .headlines import titles
from .page import Page
from .tree import Element, text_of, unglued

_MIN_PARAGRAPH = 80
_PARAGRAPHS = 2
# A separator set off by spaces, between the items of a line of facts ("5 min read · March 3").
_SPACED_BAR = re.compile(r"\s[|·•]\s")
# A time stamp line: "Updated March 3, 2024", "Published: 03.03.2024", "Mis à jour le 3 mars".
_STAMP = re.compile(r"(?i)\W*(?:last\s+)?(?:updated|published|posted|modified|aktualisiert|"
                    r"ver[öo]ffentlicht|publi[ée]|mis à jour|publicado|actualizado|pubblicato|"
                    r"aggiornato)\b[^.!?]{0,40}?\d")
# Where a paragraph is a picture's caption, not the text. Someone else's words are in a
# blockquote of a class ("twitter-tweet", "pullquote"); a bare one may only indent the text.
_CAPTIONS = frozenset({"figure", "figcaption"})


def extract(page: Page) -> list[Candidate]:
    """Return candidates from visible HTML, near the headline and outside foreign blocks."""
    found: list[Candidate] = []
    for part in (titles, _summary, _misc):
        found += part(page)
    return found


def _language_copy(page: Page) -> str | None:
    """Return the page this one copies: it declares one language, is written in another and
    names that other language's version ("/fr/…" in English, its hreflang="en" naming
    "/…"), as a site does that shows a text not yet translated."""
    declared = (page.lang or "").lower()[:2]
    folders = [f[:2] for f in (page.url or "").split("?")[0].lower().split("/")[3:-1]
               if len(f) in (2, 5)]
    if not declared or declared not in folders:
        return None  # no language's folder: a page of its own language
    alternates = [((el.get("hreflang") or "").lower()[:2], href) for rel, href, el in page.links
                  if el.get("hreflang") and "alternate" in rel.split()]
    if not alternates:
        return None
    written = page.text_language
    if not written or written == declared:
        return None
    return next((page.absolute(href) for code, href in alternates if code == written), None)


def language_guess(page: Page) -> list[Candidate]:
    """Return the language the page's headline and paragraphs are written in, for pages
    that declare none (`Page.text_language`, guessed once and shared with `dayfirst`)."""
    guess = page.text_language
    return [Candidate("language", guess, "html:words")] if guess else []


_SUB_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _summary(page: Page) -> list[Candidate]:
    """Return a dek/standfirst near the title and the first two substantial paragraphs (the
    first may be a notice to the reader, which `choose_summary` passes over)."""
    found = []
    for el in page.near:
        if el.tag not in ("p", "div", "h2", "span"):  # tested first: classifying costs more
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}".lower()
        flags = classify(words) if words.strip() else 0
        if flags & SUMMARY and not flags & BIO:
            text = unglued(el)  # "<h2>Abstract</h2><p>We study…": not "AbstractWe study…"
            weight = _weight(text)  # a headed block is a summary however short its text
            head = el[0] if len(el) and not (el.text or "").strip() else None
            if head is not None and head.tag in _SUB_HEADINGS:
                # The dek's own heading ("What's new?", "Summary") is no part of it.
                lead = unglued(head)
                text = text[len(lead):].lstrip() if text.startswith(lead) else text
            if weight > 40 and text:
                found.append(Candidate("summary", text, "html:dek"))
                break
    paragraphs = 0
    for el in page.near:
        if el.tag == "p" and not classify((el.get("class") or "").lower()) & BIO:
            text = text_of(el)
            if _weight(text) >= _MIN_PARAGRAPH and _is_prose(el, text):
                found.append(Candidate("summary", text, "html:p"))
                paragraphs += 1
                if paragraphs == _PARAGRAPHS:
                    break
    return found


def _is_prose(paragraph: Element, text: str) -> bool:
    """Tell whether a paragraph reads as the text's prose, not as a bar of links and labels
    ("vor 5 Stunden in Aktuelles | Artikel versenden | Tippfehler melden", "5 min read ·
    March 3, 2024 · Jane Doe"), a byline, a time stamp ("Updated March 3, 2024 at 10:15")
    or a picture's caption or an embedded post (in a figure or a classed blockquote)."""
    if text.count("|") >= 2 or len(_SPACED_BAR.findall(text)) >= 2:
        return False
    if is_by_line(text) or _STAMP.match(text):
        return False
    if any(a.tag in _CAPTIONS or a.tag == "blockquote" and a.get("class")
           for a in paragraph.iterancestors()):
        return False
    linked = sum(len(text_of(a)) for a in paragraph.iter("a"))
    return linked * 2 < len(text)


def _weight(text: str) -> int:
    """Return a text's length with Chinese, Japanese and Korean characters counted twice:
    one of them says about as much as two Latin letters."""
    return len(text) + len(WIDE_CHARS.findall(text))


def _misc(page: Page) -> list[Candidate]:
    """Return the canonical link, the html lang and the URL's own evidence."""
    copied = _language_copy(page)
    found = [Candidate("url", copied, "html:hreflang")] if copied else []
    for rel, href, _ in page.links:
        if "canonical" in rel.split():
            found.append(Candidate("url", page.absolute(href), "html:canonical"))
            break
    if page.lang:
        found.append(Candidate("language", page.lang, "html:lang"))
    return found
