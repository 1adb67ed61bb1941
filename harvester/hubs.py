"""Where a hub or a home page leads: the listings it links, its sections, its years.

A hub start page without publication links has the listings it links walked (a landing
home page through the sections its menu links first); a home page that shows a few
publications, the folders that hold them and the other sections of its menu; a listing
tabbed by year, its years; a listing of one page, its date archives. `discover` walks what
these return.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import classify
from .canonical import canonical_url, record_key
from .parse import Document
from .urls import (is_asset_url, is_same_site, is_site_home, is_under, path_segments,
                   section_urls)
from .urlshapes import (is_date_archive_of, is_listing_url, is_menu_section, is_site_page,
                        is_year_of)

MAX_SUB_LISTINGS = 30
# A block's call to the whole listing it shows the newest of: "All publications", "View
# all", "See more reports", "Alle Publikationen", "Voir toutes les analyses", "Ver todas".
_VIEW_ALL = re.compile(
    r"(?i)^\W*(?:(?:view|see|show|browse|explore)\s+(?:all|more)|all|more|alle|weitere|"
    r"mehr|(?:voir|afficher)\s+(?:tou|plus)\w*|tou(?:te)?s|ver\s+(?:tod[oa]s|más)|tod[oa]s|"
    r"vedi\s+tutt[ie]|tutt[ie]|bekijk\s+alle|ver\s+mais)\b[^\W\d]*(?:\s+[^\W\d]+){0,3}"
    r"\W*$")


def home_of(start: str, final: str) -> str | None:
    """Return the home page a start URL is, as served, or None when it is no home page.

    A site's root often redirects to its language's home ("/" to "/en/"): the menu's
    sections lie below the page served, not below the root asked for.
    """
    if not is_site_home(start):
        return None
    return final if is_site_home(final) and is_under(final, start) else start


def leads(doc: Document, start: str, final: str, shown: list[str], domains: tuple[str, ...],
          listings: set[str]) -> tuple[list[str], bool] | None:
    """Return the listings a start page leads to beyond its own pages, and whether they are
    a home page's sections (each walked as a hub in turn); None when it is no hub.

    A page showing no publication leads to the listings it links (a language chooser to
    one language's home); a home page showing some, to the sections that hold them.
    """
    home = home_of(start, final)
    if not shown:
        found = sub_listings(doc, start, home, domains, listings)
        chooser = language_home(doc, home, domains) if home and not found else None
        return ([chooser] if chooser else found), home is not None
    found = sections(doc, shown, home, domains, listings) if home else []
    return (found, True) if found else None


def sub_listings(doc: Document, start: str, home: str | None, domains: tuple[str, ...],
                 listings: set[str]) -> list[str]:
    """Return the listings a hub page leads to: its links (outside navigation) to pages
    below it, or to topic and list pages, at most MAX_SUB_LISTINGS.

    A home page showing no publication (a landing page) leads to them through the
    sections its menu links ("/research/", "/en/commentary/"): those come first.
    """
    menu: list[str] = []
    found: list[str] = []
    for url, context in classify.page_links(doc, section=start, allowed_domains=domains):
        if url in found or url in menu or not is_same_site(url, domains) \
                or is_asset_url(url) or record_key(url) in listings:
            continue
        if context.boilerplate:
            if home and is_menu_section(url, home):
                menu.append(url)
        elif is_listing_url(url) or (is_under(url, start) and not is_site_page(url)):
            found.append(url)
    return [*menu, *(u for u in found if u not in menu)][:MAX_SUB_LISTINGS]


def years(doc: Document, listing: str, domains: tuple[str, ...], listings: set[str]) -> list[str]:
    """Return the listing's parts by year that the page links, tabs or menu alike
    ("/publications/2023/" of "/publications/"): they hold what no next page leads to."""
    return _linked(doc, domains, listings, lambda url: is_year_of(url, listing))


def date_archives(doc: Document, listing: str, domains: tuple[str, ...],
                  listings: set[str]) -> list[str]:
    """Return the date archives a listing of one page links ("/2023/10/", a blog's month
    archives in its sidebar): what no next page leads to, the newest first as linked."""
    return _linked(doc, domains, listings, lambda url: is_date_archive_of(url, listing))


def _linked(doc: Document, domains: tuple[str, ...], listings: set[str],
            wanted: Callable[[str], bool]) -> list[str]:
    """Return the page's links that are `wanted` listings not read yet, once each, in page
    order (MAX_SUB_LISTINGS at most)."""
    found: list[str] = []
    for url, _ in classify.page_links(doc, allowed_domains=domains):
        if wanted(url) and record_key(url) not in listings and url not in found:
            found.append(url)
    return found[:MAX_SUB_LISTINGS]


def sections(doc: Document, shown_urls: list[str], home: str, domains: tuple[str, ...],
             listings: set[str]) -> list[str]:
    """Return the listings a home page links that hold publications: the folders above
    the ones it shows ("/publications/" for "/publications/2024/report"), which list
    them all, and those its blocks call "All publications" ("View all", "Alle
    Publikationen"), then the other sections its menu links ("/podcasts/"), which a home
    page may show nothing of today."""
    above = {record_key(s) for url in shown_urls for s in section_urls(url)}
    publications = set(shown_urls)
    shown: list[str] = []
    calls: list[str] = []  # "All publications" below a block of the newest
    menu: list[str] = []
    for url, context in classify.page_links(doc, allowed_domains=domains):
        key = record_key(url)
        if key in listings or url in shown:
            continue
        if key in above:
            shown.append(url)
        elif context.boilerplate:
            if is_menu_section(url, home) and url not in menu:
                menu.append(url)
        elif _VIEW_ALL.match(context.text) and is_menu_section(url, home) \
                and url not in calls and url not in publications:
            calls.append(url)
    if not shown and not calls:
        # Posts at the root ("/hello-world/"): the home page is the blog's listing itself.
        return []
    found = dict.fromkeys([*shown, *calls, *menu])
    return list(found)[:MAX_SUB_LISTINGS]


def language_home(doc: Document, start: str, domains: tuple[str, ...]) -> str | None:
    """Return the one language home a site's root offering several leads to ("/en/" of a
    chooser linking "/en/" and "/fr/"), or None: the root's x-default alternate, else the
    home of the root's own language, else the first linked. The same publications in
    another language are copies, as a root that redirects to one language says."""
    homes = list(dict.fromkeys(
        url for url, _ in classify.page_links(doc, allowed_domains=domains)
        if is_site_home(url) and path_segments(url) and is_under(url, start)))
    if len(homes) < 2:
        return None
    keys = {record_key(url): url for url in homes}
    base = classify.document_base(doc)
    for el in doc.root.iter("link"):
        if (el.get("hreflang") or "").lower() == "x-default" and el.get("href"):
            chosen = keys.get(record_key(canonical_url(el.get("href", ""), base)))
            if chosen:
                return chosen
    lang = (doc.root.get("lang") or "").lower().split("-")[0]
    own = [url for url in homes if path_segments(url)[0].lower().split("-")[0] == lang]
    return own[0] if lang and own else homes[0]
