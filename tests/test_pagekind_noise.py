"""Pages of a publication site that are no publication although they look dated or marked
as articles: a profile dated by its publications' cards, a shop's page, a Product."""

from __future__ import annotations

import pytest

from harvester import extract_page
from harvester.pagekind import page_kind
from harvester.parse import parse_html

BIO = "<p>Jane Doe is a senior fellow who studies ceasefires and their monitors.</p>" * 5


def judged(html: str, url: str) -> str:
    """Return the kind the pipeline gives a page (its record weighed)."""
    return page_kind(parse_html(html, url), extract_page(html, url)).kind


def test_a_profile_dated_only_by_its_publications_cards_is_none() -> None:
    """The day near a profile's name is its newest publication's, in a card."""
    cards = "".join(
        f"<article class='card'><h3><a href='/analysis/ceasefire-report-{n}'>Ceasefire report "
        f"number {n} on the line</a></h3><time datetime='2024-05-0{n}'>{n} May 2024</time>"
        f"<p class='kicker'>Analysis</p></article>" for n in (9, 8, 7))
    html = (f"<html><head><title>Jane Doe</title></head><body><main><h1>Jane Doe</h1><p>Senior "
            f"Fellow</p>{BIO}<h2>Publications by Jane Doe</h2>{cards}</main></body></html>")
    assert judged(html, "https://example.org/our-people/jane-doe/") != "publication"


def test_a_shop_s_page_is_none_even_marked_as_an_article() -> None:
    """Drupal's site-wide og:type "article" on a page selling a book ("Add to cart")."""
    html = ("<html><head><title>The Long Ceasefire</title><meta property='og:type' "
            "content='article'></head><body><main><h1>The Long Ceasefire</h1><p>By Jane Doe"
            "</p>" + "<p>A book on how ceasefires hold, with maps and interviews.</p>" * 10
            + "<p class='price'>$24.95</p><form><button type='submit'>Add to cart</button>"
            "</form></main></body></html>")
    assert judged(html, "https://example.org/shop/the-long-ceasefire") == "other"


def test_a_product_is_none_even_typed_a_book_too() -> None:
    """JSON-LD ["Book", "Product"] with an offer: a shop's page."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '["Book", "Product"], "name": "The Long Ceasefire", "offers": {"@type": "Offer", '
          '"price": "24.95"}}</script>')
    html = (f"<html><head><title>The Long Ceasefire</title>{ld}</head><body><main><h1>The Long "
            f"Ceasefire</h1>" + "<p>A book on how ceasefires hold, with maps.</p>" * 20
            + "</main></body></html>")
    assert judged(html, "https://example.org/books/the-long-ceasefire") == "other"


def test_a_book_page_linking_a_shop_is_a_publication() -> None:
    """A think tank's book page typed Book, its "Buy now" a link to a shop: a publication."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"Book", "name": "The Long Ceasefire", "datePublished": "2024-05-02"}</script>')
    html = (f"<html><head><title>The Long Ceasefire</title>{ld}</head><body><main><h1>The Long "
            f"Ceasefire</h1>" + "<p>A book on how ceasefires hold, with maps.</p>" * 20
            + "<a class='button' href='https://shop.example.com/x'>Buy now</a>"
            "</main></body></html>")
    assert judged(html, "https://example.org/books/the-long-ceasefire") == "publication"


def test_a_job_ad_is_none_by_its_headings() -> None:
    """"Responsibilities" and "How to apply" make a job ad, dated and long as it is; a
    report with one "Requirements" section stays a publication."""
    duties = "<p>Draft memos and briefing notes on peace processes for senior staff.</p>" * 8
    ad = ("<html><head><title>Research Assistant</title></head><body><main><h1>Research "
          "Assistant, Peace Programs</h1><dl><dt>Posted</dt><dd>May 2, 2024</dd></dl><h2>"
          f"Responsibilities</h2>{duties}<h2>How to apply</h2><p>Send a letter.</p></main>"
          "</body></html>")
    assert judged(ad, "https://example.org/work-with-us/research-assistant/") == "other"
    report = ad.replace("How to apply", "Findings").replace("Responsibilities", "Requirements")
    assert judged(report, "https://example.org/analysis/research-assistant/") == "publication"


