"""Page kinds and publication links, on the fixture sites and the bundled demo site."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from harvester.classify import (LinkContext, is_publication_link, link_rejection, page_links,
                                publication_links)
from harvester.demo import load_manifest, site_dir
from harvester.extract import extract_document
from harvester.pagekind import page_kind
from harvester.parse import Document, parse_html

SITES = Path(__file__).parent / "sites"
BASE = "https://site.example"


def load(site: str, file: str, path: str) -> Document:
    """Parse a fixture page as if fetched from BASE + path."""
    body = (SITES / site / file).read_bytes().replace(b"{{BASE}}", BASE.encode())
    return parse_html(body, BASE + path)


def kinds() -> list[tuple[str, str, str, str]]:
    """Return (site, path, file, kind) rows of tests/sites/kinds.txt."""
    lines = (SITES / "kinds.txt").read_text("utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("site", "path", "file", "kind"), kinds(), ids=lambda v: str(v))
def test_page_kind_of_fixture_pages(site: str, path: str, file: str, kind: str) -> None:
    """Publications, listings (incl. tag and numbered pages) and other pages are told apart."""
    record = extract_document(load(site, file, path))
    verdict = page_kind(load(site, file, path), record)
    assert (verdict.kind, path) == (kind, path), verdict.reason
    assert verdict.reason


def demo_pages() -> list[tuple[str, str, str]]:
    """Return (URL path, file, kind) for the demo site's publications and listing pages."""
    rows = [(item["path"], item["path"].lstrip("/") + ".html", "publication")
            for item in load_manifest()]
    rows += [("/publications", "publications.html", "listing")]
    rows += [(f"/publications?page={n}", f"publications/_page-{n}.html", "listing")
             for n in (2, 3, 4)]
    rows += [("/people/christopher-clary", "people/christopher-clary.html", "other"),
             ("/about", "about.html", "other")]
    return rows


@pytest.mark.parametrize(("path", "file", "kind"), demo_pages(), ids=lambda v: str(v))
def test_page_kind_of_the_demo_site(path: str, file: str, kind: str) -> None:
    """A site these rules were not written for: every page gets its kind."""
    body = (site_dir() / file).read_bytes().replace(b"{{BASE_URL}}", BASE.encode())
    record = extract_document(parse_html(body, BASE + path))
    verdict = page_kind(parse_html(body, BASE + path), record)
    assert verdict.kind == kind, verdict.reason


def test_page_kind_without_a_record_still_decides() -> None:
    """The record is optional: structure and markers alone classify a page."""
    doc = load("thinktank", "research.html", "/research")
    assert page_kind(doc).kind == "listing"
    doc = load("thinktank", "research/2024/rebuilding-local-courts-after-conflict.html",
               "/research/2024/rebuilding-local-courts-after-conflict")
    assert page_kind(doc).kind == "publication"


def context(**values: object) -> LinkContext:
    """Return a link context on a listing page of BASE."""
    defaults: dict[str, object] = {"page_url": BASE + "/research", "section": BASE + "/research",
                                   "allowed_domains": ("site.example",)}
    return LinkContext(**{**defaults, **values})  # type: ignore[arg-type]


@pytest.mark.parametrize(("url", "values", "verdict"), [
    # the title link of a card, in a heading, with a slug
    ("/research/2024/a-report-on-courts", {"card_title": True, "heading": True,
                                           "text": "A report on courts"}, None),
    # a plain list item with an id-bearing URL and a short headline
    ("/news/world/markets-rally-48199", {"text": "Markets rally", "page_url": BASE + "/news",
                                         "section": BASE + "/news"}, None),
    # a topic chip inside a card whose slug happens to be long
    ("/climate-and-security-policy-program", {"card_secondary": True,
                                              "text": "Climate and Security Policy"},
     "weak evidence (score 0)"),
    ("/topics/climate", {"card_secondary": True, "text": "Climate"}, "taxonomy page (/topics/)"),
    ("/experts/jane-doe", {"text": "Jane Doe"}, "taxonomy page (/experts/)"),
    ("/research?page=2", {"text": "2"}, "pagination"),
    ("/research/2024/a-report-in-the-footer", {"boilerplate": True, "text": "A report"},
     "in navigation, header, footer or sidebar"),
    ("https://twitter.com/share?url=x", {"text": "Share"}, "off-site"),
    ("/files/annual-report.pdf", {"text": "Annual report"}, "a file, not a page"),
    ("mailto:info@site.example", {"text": "Email"}, "not an http(s) link"),
    ("/research", {"text": "Research"}, "a listing page"),
    ("/", {"text": "Home"}, "home page"),
    ("/about-us", {"text": "About us"}, "site page (/about-us)"),
    ("/research/energy", {"text": "Energy"}, "weak evidence (score 1)"),
])
def test_link_rejection_reasons(url: str, values: dict[str, object], verdict: str | None
                                ) -> None:
    """Each dropped link says why; publication links pass."""
    assert link_rejection(BASE + url if url.startswith("/") else url, context(**values)) \
        == verdict


