"""The parts of discovery that read one document: next-page links, feeds and sitemaps."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from harvester.indexes import MAX_SITEMAP_DEPTH, feed_urls, parse_feed, parse_sitemap, walk_sitemaps
from harvester.paginate import next_pages
from harvester.parse import parse_html

BASE = "https://site.example"


def first_next(markup: str, url: str = BASE + "/research", selector: str | None = None
               ) -> str | None:
    """Return the most trusted next-page candidate of a listing snippet."""
    doc = parse_html(f"<html><head></head><body><main>{markup}</main></body></html>", url)
    found = next_pages(doc, url, selector)
    return found[0] if found else None


@pytest.mark.parametrize(("markup", "url", "wanted"), [
    ('<link rel="next" href="/research/archive-2">', BASE + "/research",
     "/research/archive-2"),
    ('<a rel="next nofollow" href="?page=2">2</a>', BASE + "/research", "/research?page=2"),
    ('<div class="nav-previous"><a href="/blog/page/2/">&larr; Older posts</a></div>',
     BASE + "/blog/", "/blog/page/2/"),
    ('<a href="/news?page=4">Next page ›</a>', BASE + "/news?page=3", "/news?page=4"),
    ('<ul class="pager"><li class="pager__item--next"><a href="?page=2" title="Go to next page">'
     "<span>››</span></a></li></ul>", BASE + "/research", "/research?page=2"),
    ('<a class="next page-numbers" href="/page/3/">»</a>', BASE + "/page/2/", "/page/3/"),
    ('<button class="load-more" data-href="/research?offset=20">Load more</button>',
     BASE + "/research", "/research?offset=20"),
    ('<form action="/research" method="get"><input type="hidden" name="page" value="2">'
     "<button type=\"submit\">Show more</button></form>", BASE + "/research",
     "/research?page=2"),
    ('<a href="/liste/seite/2">Nächste Seite</a>', BASE + "/liste", "/liste/seite/2"),
    ('<a class="next" href="/archive/p2"><svg></svg></a>', BASE + "/archive", "/archive/p2"),
    ('<button data-url="/actualites?page=2">Voir plus</button>', BASE + "/actualites",
     "/actualites?page=2"),
    # only numbered links: page N+1 of this listing (Drupal counts from 0 without ?page)
    ('<a href="?page=1">2</a> <a href="?page=2">3</a>', BASE + "/research", "/research?page=1"),
    ('<b>2</b> <a href="/news">1</a> <a href="/news?page=3">3</a> <a href="/news?page=4">4</a>',
     BASE + "/news?page=2", "/news?page=3"),
    ('<a href="/blog/page/2/">2</a> <a href="/blog/page/3/">3</a>', BASE + "/blog/",
     "/blog/page/2/"),
    # a pager that keeps the listing form's empty fields, and TYPO3's array-named page field
    ('<a href="?type=All&amp;sort_by=created&amp;page=1">2</a>', BASE + "/research",
     "/research?page=1&sort_by=created&type=All"),
    ('<a href="?type=All&amp;sort_by=created&amp;page=2">3</a>',
     BASE + "/research?page=1&sort_by=created&type=All",
     "/research?page=2&sort_by=created&type=All"),
    ('<a href="/news?tx_news_pi1%5BcurrentPage%5D=2">2</a>', BASE + "/news",
     "/news?tx_news_pi1%5BcurrentPage%5D=2"),
    # a <select> of pages that a script follows
    ('<select onchange="window.location.href = this.value"><option value="/publications" '
     'selected>1</option><option value="/publications?page=2">2</option><option '
     'value="/publications?page=3">3</option></select>', BASE + "/publications",
     "/publications?page=2"),
    ('<select name="page"><option value="/publications?page=1">1</option><option '
     'value="/publications?page=2" selected>2</option><option value="/publications?page=3">3'
     "</option></select>", BASE + "/publications?page=2", "/publications?page=3"),
])
def test_next_page_is_found(markup: str, url: str, wanted: str) -> None:
    """rel=next, "Next"/"Older posts"/"»"/"Load more" wording, buttons, forms and numbers."""
    assert first_next(markup, url) == BASE + wanted


@pytest.mark.parametrize(("markup", "url"), [
    ('<div class="nav-next"><a href="/blog/">Newer posts &rarr;</a></div>', BASE + "/blog/page/2/"),
    ('<a href="?page=1" title="Go to previous page">‹ Previous</a>', BASE + "/research?page=2"),
    ('<a href="/research?page=9">Last »</a>', BASE + "/research"),
    ('<a href="/research/2024/a-long-report-about-courts">Next: a report ›</a>',
     BASE + "/research"),
    ('<a href="/research/2024/a-long-report-about-courts">Next</a>', BASE + "/research"),
    ('<a href="/other-listing?page=2">2</a>', BASE + "/research"),
    ('<a href="/research?page=2">2</a>', BASE + "/research?type=report"),
    ('<a href="/research?type=brief&amp;page=2">2</a>', BASE + "/research?type=report"),
    ("<p>No pagination at all.</p>", BASE + "/research"),
    # a <select> of topics or of other listings is no pager
    ('<select><option value="/research?topic=climate">Climate</option><option '
     'value="/other?page=2">2</option></select>', BASE + "/research"),
])
def test_no_next_page_where_there_is_none(markup: str, url: str) -> None:
    """Previous, newer, last-page, other-listing and item links are never taken for "next"."""
    assert first_next(markup, url) is None


def test_configured_selector_wins() -> None:
    """A source's next_page selector (CSS or xpath:) is tried before every heuristic."""
    markup = '<a rel="next" href="/a?page=2">Next</a><span class="more" data-url="/b?p=2">+</span>'
    assert first_next(markup, selector="span.more") == BASE + "/b?p=2"
    assert first_next(markup, selector="xpath://span[@data-url]") == BASE + "/b?p=2"
    assert first_next(markup, selector="div.nothing") == BASE + "/a?page=2"


