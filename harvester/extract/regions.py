"""Where the page's own metadata lives: the headline, and the blocks that describe others.

Related-items cards, "More from" lists, sidebars, navigation, footers and
comments describe *other* publications; their authors, dates and types must
never reach the page's record. They are found by general structure, never by
site: structural tags and roles, common class names, containers whose heading
says "Related"/"More"/"Latest", and repeated card-like siblings that each
carry their own heading link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from ..text import fold

_STRUCTURAL = etree.XPath(
    "//nav|//aside|//footer|//form|//header|//dialog|//template|//noscript"
    "|//*[@role='navigation' or @role='complementary' or @role='contentinfo'"
    " or @role='search' or @role='banner' or @role='dialog']|//*[@hidden]"
)
_NAMED = etree.XPath("//body//*[@class or @id]")
_HEADINGS = etree.XPath("//h2|//h3|//h4|//h5|//h6|//*[@role='heading']")
_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5]"
    "[descendant::a[@href and not(starts-with(@href, '#'))]]"
)
_H1 = etree.XPath("//h1")
_H23 = etree.XPath("//h2|//h3")
_HEADLINE_CLASS = etree.XPath(
    "//*[contains(@class, 'headline') or contains(@class, 'entry-title') or "
    "contains(@class, 'post-title') or contains(@class, 'article-title')]"
)
_FOREIGN_CLASS = re.compile(
    r"(?<![a-z0-9])(?<!has-)(?<!with-)(?<!no-)(?<!show-)(?:related|relacionad|correlat|verwandt|recommend|empfehl|more-?(?:from|"
    r"stories|articles|news|in|on|like|by|to-read|reading|posts|content)|read-?(?:next|more|"
    r"also)|also-?read|up-?next|popular|trending|most-?(?:read|viewed|popular|shared|recent)|"
    r"sidebar|side-bar|sidebox|rail(?![a-z])|comments?(?![a-z])|disqus|respond(?![a-z])|"
    r"nav(?:bar|igation)?(?![a-z])|menu|breadcrumbs?|share(?![a-z])|sharing|social|newsletter|"
    r"promo(?:s|tion|box)?(?![a-z])|advert|ads?(?![a-z])|sponsor|widget|outbrain|taboola|"
    r"recirc|further-?reading|"
    r"you-?may|latest|teaser-?list|topstories|top-?stories|cookie|consent|modal|popup|"
    r"skip-link|site-?header|site-?footer|global-?(?:header|footer)|masthead|subscribe)",
    re.IGNORECASE)
_FOREIGN_HEADING = re.compile(
    r"^\W*(?:related(?!\s+(?:topics?|tags?|subjects?|issues?|issue areas?|themes?|keywords|"
    r"regions?|countries|areas|terms|content types?)\W*$)|more\b|recommended|latest|popular|"
    r"most (?:read|popular|viewed|shared)|upcoming|past events|other events|"
    r"see also|read (?:more|next|also)|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
    r"further reading|trending|also (?:on|in|read)|other (?:publications|stories|articles|news)|"
    r"up next|what to read next|explore more|top stories|editor'?s picks|in (?:this|the) series|"
    r"recent (?:posts|articles|publications|stories)|keep reading|comments?\b|leave a (?:reply|"
    r"comment)|mehr zum thema|das könnte|weitere|lesen sie auch|lire aussi|à lire aussi|"
    r"sur le même sujet|leer más|te puede interesar|lee también|artículos relacionados|"
    r"articoli correlati|leggi anche|notícias relacionadas|leia também|gerelateerd|"
    r"lees ook|relaterade|relaterte|relaterede|похожие|читайте также)",
    re.IGNORECASE)
_ARTICLE_TAGS = {"article", "main"}


class Regions:
    """The headline element and the set of subtrees that belong to other content."""

    def __init__(self, root: HtmlElement, title_hint: str | None = None) -> None:
        """Find the headline and the foreign blocks of a parsed page."""
        self.root = root
        self.h1 = _pick_h1(root, title_hint)
        self._h1_path = set(self.h1.iterancestors()) if self.h1 is not None else set()
        self._h1_path.add(self.h1)
        self.foreign: set[HtmlElement] = set()
        self._mark_structural()
        self._mark_named()
        self._mark_headed()
        self._mark_listings()
        self._verdict: dict[HtmlElement, bool] = {}

    def is_foreign(self, el: HtmlElement) -> bool:
        """Tell whether an element sits inside a block that describes other content."""
        chain = []
        verdict = False
        node: HtmlElement | None = el
        while node is not None:
            if node in self._verdict:
                verdict = self._verdict[node]
                break
            if node in self.foreign:
                verdict = True
                break
            chain.append(node)
            node = node.getparent()
        for seen in chain:
            self._verdict[seen] = verdict
        return verdict

    def _add(self, el: HtmlElement) -> None:
        """Mark a block foreign unless it holds the headline (then it is the page itself)."""
        if el not in self._h1_path:
            self.foreign.add(el)

    def _mark_structural(self) -> None:
        """Mark nav, aside, footers, forms and site headers that are not the article's own."""
        for el in _STRUCTURAL(self.root):
            tag = el.tag
            if tag in ("footer", "aside") and _inside_article(el):
                continue
            if tag == "header" and (_inside_article(el) or el in self._h1_path):
                continue
            self._add(el)

    def _mark_named(self) -> None:
        """Mark elements whose class or id names a related/sidebar/comment/nav block."""
        for el in _NAMED(self.root):
            if el.tag in ("body", "html", "h1", "time", "a", "span", "meta", "img"):
                continue
            names = f"{el.get('class', '')} {el.get('id', '')}"
            if _FOREIGN_CLASS.search(names) and not _mentions_article(names) \
                    and next(el.iter("article", "main"), None) is None:
                self._add(el)

    def _mark_headed(self) -> None:
        """Mark containers introduced by a heading such as "Related" or "More from"."""
        for heading in _HEADINGS(self.root):
            text = heading.text_content()
            if len(text) > 80 or not _FOREIGN_HEADING.match(text.strip()):
                continue
            block = heading.getparent()
            while block is not None and len(block) < 2 and block.getparent() is not None:
                block = block.getparent()
            if block is None or block in self._h1_path:
                self._mark_following(heading)
            else:
                self._add(block)

    def _mark_following(self, heading: HtmlElement) -> None:
        """Mark what follows a "Related" heading when its container also holds the page."""
        for sibling in heading.itersiblings():
            if sibling.tag in ("h2", "h3") and sibling is not heading:
                break
            self._add(sibling)

    def _mark_listings(self) -> None:
        """Mark containers of three or more card-like children, each with one heading link."""
        for parent in listing_containers(self.root):
            self._add(parent)


