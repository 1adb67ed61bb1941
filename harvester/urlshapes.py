"""What a URL's shape says of its page: navigation, pagination, one item.

Tag, topic, author and site pages, numbered and offset pages, date archives, years of a
listing, and the paths that name one publication (a long slug, an id, a day), in the
languages publication sites use. Whether a URL is on the site or a file is `harvester.urls`.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

from .urls import path_segments, is_under, LANGUAGE_SEGMENT

_TAXONOMY = frozenset({
    "tag", "tags", "topic", "topics", "issue-area", "issue-areas", "category", "categories",
    "subject", "subjects", "keyword", "keywords", "theme", "themes", "region", "regions",
    "author", "authors", "people", "person", "experts", "expert", "staff", "team", "scholars",
    "fellows", "contributor", "contributors", "profile", "profiles", "user", "users",
    "label", "labels", "series", "programs", "centers", "content-type", "content-types",
    "archive", "archives", "schlagwort", "thema", "themen", "autor", "autoren", "rubrique",
    # The same in the other languages publication sites write in.
    "schlagworte", "stichwort", "stichworte", "kategorie", "kategorien", "rubrik", "rubriken",
    "personen", "experten", "mitarbeiter", "auteur", "auteurs", "sujet", "sujets", "mots-cles",
    "equipe", "autores", "autori", "tema", "temas", "etiqueta", "etiquetas", "categoria",
    "categorias", "categorie", "equipo", "onderwerp", "onderwerpen", "trefwoord", "trefwoorden",
})
_UTILITY = frozenset({
    "search", "suche", "recherche", "buscar", "login", "logout", "signin", "sign-in", "signup",
    "sign-up", "register", "account", "my-account", "cart", "checkout", "subscribe",
    "subscription", "subscriptions", "newsletter", "newsletters", "donate", "donation",
    "donations", "give", "contact", "contact-us", "about", "about-us", "privacy",
    "privacy-policy", "terms", "terms-of-use", "terms-of-service", "cookies", "cookie-policy",
    "legal", "imprint", "impressum", "datenschutz", "accessibility", "careers", "jobs",
    "employment", "internships", "faq", "faqs", "help", "sitemap", "feed", "feeds", "rss",
    "wp-json", "wp-admin", "wp-login.php", "xmlrpc.php", "print", "share",
    "media-inquiries", "press-kit", "support-us", "comments", "trackback", "amp",
    "kontakt", "contacto", "contatti", "contato", "ueber-uns", "uber-uns", "over-ons",
    "a-propos", "quienes-somos", "chi-siamo", "sobre-nosotros", "mentions-legales",
    "aviso-legal", "privacidad", "confidentialite", "datenschutzerklaerung", "barrierefreiheit",
    "accessibilite", "spenden", "faire-un-don", "donar", "karriere", "stellenangebote",
    "emplois", "empleo", "cerca", "zoeken", "rechercher", "anmelden", "registrieren",
    "inscription", "warenkorb", "panier", "carrito", "agb", "nutzungsbedingungen", "cgu",
    "hilfe", "aide", "ayuda", "who-we-are", "what-we-do", "our-mission", "mission",
    "our-story", "our-history", "vision", "mission-and-vision", "leadership",
    "board-of-directors", "board-of-trustees", "funders", "our-funders", "partners",
    "our-partners", "qui-sommes-nous", "wer-wir-sind", "quem-somos", "leitbild",
})
_OUR = re.compile(r"^(?:our|unsere|unser|nos|nuestros|nuestras|nossos|nossas|i-nostri|onze)-")
# Listings whose items are pages of their own (an event), but not publications.
_ITEM_LISTS = frozenset({"events", "event", "calendar", "veranstaltungen", "evenements",
                         "termine", "eventos", "eventi", "agenda"})
_ID_PARAMS = frozenset({"p", "id", "nid", "article", "articleid", "story", "post", "doc",
                        "docid", "item", "itemid", "publication", "pubid"})
_PAGE_PARAMS = frozenset({
    "page", "paged", "pg", "pagenum", "page_no", "pagenumber", "currentpage", "start",
    "offset", "from", "p_page",
})
# Taxonomies whose one number is a post's: WordPress's numeric permalinks ("/archives/123").
_ARCHIVES = frozenset({"archive", "archives"})
_OFFSET_PARAMS = frozenset({"start", "offset", "from"})
_FILTER_PARAMS = frozenset({
    "s", "q", "query", "search", "keys", "keyword", "keywords", "term", "sort", "sortby",
    "order", "orderby", "filter", "type", "types", "topic", "topics", "tag", "tags",
    "category", "categories", "cat", "author", "year", "month", "region", "lang", "format",
    "view", "display", "limit", "per_page", "items_per_page", "action", "redirect_to",
})
_ARRAY_KEY = re.compile(r"\[([^\[\]]+)\]$")
_PATH_PAGE = re.compile(r"/(?:page|seite|pagina|strona|pages)/(\d{1,6})/?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A calendar's month or day ("/events/calendar/2024-11", "/agenda/2024-11-05"): a view.
_DAY_VIEW = re.compile(r"^(?:19|20)\d\d-\d\d(?:-\d\d)?$")
_NUMBER = re.compile(r"^\d{1,2}$")
_ID = re.compile(r"\d{3,}")
# Folders an item's number follows ("/article/view/2020", "/node/1999"), not a year's.
_ID_PARENTS = frozenset({"view", "handle", "item", "items", "record", "records", "node", "id",
                         "article", "articles", "detail", "details", "show", "eprint", "doc",
                         "document", "documents", "publication", "p", "post", "entry"})
# A page file's extension, no part of its name ("report.html", "view.php").
PAGE_FILE = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)


def navigation_reason(url: str) -> str | None:
    """Return why a URL looks like navigation (tag, author, pagination, search...), else None."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return "unparsable URL"
    segments = [s.lower() for s in path_segments(url)]
    if _PATH_PAGE.search("/" + "/".join(segments)) or _page_param(query):
        return "pagination"
    if not query and (not segments or (len(segments) == 1 and LANGUAGE_SEGMENT.match(segments[0]))):
        return "home page"
    # A language prefix is the root of its language's site ("/en/jobs/x" is "/jobs/x").
    root = 1 if len(segments) > 1 and LANGUAGE_SEGMENT.match(segments[0]) else 0
    for index, segment in enumerate(segments):
        rest = segments[index + 1:]
        # "Our people", "Unsere Experten": a site's own word for its people or topics.
        segment = _OUR.sub("", segment)
        if segment in _TAXONOMY and len(rest) <= 1 \
                and not (segment in _ARCHIVES and rest and _is_post_number(rest[0])) \
                and not (rest and _is_headline(rest[0])):
            return f"taxonomy page (/{segment}/)"
        if segment in _UTILITY and (index == root or not rest):
            return f"site page (/{segment})"
        if segment in _ITEM_LISTS and (not rest or not _is_slug(rest[-1])
                                       or _DAY_VIEW.match(rest[-1])):
            return f"listing page (/{segment})"
    if _is_date_archive(segments):
        return "date archive"
    if _has_filter(query) and not (has_id_param(query) or segments and not
                                       _YEAR.match(segments[-1]) and _is_slug(segments[-1])):
        # A query on one item's page is the link's tracking ("/2024/story.html?tag=top",
        # "/show/NCT0374?term=x", "detail.php?id=7&lang=de"), not a filter of a listing.
        return "search or filter query"
    return None


