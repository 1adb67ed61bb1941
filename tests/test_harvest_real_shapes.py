"""A harvest keeps what single-page extraction gets right, on site shapes real sites have.

Each test serves a small synthetic site on a local HTTP server, harvests it from its start
URL with `run_source` and checks the stored records against what each page says of itself:
a template's shared canonical URL, or a listing card's title cut short, must not cost a
publication its record or its title; a listing card's day makes a short landing page one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvest_site import harvest_start
from harvester.record import Record
from harvester.store import Store

TITLES = ("Ceasefires That Hold Along the Northern Line", "Monitors at the Line in Winter",
          "Talks Resume in Geneva After a Long Pause")
TEXT = "<p>The report looks at the ceasefire lines, the monitors and the talks after.</p>" * 10


def slug(title: str) -> str:
    """Return the URL path of a publication under /research/."""
    return "/research/" + "-".join(title.lower().split())


def article(title: str, head: str = "", heading: bool = True) -> str:
    """Return a dated article page; `head` adds to its head, `heading` gives it an h1."""
    h1 = f"<h1>{title}</h1>" if heading else ""
    return (f"<html><head><title>Institute - {title}</title>{head}"
            f'<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="2024-03-03"></head>'
            f"<body><main>{h1}<p>By Jane Doe</p>{TEXT}</main></body></html>")


def listing(cards: list[tuple[str, str]]) -> str:
    """Return a listing page of cards: a linked heading and a date each."""
    items = "".join(f'<article class="card"><h2><a href="{path}">{title}</a></h2>'
                    f"<p>3 March 2024</p></article>" for path, title in cards)
    return (f"<html><head><title>Research</title></head><body><main><h1>Research</h1>{items}"
            f"</main></body></html>")


def harvest(server: HTTPServer, pages: dict[str, str], store: Store, tmp_path: Path
            ) -> list[Record]:
    """Serve the pages (anything else is a 404), harvest from /research/; return records."""
    def handler(request: Request) -> Response:
        body = pages.get(request.path)
        if body is None:
            return Response("<html><body>Not found</body></html>", 404,
                            content_type="text/html")
        return Response(body, 200, content_type="text/html")

    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    harvest_start(server.url_for("/research/"), store, tmp_path, max_pages=5)
    return list(store.records())


@pytest.mark.parametrize("canonical", ["/research/", "/research/latest"])
def test_a_template_s_shared_canonical_merges_no_publications(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, canonical: str) -> None:
    """A CMS template that gives every article the same canonical (the listing's, or one
    other URL) makes them no one page: each keeps a record of its own."""
    pages = {slug(t): article(t, f'<link rel="canonical" href="{canonical}">') for t in TITLES}
    pages["/research/"] = listing([(slug(t), t) for t in TITLES])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)
    assert not any(r.url.endswith("/research/") for r in records)


def test_a_template_s_shared_canonical_leaves_every_page_its_own_url(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """The first article that declares a template's canonical is not left under it when the
    second comes: every article is stored under the URL it was fetched from, and the shared
    URL holds no record."""
    pages = {slug(t): article(t, '<link rel="canonical" href="/research/latest">')
             for t in TITLES}
    pages["/research/"] = listing([(slug(t), t) for t in TITLES])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted((r.url.rsplit("/", 1)[1], r.title) for r in records) == sorted(
        (slug(t).rsplit("/", 1)[1], t) for t in TITLES)
    assert store.fetch_state(httpserver_ipv4.url_for("/research/latest")).kind == "canonical"


def test_a_shared_canonical_seen_across_runs_moves_the_first_record(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A site whose one article declares a template's canonical has it stored there; when
    a later run finds a second article declaring it too, the first moves to its own URL,
    keeping when it was first seen, and the second is stored under its own."""
    pages = {slug(t): article(t, '<link rel="canonical" href="/research/latest">')
             for t in TITLES[:2]}
    pages["/research/"] = listing([(slug(TITLES[0]), TITLES[0])])
    [first] = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert first.url.endswith("/research/latest")  # one page alone: nothing says otherwise
    pages["/research/"] = listing([(slug(t), t) for t in TITLES[:2]])
    records = {r.title: r for r in harvest(httpserver_ipv4, pages, store, tmp_path)}
    assert sorted(records) == sorted(TITLES[:2])
    assert {t: r.url.rsplit("/", 1)[1] for t, r in records.items()} == {
        t: slug(t).rsplit("/", 1)[1] for t in TITLES[:2]}
    assert records[TITLES[0]].first_seen == first.first_seen
    assert store.count() == 2


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_article_declaring_another_article_s_url_takes_nothing_from_it(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path,
        order: tuple[int, int]) -> None:
    """An article whose template names another article as canonical is stored under its
    own URL, and the other article keeps its record, whichever of the two is read first."""
    wrong, right = TITLES[0], TITLES[1]
    pages = {slug(wrong): article(wrong, f'<link rel="canonical" href="{slug(right)}">'),
             slug(right): article(right, f'<link rel="canonical" href="{slug(right)}">')}
    cards = [(slug(wrong), wrong), (slug(right), right)]
    pages["/research/"] = listing([cards[k] for k in order])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted((r.url.rsplit("/", 1)[1], r.title) for r in records) == sorted(
        (slug(t).rsplit("/", 1)[1], t) for t in (wrong, right))


