"""More site shapes for bench/sites.py: the markup of CMSs and site plans that think tanks,
institutes, NGOs, IGOs and newsrooms use, beyond the ten of bench/site_shapes.py.

Each shape fills a Site from its cases as those do (`place`, then routes), and is
registered by bench/sites.py after the first ten (`MORE_SHAPES`). Cards give the truth's
title and day, as everywhere in the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from functools import cache

from harvester import extract_page
from harvester.record import Record
from site_shapes import (MENU, Case, Served, Site, e, frame, long_day, place, query_pages,
                         rel_next)

XML = {"Content-Type": "application/xml; charset=utf-8"}


def chunks(items: list[str], per: int) -> list[list[str]]:
    """Return items in pages of `per` (one empty page when there are none)."""
    return [items[i:i + per] for i in range(0, len(items), per)] or [[]]


def us_day(day: date | None) -> str:
    """Return 'March 3, 2024' (empty when unknown)."""
    return f"{day:%B} {day.day}, {day.year}" if day else ""


def stamp(day: date, hour: int = 9) -> str:
    """Return an ISO timestamp of a day at an hour, UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc).isoformat()


def slug(text: str) -> str:
    """Return a URL slug of a label."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# -- Drupal Views ---------------------------------------------------------------------------

def drupal_pager(n: int, last: int, href: Callable[[int], str]) -> str:
    """Return Drupal 9's full pager of page n (0-based) of 0..last."""
    items = []
    if n > 0:
        items += [f'<li class="pager__item pager__item--first"><a href="{href(0)}" title="Go to '
                  'first page"><span class="visually-hidden">First page</span><span aria-hidden'
                  '="true">« First</span></a></li>',
                  f'<li class="pager__item pager__item--previous"><a href="{href(n - 1)}" title='
                  '"Go to previous page" rel="prev"><span class="visually-hidden">Previous page'
                  '</span><span aria-hidden="true">‹ Previous</span></a></li>']
    for k in range(max(0, n - 4), min(last, n + 4) + 1):
        active = " is-active" if k == n else ""
        title = "Current page" if k == n else f"Go to page {k + 1}"
        items.append(f'<li class="pager__item{active}"><a href="{href(k)}" title="{title}">'
                     f'<span class="visually-hidden">Page</span>{k + 1}</a></li>')
    if n < last:
        items += [f'<li class="pager__item pager__item--next"><a href="{href(n + 1)}" title="Go '
                  'to next page" rel="next"><span class="visually-hidden">Next page</span><span '
                  'aria-hidden="true">Next ›</span></a></li>',
                  f'<li class="pager__item pager__item--last"><a href="{href(last)}" title="Go to'
                  ' last page"><span class="visually-hidden">Last page</span><span aria-hidden="'
                  'true">Last »</span></a></li>']
    return ('<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="'
            'pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items '
            f'js-pager__items">{"".join(items)}</ul></nav>')


DRUPAL_FORM = (
    '<form class="views-exposed-form" data-drupal-selector="views-exposed-form-publications-'
    'page-1" action="/publications" method="get" id="views-exposed-form-publications-page-1" '
    'accept-charset="UTF-8"><div class="js-form-item form-item"><label for="edit-type">Type'
    '</label><select data-drupal-selector="edit-type" id="edit-type" name="type" class="form-'
    'select"><option value="All" selected="selected">- Any -</option><option value="report">'
    'Report</option><option value="brief">Policy Brief</option><option value="commentary">'
    'Commentary</option></select></div><div class="js-form-item form-item"><label for="edit-'
    'sort-by">Sort by</label><select data-drupal-selector="edit-sort-by" id="edit-sort-by" '
    'name="sort_by" class="form-select"><option value="created" selected="selected">Newest'
    '</option><option value="title">Title</option></select></div><div class="form-actions">'
    '<input data-drupal-selector="edit-submit-publications" type="submit" id="edit-submit-'
    'publications" value="Apply" class="button js-form-submit form-submit"></div></form>')


