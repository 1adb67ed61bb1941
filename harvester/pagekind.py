"""What a fetched page is: a publication, a listing, or something else.

The pipeline asks this before storing a page. The verdict weighs general
signals only, never a site's markup: JSON-LD and OpenGraph types, repeated
card blocks (`harvester.extract.cards`), how much text the page has of its own
outside its frame (`harvester.classify.boilerplate`), pagination, the URL's
shape (`harvester.urls`) and whether the extracted record is dated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain, islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .canonical import is_http_url
from .classify import LINKS, anchor_text, boilerplate, document_base, inside
from .extract.cardfind import find_cards
from .extract.classes import RELATED_TERMS
from .extract.jsonld import load as load_jsonld
from .extract.jsonld import types as jsonld_types
from .extract.tree import Element, text_of
from .dates import find_dates, local_day, parse_date, url_date
from .parse import Document
from .record import Record
from .text import word_count
from .urls import is_asset_url
from .urlshapes import is_content_like, navigation_reason

# Blocks of related publications, by class or heading, in the languages of publication sites.
_RELATED_CLASS = re.compile(r"related|recommend|more-?from|read-?next|also-?read|see-?also|"
                            r"further-?reading|you-?may|similar")
_RELATED_HEADING = re.compile(
    r"^\W*(?:related\b(?!\s+(?:topics?|tags?|subjects?|issues?|regions?|experts?)\W*$)|"
    r"recommended|more from|see also|further reading|read (?:next|also)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|other (?:publications|reports|articles)|"
    r"similar\b|weitere (?:beiträge|artikel|publikationen)|mehr zum thema|lesen sie auch|"
    r"à lire aussi|sur le même sujet|lire aussi|lee también|artículos relacionados|"
    r"publicaciones relacionadas|leggi anche|articoli correlati)", re.IGNORECASE)
_SUB_HEADINGS = ("h2", "h3", "h4", "h5")
_PAGE_BLOCKS = frozenset({"body", "html", "main", "article"})
_RELATED_DEPTH = 6
PUBLICATION, LISTING, OTHER = "publication", "listing", "other"
_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a[@href]]")
_JSONLD = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
_META = etree.XPath("//meta[@property or @name]")
_MICRODATA = etree.XPath("//*[@itemscope and @itemtype]")
_DATE_PROPS = etree.XPath("//*[@itemprop='datePublished']")
_NOT_TEXT = frozenset({"a", "script", "style", "noscript", "head", "button", "select",
                       "option", "textarea", "svg", "template"})
_LETTER = re.compile(r"[^\W\d_]")
_PAGER = etree.XPath(
    "//link[@rel='next' or @rel='prev']|//a[contains(concat(' ', @rel, ' '), ' next ')]"
    "|//*[contains(@class, 'pagination') or contains(@class, 'pager')]"
)
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "report", "scholarlyarticle", "podcastepisode",
    "opinionnewsarticle", "reportagenewsarticle", "analysisnewsarticle", "techarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "videoobject", "event",
    "episode", "book", "chapter", "thesis", "dataset", "legislation", "medicalscholarlyarticle",
})
_LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "blog"})
# Metadata giving an article's own publication date.
_DATE_METAS = ("article:published_time", "citation_publication_date", "citation_date",
               "dc.date.issued", "citation_online_date")
# Pages that are no publication whatever their text: a job ad, a product, a shop's offer.
_OTHER_TYPES = frozenset({"jobposting", "product", "productgroup", "offer", "aggregateoffer"})
_PRODUCTS = frozenset({"product", "productgroup"})
# A shop's button: the page sells something ("Add to cart"), a book's page links a shop.
_SHOP_BUTTON = re.compile(r"(?i)\b(?:add to (?:cart|basket|bag)|in den warenkorb|ajouter au "
                          r"panier|añadir al carrito|aggiungi al carrello)\b")
_TIMES = etree.XPath("//time")
# Elements a day's check reads at most (same-day times, siblings each way, cards), against
# pages of thousands.
_MAX_CHECKED = 30
_TIMES_IN = etree.XPath(".//time")
_BUTTONS = etree.XPath("//button|//input[@type='submit' or @type='button']")
# A job ad's parts, as headings or labels: two of them make one (JSON-LD aside).
_JOB_PART = re.compile(r"(?i)^\W*(?:responsibilities|key responsibilities|qualifications|"
                       r"required qualifications|requirements|how to apply|application "
                       r"deadline|closing date|ihre aufgaben|ihr profil|wir bieten|"
                       r"profil recherché|missions principales|requisitos|funciones)\W*$")
_LABELS = etree.XPath("//h2|//h3|//h4|//dt|//th|//strong")
# A soft 404's title or headline, in the languages of publication sites.
_NOT_FOUND = re.compile(
    r"(?i)^\W*(?:error\W*)?404\W*$|\b404\W*(?:error|not found)\b|\berror\W*404\b|"
    r"^\W*(?:page )?not found\W*$|^\W*nothing (?:was )?found\W*$|"
    r"\bpage (?:not found|cannot be found|can.t be found|could not be found|does ?n[o']t exist)|"
    r"\b(?:that|this) page can.?t be found|seite (?:wurde )?nicht gefunden|"
    r"page (?:introuvable|non trouvée)|página no encontrada|pagina non trovata|"
    r"página não encontrada|pagina niet gevonden")


@dataclass(frozen=True)
class PageKind:
    """The verdict on a fetched page: "publication", "listing" or "other", and why."""

    kind: str
    reason: str


def page_kind(doc: Document, record: Record | None = None) -> PageKind:
    """Tell whether a fetched page is a publication, a listing or another page.

    Args:
        doc: the parsed page.
        record: the record extracted from it, when there is one (dates, authors).

    Returns:
        The kind and a one-line reason for the run report.
    """
    s = _signals(doc, record)
    if s.url_reason == "pagination":
        return PageKind(LISTING, "the URL is a numbered page of a listing")
    if s.types & _LISTING_TYPES and not s.types & _ARTICLE_TYPES and not _listed_article(s):
        return PageKind(LISTING, "JSON-LD says " + ", ".join(sorted(s.types & _LISTING_TYPES)))
    if s.types & _OTHER_TYPES and not s.types & _ARTICLE_TYPES or s.types & _PRODUCTS:
        # A Product is a shop's page even when it is a Book too ("Add to cart").
        return PageKind(OTHER, "JSON-LD says " + ", ".join(sorted(s.types & _OTHER_TYPES)))
    if s.missing:
        return PageKind(OTHER, "an error page (its title says the page was not found)")
    if s.shop and not s.declared:
        return PageKind(OTHER, "a shop's page (add to cart)")
    if s.job and not s.declared:
        return PageKind(OTHER, "a job ad (its headings)")
    if s.dated and not s.url_reason and (s.dated_url or s.article and s.declared):
        # The page names its own day: an article with its publication date in metadata,
        # or a URL that files the page under a day ("/2024/05/04/slug"). A listing never
        # does; a short story beside many related cards still counts.
        why = "its URL files it under a day" if s.dated_url else f"marked as {s.article}"
        return PageKind(PUBLICATION, f"a dated article ({why})")
    if s.article and (s.dated or s.words >= 100) and not (s.cards >= 8 and s.words < 80) \
            and not (s.url_reason and not s.declared):
        # A site-wide og:type "article" (WordPress SEO plugins mark every page so) does not
        # make "/about-us/" or "/experts/jane-doe" one; a declared publication day does.
        return PageKind(PUBLICATION, f"marked as {s.article}")
    if "profilepage" in s.types or s.og_type == "profile":
        return PageKind(OTHER, "a profile page")
    if s.cards >= 5 and s.words < 150:
        return PageKind(LISTING, f"{s.cards} cards and little text of its own")
    if s.cards >= 3 and s.pager and s.words < 300:
        return PageKind(LISTING, f"{s.cards} cards and pagination")
    if s.url_reason and not (s.dated and s.words >= 150):
        kind = LISTING if s.cards >= 3 else OTHER
        return PageKind(kind, f"the URL looks like a {s.url_reason}")
    return _by_text(s)


def _listed_article(s: _Signals) -> bool:
    """Tell whether a page's JSON-LD ItemList is a list beside an article (the site's menu
    as SiteNavigationElements, a carousel of other stories): the page is marked as an
    article otherwise and is dated, by its metadata or beside a text of its own."""
    return s.types & _LISTING_TYPES == {"itemlist"} and bool(s.article) and s.dated \
        and (s.declared or s.words >= 150)


@dataclass(frozen=True)
class _Signals:
    """What page_kind weighs: types, cards, own text, pagination, URL and record hints."""

    types: frozenset[str]
    og_type: str
    article: str
    cards: int
    words: int
    items: int
    linked: int
    pager: bool
    url_reason: str | None
    dated: bool
    dated_url: bool
    declared: bool
    related_credited: bool
    shop: bool = False
    job: bool = False
    missing: bool = False


def _signals(doc: Document, record: Record | None) -> _Signals:
    """Gather the signals of a page once."""
    types, declared = _jsonld_types(doc.root)
    metas = {(m.get("property") or m.get("name") or "").lower(): m.get("content") or ""
             for m in _META(doc.root)}
    og_type = metas.get("og:type", "").strip().lower()
    article = ""
    if types & _ARTICLE_TYPES:
        article = "JSON-LD " + ", ".join(sorted(types & _ARTICLE_TYPES))
    elif og_type == "article" or "article:published_time" in metas or "citation_title" in metas:
        article = "an article by its meta tags"
    elif kind := _microdata_article(doc.root):
        article = f"microdata {kind}"
        declared = declared or bool(_DATE_PROPS(doc.root))
    boiler = boilerplate(doc.root)
    cards = [card for card, link in find_cards(doc.root)
             if word_count(anchor_text(link)) >= 3 and not inside(card, boiler)]
    # Cards under "Related Publications" describe other pages: like a menu, they are no
    # part of what the page is (a report's landing page beside its related reports).
    h1 = doc.root.find(".//h1")
    page = set(h1.iterancestors()) if h1 is not None else set()
    related = {block for card in cards if (block := _related_block(card, page)) is not None}
    if related:
        boiler = boiler | related
        cards = [card for card in cards if not inside(card, related)]
    words = _own_words(doc.root, boiler | set(cards))
    dated = record is not None and record.published is not None \
        and record.provenance.get("published") != "url" \
        and not _a_cards_day(record, cards) and not _a_repeated_day(doc.root, record)
    url_reason = navigation_reason(doc.url) if doc.url and is_http_url(doc.url) else None
    declared = declared or any(key in metas for key in _DATE_METAS)
    linked = sum(1 for h in _LINKED_HEADINGS(doc.root) if not inside(h, boiler))
    credited = record is not None and bool(record.authors or record.type or record.published)
    return _Signals(types, og_type, article, len(cards), words, _items(doc, boiler), linked,
                    bool(_PAGER(doc.root)), url_reason, dated,
                    _is_dated_url(doc.url), declared, bool(related) and credited,
                    any(_SHOP_BUTTON.search(text_of(b) or b.get("value") or "")
                        for b in _BUTTONS(doc.root)),
                    len({_JOB_PART.match(text_of(el)).group(0).lower().strip()
                         for el in _LABELS(doc.root) if _JOB_PART.match(text_of(el))}) >= 2,
                    _is_missing(doc, record))


def _is_missing(doc: Document, record: Record | None) -> bool:
    """Tell whether a page served with 200 says it is no page: "Page not found", "Error
    404", "Seite nicht gefunden" as its headline or its <title> (a soft 404)."""
    title = doc.root.find(".//title")
    h1 = doc.root.find(".//h1")
    texts = [record.title if record is not None else None,
             text_of(title) if title is not None else None, text_of(h1) if h1 is not None else None]
    return any(text and len(text) <= 120 and _NOT_FOUND.search(text) for text in texts)


