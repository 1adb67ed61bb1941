"""Canonical URLs, record keys and the URL predicates used by discovery."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harvester.canonical import canonical_url, is_http_url, record_key
from harvester.urls import (is_asset_url, is_front_page, is_same_site, is_site_home, is_under,
                            matches_pattern, registered_domain, section_urls)
from harvester.urlshapes import (is_content_like, is_navigation_url, navigation_reason,
                                 page_number, without_page)

VARIANTS = [
    # one page, many spellings: each group must collapse to one record key
    [
        "https://www.example.org/research/a-long-report-title",
        "https://www.example.org/research/a-long-report-title/",
        "http://www.example.org/research/a-long-report-title",
        "https://WWW.Example.ORG:443/research/a-long-report-title#section-2",
        "http://www.example.org:80/research//a-long-report-title?utm_source=x&utm_medium=email",
        "https://www.example.org/research/a-long-report-title?fbclid=abc&gclid=1&mc_cid=9",
        "https://www.example.org/research/./a-long-report-title?_ga=2.1&ref=home&share=twitter",
        "https://www.example.org/research/a-long-report-title/index.html",
        # its AMP copy, by path or by parameter
        "https://www.example.org/research/a-long-report-title/amp/",
        "https://www.example.org/research/a-long-report-title?amp=1",
    ],
    [
        "https://example.org/search?q=peace&page=2",
        "https://example.org/search?page=2&q=peace&utm_campaign=c",
        "https://example.org/search?page=2&q=peace#results",
    ],
    [
        "https://example.org/caf%C3%A9/%7Euser",
        "https://example.org/café/~user",
        "https://example.org/caf%c3%a9/%7euser",
    ],
    [
        "https://bücher.example/neu",
        "https://xn--bcher-kva.example/neu",
        "https://BÜCHER.example./neu",
    ],
]


@pytest.mark.parametrize("group", VARIANTS, ids=lambda g: g[0])
def test_variants_share_one_record_key(group: list[str]) -> None:
    """Tracking parameters, fragments, scheme, port, slashes and encodings do not split a page."""
    keys = {record_key(url) for url in group}
    assert len(keys) == 1, keys


def test_a_path_named_amp_is_kept_where_it_is_no_page_s_copy() -> None:
    """Only a page's "/amp" suffix goes: a site's "/amp/" section and "/ampere" stay."""
    assert canonical_url("https://x.org/amp/") == "https://x.org/amp/"
    assert canonical_url("https://x.org/news/ampere") == "https://x.org/news/ampere"
    assert canonical_url("https://x.org/2019/10/a-story/amp/") == "https://x.org/2019/10/a-story/"


def test_canonical_url_keeps_scheme_and_trailing_slash() -> None:
    """The fetchable form keeps what the site links (http-only sites, slash redirects)."""
    assert canonical_url("http://example.org/a/") == "http://example.org/a/"
    assert record_key("http://example.org/a/") == "https://example.org/a"


def test_canonical_url_keeps_meaningful_query_sorted() -> None:
    """Query parameters that select content survive, in a stable order."""
    url = canonical_url("https://example.org/view.php?id=42&lang=en&utm_source=feed")
    assert url == "https://example.org/view.php?id=42&lang=en"
    assert canonical_url("https://example.org/view.php?lang=en&id=42") == url


def test_canonical_url_resolves_relative_links() -> None:
    """Relative and protocol-relative links resolve against the page they were found on."""
    base = "https://example.org/research/reports/"
    assert canonical_url("../analysis/x-y-z", base) == "https://example.org/research/analysis/x-y-z"
    assert canonical_url("//cdn.example.org/a", base) == "https://cdn.example.org/a"
    assert canonical_url("?page=2", base) == "https://example.org/research/reports/?page=2"


def test_canonical_url_drops_user_info_and_session_ids() -> None:
    """Credentials and session ids never become part of a key."""
    url = canonical_url("https://user:secret@example.org/a;jsessionid=ABC?PHPSESSID=1&x=1")
    assert url == "https://example.org/a?x=1"


@pytest.mark.parametrize(("link", "canonical"), [
    # PHP's trans-sid and servlet URL rewriting put a fresh token in every link.
    ("https://example.org/a?sid=C4CA4238A0B923820DCC509A6F75849B", "https://example.org/a"),
    ("https://example.org/a?id=7&session=9f86d081884c7d659a2feaa0c55ad015", "https://example.org/a?id=7"),
    ("https://example.org/a?CFID=1234&CFTOKEN=99&page=2", "https://example.org/a?page=2"),
    ("https://example.org/a?ASPSESSIONIDQACTBSQS=KLMNOPQR&page=2", "https://example.org/a?page=2"),
    ("https://example.org/a?osCsid=3f2a&p=1", "https://example.org/a?p=1"),
    # A session-like name whose value is no token is an item's address: kept.
    ("https://example.org/article.pl?sid=08/01/02/1234", "https://example.org/article.pl?sid=08%2F01%2F02%2F1234"),
    ("https://example.org/a?sid=12", "https://example.org/a?sid=12"),
    ("https://example.org/a?session=spring-meeting", "https://example.org/a?session=spring-meeting"),
])
def test_canonical_url_drops_session_parameters(link: str, canonical: str) -> None:
    """A session parameter never becomes part of a key; an item's number stays one."""
    assert canonical_url(link) == canonical


