"""Topics from the links and lists that tag a page, and the categories that file it.

rel=tag links (those of a menu only when the page has no others), lists under a
"Topics"/"Tags" heading or in a tag-list class (with the facets that follow a first
heading), links to the site's tag and topic pages, and category links (a category may
name the type, else it is a topic). Only blocks outside related cards, sidebars and
navigation count. Runs right after `labels`, so each field's candidates keep their order.
"""

from __future__ import annotations

import re
from itertools import islice

from ..record import Candidate
from .classes import CATEGORY, TAGS
from .labels import is_topic_heading
from .page import Page
from .tree import Element, link_text, text_of

_DIGIT = re.compile(r"\d")
_MAX_CATEGORY = 40  # characters of a category written without a link
_MAX_TAG_WORDS = 6
_MAX_MENU_TAGS = 15
_LIST_SPLIT = re.compile(r"\s*[,;|·•、，；،]\s*")
_TAGS_LABEL = re.compile(r"^[^:：]{1,25}[:：]\s*")
_BLOCK_TAGS = {"p", "div", "section", "footer", "aside", "nav", "table", "form", "hr"}
# Path segments that name a site's category (section) pages: these are not tags.
_CATEGORY_SEGMENTS = {"category", "categories", "kategorie", "kategorien", "categoria",
                      "categorie", "rubrik", "rubriken", "categorias"}
# Path segments that name a site's tag or topic pages (/tag/x/, /topics/y).
_TAG_SEGMENTS = {"tag", "tags", "topic", "topics", "themen", "thema", "schlagwörter",
                 "schlagworter", "schlagwort", "keyword", "keywords", "subject", "subjects",
                 "stichwörter", "stichworter", "etiqueta", "etiquetas", "tema", "temas", "sujet",
                 "sujets", "mots-cles", "argomenti", "onderwerp", "onderwerpen",
                 "thematiques", "thematique", "amnen", "emner", "aiheet", "tematy", "konular",
                 "etiketler", "temi"}
_FACET_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "dt")
_MAX_FACETS = 6
_CALL = re.compile(r"(?i)^(?:view|see|show|browse|explore|read|more|all)\b")


def extract(page: Page) -> list[Candidate]:
    """Return topic candidates from tags, topic lists and categories (which may type)."""
    found: list[Candidate] = []
    for part in (_categories, _tag_links, _topic_lists, _tag_hrefs):
        found += part(page)
    return found or _sidebar_topics(page) or _tag_links_after_text(page)


def _sidebar_topics(page: Page) -> list[Candidate]:
    """Return the links a "Topic"/"Tags"/"Region" heading in a sidebar lists, for a page that
    shows its topics nowhere else (a report page's side column); never those of a menu,
    header or footer (a form wrapping the whole page, as ASP.NET's, holds the headline: it is
    the page itself)."""
    found: list[str] = []
    page_itself = {a for h1 in page.h1s[:1] for a in h1.iterancestors()}
    menus = {block for block in page.structural
             if block.tag != "aside" and block not in page_itself}
    for heading in page.headings:
        if len(heading) or not heading.text or not is_topic_heading(heading.text) \
                or any(a in menus for a in heading.iterancestors()):
            continue
        # A term's "View related insights" button is no term.
        links = [t for t in _links_after(heading, wrapped=True) if t and not _CALL.match(t)]
        if 0 < len(links) <= _MAX_FACETS * 2:
            found += links
    return [Candidate("topics", found[:_MAX_FACETS * 4], "html:sidebar-topics")] if found else []


def _tag_links_after_text(page: Page) -> list[Candidate]:
    """Return the tag links of one list after the main content, for a page showing its tags
    nowhere else (Medium's "/tag/…" pills under the story, outside its <article>); never a
    menu's, sidebar's, footer's or a foreign block's, nor a long cloud's."""
    main = page.main
    if main.tag in ("body", "html"):
        return []
    following: set[Element] = set()
    node: Element | None = main
    while node is not None:  # what comes after the main content in the document
        following.update(node.itersiblings())
        node = node.getparent()
    # The page's links are in document order: those after the main content's last one.
    inner = list(main.iter("a"))
    anchors = page.anchors
    start = anchors.index(inner[-1]) + 1 if inner and inner[-1] in anchors else 0
    after = [a for a in anchors[start:] if _is_tag_href(a.get("href"))
             and any(x in following for x in (a, *a.iterancestors()))
             and not page.is_foreign(a)]
    lists = {a.getparent().getparent() for a in after if a.getparent() is not None}
    if not 0 < len(after) <= _MAX_FACETS * 2 or len(lists) != 1:
        return []
    texts = list(dict.fromkeys(t for t in (link_text(a) for a in after) if t))
    return [Candidate("topics", texts, "html:tag-href-after")] if texts else []