def is_listing_url(url: str) -> bool:
    """Tell whether a URL names a taxonomy or item-list page: a listing of publications."""
    reason = navigation_reason(url)
    return reason is not None and reason.startswith(("taxonomy page", "listing page"))


def is_filtered_listing(url: str) -> bool:
    """Tell whether a listing shows a part of its site picked by a term or a filter: one
    tag, topic or author ("/category/analysis/", "/topics/climate/page/2/") or a filter
    query ("/publications?type=report"); not a taxonomy's index ("/topics/")."""
    first = without_page(url)
    # A start URL is a listing by the user's word: any filter of its query counts.
    if _has_filter(urlsplit(first).query):
        return True
    reason = navigation_reason(first)
    segments = [s.lower() for s in path_segments(first)]
    return bool(reason and reason.startswith("taxonomy page")) and segments[-1] not in _TAXONOMY


def url_shape(url: str) -> tuple[str, int]:
    """Return a URL's shape: its first path segment (when deeper) and its depth."""
    segments = path_segments(url)
    return (segments[0].lower() if len(segments) > 1 else "", len(segments))


def is_site_page(url: str) -> bool:
    """Tell whether a URL is a site's own page (about, contact, search, login) or its home."""
    reason = navigation_reason(url)
    return reason is not None and reason.startswith(("site page", "home page"))