@pytest.mark.parametrize("garbage", [
    "", "   ", "javascript:void(0)", "mailto:someone@example.org", "tel:+123",
    "http://", "https://example.org:99999/", "http://[::1", "\x00\x01", "//", "#top",
])
def test_canonical_url_passes_non_urls_through(garbage: str) -> None:
    """What is not an http(s) URL with a host comes back, never an exception."""
    assert isinstance(canonical_url(garbage), str)
    assert not is_http_url(canonical_url(garbage)) or garbage.startswith("http")


_SEGMENT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
_URLS = st.builds(
    lambda scheme, host, port, segments, query, fragment: (
        f"{scheme}://{host}{port}/" + "/".join(segments) + (f"?{query}" if query else "")
        + (f"#{fragment}" if fragment else "")
    ),
    st.sampled_from(["http", "https", "HTTP", "HttpS"]),
    st.sampled_from(["example.org", "WWW.Example.org", "bücher.de", "127.0.0.1", "[::1]"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.lists(_SEGMENT, max_size=4),
    st.text(max_size=30),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_URLS, st.text(max_size=60)))
def test_canonical_url_is_idempotent_and_never_raises(url: str) -> None:
    """Canonicalizing twice changes nothing, on URLs and on garbage alike."""
    once = canonical_url(url)
    assert canonical_url(once) == once
    key = record_key(url)
    assert record_key(key) == key


@settings(max_examples=200, deadline=None)
@given(_URLS, st.sampled_from(["utm_source=news", "fbclid=x1", "gclid=9", "mc_eid=3"]))
def test_tracking_parameters_never_change_the_key(url: str, tracker: str) -> None:
    """Adding a tracking parameter to any URL leaves its record key unchanged."""
    base = url.split("#", 1)[0].strip()  # surrounding spaces are not part of a URL
    tracked = base + ("&" if "?" in base else "?") + tracker
    assert record_key(tracked) == record_key(base)


@pytest.mark.parametrize(("url", "domains", "expected"), [
    ("https://www.usip.org/publications/x", ("www.usip.org", "usip.org"), True),
    ("https://blog.usip.org/x", ("usip.org",), True),
    ("https://notusip.org/x", ("usip.org",), False),
    ("https://usip.org.evil.com/x", ("usip.org",), False),
    ("https://bücher.de/x", ("xn--bcher-kva.de",), True),
    ("mailto:a@usip.org", ("usip.org",), False),
    ("https://any.example/x", (), True),
])
def test_is_same_site(url: str, domains: tuple[str, ...], expected: bool) -> None:
    """Hosts match exactly or as subdomains, never by suffix text alone."""
    assert is_same_site(url, domains) is expected


@pytest.mark.parametrize(("host", "domain"), [
    ("research.usip.org", "usip.org"),
    ("www.bbc.co.uk", "bbc.co.uk"),
    ("a.b.gov.uk", "b.gov.uk"),
    ("usip.org.", "usip.org"),
    ("shop.BÜCHER.de", "bücher.de"),
    ("jane.github.io", "jane.github.io"),  # a private suffix: each user's site is its own
    ("co.uk", None),
    ("127.0.0.1", None),
    ("[::1]", None),
    ("localhost", None),
])
def test_registered_domain(host: str, domain: str | None) -> None:
    """The Public Suffix List, not the last two labels, says where a site's domain starts."""
    assert registered_domain(host) == domain


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.rand.org/content/dam/rand/pubs/research_reports/RR123/RAND_RR123.pdf", True),
    ("https://example.org/wp-content/uploads/2024/02/chart.png", True),
    ("https://example.org/files/data.XLSX", True),
    ("https://example.org/podcast/episode-12.mp3", True),
    ("https://example.org/theme/style.css?ver=6.4", True),
    ("https://example.org/feed.xml", True),
    ("https://example.org/research/report-2024.html", False),
    ("https://example.org/article.php?id=3", False),
    ("https://example.org/research/v1.2-release-notes", False),
    # an item's file or print view, linked beside its card's title ("Download PDF")
    ("https://example.org/research/a-report/download", True),
    ("https://example.org/node/7/pdf/", True),
    ("https://example.org/research/a-report/print", True),
    ("https://example.org/download", False),
    ("https://example.org/research/download-the-data-on-ceasefires", False),
])
def test_is_asset_url(url: str, expected: bool) -> None:
    """Files (documents, images, media, code) are not pages to harvest."""
    assert is_asset_url(url) is expected