def listing_containers(root: HtmlElement) -> list[HtmlElement]:
    """Return elements whose children repeat a card: one heading link each, three or more."""
    cards: dict[HtmlElement, dict[HtmlElement, int]] = {}
    for heading in _LINKED_HEADINGS(root):
        child = heading
        for parent in heading.iterancestors():
            per_child = cards.setdefault(parent, {})
            per_child[child] = per_child.get(child, 0) + 1
            if parent.tag in ("body", "article", "main"):
                break
            child = parent
    found = []
    for parent, per_child in cards.items():
        singles = sum(1 for n in per_child.values() if n == 1)
        if singles >= 3 and singles * 2 >= len(per_child) and not _holds_h1(parent):
            found.append(parent)
    # Keep the deepest containers: an ancestor of a listing is not itself one.
    found_set = set(found)
    return [p for p in found if not any(a in found_set for a in p.iterancestors())]


def _holds_h1(el: HtmlElement) -> bool:
    """Tell whether an element contains an <h1> (then it is a page, not a card list)."""
    return next(el.iter("h1"), None) is not None


def _inside_article(el: HtmlElement) -> bool:
    """Tell whether an element sits inside an <article> or <main>."""
    return any(a.tag in _ARTICLE_TAGS for a in el.iterancestors())


def _mentions_article(names: str) -> bool:
    """Tell whether class/id words say this is the article itself ("article-content")."""
    low = names.lower()
    return any(w in low for w in ("article-body", "article-content", "post-content",
                                  "entry-content", "main-content", "story-body"))


def _pick_h1(root: HtmlElement, title_hint: str | None) -> HtmlElement | None:
    """Return the page's headline: the <h1> (or, failing that, <h2>/<h3>) matching the declared
    title, else the first <h1> outside navigation, else a headline-classed element."""
    heads = [h for h in _H1(root) if h.text_content().strip()]
    hint = fold(title_hint) if title_hint else ""
    if hint:
        for h in heads:
            if _matches(fold(h.text_content()), hint):
                return h
        for h in _H23(root):
            if _matches(fold(h.text_content()), hint):
                return h
    for h in heads:
        if not any(a.tag in ("nav", "footer", "aside", "header") for a in h.iterancestors()):
            return h
    if heads:
        return heads[0]
    return next(iter(_HEADLINE_CLASS(root)), None)


def _matches(text: str, hint: str) -> bool:
    """Tell whether a heading's text is the declared title (or most of it)."""
    if not text:
        return False
    if text == hint:
        return True
    short, long = (text, hint) if len(text) < len(hint) else (hint, text)
    return len(short) >= 0.4 * len(long) and len(short) >= 10 and short in long


def following(start: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """Yield up to `limit` elements after `start` in document order (its own subtree first)."""
    count = 0
    node: HtmlElement | None = start
    for el in start.iterdescendants():
        yield el
        count += 1
        if count >= limit:
            return
    while node is not None:
        for sibling in node.itersiblings():
            for el in sibling.iter():
                if not isinstance(el.tag, str):
                    continue
                yield el
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def preceding(start: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """Yield up to `limit` elements before `start`, nearest first (siblings, then up)."""
    count = 0
    node: HtmlElement | None = start
    while node is not None and node.tag != "body":
        for sibling in node.itersiblings(preceding=True):
            for el in sibling.iter():
                if not isinstance(el.tag, str):
                    continue
                yield el
                count += 1
                if count >= limit:
                    return
        node = node.getparent()
