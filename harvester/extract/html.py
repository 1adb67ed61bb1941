"""HTML heuristics: what a reader sees — the headline, the byline, dates near the title,
"Type:" labels and kickers, breadcrumbs, tag links, the lead paragraph and figure.

Everything is looked for near the headline and outside foreign blocks
(related cards, sidebars, navigation, comments), so a neighbour's byline or
date never becomes the page's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from urllib.parse import urlsplit

from ..names import PEOPLE_FOLDERS, opening_name, split_names
from ..urls import host_of
from ..record import Candidate
from ..text import WIDE_CHARS
from .classes import BIO, BYLINE, FOREIGN, HEADLINE, SUMMARY, classify
from .page import Page
from .tree import HIDDEN, Element, text_of, texts

_DIGIT = re.compile(r"\d")
#: Words that open a credit ("By", "Von", "Par", "Hosted by"...), for bylines and cards alike.
#: The short ones open sentences too ("Par ailleurs", "Di recente", "Von der Leyen sagte"):
#: they count only before a capital, a colon or nothing (the name in a link after them).
BY_WORDS = (r"(?:by|written by|posted by|hosted by|presented by|authored by|words by|text by|"
            r"story by|reported by|reporting by|hosts?|ein beitrag von|"
            r"geschrieben von|verfasst von|écrit par|escrito por|scritto da|بقلم|"
            r"(?-i:[Vv]on(?!\s+(?:der|dem|den)\b)|[Pp]ar|[Pp]or|[Dd]oor|Di|Av|Af|Oleh)"
            r"(?=\s*:?\s*(?:[A-ZÀ-ÞĀ-Ž]|$)))")
_BY_TEXT = re.compile(rf"^\s*{BY_WORDS}\b\s*:?\s*", re.IGNORECASE)
_BY_START = frozenset("bwphvdegséaortب")
_SEPARATORS = "|·•/–—-"
_LEAD = " \t\n|·•/–—-"
_DAY_OR_TIME = re.compile(r"\d{1,4}[./:-]\d{1,2}|\b(?:19|20)\d{2}\b")
_DATELINE_SPLIT = re.compile(r"\s+[|·•–—-]\s+")
_CLOSE_DATELINE = 40
# One srcset candidate: a URL (not ending in a comma), then maybe its descriptor.
_SRCSET = re.compile(r"[\s,]*(\S*[^\s,])(?:\s+([^,]*))?")
_QUOTED = re.compile(r"testimonial|quote|review|zitat|citation")
_CLOSE_ABOVE = 4
_MAX_TYPE_WORDS = 3
# "Commentary by", "Ein Kommentar von", "Une tribune par": one to three words, then the by-word.
_TYPE_BY = re.compile(r"^\s*(?:(?:(?i:an?|une?|el|la|il|un)\s+)?([^\W\d_][\w-]*(?:\s[\w-]+){0,2}?)"
                      r"\s+(?:by|par|por|door)|(?i:eine?)\s+([^\W\d_][\w-]*)\s+von)"
                      r"(?:\s+(?=[A-ZÀ-Þ])|\s*$)")
# Credits of what is not the text: pictures, sound, translation, production, editing.
_NOT_A_TEXT = re.compile(r"(?i)photo|foto|picture|image|bild|illustrat|graphic|grafik|cover|"
                         r"video|music|musik|produc|edit|translat|übersetz|tradu|sound|design|"
                         r"camera|kamera|cartoon|map|karte|powered|made|hosted|presented|"
                         r"written|posted|published|sponsored|supported|funded|followed|"
                         r"liked|shared|recommended")
_MAX_TYPE_BY_LINE = 100
# A Korean byline: a name of two to four syllables, "기자" (reporter), maybe an address.
_KOREAN_BYLINE = re.compile(r"^\s*[가-힣]{2,4}\s*(?:선임|객원)?(?:기자|특파원)(?:\s+\S+@\S+)?\s*$")
_AUTHOR_HREF = re.compile(rf"/(?:{PEOPLE_FOLDERS})/[^/?#]+", re.IGNORECASE)
_CONTAINERS = ("body", "html", "article", "main", "section")
# Blocks that credit a picture: its photographer or licensor is no author of the text.
_IMAGE_CREDIT = re.compile(r"licen[cs]e|copyright|credit|caption|photographer|fotograf")
_PHOTO_LABEL = re.compile(r"(?i)^\W*(?:fotos?|photos?|bild(?:er)?|imagen?|crédito|credito|"
                          r"credits?|copyright|©)\W*$")
_CREDIT_DEPTH = 3
_HEADINGS = ("h1", "h2", "h3", "h4", "title")
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
_MAX_SITE_NAME = 60
_MAX_HOME_NAMES = 5
_SCHEME_AND_WWW = len("https://www./")
_LOGO_FILE = re.compile(r"(?i)(?<![a-z])(?:logo|icon)s?(?![a-z])")
_BLOCKS = {"div", "p", "li", "ul", "ol", "br", "dd", "dt", "dl", "section", "h2", "h3", "h4",
           "h5", "h6", "tr", "td", "header", "footer", "figure", "figcaption", "blockquote"}
_BREAKS = ("br", "div", "p", "small", "h2", "h3")
_TITLE_PART = re.compile(r"title|headline|header|(?<![a-z])text|line|main")
_KICKER_PART = re.compile(r"kicker|eyebrow|overline|topline|toptitle|dachzeile|roofline|surtitre|"
                          r"antetitulo|occhiello|"
                          r"sub-?heading|supertitle|pretitle|(?<![a-z])pre-title|"
                          r"(?<![a-z])label|category|rubric|flag|subtitle|subline|(?<![a-z])dek|"
                          r"teaser|date|time|(?<![a-z])sr-only|visually-hidden|screen-reader")


def extract(page: Page) -> list[Candidate]:
    """Return candidates from visible HTML, near the headline and outside foreign blocks."""
    found: list[Candidate] = []
    for part in (_titles, _authors, _dateline_types, _by_types, _summary, _image, _misc):
        found += part(page)
    return found


def _titles(page: Page) -> list[Candidate]:
    """Return the headline <h1> and the document <title>."""
    found = []
    if page.h1 is not None:
        found.append(Candidate("title", headline_text(page.h1, page.title_hint), "html:h1"))
    else:
        for el, _, flags in page.named:
            if flags & HEADLINE and el.tag in ("h2", "h3", "div", "span", "p") \
                    and not page.is_foreign(el):
                found.append(Candidate("title", text_of(el), "html:headline"))
                break
    if page.titles:
        found.append(Candidate("title", page.titles[0], "html:title"))
        # The headline of two words or more is the title whatever the <title> holds: the
        # site's name there matters only without one (and reading every link costs).
        if page.h1 is None or len(found[0].value.split()) < 2:
            found += [Candidate("site_home", name, "html:home-link")
                      for name in _home_names(page)]
    return found


def _home_names(page: Page) -> list[str]:
    """Return the names the page's links to its site's home page show ("Xinhua" of
    `<a href="/">Xinhua</a>`, or a logo's alt text): the site's name, as its readers see it."""
    host = _host(page)
    names: list[str] = []
    for el in page.anchors:
        if not _is_home_href(el.get("href"), host):
            continue
        text = text_of(el) or next((img.get("alt") or "" for img in el.iter("img")), "")
        text = " ".join(text.split())
        if 2 <= len(text) <= _MAX_SITE_NAME and text not in names:
            names.append(text)
    return names[:_MAX_HOME_NAMES]


def _host(page: Page) -> str:
    """Return the page's host without "www." ("" when the page has no URL)."""
    return host_of(page.url).removeprefix("www.") if page.url else ""


def _is_home_href(href: str | None, host: str) -> bool:
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
        if words and _KICKER_PART.search(words) or child.get("aria-hidden") == "true":
            parts.append("")
        elif child.tag in _BREAKS or _TITLE_PART.search(words) or _glued(parts[-1], text):
            parts += ["", text, ""]
        else:
            parts[-1] += text
        parts[-1] += child.tail or ""
    pieces = [" ".join(p.split()) for p in parts if any(c.isalnum() for c in p)]
    if len(pieces) >= 2 and len(pieces[0].split()) <= 4 and len(pieces[0]) <= len(pieces[1]) \
            and not (declared and _opens(declared, pieces[0], pieces[1])):
        pieces = pieces[1:]
    return pieces[0] if pieces else text_of(h1)


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


def language_guess(page: Page) -> list[Candidate]:
    """Return the language the page's headline and paragraphs are written in, for pages
    that declare none (`Page.text_language`, guessed once and shared with `dayfirst`)."""
    guess = page.text_language
    return [Candidate("language", guess, "html:words")] if guess else []


def _glued(before: str, text: str) -> bool:
    """Tell whether a child's text would run into the text before it ("InfantaUltima Hora"):
    two blocks shown apart by style, not one sentence."""
    return bool(before) and before[-1].islower() and text[:1].isupper()


def _unglued(el: Element) -> str:
    """Return an element's text, with a line break where two pieces shown apart by style run
    into each other ("<span>Jane Doe</span><span>Senior Fellow</span>")."""
    out = ""
    for piece in texts(el):
        out += "\n" + piece if _glued(out, piece) else piece
    return out


def _authors(page: Page) -> list[Candidate]:
    """Return authors from itemprop/rel=author, byline blocks, author links and "By" lines."""
    near = page.near_set
    groups: dict[str, list[str]] = {}
    bylines: dict[str, list[Element]] = {}
    for el, words, flags in page.named:
        # A comment's author ("comment byuser comment-author-jane") is not the page's, nor
        # a testimonial's, a quote's or a review's.
        if not flags & BYLINE or flags & FOREIGN and "comment" in words \
                or _QUOTED.search(words):
            continue
        if "author" in words.split() and (el.get("itemprop") or el.get("rel")):
            if not page.is_foreign(el):
                where = "near" if page.is_close(el) else "page"
                groups.setdefault(f"html:{_attr(el)}-{where}", []).extend(_names_in(el))
        elif el.tag not in _CONTAINERS and not page.is_foreign(el) and not _credits_image(el):
            where = "byline" if el in near else "author-class"
            block = bylines.setdefault(where, [])
            if not block or _same_block(block[0], el):
                block.append(el)
    for where, block in bylines.items():
        groups[f"html:{where}"] = [n for el in block for n in _names_in(el)]
    links = [a for a in page.near if a.tag == "a" and _AUTHOR_HREF.search(a.get("href") or "")]
    block = [a for a in links if _near_link(links[0], a)] if links else []
    # Each name keeps its profile page's address ("/editors/jon-fingas").
    groups["html:author-link"] = [(n, page.absolute(a.get("href")), False)
                                  for a in block for n in split_names(_unglued(a))]
    dated = _dated_names(page)
    if dated:
        groups["html:dateline-name"] = dated
    by_line = next((el for el in page.near if _is_by_line(el.text)
                    and el.tag not in _HEADINGS), None)
    if by_line is not None:
        # The by-word goes here: names keep a leading "Di" or "Oleh" (Di Stefano).
        groups["html:by-text"] = split_names(_BY_TEXT.sub("", credit_line(by_line), count=1))
    else:
        typed = _type_by_line(page)  # "Commentary by Jane Doe"
        if typed:
            groups["html:by-text"] = split_names(typed[0])
        else:
            reporter = next((el.text for el in page.near[:_CLOSE_DATELINE]
                             if el.text and _KOREAN_BYLINE.match(el.text)), None)
            if reporter:  # "홍길동 기자": the name and the word for reporter
                groups["html:by-text"] = split_names(reporter)
    return [Candidate("authors", names, source) for source, names in groups.items() if names]


def _credits_image(el: Element) -> bool:
    """Tell whether an author element credits a picture, not the text: it sits in a credit,
    caption or licence block ("credito-image", "license-author"), or a photo label goes
    before it ("<strong>Foto:</strong> <p class="autor">Name</p>")."""
    for node in (el, *islice(el.iterancestors(), _CREDIT_DEPTH), *el.iter("a")):
        if _IMAGE_CREDIT.search((node.get("class") or "").lower()):
            return True
    previous = el.getprevious()
    parent = el.getparent()
    label = previous.text if previous is not None else parent.text if parent is not None else ""
    return bool(label and _PHOTO_LABEL.match(label))


def _is_by_line(text: str | None) -> bool:
    """Tell whether a text opens with "By", "Written by", "Von"... (first letter tested first)."""
    if not text:
        return False
    text = text.lstrip(_LEAD)  # "| By " after a kicker, a screen-reader label
    return text[:1].lower() in _BY_START and _BY_TEXT.match(text) is not None


def _dated_names(page: Page) -> list[str]:
    """Return the name in a short "12.03.2024 | 13:10 | Jane Doe" line next to the headline
    (after it, or among the few elements right above it)."""
    for pieces in _datelines(page):
        names = [p for p in pieces if not _DIGIT.search(p)]
        if len(names) == 1:
            found = split_names(names[0])
            if len(found) == 1 and len(found[0].split()) >= 2:
                return found
    return []


def _dateline_types(page: Page) -> list[Candidate]:
    """Return the words beside the day in a short "Issue Brief | March 3, 2024" line next to
    the headline as type candidates (they count only when the vocabulary knows them)."""
    for pieces in _datelines(page):
        words = [p.strip() for p in pieces if not _DIGIT.search(p)]
        found = [Candidate("type", w, "html:dateline-type") for w in words
                 if len(w.split()) <= _MAX_TYPE_WORDS]
        if found:
            return found
    return []


def _by_types(page: Page) -> list[Candidate]:
    """Return the words before "by" in a credit next to the headline ("Commentary by Jane
    Doe", "Ein Kommentar von ...") as a type candidate (it counts only when it maps)."""
    found = _type_by_line(page)
    return [Candidate("type", found[1], "html:dateline-type")] if found else []


def _type_by_line(page: Page) -> tuple[str, str] | None:
    """Return the credit line next to the headline that names a kind of text before its
    by-word ("Commentary by Jane Doe"), as (names, kind); a picture's, a translation's or a
    production's credit ("Cover photo by", "Produced by") is none."""
    for el in page.near[:_CLOSE_DATELINE]:
        text = el.text
        if not text or el.tag in _HEADINGS or text[:1].islower():
            continue
        match = _TYPE_BY.match(text)
        kind = match and (match.group(1) or match.group(2))
        if kind and not _NOT_A_TEXT.search(kind) and len(text_of(el)) <= _MAX_TYPE_BY_LINE:
            line = credit_line(el)
            start = _TYPE_BY.match(line)
            if start:
                return line[start.end():], kind
    return None


def _datelines(page: Page) -> Iterator[list[str]]:
    """Yield the pieces of each short line next to the headline that is a day (and a time)
    plus at most two other pieces: "12.03.2024 | 13:10 | Jane Doe", "Report · 3 May 2024"."""
    for el in page.after[:_CLOSE_DATELINE] + page.before[:_CLOSE_ABOVE]:
        text = el.text
        if not text or len(text) > 100 or not _DIGIT.search(text) or len(el) \
                or el.tag in _HEADINGS:
            continue
        pieces = [p for p in _DATELINE_SPLIT.split(text) if p.strip()]
        others = [p for p in pieces if not _DIGIT.search(p)]
        # The dated pieces are a date or a time ("12.03.2024", "13:10"), not "Teil 49".
        if 2 <= len(pieces) <= 4 and 1 <= len(others) <= 2 and all(
                _DAY_OR_TIME.search(p) for p in pieces if p not in others):
            yield pieces


def _near_link(first: Element, el: Element) -> bool:
    """Tell whether an author link sits in the same small block as the first one."""
    up = list(islice(first.iterancestors(), 3))
    return any(a in up for a in islice(el.iterancestors(), 3))


def credit_line(el: Element) -> str:
    """Return a "By ..." line up to the first separator or date ("By A · May 3 · Topic").

    When the element holds only the label ("<strong>Hosted by</strong> A and B"),
    the line continues in its parent.
    """
    pieces: Iterable[str] = texts(el)
    if el.getparent() is not None and _BY_TEXT.fullmatch((text_of(el) or "").strip(_LEAD)):
        pieces = _after_label(el)
    kept = []
    for piece in pieces:
        text = piece.strip()
        if not text:
            continue
        digit = _DIGIT.search(text)
        if text[0] in _SEPARATORS or digit is not None:
            if kept and len(" ".join(kept).split()) > 1:
                break
            if not kept and digit is not None and text[0] not in _SEPARATORS \
                    and len(text[:digit.start()].split()) > 2:
                # "Posted by Jane Doe on March 3, 2024" in one piece: the names drop the date.
                kept.append(text)
                break
            continue
        kept.append(text)
    return "\n".join(kept)[:300]


def _after_label(label: Element) -> Iterator[str]:
    """Yield the text pieces that follow a label element within its parent."""
    if label.tail:
        yield label.tail
    for sibling in label.itersiblings():
        if isinstance(sibling.tag, str):
            yield from texts(sibling)
        if sibling.tail:
            yield sibling.tail


def _same_block(first: Element, el: Element) -> bool:
    """Tell whether el belongs to the byline block that starts at `first`."""
    parent = first.getparent()
    return el.getparent() is parent or any(a is first for a in el.iterancestors())


def _attr(el: Element) -> str:
    """Return which attribute marked an author element ("itemprop" or "rel")."""
    return "itemprop" if el.get("itemprop") else "rel-author"


def _names_in(el: Element) -> list[str]:
    """Return the names credited by an author element (its name links, else its text)."""
    named = el.find(".//*[@itemprop='name']")
    if named is not None:
        return split_names(named.get("content") or text_of(named))
    text = _joined(el)
    if len(text) > 400:
        return []
    if any(bar in text for bar in "|·•"):
        # "<strong>Name</strong> | Place | 08/01/2014": the names are the marked-up pieces.
        marked = [n for child in el.iter("strong", "b", "a") if child is not el
                  for n in split_names(text_of(child))]
        if marked:
            return marked
    names = split_names(text)
    if not names:  # an author box's bio alone: "Jane Doe is a writer based in London."
        name = opening_name(text)
        names = [name] if name else []
    if not names:  # "Le point de vue de <a>Jane Doe</a>": the linked full names
        names = [n for a in el.iter("a") for n in split_names(_unglued(a)) if " " in n]
    return names


def _joined(el: Element) -> str:
    """Return an element's text with blocks (and <br>) on separate lines, inline runs joined."""
    out: list[str] = []

    def walk(node: Element) -> None:
        block = node.tag in _BLOCKS
        out.append("\n" if block else " ")
        out.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in HIDDEN:
                walk(child)
            out.append(child.tail or "")
        out.append("\n" if block else " ")

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)[:600]


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
            text = _unglued(el)  # "<h2>Abstract</h2><p>We study…": not "AbstractWe study…"
            if _weight(text) > 40:
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
    if _is_by_line(text) or _STAMP.match(text):
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