def shape_drupal(site: Site, cases: list[Case]) -> None:
    """A Drupal Views listing: views-row rows (field-content title link, <time>), its
    exposed filter form, and a 0-based full pager whose URLs keep the form's fields."""
    place(site, cases)
    site.start = "/publications"
    rows = [f'<div class="views-row"><div class="views-field views-field-title"><span class="'
            f'field-content"><a href="{e(s.link)}" hreflang="en">{e(s.case.title)}</a></span>'
            '</div>' + (f'<div class="views-field views-field-created"><span class="field-'
                        f'content"><time datetime="{stamp(s.case.day, 12)}">'
                        f'{us_day(s.case.day)}</time></span></div>' if s.case.day else "")
            + "</div>" for s in site.served]
    pages = chunks(rows, 10)

    def href(k: int) -> str:
        """Return the pager's link to page k."""
        return f"?type=All&amp;sort_by=created&amp;page={k}"

    for n, chunk in enumerate(pages):
        main = ('<h1 class="page-title">Publications</h1><div class="views-element-container">'
                '<div class="view view-publications view-id-publications view-display-id-page_1'
                f' js-view-dom-id-5f0c2d">{DRUPAL_FORM}<div class="view-content">{"".join(chunk)}'
                f"</div>{drupal_pager(n, len(pages) - 1, href)}</div></div>")
        page = frame("Publications", main)
        site.add(f"{site.start}?type=All&sort_by=created&page={n}", page)
        if n == 0:
            site.add(site.start, page)


# -- hub of sub-listings --------------------------------------------------------------------

HUB_PARTS = (("reports", "Reports", "In-depth studies of conflict and governance."),
             ("briefs", "Policy Briefs", "Short recommendations for policymakers."),
             ("commentary", "Commentary", "Our experts on the news of the day."))


@cache
def alone(body: bytes, url: str) -> Record:
    """Return a page's record read alone (as bench/sites.py compares), once."""
    return extract_page(body, url)


def kind(site: Site, s: Served) -> str | None:
    """Return the type a card shows: the truth's, else the page's own (read alone, at the
    address the site serves it), else none: a card never says what its page does not."""
    return s.case.truth.get("type") or alone(s.case.body, site.url(s.path)).type


def topic(site: Site, s: Served) -> str | None:
    """Return the topic a card's chip shows: the truth's first tag, else the page's own
    first topic, else none."""
    tags = s.case.truth.get("tags") or alone(s.case.body, site.url(s.path)).topics
    return tags[0] if tags else None


def teaser(site: Site, s: Served) -> str:
    """Return a card with its type as a kicker (when known), a linked heading and the day."""
    label = kind(site, s)
    kicker = f'<div class="card__kicker">{e(label)}</div>' if label else ""
    day = (f'<time datetime="{s.case.day}">{us_day(s.case.day)}</time>' if s.case.day else "")
    return (f'<article class="card card--publication">{kicker}<h3 class="card__title"><a href="'
            f'{e(s.link)}">{e(s.case.title)}</a></h3><div class="card__meta">{day}</div>'
            "</article>")


def shape_hub(site: Site, cases: list[Case]) -> None:
    """A hub start page ("/research/") with no items, leading to three sub-listings of
    cards, each paginated ("/research/reports/page/2/", "Next")."""
    place(site, cases, lambda k: f"/research/{HUB_PARTS[k % 3][0]}")
    site.start = "/research/"
    menu = (MENU[0], ("/research/", "Research"), *MENU[1:])
    for k, (part, label, _) in enumerate(HUB_PARTS):
        held = [teaser(site, s) for s in site.served[k::3]]
        base = f"/research/{part}/"
        listing_pages(site, label, held, lambda n, b=base: b if n == 1 else f"{b}page/{n}/",
                      lambda h: f'<nav class="pagination"><a class="next" href="{h}">Next</a>'
                                "</nav>", per=4, menu=menu)
    tiles = "".join(f'<a class="tile" href="/research/{part}/"><h2 class="tile__title">{label}'
                    f'</h2><p class="tile__text">{text}</p></a>' for part, label, text in HUB_PARTS)
    site.add(site.start, frame("Research", '<h1>Research</h1><p class="lead">Our research '
                               "examines the drivers of conflict and the paths to peace."
                               f'</p><div class="tiles">{tiles}</div>', menu=menu))