def test_feed_urls_skip_comment_feeds_and_other_types() -> None:
    """RSS and Atom alternates count; comment feeds and JSON APIs do not."""
    doc = parse_html(
        '<html><head>'
        '<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed/">'
        '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        '<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">'
        '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts">'
        '<link rel="stylesheet" href="/a.css"></head><body></body></html>', BASE + "/blog/")
    assert feed_urls(doc) == [BASE + "/feed/", BASE + "/atom.xml"]


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Posts</title>
  <entry>
    <title type="html">Grid storage &amp; winter peaks</title>
    <link rel="alternate" href="/reports/grid-storage?utm_source=atom"/>
    <link rel="enclosure" href="/files/grid.pdf"/>
    <published>2024-03-20T10:00:00Z</published>
    <author><name>Maria Gonzalez</name></author>
    <category term="Energy"/><category term="Storage"/>
    <summary>Batteries now shave the evening peak.</summary>
  </entry>
  <entry><title>No link at all</title></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <item rdf:about="https://site.example/notes/one-two-three">
    <title>One two three</title><link>https://site.example/notes/one-two-three</link>
    <dc:date>2024-01-02</dc:date><dc:creator>Ann Lee</dc:creator><dc:subject>Notes</dc:subject>
  </item>
</rdf:RDF>"""


def test_parse_feed_reads_atom_entries() -> None:
    """Atom: the alternate link (canonical), title, date, authors, categories, summary."""
    items = parse_feed(ATOM, BASE + "/atom.xml")
    assert [url for url, _ in items] == [BASE + "/reports/grid-storage"]
    fields = {c.field: c.value for c in items[0][1]}
    assert fields["title"] == "Grid storage & winter peaks"
    assert fields["published"] == "2024-03-20T10:00:00Z"
    assert fields["authors"] == ["Maria Gonzalez"]
    assert fields["topics"] == ["Energy", "Storage"]
    assert fields["summary"] == "Batteries now shave the evening peak."


def test_parse_feed_reads_json_feed_items() -> None:
    """A JSON Feed 1.1 item: its url (or an id that is an address), title, day, authors
    and tags; an id that is no address gives no item."""
    body = ('{"version": "https://jsonfeed.org/version/1.1", "items": ['
            '{"id": "a1", "url": "/notes/one-two-three", "title": "One two three",'
            ' "date_published": "2024-01-02T10:00:00Z", "authors": [{"name": "Ann Lee"}],'
            f' "tags": ["Notes"]}}, {{"id": "{BASE}/notes/four"}}, {{"id": "no-address"}}]}}')
    items = parse_feed(body.encode(), BASE + "/feed.json")
    assert [url for url, _ in items] == [BASE + "/notes/one-two-three", BASE + "/notes/four"]
    fields = {c.field: c.value for c in items[0][1]}
    assert (fields["title"], fields["published"], fields["authors"], fields["topics"]) == (
        "One two three", "2024-01-02T10:00:00Z", ["Ann Lee"], ["Notes"])


def test_parse_feed_reads_rss_1_0() -> None:
    """RSS 1.0 (RDF) items with Dublin Core dates, creators and subjects."""
    items = parse_feed(RDF, BASE + "/index.rdf")
    fields = {c.field: c.value for c in items[0][1]}
    assert items[0][0] == BASE + "/notes/one-two-three"
    assert (fields["published"], fields["authors"], fields["topics"]) == (
        "2024-01-02", ["Ann Lee"], ["Notes"])


@pytest.mark.parametrize("body", [b"", b"not xml at all", b"<html><body>Oops</body></html>",
                                  b"<?xml version='1.0'?><rss><channel>", b"\x00\x01\x02",
                                  # JSON that is no JSON Feed, broken, or nested past the stack
                                  b"{", b'{"items": 3}', b'{"items": [3, null, {"url": 7}]}',
                                  b'{"a":' + b"[" * 100_000])
def test_parse_feed_survives_garbage(body: bytes) -> None:
    """Whatever a feed URL returns, the answer is a list (maybe empty), never an exception."""
    assert parse_feed(body, BASE + "/feed") == []


def test_parse_feed_refuses_external_entities(tmp_path: Path) -> None:
    """XML entities are not resolved, so a feed cannot read local files."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    body = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
            f"<rss><channel><item><title>&x;</title><link>{BASE}/a-b-c</link></item>"
            f"</channel></rss>").encode()
    items = parse_feed(body, BASE + "/feed")
    assert all("TOP SECRET" not in str(c.value) for _, found in items for c in found)


