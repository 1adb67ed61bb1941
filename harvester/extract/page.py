"""A parsed page seen by the extractors: one pass over the tree gathers what they all need.

The pass collects head tags (meta, link, title, JSON-LD scripts), headings,
links, structural blocks and every element with a class, id, itemprop or rel
(classified once per distinct class string), so that no extractor has to scan
the whole tree again. Works with lxml.html and plain lxml.etree trees alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from itertools import islice
import re
from urllib.parse import urljoin


from ..languages import guess_language
from ..parse import Document
from .classes import SEEN, learn
from .regions import Regions, following, preceding
from .tree import Element, text_of

_STRUCTURAL = {"nav", "aside", "footer", "form", "header", "dialog", "template", "noscript"}
# Tag -> the list of Page it goes to (head tags are read by Page._head instead).
_KINDS = {"a": "anchors", "h1": "h1s", "h2": "headings", "h3": "headings", "h4": "headings",
          "h5": "headings", "h6": "headings", "article": "mains", "main": "mains",
          "time": "times", **dict.fromkeys(_STRUCTURAL, "structural")}
_HEAD_TAGS = ("meta", "link", "title", "script")
_ROLES = {"navigation", "complementary", "contentinfo", "search", "banner", "dialog"}
_WORD_ATTRS = frozenset({"class", "id", "itemprop", "rel"})
# Domains only American bodies hold: their pages write numeric dates month first.
_US_HOST = re.compile(r"(?i)^[a-z]+://[^/?#]*\.(?:edu|gov|mil|us)(?::\d+)?(?:[/?#]|$)")
_DATE_ATTRS = frozenset({"datetime", "title", "content"})
# Tags whose class/id can mark a block, a byline, a label or a tag list (icons, images,
# form controls, list items and table cells never decide anything on their own).
_WORDY = {"div", "section", "span", "p", "ul", "ol", "nav", "aside", "footer", "header",
          "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "a", "time", "dl", "dd", "dt",
          "strong", "b", "em", "small", "address", "figure", "figcaption", "meta", "cite",
          "abbr", "blockquote", "table", "td", "li"}
# The body's elements that the index looks at (others are skipped in C by lxml).
_BODY_TAGS = tuple(sorted(_WORDY | set(_KINDS) | set(_HEAD_TAGS)))
_MAX_META = 5000
_LANGUAGE_PARAGRAPHS = 40
_NEAR_AFTER = 150
_NEAR_BEFORE = 40
_CLOSE_AFTER = 60
_CLOSE_BEFORE = 15


class Page:
    """One document with the lookups every extractor needs, each computed at most once."""

    def __init__(self, doc: Document,
                 rules: Mapping[str, Sequence[str]] | None = None) -> None:
        """Index a parsed document (and keep the source's site rules, if any)."""
        self.doc = doc
        self.root: Element = doc.root
        self.url = doc.url
        self.rules = rules or {}
        self.metas: list[tuple[str, str, Element]] = []
        self.links: list[tuple[str, str, Element]] = []
        self.scripts: list[str] = []
        # Other scripts are read only by the last-resort date search: their text (often
        # most of the page's bytes) is taken from them then.
        self._other_scripts: list[Element] = []
        self.titles: list[str] = []
        self.h1s: list[Element] = []
        self.h23: list[Element] = []
        self.headings: list[Element] = []
        self.anchors: list[Element] = []
        # Links with a rel attribute (rel=tag, rel=category, rel=author...), in page order.
        self.rel_anchors: list[Element] = []
        self.times: list[Element] = []
        self.structural: list[Element] = []
        self.mains: list[Element] = []
        # Elements whose class/id/itemprop/rel words carry a flag of .classes (byline, ...).
        self.named: list[tuple[Element, str, int]] = []
        # Body elements with a datetime, title or content attribute (dates may sit there).
        self.dated: list[Element] = []
        # Results of extractors' own whole-page queries, computed at most once.
        self.memo: dict[str, list[Element]] = {}
        self._index()

    def _index(self) -> None:
        """Walk the tree once, sorting elements into the lists above.

        Head tags are read wherever they are (JSON-LD scripts, a <title> pushed into the
        body); the body's are read in the same walk as its blocks.
        """
        root = self.root
        body = root.find("body")
        if body is None:
            self._walk(root)
            return
        if root.tag in _HEAD_TAGS:
            self._head(root)
        for child in root:
            if child is body:
                self._walk(body)
            else:
                for el in child.iter(_HEAD_TAGS):
                    self._head(el)

    def _walk(self, top: Element) -> None:
        """Sort the elements of a subtree (itself included) into the lists above.

        This is the hot loop of extraction: lxml skips in C the tags no list wants, and
        each element costs a few attribute reads and memo lookups.
        """
        # Tag -> what takes its elements: a list's append, or the head tag reader.
        adders = {tag: getattr(self, kind).append for tag, kind in _KINDS.items()}
        adders.update(dict.fromkeys(_HEAD_TAGS, self._head))
        wordy, seen, h23, named, mains, dated, rels = (
            _WORDY, SEEN, self.h23, self.named, self.mains, self.dated, self.rel_anchors)
        for el in top.iter(_BODY_TAGS):
            tag = el.tag
            add = adders.get(tag)
            if add is not None:
                add(el)
                if tag == "h2" or tag == "h3":
                    h23.append(el)
                elif tag not in wordy:
                    continue
            # Attribute names first: reading values costs more, and most are never needed.
            names = el.keys()
            if not names:
                continue
            flags = 0
            role = words = None
            is_dated = False
            for key in names:
                if key in _WORD_ATTRS:
                    value = el.get(key)
                    if value:
                        known = seen.get(value)
                        flags |= learn(value) if known is None else known
                        words = value if words is None else f"{words} {value}"
                        if key == "rel" and tag == "a":
                            rels.append(el)
                elif key == "role":
                    role = el.get(key)
                elif key in _DATE_ATTRS:
                    is_dated = True
            if role:
                self._role(el, role)
            if is_dated:
                dated.append(el)
            if flags:
                words = words.lower()
                named.append((el, words, flags))
                if "articlebody" in words and el.get("itemprop"):
                    mains.append(el)

    def _role(self, el: Element, role: str) -> None:
        """Record an element by its ARIA role (navigation, main, heading...)."""
        if role in _ROLES:
            self.structural.append(el)
        elif role == "main":
            self.mains.append(el)
        elif role == "heading":
            self.headings.append(el)

    def _head(self, el: Element) -> None:
        """Record a meta, link, title or JSON-LD script element."""
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") \
                or el.get("http-equiv")
            value = el.get("content")
            if value is None:
                value = el.get("value") or el.get("datetime")
            if key and value and value.strip():
                self.metas.append((key.strip().lower(), value[:_MAX_META], el))
        elif tag == "link":
            href = el.get("href")
            if href and href.strip():
                self.links.append(((el.get("rel") or "").lower(), href.strip(), el))
        elif tag == "title":
            parent = el.getparent()
            # Not an SVG's <title> (a tooltip); the page's own may be pushed into <body>.
            if parent is not None and parent.tag in ("head", "html", "body"):
                self.titles.append(text_of(el))
        elif "ld+json" in (el.get("type") or "").lower():
            if el.text:
                self.scripts.append(el.text)
        else:
            self._other_scripts.append(el)

    @cached_property
    def other_scripts(self) -> list[str]:
        """Return the text of every script but JSON-LD (scripts without text left out)."""
        return [el.text for el in self._other_scripts if el.text]

    def meta(self, *keys: str) -> list[tuple[str, str]]:
        """Return (key, content) for every meta tag with one of these keys, in page order."""
        wanted = set(keys)
        return [(k, v) for k, v, _ in self.metas if k in wanted]

    def first_meta(self, *keys: str) -> str | None:
        """Return the content of the first meta tag among these keys (in the keys' order)."""
        for key in keys:
            for k, v, _ in self.metas:
                if k == key:
                    return v
        return None

    @cached_property
    def title_hint(self) -> str | None:
        """Return the declared title (og:title, a scholarly or Dublin Core title, else
        <title>) used to pick the headline."""
        return self.first_meta("og:title", "twitter:title", "citation_title", "dc.title",
                               "dcterms.title") or (self.titles[0] if self.titles else None)

    @cached_property
    def regions(self) -> Regions:
        """Return the headline and foreign blocks of the page."""
        return Regions(self)

    @cached_property
    def main(self) -> Element:
        """Return the main content element: the <article>/<main> holding the headline, else body."""
        h1 = self.h1
        foreign = self.regions.is_foreign
        blocks = [el for el in self.mains if not foreign(el)]
        if h1 is not None:
            ancestors = set(h1.iterancestors())
            for el in reversed(blocks):
                if el in ancestors:
                    return el
        if blocks and h1 is None:
            return blocks[0]
        body = self.root.find("body")
        return body if body is not None else self.root

    @cached_property
    def near(self) -> list[Element]:
        """Return elements near the headline (after it, then just before it), not foreign."""
        return self.after + self.before

    @cached_property
    def after(self) -> list[Element]:
        """Return the headline and the elements that follow it (not foreign), nearest first."""
        start = self.h1 if self.h1 is not None else self.main
        foreign = self.regions.is_foreign
        return [el for el in (start, *following(start, _NEAR_AFTER)) if not foreign(el)]

    @cached_property
    def before(self) -> list[Element]:
        """Return the elements just before the headline (not foreign), nearest first."""
        if self.h1 is None:
            return []
        foreign = self.regions.is_foreign
        return [el for el in preceding(self.h1, _NEAR_BEFORE) if not foreign(el)]

    @cached_property
    def near_set(self) -> set[Element]:
        """Return the elements near the headline, as a set."""
        return set(self.near)

    def in_main(self, el: Element) -> bool:
        """Tell whether an element sits inside the main content (and outside foreign blocks)."""
        # Containment first: it is cheaper than the foreign test. Few elements are asked
        # about, so their ancestors are walked rather than the main content collected.
        main = self._main_block
        if main is not None and not any(a is main for a in el.iterancestors()):
            return False
        return not self.regions.is_foreign(el)

    @cached_property
    def _main_block(self) -> Element | None:
        """Return the main content element (None when it is the whole body)."""
        main = self.main
        return None if main.tag in ("body", "html") else main

    @cached_property
    def main_anchors(self) -> list[Element]:
        """Return the links inside the main content (every link when it is the whole body)."""
        main = self._main_block
        return self.anchors if main is None else list(main.iterdescendants("a"))

    def is_close(self, el: Element) -> bool:
        """Tell whether an element is right by the headline (where a dateline sits)."""
        return el in self._close

    @cached_property
    def _close(self) -> set[Element]:
        """Return the few elements around the headline where bylines and datelines sit."""
        return set(self.after[:_CLOSE_AFTER]) | set(self.before[:_CLOSE_BEFORE])

    @cached_property
    def h1(self) -> Element | None:
        """Return the page's headline element, if any (asked in every extractor's loops)."""
        return self.regions.h1

    def is_foreign(self, el: Element) -> bool:
        """Tell whether an element describes other content (related cards, nav, comments)."""
        return self.regions.is_foreign(el)

    def absolute(self, href: str | None) -> str | None:
        """Return href resolved against the page URL (None when empty or not a link)."""
        if not href:
            return None
        href = href.strip()
        if href.startswith(("javascript:", "mailto:", "data:", "#", "tel:")):
            return None
        try:
            return urljoin(self.base, href) if self.base else href
        except ValueError:
            return None

    @cached_property
    def base(self) -> str | None:
        """Return the URL relative links resolve against: the page's `<base href>` (itself
        resolved against the page URL), else the page URL."""
        element = self.root.find(".//base[@href]")
        href = (element.get("href") or "").strip() if element is not None else ""
        if not href or not self.url:
            return self.url
        try:
            base = urljoin(self.url, href)
        except ValueError:
            return self.url
        return base if base.startswith(("http://", "https://")) else self.url

    @cached_property
    def dayfirst(self) -> bool | None:
        """Return whether numeric dates read day first (all but US English), if known: from
        the declared language, else from the language the page's text is written in;
        English of no country is not known (its separator decides)."""
        lang = (self.lang or self.first_meta("og:locale", "content-language")
                or self.text_language or "").lower()
        if not lang:
            return None
        if lang.startswith("en") and lang[3:5] in ("", "us"):
            # US English reads "03/04" month first; English of no country says nothing of
            # "06-03-2024" (an EU page's), which reads as its separator says, unless the
            # site is American by its domain (a university's ".edu", a ".gov" agency).
            return False if lang[3:5] == "us" or _US_HOST.search(self.url or "") else None
        return True

    @cached_property
    def text_language(self) -> str | None:
        """Return the language the headline and the first paragraphs are written in."""
        parts = [text_of(self.h1)] if self.h1 is not None else []
        parts += [text_of(p) for p in islice(self.main.iter("p"), _LANGUAGE_PARAGRAPHS)]
        return guess_language(" ".join(parts))

    @cached_property
    def lang(self) -> str | None:
        """Return the <html lang> (or xml:lang) attribute, if any."""
        return self.root.get("lang") or self.root.get(
            "{http://www.w3.org/XML/1998/namespace}lang")