def listing_pages(site: Site, title: str, items: list[str], url: Callable[[int], str],
                  nav: Callable[[str], str], per: int = 12, wrap: str = "div",
                  menu: tuple[tuple[str, str], ...] = MENU, head: str = "") -> None:
    """Serve items as a paginated listing (page n at url(n), linking the next by `nav`)."""
    pages = chunks(items, per)
    for n, chunk in enumerate(pages, 1):
        more = nav(url(n + 1)) if n < len(pages) else ""
        main = f'<h1>{title}</h1><{wrap} class="listing">{"".join(chunk)}</{wrap}>{more}'
        site.add(url(n), frame(title, main, head, menu))


# -- whole-card links -----------------------------------------------------------------------

def shape_wholecard(site: Site, cases: list[Case]) -> None:
    """Cards that are one link each, no heading: the type (when known), the title, the day;
    a numbered pager whose next is an icon."""
    place(site, cases)
    site.start = "/library/"
    cards = [f'<a class="card" href="{e(s.link)}">'
             + (f'<div class="card__type">{e(label)}</div>' if (label := kind(site, s)) else "")
             + f'<span class="card__title">{e(s.case.title)}</span>'
             + (f'<p class="card__date">{long_day(s.case.day)}</p>' if s.case.day else "")
             + "</a>" for s in site.served]
    pages = chunks(cards, 9)

    def url(n: int) -> str:
        """Return the address of page n (1-based)."""
        return site.start if n == 1 else f"{site.start}page/{n}/"

    for n, chunk in enumerate(pages, 1):
        numbers = "".join(
            f'<a class="pagination__link{" is-current" if k == n else ""}"'
            + (' aria-current="page"' if k == n else "") + f' href="{url(k)}">{k}</a>'
            for k in range(1, len(pages) + 1))
        nxt = (f'<a class="pagination__arrow pagination__arrow--next" href="{url(n + 1)}" '
               'aria-label="Next page"><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M5 '
               '1l7 7-7 7"/></svg></a>' if n < len(pages) else "")
        main = (f'<h1>Library</h1><div class="card-grid">{"".join(chunk)}</div><nav class="'
                f'pagination" aria-label="Pagination">{numbers}{nxt}</nav>')
        site.add(url(n), frame("Library", main))


# -- bilingual site -------------------------------------------------------------------------

def shape_bilingual(site: Site, cases: list[Case]) -> None:
    """A root that only offers languages (x-default /en/); /en/ is a home page whose menu
    links /en/publications/, a listing of cards; the pages live below it."""
    place(site, cases, lambda k: "/en/publications")
    site.start = "/"
    alternates = ('<link rel="alternate" hreflang="x-default" href="/en/"><link rel="alternate" '
                  'hreflang="en" href="/en/"><link rel="alternate" hreflang="fr" href="/fr/">')
    site.add("/", '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Example '
             f'Institute</title>{alternates}</head><body class="splash"><img class="logo" '
             'src="/static/logo.svg" alt="Example Institute"><ul class="languages"><li><a href='
             '"/en/" hreflang="en" lang="en">English</a></li><li><a href="/fr/" hreflang="fr" '
             'lang="fr">Français</a></li></ul></body></html>')
    en = (("/en/", "Home"), ("/en/publications/", "Publications"), ("/en/about", "About"),
          ("/en/contact", "Contact"), ("/fr/", "Français"))
    fr = (("/fr/", "Accueil"), ("/fr/publications/", "Publications"), ("/fr/a-propos",
                                                                         "À propos"),
          ("/en/", "English"))
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served],
                  query_pages("/en/publications/"), rel_next, menu=en, head=alternates)
    latest = "".join(teaser(site, s) for s in site.served[:3])
    site.add("/en/", frame("Home", '<h1>Independent research for peace</h1><section class="'
                           f'latest"><h2>Latest publications</h2>{latest}</section>', alternates,
                           en))
    for path, label in en[2:4]:
        site.add(path, frame(label, f"<h1>{label}</h1><p>The institute's {label.lower()} page."
                                    "</p>", alternates, en))
    site.add("/fr/", frame("Accueil", "<h1>Recherche indépendante pour la paix</h1><p>Nos "
                           'publications paraissent en anglais : <a href="/en/publications/">'
                           "toutes les publications</a>.</p>", alternates, fr))
    site.add("/fr/publications/", frame("Publications", "<h1>Publications</h1><p>Aucune "
                                        "publication en français pour le moment.</p>",
                                        alternates, fr))