def test_link_pattern_overrides_the_heuristics() -> None:
    """A configured pattern decides alone (after same-site and file checks)."""
    ctx = context(pattern=r"/people/[a-z-]+$", boilerplate=True)
    assert is_publication_link(BASE + "/people/jane-doe", ctx)
    assert not is_publication_link(BASE + "/research/2024/a-long-report-title", ctx)
    assert not is_publication_link("https://elsewhere.example/people/jane-doe", ctx)


def test_publication_links_of_a_listing_page_and_why_others_dropped(
        caplog: pytest.LogCaptureFixture) -> None:
    """The cards' links, once each in page order; each dropped link is logged with a reason."""
    doc = load("thinktank", "research.html", "/research")
    with caplog.at_level(logging.DEBUG, logger="harvester.classify"):
        found = publication_links(page_links(doc, section=BASE + "/research",
                                             allowed_domains=("site.example",)))
    wanted = (SITES / "thinktank" / "expected.txt").read_text().splitlines()[1:5]
    assert found == [BASE + path for path in wanted]
    logged = caplog.text
    assert f"dropped link {BASE}/topics/justice: taxonomy page (/topics/)" in logged
    assert f"dropped link {BASE}/about: site page (/about)" in logged
    assert "a parent section" not in logged or f"{BASE}/research/" not in found


def test_page_links_mark_boilerplate_and_card_roles() -> None:
    """Header links are boilerplate; card titles and chips are told apart."""
    doc = load("thinktank", "research.html", "/research")
    links = {url: ctx for url, ctx in reversed(page_links(doc))}
    assert links[BASE + "/donate"].boilerplate
    assert links[BASE + "/research/2024/water-sharing-agreements-in-central-asia"].card_title
    assert links[BASE + "/topics/climate"].card_secondary
    assert not links[BASE + "/topics/climate"].card_title


def test_whole_card_overlay_links_and_base_href() -> None:
    """Empty links laid over a card take the card's heading; <base href> resolves links."""
    cards = "".join(
        f'<div class="article-card"><a class="overlay" href="articles/{slug}/"></a>'
        f'<h4 class="title">{title}</h4><p>Summary of the piece.</p></div>'
        for slug, title in (("why-tariffs-are-back", "Why tariffs are back"),
                            ("a-new-era-for-nato", "A new era for NATO"),
                            ("the-budget-deal-explained", "The budget deal, explained")))
    doc = parse_html(f'<html><head><base href="https://site.example/"></head><body><main>'
                     f"<h1>Research and commentary</h1>{cards}</main></body></html>",
                     BASE + "/research-commentary/")
    found = publication_links(page_links(doc, section=BASE + "/research-commentary/",
                                         allowed_domains=("site.example",)))
    assert found == [BASE + "/articles/why-tariffs-are-back/",
                     BASE + "/articles/a-new-era-for-nato/",
                     BASE + "/articles/the-budget-deal-explained/"]


@pytest.mark.parametrize("kind", ["JobPosting", "Product"])
def test_a_job_ad_or_a_product_is_no_publication(kind: str) -> None:
    """A page whose JSON-LD is a job posting or a product is another page, however long its
    text and whatever its dates."""
    data = f'{{"@type": "{kind}", "title": "Research Assistant", "datePosted": "2024-03-03"}}'
    text = "<p>" + "The institute is looking for a research assistant to join us. " * 20 + "</p>"
    html = (f"<html><head><script type='application/ld+json'>{data}</script></head><body>"
            f"<main><h1>Research Assistant</h1><p>March 3, 2024</p>{text}</main></body></html>")
    doc = parse_html(html, BASE + "/careers/research-assistant")
    assert page_kind(doc, extract_document(doc)).kind == "other"