def _a_cards_day(record: Record, cards: list[Element]) -> bool:
    """Tell whether the day the page's text gave it is one of its cards' (a profile's
    "Publications by Jane", a podcast show's newest episode), not its own. Metadata's day
    is the page's."""
    source = record.provenance.get("published", "")
    if record.published is None or not source.startswith("html:") or not cards:
        return False
    day = local_day(record.published)
    for card in cards[:_MAX_CHECKED]:
        for el in card.iter("time"):
            value = parse_date(el.get("datetime") or text_of(el))
            if value is not None and local_day(value) == day:
                return True
        if any(local_day(v) == day for v, _ in find_dates(text_of(card)[:300])):
            return True
    return False


def _a_repeated_day(root: Element, record: Record) -> bool:
    """Tell whether the day the page's text gave it is written in one of several like blocks
    that each show a day (a podcast show's episodes, a series' parts): an item's day, not
    the page's. Metadata's day is the page's."""
    source = record.provenance.get("published", "")
    if record.published is None or not source.startswith("html:"):
        return False
    day = local_day(record.published)
    same_day = (el for el in _TIMES(root)
                if (value := parse_date(el.get("datetime") or text_of(el))) is not None
                and local_day(value) == day)
    for el in islice(same_day, _MAX_CHECKED):
        for block in islice(el.iterancestors(), 4):
            near = chain(islice(block.itersiblings(), _MAX_CHECKED),
                         islice(block.itersiblings(preceding=True), _MAX_CHECKED))
            like = (b for b in near if b.tag == block.tag and b.get("class") == block.get("class")
                    and _TIMES_IN(b))
            if next(like, None) is not None and next(like, None) is not None:
                return True
    return False


