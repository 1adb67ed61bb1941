"""Pagination: the next page of a listing, from rel=next, "Next"-worded links and buttons,
a source's `next_page` selector, or numbered `?page=N` / `/page/N/` sequences."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from . import classify
from .canonical import canonical_url, is_http_url
from .extract.rules import compile_rule
from .extract.tree import Element, text_of
from .parse import Document
from .urlshapes import is_content_like, is_offset_page, page_number, without_page

_NEXT_TEXT = re.compile(
    r"^(?:next|next page|go to (?:the )?next page|next posts|older|"
    r"older (?:posts|entries|articles|stories|items)|"
    r"(?:load|show|see|view) more(?: \w+)?|more (?:posts|articles|stories|results|items)|"
    r"nächste(?: seite)?|weiter|suivante?|page suivante|siguiente|página siguiente|"
    r"successiva|pagina successiva|próxima|volgende|następna|mehr (?:laden|anzeigen)|"
    r"weitere (?:artikel|beiträge)|cargar más|ver más|voir plus|afficher plus|charger plus|"
    r"carica altri|mostra altri|meer laden|toon meer)$")
_NEXT_ARROWS = set("›»→⟩❯▶>")
_STRIP = "›»→⟩❯▶>«‹←⟨❮◀<.:…|-–— \t\n"
_PREV_WORDS = re.compile(r"\b(?:prev|previous|newer|first|last|back|zurück|précédente?)\b")
_NEXT_CLASS = re.compile(r"(?:^|[-_])next(?:$|[-_])")
_TARGET_ATTRS = ("href", "data-href", "data-url", "data-next", "data-next-url",
                 "data-next-page", "hx-get")

def next_pages(doc: Document, url: str, selector: str | None = None) -> list[str]:
    """Return the candidate URLs of the next listing page, most trusted first.

    Args:
        doc: the parsed listing page.
        url: its final URL (after redirects).
        selector: the source's `next_page` CSS selector, tried first.

    Returns:
        Canonical URLs: the selector's target, rel=next, "Next"/"Older posts"/"Load more"
        links and buttons (href, data-href or a GET form), then page N+1 of `?page=N` or
        `/page/N/` sequences.
    """
    root = doc.root
    base = classify.document_base(doc) if doc.url == url else url
    found: list[str] = []
    xpath = compile_rule(selector) if selector else None
    if xpath is not None:
        try:
            hits = xpath(root)
        except etree.XPathEvalError:
            hits = []
        found += [t for el in hits if isinstance(el, Element) for t in _targets(el, base)]
    found += [t for el in root.iter("link", "a") if "next" in el.get("rel", "").lower().split()
              for t in _targets(el, base)]
    worded = [t for el in root.iter() if isinstance(el.tag, str) and _says_next(el)
              for t in _targets(el, base)]
    found += [t for t in worded if _is_listing_step(t, url)]
    found += _numbered_next(root, url, base)
    return list(dict.fromkeys(found))


def _says_next(el: Element) -> bool:
    """Tell whether a link or button reads "Next", "Older posts", "»", "Load more"..."""
    if el.tag not in ("a", "button", "input", "span", "div", "li"):
        return False
    if el.tag in ("span", "div", "li") and not any(el.get(a) for a in _TARGET_ATTRS):
        return False
    labels = [" ".join(str(t).lower().split()) for t in (
        text_of(el), el.get("aria-label"), el.get("title"), el.get("value")) if t]
    if any(_PREV_WORDS.search(label) for label in labels):
        return False
    for label in labels:
        words = label.strip(_STRIP)
        if _NEXT_TEXT.match(words) or (not words and set(label) & _NEXT_ARROWS):
            return True
    names = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    texts = "".join(label.strip(_STRIP) for label in labels)
    return not texts and any(_NEXT_CLASS.search(n) for n in names)


def _targets(el: Element, base: str) -> list[str]:
    """Return the URL an element points to: href, data-href and kin, or its GET form."""
    for attr in _TARGET_ATTRS:
        value = (el.get(attr) or "").strip()
        if value and not value.startswith(("#", "javascript:")):
            target = canonical_url(value, base)
            # What no URL parser accepts ("http://[::1/x") is no next page.
            return [target] if is_http_url(target) else []
    inner = el.find(".//a[@href]") if el.tag != "a" else None
    if inner is not None:
        return _targets(inner, base)
    form = next((a for a in el.iterancestors("form")), None)
    if form is not None and el.tag in ("button", "input") and form.get("method", "get").lower() \
            == "get":
        fields = [(i.get("name"), i.get("value", "")) for i in form.iter("input")
                  if i.get("type", "").lower() == "hidden" and i.get("name")]
        if el.get("name"):
            fields.append((el.get("name"), el.get("value", "")))
        try:
            parts = urlsplit(urljoin(base, form.get("action") or base))
        except ValueError:
            return []
        query = "&".join(q for q in (parts.query, urlencode(fields)) if q)
        return [canonical_url(urlunsplit((*parts[:3], query, "")))]
    return []


def _is_listing_step(candidate: str, current: str) -> bool:
    """Tell whether a "Next"-worded target is another page of this listing, not an item."""
    if page_number(candidate) is not None or without_page(candidate) == without_page(current):
        return True
    return urlsplit(candidate).path == urlsplit(current).path or not is_content_like(candidate)


def _numbered_next(root: Element, url: str, base: str) -> list[str]:
    """Return page N+1 of the listing `url` when the page links to its numbered pages, or
    offers them in a <select> whose options' values are their addresses (a pager a script
    follows: `onchange="location.href = this.value"`)."""
    base, current = without_page(url), page_number(url)
    # Without a number the page is the first: its successor is 1 (counting from 0) or 2.
    wanted = (current + 1,) if current is not None else (1, 2)
    numbered: dict[int, str] = {}
    for anchor in root.iter("a", "option"):
        target = canonical_url(anchor.get("href" if anchor.tag == "a" else "value", ""), base)
        number = page_number(target)
        if number is None or not _same_listing(target, base):
            continue
        # An offset (Joomla's "?start=20") steps by a page's size: the next is the least above.
        if number in wanted or is_offset_page(target) and number > (current or 0):
            numbered.setdefault(number, target)
    return [numbered[min(numbered)]] if numbered else []




def _same_listing(target: str, listing: str) -> bool:
    """Tell whether a numbered page belongs to a listing (given without its page number):
    the same path, and its query keeps every field of the listing's. A pager may add the
    fields of the listing's form ("?type=All&sort_by=created&page=1" from "/research")."""
    have, want = urlsplit(without_page(target)), urlsplit(listing)
    if (have.netloc, have.path) != (want.netloc, want.path):
        return False
    return {p for p in want.query.split("&") if p} <= set(have.query.split("&"))
