"""JavaScript listings: the items a page carries as data (Next.js's __NEXT_DATA__, JSON-LD
item lists, any JSON script) are its publications when its HTML links none; with no data
either, the sitemap's pages below its path are."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from harvest_site import harvest_start
from harvester import embedded
from harvester.parse import parse_html
from harvester.store import Store
from test_site_shapes import card, found, page, serve_pages

TITLES = ("Ceasefires That Hold", "Monitors at the Line", "Talks Resume in Geneva")


def slug(title: str) -> str:
    """Return a title's URL slug."""
    return title.lower().replace(" ", "-")


def article(title: str) -> str:
    """Return a publication page with its own headline and prose but no day."""
    prose = "What the monitors of the line saw. " * 60
    return page(f"<article><h1>{title}</h1><p class='byline'>By Jane Doe</p><p>{prose}</p>"
                "</article>").replace("<title>Site</title>", f"<title>{title}</title>")


def script(data: object, kind: str = "application/json", ident: str = "") -> str:
    """Return a data script holding a JSON value."""
    return f'<script type="{kind}"{f" id={ident!r}" if ident else ""}>{json.dumps(data)}</script>'


def next_data() -> dict[str, object]:
    """Return a Next.js page's data: its menu (undated) and its listing's items (dated)."""
    items = [{"id": i, "title": t, "url": f"/research/{slug(t)}",
              "publishedAt": f"2024-03-0{i + 1}T10:00:00Z", "authors": [{"name": "Jane Doe"}]}
             for i, t in enumerate(TITLES)]
    menu = [{"title": "About the Institute", "url": "/about"},
            {"title": "Middle East and North Africa", "url": "/research/middle-east-north-africa"}]
    return {"props": {"pageProps": {"menu": menu, "listing": {"items": items}}}}


def test_a_next_js_listing_gives_its_dated_items_with_their_cards(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """The listing's HTML is an empty shell; its data's dated items are harvested, with
    the day the data gives, and the data's menu entries are never requested."""
    pages = {f"/research/{slug(t)}": article(t) for t in TITLES}
    pages["/research/"] = page('<div id="__next"></div>'
                               + script(next_data(), ident="__NEXT_DATA__"))
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/research/"), store, tmp_path)
    records = {r.title: r for r in store.records()}
    assert set(records) == set(TITLES)
    assert records["Monitors at the Line"].published.date() == date(2024, 3, 2)
    asked = {request.path for request, _ in httpserver_ipv4.log}
    assert not asked & {"/about", "/research/middle-east-north-africa"}


def test_a_json_ld_item_list_gives_its_entries_not_the_breadcrumbs(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """ListItems giving only a URL are items; a BreadcrumbList's sections are not."""
    base = httpserver_ipv4.url_for("/").rstrip("/")
    entries = [{"@type": "ListItem", "position": i + 1, "url": f"{base}/research/{slug(t)}"}
               for i, t in enumerate(TITLES)]
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home Page", "item": f"{base}/"},
        {"@type": "ListItem", "position": 2, "name": "Research and Analysis",
         "item": f"{base}/research-and-analysis/overview-of-programs"}]}
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "CollectionPage", "mainEntity": {"@type": "ItemList",
                                                   "itemListElement": entries}}, crumbs]}
    pages = {"/research/": page("<div id='app'></div>" + script(data, "application/ld+json"))}
    paths, _ = found(httpserver_ipv4, pages, "/research/", store, tmp_path)
    assert paths[:3] == [f"/research/{slug(t)}" for t in TITLES]
    assert "/research-and-analysis/overview-of-programs" not in paths


def test_a_listing_that_links_its_items_is_read_from_its_html(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """The data of a page whose HTML shows its cards (a related widget's) adds nothing."""
    other = {"props": {"items": [{"title": "Elsewhere on the Site Today",
                                  "url": "/blog/elsewhere-on-the-site-today",
                                  "date": "2024-03-01"}]}}
    cards = "".join(card(f"/research/{slug(t)}", t) for t in TITLES)
    pages = {"/research/": page(cards + script(other, ident="__NEXT_DATA__"))}
    paths, _ = found(httpserver_ipv4, pages, "/research/", store, tmp_path)
    assert paths == [f"/research/{slug(t)}" for t in TITLES]


@pytest.mark.parametrize(("data", "expected"), [
    # WordPress's REST shape: the title under "rendered", with markup and entities
    ([{"title": {"rendered": "Ceasefires <em>That</em> Hold &amp; Why"},
       "link": "https://site.example/2024/03/ceasefires-that-hold/", "date": "2024-03-03"}],
     [("https://site.example/2024/03/ceasefires-that-hold/", "Ceasefires That Hold & Why")]),
    # a dated one-word title is an item; an undated one-word label, a link that is no
    # http(s) URL, people and sites are not
    ([{"title": "Indonesia", "url": "/analysis/indonesia", "date": "2024-03-03"}],
     [("https://site.example/analysis/indonesia", "Indonesia")]),
    ([{"title": "Research", "url": "/research/programs-and-projects"},
      {"title": "Ceasefires That Hold", "url": "/research/ceasefires-that-hold-in-the-north"}],
     [("https://site.example/research/ceasefires-that-hold-in-the-north",
       "Ceasefires That Hold")]),
    ([{"title": "Ceasefires That Hold", "url": "mailto:desk@site.example", "date": "2024"},
      {"@type": "Person", "name": "Jane Doe", "url": "/experts/jane-doe-senior-fellow"},
      {"@type": "WebSite", "name": "The Institute", "url": "https://site.example/"}], []),
])
def test_data_items_are_titled_links(data: list[object], expected: list[tuple[str, str]]
                                     ) -> None:
    """An item is an object with a title of two words or more and an http(s) link."""
    doc = parse_html(f"<html><body>{script(data)}</body></html>", "https://site.example/x")
    assert [(url, title) for url, title, _ in embedded.data_cards(doc)] == expected


def test_hostile_data_is_bounded() -> None:
    """Data nested past any stack, or holding more objects than a page lists, is read up to
    a bound and raises nothing."""
    deep = "[" * 200_000 + "]" * 200_000
    many = json.dumps([{"title": f"Item number {i}", "url": f"/item-{i}"}
                       for i in range(200_000)])
    for blob in (deep, many):
        doc = parse_html(f'<html><body><script type="application/json">{blob}</script>'
                         "</body></html>", "https://site.example/x")
        assert len(embedded.data_cards(doc)) <= embedded.MAX_OBJECTS


def test_a_script_only_listing_takes_every_page_below_it_from_the_sitemap(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """With no link and no data, the sitemap's pages below the listing's path are its
    items, whatever their names ("/publications/ideen", "…/article.php?storyid=504");
    pages elsewhere and the listing's navigation are not."""
    base = httpserver_ipv4.url_for("/").rstrip("/")
    below = ["/publications/ideen", "/publications/modules/news/article.php?storyid=504",
             "/publications/ceasefires-that-hold"]
    others = ["/about", "/publications/page/2", "/events/annual-conference-on-ceasefires"]
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in below + others)
    pages = {"/publications/": page("<div id='app'></div>"),
             "/robots.txt": f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
             "/sitemap.xml": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                             f'schemas/sitemap/0.9">{urls}</urlset>'}
    paths, _ = found(httpserver_ipv4, pages, "/publications/", store, tmp_path)
    assert paths == below
