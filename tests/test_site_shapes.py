"""Discovery on small sites shaped like the CMSs publication sites run on, from a start URL.

Each test builds a site as a map of paths to HTML (`page` wraps content in a header menu
and a footer, as real sites do), serves it on a real local HTTP server and checks which
links discovery yields: the publications, and no menu, job, section or other site page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvest_site import harvest_start
from harvester.config import Settings, Source
from harvester.discover import DiscoverReport, Link, discover
from harvester.fetch import Fetcher
from harvester.paginate import next_pages
from harvester.parse import parse_html
from harvester.store import Store
from harvester.urlshapes import is_filtered_listing, is_menu_section, is_year_of, navigation_reason

Pages = dict[str, str]
MENU = (("/research/", "Research"), ("/commentary/", "Commentary"), ("/events/", "Events"),
        ("/about/", "About us"), ("/donate/", "Donate"))


def page(content: str, menu: tuple[tuple[str, str], ...] = MENU) -> str:
    """Return a whole HTML page: a header with the menu, the content, a footer."""
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in menu)
    return (f'<!doctype html><html><head><title>Site</title></head><body>'
            f'<header class="site-header"><a href="/">Home</a><nav class="main-menu"><ul>{items}'
            f'</ul></nav><a href="/user/login">Log in</a></header><main>{content}</main>'
            f'<footer><a href="/privacy-policy">Privacy</a> <a href="/contact">Contact</a>'
            f"</footer></body></html>")


def card(path: str, title: str) -> str:
    """Return one listing card: a linked heading and a date."""
    return (f'<article class="card"><h2><a href="{path}">{title}</a></h2><p>3 March 2024</p>'
            f"</article>")


def serve_pages(server: HTTPServer, pages: Pages) -> None:
    """Serve the pages (path, or path?query, to HTML, or "->/to" to redirect); anything else
    is a 404."""
    def handler(request: Request) -> Response:
        query = request.query_string.decode()
        key = request.path + (f"?{query}" if query else "")
        body = pages.get(key)
        if body is None:
            return Response("<html><body>Not found</body></html>", 404, content_type="text/html")
        if body.startswith("->"):  # a redirect: "->/en/"
            return Response("", 301, headers={"Location": body[2:]})
        xml = request.path.endswith(".xml") or body.startswith("<?xml")
        kind = "application/xml" if xml else "text/plain" if request.path.endswith(".txt") \
            else "text/html"
        return Response(body, 200, content_type=kind)
    server.expect_request(re.compile(".*")).respond_with_handler(handler)


@pytest.fixture
def base(httpserver_ipv4: HTTPServer) -> str:
    """The test server's base URL, without a trailing slash."""
    return httpserver_ipv4.url_for("/").rstrip("/")


def found(server: HTTPServer, pages: Pages, start: str, store: Store, tmp_path: Path
          ) -> tuple[list[str], DiscoverReport]:
    """Serve the site, run discovery from one start path; return the paths yielded."""
    serve_pages(server, pages)
    base = server.url_for("/").rstrip("/")
    settings = Settings(data_dir=tmp_path / "data", out_dir=tmp_path / "out", delay=0.0,
                        retries=0, timeout=3.0, max_pages=10)
    report = DiscoverReport()
    with Fetcher(settings) as fetcher:
        links: list[Link] = list(discover(Source(name="s", start_urls=(base + start,)), settings,
                                          fetcher, store, incremental=False, report=report))
    return [link.url.removeprefix(base) for link in links], report


# -- a multilingual site: its utility pages live under the language prefix ----------------

@pytest.mark.parametrize("url", [
    "https://www.example.org/en/jobs/research-assistant-m-f-d",
    "https://www.example.de/de/karriere/wissenschaftliche-mitarbeiterin-energie",
    "https://www.example.fr/fr/recherche/resultats-de-la-recherche-avancee",
    "https://www.example.org/en/newsletter/subscribe-to-our-weekly-briefing",
])
def test_site_pages_under_a_language_prefix_are_navigation(url: str) -> None:
    """"/en/jobs/x" is the English site's "/jobs/x": a site page, not a publication."""
    assert navigation_reason(url) is not None