def test_a_page_served_under_two_urls_is_one_record(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A Drupal listing links a node path ("/node/1") that serves its alias's bytes, no
    canonical saying so; the sitemap lists the alias: one publication, one record."""
    pages = {slug(t): article(t) for t in TITLES}
    pages["/node/1"] = pages[slug(TITLES[0])]
    pages["/research/"] = listing([("/node/1", TITLES[0])] + [(slug(t), t) for t in TITLES[1:]])
    urls = "".join(f"<url><loc>{httpserver_ipv4.url_for(slug(t))}</loc></url>" for t in TITLES)
    pages["/sitemap.xml"] = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                             f'schemas/sitemap/0.9">{urls}</urlset>')
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)


UNDATED = ('<meta property="article:published_time" content="2024-03-03">',
           '<meta name="description" content="How ceasefires along the northern line have '
           'held for three years, and what the monitors who watch them need next.">')


@pytest.mark.parametrize("dated", [True, False])
def test_a_post_filed_under_two_categories_is_one_record(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, dated: bool) -> None:
    """WordPress's category permalinks serve one post at "/policy/x" and "/security/x",
    each with its own breadcrumb and no canonical: the same title, day, author and text
    make one publication (or, undated, the same title and description)."""
    def filed(title: str, category: str) -> str:
        page = article(title) if dated else article(title).replace(*UNDATED)
        return page.replace("<main>", f"<main><p class='crumbs'>Home &gt; {category}</p>")
    name = slug(TITLES[0]).rsplit("/", 1)[1]
    pages = {slug(t): article(t) for t in TITLES[1:]}
    pages[f"/policy/{name}"] = filed(TITLES[0], "Policy")
    pages[f"/security/{name}"] = filed(TITLES[0], "Security")
    pages["/research/"] = listing([(f"/policy/{name}", TITLES[0]), (f"/security/{name}",
                                   TITLES[0])] + [(slug(t), t) for t in TITLES[1:]])
    if not dated:
        pages["/research/"] = pages["/research/"].replace("<p>3 March 2024</p>", "")
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)


@pytest.mark.parametrize("pager", [False, True])
def test_a_blog_of_one_page_is_read_through_its_month_archives(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, pager: bool) -> None:
    """A blog that shows its newest post and no pager leads to the others only through its
    sidebar's month archives ("/2024/03/"): they are walked. With a pager they are not
    (its pages lead to everything)."""
    pages = {slug(t): article(t) for t in TITLES}
    aside = ("<aside class='widget_archive'><h2>Archives</h2><ul><li><a href='/2024/03/'>March "
             "2024</a></li><li><a href='/2024/02/'>February 2024</a></li></ul></aside>")
    more = "<a rel='next' href='/research/page/2/'>Older posts</a>" if pager else ""
    pages["/research/"] = listing([(slug(TITLES[0]), TITLES[0])]).replace(
        "</main>", f"{more}</main>{aside}")
    pages["/research/page/2/"] = listing([(slug(t), t) for t in TITLES[1:]])
    pages["/2024/03/"] = listing([(slug(TITLES[1]), TITLES[1])])
    pages["/2024/02/"] = listing([(slug(TITLES[2]), TITLES[2])])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)
    asked = [request.path for request, _ in httpserver_ipv4.log]
    assert ("/2024/03/" in asked) is not pager


def test_a_print_version_declaring_its_page_stays_one_record(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A second URL of one publication (its print view) declaring the page as canonical,
    with the same title, is the same publication: one record, under the canonical URL."""
    title = TITLES[0]
    own = f'<link rel="canonical" href="{slug(title)}">'
    pages = {slug(title): article(title, own), slug(title) + "-print": article(title, own),
             slug(TITLES[1]): article(TITLES[1])}
    pages["/research/"] = listing([(slug(title), title), (slug(title) + "-print", title),
                                   (slug(TITLES[1]), TITLES[1])])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.url.rsplit("/", 1)[1] for r in records) == sorted(
        slug(t).rsplit("/", 1)[1] for t in TITLES[:2])