# -- Atom feed, sitemap index ---------------------------------------------------------------

def shape_atom(site: Site, cases: list[Case]) -> None:
    """An Atom feed as the start URL: entries with an alternate link, published and
    updated (three days later), their authors; the feed's own author is the institute."""
    place(site, cases)
    site.start, site.via = "/atom.xml", "feed"
    built = "2024-06-01T00:00:00+00:00"
    entries = []
    for s in site.served:
        day, names = s.case.day, s.case.truth.get("authors") or []
        when = (f"<published>{stamp(day)}</published><updated>"
                f"{stamp(day + timedelta(days=3), 10)}</updated>" if day else
                f"<updated>{built}</updated>")
        authors = "".join(f"<author><name>{e(n)}</name></author>" for n in names)
        entries.append(f'<entry><title type="html">{e(s.case.title)}</title><link rel="alternate"'
                       f' type="text/html" href="{e(site.url(s.link))}"/><id>'
                       f"{e(site.url(s.link))}</id>{when}{authors}</entry>")
    feed = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            'xml:lang="en"><title>Example Institute</title><subtitle>Publications</subtitle>'
            f'<link rel="self" type="application/atom+xml" href="{site.base}/atom.xml"/><link '
            f'rel="alternate" type="text/html" href="{site.base}/"/><id>{site.base}/</id><updated>'
            f"{built}</updated><author><name>Example Institute</name></author>"
            f"{''.join(entries)}</feed>")
    site.add(site.start, feed, {"Content-Type": "application/atom+xml; charset=utf-8"})


def yoast(site: Site, urls: str, image: bool = False) -> str:
    """Return a Yoast SEO sitemap of url elements, with its stylesheet."""
    ns = ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' if image else ""
    host = site.base.split("//", 1)[1]
    return (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="//'
            f'{host}/main-sitemap.xsl"?>\n<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-'
            'instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://'
            'www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd http://www.google.com/schemas/'
            'sitemap-image/1.1 http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd"'
            f' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{urls}</urlset>\n'
            "<!-- XML Sitemap generated by Yoast SEO -->")


def shape_sitemap_index(site: Site, cases: list[Case]) -> None:
    """A WordPress sitemap index (Yoast) as the start URL: a post sitemap of the pages
    (lastmod, images) and a page sitemap of the home, about, contact and donate pages."""
    place(site, cases)
    site.start, site.via = "/sitemap_index.xml", "sitemap"
    posts = "".join(
        f"<url><loc>{e(site.url(s.link))}</loc>"
        + (f"<lastmod>{stamp(s.case.day)}</lastmod>" if s.case.day else "")
        + f"<image:image><image:loc>{site.base}/wp-content/uploads/2024/03/cover-{k}.jpg"
          "</image:loc></image:image></url>" for k, s in enumerate(site.served))
    pages = "".join(f"<url><loc>{site.base}{p}</loc><lastmod>2024-01-15T10:00:00+00:00</lastmod>"
                    "</url>" for p in ("/", "/about", "/contact", "/donate"))
    site.add("/post-sitemap.xml", yoast(site, posts, image=True), XML)
    site.add("/page-sitemap.xml", yoast(site, pages), XML)
    index = "".join(f"<sitemap><loc>{site.base}/{name}-sitemap.xml</loc><lastmod>2024-06-01T08:"
                    "00:00+00:00</lastmod></sitemap>" for name in ("post", "page"))
    host = site.base.split("//", 1)[1]
    site.add(site.start, '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/'
             f'xsl" href="//{host}/main-sitemap.xsl"?>\n<sitemapindex xmlns="http://www.sitemaps.'
             f'org/schemas/sitemap/0.9">{index}</sitemapindex>\n<!-- XML Sitemap generated by '
             "Yoast SEO -->", XML)
    latest = "".join(teaser(site, s) for s in site.served[:3])
    site.add("/", frame("Home", f"<h1>Welcome</h1><section><h2>Latest</h2>{latest}</section>"))