def test_language_prefix_keeps_publications_about_site_words() -> None:
    """Only the folder right under the language counts: an item named like one does not."""
    assert navigation_reason("https://x.org/en/publications/search-and-rescue-at-sea") is None
    assert navigation_reason("https://x.org/en/research/jobs-in-the-green-economy") is None


def test_multilingual_listing_leaves_out_its_job_ads(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A news-and-publications listing under /en/ mixes job ads in: only the reports."""
    reports = [f"/en/publications/energy-security-in-europe-part-{k}" for k in range(4)]
    jobs = ["/en/jobs/research-assistant-m-f-d", "/en/jobs/head-of-communications-m-f-d"]
    cards = [card(p, f"Energy security in Europe, part {k}") for k, p in enumerate(reports)]
    cards[1:1] = [card(p, "Research Assistant (m/f/d) in our energy team") for p in jobs]
    pages = {"/en/publications/": page("<h1>Latest</h1>" + "".join(cards))}
    paths, _ = found(httpserver_ipv4, pages, "/en/publications/", store, tmp_path)
    assert paths == reports


# -- a grid of whole-card links: no heading, short slugs (a React/Next.js site) -----------

def test_whole_card_links_without_headings_are_publications(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """"<a class=Card_root href=/insights/nato><div>Report</div><span>…</span><p>date</p></a>"
    in a row: each card is a publication, though its slug is one word and no heading says
    which text is its title; the filter tabs beside them are not."""
    slugs = ["nato", "brexit", "cop28", "g20"]
    cards = "".join(f'<a class="Card_root__x7Fq2" href="/insights/{s}"><div>Report</div>'
                    f'<span class="Card_name__b2">{s.upper()}</span><p>12 May 2024</p></a>'
                    for s in slugs)
    tabs = ('<div class="Tabs_row"><a class="Tab" href="/insights/reports">Reports</a>'
            '<a class="Tab" href="/insights/podcasts">Podcasts</a>'
            '<a class="Tab" href="/insights/events">Events</a></div>')
    pages = {"/insights": page(f'<h1>Insights</h1>{tabs}<div class="Grid_grid">{cards}</div>')}
    paths, _ = found(httpserver_ipv4, pages, "/insights", store, tmp_path)
    assert paths == [f"/insights/{s}" for s in slugs]


# -- a news site's home page: a block per section, its heading linking the section ---------

def test_news_home_page_yields_stories_not_the_sections_heading_them(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """"<h2><a href=/politics/>Politics</a></h2>" over the section's story cards is the
    section (walked as a listing), not a publication."""
    sections = {name: [f"/{name}/article-{12345 + k}{len(name)}.html" for k in range(2)]
                for name in ("politics", "business")}
    blocks = "".join(
        f'<section class="section-block"><h2><a href="/{name}/">{name.title()}</a></h2>'
        + "".join(f'<div class="teaser"><h3><a href="{p}">Minister resigns over the budget '
                  f"row, story {p[-9:-5]}</a></h3></div>" for p in stories) + "</section>"
        for name, stories in sections.items())
    pages = {"/": page(blocks), "/politics/": page(""), "/business/": page("")}
    paths, report = found(httpserver_ipv4, pages, "/", store, tmp_path)
    assert sorted(paths) == sorted(p for stories in sections.values() for p in stories)
    assert report.listing_pages == 3


# -- a home page showing some sections' latest: its menu's other sections hold more -------

def test_home_page_walks_the_menu_sections_it_shows_nothing_of(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """The home page shows the latest research and commentary; the menu's "Podcasts" is
    shown nowhere on it today, yet it is a section of publications too. The menu's events,
    about and donate pages are not walked."""
    menu = (("/research/", "Research"), ("/commentary/", "Commentary"),
            ("/podcasts/", "Podcasts"), ("/events/", "Events"), ("/about/", "About us"),
            ("/donate/", "Donate"))
    sections = {name: [f"/{name}/the-future-of-european-defence-{name}-{k}/" for k in range(2)]
                for name in ("research", "commentary", "podcasts")}
    pages = {f"/{name}/": page("".join(card(p, f"Defence {p[-3:-1]}") for p in items), menu)
             for name, items in sections.items()}
    pages["/"] = page("".join(card(items[0], "Latest") for name, items in sections.items()
                              if name != "podcasts"), menu)
    paths, report = found(httpserver_ipv4, pages, "/", store, tmp_path)
    assert sorted(paths) == sorted(p for items in sections.values() for p in items)
    assert report.listing_pages == 4


# -- a landing page: no publication on the home page, its sections only in the menu -------

@pytest.mark.parametrize("home", ["/", "/en/"])
def test_landing_home_page_leads_to_the_sections_its_menu_links(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, home: str) -> None:
    """A home page with a hero and a menu: the menu's sections are walked (not its about,
    donate or event pages, nor another language's), and nothing else is yielded."""
    menu = tuple((f"{home}{href.lstrip('/')}", text) for href, text in MENU) + (
        ("/de/forschung/", "Deutsch"),)
    reports = [f"{home}research/the-future-of-european-defence-{k}/" for k in range(3)]
    notes = [f"{home}commentary/a-note-on-defence-budgets-{k}/" for k in range(2)]
    pages = {
        home: page('<section class="hero"><h1>Independent research on defence</h1>'
                   f'<a class="button" href="{home}about/">Learn more</a></section>', menu),
        f"{home}research/": page("".join(card(p, f"Report {p[-3:-1]}") for p in reports), menu),
        f"{home}commentary/": page("".join(card(p, f"Note {p[-3:-1]}") for p in notes), menu),
    }
    paths, report = found(httpserver_ipv4, pages, home, store, tmp_path)
    assert paths == reports + notes
    assert report.listing_pages == 3


# -- a landing page whose menu opens on the sections' parts (a mega-menu) -----------------

@pytest.mark.parametrize(("url", "home", "section"), [
    ("https://x.org/research/", "https://x.org/", True),
    ("https://x.org/research/reports/", "https://x.org/", True),
    ("https://x.org/en/research/briefs/", "https://x.org/en/", True),
    ("https://x.org/research/the-annual-energy-outlook-2024/", "https://x.org/", False),
    ("https://x.org/de/forschung/", "https://x.org/", False),
    ("https://x.org/about/team/", "https://x.org/", False),
    ("https://x.org/research/reports/energy/", "https://x.org/", False),
])
def test_menu_sections_lie_one_or_two_folders_below_home(
        url: str, home: str, section: bool) -> None:
    """A section, or a section's part; no item, other language, site page or deeper page."""
    assert is_menu_section(url, home) is section


@pytest.mark.parametrize("start", ["/", "/en/"])
def test_landing_page_mega_menu_leads_to_two_level_sections(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, start: str) -> None:
    """"/" redirects to "/en/", whose menu links "Reports" and "Policy briefs" under a
    "Research" heading ("/en/research/reports/"): both are walked; the menu's featured
    report, its jobs and the other language's sections are not."""
    menu = (("/en/research/reports/", "Reports"), ("/en/research/briefs/", "Policy briefs"),
            ("/en/research/the-annual-energy-outlook-2024/", "Energy Outlook 2024"),
            ("/en/jobs/", "Jobs"), ("/en/about/team/", "Team"), ("/fr/recherche/", "Français"))
    reports = [f"/en/research/reports/the-future-of-european-defence-{k}/" for k in range(3)]
    briefs = [f"/en/research/briefs/a-note-on-defence-budgets-{k}/" for k in range(2)]
    french = ["/fr/recherche/rapports/l-avenir-de-la-defense-europeenne/"]
    pages = {
        "/": "->/en/",
        "/en/": page('<section class="hero"><h1>Independent research on defence</h1>'
                     '<a class="button" href="/en/about/">Who we are</a></section>', menu),
        "/en/research/reports/": page("".join(card(p, f"Report {p[-3:-1]}") for p in reports),
                                      menu),
        "/en/research/briefs/": page("".join(card(p, f"Brief {p[-3:-1]}") for p in briefs), menu),
        "/fr/recherche/": page("".join(card(p, "Rapport") for p in french), menu),
    }
    paths, report = found(httpserver_ipv4, pages, start, store, tmp_path)
    assert paths == reports + briefs
    assert report.listing_pages == 3


# -- a listing tabbed by year instead of paged ----------------------------------------------

@pytest.mark.parametrize(("url", "listing", "year"), [
    ("https://x.org/publications/2023/", "https://x.org/publications/", True),
    ("https://x.org/publications?year=2023", "https://x.org/publications", True),
    ("https://x.org/research?date%5Byear%5D=2023&type=report",
     "https://x.org/research?type=report", True),
    ("https://x.org/2023/", "https://x.org/", False),
    ("https://x.org/publications/2023/03/", "https://x.org/publications/", False),
    ("https://x.org/publications?year=2023&topic=energy", "https://x.org/publications", False),
    ("https://x.org/publications/a-report-on-energy/", "https://x.org/publications/", False),
    ("https://x.org/news/2023/", "https://x.org/publications/", False),
])
def test_a_listing_s_years_are_told(url: str, listing: str, year: bool) -> None:
    """A year's folder below the listing, or its year field; no month, filter or root year."""
    assert is_year_of(url, listing) is year


@pytest.mark.parametrize("tab", ["/publications/{year}/", "/publications/?year={year}"])
def test_listing_tabbed_by_year_walks_every_year(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, tab: str) -> None:
    """"/publications/" shows this year's reports and tabs to "2023" and "2022" (a folder or
    a year field), with no next page: every year's reports are found, each tab read once."""
    years = {2024: 3, 2023: 2, 2022: 2}
    reports = {y: [f"/publications/{y}/the-state-of-the-energy-union-{y}-{k}/" for k in range(n)]
               for y, n in years.items()}
    tabs = '<ul class="year-tabs">' + "".join(
        f'<li><a href="{tab.format(year=y)}">{y}</a></li>' for y in years) + "</ul>"
    pages = {tab.format(year=y): page(tabs + "".join(card(p, f"The energy union {p[-8:-1]}")
                                                     for p in reports[y])) for y in years}
    pages["/publications/"] = pages[tab.format(year=2024)]
    paths, report = found(httpserver_ipv4, pages, "/publications/", store, tmp_path)
    assert paths == [p for y in years for p in reports[y]]
    assert report.listing_pages == 4


# -- a WordPress category: a part of the blog, among posts the sitemap and feed list all ---

@pytest.mark.parametrize(("url", "filtered"), [
    ("https://blog.example/category/analysis/", True),
    ("https://blog.example/category/analysis/page/3/", True),
    ("https://www.example.org/topics/climate", True),
    ("https://www.example.org/publications?type=report", True),
    ("https://www.example.org/topics/", False),
    ("https://www.example.org/issue-areas", False),
    ("https://www.example.org/publications", False),
    ("https://www.example.org/", False),
])
def test_filtered_listings_are_told_from_whole_sections(url: str, filtered: bool) -> None:
    """One tag's, topic's or filter's listing is a part of its site; an index is not."""
    assert is_filtered_listing(url) is filtered


def test_category_start_keeps_to_the_categorys_posts(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A category's listing announces the blog's feed and the sitemap lists every post:
    neither adds the posts of other categories; the category's own feed may."""
    posts = [f"/2024/03/{day:02d}/thoughts-on-the-grain-deal-{day}/" for day in range(1, 9)]
    ours, feed_only = posts[:3], posts[3]

    def rss(paths: list[str]) -> str:
        items = "".join(f"<item><title>Post</title><link>{{BASE}}{p}</link></item>" for p in paths)
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'

    feeds = ('<link rel="alternate" type="application/rss+xml" href="/feed/">'
             '<link rel="alternate" type="application/rss+xml" href="/category/analysis/feed/">')
    urls = "".join(f"<url><loc>{{BASE}}{p}</loc></url>" for p in posts)
    pages = {
        "/category/analysis/": page("".join(card(p, f"Thoughts on the grain deal, {p[9:11]}")
                                            for p in ours)).replace("</head>", feeds + "</head>"),
        "/feed/": rss(posts), "/category/analysis/feed/": rss([*ours, feed_only]),
        "/sitemap.xml": ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                         f'sitemap/0.9">{urls}</urlset>'),
    }
    base = httpserver_ipv4.url_for("/").rstrip("/")
    pages = {path: body.replace("{BASE}", base) for path, body in pages.items()}
    paths, _ = found(httpserver_ipv4, pages, "/category/analysis/", store, tmp_path)
    assert paths == [*ours, feed_only]


# -- a blog's last page: one post left, too few to make cards -------------------------------

def test_last_page_of_few_posts_is_read_by_the_earlier_pages_shapes(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """Ghost and WordPress posts at the root ("/lisbon/"): the last page's lone post, in a
    heading but no card and with a short slug, has the shape of the posts before it."""
    posts = ["/hello-world/", "/my-trip/", "/lisbon/", "/sourdough/"]

    def listing(paths: list[str], more: str = "") -> str:
        cards = "".join(f'<article class="post-card"><a href="{p}"><h2>{p.strip("/")}</h2>'
                        f"<p>An excerpt.</p></a><time>Jan 1, 2024</time></article>" for p in paths)
        return page(cards + more, (("/about/", "About"),))

    pages = {"/": listing(posts[:3], '<a rel="next" href="/page/2/">Older posts</a>'),
             "/page/2/": listing(posts[3:])}
    paths, report = found(httpserver_ipv4, pages, "/", store, tmp_path)
    assert paths == posts and report.listing_pages == 2


# -- Joomla: pages numbered by the first item's offset, linked by number only -------------

@pytest.mark.parametrize(("url", "wanted"), [
    ("https://x.org/publications", "https://x.org/publications?start=10"),
    ("https://x.org/publications?start=10", "https://x.org/publications?start=20"),
    ("https://x.org/publications?start=20", None),
])
def test_offset_pages_follow_one_another(url: str, wanted: str | None) -> None:
    """"?start=10" after the first page, "?start=20" after it: the least offset above."""
    links = "".join(f'<a href="/publications?start={n}">{n // 10 + 1}</a>' for n in (0, 10, 20))
    doc = parse_html(f'<html><body><div class="pagination">{links}</div></body></html>', url)
    assert (next_pages(doc, url) or [None])[0] == wanted


# -- a site whose pages all carry its tagline as their description ------------------------

def test_the_site_s_tagline_is_no_publication_s_summary(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A CMS that gives every page the site's description ("The Institute is an independent
    think tank…") gives it on the listing too: a publication's summary is then its own
    first paragraph; a description of its own is kept."""
    tagline = "The Institute is an independent, nonpartisan think tank on conflict."
    head = f'<meta name="description" content="{tagline}">'

    def article(title: str, own: str | None) -> str:
        meta = f'<meta name="description" content="{own}">' if own else head
        more = "<p>More of the report, on the lines, the talks and the monitors.</p>" * 8
        return (f'<html><head><title>{title}</title>{meta}<meta property="og:type" '
                f'content="article"></head><body><main><h1>{title}</h1><p>3 March 2024</p>'
                f"<p>The first paragraph of {title}, which says what the report finds about "
                f"ceasefires and the monitors who watch them.</p>{more}</main></body></html>")

    titles = ["Ceasefires That Hold", "Monitors at the Line", "Talks Resume in Geneva"]
    pages = {f"/research/{t.lower().replace(' ', '-')}": article(t, "Its own summary." * 3
                                                                  if i == 2 else None)
             for i, t in enumerate(titles)}
    listing = "".join(card(path, t) for path, t in zip(pages, titles, strict=True))
    pages["/research/"] = page(listing).replace("<title>Site</title>",
                                                f"<title>Research</title>{head}")
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/research/"), store, tmp_path)
    summaries = {r.title: r.summary for r in store.records()}
    assert summaries["Ceasefires That Hold"].startswith("The first paragraph of Ceasefires")
    assert summaries["Monitors at the Line"].startswith("The first paragraph of Monitors")
    assert summaries["Talks Resume in Geneva"].startswith("Its own summary.")


# -- a JavaScript listing whose robots.txt names its sitemap by a path ----------------------

def test_a_relative_sitemap_line_of_robots_txt_is_read_against_the_site(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """"Sitemap: /sitemap_index.xml" (no host, as some sites write it) leads to the
    sitemap index, its post sitemap and its Google News sitemap: the empty listing's
    items come from there; the pages' and experts' sitemaps add nothing."""
    urlset = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' \
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{}</urlset>'
    posts = [f"/insights/ceasefire-lines-in-the-north-part-{k}" for k in range(4)]
    news = ("<news:news><news:publication_date>2024-03-10</news:publication_date>"
            "<news:title>Ceasefire lines</news:title></news:news>")
    pages = {
        "/robots.txt": "User-agent: *\nDisallow: /admin/\nSitemap: /sitemap_index.xml\n",
        "/insights/": page('<h1>Insights</h1><div id="__next"></div>'),
        "/sitemap_index.xml": '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps'
        '.org/schemas/sitemap/0.9">' + "".join(f"<sitemap><loc>/{n}.xml</loc></sitemap>" for n in
                                               ("pages", "posts", "news", "experts"))
        + "</sitemapindex>",
        "/pages.xml": urlset.format("<url><loc>/about/</loc></url><url><loc>/</loc></url>"),
        "/posts.xml": urlset.format("".join(f"<url><loc>{p}</loc></url>" for p in posts[:3])),
        "/news.xml": urlset.format(f"<url><loc>{posts[3]}</loc>{news}</url>"),
        "/experts.xml": urlset.format("<url><loc>/experts/jane-doe</loc></url>"),
    }
    paths, report = found(httpserver_ipv4, pages, "/insights/", store, tmp_path)
    assert sorted(paths) == posts and not report.failures


# -- a root that offers its languages: the harvest follows one of them ----------------------

@pytest.mark.parametrize(("head", "lang", "chosen"), [
    ("", "en", "en"), ("", "fr", "fr"),
    ('<link rel="alternate" hreflang="x-default" href="/fr/">', "en", "fr")])
def test_a_language_chooser_leads_to_one_language_s_publications(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, head: str, lang: str,
        chosen: str) -> None:
    """A root linking only "/en/" and "/fr/" (copies of one site) leads to one of them, as a
    root that redirects to a language does: its x-default, else the root's own language."""
    chooser = page('<h1>Peace Institute</h1><a href="/en/">English</a> '
                   '<a href="/fr/">Français</a>', ())
    pages = {"/": chooser.replace("<title>", f"{head}<title>").replace(
        "<html>", f'<html lang="{lang}">')}
    for code in ("en", "fr"):
        menu = ((f"/{code}/publications/", "Publications"), (f"/{code}/about/", "About"))
        items = [f"/{code}/publications/ceasefire-report-{k}" for k in range(3)]
        pages[f"/{code}/"] = page("<h1>Welcome</h1>" + card(items[0], "Ceasefire report 0"), menu)
        pages[f"/{code}/publications/"] = page("".join(card(p, f"Ceasefire report {p[-1]}")
                                                       for p in items), menu)
    paths, _ = found(httpserver_ipv4, pages, "/", store, tmp_path)
    assert sorted(paths) == [f"/{chosen}/publications/ceasefire-report-{k}" for k in range(3)]


# -- a start URL that is a feed, though its name does not say so ----------------------------

def test_a_feed_start_url_is_read_as_a_feed_whatever_its_name(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """"/feeds/publications" serves RSS: its items are the listing (they were refused as
    "not HTML"); a start URL serving HTML is still read as a listing page."""
    items = [f"/analysis/ceasefire-lines-part-{k}/" for k in range(3)]
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Analysis</title>'
           + "".join(f"<item><title>Part {k}</title><link>{p}?utm_source=rss</link>"
                     f"<pubDate>Sun, 03 Mar 2024 10:00:00 +0000</pubDate></item>"
                     for k, p in enumerate(items)) + "</channel></rss>")
    # The site's sitemap lists more of the same shape: a feed start, like one named as a
    # feed ("/feed/"), is the listing, and the sitemaps are left out.
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
               '0.9"><url><loc>/analysis/ceasefire-lines-part-9/</loc></url></urlset>')
    paths, report = found(httpserver_ipv4, {"/feeds/publications": rss,
                                            "/sitemap.xml": sitemap},
                          "/feeds/publications", store, tmp_path)
    assert paths == items and report.feed_items == 3 and not report.failures
