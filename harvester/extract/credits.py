"""Far credits, for pages that credit nobody near the headline or in their metadata.

The first "Autor: Name" or "Text: Name" line of the main content, far below the
headline; else a name alone in bold, italics or set right that signs the last
paragraph; else the people an "About the Author" section introduces ("Jane Doe is..."), or
the person cards under an "Authors" heading. Pages whose metadata credits only an
organization (a law firm's JSON-LD) are read so too.
"""

from __future__ import annotations

import re

from ..names import (clean_name, is_name, is_organization, one_institution, opening_name,
                     split_names)
from ..record import Candidate
from .labels import LABEL, label_kind, lines_of, value_after
from .page import Page
from .regions import following
from .tree import Element, is_hidden, text_of

_DIGIT = re.compile(r"\d")
# A credit under the text, far from the headline ("Autor: Jane Doe", "Text und Fotos: Jane
# Doe"): read only on pages that credit nobody anywhere else. Its label is an author label
# or says who wrote the text ("Text", "Text und Fotos").
_TEXT_CREDIT = re.compile(r"texte?(?:\s*(?:und|&|/|and|\+|et)\s*(?:fotos?|bilder?|photos?))?",
                          re.IGNORECASE)
# A heading over the authors' biographies ("About the Author", "Zu den AutorInnen").
_ABOUT = re.compile(r"^\W*(?:about the (?:authors?|contributors?|writers?)|the authors?|"
                    r"author bios?|über (?:den autor|die autor\w*)|zu(?:m|r| den) autor\w*|"
                    r"à propos (?:de l['’]|des )auteure?s?|l['’]auteure?|les auteurs|"
                    r"sobre (?:el|la|los|las|o|a|os) autor(?:a|es|as)?|sull['’]autore|"
                    r"over de auteurs?)\W*$", re.IGNORECASE)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A citation line and its authors, up to the year: "Cite as: Doe, Jane and Roe, R. (2024)".
_CITE_LABEL = re.compile(r"(?i)^(?:cite as|suggested citation|how to cite(?: this)?|please cite"
                         r"(?: this \w+)?(?: as)?|recommended citation|zitiervorschlag|"
                         r"zitierweise|pour citer(?: ce \w+)?|citation sugg[ée]r[ée]e|"
                         r"c[óo]mo citar|para citar|come citare)\s*:\s*")