def is_menu_section(url: str, home: str) -> bool:
    """Tell whether a menu link of a home page names a section of its site: one folder
    below the home page ("/research/", "/en/commentary" from "/en/"), or two where a
    menu opens on a section's parts ("/research/reports/"); no site page, taxonomy,
    query or item."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return False
    segments = path_segments(url)
    depth = len(segments) - len(path_segments(home))
    # A mega-menu's second level also features single items ("/research/a-long-title/"),
    # and a language switcher leads to another language's sections ("/de/forschung/").
    other = depth == 2 and (is_content_like(url) or bool(LANGUAGE_SEGMENT.match(segments[-2])))
    return not query and depth in (1, 2) and not other and is_under(url, home) \
        and navigation_reason(url) is None


def is_year_of(url: str, listing: str) -> bool:
    """Tell whether a URL is one year's part of a listing: its folder for the year
    ("/publications/2023/" of "/publications/") or its year field ("/publications?year=2023",
    Drupal's "?date[year]=2023"), where a listing tabs its items by year, not by page."""
    try:
        parts, whole = urlsplit(url), urlsplit(without_page(listing))
    except ValueError:
        return False
    if parts.netloc != whole.netloc:
        return False
    inner, outer = path_segments(url), path_segments(whole.geturl())
    pairs = [p for p in parts.query.split("&") if p and _param_name(p) not in _PAGE_PARAMS]
    if len(inner) == len(outer) + 1 and inner[:-1] == outer:
        return bool(outer) and not pairs and not whole.query and bool(_YEAR.match(inner[-1]))
    years = [p for p in pairs if "year" in _param_name(p) and _YEAR.match(p.partition("=")[2])]
    rest = sorted(p for p in pairs if p not in years)
    return inner == outer and len(years) == 1 and rest == sorted(
        p for p in whole.query.split("&") if p)


def is_date_archive_of(url: str, listing: str) -> bool:
    """Tell whether a URL is a date archive ("/2023/10/") of a listing's site: at the root,
    or below the listing's folder or the one above it (WordPress's month archives)."""
    try:
        parts, whole = urlsplit(url), urlsplit(listing)
    except ValueError:
        return False
    segments = path_segments(url)
    head = segments[:len(segments) - len(_date_tail(segments))]
    outer = path_segments(whole.geturl())
    return parts.netloc == whole.netloc and not parts.query and len(head) < len(segments) \
        and _is_date_archive(segments) and head in ([], outer, outer[:-1])


def is_navigation_url(url: str) -> bool:
    """Tell whether a URL looks like navigation rather than a publication."""
    return navigation_reason(url) is not None


def is_content_like(url: str) -> bool:
    """Tell whether a URL's path has the shape of one item: a long slug, an id or a date."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return False
    if has_id_param(query):
        return True
    segments = path_segments(url)
    if not segments:
        return False
    if _is_slug(segments[-1]):
        return True
    if _is_slug_before_date(segments) or len(segments) > 1 and len(_words(segments[-2])) >= 5:
        # A title's slug before a short code ("/my-long-story-title/ar-BBwsPWG").
        return True
    if _is_filed_by_day(segments):
        return True
    if len(segments) > 1 and _is_post_number(segments[-2]) and len(segments[-2]) >= 4 \
            and len(_words(segments[-1])) >= 2:
        return True  # an item's number, then a short slug ("/article/123456/tax-reform")
    dated = any(_YEAR.match(s) for s in segments[:-1])
    return dated and len(_words(segments[-1])) >= 2


def page_number(url: str) -> int | None:
    """Return the page number a listing URL carries (`?page=3`, `/page/3/`), else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    match = _PATH_PAGE.search(parts.path)
    if match:
        return int(match.group(1))
    found = _page_param(parts.query)
    return found[1] if found else None


def is_offset_page(url: str) -> bool:
    """Tell whether a listing URL numbers its page by the first item's offset (`?start=20`)."""
    try:
        found = _page_param(urlsplit(url).query)
    except ValueError:
        return False
    return found is not None and _param_name(found[0]) in _OFFSET_PARAMS


def without_page(url: str) -> str:
    """Return a listing URL without its page number, to compare pages of one listing."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = _PATH_PAGE.sub("/", parts.path)
    query = "&".join(
        p for p in parts.query.split("&") if p and _param_name(p) not in _PAGE_PARAMS)
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/") or "/", query, ""))


def _words(segment: str) -> list[str]:
    """Return the words of a path segment (split on hyphens, underscores, dots)."""
    return [w for w in re.split(r"[-_+.\s]", PAGE_FILE.sub("", segment)) if w]


def _is_slug(segment: str) -> bool:
    """Tell whether a path segment names one item: three or more words, long, or an id."""
    bare = PAGE_FILE.sub("", segment)
    return len(_words(segment)) >= 3 or len(bare) >= 24 or bool(_ID.search(bare))


def _is_headline(segment: str) -> bool:
    """Tell whether a slug is a whole headline ("eu-taxonomie-atomkraft-erdgas-sind-nicht-
    nachhaltig" under "/themen/"): seven words or more, where a tag or a name has a few."""
    return len(_words(PAGE_FILE.sub("", segment))) >= 7


def _has_filter(query: str) -> bool:
    """Tell whether a URL's query filters or searches a listing (`type=`, `tag=`, `q=`)."""
    names = {unquote(p.split("=", 1)[0]).lower() for p in query.split("&") if p}
    return bool(names & _FILTER_PARAMS)


def has_id_param(query: str) -> bool:
    """Tell whether a URL's query names one item by its id (`p=123`, `id=42`)."""
    return any(_is_id_param(pair) for pair in query.split("&"))


def _is_post_number(segment: str) -> bool:
    """Tell whether a path segment is a post's number ("2146078", "12345.html"): the
    numeric permalinks of "/archives/2146078"; a year names an archive."""
    bare = PAGE_FILE.sub("", segment)
    return bare.isdigit() and len(bare) >= 3 and not _YEAR.match(bare)


def _is_id_param(pair: str) -> bool:
    """Tell whether a query pair is an item id such as `p=123` or `id=42`."""
    name, _, value = pair.partition("=")
    return unquote(name).lower() in _ID_PARAMS and value.isdigit()


def _page_param(query: str) -> tuple[str, int] | None:
    """Return the (name, number) of a page-number query parameter, if any."""
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if _param_name(pair) in _PAGE_PARAMS and value.isdigit():
            return name, int(value)
    return None


def _param_name(pair: str) -> str:
    """Return a query pair's name, lowercased; of a PHP-style array its last key
    (TYPO3's "tx_news_pi1[@widget_0][currentPage]=2" names "currentpage")."""
    name = unquote(pair.partition("=")[0]).lower()
    match = _ARRAY_KEY.search(name)
    return match.group(1) if match else name


def _date_tail(segments: list[str]) -> list[str]:
    """Return the year, month and day numbers a path ends in, if any ("2024", "03")."""
    tail: list[str] = []
    for segment in reversed(segments):
        if _YEAR.match(segment) or _NUMBER.match(segment):
            tail.insert(0, segment)
        else:
            break
    return tail


def _is_filed_by_day(segments: list[str]) -> bool:
    """Tell whether a path files a page under a year/month/day and names it after that
    ("/2016/05/03/slug/abc123/story.html"); a day's index page names nothing."""
    for i in range(len(segments) - 3):
        if _YEAR.match(segments[i]) and _NUMBER.match(segments[i + 1]) \
                and _NUMBER.match(segments[i + 2]):
            rest = segments[i + 3:]
            return not (len(rest) == 1 and PAGE_FILE.sub("", rest[0]).lower() == "index")
    return False


def _is_date_archive(segments: list[str]) -> bool:
    """Tell whether a path ends in a year, year/month or year/month/day archive."""
    tail = _date_tail(segments)
    head = segments[:len(segments) - len(tail)]
    if len(tail) == 1 and head and (head[-1].isdigit() or head[-1] in _ID_PARENTS):
        return False  # an item's number that looks like a year ("/handle/10419/1999")
    return bool(tail) and bool(_YEAR.match(tail[0])) and len(tail) <= 3 \
        and not _is_slug_before_date(segments)


def _is_slug_before_date(segments: list[str]) -> bool:
    """Tell whether a path files a post's slug under its day ("/news/5-ways-to-save-water-
    at-home/2022/12/29/"): five words or more say a title, where a section has a few
    ("/news-and-analysis/2024/")."""
    tail = _date_tail(segments)
    head = segments[:len(segments) - len(tail)]
    return bool(tail) and bool(head) and len(_words(head[-1])) >= 5
