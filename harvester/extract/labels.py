"""Visible labels: content types and topics as a reader sees them.

"Publication Type: Analysis" and "Topics: A, B" lines, kickers and eyebrows
("Briefing N°19"), breadcrumbs, links to the site's list of one type, and the
microdata type of the item that holds the headline (category and tag links and
topic lists are `tags`). Only blocks outside related cards, sidebars and
navigation count (breadcrumbs are read from wherever they are).
"Author:" lines near the headline give authors too (`credits` reads the far ones).
"""

from __future__ import annotations

import re
from itertools import islice

from ..record import Candidate
from .classes import CRUMBS, KICKER
from .label_words import (ARABIC_FORMS, AUTHOR_LABELS, OTHER_CREDITS, TITLE_LABELS,
                          TOPIC_HEADINGS, TOPIC_LABELS, TYPE_LABELS)
from .page import Page
from .tree import Element, link_text, text_of, texts

_DIGIT = re.compile(r"\d")
# "Label: value" lines: the label (before the first colon) is looked up in `label_words`.
LABEL = re.compile(r"^\s*([^\W\d][^:：\n]{0,38}?)\s*[:：]\s*(.*)$", re.DOTALL)
# Where a second label may start in a line: a space, then one short word and a colon.
_NEXT_LABEL = re.compile(r"\s+(?=[^\W\d][^\s:：]{0,11}[:：])")
# "Author(s)", "Editor(es)": a plural written as an option.
_PLURAL_MARK = re.compile(r"\((?:e?s)\)")
_CELL_DEPTH = 3  # a label inside <font><b> inside its table cell
_MADE_BY = re.compile(r"\s(?:prepared|written|authored|compiled) by$")
_LABEL_PARTS = re.compile(r"\s{0,3}[/&]\s{0,3}|\s+(?:and|und|et|y|e|en|och|i|og)\s+")
_LABEL_CLASS = re.compile(r"(?i)(?<![a-z])label(?![a-z])|__label(?![a-z])")
_RELATED = re.compile(r"^(?:related|verwandte|explore the)\s+", re.IGNORECASE)
_PUNCTUATION = " \t\n\r:.-–—#*•|>»()[]"
_MAX_LABEL = 40
_MAX_FIELD_CELLS = 400
_FIELD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MAX_TERM_LIST = 400
_MAX_TERM_WORDS = 6
# A link to the site's list of one type: "/publications?type=report", "/content-type/brief",
# "/research?f[0]=publication_type:42" (the link's text names the type).
_TYPE_HREF = re.compile(r"(?i)[?&](?:[\w\[\]%]*[_-])?(?:content|publication|pub|doc|resource|"
                        r"article|post)?[_-]?types?(?:%5B%5D|\[\])?=|[?&]f(?:%5B|\[)\d+(?:%5D|\])="
                        r"(?:\w+_)?type(?:%3A|:)|/(?:content|publication|resource|article|post)?-?"
                        r"types?/[^/?#]+/?(?:$|[?#])")
_MAX_TYPE_LINK = 40


def extract(page: Page) -> list[Candidate]:
    """Return type and topic candidates from labels, kickers, breadcrumbs and item types."""
    found: list[Candidate] = []
    for part in (_labels, _kicker, _type_hrefs, _breadcrumbs, _itemtype):
        found += part(page)
    return found


def lines_of(el: Element) -> str:
    """Return an element's text pieces separated by line breaks (the source's own line
    breaks inside a piece are spaces, as a browser shows them)."""
    return "\n".join(" ".join(t.split()) for t in texts(el) if t.strip())[:1000]


def _label_segments(line: str) -> list[str]:
    """Split a "Label: value" line where another known label starts ("文：山田太郎　写真：佐藤花子",
    "Source: Xinhua Reporter: Zhang San"); a line that opens with no label stays whole."""
    parts = _NEXT_LABEL.split(line)
    if len(parts) == 1 or not LABEL.match(parts[0]):
        return [line]
    segments = [parts[0]]
    for part in parts[1:]:
        match = LABEL.match(part)
        label = _label_key(match.group(1)) if match else ""
        if label and (label_kind(label) or label in OTHER_CREDITS):
            segments.append(part)
        else:
            segments[-1] += " " + part
    return segments