EPISODES = "".join(
    f"<div class='episode'><h3>Episode {n}: monitors on the line</h3><time datetime="
    f"'2024-05-0{n}'>{n} May 2024</time><p>Guests talk about the ceasefire line and its "
    f"monitors.</p></div>" for n in (9, 8, 7))


def test_a_show_dated_by_its_newest_episode_is_none() -> None:
    """A podcast show's page lists its episodes inline, each with its day: the day near its
    name is its newest episode's, not its own."""
    html = ("<html><head><title>Peace Talks</title></head><body><main><h1>Peace Talks</h1>"
            "<p>A podcast on peace processes and the people who make them.</p>"
            f"{EPISODES}</main></body></html>")
    assert judged(html, "https://example.org/podcasts/peace-talks") != "publication"


def test_an_article_dated_beside_its_comments_days_is_a_publication() -> None:
    """An article's own day beside its headline stays its own when comments below it show
    other days."""
    comments = "".join(f"<div class='comment'><time datetime='2024-05-1{n}'>1{n} May</time>"
                       f"<p>A reader's view.</p></div>" for n in range(3))
    html = ("<html><head><title>Monitors</title></head><body><main><article><h1>Monitors on "
            "the line</h1><time datetime='2024-05-09'>9 May 2024</time>"
            + "<p>What the monitors of the line saw this winter.</p>" * 8
            + f"</article><section class='comments'>{comments}</section></main></body></html>")
    assert judged(html, "https://example.org/analysis/monitors-on-the-line") == "publication"


@pytest.mark.timeout(60)  # a bound on the work, not a speed goal: it was quadratic
def test_a_page_of_thirty_thousand_dated_blocks_is_judged() -> None:
    """Thousands of like blocks each showing the page's day: the check reads a few."""
    body = "".join(f"<p class='c{n}'><time datetime='2024-05-09'>9 May 2024</time></p>"
                   for n in range(30_000))
    html = f"<html><body><main><h1>A page of many days</h1>{body}</main></body></html>"
    assert judged(html, "https://example.org/a/b") == "other"  # days, no text of its own


SITE_PAGE = ("<html><head><title>{title} | Institute</title><meta property='og:type' "
             "content='article'>{head}</head><body><main><h1>{title}</h1>" + BIO * 3
             + "</main></body></html>")


@pytest.mark.parametrize(("path", "title"), [
    ("/about-us/", "About Us"), ("/privacy-policy/", "Privacy Policy"),
    ("/donate/", "Support Our Work"), ("/experts/jane-doe", "Jane Doe"),
    ("/programs/peace-processes/", "Peace Processes"),
])
def test_a_site_page_marked_as_an_article_site_wide_is_none(path: str, title: str) -> None:
    """WordPress SEO plugins give every page og:type "article": a site page's URL says
    more than that, when nothing gives the page a publication day."""
    html = SITE_PAGE.format(title=title, head="")
    assert judged(html, "https://example.org" + path) != "publication"


@pytest.mark.parametrize(("path", "head"), [
    # an article's own day in its metadata outweighs the URL's shape
    ("/about-us/", "<meta property='article:published_time' content='2024-05-02'>"),
    # an article URL of no site's page: og:type is enough beside a text of its own
    ("/ceasefires-that-hold-along-the-line", ""),
])
def test_a_page_marked_as_an_article_elsewhere_is_a_publication(path: str, head: str) -> None:
    html = SITE_PAGE.format(title="Ceasefires That Hold", head=head)
    assert judged(html, "https://example.org" + path) == "publication"


@pytest.mark.parametrize("title", ["Page not found", "Error 404", "404 - Seite nicht gefunden",
                                   "Oops! That page can’t be found."])
def test_a_soft_404_is_none(title: str) -> None:
    """A moved publication's URL answered with 200 and the site's "not found" template (a
    search box, the latest research) is no publication, however much text it shows."""
    html = SITE_PAGE.format(title=title, head="")
    assert judged(html, "https://example.org/research/ceasefires-that-hold") == "other"


@pytest.mark.parametrize("title", ["404 Days in Captivity", "Not Found: Missing Persons in "
                                   "Mexico", "Nothing Found in the Archives: A Review"])
def test_a_publication_titled_with_those_words_is_one(title: str) -> None:
    html = SITE_PAGE.format(title=title, head="")
    assert judged(html, "https://example.org/research/ceasefires-that-hold") == "publication"