_BEFORE_YEAR = re.compile(r"(.+?)[\s,]*\(?(?:19|20)\d{2}\b")
_CITED_SEPARATOR = re.compile(r"\s*(?:;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
_MAX_BIOS = 4
_MAX_HEADING = 40
_BIO_REACH = 40
_CREDIT_TAGS = ("p", "div", "span", "strong", "b", "em", "i", "dt", "li", "td", "small")
_MAX_CREDIT = 80
_MAX_CREDIT_LINE = 200  # a credit line naming the people's units too
_MAX_SIGNATURE = 60
_MAX_SIGNED = 3  # names a signature line may hold
_MIN_PROSE = 150
_EMPHASIS = frozenset({"b", "strong", "i", "em"})
# What a subheading introduces, not a signature.
_AFTER_TEXT = frozenset({"ul", "ol", "h2", "h3", "h4", "h5", "h6", "dl", "blockquote"})
# Closing words that look like a name in bold ("Guten Appetit", "Best Regards").
_SIGN_OFFS = frozenset({"guten", "viel", "alles", "bis", "frohe", "schöne", "schönen",
                        "liebe", "lieben", "herzliche", "herzlichen", "beste", "besten",
                        "happy", "merry", "enjoy", "best", "kind", "warm", "warmest", "thank",
                        "thanks", "many", "danke", "vielen", "merci", "bon", "bonne", "buen",
                        "buena", "buon", "buona", "gracias", "grazie", "cheers", "see",
                        "stay", "hasta", "à", "a", "bien", "mit", "with", "your", "yours"})
# A note under the text: "(1) Ces chiffres…", "[2] Siehe…", "* Name geändert".
_FOOTNOTE = re.compile(r"^\s*(?:\(\d+\)|\[\d+\]|\d+\)|\*)")


def credits_person(value: object) -> bool:
    """Tell whether an author candidate's value names anyone but an organization."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        name = item[0] if isinstance(item, tuple) and item else item
        names = split_names(name) if isinstance(name, str) else []
        if names and not one_institution(name, names) \
                and any(not is_organization(n) for n in names):
            return True
    return False


def credit_fallback(page: Page) -> list[Candidate]:
    """Return the names of the first credit label in the main content ("Autor: Jane Doe"
    under the last paragraph), else of an "About the Author" section, for pages whose
    extractors found no author at all.

    The value must read as one to three full names (no digits, two words or more each):
    "Text: Lorem ipsum dolor sit amet" and "Autor: unbekannt" credit nobody.
    """
    for el in page.main.iter(_CREDIT_TAGS):
        text = el.text
        if not text or ":" not in text or len(text) > _MAX_CREDIT_LINE:
            continue
        match = LABEL.match(lines_of(el))
        if not match or not (label_kind(match.group(1)) == "authors"
                             or _TEXT_CREDIT.fullmatch(match.group(1).strip())) \
                or page.is_foreign(el) or is_hidden(el):
            continue
        value = (match.group(2).strip() or value_after(el)).split("\n")[0].strip()
        names = split_names(value) if len(value) <= _MAX_CREDIT_LINE else []
        # "Prepared by: A and B, Labour Market Research Division, …": the people before
        # their unit
        first_unit = next((i for i, n in enumerate(names) if is_organization(n)), len(names))
        names = names[:first_unit]
        if names and len(names) <= 3 and not _DIGIT.search(value) \
                and all(2 <= len(n.split()) <= 4 for n in names):
            return [Candidate("authors", names, "html:credit")]
    return _author_cards(page) or _signature(page) or _biographies(page) or _citation(page)


def _citation(page: Page) -> list[Candidate]:
    """Return the people a "Cite as:" line names before the year ("Cite as: Lindqvist, Annika
    and Moreau, Paul-Henri (2024), …"): an agency's page may name its authors nowhere else."""
    for el in page.main.iter("p", "div"):
        own = el.text
        if not own or "it" not in own:  # every label holds "cit"/"zit": a cheap test first
            continue
        text = " ".join(own.split())
        label = _CITE_LABEL.match(text)
        if label is None or page.is_foreign(el):
            continue
        head = _BEFORE_YEAR.match(" ".join(text_of(el).split())[label.end():])
        names = _cited_names(head.group(1)) if head else []
        if names and len(names) <= _MAX_BIOS:
            return [Candidate("authors", names, "html:citation")]
    return []


def _cited_names(text: str) -> list[str]:
    """Return the people of a citation's author list, each written "Last, First" ("Doe, Jane
    and Roe, R.", "Doe, J., Roe, R. & Poe, E."), turned round; none when it reads otherwise."""
    names: list[str] = []
    for part in _CITED_SEPARATOR.split(text):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if not pieces or len(pieces) % 2:
            return []
        for last, first in zip(pieces[::2], pieces[1::2], strict=True):
            name = clean_name(f"{first} {last}")
            if not name or not is_name(name, strict=True) or len(name.split()) < 2:
                return []
            names.append(name)
    return names

def _signature(page: Page) -> list[Candidate]:
    """Return the name that signs the text: a paragraph of one full name alone, in bold or
    italics or set right, right after the text's last paragraph ("<p><b><i>Stefan
    Wasmer</i></b></p>"); only footnotes may follow it."""
    for p in page.main.iter("p"):
        # The signature's first line: an affiliation may follow it after a <br>.
        text = " ".join(_first_line(p).split())
        if not 4 < len(text) <= _MAX_SIGNATURE or _DIGIT.search(text) or not _set_apart(p):
            continue
        before = p.getprevious()
        if before is None or before.tag != "p" or len(text_of(before)) < _MIN_PROSE:
            continue
        if any(el.tag in _AFTER_TEXT or el.tag == "p" and len(text_of(el)) >= _MIN_PROSE
               and not _FOOTNOTE.match(text_of(el)) for el in p.itersiblings()):
            continue  # a bold line between paragraphs, or over a list, is a subheading
        names = split_names(text)
        one = len(names) == 1 and 2 <= len(names[0].split()) <= 4 and names[0] == text
        # Or a few whole names, titles and all ("PGS.TS. Nguyễn Thị Thu Hà - ThS. Lê Minh Tuấn")
        few = 1 < len(names) <= _MAX_SIGNED and all(
            2 <= len(n.split()) <= 4 and is_name(n, strict=True) for n in names)
        if (one or few) and text.split()[0].lower() not in _SIGN_OFFS \
                and not page.is_foreign(p):
            return [Candidate("authors", names, "html:signature")]
    return []


def _first_line(p: Element) -> str:
    """Return a paragraph's text up to its first <br>."""
    line = [p.text or ""]
    for child in p:
        if child.tag == "br":
            break
        line += [text_of(child), child.tail or ""]
    return "".join(line)

def _set_apart(p: Element) -> bool:
    """Tell whether a paragraph is set apart from the text: aligned right, or all of it in
    bold or italics."""
    if "right" in (p.get("align") or "") + (p.get("style") or ""):
        return True
    child = p[0] if len(p) == 1 and not (p.text or "").strip() else None
    return child is not None and child.tag in _EMPHASIS and not (child.tail or "").strip()

def _author_cards(page: Page) -> list[Candidate]:
    """Return the people a block headed "Authors" ("Autoren", "Auteurs") lists up to the next
    heading, one linked or bold name an item (a law firm's or a consultancy's person cards,
    in its sidebar too): the heading says who they are."""
    for heading in page.headings:
        if len(heading) > 2 or label_kind(text_of(heading)) != "authors" \
                or len(text_of(heading)) > _MAX_HEADING:
            continue
        names: list[str] = []
        for el in following(heading, _BIO_REACH * 2):
            if el.tag in _HEADING_TAGS or len(names) > _MAX_BIOS:
                break
            # One name an item: linked or bold, or a list item's plain text (a guest author
            # with no profile page: "Prof. Dr. Hans-Georg Ebersbach (Hochschule Zittau)").
            plain = el.tag == "li" and not any(c.tag in ("a", "strong", "b") for c in el.iter())
            if el.tag in ("a", "strong", "b") and not len(el) or plain:
                found = split_names(" ".join(text_of(el).split()))  # source line breaks
                if len(found) == 1 and 2 <= len(found[0].split()) <= 4 \
                        and found[0] not in names and not _DIGIT.search(found[0]):
                    names.append(found[0])
        if 0 < len(names) <= _MAX_BIOS:
            return [Candidate("authors", names, "html:author-cards")]
    return []

def _biographies(page: Page) -> list[Candidate]:
    """Return the people an "About the Author" section introduces ("Jane Doe is a senior
    fellow...", or a name in bold that opens the paragraph), up to the next heading."""
    for heading in page.headings:
        if len(heading) > 2 or not _ABOUT.match(text_of(heading)) or page.is_foreign(heading):
            continue
        names: list[str] = []
        for el in following(heading, _BIO_REACH):
            if el.tag in _HEADING_TAGS or len(names) >= _MAX_BIOS:
                break
            if el.tag == "p":
                name = _bio_name(el)
                if name and name not in names:
                    names.append(name)
        if names:
            return [Candidate("authors", names, "html:biography")]
    return []

def _bio_name(paragraph: Element) -> str | None:
    """Return the full name that opens a biography paragraph, if it opens with one."""
    first = paragraph[0] if len(paragraph) and not (paragraph.text or "").strip() else None
    if first is not None and first.tag in ("strong", "b"):
        candidate = " ".join(text_of(first).split()).rstrip(",:")
    else:
        return opening_name(text_of(paragraph))
    names = split_names(candidate) if candidate else []
    if len(names) == 1 and 2 <= len(names[0].split()) <= 4 and not _DIGIT.search(names[0]):
        return names[0]
    return None