def _image(page: Page) -> list[Candidate]:
    """Return the lead figure's image and caption in the main content (not the site's logo)."""
    host = _host(page)
    for el in page.near:
        if el.tag == "img":
            url = page.absolute(_image_source(el))
            if not url or url.startswith("data:") or _tiny(el) or _is_logo(el, url, host):
                continue
            figure = next((a for a in el.iterancestors("figure")), None)
            caption = None
            if figure is not None:
                cap = figure.find(".//figcaption")
                caption = text_of(cap) if cap is not None else None
            alt = el.get("alt") or ""
            # An alt text that is a file's name ("born-baby-750x369-1") is no caption.
            return [Candidate("image", (url, caption or (alt if " " in alt.strip() else None)),
                              "html:img")]
    return []


def _image_source(img: Element) -> str | None:
    """Return an image's file: the widest of its srcset (lazy-loading attributes first),
    else its lazy-loading source, else its src ("data:" placeholders skipped)."""
    for attr in ("data-srcset", "data-lazy-srcset", "srcset"):
        widest = _widest(img.get(attr))
        if widest:
            return widest
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


def _widest(srcset: str | None) -> str | None:
    """Return the widest candidate of a srcset ("a.jpg 400w, b.jpg 1200w" -> "b.jpg"), read as
    the HTML standard reads it: a URL may hold commas ("w_400,h_300/a.jpg")."""
    best, best_size = None, -1.0
    for url, descriptor in _srcset(srcset or ""):
        size = descriptor[:-1] if descriptor[-1:] in ("w", "x") else "1"
        try:
            value = float(size)
        except ValueError:
            continue
        if value > best_size and not url.startswith("data:"):
            best, best_size = url, value
    return best