NAVIGATION = [
    # Sites in German, French, Spanish, Italian, Dutch
    "https://www.example.de/schlagworte/klimaschutz", "https://www.example.de/personen/erika-muster",
    "https://www.example.fr/sujets/migrations/", "https://www.example.es/temas/paz",
    "https://www.example.nl/onderwerpen/klimaat", "https://www.example.fr/equipe/jean-dupont",
    "https://www.example.de/kontakt", "https://www.example.fr/mentions-legales",
    "https://www.example.es/aviso-legal", "https://www.example.nl/over-ons",
    "https://www.example.it/cerca?q=pace", "https://www.example.de/termine",
    "https://www.example.es/eventos/", "https://www.example.it/eventi",
    # WordPress
    "https://blog.example.org/tag/ukraine/",
    "https://blog.example.org/tag/donald-trump-impeachment-inquiry-hearings/",
    "https://www.example.org/topics/peace-processes-and-transitional-justice",
    "https://blog.example.org/category/reports/",
    "https://blog.example.org/category/reports/page/3/",
    "https://blog.example.org/author/jdoe/",
    "https://blog.example.org/page/2/",
    "https://blog.example.org/2024/03/",
    "https://blog.example.org/?s=ceasefire",
    "https://blog.example.org/feed/",
    "https://blog.example.org/wp-login.php",
    # Drupal think tanks
    "https://www.usip.org/issue-areas/global-policy",
    "https://www.usip.org/people/tamanna-salikuddin",
    "https://www.usip.org/publications?page=2",
    "https://www.example.org/research?f%5B0%5D=type%3A12&type=report",
    "https://www.example.org/experts/jane-doe",
    "https://www.example.org/topics/climate",
    "https://www.example.org/regions",
    "https://www.example.org/events",
    "https://www.example.org/events/upcoming",
    # a site's own word for its people: "our people", "unsere Experten"
    "https://www.example.org/our-people/tomasz-nowak/", "https://www.example.de/unsere-experten/erika-muster",
    # an events calendar's month and day (each links the next, without end)
    "https://www.example.org/events/calendar/2026-11", "https://www.example.org/agenda/2024-11-05",
    # Hugo / static
    "https://site.example/tags/go/",
    "https://site.example/categories/",
    # archives: a year's, a day's, and one taxonomy term's
    "https://blog.example.org/archives/2024", "https://blog.example.org/news/2024/03/12/",
    "https://blog.example.org/archives/ukraine",
    "https://www.example.org/news-and-analysis/2024/03/",
    # a filter on a listing whose last segment is a year or a word
    "https://www.example.org/news/2024?tag=climate", "https://www.example.org/research?term=x",
    "https://site.example/posts/page/2/",
    "https://site.example/en/",
    # news sites and utilities
    "https://news.example/search?q=election",
    "https://news.example/about-us",
    "https://news.example/contact",
    "https://news.example/donate",
    "https://news.example/newsletters",
    "https://news.example/privacy-policy",
    "https://news.example/",
    # an institute's pages about itself
    "https://www.example.org/who-we-are/", "https://www.example.org/about/leadership",
    "https://www.example.org/our-mission", "https://www.example.org/partners/",
    "https://www.example.de/wer-wir-sind/",
]
PUBLICATIONS = [
    "https://www.usip.org/publications/2024/02/understanding-pakistans-election-results",
    "https://www.brookings.edu/articles/how-the-us-can-rebuild-trust/",
    "https://www.crisisgroup.org/asia/south-asia/pakistan/b123-pakistans-election-turmoil",
    "https://www.chathamhouse.org/2024/02/why-the-red-sea-matters",
    "https://blog.example.org/2024/03/12/some-post-title/",
    "https://site.example/posts/my-first-hugo-post/",
    "https://news.example/world/2024/mar/12/ceasefire-talks-resume",
    "https://news.example/politics/article-12345678.html",
    "https://www.example.org/node/48213",
    "https://www.example.org/?p=4821",
    "https://www.rand.org/pubs/research_reports/RRA2345-1.html",
    "https://www.example.org/topics/climate/the-long-road-to-net-zero",
    "https://www.example.org/events/2024/a-conference-on-peace",
    # Sites in other languages: an item under a folder whose name is only a type word
    "https://www.example.de/themen/2024/wasserstoff-als-chance",
    "https://www.example.es/agenda/2024-03-03-foro-de-paz",
    # WordPress's numeric permalinks, in the Japanese blogs that use them most
    "https://getnews.example.jp/archives/2146078", "https://blog.example.jp/archives/52013.html",
    # a post filed under its day after its slug
    "https://www.example.de/aktuelles/5-inspirierende-frauen-aus-dem-sport/2022/12/29/",
    # a link's tracking query on an item's page
    "https://news.example/8301-30686_3-20014053-266.html?tag=topStories1",
    "https://trials.example.gov/ct2/show/NCT03746262?term=Guardant+Health",
    "https://www.example.de/detail1.php?id=765&lang=de",
    # a title's slug before a code or a file, under the day it is filed by
    "https://www.example.com/en-us/health/this-is-your-brain-on-sad-movies/ar-BBwsPWG",
    "https://www.example.com/business/2016/05/03/women-in-tech/mWL9Pte1lx34HXM/story.html",
    # a whole headline filed under a topic folder, where a tag's slug has a few words
    "https://www.example.de/themen/eu-taxonomie-atomkraft-erdgas-sind-nicht-nachhaltig",
    # an item's number, then a short slug
    "https://news.example/article/123456/tax-reform",
    "https://www.example.org/publications/48213/annual-report",
]