def _categories(page: Page) -> list[Candidate]:
    """Return category links: a category may name the type (or else be a topic)."""
    links = []
    for el in page.rel_anchors:
        rel = (el.get("rel") or "").split()
        if ("category" in rel or "tag" in rel and _is_category_href(el.get("href"))) \
                and not page.is_foreign(el):
            links.append(" ".join(text_of(el).split()))
    for el, _, flags in page.named:
        if flags & CATEGORY and el.tag != "a" and page.in_main(el):
            # A category written without a link ("<span class=cat>Interviews</span>") too.
            links += _tag_texts(el) or ([" ".join(text_of(el).split())]
                                        if not len(el) and len(text_of(el)) < _MAX_CATEGORY else [])
    found = [Candidate("type", text, "html:category") for text in links[:5] if text]
    if links:
        found.append(Candidate("topics", links[:20], "html:category"))
    return found


def _tag_links(page: Page) -> list[Candidate]:
    """Return rel=tag links (one link is one label, commas and all); those of a menu or a
    footer only when the page has no others and they sit in one short list (a static
    site's "Tags" menu names the page's own tags)."""
    # Some themes mark category links rel=tag too: their /category/ address tells them apart.
    links = [el for el in page.rel_anchors if "tag" in (el.get("rel") or "").split()
             and "category" not in (el.get("rel") or "").split()
             and not _is_category_href(el.get("href"))]
    tags = [" ".join(text_of(el).split()) for el in links if not page.is_foreign(el)]
    if tags:
        return [Candidate("topics", tags[:50], "html:rel-tag")]
    lists = {el.getparent().getparent() for el in links if el.getparent() is not None}
    if links and len(lists) == 1 and len(links) <= _MAX_MENU_TAGS:
        return [Candidate("topics", [" ".join(text_of(el).split()) for el in links],
                          "html:rel-tag-menu")]
    return []


def _tag_hrefs(page: Page) -> list[Candidate]:
    """Return links to the site's tag or topic pages (/tag/x/, /topics/y) in the main content."""
    texts = []
    for a in page.main_anchors:
        if _is_tag_href(a.get("href")) and page.in_main(a):
            texts.append(link_text(a))
    texts = list(dict.fromkeys(t for t in texts if t))
    return [Candidate("topics", texts[:30], "html:tag-href")] if texts else []


def _is_tag_href(href: str | None) -> bool:
    """Tell whether a link points to a tag or topic page (its last-but-one path segment)."""
    return href is not None and _TAG_HREF.search(href) is not None


def _is_category_href(href: str | None) -> bool:
    """Tell whether a link points to a category (section) page (/category/x/)."""
    return href is not None and _CATEGORY_HREF.search(href) is not None


def _folder_href(folders: frozenset[str] | set[str]) -> re.Pattern[str]:
    """Return a pattern for a link whose last-but-one path segment is one of `folders`."""
    names = "|".join(re.escape(f) for f in sorted(folders, key=len, reverse=True))
    return re.compile(rf"(?i)/(?:{names})/[^/?#]+/*(?:[?#]|$)")


def _topic_lists(page: Page) -> list[Candidate]:
    """Return link lists introduced by a "Topics"/"Related Topics" heading or a tags class."""
    found = []
    for el in page.near:
        if el.tail and ":" in el.tail and is_topic_heading(el.tail):
            links = _links_after(el)
            if links:
                found.append(Candidate("topics", links, "html:topic-list"))
                break
        if el.tag in ("h2", "h3", "h4", "h5", "h6", "dt", "strong", "span", "div", "p") \
                and el.text and len(el) == 0 and is_topic_heading(el.text):
            links = _links_after(el)
            if 0 < len(links) <= 40:
                links += _facet_links(el)
                found.append(Candidate("topics", links[:40], "html:topic-list"))
                break
    for el, words, flags in page.named:
        if not flags & TAGS or el.tag in ("a", "body", "html", "article", "main"):
            continue
        if "related" in words and not any(_is_tag_href(a.get("href")) for a in el.iter("a")):
            continue  # "Related: <a href=/news/technology>": a section, not the page's topics
        if page.in_main(el) or _in_own_related_block(page, el):
            links = _tag_texts(el)
            if 0 < len(links) <= 40:
                found.append(Candidate("topics", links, "html:tag-list"))
                break
    return found