def _items(doc: Document, boiler: set[Element]) -> int:
    """Return how many distinct same-site, item-shaped pages the content region links to."""
    base = document_base(doc)
    try:
        page = urlsplit(doc.url or "")
        host, own = page.hostname, page.path.rstrip("/")
    except ValueError:  # a page URL no parser accepts: its links are resolved against none
        base, host, own = "", None, ""
    targets = set()
    for anchor in LINKS(doc.root):
        try:
            url = urljoin(base, anchor.get("href", "").strip())
            parts = urlsplit(url)
        except ValueError:
            continue
        path = parts.path.rstrip("/")
        if parts.hostname == host and path != own and is_content_like(url) \
                and not is_asset_url(url) and not inside(anchor, boiler):
            targets.add((path, parts.query))
    return len(targets)


def _by_text(s: _Signals) -> PageKind:
    """Decide a page without type markers by its own text, date and cards."""
    if s.words >= 150 and s.dated:
        return PageKind(PUBLICATION, f"a dated text of {s.words} words")
    if s.words >= 300 or (s.words >= 150 and s.cards < 3):
        return PageKind(PUBLICATION, f"a text of {s.words} words")
    if s.dated and (s.words >= 40 and s.cards < 5 or s.words >= 25 and s.linked <= 1):
        return PageKind(PUBLICATION, f"a dated page with {s.words} words of text")
    if s.related_credited and s.words >= 40 and s.cards < 3 and s.items < 3:
        # A report's landing page: its byline, type or date, a short abstract, a download
        # link and related publications ("March 2024" names no day).
        return PageKind(PUBLICATION, f"a credited page with {s.words} words of text beside "
                                     f"related publications")
    if s.cards >= 3 or s.items >= 3 or s.linked >= 2:
        return PageKind(LISTING, f"links to {max(s.cards, s.items, s.linked)} items and has "
                                 f"little text of its own")
    return PageKind(OTHER, f"little text ({s.words} words)" + ("" if s.dated else " and no date"))