@pytest.mark.parametrize("url", NAVIGATION)
def test_navigation_urls_are_recognized(url: str) -> None:
    """Tag, topic, author, pagination, search and site pages are navigation."""
    assert is_navigation_url(url), url
    assert navigation_reason(url)


@pytest.mark.parametrize("url", PUBLICATIONS)
def test_publication_urls_are_not_navigation(url: str) -> None:
    """Item URLs from many CMSs are neither navigation nor short section paths."""
    assert navigation_reason(url) is None
    assert is_content_like(url)


@pytest.mark.parametrize("url", [
    "https://www.usip.org/publications", "https://www.example.org/research/reports",
    "https://www.crisisgroup.org/asia/south-asia/pakistan", "https://example.org/",
    # a short number (an issue's) or a one-word name after a number is no item
    "https://journal.example/issue/123/table-contents", "https://x.org/c/5555/news",
])
def test_section_urls_are_not_content_like(url: str) -> None:
    """Short section paths do not have the shape of an item."""
    assert not is_content_like(url)


@pytest.mark.parametrize(("url", "number", "base"), [
    ("https://x.org/research?page=3", 3, "https://x.org/research"),
    ("https://x.org/blog/page/4/", 4, "https://x.org/blog"),
    ("https://x.org/list?topic=a&paged=2", 2, "https://x.org/list?topic=a"),
    ("https://x.org/research", None, "https://x.org/research"),
])
def test_page_number_and_listing_base(url: str, number: int | None, base: str) -> None:
    """Pages of one listing share a base and differ by their number."""
    assert page_number(url) == number
    assert without_page(url) == base