def test_parse_sitemap_index_urlset_and_text() -> None:
    """Index entries, URL entries with lastmod, and plain-text sitemaps."""
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc> https://site.example/s1.xml </loc></sitemap></sitemapindex>")
    assert parse_sitemap(index, BASE + "/s.xml") == ("index", [(BASE + "/s1.xml", None)])
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
              b"<loc>https://site.example/a-b-c#x</loc><lastmod>2024-02-03T04:05:06+01:00"
              b"</lastmod></url><url><lastmod>2024-01-01</lastmod></url></urlset>")
    kind, entries = parse_sitemap(urlset, BASE + "/s1.xml")
    assert kind == "urlset" and entries[0][0] == BASE + "/a-b-c" and len(entries) == 1
    assert entries[0][1] is not None and entries[0][1].isoformat() == "2024-02-03T04:05:06+01:00"
    text = b"https://site.example/one-two-three\nnot a url\nhttps://site.example/four-five-six\n"
    assert [u for u, _ in parse_sitemap(text, BASE + "/s.txt")[1]] == [
        BASE + "/one-two-three", BASE + "/four-five-six"]


@pytest.mark.parametrize("markup", [
    "<a rel='next' href='http://[::1/x'>Next</a>",
    "<a href='http://[::1/x'>Older posts</a>",
    "<form action='http://[::1/x'><input type='hidden' name='page' value='2'>"
    "<button>Load more</button></form>",
])
def test_a_next_link_no_parser_accepts_is_no_next_page(markup: str) -> None:
    """A hostile listing's unparsable next target gives no next page (and no error)."""
    url = "https://example.org/news"
    doc = parse_html(f"<html><body><a href='/news/a-story'>A story</a>{markup}</body></html>",
                     url)
    assert next_pages(doc, url) == []