def _srcset(text: str) -> Iterator[tuple[str, str]]:
    """Yield (URL, descriptor) of each srcset candidate: a URL runs to the next space (a comma
    at its end ends it), its descriptor to the next comma."""
    for match in _SRCSET.finditer(text):
        yield match.group(1), (match.group(2) or "").strip()


def _is_logo(img: Element, url: str, host: str) -> bool:
    """Tell whether an image is a logo or an icon: it links to the home page, or its file
    is named so ("site_logo.png", "feed-icon16.png")."""
    if _LOGO_FILE.search(url.rpartition("/")[2]):
        return True
    link = next(img.iterancestors("a"), None)
    return link is not None and _is_home_href(link.get("href"), host)


def _tiny(img: Element) -> bool:
    """Tell whether an image is an icon, avatar or tracking pixel by its declared size."""
    for attr in ("width", "height"):
        value = (img.get(attr) or "").rstrip("px")
        if value.isdigit() and int(value) < 100:
            return True
    return False


def _misc(page: Page) -> list[Candidate]:
    """Return the canonical link, the html lang and the URL's own evidence."""
    found = []
    for rel, href, _ in page.links:
        if "canonical" in rel.split():
            found.append(Candidate("url", page.absolute(href), "html:canonical"))
            break
    if page.lang:
        found.append(Candidate("language", page.lang, "html:lang"))
    return found
