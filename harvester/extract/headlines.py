"""The headline a reader sees: the <h1> (or the heading standing for it), the part of the
<title> the page shows, the site's name its home links give.

`titles` gives the title candidates of `harvester.extract.html`; `headline_text` reads a
headline element without its kicker or date; `page_host` and `is_home_href` tell the
site's own home links (the lead image's reader uses them too).
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import unquote, urlsplit

from ..record import Candidate
from ..text import TITLE_SEPARATORS, fold, strip_accents
from ..urls import host_of
from ..urlshapes import PAGE_FILE
from .classes import HEADLINE
from .labels import title_fields
from .page import Page
from .tree import Element, glued, text_of

_MAX_SITE_NAME = 60
_MAX_HOME_NAMES = 5
_SCHEME_AND_WWW = len("https://www./")
_BREAKS = ("br", "div", "p", "small", "h2", "h3")
_TITLE_PART = re.compile(r"title|headline|header|(?<![a-z])text|line|main")
_KICKER_PART = re.compile(r"kicker|eyebrow|overline|topline|toptitle|dachzeile|roofline|surtitre|"
                          r"antetitulo|occhiello|"
                          r"sub-?heading|supertitle|pretitle|(?<![a-z])pre-title|"
                          r"(?<![a-z])label|category|rubric|flag|subtitle|subline|(?<![a-z])dek|"
                          r"teaser|date|time|(?<![a-z])sr-only|visually-hidden|screen-reader|"
                          # the content type in front ("<span class=page-intro__type>")
                          r"(?<![a-z])(?:content-?|doc-?)?type(?![a-z])")
_SHOWN_TITLE_TAGS = ("div", "span", "p", "strong", "b", "h2", "h3", "h4", "td", "a")
_MIN_SHOWN_TITLE = 12
_MIN_SLUG_WORDS = 3
_MAX_BANNER_SCAN = 12  # elements after a banner <h1> the item's heading may come in
# Inline sizes that set a headline apart: <font size="4"> and more, 18px and more.
_WORD = re.compile(r"[^\W_]+")
_MAX_SHOWN_TITLE_SCAN = 3000
# Words a line of a title may end on only when the title goes on after it.
_JOINING_WORDS = frozenset(
    "the a an of and or in on to for with from at by as into "
    "der die das des dem den ein eine und oder im in am zum zur von mit für auf "
    "le la les l' un une des du de et ou à au aux en pour sur avec "
    "el los las un una y o del al en con por para "
    "il lo gli i di e da nel nella con per su".split())


def titles(page: Page) -> list[Candidate]:
    """Return the headline <h1> (or an item table's "Title" field) and the document <title>."""
    found = []
    if page.h1 is None or " " not in text_of(page.h1).strip():
        # No headline, or a banner's one word ("발간물", "Publications") over an item table
        # whose "Title" field names the item.
        found += [Candidate("title", text, "html:title-field") for text in title_fields(page)[:1]]
        if page.h1 is not None:
            found += _heading_after_banner(page)
    if page.h1 is not None:
        found.append(Candidate("title", headline_text(page.h1, page.title_hint), "html:h1"))
    else:
        for el, _, flags in page.named:
            if flags & HEADLINE and el.tag in ("h2", "h3", "div", "span", "p") \
                    and not page.is_foreign(el):
                found.append(Candidate("title", text_of(el), "html:headline"))
                break
        found += _slug_heading(page)
    if page.titles:
        if not found:
            found += _title_parts_shown(page, page.titles[0])
        found.append(Candidate("title", page.titles[0], "html:title"))
        # The headline of two words or more is the title whatever the <title> holds: the
        # site's name there matters only without one (and reading every link costs).
        if page.h1 is None or len(found[0].value.split()) < 2:
            found += [Candidate("site_home", name, "html:home-link")
                      for name in _home_names(page)]
    return found


def _heading_after_banner(page: Page) -> list[Candidate]:
    """Return the heading right after a one-word <h1> that names the section ("Análisis"
    over "<h2>Remesas y retorno: …</h2>"), when the page's declared titles hold it."""
    declared = [fold(t) for t in (*page.titles, page.title_hint) if t]
    for el in islice(page.after, 1, _MAX_BANNER_SCAN):
        if el.tag not in ("h2", "h3"):
            continue
        text = " ".join(text_of(el).split())
        key = fold(text)
        if " " in text and key and any(key in title for title in declared):
            return [Candidate("title", text, "html:heading-after-banner")]
        break
    return []


def _slug_heading(page: Page) -> list[Candidate]:
    """Return the heading whose words the page's address was made from, on a page without
    an <h1> ("<h2>Making the EU–Mercosur Agreement Work for Forests</h2>" at ".../making-
    the-eu-mercosur-agreement-work-for-forests/"): the title, where the <title> and og:title
    name only the site."""
    slugs = [words for words in (_slug_words(page.url), *(_slug_words(page.absolute(href))
             for rel, href, _ in page.links if "canonical" in rel.split())) if words]
    if not slugs:
        return []
    for el in page.headings:
        text = text_of(el)
        words = set(_WORD.findall(strip_accents(fold(text))))
        if any(slug <= words and 2 * len(slug) >= len(words) for slug in slugs) \
                and not page.is_foreign(el):
            return [Candidate("title", text, "html:slug-heading")]
    return []


def _slug_words(url: str | None) -> set[str]:
    """Return the words of a URL's last path segment that names an item by its title
    (three words or more, numbers and a file extension left out), else none."""
    if not url:
        return set()
    try:
        segment = urlsplit(url).path.rstrip("/").rpartition("/")[2]
    except ValueError:
        return set()
    words = {w for w in _WORD.findall(PAGE_FILE.sub("", unquote(segment)).lower())
             if not w.isdigit()}
    return words if len(words) >= _MIN_SLUG_WORDS else set()


def _title_parts_shown(page: Page, title: str) -> list[Candidate]:
    """Return the part of the <title> that the page shows as the text of one element, for a
    page without a headline ("<div class=title>Report on Water</div>" beside "Report on
    Water | Institute"): the title without the site's name."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(" ".join(title.split()))]
    # The title is the longest part: the site's and the section's names are short.
    longest = max(parts, key=len)
    if len(parts) < 2 or len(longest) < _MIN_SHOWN_TITLE:
        return []
    for el in islice(page.root.iter(_SHOWN_TITLE_TAGS), _MAX_SHOWN_TITLE_SCAN):
        if len(el) > 3:
            continue  # a title's element holds a few inline pieces; a block's text is long
        text = text_of(el)
        if len(longest) <= len(text) <= 2 * len(longest) and " ".join(text.split()) == longest \
                and not page.is_foreign(el):
            return [Candidate("title", longest, "html:title-shown")]
    return []


def _home_names(page: Page) -> list[str]:
    """Return the names the page's links to its site's home page show ("Xinhua" of
    `<a href="/">Xinhua</a>`, or a logo's alt text): the site's name, as its readers see it."""
    host = page_host(page)
    names: list[str] = []
    for el in page.anchors:
        if not is_home_href(el.get("href"), host):
            continue
        text = text_of(el) or next((img.get("alt") or "" for img in el.iter("img")), "")
        text = " ".join(text.split())
        if 2 <= len(text) <= _MAX_SITE_NAME and text not in names:
            names.append(text)
    return names[:_MAX_HOME_NAMES]


def page_host(page: Page) -> str:
    """Return the page's host without "www." ("" when the page has no URL)."""
    return host_of(page.url).removeprefix("www.") if page.url else ""


def is_home_href(href: str | None, host: str) -> bool:
    """Tell whether a link's href leads to the home page of the page's own site."""
    href = (href or "").strip()
    if not href or len(href) > len(host) + _SCHEME_AND_WWW or href.startswith("#"):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query and bool(parts.netloc or href == "/") \
        and parts.netloc.lower().removeprefix("www.") in ("", host)


def headline_text(h1: Element, declared: str | None = None) -> str:
    """Return a headline's title without the kicker before it or the subtitle after it.

    Headlines often hold "<span class=kicker>Topic</span> <span>Title</span>" or a
    title and a subtitle as separate blocks; inline markup (links, emphasis) is kept. A
    short first block is a kicker unless the declared title (og:title, <title>) holds it:
    then it is the title, and what follows its subtitle ("Ceasefires That Hold<br>Lessons
    from Three Wars").
    """
    parts: list[str] = [h1.text or ""]
    for child in h1:
        if not isinstance(child.tag, str):
            continue
        words = (child.get("class") or "").lower()
        text = text_of(child)
        if _is_marker(child, text):
            parts[-1] += child.tail or ""  # a footnote mark or a jump to the comments
            continue
        if words and _KICKER_PART.search(words) or child.get("aria-hidden") == "true":
            parts.append("")
        elif child.tag in _BREAKS or _TITLE_PART.search(words) or glued(parts[-1], text):
            parts += ["", text, ""]
        else:
            parts[-1] += text
        parts[-1] += child.tail or ""
    pieces = [" ".join(p.split()) for p in parts if any(c.isalnum() for c in p)]
    if len(pieces) >= 2 and _broken_line(pieces[0], pieces[1], declared):
        return f"{pieces[0]} {pieces[1]}"  # "Sustaining the<br>Ceasefire in Kashmir"
    if len(pieces) >= 2 and len(pieces[0].split()) <= 4 and len(pieces[0]) <= len(pieces[1]) \
            and not (declared and _opens(declared, pieces[0], pieces[1])):
        pieces = pieces[1:]
    return pieces[0] if pieces else text_of(h1)


def _is_marker(child: Element, text: str) -> bool:
    """Tell whether a headline's inline piece is a mark beside the title, not a word of it:
    a footnote's linked number or sign ("<sup><a href=#fn1>1</a></sup>", "*") or a count
    linking within the page ("<a href=#comments>(3 comments)</a>")."""
    if child.tag == "sup":  # not "m<sup>2</sup>": a linked note or a sign
        return text.strip() in ("*", "**", "†", "‡") or len(text.strip()) <= 3 and any(
            (a.get("href") or "").startswith("#") for a in child.iter("a"))
    return child.tag == "a" and (child.get("href") or "").startswith("#") \
        and len(child.get("href") or "") > 1 and any(c.isdigit() for c in text)


def _broken_line(first: str, second: str, declared: str | None) -> bool:
    """Tell whether a headline's two blocks are one title broken across lines: the declared
    title runs on from the first into the second, or the first stops on a word no title or
    kicker ends with ("Sustaining the", "Lessons of"), or the second goes on in lowercase."""
    if declared and " ".join(declared.split()).casefold().startswith(
            f"{first} {second}".casefold()):
        return True
    last = first.rsplit(" ", 1)[-1].casefold()
    return last in _JOINING_WORDS or second[:1].islower()


def _opens(declared: str, first: str, second: str) -> bool:
    """Tell whether a declared title opens with a headline's first block as its title: the
    block is all of it, or a colon follows ("Ceasefires That Hold: Lessons..."), or a bar
    and the site's name ("Ceasefires That Hold | Inst"). A bar and then the block after it
    make the first block a section ("Middle East | Title in Gaza | Inst")."""
    title, head, tail = (" ".join(t.split()).casefold() for t in (declared, first, second))
    if len(head.split()) < 2 or not title.startswith(head):
        return False
    rest = title[len(head):].lstrip()
    if not rest or rest[0] in ":?!.,":
        return True
    return rest[0] in "|-–—/·•" and not rest.lstrip("|-–—/·• ").startswith(tail)