def _labels(page: Page) -> list[Candidate]:
    """Return candidates from "Label: value" lines near the headline."""
    found: list[Candidate | Element] = []  # a table stands for its authors' candidate
    by_table: dict[Element, list[str]] = {}
    for el in page.near:
        text = el.text
        if not text or len(text) > 60:
            continue
        if ":" in text or "：" in text:
            match = next((m for m in map(LABEL.match, _label_segments(lines_of(el)))
                          if m and label_kind(m.group(1))), None)
            if match is None:
                continue
            kind, value = label_kind(match.group(1)), match.group(2).strip()
        elif el.tag == "dt" and not len(el):
            # A definition list needs no colon: <dt>Auteur</dt><dd>Name</dd> (its "Type"
            # or "Format" is as often a company's or a product's as the page's).
            kind, value = label_kind(text), ""
            if kind == "type":
                continue
        elif el.tag in _FIELD_HEADINGS and not len(el) and label_kind(text) == "topics":
            # A repository's field heading over its unlinked list (bepress's "<h4>Keywords
            # </h4><p>a, b, c</p>"): a list of short terms, not a paragraph.
            kind, value = "topics", _term_list_after(el)
            if not value:
                continue
        elif not len(el) and _is_label_cell(el):
            # Nor does a label cell: a repository's item table (<td class=label-cell>Author(s)
            # </td><td>…</td>) or a field's label (<span class=label>Authors</span>).
            kind, value = label_kind(text), ""
        else:
            continue
        if kind is None:
            continue
        if not value:
            value = value_after(el)
        table = next(el.iterancestors("table"), None) if kind == "authors" else None
        if table is not None:
            # One item table's author fields ("Principal investigator", "Co-researchers")
            # credit one work together.
            if value:
                if table not in by_table:
                    by_table[table] = []
                    found.append(table)
                by_table[table].append(value)
            continue
        found += _labelled(kind, value)
    return [c if isinstance(c, Candidate) else Candidate("authors", by_table[c], "html:label")
            for c in found]


def label_kind(label: str) -> str | None:
    """Return what a line's label announces: "type", "authors", "topics", or None for a
    label no set here holds ("Publication Type" -> "type", "Autorin" -> "authors"); of a
    label naming several ("Author/Editor", "Subject/Keywords"), what its first known part does.
    """
    key = _label_key(_PLURAL_MARK.sub("s", label).strip(_PUNCTUATION))
    # "Report prepared by", "Paper written by": what was made, then who made it.
    made_by = _MADE_BY.search(key)
    if made_by and key.count(" ") <= 3:
        key = made_by.group(0).strip()
    for part in [key] + (_LABEL_PARTS.split(key) if " " in key or "/" in key or "&" in key
                         else []):
        if part in TYPE_LABELS:
            return "type"
        if part in AUTHOR_LABELS:
            return "authors"
        if part in TOPIC_LABELS:
            return "topics"
    return None


def _is_label_cell(el: Element) -> bool:
    """Tell whether an element is a field's label that needs no colon: the first of a table
    row's two cells (or all the text of one: "<th><p><strong>Authors</strong></p></th>"), or
    an element whose class names it a label ("label-cell", "field__label")."""
    if el.tag in ("th", "td"):
        row = el.getparent()
        if row is None or row.tag != "tr":
            return False
        # A header cell before a data cell labels it, two pairs to a row or one.
        return len(row) == 2 and row[0] is el or el.tag == "th" and _next_cell(el) is not None
    if _LABEL_CLASS.search(el.get("class") or ""):
        return True
    cell = next((a for a in islice(el.iterancestors(), _CELL_DEPTH) if a.tag in ("th", "td")),
                None)
    return cell is not None and text_of(cell).strip() == text_of(el).strip() \
        and _is_label_cell(cell)


