"""Where a hub or a home page leads: the listings it links, its sections, its years.

A hub start page without publication links has the listings it links walked (a landing
home page through the sections its menu links first); a home page that shows a few
publications, the folders that hold them and the other sections of its menu; a listing
tabbed by year, its years. `discover` walks what these return.
"""

from __future__ import annotations

from . import classify
from .canonical import record_key
from .parse import Document
from .urls import is_asset_url, is_same_site, is_site_home, is_under, section_urls
from .urlshapes import is_listing_url, is_menu_section, is_site_page, is_year_of

MAX_SUB_LISTINGS = 30


def home_of(start: str, final: str) -> str | None:
    """Return the home page a start URL is, as served, or None when it is no home page.

    A site's root often redirects to its language's home ("/" to "/en/"): the menu's
    sections lie below the page served, not below the root asked for.
    """
    if not is_site_home(start):
        return None
    return final if is_site_home(final) and is_under(final, start) else start


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
    found: list[str] = []
    for url, _ in classify.page_links(doc, allowed_domains=domains):
        if is_year_of(url, listing) and record_key(url) not in listings \
                and url not in found:
            found.append(url)
    return found[:MAX_SUB_LISTINGS]


def sections(doc: Document, shown_urls: list[str], home: str, domains: tuple[str, ...],
             listings: set[str]) -> list[str]:
    """Return the listings a home page links that hold publications: the folders above
    the ones it shows ("/publications/" for "/publications/2024/report"), which list
    them all, then the other sections its menu links ("/podcasts/"), which a home page
    may show nothing of today."""
    above = {record_key(s) for url in shown_urls for s in section_urls(url)}
    shown: list[str] = []
    menu: list[str] = []
    for url, context in classify.page_links(doc, allowed_domains=domains):
        key = record_key(url)
        if key in listings or url in shown:
            continue
        if key in above:
            shown.append(url)
        elif context.boilerplate and is_menu_section(url, home) and url not in menu:
            menu.append(url)
    if not shown:
        # Posts at the root ("/hello-world/"): the home page is the blog's listing itself.
        return []
    return [*shown, *(u for u in menu if u not in shown)][:MAX_SUB_LISTINGS]
