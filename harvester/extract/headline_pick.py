"""Which element is the page's headline: the <h1> the declared title names, else a heading
that stands for it (a theme whose <h1> is its logo, a section's banner, a legacy page with
none), as regions and every extractor after them see it."""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..text import fold, strip_accents
from .classes import FOREIGN, HEADLINE
from .tree import Element, text_of

if TYPE_CHECKING:
    from .page import Page

ARTICLE_TAGS = {"article", "main"}
_SCREEN_READER = re.compile(r"\b(?:visually-?hidden|sr-only|screen-reader-text|element-invisible|"
                            r"visuallyhidden)\b", re.IGNORECASE)
# A link to a site's root: "https://www.example.org/", "//example.org", "index.html".
_ROOT = re.compile(r"^(?:(?:https?:)?//[^/?#]+/?|/?index\.(?:html?|php))$", re.IGNORECASE)
_NOT_CONTENT = ("nav", "footer", "aside", "header")
# Inline sizes that set a headline apart: <font size="4"> and more, 18px and more.
_PROMINENT_TAGS = ("font", "span", "p", "b", "strong", "td", "div")
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)px")
_TITLE_ID = re.compile(r"(?i)(?<![a-z])(?:lbl)?title$")
_MIN_FONT_SIZE = 4
_MIN_PIXELS = 18
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 30
_MAX_PROMINENT_SCAN = 3000
_WORDS = re.compile(r"[^\W_]+")
_MAX_SECTION_WORDS = 4


def pick_headline(page: Page) -> Element | None:
    """Return the page's headline: the <h1> (or, failing that, <h2>/<h3>) matching the declared
    title, else the first <h1> outside navigation, else a headline-classed element."""
    heads = [h for h in page.h1s if text_of(h).strip()]
    # Every <h1> is the site's logo, a link home or an image without text: the theme gives
    # the post's title another heading (a <title> of the site's name alone matches a logo).
    hint = fold(page.title_hint) if page.title_hint else ""
    # An <h1> naming a folder of the page's address is its section's banner, unless the
    # declared title says it too (and is no folder's name itself).
    folders = _folders(page.url)
    declared = hint and " ".join(_WORDS.findall(strip_accents(hint))) not in folders
    banners = {h for h in page.h1s if _names_folder(h, folders)
               and not (declared and _matches(fold(text_of(h)), hint))}
    logos = bool(page.h1s) and all(_is_logo(h) or not text_of(h).strip() or h in banners
                                   for h in page.h1s)
    heads = [h for h in heads if not _is_logo(h) and h not in banners] or heads
    # A heading only screen readers get is not where the page shows its headline.
    heads = [h for h in heads if not _SCREEN_READER.search(h.get("class") or "")]
    # A scholarly page's citation_title is the paper's own title, where og:title may name
    # only its series ("Working Paper 2023-18"): the <h1> that says it is the headline.
    cited = page.first_meta("citation_title")
    if cited and not logos:
        cited = fold(cited)
        for h in heads:
            if fold(text_of(h)) == cited:
                return h
    if hint:
        for h in heads:
            if _matches(fold(text_of(h)), hint) and not logos:
                return h
        for h in page.h23:
            # Not the footer's heading naming the site ("Title | Site" holds it too).
            if _matches(fold(text_of(h)), hint) and not _in_blocks(h, set()):
                return h
        # A banner's <h1> names the section ("Insights", "Events"); the post's heading says
        # most of the declared title in other words ("Recap: …" for "Webinar recap: …"),
        # wherever a page builder nests it (HubSpot names every cell a "widget").
        for h in [*(h for h in heads if not logos), *page.h23]:
            if _shares_words(fold(text_of(h)), hint) and not _in_blocks(h, set()):
                return h
    if logos:
        # Every <h1> is the site's logo: the theme gives the post's title an <h2>.
        heads = [h for h in (_first_h2(page),) if h is not None] or heads
    for h in heads:
        if not any(a.tag in _NOT_CONTENT for a in h.iterancestors()):
            return h
    if heads:
        return heads[0]
    named = next((el for el, _, flags in page.named if flags & HEADLINE
                  and el.tag not in ("body", "html", "a")), None)
    if named is not None or page.h1s:
        return named
    # A heading by its ARIA role: <div role="heading" aria-level="1"> is an <h1>.
    aria = next((el for el in page.root.iterfind(".//*[@role='heading'][@aria-level='1']")
                 if text_of(el).strip() and not _in_blocks(el, set())), None)
    if aria is not None:
        return aria
    first = _first_content_h2(page)
    return first if first is not None else _prominent_line(page)


