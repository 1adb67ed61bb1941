"""Discovery against real local HTTP servers: whole sites found from a start URL only.

The sites live in `tests/sites/<name>/`; each has an `expected.txt` listing the
publication paths it holds. Files map to URLs as `/a/b` -> `a/b.html`,
`/a?page=2` -> `a@page=2.html`, `/a.xml.gz` -> `a.xml` gzipped on the fly;
`{{BASE}}` becomes the server's base URL. Every response carries an ETag and
honours If-None-Match with 304.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from harvester.config import Settings, Source
from harvester.demo import load_manifest, serve_site
from harvester.discover import DiscoverReport, Link, discover
from harvester.fetch import Fetcher
from harvester.record import Record
from harvester.store import Store

SITES = Path(__file__).parent / "sites"
_TYPES = {".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
          ".gz": "application/gzip", ".html": "text/html; charset=utf-8"}
Handler = Callable[[Request], Response]


def site_handler(name: str, base: str, overrides: dict[str, Response | str] | None = None
                 ) -> Handler:
    """Return a handler serving `tests/sites/<name>` (overrides: path -> file name or response)."""
    root = SITES / name

    def handler(request: Request) -> Response:
        override = (overrides or {}).get(request.path)
        if isinstance(override, Response):
            return override
        file = root / override if override else _file_for(root, request)
        if file is None or not file.is_file():
            return Response("<html><body>Not found</body></html>", 404, content_type="text/html")
        body = file.read_bytes().replace(b"{{BASE}}", base.encode())
        if request.path.endswith(".gz"):
            body = gzip.compress(body, mtime=0)
        return with_etag(request, body, _TYPES.get(Path(request.path).suffix, _TYPES[".html"]))

    return handler


def _file_for(root: Path, request: Request) -> Path | None:
    """Map a request to a file of the site folder (None for names that cannot be files)."""
    path = request.path
    if ".." in path:
        return None
    if Path(path).suffix in (".txt", ".xml", ".gz"):
        return root / path.lstrip("/").removesuffix(".gz")
    query = request.query_string.decode()
    stem = path.strip("/") or "index"
    return root / (stem + (f"@{query}" if query else "") + ".html")


def with_etag(request: Request, body: bytes, content_type: str) -> Response:
    """Answer with an ETag, or 304 when the client already has this body."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    if request.headers.get("If-None-Match") == etag:
        return Response(status=304, headers={"ETag": etag})
    return Response(body, 200, headers={"ETag": etag}, content_type=content_type)


def serve(server: HTTPServer, handler: Handler) -> None:
    """Let one handler answer every request to the server."""
    server.expect_request(re.compile(".*")).respond_with_handler(handler)


def expected(name: str, base: str) -> list[str]:
    """Return the absolute publication URLs a fixture site holds."""
    lines = (SITES / name / "expected.txt").read_text("utf-8").splitlines()
    return [base + line.strip() for line in lines if line.strip() and not line.startswith("#")]


def requested(server: HTTPServer) -> list[str]:
    """Return the paths (with query) the server was asked for, in order."""
    return [r.full_path.rstrip("?") for r, _ in server.log]