def sitemap_xml(kind: str, entries: list[tuple[str, str]]) -> bytes:
    """Return a sitemap index or URL set listing (loc, lastmod) entries."""
    tag = "sitemap" if kind == "sitemapindex" else "url"
    items = "".join(f"<{tag}><loc>{loc}</loc><lastmod>{mod}</lastmod></{tag}>"
                    for loc, mod in entries)
    return (f'<{kind} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</{kind}>'
            ).encode()


def test_walk_sitemaps_follows_indexes_and_leaves_out_what_lists_no_news() -> None:
    files = {
        BASE + "/sitemap.xml": sitemap_xml("sitemapindex", [
            (BASE + "/post-sitemap.xml", "2024-05-01"), (BASE + "/tag-sitemap.xml", "2024-05-01"),
            (BASE + "/page-sitemap.xml", "2024-05-01"),
            (BASE + "/wp-sitemap-posts-page-1.xml", "2024-05-01"),
            (BASE + "/product-sitemap.xml", "2024-05-01"),
            (BASE + "/wp-sitemap-posts-team_member-1.xml", "2024-05-01"),
            (BASE + "/post-sitemap2.xml", "2020-01-01"), (BASE + "/deeper.xml", "2024-05-01")]),
        BASE + "/post-sitemap.xml": sitemap_xml("urlset", [
            (BASE + "/p/old", "2023-01-01"), (BASE + "/p/new", "2024-04-30")]),
        BASE + "/deeper.xml": sitemap_xml("sitemapindex", [(BASE + "/sitemap.xml", "2024-05-01")]),
    }
    read: list[str] = []

    def fetch(url: str, declared: bool) -> tuple[bytes, str] | None:
        read.append(url)
        return (files[url], url) if url in files else None

    since = datetime(2023, 6, 1, tzinfo=timezone.utc)
    sets = list(walk_sitemaps([(BASE + "/sitemap.xml", False)], fetch, since))
    assert [[loc for loc, _ in entries] for entries in sets] == [[BASE + "/p/new",
                                                                   BASE + "/p/old"]]
    assert read == [BASE + "/sitemap.xml", BASE + "/post-sitemap.xml", BASE + "/deeper.xml"], \
        "tag and site-page sitemaps, and those unchanged since the last run, are not read; " \
        "none twice"


def test_walk_sitemaps_stops_at_the_depth_limit() -> None:
    def fetch(url: str, declared: bool) -> tuple[bytes, str]:
        depth = int(url.rsplit("/", 1)[1].split(".")[0])
        return sitemap_xml("sitemapindex", [(f"{BASE}/{depth + 1}.xml", "2024-01-01")]), url

    read: list[str] = []
    list(walk_sitemaps([(BASE + "/0.xml", True)],
                       lambda url, declared: read.append(url) or fetch(url, declared)))
    assert len(read) == MAX_SITEMAP_DEPTH + 1


def test_wordpress_rest_api_addresses_and_garbage() -> None:
    """The posts endpoint of a "/wp-json/" root and of a "?rest_route=/" one; whatever the
    API answers, a list (maybe empty), never an exception."""
    from harvester.indexes import parse_wp_posts, wp_posts_url
    assert wp_posts_url(BASE + "/wp-json/", 2, 100) == (
        BASE + "/wp-json/wp/v2/posts?per_page=100&page=2")
    assert wp_posts_url(BASE + "/?rest_route=/", 1, 100) == (
        BASE + "/?rest_route=/wp/v2/posts&per_page=100&page=1")
    for body in (b"", b"{}", b"[1, null]", b'[{"link": 5}]', b'[{"link": "/x", "title": 3}]',
                 b"[" * 100_000, b"<html></html>"):
        assert parse_wp_posts(body, BASE + "/wp-json/wp/v2/posts") == []