def test_a_card_title_cut_short_does_not_replace_the_page_s_title(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A listing shows titles cut short ("Ceasefires That Hold …"): a page whose title only
    its <title> gives ("Institute - Ceasefires That Hold Along…") keeps it in full, without
    the site's name; a page with a headline keeps its headline."""
    cut = [(slug(t), t[:22].rsplit(" ", 1)[0] + " …") for t in TITLES]
    pages = {slug(t): article(t, heading=i != 0) for i, t in enumerate(TITLES)}
    pages["/research/"] = listing(cut)
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)


def test_an_article_with_its_menu_as_a_json_ld_item_list_is_stored(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """News CMSs give every page the site's menu as a JSON-LD ItemList of
    SiteNavigationElements (or a carousel of other stories): beside an article's own
    markers, its date and its text, the page is still a publication, not a listing."""
    menu = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            '"ItemList", "itemListElement": [' + ", ".join(
                f'{{"@type": "SiteNavigationElement", "position": {k}, "name": "{name}", '
                f'"url": "/{name.lower()}/"}}' for k, name in enumerate(("News", "Sport"), 1))
            + "]}</script>")
    pages = {slug(t): article(t, menu) for t in TITLES}
    pages["/research/"] = listing([(slug(t), t) for t in TITLES])
    records = harvest(httpserver_ipv4, pages, store, tmp_path)
    assert sorted(r.title for r in records) == sorted(TITLES)


# -- the card that led to a page is evidence of what the page is ------------------------

RELATED = "".join(
    f"<div class='card'><p>Report</p><h3><a href='/research/other-report-{n}'>Another report "
    f"number {n} on the region</a></h3><p>May 2023</p></div>" for n in range(6))


def landing(title: str) -> str:
    """Return a report's landing page: a month for a date, a short abstract, a download link
    and six related reports, and no byline or type of its own."""
    text = "The ceasefire has held for three years, yet it remains vulnerable to shocks. " * 5
    return (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
            f"<p>March 2024</p><p>{text}</p><p><a href='/files/report.pdf'>Download</a></p>"
            f"</main><section><h2>Related Publications</h2>{RELATED}</section></body></html>")


@pytest.mark.parametrize(("card_extra", "stored"), [
    # the card gives the day (and the type): the landing page is a publication
    ("<p>Special Report</p><p>March 5, 2024</p>", True),
    # the card gives nothing more than the page: nothing tells a publication
    ("", False),
])
def test_a_dated_card_makes_its_short_landing_page_a_publication(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, card_extra: str,
        stored: bool) -> None:
    """A short landing page with a month for a date and related reports beside it is stored
    when the listing card that links it gives its day: the card is evidence too."""
    titles = ["Sustaining the Ceasefire in Kashmir", "Monitors at the Line of Control",
              "Talks Resume in Geneva Next Week"]
    pages = {f"/research/{t.lower().replace(' ', '-')}": landing(t) for t in titles}
    cards = "".join(f"<article class='card'><h2><a href='{path}'>{t}</a></h2>{card_extra}"
                    f"</article>" for path, t in zip(pages, titles, strict=True))
    pages["/research/"] = ("<html><head><title>Research</title></head><body><main><h1>Research"
                           f"</h1>{cards}</main></body></html>")
    records = {r.title: r for r in harvest(httpserver_ipv4, pages, store, tmp_path)}
    assert (sorted(records) == sorted(titles)) is stored, sorted(records)
    if stored:
        first = records[titles[0]]
        assert (str(first.published), first.type) == ("2024-03-05", "Special Report")