# -- "Load more", infinite scroll -----------------------------------------------------------

def shape_loadmore(site: Site, cases: list[Case]) -> None:
    """A grid of cards under a "Load more" button-link (`?page=2`), no numbered pages."""
    place(site, cases)
    site.start = "/analysis/"
    listing_pages(site, "Analysis", [teaser(site, s) for s in site.served],
                  query_pages(site.start),
                  lambda h: f'<div class="load-more-wrap"><a class="btn load-more" href="'
                            f'{e(h[len(site.start):])}" data-target=".listing">Load more</a>'
                            "</div>", per=8)


def shape_infinite(site: Site, cases: list[Case]) -> None:
    """An infinite-scroll listing: its next page declared only by <link rel="next"> in the
    head; the body has no pager."""
    place(site, cases)
    site.start = "/insights/"
    items = [teaser(site, s) for s in site.served]
    pages = chunks(items, 8)
    url = query_pages(site.start)
    for n, chunk in enumerate(pages, 1):
        head = (f'<link rel="next" href="?page={n + 1}">' if n < len(pages) else "") + (
            f'<link rel="prev" href="{url(n - 1)}">' if n > 1 else "")
        main = (f'<h1>Insights</h1><div class="listing" data-infinite-scroll=\'{{"path": '
                f'"?page={{{{#}}}}", "append": ".card"}}\'>{"".join(chunk)}</div><div class="'
                'page-load-status"><p class="infinite-scroll-request">Loading…</p></div>')
        site.add(url(n), frame("Insights", main, head))


# -- tabbed by year -------------------------------------------------------------------------

def shape_years(site: Site, cases: list[Case]) -> None:
    """A listing tabbed by year: /publications/ shows the newest year's cards (and the
    undated), /publications/2023/ and the others each hold one year's."""
    site.start = "/publications/"
    years = sorted({c.day.year for c in cases if c.day}, reverse=True) or [2024]
    for year in years:  # the tabs' addresses first: no page is served at one
        site.add(f"{site.start}{year}/", "")
    place(site, cases, lambda k: "/publications")
    by_year: dict[int, list[Served]] = {}
    for s in site.served:
        by_year.setdefault(s.case.day.year if s.case.day else 0, []).append(s)
    newest = years[0]
    held = {y: by_year.get(y, []) for y in years}
    held[newest] = held[newest] + by_year.get(0, [])
    for year in years:  # the newest year's page also answers at its own year's address
        paths = [f"{site.start}{year}/", *([site.start] if year == newest else [])]
        tabs = "".join(f'<li class="tabs__tab{" is-active" if y == year else ""}"><a href="'
                       f'{site.start if y == newest else f"{site.start}{y}/"}">{y}</a></li>'
                       for y in years)
        cards = "".join(teaser(site, s) for s in held[year])
        for path in paths:
            site.add(path, frame(f"Publications {year}", '<h1>Publications</h1><nav class="'
                                 f'tabs" aria-label="Years"><ul>{tabs}</ul></nav><div class="'
                                 f'listing">{cards}</div>'))


# -- a start URL that redirects, tracking parameters ----------------------------------------

TRACKING = "utm_source=listing&utm_medium=web"


def shape_moved(site: Site, cases: list[Case]) -> None:
    """A start URL that redirects ("/publications" 301 to "/en/publications/"), whose cards
    link the items with tracking parameters (the server ignores them, as any does)."""
    place(site, cases, lambda k: "/en/publications")
    site.start = "/publications"
    site.add(site.start, b"", {"Location": site.base + "/en/publications/"}, status=301)
    served = []
    for s in site.served:
        link = s.path + ("&" if "?" in s.path else "?") + TRACKING
        site.add(link, s.case.body)
        served.append(Served(s.case, s.path, link))
    site.served[:] = served
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served],
                  query_pages("/en/publications/"), rel_next)