def _related_block(card: Element, page: set[Element]) -> Element | None:
    """Return the block around a card that says it holds related publications, by its
    class ("related-posts", "recommended") or the heading that opens it ("Related
    Publications", "See also"), looking a few levels up; None for a listing's card.
    `page` holds the headline's ancestors: a block around the headline is the page."""
    for node in islice(chain((card,), card.iterancestors()), _RELATED_DEPTH):
        if node in page or node.tag in _PAGE_BLOCKS:
            return None
        words = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _RELATED_CLASS.search(words) and not RELATED_TERMS.search(words):
            return node
        heading = next((el for el in islice(node.itersiblings(preceding=True), _RELATED_DEPTH)
                        if isinstance(el.tag, str) and el.tag in _SUB_HEADINGS), None)
        if heading is not None and _RELATED_HEADING.match(" ".join(heading.itertext())):
            parent = node.getparent()
            # The heading's block holds every related card; a flat page holds the headline.
            return parent if parent is not None and parent not in page \
                and parent.tag not in _PAGE_BLOCKS else node
    return None


def _own_words(root: Element, skip: set[Element]) -> int:
    """Return the words of prose outside links, boilerplate and cards (chunks of 8 or more)."""
    total = 0
    stack = [root]
    while stack:
        el = stack.pop()
        if el in skip or not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        chunks = [el.text or ""] + [child.tail or "" for child in el]
        size = word_count(" ".join(chunks))
        total += size if size >= 8 else 0
        stack.extend(el)
    return total


def _microdata_article(root: Element) -> str | None:
    """Return the type of the one microdata article a page holds ("article"), or None: a
    listing's cards may each be marked up as one (a blog index of BlogPostings)."""
    found = []
    for el in _MICRODATA(root):
        for value in (el.get("itemtype") or "").split():
            kind = value.rstrip("/").rsplit("/", 1)[-1].lower()
            if kind in _ARTICLE_TYPES:
                found.append(kind)
                break
    return found[0] if len(found) == 1 else None


def _is_dated_url(url: str | None) -> bool:
    """Tell whether a URL files its page under a day and names the page after it
    ("/2024/05/04/slug", "/article/2019/03/05/42049.html"); a day's archive ends at the day."""
    if url_date(url) is None or not url:
        return False
    tail = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    if tail.isdigit():  # "/2024/05/04" or "/20240504" is the day itself; "/42049" a page
        return len(tail) > 2 and len(tail) != 8 and not 1800 <= int(tail) <= 2100
    return _LETTER.search(tail) is not None


def _jsonld_types(root: Element) -> tuple[frozenset[str], bool]:
    """Return the lowercased @type names of the top-level and @graph JSON-LD nodes, and
    whether an article among them gives its publication date."""
    found: set[str] = set()
    declared = False
    for script in _JSONLD(root):
        stack = load_jsonld(script.text or "")
        while stack and len(found) < 100:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node[:100])
            elif isinstance(node, dict):
                kinds = {t.lower() for t in jsonld_types(node)}
                found.update(kinds)
                declared = declared or bool(kinds & _ARTICLE_TYPES and node.get("datePublished"))
                graph = node.get("@graph")
                stack.extend(graph[:100] if isinstance(graph, list) else [graph])
    return frozenset(found), declared