@pytest.fixture
def base(httpserver_ipv4: HTTPServer) -> str:
    """The test server's base URL, without a trailing slash."""
    return httpserver_ipv4.url_for("/").rstrip("/")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fast settings: no delay, no retries, short timeouts."""
    return Settings(data_dir=tmp_path / "data", out_dir=tmp_path / "out", delay=0.0, retries=0,
                    timeout=3.0, max_pages=50)


def run(source: Source, settings: Settings, store: Store, *, incremental: bool = False
        ) -> tuple[list[Link], DiscoverReport]:
    """Run discovery to the end with a real fetcher; return the links and the report."""
    report = DiscoverReport()
    with Fetcher(settings) as fetcher:
        links = list(discover(source, settings, fetcher, store, incremental=incremental,
                              report=report))
    return links, report


@pytest.mark.parametrize(("site", "start"), [
    ("thinktank", "/research"),      # pagination by <link rel=next> only
    ("blog", "/blog/"),              # WordPress: "Older posts" and /page/N/
    ("news", "/news"),               # bare ?page=N number links, plain headline list
])
def test_listing_site_yields_every_publication_and_nothing_else(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store,
        site: str, start: str) -> None:
    """Only start_urls configured: all publications, once each, no nav/tag/listing URL."""
    serve(httpserver_ipv4, site_handler(site, base))
    links, report = run(Source(name=site, start_urls=(base + start,)), settings, store)
    urls = [link.url for link in links]
    assert urls == expected(site, base)
    assert report.listing_pages == 3
    assert report.failures == []
    assert {link.via for link in links} == {"listing"}


def test_listing_cards_travel_with_their_links(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """The card next to a link gives title, date and author before the page is fetched."""
    serve(httpserver_ipv4, site_handler("thinktank", base))
    links, _ = run(Source(name="tt", start_urls=(base + "/research",)), settings, store)
    first = links[0]
    assert first.card is not None and first.card.url == first.url
    assert first.card.title == "Rebuilding Local Courts After Conflict"
    assert str(first.card.published) == "2024-03-04"
    assert [a.name for a in first.card.authors] == ["Jane Doe"]


def test_sitemap_only_site_is_found_through_robots_txt(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A JavaScript-only listing: robots.txt -> sitemap index -> gzip sitemap, filtered."""
    serve(httpserver_ipv4, site_handler("reports", base))
    links, report = run(Source(name="efi", start_urls=(base + "/reports",)), settings, store)
    assert sorted(link.url for link in links) == sorted(expected("reports", base))
    assert {link.via for link in links} == {"sitemap"}
    newest_first = [link.lastmod for link in links if link.lastmod]
    assert newest_first == sorted(newest_first, reverse=True) and links[-1].lastmod is None
    dated = {link.url: link.lastmod for link in links}
    # A day-only <lastmod> 2024-02-11 stands for its latest moment (the day's end at UTC-12).
    assert dated[base + "/reports/2024/hydrogen-hubs-a-reality-check"].isoformat() \
        == "2024-02-12T12:00:00+00:00"
    assert dated[base + "/reports/2022/the-cost-of-curtailment"] is None
    assert "/sitemap-reports.xml.gz" in requested(httpserver_ipv4)
    assert "/post_tag-sitemap.xml" not in requested(httpserver_ipv4)
    assert report.sitemap_urls == 16


