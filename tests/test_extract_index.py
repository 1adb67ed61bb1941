"""The page index: one pass sorts the elements every extractor reads."""

from __future__ import annotations

from datetime import date

from harvester import extract_page
from harvester.extract.classes import FOREIGN, classify
from harvester.extract.page import Page
from harvester.extract.tree import text_of
from harvester.parse import parse_html

PAGE = b"""<html><head><title>T</title></head><body>
<nav class="site-nav"><a href="/" rel="home">Home</a></nav>
<article><h1>Title</h1>
<p><a href="/tag/x" rel="tag">X</a> <a href="/y">Y</a> <a rel="">Z</a>
<a href="/category/c" rel="category tag">C</a></p></article></body></html>"""


def test_links_with_a_rel_are_listed_in_page_order() -> None:
    """Only links that carry a rel attribute are in rel_anchors, in document order."""
    page = Page(parse_html(PAGE))
    assert [a.text for a in page.rel_anchors] == ["Home", "X", "C"]
    assert [a.text for a in page.anchors] == ["Home", "X", "Y", "Z", "C"]


def test_new_class_values_are_classified_once_and_remembered() -> None:
    """A class value seen for the first time gets the same flags as from classify()."""
    page = Page(parse_html(PAGE))
    nav = next(el for el, _, _ in page.named if el.tag == "nav")
    assert next(flags for el, _, flags in page.named if el is nav) & FOREIGN
    assert classify("site-nav") & FOREIGN


def test_main_anchors_are_the_links_of_the_article_else_all() -> None:
    """With an <article>, only its links are main links; without one, every link is."""
    page = Page(parse_html(PAGE))
    assert [a.text for a in page.main_anchors] == ["X", "Y", "Z", "C"]
    bare = Page(parse_html(PAGE.replace(b"article", b"div")))
    assert [a.text for a in bare.main_anchors] == ["Home", "X", "Y", "Z", "C"]


def test_in_main_is_inside_the_article_and_outside_foreign_blocks() -> None:
    """Links of the article are in the main content; the navigation's are not."""
    page = Page(parse_html(PAGE))
    home, tag = page.rel_anchors[0], page.rel_anchors[1]
    assert page.in_main(tag) and not page.in_main(home)
    assert not page.in_main(page.main)


def test_text_of_leaves_and_hidden_content() -> None:
    """A leaf's text is its text; script text is never visible, inside or alone."""
    root = parse_html(b"<html><body><p>a <b>b</b><script>x()</script> c</p><i></i>"
                      b"<script>y()</script></body></html>").root
    p, b, script, i, alone = (root.find(".//p"), root.find(".//b"), root.find(".//p/script"),
                              root.find(".//i"), root.find("body/script"))
    assert [text_of(el) for el in (p, b, script, i, alone)] == ["a b c", "b", "", "", ""]


def test_an_embedded_social_post_gives_the_page_no_date() -> None:
    """An Instagram or Twitter embed is another post: its <time> is not the page's date
    (even right by the headline, where the page's own dateline would sit)."""
    html = ("<html lang='de'><head><meta property='og:title' content='Werbung auf Instagram'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2018-05-23T15:30:00Z\"}</script>"
            "</head><body><article><h1>Werbung auf Instagram</h1>"
            "<blockquote class='instagram-media'><p>Ein Beitrag von vreni "
            "<time datetime='2018-03-27T07:08:52+00:00'>Mär 27, 2018</time></p></blockquote>"
            "<p>Text.</p></article></body></html>")
    record = extract_page(html, "https://example.org/de/werbung")
    assert record.published.isoformat() == "2018-05-23T17:30:00+02:00"
    assert classify("twitter-tweet") & FOREIGN and not classify("twitter") & FOREIGN


def test_a_share_bar_that_states_the_date_is_the_pages_own() -> None:
    """The bar under the headline holding the date and byline beside share buttons is the
    page's; a share bar of links only, or a list of shared stories, stays foreign."""
    html = ("<html lang='de'><body><div class='detail'><h2>Steve Forbes: Trump is a "
            "billionaire</h2><div class='social-share'><div class='pull-left'>"
            "<h5>23.01.2019</h5><div>By Urs Gehriger</div></div><div class='pull-right'>"
            "<a href='https://twitter.com/share?url=x'>Twitter</a></div></div>"
            "<div class='share-links'><a href='/print'>Print 2019</a></div>"
            "<div class='most-shared'><ul><li><a href='/a'>Other story</a> 3 March 2024</li>"
            "</ul></div><div class='sharing'><ul><li><a href='/b'>Another story</a>"
            "<span>4 March 2024</span></li></ul></div>"
            "<p>Publishing magnate Steve Forbes tells the weekly ...</p></div></body></html>")
    page = Page(parse_html(html))
    bar, links = page.root.find(".//div[@class='social-share']"), page.root.find(
        ".//div[@class='share-links']")
    assert not page.is_foreign(bar) and page.is_foreign(links)
    # Lists of shared or listed stories, each with its own date, stay foreign.
    assert all(page.is_foreign(page.root.find(f".//div[@class='{name}']"))
               for name in ("most-shared", "sharing"))
    assert extract_page(html, "https://example.ch/ausgaben/artikel/forbes").published == date(
        2019, 1, 23)


def test_an_about_this_article_block_in_a_sidebar_is_the_pages_own() -> None:
    """A sidebar block headed "About this article" describes the page; the rest of the
    sidebar stays foreign."""
    html = ("<html lang='de'><body><div id='sidebar'><h2>Über diesen Artikel</h2>"
            "<p class='news'><a href='/2010/05/typo/'>Typografie</a> wurde am "
            "<nobr>19. Mai 2010</nobr> gepostet.</p><h2>Neueste Beiträge</h2>"
            "<p class='recent'>3. Juni 2010</p></div><div id='content'>"
            "<h2>Literatur und Typografie</h2><p>Text.</p></div></body></html>")
    page = Page(parse_html(html))
    own, recent = (page.root.find(f".//p[@class='{name}']") for name in ("news", "recent"))
    assert not page.is_foreign(own) and page.is_foreign(recent)
    assert extract_page(html, "https://example.de/2010/05/typo/").published == date(2010, 5, 19)