def _first_content_h2(page: Page) -> Element | None:
    """Return the headline of a page with no <h1> and no heading its <title> names (a
    legacy page whose <title> is the site's name): the first <h2> of three words or more
    outside navigation, sidebars, headers, footers and blocks named foreign."""
    named = {el for el, _, flags in page.named if flags & FOREIGN}
    return next((h for h in page.h23 if h.tag == "h2" and len(text_of(h).split()) >= 3
                 and not _in_blocks(h, named)), None)


def _prominent_line(page: Page) -> Element | None:
    """Return the first line set large by inline styles, on a page with no heading at all (a
    hand-made or legacy page: `<font size="5"><b>Title</b></font>`, a span of 20px bold,
    ASP.NET's `<span id="...lblTitle">`): its headline. A line whose id says it is the title
    goes before lines set large (the site's name in the page's header)."""
    foreign = {el for el, _, flags in page.named if flags & FOREIGN}
    large = None
    for el in islice(page.root.iter(_PROMINENT_TAGS), _MAX_PROMINENT_SCAN):
        named = _TITLE_ID.search(el.get("id") or "")
        if named is None and large is not None:
            continue
        size = el.get("size") if el.tag == "font" else None
        style = _FONT_SIZE.search(el.get("style") or "")
        if not (size and size.strip().isdigit() and int(size) >= _MIN_FONT_SIZE
                or style and float(style.group(1)) >= _MIN_PIXELS or named) \
                or _in_blocks(el, foreign):
            continue
        if _MIN_TITLE_WORDS <= len(text_of(el).split()) <= _MAX_TITLE_WORDS:
            if named:
                return el
            large = el
    return large


def _first_h2(page: Page) -> Element | None:
    """Return the first <h2> outside navigation and blocks named foreign (sidebars, related
    posts): the headline of a theme whose <h1> is the site's logo."""
    named = {el for el, _, flags in page.named if flags & FOREIGN}
    return next((h for h in page.h23 if h.tag == "h2" and text_of(h).strip()
                 and not _in_blocks(h, named)), None)


def _in_blocks(heading: Element, foreign: set[Element]) -> bool:
    """Tell whether a heading sits in navigation, a sidebar, the site's header or footer, or
    a block named foreign (a post's own header, inside its article, is content)."""
    return any(a in foreign or a.tag in _NOT_CONTENT
               and not (a.tag == "header" and inside_article(a)) for a in heading.iterancestors())


def _shares_words(text: str, hint: str) -> bool:
    """Tell whether a heading holds four fifths of the declared title's words, four or more."""
    wanted = hint.split()
    if len(wanted) < 4 or not text:
        return False
    words = set(text.split())
    return sum(w in words for w in wanted) * 5 >= len(wanted) * 4


def _folders(url: str | None) -> set[str]:
    """Return the folders of a page's address named in two to four words, as words
    ("publikationen und studien")."""
    if not url:
        return set()
    try:
        segments = urlsplit(url.strip()).path.strip("/").split("/")
    except ValueError:
        return set()
    # The page's own slug goes, and with a page number ("/items-we-wanted/2/") the one before.
    segments = segments[:-2] if segments[-1].isdigit() else segments[:-1]
    words = (" ".join(_WORDS.findall(strip_accents(unquote(s)).lower())) for s in segments)
    # A section's name has a few words; a folder of more is an item's slug ("/slug/ar-ID").
    return {w for w in words if 1 < len(w.split()) <= _MAX_SECTION_WORDS}


def _names_folder(heading: Element, folders: set[str]) -> bool:
    """Tell whether a heading names a folder the page sits in: a section's banner
    ("Publikationen und Studien" over ".../publikationen-und-studien/publikationen/x.html")."""
    return bool(folders) and " ".join(
        _WORDS.findall(strip_accents(fold(text_of(heading))))) in folders


def _is_logo(heading: Element) -> bool:
    """Tell whether a heading is the site's logo: its text is a link to the home page
    (`rel=home`, or the site's root), as themes mark up the site title."""
    for a in heading.iter("a"):
        href = (a.get("href") or "").strip()
        root = href in ("/", "./") or _ROOT.match(href) is not None
        if ("home" in (a.get("rel") or "").split() or root) \
                and len(text_of(a).strip()) * 2 >= len(text_of(heading).strip()):
            return True
    return False


def _matches(text: str, hint: str) -> bool:
    """Tell whether a heading's text is the declared title (or most of it)."""
    if not text:
        return False
    if text == hint:
        return True
    short, long = (text, hint) if len(text) < len(hint) else (hint, text)
    return len(short) >= 0.4 * len(long) and len(short) >= 10 and short in long


def inside_article(el: Element) -> bool:
    """Tell whether an element sits inside an <article> or <main>."""
    return any(a.tag in ARTICLE_TAGS for a in el.iterancestors())