def test_site_feed_adds_items_and_card_metadata(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """The start page's RSS feed: authors merged into listing cards, extra items yielded."""
    serve(httpserver_ipv4, site_handler("feedsite", base))
    links, report = run(Source(name="pq", start_urls=(base + "/articles",)), settings, store)
    assert [link.url for link in links] == expected("feedsite", base)
    assert [link.via for link in links] == ["listing"] * 3 + ["feed"] * 2
    by_url = {link.url: link.card for link in links}
    gold = by_url[base + "/articles/why-central-banks-are-buying-gold"]
    assert gold is not None
    assert [a.name for a in gold.authors] == ["Samuel Osei", "Priya Nair"]
    assert gold.title == "Why central banks are buying gold"
    assert report.feed_items == 5
    assert "/comments/feed.xml" not in requested(httpserver_ipv4)


def test_a_json_feed_the_listing_announces_adds_its_items(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A JSON Feed (application/feed+json, served as application/json) gives the items the
    listing does not show, with their cards; a JSON API link is no feed and is not read."""
    body = (SITES / "jsonfeedsite" / "feed.json").read_bytes().replace(b"{{BASE}}", base.encode())
    feed = {"/feed.json": Response(body, 200, content_type="application/json")}
    serve(httpserver_ipv4, site_handler("jsonfeedsite", base, feed))  # type: ignore[arg-type]
    links, report = run(Source(name="pq", start_urls=(base + "/notes",)), settings, store)
    assert sorted(link.url for link in links) == sorted(expected("jsonfeedsite", base))
    assert report.feed_items == 4
    cards = {link.url: link.card for link in links}
    gold = cards[base + "/notes/why-central-banks-are-buying-gold"]
    assert gold is not None and [a.name for a in gold.authors] == ["Samuel Osei", "Priya Nair"]
    assert "/api/notes.json" not in requested(httpserver_ipv4)


def test_a_wordpress_listing_built_by_script_is_read_from_its_rest_api(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A blog page whose script builds its list from the WordPress REST API (announced with
    rel="https://api.w.org/"), no feed, no sitemap: the API's posts are the publications,
    with their titles, days and excerpts as cards; one page of the API is enough."""
    body = (SITES / "wpjs" / "posts.json").read_bytes().replace(b"{{BASE}}", base.encode())
    api = {"/wp-json/wp/v2/posts": Response(body, 200, content_type="application/json")}
    serve(httpserver_ipv4, site_handler("wpjs", base, api))  # type: ignore[arg-type]
    source = Source(name="pq", start_urls=(base + "/blog/",), use_sitemaps=False)
    links, _ = run(source, settings, store)
    assert sorted(link.url for link in links) == sorted(expected("wpjs", base))
    cards = {link.url: link.card for link in links}
    gold = cards[base + "/2024/03/05/why-central-banks-are-buying-gold/"]
    assert gold is not None and gold.title == "Why central banks are buying gold – and why now"
    assert gold.published is not None and gold.published.isoformat()[:10] == "2024-03-05"
    asked = [p for p in requested(httpserver_ipv4) if p.startswith("/wp-json/")]
    assert asked == ["/wp-json/wp/v2/posts?per_page=100&page=1"]


def test_start_url_may_be_a_json_feed(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A JSON Feed as the only start URL: its items (those with an address) are the
    publications."""
    body = (SITES / "jsonfeedsite" / "feed.json").read_bytes().replace(b"{{BASE}}", base.encode())
    feed = {"/feed.json": Response(body, 200, content_type="application/feed+json")}
    serve(httpserver_ipv4, site_handler("jsonfeedsite", base, feed))  # type: ignore[arg-type]
    links, report = run(Source(name="pq", start_urls=(base + "/feed.json",)), settings, store)
    assert sorted(link.url for link in links) == sorted(expected("jsonfeedsite", base))
    assert {link.via for link in links} == {"feed"} and report.feed_items == 4


def test_start_url_may_be_the_sites_feed(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A feed URL as the only start URL: its items are the publications."""
    serve(httpserver_ipv4, site_handler("feedsite", base))
    links, report = run(Source(name="pq", start_urls=(base + "/feed.xml",)), settings, store)
    assert [link.url for link in links] == expected("feedsite", base)
    assert {link.via for link in links} == {"feed"} and report.feed_items == 5
    assert links[0].card is not None and links[0].card.topics == ("Economy", "Trade")


def test_start_url_may_be_a_sitemap(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A sitemap as the only start URL: every item-shaped page of the site, fetched once."""
    serve(httpserver_ipv4, site_handler("reports", base))
    source = Source(name="efi", start_urls=(base + "/sitemap_index.xml",), use_sitemaps=False)
    links, _ = run(source, settings, store)
    press = base + "/press/2024/institute-names-new-director-of-research"
    assert sorted(link.url for link in links) == sorted([*expected("reports", base), press])
    assert requested(httpserver_ipv4).count("/sitemap_index.xml") == 1


def test_incremental_run_skips_sitemaps_older_than_the_last_run(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A changed index: only child sitemaps modified since the last complete run are read."""
    overrides: dict[str, Response | str] = {}
    serve(httpserver_ipv4, site_handler("reports", base, overrides))
    source = Source(name="efi", start_urls=(base + "/reports",))
    harvest_all(run(source, settings, store)[0], store, "efi")
    changed = (SITES / "reports" / "sitemap_index.xml").read_text().replace(
        "</sitemapindex>", "<!-- changed --></sitemapindex>")
    overrides["/sitemap_index.xml"] = Response(changed.replace("{{BASE}}", base),
                                               content_type="application/xml")
    httpserver_ipv4.clear_log()
    run(source, settings, store, incremental=True)
    assert "/sitemap-reports.xml.gz" not in requested(httpserver_ipv4)
    assert "/sitemap-pages.xml" in requested(httpserver_ipv4)


def dynamic_listing(pages: Callable[[int], int | None], items: Callable[[int], list[str]]
                    ) -> Handler:
    """Return a handler for `/list?page=N`: its items and a rel=next link to `pages(N)`."""
    def handler(request: Request) -> Response:
        if request.path != "/list":
            return Response("not found", 404)
        number = int(request.args.get("page", "1"))
        nxt = pages(number)
        link = f'<link rel="next" href="/list?page={nxt}">' if nxt else ""
        cards = "".join(f'<div class="item"><h2><a href="{path}">Item title number {path[-9:]}'
                        f"</a></h2><p>Summary text.</p></div>" for path in items(number))
        body = f"<html><head>{link}</head><body><main>{cards}</main></body></html>"
        return with_etag(request, body.encode(), "text/html")
    return handler


def test_endless_pagination_is_bounded_by_max_pages(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A listing that never ends stops after max_pages pages."""
    serve(httpserver_ipv4, dynamic_listing(
        lambda n: n + 1, lambda n: [f"/items/an-item-on-page-{n:04d}-{k}" for k in range(3)]))
    source = Source(name="endless", start_urls=(base + "/list",), max_pages=5)
    links, report = run(source, settings, store)
    assert report.listing_pages == 5
    assert len(links) == 15


def test_pagination_loop_is_never_revisited(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """Page 3's next link back to page 1 ends the walk."""
    serve(httpserver_ipv4, dynamic_listing(
        lambda n: n % 3 + 1, lambda n: [f"/items/looping-item-number-{n:04d}"]))
    links, report = run(Source(name="loop", start_urls=(base + "/list?page=1",)), settings,
                        store)
    assert report.listing_pages == 3
    assert len(links) == 3


def test_listing_that_ignores_its_page_parameter_stops(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """Pages that repeat the same items end the walk after two pages without news."""
    serve(httpserver_ipv4, dynamic_listing(
        lambda n: n + 1, lambda n: ["/items/the-same-item-every-time-0001"]))
    links, report = run(Source(name="same", start_urls=(base + "/list",)), settings, store)
    assert len(links) == 1
    assert report.listing_pages == 3


def test_url_variants_collapse_to_one_link(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """Tracking parameters, fragments, slashes, index.html and http/https spell one page."""
    host = base.split("://", 1)[1]
    variants = [
        "/analysis/a-long-piece-of-analysis", "/analysis/a-long-piece-of-analysis/",
        "/analysis/a-long-piece-of-analysis?utm_source=x&utm_campaign=y",
        "/analysis/a-long-piece-of-analysis#comments", "/analysis//a-long-piece-of-analysis",
        f"https://{host}/analysis/a-long-piece-of-analysis",
        f"http://{host.upper()}/analysis/./a-long-piece-of-analysis?fbclid=1",
        "/analysis/a-long-piece-of-analysis/index.html",
        "/analysis/another-long-piece-of-analysis", "/analysis/another-long-piece-of-analysis/",
    ]
    cards = "".join(f'<div class="c"><h3><a href="{v}">A long piece of analysis here</a></h3>'
                    f"</div>" for v in variants)
    page = f"<html><body><main>{cards}</main></body></html>".encode()
    serve(httpserver_ipv4, lambda request: with_etag(request, page, "text/html"))
    links, _ = run(Source(name="v", start_urls=(base + "/analysis",)), settings, store)
    assert [link.url for link in links] == [base + "/analysis/a-long-piece-of-analysis",
                                            base + "/analysis/another-long-piece-of-analysis"]


def harvest_all(links: list[Link], store: Store, source: str) -> None:
    """Do what the pipeline does with each link (store a record), then close a complete run."""
    run_id = store.start_run(source)
    for link in links:
        store.upsert(Record(url=link.url, source=source, title="A publication"))
    store.finish_run(run_id, {"new": len(links)}, complete=True)


def test_incremental_run_stops_on_a_304_listing(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """After a complete run, an unchanged first listing page costs one conditional request."""
    serve(httpserver_ipv4, site_handler("thinktank", base))
    source = Source(name="tt", start_urls=(base + "/research",))
    first, _ = run(source, settings, store)
    harvest_all(first, store, "tt")
    httpserver_ipv4.clear_log()
    links, report = run(source, settings, store, incremental=True)
    assert links == []
    assert report.stopped_early
    listing = [(r, resp) for r, resp in httpserver_ipv4.log if r.path.startswith("/research")]
    assert len(listing) == 1
    request, response = listing[0]
    assert request.headers.get("If-None-Match") and response.status_code == 304


def test_incremental_run_stops_at_a_page_of_known_links(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A new item on page 1: pages are walked until one holds only known publications."""
    overrides: dict[str, Response | str] = {}
    serve(httpserver_ipv4, site_handler("thinktank", base, overrides))
    source = Source(name="tt", start_urls=(base + "/research",))
    first, _ = run(source, settings, store)
    harvest_all(first, store, "tt")
    overrides["/research"] = "research.changed.html"
    httpserver_ipv4.clear_log()
    links, report = run(source, settings, store, incremental=True)
    new = base + "/research/2024/protecting-aid-workers-in-active-conflicts"
    assert links[0].url == new
    assert report.stopped_early
    assert "/research/archive-2" in requested(httpserver_ipv4)
    assert "/research/archive-3" not in requested(httpserver_ipv4)


def test_full_run_never_sends_validators(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """Without incremental mode every listing page is fetched in full, so every link is seen."""
    serve(httpserver_ipv4, site_handler("thinktank", base))
    source = Source(name="tt", start_urls=(base + "/research",))
    harvest_all(run(source, settings, store)[0], store, "tt")
    httpserver_ipv4.clear_log()
    links, report = run(source, settings, store, incremental=False)
    assert len(links) == 10 and not report.stopped_early
    assert not any(r.headers.get("If-None-Match") for r, _ in httpserver_ipv4.log)


def test_failing_listing_is_reported_and_sitemaps_still_used(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A listing answering 500 becomes one failure line; the sitemap still gives links."""
    broken = {"/reports": Response("oops", 500)}
    serve(httpserver_ipv4, site_handler("reports", base, broken))  # type: ignore[arg-type]
    links, report = run(Source(name="efi", start_urls=(base + "/reports",)), settings, store)
    assert report.failures == [(base + "/reports", "HTTP 500 Internal Server Error")]
    assert len(links) == len(expected("reports", base))


def test_listing_that_is_not_html_is_a_failure_not_a_crash(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A start URL serving a PDF: one clear failure line, and the sitemap still gives links."""
    pdf = {"/reports": Response(b"%PDF-1.7 binary", 200, content_type="application/pdf")}
    serve(httpserver_ipv4, site_handler("reports", base, pdf))  # type: ignore[arg-type]
    links, report = run(Source(name="efi", start_urls=(base + "/reports",)), settings, store)
    assert [url for url, _ in report.failures] == [base + "/reports"]
    assert "not HTML" in report.failures[0][1] and "\n" not in report.failures[0][1]
    assert len(links) == len(expected("reports", base))


def test_robots_disallowed_listing_is_a_failure_not_a_crash(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """robots.txt forbidding the listing: the reason is reported and nothing is requested."""
    rules = Response("User-agent: *\nDisallow: /research\n", content_type="text/plain")
    serve(httpserver_ipv4, site_handler("thinktank", base, {"/robots.txt": rules}))
    links, report = run(Source(name="tt", start_urls=(base + "/research",)), settings, store)
    assert links == []
    assert report.failures == [(base + "/research", "disallowed by robots.txt")]
    assert "/research" not in requested(httpserver_ipv4)


def test_bundled_demo_site_is_found_from_its_start_url(settings: Settings, store: Store
                                                       ) -> None:
    """The sample institute site: every publication of its manifest, nothing else."""
    with serve_site() as site:
        links, report = run(Source(name="demo", start_urls=(site.url("/publications"),)),
                            settings, store)
        wanted = {site.url(item["path"]) for item in load_manifest()}
    assert {link.url for link in links} == wanted
    assert report.failures == []


def test_hub_start_page_has_its_listings_walked(settings: Settings, store: Store) -> None:
    """A start page linking no publication but its topic listings (an index of issue
    areas) leads to every publication through them, sitemaps and feeds left aside; the
    next run fetches the hub whole, since its listings change while it does not."""
    with serve_site() as site:
        source = Source(name="demo", start_urls=(site.url("/issue-areas"),),
                        use_sitemaps=False, use_feeds=False)
        links, report = run(source, settings, store)
        wanted = {site.url(item["path"]) for item in load_manifest()}
        harvest_all(links, store, "demo")
        site.clear_requests()
        again, _ = run(source, settings, store, incremental=True)
        statuses = {r.path: r.status for r in site.requests}
    assert {link.url for link in links} == wanted
    assert report.failures == [] and report.listing_pages > 1
    assert again == []
    assert statuses["/issue-areas"] == 200
    assert [s for p, s in statuses.items() if p.startswith("/issue-areas/")] and all(
        s == 304 for p, s in statuses.items() if p.startswith("/issue-areas/")), statuses


def test_home_page_leads_to_the_listings_of_the_publications_it_shows(
        settings: Settings, store: Store) -> None:
    """A site's home page shows a few publications and links (in its menu) the listing
    that holds them all: that listing is walked too, sitemaps and feeds left aside."""
    with serve_site() as site:
        source = Source(name="demo", start_urls=(site.url("/"),), use_sitemaps=False,
                        use_feeds=False)
        links, report = run(source, settings, store)
        wanted = {site.url(item["path"]) for item in load_manifest()}
        paths = [r.path for r in site.requests]
    assert {link.url for link in links} == wanted
    assert report.failures == [] and "/publications" in paths


def test_home_page_block_leads_to_its_all_publications_listing(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """A home page shows the two newest under their days ("/2024/04/02/...", no folder of
    theirs linked) and its block's "All publications" link, which the menu names too,
    leads to the listing of them all; the events calendar is no listing of theirs."""
    serve(httpserver_ipv4, site_handler("magazine", base))
    source = Source(name="efr", start_urls=(base + "/",), use_sitemaps=False, use_feeds=False)
    links, report = run(source, settings, store)
    assert sorted(link.url for link in links) == sorted(expected("magazine", base))
    assert report.failures == [] and "/publications" in requested(httpserver_ipv4)


def test_home_page_section_that_is_a_hub_has_its_listings_walked(
        httpserver_ipv4: HTTPServer, base: str, settings: Settings, store: Store) -> None:
    """The home page shows two reports under /work/reports/ and its menu links /work/, a
    hub of two series: both series are walked, and nothing but publications is yielded."""
    serve(httpserver_ipv4, site_handler("institute", base))
    links, report = run(Source(name="ief", start_urls=(base + "/",)), settings, store)
    assert sorted(link.url for link in links) == sorted(expected("institute", base))
    assert report.failures == [] and report.listing_pages == 4