def test_is_under_and_matches_pattern() -> None:
    """Section containment is by whole path segments; patterns search the URL."""
    assert is_under("https://www.x.org/publications/2024/a", "https://x.org/publications")
    assert not is_under("https://x.org/publications-old/a", "https://x.org/publications")
    assert not is_under("https://x.org/publications", "https://x.org/publications")
    assert matches_pattern("https://x.org/publications/2024/02/a", r"/publications/\d{4}/")
    assert not matches_pattern("https://x.org/people/a", r"/publications/\d{4}/")
    assert matches_pattern("https://x.org/anything", None)


@pytest.mark.parametrize(("url", "home"), [
    ("https://www.example.org", True), ("https://www.example.org/", True),
    ("https://www.example.org/en/", True), ("https://www.example.org/pt-br", True),
    ("https://www.example.org/index.php", True), ("https://www.example.org/publications", False),
    ("https://www.example.org/en/publications/", False), ("http://[::1/x", False),
])
def test_is_site_home(url: str, home: bool) -> None:
    assert is_site_home(url) is home


def test_section_urls_are_the_folders_above_nearest_first() -> None:
    assert section_urls("https://a.org/publications/2024/05/a-report?x=1#y") == [
        "https://a.org/publications/2024/05/", "https://a.org/publications/2024/",
        "https://a.org/publications/"]
    assert section_urls("https://a.org/a-report") == []
    assert section_urls("https://a.org/caf%C3%A9/x") == ["https://a.org/caf%C3%A9/"]
    assert section_urls("http://[::1/x") == []


@pytest.mark.parametrize(("url", "front"), [
    ("https://www.example.org/", True), ("https://www.example.org/de/", True),
    ("https://www.example.org/blog/", True), ("https://www.example.org/blog", False),
    ("https://www.example.org/blog/2024/", False), ("https://www.example.org/a-post.html", False),
    ("https://www.example.org/en/blog/", True), ("https://www.example.org/blog/en/", False),
    ("http://[::1/x/", False),
])
def test_is_front_page(url: str, front: bool) -> None:
    """A home page or a top-level section's folder is a front page; a publication is not."""
    assert is_front_page(url) is front


@pytest.mark.parametrize(("url", "archive"), [
    ("https://repo.example.org/handle/10419/1999", False),
    ("https://journal.example.org/index.php/jpr/article/view/2020", False),
    ("https://www.example.org/node/2001", False),
    ("https://www.example.org/blog/2020/", True),
    ("https://www.example.org/publications/2023/", True),
])
def test_an_item_number_like_a_year_is_no_year_archive(url: str, archive: bool) -> None:
    """A year after a folder of item numbers ("/handle/10419/", "/article/view/") is an
    item's number; after a section it is the section's year."""
    assert (navigation_reason(url) == "date archive") is archive
