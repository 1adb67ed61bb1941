"""A parsed page seen by the extractors: head tags gathered once, regions found once."""

from __future__ import annotations

from functools import cached_property
from collections.abc import Mapping, Sequence
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from ..parse import Document
from .regions import Regions, following, preceding

_HEAD_TAGS = etree.XPath(
    "//meta|//link[@rel]|//title|//script[contains(translate(@type, 'LDJSON', 'ldjson'),"
    " 'ld+json')]"
)
_NAMED = etree.XPath("//body//*[@class or @id or @itemprop or @rel]")
_MAIN = etree.XPath("//article|//main|//*[@role='main']|//*[@itemprop='articleBody']")
_MAX_META = 5000
_NEAR_AFTER = 250
_NEAR_BEFORE = 40
_CLOSE_AFTER = 60
_CLOSE_BEFORE = 15


class Page:
    """One document with the lookups every extractor needs, each computed at most once."""

    def __init__(self, doc: Document,
                 rules: Mapping[str, Sequence[str]] | None = None) -> None:
        """Wrap a parsed document (and the source's site rules, if any)."""
        self.doc = doc
        self.root: HtmlElement = doc.root
        self.url = doc.url
        self.rules = rules or {}
        self.metas: list[tuple[str, str, HtmlElement]] = []
        self.links: list[tuple[str, str, HtmlElement]] = []
        self.scripts: list[str] = []
        self.titles: list[str] = []
        self._gather()

    def _gather(self) -> None:
        """Collect meta, link, title and JSON-LD script elements in one pass."""
        for el in _HEAD_TAGS(self.root):
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
                    self.links.append((el.get("rel", "").lower(), href.strip(), el))
            elif tag == "title":
                if el.getparent() is not None and el.getparent().tag in ("head", "html"):
                    self.titles.append(el.text_content())
            elif el.text:
                self.scripts.append(el.text)
        # Script, style and template text is never what a reader sees; dropping it once
        # keeps it out of every text the heuristics read (JSON-LD was read above).
        etree.strip_elements(self.root, "script", "style", "noscript", "template",
                             with_tail=False)

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
        """Return the declared title (og:title, else <title>) used to pick the headline."""
        return self.first_meta("og:title", "twitter:title") or (
            self.titles[0] if self.titles else None)

    @cached_property
    def regions(self) -> Regions:
        """Return the headline and foreign blocks of the page."""
        return Regions(self.root, self.title_hint)

    @cached_property
    def named(self) -> list[tuple[HtmlElement, str]]:
        """Return body elements with class/id/itemprop/rel, with those words lowercased."""
        found = []
        for el in _NAMED(self.root):
            if not isinstance(el.tag, str):
                continue
            words = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"),
                                           el.get("rel"))))
            found.append((el, words.lower()))
        return found

    @cached_property
    def main(self) -> HtmlElement:
        """Return the main content element: the <article>/<main> holding the headline, else body."""
        h1 = self.h1
        blocks = [el for el in _MAIN(self.root) if not self.is_foreign(el)]
        if h1 is not None:
            for el in h1.iterancestors():
                if el in blocks:
                    return el
        if blocks and h1 is None:
            return blocks[0]
        body = self.root.find("body")
        return body if body is not None else self.root

    @cached_property
    def near(self) -> list[HtmlElement]:
        """Return elements near the headline (after it, then just before it), not foreign."""
        return self.after + self.before

    @cached_property
    def after(self) -> list[HtmlElement]:
        """Return the headline and the elements that follow it (not foreign), nearest first."""
        start = self.h1 if self.h1 is not None else self.main
        return [el for el in (start, *following(start, _NEAR_AFTER))
                if not self.is_foreign(el)]

    @cached_property
    def before(self) -> list[HtmlElement]:
        """Return the elements just before the headline (not foreign), nearest first."""
        if self.h1 is None:
            return []
        return [el for el in preceding(self.h1, _NEAR_BEFORE) if not self.is_foreign(el)]

    def in_main(self, el: HtmlElement) -> bool:
        """Tell whether an element sits inside the main content (and outside foreign blocks)."""
        main = self.main
        if self.is_foreign(el):
            return False
        return main.tag in ("body", "html") or any(a is main for a in el.iterancestors())

    def is_close(self, el: HtmlElement) -> bool:
        """Tell whether an element is right by the headline (where a dateline sits)."""
        return el in self._close

    @cached_property
    def _close(self) -> set[HtmlElement]:
        """Return the few elements around the headline where bylines and datelines sit."""
        return set(self.after[:_CLOSE_AFTER]) | set(self.before[:_CLOSE_BEFORE])

    @property
    def h1(self) -> HtmlElement | None:
        """Return the page's headline element, if any."""
        return self.regions.h1

    def is_foreign(self, el: HtmlElement) -> bool:
        """Tell whether an element describes other content (related cards, nav, comments)."""
        return self.regions.is_foreign(el)

    def absolute(self, href: str | None) -> str | None:
        """Return href resolved against the page URL (None when empty or not http/file)."""
        if not href:
            return None
        href = href.strip()
        if href.startswith(("javascript:", "mailto:", "data:", "#", "tel:")):
            return None
        try:
            return urljoin(self.url, href) if self.url else href
        except ValueError:
            return None

    @cached_property
    def dayfirst(self) -> bool | None:
        """Return whether numeric dates read day first (all but US English), if known."""
        lang = (self.lang or self.first_meta("og:locale", "content-language") or "").lower()
        if not lang:
            return None
        return not (lang.startswith("en") and lang[3:5] in ("", "us"))

    @cached_property
    def lang(self) -> str | None:
        """Return the <html lang> (or xml:lang) attribute, if any."""
        return self.root.get("lang") or self.root.get(
            "{http://www.w3.org/XML/1998/namespace}lang")