def _term_list_after(heading: Element) -> str:
    """Return the text of the paragraph right after a heading when it is a list of short
    terms ("tenant screening, fair housing, disparate impact"), else ""."""
    after = heading.getnext()
    if after is None or after.tag != "p" or len(after.findall(".//a")):
        return ""
    text = " ".join(text_of(after).split())
    terms = [t for t in re.split(r"[,;]", text) if t.strip()]
    if not terms or len(text) > _MAX_TERM_LIST or text.endswith(".") \
            or any(len(t.split()) > _MAX_TERM_WORDS for t in terms):
        return ""
    return text


def _next_cell(cell: Element) -> Element | None:
    """Return the data cell right after a table cell, if one follows."""
    after = cell.getnext()
    return after if after is not None and after.tag == "td" else None


def title_fields(page: Page) -> list[str]:
    """Return the values of the page's fields labelled as its title ("<th>Title</th><td>…",
    "<dt>제목</dt><dd>…"), in an item table that stands where a page has no headline."""
    found = []
    for el in islice(page.root.iter("th", "td", "dt"), _MAX_FIELD_CELLS):
        if len(el) or not el.text or len(el.text) > _MAX_LABEL \
                or _label_key(el.text.strip(_PUNCTUATION)) not in TITLE_LABELS:
            continue
        if el.tag == "dt" or _is_label_cell(el):
            value = " ".join(value_after(el).split())
            if value and not page.is_foreign(el):
                found.append(value)
    return found


def _label_key(label: str) -> str:
    """Return a label as the sets above hold it ("Related Topics" -> "topics")."""
    label = label.lower()
    if "ي" in label or "ك" in label or "\u200c" in label:  # Persian in Arabic letters
        label = label.translate(ARABIC_FORMS)
    return _RELATED.sub("", " ".join(label.split()))


def is_topic_heading(text: str) -> bool:
    """Tell whether a text is a heading over a list of topics ("Related Topics:", "Tags",
    "Region / Country")."""
    key = _label_key(text.strip(_PUNCTUATION))
    return key in TOPIC_HEADINGS or "/" in key and any(
        part in TOPIC_HEADINGS for part in _LABEL_PARTS.split(key))


def value_after(label: Element) -> str:
    """Return the value of a label element that stands alone: its tail, the <dd> of a
    <dt>, else what follows it in its parent up to the next label ("<span>Kategorie:</span>
    <a>A</a>, <a>B</a>", a "field-label" div and its items), else the next table cell when
    the label fills its own ("<td><b>Authors:</b></td><td>…</td>")."""
    if label.tail and label.tail.strip():
        return label.tail.strip()
    if label.tag in ("th", "td"):
        cell = _next_cell(label)  # (the row may hold the next pair's label after it)
        return lines_of(cell) if cell is not None else ""
    if label.tag == "dt":
        values = []
        for sibling in label.itersiblings():
            if sibling.tag != "dd":
                break
            values.append(lines_of(sibling))
        return "\n".join(v for v in values if v)[:1000]
    pieces = []
    for sibling in label.itersiblings():
        if isinstance(sibling.tag, str):
            text = lines_of(sibling)
            if LABEL.match(text):
                break
            pieces.append(text)
        if sibling.tail:
            pieces.append(sibling.tail)
    value = "\n".join(p.strip() for p in pieces if p.strip())
    if value:
        return value[:1000]
    parent = label.getparent()
    if parent is None:
        return ""
    value = lines_of(parent).split(":", 1)[-1].strip()
    if value and value != " ".join(text_of(label).split()).strip(_PUNCTUATION):
        return value  # (a parent saying the label alone gives no value)
    # The label fills its cell, maybe inside <font> or <b> ("<td><font><b>Author:</b>…"):
    # the value is the next cell's.
    cell = next((a for a in islice(label.iterancestors(), _CELL_DEPTH) if a.tag in ("td", "th")),
                None)
    said = lines_of(cell).split(":", 1)[-1].strip() if cell is not None else ""
    if cell is None or said and said != " ".join(text_of(label).split()).strip(_PUNCTUATION):
        return ""
    after = cell.getnext()
    return lines_of(after) if after is not None and after.tag in ("td", "th") else ""