def _short_story(head: str = "", scope: str = "", cards: int = 9, words: int = 40,
                 block: str = "related") -> str:
    """Return a short dated story beside many related cards (a news site's page)."""
    related = "".join(
        f"<div class='teaser'><h3><a href='/2024/05/0{1 + n % 3}/story-{n}'>Another story "
        f"number {n} of the day</a></h3><p>May 2, 2024</p><p>What else happened in the town "
        f"yesterday, told in a sentence.</p></div>" for n in range(cards))
    text = "Police said the road stays closed until the evening. " * (words // 8)
    return (f"<html><head>{head}</head><body><main{scope}><h1>Three hurt in a crash on "
            f"the ring road</h1><p><time datetime='2024-05-04T09:00:00-03:00'>May 4, 2024"
            f"</time></p><p>{text}</p></main><section class='{block}'>{related}</section>"
            f"</body></html>")


@pytest.mark.parametrize(("path", "head", "scope"), [
    # the URL files the page under its day
    ("/2024/05/04/three-hurt-in-a-crash", "", ""),
    ("/article/2024/05/04/48213.html", "", ""),
    # JSON-LD: an article with its publication date
    ("/news/three-hurt-in-a-crash", "<script type='application/ld+json'>{\"@type\": "
     "\"NewsArticle\", \"headline\": \"Three hurt\", \"datePublished\": \"2024-05-04\"}"
     "</script>", ""),
    # article meta tags
    ("/news/three-hurt-in-a-crash",
     "<meta property='article:published_time' content='2024-05-04T09:00:00-03:00'>", ""),
    # one microdata article with its date
    ("/194420/three-hurt-in-a-crash", "",
     " itemscope itemtype='https://schema.org/Article'><meta itemprop='datePublished' "
     "content='2024-05-04'"),
])
def test_a_short_dated_story_beside_many_cards_is_a_publication(
        path: str, head: str, scope: str) -> None:
    """A story of a few dozen words above many cards is a publication when it names its own
    day: in its URL, or as an article in metadata (whatever the cards' block is called)."""
    doc = parse_html(_short_story(head, scope, block="stories"), BASE + path)
    verdict = page_kind(doc, extract_document(doc))
    assert verdict.kind == "publication", verdict.reason


@pytest.mark.parametrize(("path", "head", "scope"), [
    # the same page without any sign of its own day stays a listing
    ("/news/three-hurt-in-a-crash", "", ""),
    # marked as an article, but undated in metadata
    ("/news/three-hurt-in-a-crash", "<meta property='og:type' content='article'>", ""),
    # a day's archive names no page after the day
    ("/2024/05/04/", "", ""),
    ("/archive/20240504", "", ""),
])
def test_a_page_of_cards_that_names_no_day_of_its_own_stays_a_listing(
        path: str, head: str, scope: str) -> None:
    """Without its own day in metadata or URL, little text above many cards that no heading
    or class calls related is a listing (a section page with a lead story's teaser)."""
    doc = parse_html(_short_story(head, scope, cards=12, words=16, block="stories"),
                     BASE + path)
    verdict = page_kind(doc, extract_document(doc))
    assert verdict.kind == "listing", verdict.reason


def test_a_blog_index_of_microdata_postings_is_no_article() -> None:
    """A listing whose every card is marked up as a BlogPosting is no article for it."""
    cards = "".join(
        f"<article itemscope itemtype='https://schema.org/BlogPosting'><h2><a href='/blog/"
        f"post-{n}'>Post number {n} on the blog</a></h2><time itemprop='datePublished' "
        f"datetime='2024-05-0{n}'>May {n}, 2024</time><p>A line about the post.</p></article>"
        for n in range(1, 8))
    doc = parse_html(f"<html><body><main><h1>Blog</h1>{cards}</main></body></html>",
                     BASE + "/blog/notes")
    verdict = page_kind(doc, extract_document(doc))
    assert verdict.kind == "listing", verdict.reason


def test_a_plain_wordpress_link_is_no_parent_section() -> None:
    """"/?p=123" lies above every section by its path, but it is one post."""
    assert link_rejection(BASE + "/?p=31228", context(text="Tesla opens a new plant",
                                                      card_title=True)) is None
    assert link_rejection(BASE + "/", context(text="Home")) is not None


@pytest.mark.parametrize("text", [
    "バルセロナ、マンＵに先勝…準々決勝第１戦", "新华社记者在北京报道疫情防控",
    "Barcelona win the first leg"])
def test_a_long_title_counts_in_any_script(text: str) -> None:
    """A card's title written without spaces (Japanese, Chinese) is as long as its words."""
    url = BASE + "/sports/soccer/20190411-OYT1T50287/"
    assert link_rejection(url, context(text=text)) is None
    assert link_rejection(url, context(text="バルセロナ")) is not None


def _landing_page(head: str, block: str) -> str:
    """Return a report's landing page: a short abstract, a download link, no day, and six
    cards of other reports in a block."""
    cards = "".join(
        f"<div class='card'><p>Report</p><h3><a href='/publications/2023/report-{n}'>Another "
        f"report number {n} on the region</a></h3><p>By Alice Smith</p><p>May 2023</p></div>"
        for n in range(6))
    text = "The ceasefire has held for three years, yet it remains vulnerable to shocks. " * 5
    return (f"<html><body><main>{head}<h1>Sustaining the Ceasefire in Kashmir</h1>"
            f"<p>March 2024</p><p>{text}</p><p><a href='/files/sr-527.pdf'>Download the report"
            f"</a></p></main>{block.format(cards=cards)}</body></html>")


@pytest.mark.parametrize(("head", "block", "kind"), [
    # a byline or a type label, and related publications by heading or by class
    ("<p class='byline'>By <a href='/people/jane-doe'>Jane Doe</a></p>",
     "<section><h2>Related Publications</h2>{cards}</section>", "publication"),
    ("<p class='type'>Special Report</p>", "<div class='related-content'>{cards}</div>",
     "publication"),
    ("<p class='byline'>By <a href='/people/jane-doe'>Jane Doe</a></p>",
     "<section><h2>Weitere Publikationen</h2>{cards}</section>", "publication"),
    # nothing of its own: no byline, type or day
    ("", "<section><h2>Related Publications</h2>{cards}</section>", "other"),
    # the same cards in a block no heading or class calls related: a listing
    ("<p class='byline'>By <a href='/people/jane-doe'>Jane Doe</a></p>",
     "<section><h2>Reports</h2>{cards}</section>", "listing"),
])
def test_a_report_s_landing_page_beside_related_reports(head: str, block: str,
                                                         kind: str) -> None:
    """A landing page with a byline or type, a short abstract and a month for a date is a
    publication beside its related publications; their cards are not its listing."""
    doc = parse_html(_landing_page(head, block),
                     BASE + "/publications/sustaining-the-ceasefire-in-kashmir")
    verdict = page_kind(doc, extract_document(doc))
    assert verdict.kind == kind, verdict.reason


def taken(content: str) -> list[str]:
    """Return the paths a listing page at BASE/library/ with this content leads to."""
    html = (f"<html><body><header><nav><a href='/'>Home</a><a href='/about'>About us</a></nav>"
            f"</header><main><h1>Library</h1>{content}</main></body></html>")
    doc = parse_html(html, BASE + "/library/")
    links = page_links(doc, section=BASE + "/library/", allowed_domains=("site.example",))
    return [url.removeprefix(BASE) for url in publication_links(links)]


TITLES = ("Bananenkuchen: Das beste Rezept aus Omas Küche",
          "FairCoin Hackathon in Wien am Wochenende",
          "OSS News: a new release of the tracker is out", "Why monitors matter on the line",
          "Ceasefires that hold, and those that do not")
PATHS = ("/obst/banane.html", "/faircoin-hackathon", "/oss_info/article.html?oid=8976",
         "/blog/why", "/p/ceasefires")


def test_a_plain_list_of_titles_links_publications() -> None:
    """Five or more items of one list, each a link titled in four words or more: the URLs
    need not look like items ("/obst/banane.html")."""
    items = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in zip(PATHS, TITLES, strict=True))
    assert taken(f"<ul>{items}</ul>") == list(PATHS)