# -- cards with a PDF, a topic chip, and a "Most read" sidebar ------------------------------

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count"
       b" 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def chip_card(s: Served, k: int, label: str | None) -> str:
    """Return a card with its topic chip (when known), a linked heading, the day and a
    "Download PDF" link."""
    chip = (f'<a class="chip chip--topic" href="/topics/{slug(label)}">{e(label)}</a>'
            if label else "")
    day = (f'<time datetime="{s.case.day}">{us_day(s.case.day)}</time>' if s.case.day else "")
    return (f'<article class="teaser">{chip}<h3 class="teaser__title"><a href="{e(s.link)}">'
            f'{e(s.case.title)}</a></h3><div class="teaser__meta">{day}</div><a class="teaser__'
            f'download" href="/sites/default/files/publications/pub-{k}.pdf" download>Download '
            "PDF</a></article>")


def shape_chips(site: Site, cases: list[Case]) -> None:
    """A listing of cards, each with a topic chip link ("/topics/peace-processes") and a
    "Download PDF" link; a "Most read" sidebar; topic pages list their cards; Bootstrap's
    numbered pager."""
    place(site, cases)
    site.start = "/publications/"
    labels = [topic(site, s) for s in site.served]
    cards = [chip_card(s, k, labels[k]) for k, s in enumerate(site.served)]
    for k in range(len(cards)):
        site.add(f"/sites/default/files/publications/pub-{k}.pdf", PDF,
                 {"Content-Type": "application/pdf"})
    popular = "".join(f'<li><a href="{e(s.link)}">{e(s.case.title)}</a></li>'
                      for s in site.served[-5:])
    aside = f'<aside class="sidebar"><h2>Most read</h2><ol class="most-read">{popular}</ol></aside>'
    pages = chunks(cards, 10)
    url = query_pages(site.start)
    for n, chunk in enumerate(pages, 1):
        numbers = "".join(f'<li class="page-item{" active" if k == n else ""}"><a class="page-'
                          f'link" href="?page={k}">{k}</a></li>' for k in range(1, len(pages) + 1))
        nxt = (f'<li class="page-item"><a class="page-link" href="?page={n + 1}" aria-label="'
               'Next"><span aria-hidden="true">›</span></a></li>' if n < len(pages) else "")
        main = (f'<div class="row"><div class="col-md-8"><h1>Publications</h1>{"".join(chunk)}'
                f'<nav><ul class="pagination">{numbers}{nxt}</ul></nav></div><div class="col-md-'
                f'4">{aside}</div></div>')
        site.add(url(n), frame("Publications", main))
    for label in dict.fromkeys(x for x in labels if x):
        held = "".join(c for c, x in zip(cards, labels, strict=True) if x == label)
        site.add(f"/topics/{slug(label)}", frame(label, f"<h1>{e(label)}</h1>{held}{aside}"))


# -- TYPO3 ----------------------------------------------------------------------------------