def _labelled(kind: str, value: str) -> list[Candidate]:
    """Return the candidate a "Label: value" line of this kind gives."""
    if not value:
        return []
    if kind == "type":
        first = value.split("\n")[0].strip()
        return [Candidate("type", first, "html:label")] if first else []
    if kind == "authors":
        return [Candidate("authors", [value], "html:label")]
    # One item an element ("<a>Mediation, Negotiation & Dialogue</a>"), else a written list.
    lines = [t.strip() for t in value.split("\n") if t.strip()]
    items = lines if len(lines) > 1 else [
        t.strip() for t in re.split(r"[,;:|·•、，；،]", value) if t.strip()]
    return [Candidate("topics", items[:30], "html:label")] if items else []


_MAX_KICKERS = 3
_CAPTION_TAGS = frozenset({"span", "p", "div", "small", "strong", "em", "h2", "h3", "h4", "h5",
                           "h6", "header"})


def _kicker(page: Page) -> list[Candidate]:
    """Return the kickers/eyebrows/type labels near the headline as type candidates, first
    first: a topic's kicker may come before the type's ("Maritime Security", "Blog Post"),
    and only a kicker the vocabulary knows becomes the type."""
    near = page.near_set
    found: list[Candidate] = []
    for el, words, flags in page.named:
        if flags & KICKER and el in near and el.tag not in ("a", "h1") \
                and not (found and page.is_foreign(el)) and not _is_control(el, words):
            text = " ".join(text_of(el).split())
            if 0 < len(text) < 60 and all(c.value != text for c in found):
                found.append(Candidate("type", text, "html:kicker"))
                if len(found) == _MAX_KICKERS:
                    break
    caption = _over_headline(page)
    if caption and all(c.value != caption for c in found):
        found.append(Candidate("type", caption, "html:kicker"))
    return found


def _over_headline(page: Page) -> str | None:
    """Return the short plain text set right over the headline, a kicker whatever its class
    (GOV.UK's "<span class=govuk-caption-xl>Policy paper</span><h1>"): as any kicker, it
    becomes the type only when the vocabulary knows it."""
    h1 = page.h1
    before = h1.getprevious() if h1 is not None else None
    if before is None or before.tag not in _CAPTION_TAGS or before.find(".//a") is not None:
        return None
    text = " ".join(text_of(before).split())
    return text if 0 < len(text) <= _MAX_LABEL else None


def _is_control(el: Element, words: str) -> bool:
    """Tell whether a label names a control ("<button><span class="btn__label">Comment"):
    a button's words are actions, never a type."""
    return "btn" in words or "button" in words \
        or any(node.tag == "button" for node in islice(el.iterancestors(), 3))


def _type_hrefs(page: Page) -> list[Candidate]:
    """Return the text of links next to the headline to the site's list of one type
    ("<a href="/publications?type=report">Report</a>"): it counts only when it maps."""
    found = []
    for a in page.near:
        if a.tag == "a" and _TYPE_HREF.search(a.get("href") or "") and not page.is_foreign(a):
            text = link_text(a)
            if 0 < len(text) <= _MAX_TYPE_LINK:
                found.append(Candidate("type", text, "html:type-href"))
    return found[:3]


def _breadcrumbs(page: Page) -> list[Candidate]:
    """Return breadcrumb items (last first, home excluded) as type candidates."""
    trails = [el for el, _, flags in page.named if flags & CRUMBS]
    trails += [el for el in page.structural if "readcrumb" in (el.get("aria-label") or "")]
    for trail in trails:
        items = [" ".join(text_of(a).split()) for a in trail.iter("a", "span", "li")
                 if a.tag == "a" or len(a) == 0]
        items = [i for i in items if i and i.lower() not in ("home", "start", "startseite")]
        if items:
            return [Candidate("type", item, "html:breadcrumb") for item in reversed(items[-3:])]
    return []


def _itemtype(page: Page) -> list[Candidate]:
    """Return the microdata type of the item that holds the headline."""
    h1 = page.h1
    if h1 is None:
        return []
    for el in h1.iterancestors():
        kind = el.get("itemtype")
        if kind:
            return [Candidate("type", kind.rstrip("/").rsplit("/", 1)[-1], "html:itemtype")]
    return []