def test_a_table_of_titles_links_its_titles_not_its_files() -> None:
    """A table's rows: the title link of each (the longest), not its "PDF" link."""
    rows = "".join(f"<tr><td><a href='{p}'>{t}</a></td><td>3 March 2024</td><td><a href='"
                   f"/files/{i}.pdf'>PDF</a></td></tr>"
                   for i, (p, t) in enumerate(zip(PATHS, TITLES, strict=True)))
    assert taken(f"<table><tbody>{rows}</tbody></table>") == list(PATHS)


@pytest.mark.parametrize("group", [
    "<details{open}><summary>{year}</summary><ul>{items}</ul></details>",
    "<h3>{year}</h3><ul>{items}</ul>",
])
def test_a_library_grouped_by_year_in_short_lists_links_publications(group: str) -> None:
    """A report library shows its items by year, a few a year: the lists of one block
    count as one list."""
    lists = "".join(group.format(open=" open" if not k else "", year=2024 - k, items="".join(
        f"<li><a href='{p}'>{t}</a> – 3 March {2024 - k}</li>" for p, t in pairs))
        for k, pairs in enumerate((list(zip(PATHS[:2], TITLES[:2], strict=True)),
                                   list(zip(PATHS[2:], TITLES[2:], strict=True)))))
    assert taken(f"<div class='library'>{lists}</div>") == list(PATHS)


def test_a_list_of_short_labels_or_a_short_list_links_no_publication() -> None:
    """A content list of regions ("Middle East") is no list of titles, and four titled
    links make no list."""
    regions = "".join(f"<li><a href='/{r.lower().replace(' ', '-')}'>{r}</a></li>"
                      for r in ("Africa", "Asia", "Europe", "Middle East", "Latin America"))
    few = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in zip(PATHS[:4], TITLES[:4],
                                                                     strict=True))
    assert taken(f"<ul>{regions}</ul>") == []
    assert taken(f"<ul>{few}</ul>") == []