def _in_own_related_block(page: Page, el: Element) -> bool:
    """Tell whether a tag list sits in the article's own "related" block (TYPO3 news'
    "news-related-wrap" holds its tags beside its related links), inside the main content
    and in no sidebar, menu or footer: the article's tags, unlike a sidebar's cloud."""
    main = page.main
    if main.tag in ("body", "html"):
        return False
    foreign = page.regions.foreign
    for block in el.iterancestors():
        if block is main:
            return True
        if block in foreign and ("related" not in (block.get("class") or "")
                                 or block.tag in ("aside", "nav", "footer", "header")):
            return False
    return False


def _facet_links(heading: Element) -> list[str]:
    """Return the links under the topic headings that follow a first one, beside it or in
    its parent's next blocks (a report's "Region / Country", "Topic" and "Themes" facets, each
    a heading and its list), up to a heading of something else (past a definition list's
    other rows)."""
    parent = heading.getparent()
    later = list(islice(heading.itersiblings(*_FACET_HEADINGS), _MAX_FACETS))
    blocks = parent.itersiblings() if parent is not None else iter(())
    for block in islice(blocks, _MAX_FACETS):  # the next few blocks, not the whole page
        if len(later) >= _MAX_FACETS:
            break
        later += [block] if block.tag in _FACET_HEADINGS else \
            [el for el in block if el.tag in _FACET_HEADINGS]
    links: list[str] = []
    for el in later[:_MAX_FACETS]:
        if not el.text or len(el) or not is_topic_heading(el.text):
            if el.tag == "dt":
                continue  # a metadata list's other rows ("Source", "Format") between facets
            break
        links += _links_after(el)
    return links


def _tag_texts(container: Element) -> list[str]:
    """Return the link texts of a tag/category list (its items when it has no links), or []
    when it reads like prose."""
    texts = [link_text(a) for a in container.iter("a")] or _plain_tags(container)
    texts = [t for t in texts if t]
    long = sum(1 for t in texts if len(t.split()) > _MAX_TAG_WORDS or _DIGIT.search(t) is not None
               and len(t) > 8)
    return [] if not texts or long * 3 > len(texts) else texts


def _plain_tags(container: Element) -> list[str]:
    """Return the items of a tag list written without links: its innermost items
    ("<li>A</li><li>B</li>"), the elements of its class beside it ("<span class=tag>A</span>
    <span class=tag>B</span>"), or its text split at commas; a "Tags" heading is dropped."""
    if len(container):
        items = [" ".join(text_of(el).split()) for el in container.iter()
                 if len(el) == 0 and el is not container]
    else:
        parent, name = container.getparent(), container.get("class")
        same = [el for el in parent if el.get("class") == name and len(el) == 0] \
            if parent is not None and name else [container]
        items = [" ".join(text_of(el).split()) for el in same]
        if len(items) == 1:
            items = _LIST_SPLIT.split(_TAGS_LABEL.sub("", items[0]))
    items = [i for i in items if i and not is_topic_heading(i)]
    # One text alone is a kicker or a note in a tag-like box, not a list.
    return items if len(items) >= 2 else []


def _links_after(heading: Element, wrapped: bool = False) -> list[str]:
    """Return the link texts in the siblings that follow a heading, up to the next heading;
    with `wrapped`, a heading alone in its wrapper ("<div class=header><h2>Labels:</h2>
    </div>") is followed by the wrapper's siblings."""
    parent = heading.getparent()
    if wrapped and parent is not None and len(parent) == 1 and heading.getnext() is None \
            and not (parent.text or "").strip() and parent.tag not in ("body", "main", "article"):
        return _links_after(heading, False) or _links_after(parent, False)
    links = []
    for sibling in heading.itersiblings():
        if sibling.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "dt"):
            break
        if links and sibling.tag in _BLOCK_TAGS and sibling.find(".//a") is None:
            break
        links += [link_text(a) for a in sibling.iter("a")
                  if not _is_category_href(a.get("href"))]
    if not links and heading.tail and heading.tail.strip(" :"):
        return []
    return links

_TAG_HREF = _folder_href(_TAG_SEGMENTS)
_CATEGORY_HREF = _folder_href(_CATEGORY_SEGMENTS)