def shape_typo3(site: Site, cases: list[Case]) -> None:
    """A TYPO3 news listing: <base href> and links relative to it, German dates, and the
    news extension's paginator (`tx_news_pi1[@widget_0][currentPage]=N&cHash=...`)."""
    place(site, cases, lambda k: "/de/publikationen/detail")
    site.start = "/de/publikationen/"
    items = [f'<div class="article articletype-0" itemscope itemtype="http://schema.org/Article">'
             f'<div class="header"><h3><a title="{e(s.case.title)}" href="{e(s.link[1:])}">'
             f'<span itemprop="headline">{e(s.case.title)}</span></a></h3></div>'
             + (f'<div class="footer"><p><span class="news-list-date"><time itemprop="date'
                f'Published" datetime="{s.case.day}">{s.case.day:%d.%m.%Y}</time></span></p>'
                "</div>" if s.case.day else "") + "</div>" for s in site.served]
    pages = chunks(items, 10)

    def url(n: int) -> str:
        """Return page n's path and query, as linked (relative to the base, no slash)."""
        if n == 1:
            return site.start[1:]
        return (f"{site.start[1:]}?tx_news_pi1%5B%40widget_0%5D%5BcurrentPage%5D={n}&cHash="
                f"{(n * 2654435761) % 16**32:032x}")

    menu = (("/de/", "Startseite"), ("/de/publikationen/", "Publikationen"),
            ("/de/ueber-uns/", "Über uns"), ("/de/kontakt/", "Kontakt"))
    for n, chunk in enumerate(pages, 1):
        links = "".join(f'<li class="current">{k}</li>' if k == n else
                        f'<li><a href="{e(url(k))}">{k}</a></li>' for k in range(1, len(pages) + 1))
        nxt = (f'<li class="next"><a href="{e(url(n + 1))}">nächste</a></li>'
               if n < len(pages) else "")
        main = (f'<h1>Publikationen</h1><div class="news"><div class="news-list-view">'
                f'{"".join(chunk)}<div class="page-navigation"><p>Seite {n} von {len(pages)}.</p>'
                f'<ul class="f3-widget-paginator">{links}{nxt}</ul></div></div></div>')
        page = frame("Publikationen", main, f'<base href="{site.base}/">', menu)
        site.add("/" + url(n), page.replace('<html lang="en">', '<html lang="de">'))


# -- Squarespace ----------------------------------------------------------------------------

def shape_squarespace(site: Site, cases: list[Case]) -> None:
    """A Squarespace blog: blog-item articles, "Older Posts" to `?offset=<ms timestamp>`."""
    place(site, cases, lambda k: "/blog")
    site.start = "/blog"
    posts = [f'<article class="blog-item"><h1 class="blog-title"><a href="{e(s.link)}" '
             f'data-no-animation>{e(s.case.title)}</a></h1>' + (
                 f'<div class="blog-meta"><time class="blog-date" pubdate data-animation-role="'
                 f'date">{s.case.day.month}/{s.case.day.day}/{s.case.day:%y}</time></div>'
                 if s.case.day else "") + "</article>" for s in site.served]
    pages = chunks(posts, 10)
    marks = [s.case.day or date(2020, 1, 1) for s in site.served]
    keys = [site.start]
    for n in range(1, len(pages)):
        day = min(marks[n * 10 - 10:n * 10])  # the oldest post shown: older ones follow
        moment = datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()
        keys.append(f"{site.start}?offset={int(moment * 1000) + n}")
    for n, chunk in enumerate(pages):
        older = (f'<div class="older"><a href="{keys[n + 1]}"><span class="next-label">Older Posts'
                 "</span></a></div>" if n + 1 < len(pages) else "")
        main = (f'<div class="blog-list">{"".join(chunk)}</div><nav class="blog-list-pagination">'
                f'<div class="newer"></div>{older}</nav>')
        site.add(keys[n], frame("Blog", main))


# -- items on a sibling host ----------------------------------------------------------------

SIBLING = "publications.example.test"


def shape_subdomain(site: Site, cases: list[Case]) -> None:
    """A listing on www.example.test whose cards link every other item on a sibling host
    (publications.example.test, the same registered domain); both resolve to the loopback
    in the harvest, never in a resolver (".test" is reserved, RFC 6761)."""
    site.base = f"http://www.example.test:{site.base.rpartition(':')[2]}"
    site.names = {"www.example.test": "", SIBLING: f"/{SIBLING}"}
    place(site, cases, lambda k: f"/{SIBLING}" if k % 2 == 0 else "/commentary")
    site.served[:] = [Served(s.case, s.path, site.url(s.path) if s.path.startswith(f"/{SIBLING}/")
                             else s.path) for s in site.served]
    site.start = "/publications/"
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served],
                  query_pages(site.start), rel_next)


MORE_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "drupal": shape_drupal, "hub": shape_hub, "wholecard": shape_wholecard,
    "bilingual": shape_bilingual, "atom": shape_atom, "sitemap-index": shape_sitemap_index,
    "loadmore": shape_loadmore, "infinite": shape_infinite, "years": shape_years,
    "moved": shape_moved, "chips": shape_chips, "typo3": shape_typo3,
    "squarespace": shape_squarespace, "subdomain": shape_subdomain,
}
