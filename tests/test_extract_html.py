"""Visible-page heuristics: headline, byline, dateline, labels — never a neighbour's."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from harvester.extract import extract_page
from harvester.extract.classes import BYLINE, FOREIGN, classify
from harvester.extract.page import Page
from harvester.parse import parse_html

URL = "https://www.example.org/publications/2024/01/elections-and-boycotts"

RELATED = """
<section class="view view-related">
  <h2>Related Publications</h2>
  <div class="row"><article class="teaser"><h3><a href="/p/1">Other One</a></h3>
    <div>Thursday, February 15, 2024</div><div>By: Kyaw Min Htun</div><div>Type: Report</div>
  </article></div>
  <div class="row"><article class="teaser"><h3><a href="/p/2">Other Two</a></h3>
    <div>Monday, December 18, 2023</div><div>By: Rosa Diaz, Ph.D.</div></article></div>
  <div class="row"><article class="teaser"><h3><a href="/p/3">Other Three</a></h3>
    <div>Friday, December 1, 2023</div><div>By: Li Wei</div></article></div>
</section>"""


def usip_like(meta_block: str, extra: str = "") -> str:
    """Return a metadata-free page: a visible header block, a body and related cards."""
    return f"""<html lang="en"><head><title>Elections &amp; Boycotts | Example Institute</title>
    </head><body><header class="site-header"><nav><a href="/">Home</a></nav></header>
    <main><article><header><h1>Elections &amp; Boycotts: What Comes Next?</h1>
    {meta_block}</header>
    <div class="field--name-body"><p>With the opposition boycotting the January 7 vote, the
    ruling party secured a fourth consecutive term amid the lowest turnout in decades.</p>
    <p>On October 28, 2023 the rally in the capital ended in arrests.</p></div>{extra}
    </article>{RELATED}</main><footer>© 2024 Example Institute</footer></body></html>"""


def test_visible_byline_dateline_and_type_label() -> None:
    """A "By:" line, a written date and a "Publication Type:" label are the page's own."""
    record = extract_page(usip_like(
        "<div>Friday, January 12, 2024</div>"
        "<div class='field--name-field-authors'>By: <a href='/people/a'>Farhana Rahman, Ph.D."
        "</a>;&nbsp; <a href='/people/b'>Daniel Whitcombe</a></div>"
        "<div>Publication Type: <a href='/t/analysis'>Analysis</a></div>"), URL)
    assert record.title == "Elections & Boycotts: What Comes Next?"
    assert [a.name for a in record.authors] == ["Farhana Rahman", "Daniel Whitcombe"]
    assert record.published == date(2024, 1, 12)
    assert record.type == "Analysis"
    assert record.language == "en"


def test_related_cards_never_leak() -> None:
    """With no byline, date or type of its own, the page takes none from related cards."""
    record = extract_page(usip_like(""), "https://www.example.org/publications/elections")
    assert record.authors == ()
    assert record.published is None
    assert record.type is None


def test_time_element_with_offset_and_updated_label() -> None:
    """<time datetime> keeps its offset; a "Last updated" time is the updated date."""
    block = ('<p>Published <time datetime="2024-03-09T23:30:00-05:00">March 9</time></p>'
             '<p>Last updated <time datetime="2024-03-11T10:00:00-05:00">March 11</time></p>')
    record = extract_page(usip_like(block), "https://www.example.org/p/elections")
    minus5 = timezone(timedelta(hours=-5))
    assert record.published == datetime(2024, 3, 9, 23, 30, tzinfo=minus5)
    assert record.updated == datetime(2024, 3, 11, 10, 0, tzinfo=minus5)


def test_kicker_and_subtitle_are_not_part_of_the_title() -> None:
    """A kicker span before the headline and a subtitle after it are left out."""
    html = ("<html><body><article><h1><span class='kicker'>Energy</span>"
            "<span class='headline'>Grids Under Strain</span>"
            "<small class='subtitle'>Why winters are harder now</small></h1>"
            "<p class='byline'>By Ana Souza</p></article></body></html>")
    record = extract_page(html, "https://example.org/a")
    assert record.title == "Grids Under Strain"
    assert [a.name for a in record.authors] == ["Ana Souza"]


def test_topics_from_a_related_topics_list_and_tag_links() -> None:
    """A "Related Topics" list of the article itself gives its topics as the page writes
    them (feeds map them through the vocabulary)."""
    extra = ("<div class='field--name-field-issue-areas'><h3>Related Topics</h3><ul>"
             "<li><a href='/issue-areas/ge'>Global Elections &amp; Conflict</a></li>"
             "<li><a href='/issue-areas/dg'>Democracy and Governance</a></li></ul></div>")
    record = extract_page(usip_like("", extra), "https://www.example.org/p/x")
    assert record.topics == ("Global Elections & Conflict", "Democracy and Governance")


def test_wordpress_tags_not_categories() -> None:
    """A post's tags are its topics, not its categories; a category naming a type is the type."""
    html = """<html><body><article class="post"><h1 class="entry-title">Ceasefire Notes</h1>
      <div class="entry-meta">by <a rel="author" href="/author/mk/">Margaret Kariuki</a> |
      <time datetime="2023-10-04T08:12:45+03:00">October 4</time> |
      <a rel="category tag" href="/category/blog/">Blog</a>
      <a rel="category tag" href="/category/south-sudan/">South Sudan</a></div>
      <p>I spent most of September with the monitoring teams that patrol the ceasefire lines
      around the border towns, and this is what I saw there.</p>
      <footer><a rel="tag" href="/tag/ceasefires/">ceasefires</a></footer>
      </article></body></html>"""
    record = extract_page(html, "https://example.org/2023/10/ceasefire-notes/")
    assert [a.name for a in record.authors] == ["Margaret Kariuki"]
    assert record.type == "Blog Post"
    assert record.topics == ("ceasefires",)
    assert record.summary is not None and record.summary.startswith("I spent most")


def wordpress_post(head: str, categories: str) -> str:
    """Return a WordPress-like post with the given <head> content and category links."""
    return f"""<html><head>{head}</head><body><article class="post">
      <h1 class="entry-title">Ceasefire Notes</h1><div class="entry-meta">{categories}</div>
      <p>I spent most of September with the monitoring teams that patrol the ceasefire lines
      around the border towns, and this is what I saw there.</p></article></body></html>"""


def test_wordpress_categories_without_tags() -> None:
    """A post without any tags takes its topical category links as topics."""
    html = wordpress_post("", '<a rel="category tag" href="/category/blog/">Blog</a>'
                          '<a rel="category tag" href="/category/south-sudan/">South Sudan</a>')
    record = extract_page(html, "https://example.org/2023/10/ceasefire-notes/")
    assert record.topics == ("South Sudan",)


def test_lead_figure_with_relative_src_and_caption() -> None:
    """The article's first figure gives an absolute image URL and its caption."""
    extra = ("<figure><img src='/files/lead.jpg' width='800'>"
             "<figcaption>Polling station in Dhaka.</figcaption></figure>")
    record = extract_page(usip_like("", extra), URL)
    assert record.image is not None
    assert record.image.url == "https://www.example.org/files/lead.jpg"
    assert record.image.caption == "Polling station in Dhaka."


def test_date_in_url_when_the_page_gives_none() -> None:
    """A full date in the URL is the publication day when nothing else says otherwise."""
    html = "<html><body><h1>Only a headline</h1><p>Text without any date at all.</p></body></html>"
    record = extract_page(html, "https://example.org/2022/08/17/only-a-headline/")
    assert record.published == date(2022, 8, 17)
    assert record.provenance["published"] == "url"


def test_weak_tag_source_beats_categories() -> None:
    """Even a rarely used tag source (og:article:tag) outranks a post's category links."""
    html = wordpress_post('<meta property="og:article:tag" content="Ceasefire monitoring">',
                          '<a rel="category tag" href="/category/south-sudan/">South Sudan</a>')
    record = extract_page(html, "https://example.org/2023/10/ceasefire-notes/")
    assert record.topics == ("Ceasefire monitoring",)


def test_dateline_name_above_the_headline() -> None:
    """A "date | time | Name" line right above the headline credits the author."""
    html = """<html><body><main><div><small>11.05.2023 | 09:40 Uhr | Greta Lindqvist</small>
      <h1>Neue Regeln für die Zuchtprüfung</h1>
      <p>Die Verbände haben sich nach langen Beratungen auf ein gemeinsames Verfahren für
      die kommende Saison geeinigt, das im Frühjahr erstmals erprobt wird.</p></div></main>
      </body></html>"""
    record = extract_page(html, "https://example.org/news/zuchtpruefung")
    assert [a.name for a in record.authors] == ["Greta Lindqvist"]


def test_screen_reader_by_label_after_a_kicker() -> None:
    """A "| By" label in its own span (after a kicker) credits the name that follows it."""
    html = """<html><body><article><h1>How to Pack for a Long Trip</h1>
      <div class="article_meta_info"><span class="trending">wow!</span>
      <span class="screen-reader-text">| By </span> <span>Ines Barreto</span> |
      <time class="entry-date">May 2, 2021</time></div>
      <p>Packing light is a skill that most travellers learn the hard way, usually at an
      airport check-in desk with a suitcase that weighs far too much.</p></article></body></html>"""
    record = extract_page(html, "https://example.org/travel/packing")
    assert [a.name for a in record.authors] == ["Ines Barreto"]


def test_category_addresses_are_not_tags() -> None:
    """Links to /category/ pages are categories even when marked rel=tag or listed as tags."""
    body = """<p>The river towns have argued about the new ferry timetable for most of the
      summer, and the council now wants to settle it before the autumn.</p>"""
    rel_tag = f"""<html><body><article><h1>Ferry Timetable Row</h1>{body}
      <a href="/category/region/" rel="tag">Region</a>
      <a href="/tag/ferries/" rel="tag">Ferries</a></article></body></html>"""
    assert extract_page(rel_tag, "https://example.org/x").topics == ("Ferries",)
    filed = f"""<html><body><article><h1>Ferry Timetable Row</h1>{body}
      <div>ad</div> Filed under: <a href="/category/region/">Region</a>
      <div class="tagged">Tagged: <a href="/tag/ferries/">Ferries</a></div>
      </article></body></html>"""
    assert extract_page(filed, "https://example.org/x").topics == ("Ferries",)


def test_headline_part_glued_to_the_title_is_not_part_of_it() -> None:
    """"<h1><span>Title</span><a>Site Name</a></h1>" shows two blocks: the title is the first."""
    html = """<html><head><title>Fiscalía recurre el auto » Noticias » Diario Insular</title>
      </head><body><h1><span class="define">Fiscalía recurre el auto del juez instructor</span><a
      href="/portada.html">Diario Insular</a></h1><p>Texto de la noticia.</p></body></html>"""
    assert extract_page(html, "https://example.es/n/1.html").title == \
        "Fiscalía recurre el auto del juez instructor"


def test_numeric_date_in_front_of_the_headline_is_dropped() -> None:
    """"23.01.2022 - Title" is the title; the date belongs to the published field."""
    html = """<html><head><title>23.01.2022 - Wierer jubelt zum Abschluss - Biathlon</title>
      </head><body><h1>23.01.2022 - Wierer jubelt zum Abschluss</h1></body></html>"""
    record = extract_page(html, "https://example.it/news/wierer.html")
    assert record.title == "Wierer jubelt zum Abschluss"
    assert extract_page("<h1>2024: Year of Elections in Review</h1>").title == \
        "2024: Year of Elections in Review"


def test_site_title_heading_linking_home_is_not_the_headline() -> None:
    """A theme's site-title <h1> (a link to the home page) yields to the post's own <h1>."""
    html = """<html><head><title>Yellow Vests and I &mdash; The Jane Roe Foundation</title>
      </head><body>
      <header><h1 class="logo"><a href="/">The Jane Roe Foundation</a></h1></header>
      <article><header><h1 class="entry-title"><a href="/news/2018/12/4/yellow-vests-and-i">
      Yellow Vests and I</a></h1></header><p>Text of the post, long enough to read.</p>
      </article></body></html>"""
    assert extract_page(html, "https://janeroe.example/news/2018/12/4/yellow-vests-and-i"
                        ).title == "Yellow Vests and I"


def test_the_post_s_h2_is_the_headline_when_the_only_h1_is_the_logo() -> None:
    """A theme whose <h1> holds the site's logo (a home link) gives the post an <h2>; the
    <title> says only the site's name. A sidebar's <h2> comes later and is not taken."""
    html = """<html><head><title>carta.example</title></head><body>
      <header><h1><a href="https://carta.example/" rel="home"><img src="/logo.png"></a></h1>
      </header><main><article><h2>Der neue Trend: Muss- statt Wunschkoalition</h2>
      <p>Von Anna Berg, 12. Mai 2017</p><p>Ein Absatz über Koalitionen.</p></article></main>
      <aside class="sidebar"><h2>Neueste Beiträge</h2></aside></body></html>"""
    record = extract_page(html, "https://carta.example/der-neue-trend/")
    assert record.title == "Der neue Trend: Muss- statt Wunschkoalition"


def test_title_pushed_into_the_body_is_still_the_title_but_an_svg_title_is_not() -> None:
    """A <title> that broken markup moved into <body> counts; an SVG's tooltip never does."""
    broken = ("<html><p>Menu</p><title>Malaga, die quirlige Metropole</title>"
              "<svg><title>Icon of a house</title></svg><p>Text</p></html>")
    assert extract_page(broken).title == "Malaga, die quirlige Metropole"
    icon = "<html><body><svg><title>Icon of a house</title></svg><p>Text</p></body></html>"
    assert extract_page(icon).title is None


def test_headline_behind_breadcrumbs_yields_to_the_declared_title() -> None:
    """An <h1> "Home / News / Title" gives the title the metadata agree on."""
    html = """<html><head><title>Lehrberufe KFT - Berufsschule Nord</title>
      <meta property="og:title" content="Lehrberufe KFT - Berufsschule Nord">
      <meta property="og:site_name" content="Berufsschule Nord"></head><body>
      <h1>Home / News - Kraftfahrzeugtechnik / Lehrberufe KFT</h1><p>Text.</p></body></html>"""
    assert extract_page(html, "https://example.at/kft/lehrberufe-kft/").title == "Lehrberufe KFT"


def test_title_part_resembling_the_site_name_stays_when_titles_agree_on_it() -> None:
    """og:site_name "Welpen": "Welpen kaufen – Tipps" stays whole when the headline says so."""
    html = """<html><head><title>Welpen kaufen – Tipps zu jeder Hunderasse | Welpenkaufen24</title>
      <meta property="og:title" content="Welpen kaufen – Tipps zu jeder Hunderasse">
      <meta property="og:site_name" content="Welpen"></head><body>
      <h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1><p>Text.</p></body></html>"""
    assert extract_page(html, "https://welpen.example/").title == \
        "Welpen kaufen – Tipps zu jeder Hunderasse"


@pytest.mark.parametrize(("title", "expected"), [
    ("Les communes votent | Le Courrier du Sud", "Les communes votent"),
    ("绿道全线贯通-江南日报网", "绿道全线贯通"),
    ("駅前に新店舗をオープン｜江南日報", "駅前に新店舗をオープン"),
    # A home link's text is the site's name only as the short part of a title.
    ("Le Courrier du Sud | Montréal", "Le Courrier du Sud | Montréal"),
])
def test_the_name_the_home_links_show_leaves_the_title(title: str, expected: str) -> None:
    """The text of a link to the home page (or its logo's alt) names the site in the title,
    also glued to a Chinese or Japanese title without spaces."""
    html = f"""<html><head><title>{title}</title></head><body>
      <a href="https://www.courrier.example/"><img src="/img/masthead.png" alt="江南日報"></a>
      <nav><a href="/">Le Courrier du Sud</a> <a href="/">江南日报网</a>
      <a href="/montreal/">Montréal</a> <a href="/?page=2">Montréal</a></nav>
      <p>Text.</p></body></html>"""
    assert extract_page(html, "https://courrier.example/2021/05/x.html").title == expected


def test_a_link_elsewhere_or_deeper_does_not_name_the_site() -> None:
    """Links to other sites, to sections or with a query are not home links."""
    html = """<html><head><title>Ports Matter | Harbour News</title></head><body>
      <a href="https://other.example/">Harbour News</a> <a href="/news/">Harbour News</a>
      <a href="/?lang=en">Harbour News</a> <a href="http://[::1/">Harbour News</a>
      <p>Text.</p></body></html>"""
    assert extract_page(html, "https://harbour.example/p/1").title == "Ports Matter | Harbour News"


def test_the_logo_is_not_the_page_image() -> None:
    """An image in the link to the home page, a file named logo/icon or a format's icon
    ("pdf.gif") is not the lead."""
    html = """<html><head><title>T</title></head><body>
      <a href="/"><img src="/img/masthead.png" width="300"></a><h1>Ports Matter</h1>
      <img src="/img/feed-icon.png"><img src="/img/site_logo.svg">
      <a href="/files/report.pdf"><img src="/images/pdf.gif"> PDF</a>
      <figure><img src="/files/iconic-harbour.jpg"></figure><p>Text.</p></body></html>"""
    record = extract_page(html, "https://harbour.example/p/1")
    assert record.image is not None
    assert record.image.url == "https://harbour.example/files/iconic-harbour.jpg"


def test_numbered_headline_is_not_a_dateline_name() -> None:
    """"Title - Part 49" holds a number, not a date: it credits nobody."""
    html = """<html><body><main><h1>Die Haubenfahrzeuge der Nachkriegszeit - Teil 49</h1>
      <p>Text des Artikels über die Fahrzeuge der Feuerwehr.</p></main></body></html>"""
    assert extract_page(html, "https://example.info/news/teil-49").authors == ()


def test_screen_reader_heading_is_not_where_the_headline_is() -> None:
    """A visually hidden <h1> in the banner yields to the visible headline, near which
    bylines and datelines are looked for."""
    html = """<html><head><title>Atomkraft ist nicht nachhaltig | Amt</title></head><body>
      <header><h1 class="visuallyhidden">Atomkraft ist nicht nachhaltig | Amt</h1></header>
      <main><h2>Atomkraft ist nicht nachhaltig</h2><p>20.01.2022</p>
      <p>Die Kommission hat entschieden, und das Amt widerspricht ihr in allen Punkten.</p>
      </main></body></html>"""
    page = Page(parse_html(html.encode(), "https://amt.example/presse/atomkraft"))
    assert page.h1 is not None and page.h1.tag == "h2"


@pytest.mark.parametrize(("words", "foreign"), [
    ("elementor-widget elementor-widget-post-info", False),
    ("elementor-widget-container", False),
    ("widget widget_recent_entries", True),
    ("sidebar-widget", True),
    # An article's own sidebar holds its byline and date; the site's sidebar is foreign.
    ("cc--component-container cc--article-sidebar", False),
    ("post-sidebar", False),
    ("l-sidebar sidebar-right", True),
])
def test_page_builder_blocks_are_not_sidebar_widgets(words: str, foreign: bool) -> None:
    """Elementor calls every block of a page a widget; a theme's widget is a sidebar's."""
    assert bool(classify(words) & FOREIGN) is foreign


def test_a_byline_in_the_article_s_own_sidebar_is_the_page_s() -> None:
    """"By / Todd Bates" in an article sidebar beside the text names the author in full
    where the JSON-LD gives only a first name."""
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "New Robot Samples Blood", "author": {"@type": "Person", "name": "Todd"}}
      </script></head><body><header><h1>New Robot Samples Blood</h1></header>
      <div class="content-main"><section class="cc--article-sidebar" aria-label="Article Sidebar">
      <div class="full-name-wrapper"><p class="label"><strong>By</strong></p>
      <p class="full-name">Todd Bates</p></div></section>
      <aside class="sidebar"><p class="full-name">Ann Other</p></aside>
      <div class="body"><p>A robot drew blood as well as people did, or better.</p></div>
      </div></body></html>"""
    record = extract_page(html, "https://www.example.edu/news/new-robot-samples-blood")
    assert [a.name for a in record.authors] == ["Todd Bates"]


def _long_article(credit: str, extra: str = "") -> str:
    """Return a page whose only credit (if any) comes after many paragraphs of text."""
    paragraphs = "".join(f"<p>Absatz {i} über die Fahrzeuge der Feuerwehr im Landkreis.</p>"
                         for i in range(200))
    return f"""<html lang="de"><body><main><article><h1>Die Fahrzeuge der Feuerwehr</h1>
      {paragraphs}<p>{credit}</p></article>{extra}</main></body></html>"""


@pytest.mark.parametrize(("credit", "names"), [
    ("<strong>Text:</strong> Klausmartin Friedrich", ["Klausmartin Friedrich"]),
    ("Autor: Jane Doe und John Roe", ["Jane Doe", "John Roe"]),
    ("<b>Text und Fotos:</b> Jane Doe", ["Jane Doe"]),
    # Not a full name, a sentence, a date: nobody is credited.
    ("Autor: unbekannt", []),
    ("Text: Lorem ipsum dolor sit amet consectetur adipiscing", []),
    ("Autor: Jane Doe, 12.03.2024", []),
])
def test_a_credit_under_a_long_text_names_its_author(credit: str, names: list[str]) -> None:
    """"Text: Name" or "Autor: Name" far below the headline credits the page's author
    when nothing else does."""
    record = extract_page(_long_article(credit), "https://bos.example/news/fahrzeuge-49")
    assert [a.name for a in record.authors] == names


def test_a_far_credit_never_beats_a_byline_nor_comes_from_comments() -> None:
    """A byline by the headline wins over a far "Autor:" line (a book's author in a
    review's info box), and a credit in the comments names nobody."""
    byline = _long_article("Autor: Thomas Mann").replace(
        "</h1>", "</h1><p class='byline'>Von Erika Muster</p>")
    assert [a.name for a in extract_page(byline, "https://x.example/a").authors] == [
        "Erika Muster"]
    comments = _long_article("", "<section class='comments'><p>Autor: Max Leser</p></section>")
    assert extract_page(comments, "https://x.example/b").authors == ()


@pytest.mark.parametrize(("block", "topics"), [
    # Latvian and Slovenian labels beat site-wide keywords
    ("<p><b>Atslēgvārdi:</b> <a href='/t/1'>reemigrācija</a>, <a href='/t/2'>diaspora</a></p>",
     ("reemigrācija", "diaspora")),
    ("<p>Ključne besede: energetska revščina, upokojenci</p>",
     ("energetska revščina", "upokojenci")),
    # A label alone, then its links: every link is a value, up to the next label.
    ("<p><span class='label'>Kategorie:</span>\n<a href='/k/diakonie'>Diakonie</a>,\n"
     "<a href='/k/pflege'>Pflege</a></p>", ("Diakonie", "Pflege")),
    ("<div><span>Themen:</span> <span>Ehrenamt</span> <span>Jugendverbände</span>"
     "<span>Autor:</span> <span>Erika Muster</span></div>", ("Ehrenamt", "Jugendverbände")),
    # Colons between the links separate them as commas would.
    ("<p>Kategorien: <a href='/k/inland'>Inland</a>: <a href='/k/politik'>Politik</a>:</p>",
     ("Inland", "Politik")),
    # The label words of other languages, and a heading over a list of keyword links.
    ("<p>Trefwoorden: klimaat, energie</p>", ("klimaat", "energie")),
    ("<p>Palabras clave: sequía; agua</p>", ("sequía", "agua")),
    # Finnish and Swedish subject words ("asiasanat", "ämnesord")
    ("<div><span class='label'>Asiasanat:</span> <a href='/haku?tag=etätyö'>etätyö</a> "
     "<a href='/haku?tag=maaseutu'>maaseutu</a></div>", ("etätyö", "maaseutu")),
    ("<p>Ämnesord: distansarbete, landsbygd</p>", ("distansarbete", "landsbygd")),
    ("<div class='field'><div class='field__label'>Schlagworte</div><div class='items'>"
     "<a href='/w/lvmh'>LVMH</a> <a href='/w/frankreich'>Frankreich</a></div></div>",
     ("LVMH", "Frankreich")),
    # A label the sets do not know is no topic line.
    ("<p>Lesezeit: drei Minuten</p>", ()),
])
def test_labelled_topics_in_several_languages(block: str, topics: tuple[str, ...]) -> None:
    """"Label: values" lines and labelled lists under the headline give the page's topics."""
    html = f"""<html><body><main><article><h1>Die Pflege braucht eine Reform</h1>{block}
      <p>Der Text des Artikels über die Reform der Pflegefinanzierung in Deutschland.</p>
      </article></main></body></html>"""
    assert extract_page(html, "https://x.example/news/pflege").topics == topics


def test_a_document_type_label_in_spanish_gives_the_type() -> None:
    """"Tipo de documento: Informe" is a Spanish page's type label, and the vocabulary
    knows an "informe" is a report."""
    html = """<html lang="es"><body><main><h1>La sequía en el Sahel</h1>
      <p>Tipo de documento: Informe</p><p>El texto del informe sobre la sequía.</p>
      </main></body></html>"""
    assert extract_page(html, "https://x.example/publicaciones/sequia").type == "Report"


@pytest.mark.parametrize(("about", "names"), [
    # The seed's shape: a report credits its author only in "About the Author".
    ("<h2>About the Author</h2><p>Arsla Jawaid is a research fellow at Concord Consulting, "
     "where she specializes in understanding militancy.</p>", ["Arsla Jawaid"]),
    ("<h3>About the Authors</h3><p><strong>Jane Doe</strong> directs the program.</p>"
     "<p><b>Pedro van der Berg</b> was a senior fellow until 2023.</p>",
     ["Jane Doe", "Pedro van der Berg"]),
    ("<h4>Zu den AutorInnen:</h4><p>Clara Löw ist wissenschaftliche Mitarbeiterin.</p>",
     ["Clara Löw"]),
    # A biography that does not open with a name, and a later section's people, credit no one.
    ("<h2>About the Author</h2><p>She is a research fellow at Concord Consulting.</p>"
     "<h2>Partners</h2><p>John Roe is our partner.</p>", []),
])
def test_an_about_the_author_section_names_the_author(about: str, names: list[str]) -> None:
    """With no byline anywhere, the people an "About the Author" section introduces are the
    page's authors; a related card's author never is."""
    record = extract_page(usip_like("<div>Friday, January 12, 2024</div>", about), URL)
    assert [a.name for a in record.authors] == names


def test_a_byline_wins_over_the_about_the_author_section() -> None:
    """The biography section is read only when nothing else credits anyone."""
    record = extract_page(usip_like(
        "<div>By: Farhana Rahman</div>",
        "<h2>About the Author</h2><p>Arsla Jawaid is a research fellow.</p>"), URL)
    assert [a.name for a in record.authors] == ["Farhana Rahman"]


@pytest.mark.parametrize(("url", "kind"), [
    ("https://amt.example/presse/pressemitteilungen/2024/neue-regeln", "Press Release"),
    ("https://think.example/de/publikationen/studien/waffenruhe", "Report"),
    ("https://zeitung.example/meinung/kommentare/ein-fehler", "Commentary"),
    ("https://diario.example/mallorca/noticias/local/fiscalia", "News"),
    ("https://ong.example/fr/communiques-de-presse/accord", "Press Release"),
    # A folder whose name only holds a type word is no type folder.
    ("https://blog.example/2024/03/nachrichtenagenturen/dpa", None),
    # Any folder the vocabulary knows, the deepest first; never the page's own last segment
    ("https://think.example/news/press-releases/accord", "Press Release"),
    ("https://think.example/speeches/remarks-at-the-summit", "Speech"),
    ("https://think.example/research/occasional-papers/ceasefires", "Working Paper"),
    ("https://think.example/about/annual-report", None),
    ("https://answers.example/qa/11763760.html", None),
    ("https://news.example/interactive/2024/03/03/us/election-map.html", None),
])
def test_a_section_folder_in_another_language_gives_the_type(url: str, kind: str | None) -> None:
    """A page filed under a folder that names a type in German, French or Spanish has it."""
    html = "<html><body><h1>Neue Regeln für alle</h1><p>Der Text.</p></body></html>"
    assert extract_page(html, url).type == kind


@pytest.mark.parametrize(("line", "names"), [
    ("Di Jane Doe", ["Jane Doe"]), ("Av Jane Doe", ["Jane Doe"]), ("Af Jane Doe", ["Jane Doe"]),
    ("Oleh Jane Doe", ["Jane Doe"]), ("Ein Beitrag von Jane Doe", ["Jane Doe"]),
    ("Автор: Іван Петренко", ["Іван Петренко"]), ("Yazar: Ali Veli", ["Ali Veli"]),
    ("Teksti: Matti Meikäläinen", ["Matti Meikäläinen"]), ("文：山田太郎", ["山田太郎"]),
    ("Szerző: Kovács Péter", ["Kovács Péter"]), ("Kirjoittaja: Matti Virtanen", ["Matti Virtanen"]),
    ("Συντάκτης: Γιώργος Παπαδόπουλος", ["Γιώργος Παπαδόπουλος"]),
    ("Posted by Jane Doe on March 3, 2024", ["Jane Doe"]),
    # "Di" opens Italian sentences too: before a small letter it is no by-word.
    ("Di recente il governo ha deciso", []),
    ("Par ailleurs, le gouvernement a décidé", []),
    ("Écrit par Jean Dupont", ["Jean Dupont"]),
    ("<b>Von:</b> <br> Götz Warnke", ["Götz Warnke"]),
    ("Authored by Jane Doe", ["Jane Doe"]), ("Words by Jane Doe", ["Jane Doe"]),
    ("Reporting by Jane Doe in Kabul; Editing by Mark Potter", ["Jane Doe"]),
    ("Story by Jane Doe", ["Jane Doe"]), ("Text by Jane Doe", ["Jane Doe"]),
    # Asian and Middle Eastern bylines; a second label on the line ends the name
    ("홍길동 기자", ["홍길동"]), ("文：山田太郎　写真：佐藤花子", ["山田太郎"]),
    ("来源：新华社 记者：张三", ["张三"]), ("نویسنده: علی رضایی", ["علی رضایی"]),
    ("מאת: ישראל ישראלי", ["ישראל ישראלי"]), ("Penulis: Budi Santoso", ["Budi Santoso"]),
    ("Por Maria da Silva, da Redação", ["Maria da Silva"]),
    ("執筆者：中村 健一（上席研究員）、佐々木 美穂", ["中村 健一", "佐々木 美穂"]),
    # What was made, then who made it: "Report prepared by", and in other languages
    ("<b>Report prepared by:</b> Lorna Achterberg, PhD, Program Director, and Samuel Oyelaran",
     ["Lorna Achterberg", "Samuel Oyelaran"]),
    ("Préparé par : Marie-Ève Tremblay", ["Marie-Ève Tremblay"]),
    ("Elaborado por: Ana Ruiz", ["Ana Ruiz"]),
    ("<strong>คณะผู้วิจัย:</strong> ดร.สมชาย วงศ์ใหญ่", ["สมชาย วงศ์ใหญ่"]),
    # A FrontPage table: the label in <font><b> fills its cell, the name is the next cell
    ("<table><tr><td width=90><font size=2><b>Author:</b></font></td><td><font size=2>"
     "Reginald P. Thornbury, PhD</font></td></tr></table>", ["Reginald P. Thornbury"]),
    ("<table><tr><th>執筆者</th><td>中村 健一（上席研究員）、佐々木 美穂（准教授）</td></tr>"
     "</table>", ["中村 健一", "佐々木 美穂"]),
    # A sentence with "type:" in it is no label line
    ("After this type: make", []),
])
def test_bylines_in_other_languages(line: str, names: list[str]) -> None:
    """By-words and author labels of other languages credit the names after them."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1><p>{line}</p><p>3.3.2024</p>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/research/ceasefires")
    assert [a.name for a in record.authors] == names


def test_a_comment_s_author_is_not_the_page_s() -> None:
    """WordPress marks each comment "comment-author-<login>": its writer is no byline, even
    where the comments hold <article>s and so are not a sidebar."""
    html = """<html><body><div class="row social"><h1>Kaisers Wochenrückblick</h1>
      <p>Der Text des Rückblicks auf die Woche, mit allem, was geschah.</p>
      <section><ol><li class="comment byuser comment-author-kersti even depth-1">
      <article class="comment-body"><b class="fn">Kersti Wolnow</b> sagt:
      <time datetime="2019-10-19T14:37:24+02:00">19. Oktober 2019</time></article></li></ol>
      </section></div></body></html>"""
    assert extract_page(html, "https://zeitung.example/debatte/rueckblick").authors == ()


def test_a_bar_of_links_is_no_lead_paragraph() -> None:
    """A paragraph of tools ("Druckansicht | Artikel versenden") or of links (a language
    menu) is skipped: the summary is the first paragraph that reads as prose."""
    languages = " ".join(f"<a href='/{c}'>Sprache {c} [{c}]</a>" for c in "abcdefgh")
    html = f"""<html><body><main><h1>Licht des Glaubens</h1>
      <p>vor 5 Stunden in Aktuelles, keine Lesermeinung <a href="/p">Druckansicht</a> |
      <a href="/s">Artikel versenden</a> | <a href="/t">Tippfehler melden</a></p>
      <p>{languages}</p>
      <p>Wer sein Leben zu bewahren sucht, wird es verlieren; wer es dagegen verliert, wird
      es gewinnen. So beginnt die Betrachtung dieser Woche.</p></main></body></html>"""
    summary = extract_page(html, "https://x.example/news/76785").summary
    assert summary is not None and summary.startswith("Wer sein Leben")


def test_a_definition_list_labels_without_colons() -> None:
    """<dt>Authors</dt> and its <dd>s credit the authors, <dt>Topics</dt> gives topics; a
    <dt>Type</dt> (a company's, a product's format) is not read without a colon."""
    html = """<html><body><main><h1>Ceasefires That Hold</h1><dl>
      <dt>Authors</dt><dd>Jane Doe</dd><dd>John Roe</dd><dt>Type</dt><dd>Privately Held</dd>
      <dt>Topics</dt><dd>Kashmir</dd><dd>Water Rights</dd></dl>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert [a.name for a in record.authors] == ["Jane Doe", "John Roe"]
    assert record.topics == ("Kashmir", "Water Rights")
    assert record.type is None


def test_questions_citing_sources_are_no_card_listing() -> None:
    """An interview whose questions (<h3>) cite a source by a link is the article, not a
    list of cards; three headings that are links as a whole are one."""
    questions = "".join(
        f"<h3>Question {i}: que pensez-vous du livre de <a href='https://ex.org/{i}'>Smith</a>"
        f" et de ses thèses sur les migrations ?</h3><p>Réponse {i}, longue et précise.</p>"
        for i in range(3))
    cards = "".join(f"<div><h3><a href='/fr/2019/0{i}/x'>Une autre conversation {i}</a></h3>"
                    f"<p>Par Jean Autre</p></div>" for i in range(1, 4))
    html = f"""<html><body><h1>Une conversation avec François Héran</h1>
      <div class="body">{questions}<p id="own">Propos recueillis par Uriel Gadessaud</p></div>
      <div class="more">{cards}</div></body></html>"""
    page = Page(parse_html(html.encode(), "https://revue.example/fr/2020/03/02/heran/"))
    own = page.root.find(".//p[@id='own']")
    card = page.root.find(".//div[@class='more']/div/p")
    assert not page.is_foreign(own)
    assert page.is_foreign(card)


def test_author_links_keep_their_profile_address() -> None:
    """A link to a people page (/scholars/, /fellows/, /experten/...) near the headline
    credits its text with the page's address; a "Profil" link's text is no name."""
    html = """<html><body><main><h1>The Big Tech Threat?</h1><div class="person-list">
      <a href="/scholars/eduardo-porter/">Eduardo Porter</a>,
      <a href="/experten/erika-muster/">Erika Muster</a>
      <a href="/experten/erika-muster/">Profil</a></div>
      <p>The text of the episode page, with notes on what was said.</p></main></body></html>"""
    authors = extract_page(html, "https://inst.example/podcast/big-tech").authors
    assert [(a.name, a.url) for a in authors] == [
        ("Eduardo Porter", "https://inst.example/scholars/eduardo-porter/"),
        ("Erika Muster", "https://inst.example/experten/erika-muster/")]


@pytest.mark.parametrize(("declared", "title"), [
    # The declared title opens with the headline's first block: it is the title.
    ("Ceasefires That Hold: Lessons from Three Wars | Inst", "Ceasefires That Hold"),
    ("Ceasefires That Hold | Inst", "Ceasefires That Hold"),
    # A bar and then the second block: the first is a section, as with no declared title.
    ("Middle East | Lessons from Three Wars | Inst", "Lessons from Three Wars"),
    ("", "Lessons from Three Wars"),
])
def test_a_short_first_headline_block_is_the_title_when_the_declared_title_opens_with_it(
        declared: str, title: str) -> None:
    """"<h1>Ceasefires That Hold<br>Lessons from Three Wars</h1>" is a title and its
    subtitle when the <title> says so; alone, a short first block reads as a kicker."""
    heading = ("<h1>Middle East<br>Lessons from Three Wars</h1>" if declared.startswith("Mid")
               else "<h1>Ceasefires That Hold<br>Lessons from Three Wars</h1>")
    html = f"""<html><head><title>{declared}</title></head><body>{heading}
      <p>The text of the report on ceasefire monitoring in the region.</p></body></html>"""
    assert extract_page(html, "https://inst.example/p/ceasefires").title == title


@pytest.mark.parametrize("words", ["chapo", "article__chapeau", "entradilla", "bajada",
                                   "c-article__vorspann", "sommario"])
def test_the_standfirst_named_in_another_language_is_the_summary(words: str) -> None:
    """French, Spanish, German and Italian sites name the standfirst in their language."""
    html = f"""<html><body><main><h1>La sécheresse au Sahel</h1>
      <p>Publié dans notre série sur le climat, en partenariat avec trois autres rédactions
      européennes qui suivent la région.</p>
      <div class="{words}">Trois ans sans pluie ont vidé les puits de la région, et les
      éleveurs partent vers le sud avec leurs troupeaux.</div>
      <p>Le premier paragraphe du texte, plus long, qui raconte la vie dans les villages
      depuis que la pluie a cessé de tomber sur la région.</p></main></body></html>"""
    summary = extract_page(html, "https://journal.example/sahel").summary
    assert summary is not None and summary.startswith("Trois ans sans pluie")


@pytest.mark.parametrize("words", ["dachzeile", "article__surtitre", "antetitulo"])
def test_a_kicker_named_in_another_language_is_no_part_of_the_title(words: str) -> None:
    """A German, French or Spanish kicker inside the headline is not the title."""
    html = f"""<html><body><main><h1><span class="{words}">Klimawandel</span>
      Die Dürre im Sahel</h1><p>Der Text.</p></main></body></html>"""
    assert extract_page(html, "https://zeitung.example/sahel").title == "Die Dürre im Sahel"


@pytest.mark.parametrize(("words", "byline"), [
    ("autor pull-left", True), ("c-article__auteur", True), ("verfasser", True),
    ("redakteur-name", True), ("autor-bio", False), ("autorisiert", False),
])
def test_the_author_named_in_another_language_marks_a_byline(words: str, byline: bool) -> None:
    """German, French, Spanish... class names of the byline mark it (not an author's bio)."""
    assert bool(classify(words) & BYLINE) is byline


def test_a_byline_with_place_and_date_credits_its_marked_up_name() -> None:
    """"<strong>Name</strong> | Place | Date": the name is the marked-up piece, the place
    is none."""
    html = """<html><body><main><h3>Anticorrupción decidirá en Madrid</h3>
      <p class="autor"><strong>Patricio Candia</strong> | Palma de Mallorca | 08/01/2014</p>
      <p>El texto de la noticia sobre la decisión de la fiscalía en el caso.</p>
      </main></body></html>"""
    record = extract_page(html, "https://diario.example/noticias/local/fiscalia")
    assert [a.name for a in record.authors] == ["Patricio Candia"]


def test_an_author_keeps_the_address_another_source_gives_the_same_name() -> None:
    """The "By" line names the author; the link in it gives the same person's profile."""
    html = """<html><head><meta name="author" content="Ben Summer"></head><body>
      <h1>Storm</h1><p>By <a href="/authors/ben-summer/">Ben Summer</a></p>
      <p>The storm hit the coast.</p></body></html>"""
    authors = extract_page(html, "https://news.example/a/storm").authors
    assert [(a.name, a.url) for a in authors] == [
        ("Ben Summer", "https://news.example/authors/ben-summer/")]


@pytest.mark.parametrize("credit", [
    '<div class="credito-image"><strong>Foto:</strong> <p class="autor">Jaiver Nieto</p></div>',
    '<div><strong>Foto:</strong> <p class="autor">Jaiver Nieto</p></div>',
    '<span class="author-name"><a class="license-author" href="https://commons.example/f">'
    'Jaiver Nieto</a></span>',
])
def test_a_picture_s_credit_is_no_author(credit: str) -> None:
    """A photographer or licensor credited under a picture is not the text's author."""
    html = f"""<html><body><main><h1>Debate de candidatos</h1><figure><img src="/a.jpg">
      </figure>{credit}<p class="autor">Por David Calle</p>
      <p>El texto de la noticia sobre el debate en la universidad.</p></main></body></html>"""
    record = extract_page(html, "https://diario.example/colombia/debate")
    assert [a.name for a in record.authors] == ["David Calle"]


def test_a_login_yields_to_the_full_name_a_trusted_source_gives() -> None:
    """JSON-LD crediting a lower-case slug ("medellín") loses to the byline's full name."""
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "Debate", "author": {"@type": "Person", "name": "medellín"}}</script>
      </head><body><h1>Debate</h1><p class="byline">Por David Calle</p>
      <p>El texto de la noticia sobre el debate.</p></body></html>"""
    record = extract_page(html, "https://diario.example/colombia/debate")
    assert [a.name for a in record.authors] == ["David Calle"]


@pytest.mark.parametrize(("line", "kind"), [
    ("Issue Brief | March 3, 2024", "Policy Brief"),
    ("Commentary · 3 March 2024", "Commentary"),
    ("Report | 03.03.2024 | 13:10", "Report"),
    ("<span class='type'>Op-Ed</span>", "Commentary"),
    ("<span class='teaser__type'>Working Paper</span>", "Working Paper"),
    # Words the vocabulary does not know name no type
    ("Erika Muster | 03.03.2024", None),
])
def test_a_type_beside_the_day_or_in_a_type_element_is_the_type(line: str,
                                                                 kind: str | None) -> None:
    """The word beside the day in a short dateline, or in an element of class "type" next
    to the headline, is the type when the vocabulary knows it — and never an author."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1><p>{line}</p>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert record.type == kind
    if kind:
        assert record.authors == ()


@pytest.mark.parametrize(("href", "kind"), [
    ("/publications?type=report", "Report"),
    ("/search?f%5B0%5D=content_type%3Areport", "Report"),
    ("/content-type/report/", "Report"),
    # A link elsewhere is no list of one type
    ("/blog/types-of-reports", None),
    ("/publications?sort=report", None),
])
def test_a_link_to_the_list_of_one_type_names_the_type(href: str, kind: str | None) -> None:
    """A link next to the headline to the site's list of one type ("/publications?type=…")
    names the page's type by its text."""
    html = f"""<html><body><main><p><a href="{href}">Report</a></p><h1>Ceasefires That Hold</h1>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    assert extract_page(html, "https://think.example/p/ceasefires").type == kind


@pytest.mark.parametrize(("block", "topics"), [
    ("<ul class='tags'><li>Peace Processes</li><li>Afghanistan</li></ul>",
     ("Peace Processes", "Afghanistan")),
    ("<span class='tag'>Peace Processes</span> <span class='tag'>Afghanistan</span>",
     ("Peace Processes", "Afghanistan")),
    ("<div class='keywords'>Keywords: Peace Processes; Afghanistan</div>",
     ("Peace Processes", "Afghanistan")),
    ("<div class='tags'><span>Tags</span><span>Peace Processes</span><span>Afghanistan</span>"
     "</div>", ("Peace Processes", "Afghanistan")),
    # One text in a tag-like box is a kicker or a note, not a list
    ("<div class='topic'>Quelle: Agentur</div>", ()),
])
def test_a_tag_list_without_links_gives_its_items(block: str, topics: tuple[str, ...]) -> None:
    """A tag list written without links (list items, spans of one class, a comma-separated
    text) gives its items as topics."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1>
      <p>The text of the report on ceasefire monitoring in the region.</p>{block}</main>
      </body></html>"""
    assert extract_page(html, "https://think.example/p/ceasefires").topics == topics


def test_rel_tag_links_in_a_menu_are_the_tags_when_the_page_has_no_others() -> None:
    """A static site lists the page's own tags in a "Tags" menu of its navigation bar: with
    no other rel=tag link on the page, that one short list gives the topics."""
    menu = "".join(f"<li><a href='../../tag/{t}/' rel='tag'>{t}</a></li>"
                   for t in ("emacs", "shell"))
    html = f"""<html><body><main><h1>A cdpath replacement</h1>
      <p>The text of the post about shells and editors and directories.</p></main>
      <nav class="navbar"><ul class="dropdown-menu">{menu}</ul></nav></body></html>"""
    assert extract_page(html, "https://blog.example/2020/cdpath/").topics == ("emacs", "shell")
    # The post's own tags win over a menu's; links in several menus are a site's tag cloud.
    own = "<p><a href='/tag/zsh/' rel='tag'>zsh</a></p>"
    assert extract_page(html.replace("</main>", own + "</main>"),
                        "https://blog.example/2020/cdpath/").topics == ("zsh",)
    two = f"<nav><ul>{menu}</ul></nav><footer><ul><li><a href='/tag/x' rel='tag'>x</a></li></ul>"
    assert extract_page(html.replace("</body>", two + "</footer></body>"),
                        "https://blog.example/2020/cdpath/").topics == ()


def test_a_taglist_class_in_one_word_marks_a_tag_list() -> None:
    """"taglist", "tagcloud" and "keywordlist" mark a tag list as "tag-list" does."""
    html = """<html><body><main><h1>Der Landwirtschafts-Simulator wird größer</h1>
      <p>The text of the article about the game and its new edition for consoles.</p>
      <ul class="taglist "><li><a class="tag" href="/v/trailer">Trailer</a></li>
      <li><a class="tag">Xbox One</a></li></ul></main></body></html>"""
    assert extract_page(html, "https://games.example/videos/ls19").topics == (
        "Trailer", "Xbox One")


@pytest.mark.parametrize(("line", "names", "kind"), [
    ("Commentary by Jane Doe", ["Jane Doe"], "Commentary"),
    ("A report by <a href='/x'>Jane Doe</a> and <a href='/y'>John Roe</a>",
     ["Jane Doe", "John Roe"], "Report"),
    ("Eine Kolumne von Erika Muster", ["Erika Muster"], "Commentary"),
    # Credits of pictures and productions, and German phrases with "von", credit nobody
    ("Cover photo by Jane Doe", [], None),
    ("Produced by Jane Doe", [], None),
    ("Vereinbarkeit von Pflege und Beruf", [], None),
    # A podcast's guests after its hosts are no authors
    ("Hosted by Jane Doe. Guests: John Roe, Ann Lee.", ["Jane Doe"], None),
])
def test_a_credit_that_names_the_kind_of_text(line: str, names: list[str],
                                              kind: str | None) -> None:
    """"Commentary by Jane Doe" credits Jane Doe and says the page is a commentary."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1><p>{line}</p>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert ([a.name for a in record.authors], record.type) == (names, kind)


def test_an_author_link_s_name_and_role_shown_apart_are_apart() -> None:
    """"<a><span>Jane Doe</span><span>Senior Fellow</span></a>": the spans are shown apart by
    style, so the name is "Jane Doe", not "Jane DoeSenior Fellow"."""
    people = "".join(f"<a href='/experts/{n.lower().replace(' ', '-')}'><span>{n}</span>"
                     f"<span>{role}</span></a>" for n, role in
                     (("Jane Doe", "Senior Fellow, Asia Program"), ("John Roe", "Director")))
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1><div>{people}</div>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert [a.name for a in record.authors] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(("head", "block", "summary"), [
    # A description that is only the title with the site's name is no summary
    ("<meta name='description' content='Ceasefires That Hold - Institute'>", "",
     "The first paragraph of the report"),
    ("<meta name='description' content='Institute | Ceasefires That Hold'>", "",
     "The first paragraph of the report"),
    ("<meta name='description' content='Ceasefires That Hold - what three wars teach us.'>", "",
     "Ceasefires That Hold - what three wars teach us."),
    # An abstract's heading does not run into its text
    ("", "<div class='abstract'><h2>Abstract</h2><p>We study ceasefires in three wars.</p></div>",
     "We study ceasefires in three wars."),
    # nor a question that heads a summary
    ("", "<div class='c-summary'><h2>What's new?</h2><p>Pakistan's election produced a "
     "fractured parliament.</p></div>", "Pakistan's election produced a fractured parliament."),
])
def test_summary_is_not_the_title_nor_a_heading(head: str, block: str, summary: str) -> None:
    """The summary is prose: not the title with the site's name, not "AbstractWe study"."""
    html = f"""<html><head><title>Ceasefires That Hold | Institute</title>{head}</head><body>
      <main><h1>Ceasefires That Hold</h1>{block}<p>The first paragraph of the report, on
      ceasefire monitoring in the region and beyond, long enough to be read as prose.</p>
      </main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert (record.summary or "").startswith(summary)


_PROSE = ("<p>Der Bericht über die Waffenruhe in der Region, die Beobachter und die Lage an der "
          "Front, mit allem, was die Verhandlungen in dieser Woche gebracht haben, und mehr.</p>")


@pytest.mark.parametrize(("after", "names"), [
    ("<p><b><i>Stefan Wasmer</i></b></p>", ["Stefan Wasmer"]),
    ("<p align='right'><em>Denis Clerc</em></p><p>(1) Ces chiffres sont de l'OCDE et "
     "d'Eurostat, et publiés chaque année dans leurs rapports sur l'emploi en Europe.</p>",
     ["Denis Clerc"]),
    # A bold line that more text follows is a subheading; a closing wish is no name
    ("<p><strong>Große Pläne</strong></p>" + _PROSE, []),
    ("<p><strong>Weitere Artikel</strong></p><ul><li><a href='/a'>A</a></li></ul>", []),
    ("<p><strong>Guten Appetit</strong></p>", []),
])
def test_a_name_that_signs_the_text_is_its_author(after: str, names: list[str]) -> None:
    """A page that credits nobody else is signed by a name alone in bold, italics or set
    right right after its last paragraph (only footnotes may follow)."""
    html = f"""<html><body><main><h1>Halbfinale der Champions Hockey League</h1>
      {_PROSE}{_PROSE}{after}</main></body></html>"""
    record = extract_page(html, "https://sport.example/artikel/halbfinale")
    assert [a.name for a in record.authors] == names


def test_of_a_kicker_s_parts_the_narrowest_is_the_type() -> None:
    """"Insights / Podcast episode": the section comes first, the format last."""
    html = """<html><body><main><p class="eyebrow">Insights / Podcast episode</p>
      <h1>The Big Tech Threat?</h1><p>The text of the episode page.</p></main></body></html>"""
    assert extract_page(html, "https://think.example/p/big-tech").type == "Podcast"


def test_a_type_kicker_after_a_topic_kicker_is_the_type() -> None:
    """A topic's kicker over the headline and the type's beside the byline: the type is the
    kicker the vocabulary knows."""
    html = """<html><body><main><div class="topic-kicker"><a href="/topics/maritime-security">
      Maritime Security</a></div><h1>Why the Red Sea Matters</h1><div class="meta">
      <span class="article-header__type">Blog Post</span> by <a href="/expert/jane-doe">Jane
      Doe</a></div><p>Attacks on shipping in the Red Sea have disrupted trade.</p></main>
      </body></html>"""
    record = extract_page(html, "https://think.example/blog/red-sea")
    assert (record.type, [a.name for a in record.authors]) == ("Blog Post", ["Jane Doe"])


def test_a_button_s_label_is_no_type() -> None:
    """"<button><span class="btn__label">Comment</span></button>" is an action, not a kicker."""
    html = """<html><body><main><h1>The best projects of the year</h1><div class="actions">
      <button type="button"><span class="btn__label">Save</span></button><button
      type="button"><span class="btn__label">Commentary</span></button></div>
      <p>Our readers picked these projects as the best of the year.</p></main></body></html>"""
    assert extract_page(html, "https://think.example/magazine/best-projects").type is None


@pytest.mark.parametrize(("img", "url"), [
    # A lazy-loaded image: the placeholder is skipped, the real file read
    ("<img src='data:image/gif;base64,R0lGOD' data-src='/img/lazy.jpg' alt='The line'>",
     "https://think.example/img/lazy.jpg"),
    ("<img src='/plugins/lazy_placeholder.gif' data-lazy-srcset='/img/b.jpg 800w, /img/c.jpg "
     "1600w' alt='The line'>", "https://think.example/img/c.jpg"),
    # The widest of a srcset, whose URLs may hold commas
    ("<img srcset='/img/s.jpg 400w, /img/l.jpg 1200w' src='/img/s.jpg' alt='The line'>",
     "https://think.example/img/l.jpg"),
    ("<img srcset='https://cdn.example/w_400,h_300/a.jpg 400w, "
     "https://cdn.example/w_800,h_600/a.jpg 800w' alt='The line'>",
     "https://cdn.example/w_800,h_600/a.jpg"),
])
def test_the_lead_image_is_the_real_and_widest_file(img: str, url: str) -> None:
    """Lazy-loading placeholders are skipped and a srcset gives its widest candidate."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1><figure>{img}</figure>
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    image = extract_page(html, "https://think.example/p/ceasefires").image
    assert image is not None and image.url == url


def test_an_image_caption_is_text_and_a_file_name_is_none() -> None:
    """A caption given as markup loses its tags; an alt text that is a file's name is no
    caption; the figure's caption is found for og:image even when the page shows a resized
    copy ("photo-300x169.jpg" of "photo.jpg")."""
    data = ('{"@type": "NewsArticle", "headline": "Ceasefires That Hold", "image": '
            '{"@type": "ImageObject", "url": "https://think.example/img/a.jpg", '
            '"caption": "<p>Monitors at the line</p>"}}')
    html = f"""<html><head><script type="application/ld+json">{data}</script></head><body>
      <main><h1>Ceasefires That Hold</h1><p>The text of the report.</p></main></body></html>"""
    assert extract_page(html, "https://think.example/p/x").image.caption == "Monitors at the line"
    html = """<html><head><meta property="og:image" content="https://think.example/img/b.jpg">
      </head><body><main><h1>Ceasefires That Hold</h1><figure><img src="/img/b-300x169.jpg">
      <figcaption>Monitors at the line</figcaption></figure></main></body></html>"""
    assert extract_page(html, "https://think.example/p/x").image.caption == "Monitors at the line"
    html = """<html><body><main><h1>Ceasefires That Hold</h1>
      <img src="/img/born-baby-750x369-1.jpg" alt="born-baby-750x369-1"></main></body></html>"""
    assert extract_page(html, "https://think.example/p/x").image.caption is None


def test_an_author_box_s_bio_alone_names_its_author_but_a_testimonial_does_not() -> None:
    """"<p class=author>Jane Doe is a writer based in London.</p>" credits Jane Doe; the
    author of a testimonial or a quote is not the page's."""
    html = """<html><body><main><h1>Ceasefires That Hold</h1>{}<p>The text of the report on
      ceasefire monitoring in the region and beyond.</p></main></body></html>"""
    bio = "<p class='author'>Jane Doe is a writer based in London.</p>"
    assert [a.name for a in extract_page(html.format(bio), "https://x.example/p/a").authors] \
        == ["Jane Doe"]
    quote = ("<div class='testimonial-author'>Kundin Anna Keller ist eine zufriedene "
             "Kundin.</div>")
    assert extract_page(html.format(quote), "https://x.example/p/a").authors == ()


@pytest.mark.parametrize(("byline", "names"), [
    # A profile under "/about-us/our-people/", its role in a span of its own
    ("<div class='person'><a href='/about-us/our-people/jane-doe'><span>Dr Jane Doe</span>"
     "<span>Senior Research Fellow</span></a></div>", ["Jane Doe"]),
    # Researchers' folders in French, Spanish and German
    ("<div class='auteur'>Le point de vue de <a href='/chercheurs/jane-doe/'>Jane Doe</a></div>",
     ["Jane Doe"]),
    ("<p><a href='/wissenschaftler-in/erika-muster'>Dr. Erika Muster</a></p>", ["Erika Muster"]),
    ("<p><a href='/investigadores/juana-perez'>Juana Pérez</a></p>", ["Juana Pérez"]),
    # A linked abbreviation in a byline sentence is no name
    ("<div class='autor'>Ein Beitrag der <a href='/red'>Red.</a></div>", []),
    # Each linked name beside its role and programme: the links, not the mixed-up text
    ("<div class='authors'><div class='author'><a href='/about-us/our-people/jane-doe'>Jane "
     "Doe</a><span>Senior Research Fellow, Russia and Eurasia Programme</span></div><div "
     "class='author'><a href='/about-us/our-people/john-roe'>John Roe</a><span>Associate "
     "Fellow, Russia and Eurasia Programme</span></div></div>", ["Jane Doe", "John Roe"]),
    # A linked name and one without a link, both in the text: the text's names
    ("<p class='byline'>By <a href='/experts/jane-doe'>Jane Doe</a> and John Roe</p>",
     ["Jane Doe", "John Roe"]),
])
def test_author_links_to_people_pages_in_more_shapes(byline: str, names: list[str]) -> None:
    """Profile links under "our-people", "chercheurs", "wissenschaftler-in" credit their
    names; a byline that reads as a sentence credits the full names it links."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1>{byline}
      <p>The text of the report on ceasefire monitoring in the region.</p></main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert [a.name for a in record.authors] == names


def test_a_category_written_without_a_link_counts() -> None:
    """"<span class="category">Interviews</span>" names the type as a category link does;
    a category that is no type is a topic of a page without tags."""
    html = """<html><body><main><h1>Les cessez-le-feu qui tiennent</h1>
      <div class="meta"><span class="category">{}</span></div>
      <p>The text of the interview on ceasefire monitoring.</p></main></body></html>"""
    assert extract_page(html.format("Interviews"), "https://x.example/p/a").type == "Interview"
    assert extract_page(html.format("Coronavirus"), "https://x.example/p/a").topics == (
        "Coronavirus",)


@pytest.mark.parametrize("name", ["linha-fina", "article__anons", "announce"])
def test_standfirst_classes_in_portuguese_and_russian(name: str) -> None:
    """Portuguese "linha fina" and Russian "anons" mark the standfirst."""
    html = f"""<html><body><main><h1>Ceasefires That Hold</h1>
      <p class="{name}">Why ceasefires hold in some wars and fail in others, in three cases.</p>
      <p>The first paragraph of the report, on ceasefire monitoring in the region and beyond,
      long enough to be read as prose by any reader of it.</p></main></body></html>"""
    assert extract_page(html, "https://x.example/p/a").summary.startswith("Why ceasefires")


@pytest.mark.parametrize(("box", "topics"), [
    # "Related Topics" lists the page's own topics
    ("<div class='related-topics'><h3>Related Topics</h3><ul><li><a href='/topic/glaciers/'>"
     "Glaciers</a></li><li><a href='/topic/water-rights/'>Water Rights</a></li>"
     "</ul></div>", ["Glaciers", "Water Rights"]),
    ("<ul class='related-tags'><li><a href='/tag/glaciers'>Glaciers</a></li></ul>",
     ["Glaciers"]),
    # a box of related links to a news section names no topic
    ("<div class='related-topics'><span>Related: </span><a href='/news/technology'>Tech</a>"
     "</div>", []),
    # related stories are other pages
    ("<div class='related-articles'><h3>Related</h3><a href='/topic/glaciers/'>Glaciers</a>"
     "</div>", []),
])
def test_related_topics_are_the_page_s_own(box: str, topics: list[str]) -> None:
    """A box of related topics or tags holds the page's own terms, linked to their pages."""
    html = f"""<html><body><main><h1>Melting Glaciers</h1><p>March 3, 2024</p>
      <p>The text of the report on the glaciers of the region and their water.</p>{box}
      </main></body></html>"""
    record = extract_page(html, "https://think.example/p/ceasefires")
    assert list(record.topics) == topics


@pytest.mark.parametrize(("body", "title"), [
    # no headline: the <title>'s part the page shows is the title
    ("<div class='title'>Report on Water Security in the Region</div>",
     "Report on Water Security in the Region"),
    # only the site's name is shown: the whole <title> stays
    ("<footer><a href='/about'>The Water Institute for Research</a></footer>",
     "Report on Water Security in the Region | The Water Institute for Research"),
])
def test_a_page_without_a_headline_shows_its_title_part(body: str, title: str) -> None:
    """Without an <h1>, the longest part of the <title> shown as an element's whole text
    is the title; a shown site name does not make the title."""
    html = f"""<html><head><title>Report on Water Security in the Region | The Water Institute
      for Research</title></head><body><main>{body}<p>3 March 2024</p><p>This report looks
      at water security in the region, what threatens it, and what can be done.</p></main>
      </body></html>"""
    assert extract_page(html, "https://think.example/publications/water").title == title


@pytest.mark.parametrize(("credit", "names"), [
    # full names beside the day, without a by-word
    ("<p>Jane Doe and John Roe | March 3, 2024</p>", ["Jane Doe", "John Roe"]),
    ("<p>Jane Doe | March 3, 2024</p>", ["Jane Doe"]),
    # a place beside the day is no name
    ("<p>Washington | March 3, 2024</p>", []),
    # an editorial board credited with a lowercase article
    ("<p class='byline'>By the Editorial Board</p><p>March 3, 2024</p>",
     ["The Editorial Board"]),
])
def test_names_beside_the_day_and_boards(credit: str, names: list[str]) -> None:
    """A dateline of full names credits them all; "By the Editorial Board" credits the board."""
    html = f"""<html><body><main><h1>A story about water</h1>{credit}<p>Text of the story
      about water, long enough to be prose and read as such by anyone.</p></main></body></html>"""
    record = extract_page(html, "https://www.example.org/news/a-story-about-water")
    assert [a.name for a in record.authors] == names


@pytest.mark.parametrize(("kicker", "kind"), [
    ("Аналитика", "Analysis"), ("تقارير", "Report"), ("评论", "Commentary"),
    ("インタビュー", "Interview"), ("보도자료", "Press Release"), ("Haberler", "News"),
    ("Raport", "Report"),
])
def test_types_in_more_scripts_map_onto_the_vocabulary(kicker: str, kind: str) -> None:
    """The common kinds of text, as Russian, Arabic, Chinese, Japanese, Korean, Turkish and
    Polish sites label them, map onto the vocabulary's types."""
    html = f"""<html><body><main><span class="type">{kicker}</span><h1>Title of the page</h1>
      <p>3 March 2024</p><p>The text of the page, long enough to be read as prose.</p></main>
      </body></html>"""
    assert extract_page(html.encode(), "https://think.example/p/1").type == kind


@pytest.mark.parametrize(("head", "title"), [
    # one title broken across lines
    ("<h1>Sustaining the<br>Ceasefire in Kashmir</h1>", "Sustaining the Ceasefire in Kashmir"),
    ("<h1>Why the ceasefire<br>still holds</h1>", "Why the ceasefire still holds"),
    # a title and its subtitle stay apart
    ("<h1>Sustaining the Ceasefire<br><small>Lessons from Kashmir</small></h1>",
     "Sustaining the Ceasefire"),
    # the site's logo in the only <h1> (a link home, or an image): the post's <h2> is the title
    ("<header><h1 class='logo'><a href='/'>Institute</a></h1></header>"
     "<h2>Sustaining the Ceasefire in Kashmir</h2>", "Sustaining the Ceasefire in Kashmir"),
    ("<header><h1><img alt='Institute' src='/logo.png'></h1></header>"
     "<h2>Sustaining the Ceasefire in Kashmir</h2>", "Sustaining the Ceasefire in Kashmir"),
])
def test_headlines_broken_across_lines_and_logo_headings(head: str, title: str) -> None:
    """A title set on two lines is one title; a logo in the <h1> is no headline, even when
    the <title> holds the site's name alone."""
    html = f"""<html><head><title>Institute</title></head><body><main>{head}<p>3 March 2024</p>
      <p>The text of the page, long enough to be read as prose by anyone.</p></main>
      </body></html>"""
    assert extract_page(html, "https://think.example/p/ceasefire").title == title


@pytest.mark.parametrize(("head", "title"), [
    ("<h1>Sustaining the Ceasefire<sup><a href='#fn1'>1</a></sup></h1>",
     "Sustaining the Ceasefire"),
    ("<h1>Sustaining the Ceasefire<sup>*</sup></h1>", "Sustaining the Ceasefire"),
    ("<h1>Sustaining the Ceasefire <a href='#comments'>(3 comments)</a></h1>",
     "Sustaining the Ceasefire"),
    # an exponent is part of the title
    ("<h1>Flats of 80 m<sup>2</sup> for Everyone</h1>", "Flats of 80 m2 for Everyone"),
])
def test_a_headline_s_marks_are_not_its_words(head: str, title: str) -> None:
    """A footnote's linked number or sign and a comment count beside a headline are no part
    of the title; an exponent is."""
    html = f"""<html><body><main>{head}<p>3 March 2024</p><p>The text of the page, long
      enough to be read as prose by anyone.</p></main></body></html>"""
    assert extract_page(html, "https://think.example/p/ceasefire").title == title


def test_css_modules_class_names_are_read_as_their_words() -> None:
    """Next.js's CSS Modules write "<Component>_<class>__<hash>": "TagList_list__q8Ve0" is
    a tag list, "Byline_author__0Pz8w" a byline; a BEM element ("card__title") is not one."""
    from harvester.extract.classes import TAGS
    assert classify("TagList_list__q8Ve0") & TAGS
    assert classify("Byline_author__0Pz8w") & BYLINE
    assert not classify("RelatedCard_title__x0vCm") & TAGS
    html = """<html><head><title>Open Weights | Lab</title></head><body><main><article>
      <h1 class="ArticleHeader_title__Rt6Lp">Open Weights and the AI Act</h1>
      <ul class="TagList_list__q8Ve0"><li><a href="/issues/ai-governance">AI Governance</a></li>
      <li><a href="/issues/open-source">Open Source</a></li></ul>
      <div class="Body_root__Tn8Qe"><p>Obligations for providers start to apply.</p></div>
      </article></main></body></html>"""
    record = extract_page(html, "https://lab.example/research/open-weights")
    assert record.topics == ("AI Governance", "Open Source")


def test_heading_the_address_was_made_from_is_the_title_of_a_page_without_h1() -> None:
    """No <h1>, a <title> and og:title naming only the site: the <h2> whose words the URL's
    slug spells is the title; a related card's heading, spelling another slug, is not."""
    html = """<html><head><title>Publications - ECTS</title>
      <meta property="og:title" content="ECTS - European Centre for Trade and Sustainability">
      </head><body><div class="container"><span class="badge">Policy Brief</span>
      <h2 class="pub-title">Making the EU–Mercosur Agreement Work for Forests</h2>
      <p class="pub-date">05.11.2020</p><p>The EU–Mercosur trade agreement faces growing
      opposition in Europe over deforestation in the Amazon and the Cerrado.</p>
      <aside><h3>Related</h3><h4>Deforestation-Free Supply Chains Regulation Options</h4>
      </aside></div></body></html>"""
    url = "https://ects.example/publications/making-the-eu-mercosur-agreement-work-for-forests/"
    assert extract_page(html, url).title == "Making the EU–Mercosur Agreement Work for Forests"
    other = "https://ects.example/publications/deforestation-free-supply-chains-regulation-options"
    assert extract_page(html, other).title != "Deforestation-Free Supply Chains Regulation Options"


def test_author_labels_of_more_languages_credit_the_names_after_them() -> None:
    """A Turkish "Yazarlar:" line (the page's JSON-LD broken) names the authors."""
    html = """<html lang="tr"><head><title>Sınırda Karbon | Vakıf</title></head><body><main>
      <h1>Sınırda Karbon Düzenlemesi ve Türkiye</h1>
      <div class="yazarlar"><strong>Yazarlar:</strong> <span>
      <a href="/uzman/a">Doç. Dr. Ayşe Gül Yılmaz</a> ve <a href="/uzman/m">Mehmet Çelik</a>
      </span></div>
      <p>Avrupa Birliği'nin sınırda karbon düzenlemesi Türk ihracatçılarını etkileyecek.</p>
      </main></body></html>"""
    record = extract_page(html, "https://vakif.example/yayinlar/sinirda-karbon")
    assert [a.name for a in record.authors] == ["Ayşe Gül Yılmaz", "Mehmet Çelik"]


def test_a_name_wrapped_in_the_source_is_one_name() -> None:
    """A line break of the HTML source inside a linked name ("Jane<newline>  Doe") is a space,
    as a browser shows it: the label's value keeps the whole name."""
    html = """<html><body><main><h1>Ceasefire Lines Hold Through the Winter</h1>
      <p>Authors: <a href="/people/jane-doe">Jane
         Doe</a> and John Roe</p><p>Monitors reported a quiet winter along the line.</p>
      </main></body></html>"""
    record = extract_page(html, "https://x.example/research/ceasefire-lines-hold")
    assert [a.name for a in record.authors] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(("label", "kind"), [
    ("Autorinnen und Autoren", "authors"), ("Auteurs et autrices", "authors"),
    ("Text und Interview", "authors"), ("Themen und Schlagworte", "topics"),
    ("Zusammenfassung und Ergebnisse", None),
])
def test_a_label_joining_two_words_with_and_announces_what_its_first_known_word_does(
        label: str, kind: str | None) -> None:
    """"Autorinnen und Autoren:" credits the names after it, as "Author/Editor:" does."""
    from harvester.extract.labels import label_kind
    assert label_kind(label) == kind


def test_a_newsroom_account_named_as_one_german_compound_is_no_person() -> None:
    """Plone's "von Webredaktion IASP" names the site's web desk, an organization."""
    from harvester.names import is_organization
    assert is_organization("Webredaktion IASP") and is_organization("Onlineredaktion")
    assert not is_organization("Katrin Löffler")


@pytest.mark.parametrize(("lang", "block"), [
    # a Swedish "Ämnen" heading over a "taggar" list
    ("sv", '<h2>Ämnen</h2><ul class="iif-taggar"><li><a href="/x/arktis.html">Arktis</a></li>'
           '<li><a href="/x/norden.html">Norden</a></li></ul>'),
    # the French state design system's tags group, filter links
    ("fr", '<ul class="fr-tags-group"><li><a class="fr-tag" href="/p?thematique=a">Arktis</a>'
           '</li><li><a class="fr-tag" href="/p?thematique=b">Norden</a></li></ul>'),
    # French Drupal's "/thematiques/" term pages
    ("fr", '<div><a class="chip" href="/fr/thematiques/arktis">Arktis</a> '
           '<a class="chip" href="/fr/thematiques/norden">Norden</a></div>'),
    # a Japanese key-value table, its keywords parted by ideographic commas
    ("ja", "<table><tr><th>キーワード</th><td>Arktis、Norden</td></tr></table>"),
])
def test_topics_named_in_more_languages_and_markups(lang: str, block: str) -> None:
    """Topic headings, labels, classes, term folders and list commas of more languages."""
    html = (f"<html lang='{lang}'><body><main><h1>Säkerhet i Arktis efter 2022</h1>{block}"
            "<p>Arktis har blivit en region av stor strategisk betydelse för Norden.</p>"
            "</main></body></html>")
    assert extract_page(html, "https://inst.example/pub/sakerhet-i-arktis").topics == (
        "Arktis", "Norden")


def test_a_label_value_of_one_item_an_element_keeps_commas_inside_items() -> None:
    """"Issue Areas:" over one link a topic: "Mediation, Negotiation & Dialogue" is one."""
    html = """<html><body><main><h1>Ceasefire Lines Hold Through the Winter</h1>
      <div><div class="field-label">Issue Areas:&nbsp;</div><div class="field-items">
      <div><a href="/issue-areas/a">Conflict Analysis &amp; Prevention</a></div>
      <div><a href="/issue-areas/b">Mediation, Negotiation &amp; Dialogue</a></div></div></div>
      <p>Monitors reported a quiet winter along the line.</p></main></body></html>"""
    assert extract_page(html, "https://x.example/publications/ceasefire").topics == (
        "Conflict Analysis & Prevention", "Mediation, Negotiation & Dialogue")


def test_person_cards_under_an_authors_heading_beat_a_firm_named_as_author() -> None:
    """A law firm's insight: JSON-LD names the firm (an LLP); the sidebar's "Authors" block
    lists the people, each card a linked name, a role and an office."""
    cards = "".join(
        f'<li class="person-card"><a href="/en/people/{n[0].lower()}/{n.lower().replace(" ", "-")}"'
        f' class="person-card__name">{n}</a><span>Partner</span><span>Washington, D.C.</span></li>'
        for n in ("Rebecca Lindqvist", "Wei Chen"))
    html = f"""<html><head><title>FERC Order 1920 | Hartwell Pryce</title>
      <script type="application/ld+json">{{"@type": "Article", "author": {{"@type":
      "Organization", "name": "Hartwell Pryce LLP"}}}}</script></head><body><main>
      <h1>FERC Order 1920: What Transmission Developers Need to Know</h1>
      <p>{"The order changes how regional transmission is planned and paid for. " * 8}</p>
      </main><aside><h2>Authors</h2><ul>{cards}</ul><h2>Related insights</h2><ul><li>
      <a href="/en/people/j/jane-roe">Jane Roe</a></li></ul></aside></body></html>"""
    record = extract_page(html, "https://hartwell.example/en/insights/ferc-order-1920")
    assert [a.name for a in record.authors] == ["Rebecca Lindqvist", "Wei Chen"]


def test_prepared_by_credits_the_report_authors() -> None:
    """A Drupal grant report's "Prepared by:" field lists its authors, one an item."""
    html = """<html><body><main><h1>Apprenticeships in Advanced Manufacturing</h1>
      <div class="field"><div class="field-label">Prepared by:&nbsp;</div><div class="field-items">
      <div class="field-item">Amara Ndiaye, MPA</div><div class="field-item">Tomás Reyes, PhD</div>
      </div></div><p>The grant supported three regional apprenticeship pilots.</p>
      </main></body></html>"""
    record = extract_page(html, "https://fund.example/grants/apprenticeships-report")
    assert [a.name for a in record.authors] == ["Amara Ndiaye", "Tomás Reyes"]


def test_a_title_label_in_the_headline_is_no_part_of_the_title() -> None:
    """arXiv's headline opens with a "Title:" descriptor glued to the title."""
    html = """<html><head><title>[2103.01234] Algorithmic pricing</title></head><body><main>
      <h1 class="title"><span class="descriptor">Title:</span>Algorithmic pricing and tacit
      collusion in rental markets</h1><p>We study pricing software in rental markets.</p>
      </main></body></html>"""
    record = extract_page(html, "https://arxiv.example/abs/2103.01234")
    assert record.title == "Algorithmic pricing and tacit collusion in rental markets"


def test_topics_a_report_shows_only_in_its_side_column_are_its_topics() -> None:
    """A report page lists its region and topics under headings in its sidebar, nowhere
    else: those are its topics; a menu's and a term's "View related insights" are not."""
    html = """<html><body><nav><h2>Topics</h2><ul><li><a href="/topic/all">Everything</a></li>
      </ul></nav><main><h1>No One Asked Us: Lithium Mining and Water Rights</h1>
      <p>Communities in the salt flats were not consulted before permits were granted.</p>
      </main><aside class="report-sidebar"><h2>Region / Country</h2><ul class="tags"><li>
      <a href="/americas">Americas</a></li></ul><h2>Topic</h2><ul class="tags"><li>
      <a href="/topic/indigenous-peoples-rights">Indigenous Peoples’ Rights</a></li><li>
      <a href="/insights/?_topics=water">View Related Insights</a></li></ul></aside>
      </body></html>"""
    record = extract_page(html, "https://rights.example/reports/no-one-asked-us")
    assert record.topics == ("Americas", "Indigenous Peoples’ Rights")


def test_an_authors_hidden_flyout_is_no_part_of_the_byline() -> None:
    """A byline's author flyout hidden from readers ("Social Links for Shannon Thaler", a
    dialog) names no one; the external co-author the byline marks up is an author."""
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "author": {"@type": "Person", "name": "Shannon Thaler"}}</script></head><body><main>
      <h1>AI-generated images trigger a police probe at a New Jersey school</h1>
      <div class="byline">By <div class="byline__author"><a href="#">Shannon Thaler</a>
      <div class="author-flyout" aria-hidden="true" role="dialog"><h3>Social Links for
      Shannon Thaler</h3></div></div> and <span class="byline__author">David Kowalczyk</span>
      </div><p>Parents said they learned of the images from other students.</p></main>
      </body></html>"""
    record = extract_page(html, "https://news.example/2023/11/02/ai-images-school-probe/")
    assert [a.name for a in record.authors] == ["Shannon Thaler", "David Kowalczyk"]


@pytest.mark.parametrize(("banner", "heading"), [
    # a banner's <h1> names the section; the post's <h2> says the declared title in more words
    ('<div class="page-banner"><h1>Events</h1></div>',
     '<div class="widget-span"><h2 class="recap-header__title">Recap: Procuring AI in the '
     'Public Sector — Lessons from Five Cities</h2></div>'),
    # a blog's <h1> is its logo; the post's title is an <h2> in the article's own header
    ('<header class="site-header"><h1 class="site-title"><a href="/" rel="home">Helen '
     'Marchetti</a></h1></header>',
     '<article><header class="entry-header"><h2 class="entry-title">Recap: Procuring AI in '
     'the Public Sector — Lessons from Five Cities</h2></header></article>'),
])
def test_the_heading_saying_the_declared_title_is_the_headline_under_a_banner(
        banner: str, heading: str) -> None:
    """The headline is the heading that holds most of og:title's words, not the section's
    or the site's name in the <h1>."""
    html = f"""<html><head><title>Events | Center for Digital Governance</title>
      <meta property="og:title" content="Webinar recap: Procuring AI in the Public Sector">
      </head><body>{banner}<main>{heading}<p>Five city procurement officers described how
      they buy AI systems and what they would change.</p></main></body></html>"""
    record = extract_page(html, "https://cdg.example/events/recaps/procuring-ai")
    assert record.title == "Recap: Procuring AI in the Public Sector — Lessons from Five Cities"


def test_a_breadcrumbs_last_crumb_is_no_section_to_cut_from_the_title() -> None:
    """The breadcrumb ends with the page's title cut short; the headline's part before its
    dash is that crumb, not a section's name."""
    html = """<html><head><title>Analyse: Seniorer | Velfærd &amp; Vækst</title></head><body>
      <nav class="breadcrumb"><ol><li><a href="/">Forside</a></li><li><a href="/analyser">
      Analyser</a></li><li>Flere seniorer bliver på arbejdsmarkedet</li></ol></nav><main>
      <h1>Flere seniorer bliver på arbejdsmarkedet – men de nedslidte halter efter</h1>
      <p>Andelen af seniorer i beskæftigelse er steget markant siden 2010.</p></main>
      </body></html>"""
    record = extract_page(html, "https://vv.example/analyser/seniorer-og-tilbagetraekning")
    assert record.title == ("Flere seniorer bliver på arbejdsmarkedet – men de nedslidte "
                            "halter efter")


@pytest.mark.parametrize(("lang", "label"), [
    ("sk", "Kľúčové slová"), ("hu", "Címkék"), ("ro", "Cuvinte cheie"), ("hr", "Ključne riječi"),
])
def test_a_labelled_keyword_line_beats_the_sites_meta_keywords(lang: str, label: str) -> None:
    """A legacy page's visible "Kľúčové slová:" line names its topics; its meta keywords are
    the institute's own, the same on every page."""
    html = f"""<html lang="{lang}"><head><meta name="keywords" content="SAV, ústav, výskum">
      </head><body><main><h1>Regionálne rozdiely v nezamestnanosti absolventov</h1>
      <div class="info"><b>{label}:</b> nezamestnanosť, absolventi, vysoké školy<br></div>
      <p>Nezamestnanosť absolventov vysokých škôl sa medzi regiónmi výrazne líši.</p>
      </main></body></html>"""
    record = extract_page(html, "https://usea.example/publikacie/2017/regionalne-rozdiely")
    assert record.topics == ("nezamestnanosť", "absolventi", "vysoké školy")


def test_an_h1_naming_the_pages_folder_is_its_sections_banner() -> None:
    """A federal office's page: the <h1>, <title> and og:title name its section, as its
    address's folder does ("/publikationen-und-studien/"); the report's title is an <h2>."""
    html = """<html lang="de"><head><title>Publikationen und Studien</title>
      <meta property="og:title" content="Publikationen und Studien"></head><body><main>
      <h1>Publikationen und Studien</h1><div class="mod-text"><h2>Monitoring Zersiedelung der
      Schweiz 2023: Entwicklung der Siedlungsfläche</h2><p>Die Siedlungsfläche wuchs zwischen
      2012 und 2022 weiter, wenn auch langsamer als zuvor.</p></div></main></body></html>"""
    url = ("https://www.bse.example/de/home/publikationen-und-studien/publikationen/"
           "monitoring-zersiedelung-2023.html")
    assert extract_page(html, url).title == (
        "Monitoring Zersiedelung der Schweiz 2023: Entwicklung der Siedlungsfläche")


@pytest.mark.parametrize("headline", [
    '<p><font size="5" face="Georgia"><b>The Fiscal Cost of Delayed Bridge Maintenance</b>'
    "</font></p>",
    '<span style="font-size: 20px; font-weight: bold;">The Fiscal Cost of Delayed Bridge '
    "Maintenance</span>",
    '<span id="ctl00_ContentPlaceHolder1_lblTitle" class="title">The Fiscal Cost of Delayed '
    "Bridge Maintenance</span>",
])
def test_a_legacy_page_without_headings_is_titled_by_its_line_set_large(headline: str) -> None:
    """A hand-made table layout with no heading and a <title> naming the site: the first
    line its inline styles set large (or ASP.NET's title label) is the title."""
    html = f"""<html><head><title>Keystone Rural Policy Institute - Publications</title></head>
      <body><table><tr><td><font size="2">DISCUSSION PAPER NO. 16-03</font></td></tr><tr><td>
      {headline}<p>Deferred maintenance raises the lifetime cost of rural bridges.</p>
      </td></tr></table></body></html>"""
    record = extract_page(html, "https://krpi.example.org/publications/2016/dp16-03.html")
    assert record.title == "The Fiscal Cost of Delayed Bridge Maintenance"


def test_a_form_wrapping_the_whole_page_is_no_menu_for_side_column_topics() -> None:
    """ASP.NET wraps a whole page in one <form>: the side column's topics inside it are the
    page's; a form of its own (a search box's) still keeps its links out."""
    html = """<html><body><form id="aspnetForm" method="post" action="./paper">
      <header><form class="search"><h2>Topics</h2><a href="/topic/all">All</a></form></header>
      <main><h1>Household Inflation Expectations and Mortgage Refinancing</h1>
      <p>Households that expect higher inflation fix their mortgage rates for longer.</p></main>
      <aside class="col3 sidebar"><h2>Topics</h2><ul class="topic-list">
      <li><a href="/research?Taxonomies=7b1e">Inflation expectations</a></li>
      <li><a href="/research?Taxonomies=9d6e">Monetary policy</a></li></ul></aside>
      </form></body></html>"""
    record = extract_page(html, "https://bank.example/working-paper/2023/household-expectations")
    assert record.topics == ("Inflation expectations", "Monetary policy")


def test_gov_uk_s_explore_the_topic_links_are_the_page_s_topics() -> None:
    """GOV.UK lists a page's taxons under "Explore the topic" in its related navigation;
    the related items above them are other pages, not topics."""
    html = """<html><body><main><div class="govuk-grid-column-two-thirds">
      <h1 class="gem-c-heading__text">Apprenticeship completion among adult learners</h1>
      <p>Findings from a 3-year evaluation of why adults start but do not complete.</p></div>
      <div class="govuk-grid-column-one-third"><div class="gem-c-related-navigation">
      <h2 id="related-nav-related_items">Related content</h2><nav><ul>
      <li><a href="/research/off-the-job-training">Off-the-job training: employer survey</a></li>
      </ul></nav><h2 id="related-nav-topics">Explore the topic</h2><nav><ul>
      <li><a href="/topic/apprenticeships">Apprenticeships</a></li>
      <li><a href="/topic/further-education">Further education</a></li></ul></nav></div></div>
      </main></body></html>"""
    record = extract_page(html, "https://www.gov.example/research/apprenticeship-completion")
    assert record.topics == ("Apprenticeships", "Further education")


def test_the_h1_saying_citation_title_is_the_headline_over_a_series_heading() -> None:
    """og:title and a screen-reader heading name only the series ("Documento de Trabajo
    2023-18"); the <h1> saying the citation_title is the paper's headline."""
    html = """<html lang="es"><head>
      <meta name="citation_title" content="Choques de tasas de interés y crédito a las pymes">
      <meta property="og:title" content="Documento de Trabajo 2023-18 - Banco Central Andino">
      </head><body><h1 class="hide-accessible">Navegación</h1><main>
      <h2 class="hide-accessible" role="heading" aria-level="1">Documento de Trabajo 2023-18</h2>
      <p class="serie">Documento de Trabajo N.° 2023-18</p>
      <h1 class="dt__titulo">Choques de tasas de interés y crédito a las pymes</h1>
      <p>Un aumento de la tasa de política reduce el crédito a las pymes.</p></main>
      </body></html>"""
    record = extract_page(html, "https://bca.example/es/documentos-de-trabajo/-/dt-2023-18")
    assert record.title == "Choques de tasas de interés y crédito a las pymes"


@pytest.mark.parametrize(("wrapper", "topics"), [
    # TYPO3 news: the article's tags beside its related links, in its "related" block
    ('<div class="news-related-wrap">', ("Pflege", "Gesundheitswesen")),
    # A sidebar's tag cloud inside <main> is no article's tags
    ('<aside class="sidebar related-widget">', ("Studie",)),
])
def test_a_tag_list_in_the_article_s_own_related_block_is_its_tags(
        wrapper: str, topics: tuple[str, ...]) -> None:
    """A tag list in the article's own "related" block names its topics; in a sidebar it
    does not (the meta keywords stand)."""
    close = "</" + wrapper[1:wrapper.index(" ")] + ">"
    html = f"""<html lang="de"><head><meta name="keywords" content="Studie"></head><body>
      <main><div class="news news-single"><div class="article">
      <h1>Pflege am Limit: Arbeitsbedingungen in der ambulanten Pflege</h1>
      <p>Die Studie befragt 2.400 Pflegekräfte zu ihren Arbeitsbedingungen.</p>
      {wrapper}<div class="news-related news-related-tags"><h4>Themen</h4><ul>
      <li><a href="/themen/pflege">Pflege</a></li>
      <li><a href="/publikationen?tag=gesundheitswesen">Gesundheitswesen</a></li></ul></div>
      {close}</div></div></main></body></html>"""
    record = extract_page(html, "https://stiftung.example/publikationen/detail/pflege-am-limit")
    assert record.topics == topics


def _webforms_page(head: str, rows: str) -> str:
    """Return a legacy ASP.NET page: the whole body in one <form>, no heading, a details table."""
    prose = "<p>" + "The subsidy reform changed how households use electricity. " * 30 + "</p>"
    return f"""<html><body><form name="aspnetForm" method="post" id="aspnetForm">
      <input type="hidden" name="__VIEWSTATE" value="x"><div id="header">{head}</div>
      <table><tr><td>{rows}</td></tr></table>{prose}</form></body></html>"""


def test_a_form_wrapping_a_whole_legacy_page_is_the_page_not_a_form() -> None:
    """ASP.NET WebForms wrap the whole body in one <form>: its table of details is the page's
    (its title line, authors row and date row), not a search form's."""
    html = _webforms_page("", """<span id="ctl00_lblTitle">Energy subsidy reform and household
      electricity use</span><table class="info"><tr><td><b>Authors:</b></td>
      <td><span id="ctl00_lblAuthors">Jane Doe and John Roe</span></td></tr>
      <tr><td><b>Published:</b></td><td>18 May 2015</td></tr></table>""")
    record = extract_page(html, "https://energy.example/ShowReport.aspx?id=1187")
    assert record.title == "Energy subsidy reform and household electricity use"
    assert [a.name for a in record.authors] == ["Jane Doe", "John Roe"]
    assert record.published == date(2015, 5, 18)


def test_a_line_whose_id_says_title_beats_the_site_name_set_large() -> None:
    """With no heading, the line ASP.NET names "lblTitle" is the headline, not the site's name
    its header sets in 20px bold."""
    html = """<html><body><div id="header"><div style="font-size:20px;font-weight:bold">
      Institute for Energy Economics Studies</div></div><div class="box">
      <span id="ctl00_ContentPlaceHolder1_lblTitle" class="title">Energy subsidy reform and
      household electricity use</span><p>Text of the report.</p></div></body></html>"""
    record = extract_page(html, "https://energy.example/ShowReport.aspx?id=1187")
    assert record.title == "Energy subsidy reform and household electricity use"


def test_persian_labels_in_arabic_letters_and_their_names() -> None:
    """A Persian page in windows-1256 spells its labels with Arabic yeh and kaf: "تهيه‌کنندگان"
    (prepared by) credits the people after their titles (دکتر, مهندس) and "و" (and);
    "کليدواژه‌ها" lists the topics, each keeping its zero-width non-joiner."""
    html = _webforms_page("", """<span id="lblTitle">بررسي آثار هدفمندسازي يارانه‌ها بر مصرف برق
      </span><table><tr><td><b>تهيه‌کنندگان:</b></td><td>دکتر محمدرضا فرهادي و مهندس سارا
      نيک‌پور</td></tr></table><p><b>کليدواژه‌ها:</b> <span>يارانه‌ها، مصرف برق</span></p>""")
    record = extract_page(html.encode("windows-1256", "replace").replace(
        b"<html>", b'<html><meta charset="windows-1256">'), "https://energy.example/r?id=1")
    assert [a.name for a in record.authors] == ["محمدرضا فرهادي", "سارا نيک\u200cپور"]
    assert record.topics == ("يارانه\u200cها", "مصرف برق")
    assert record.title == "بررسي آثار هدفمندسازي يارانه\u200cها بر مصرف برق"


@pytest.mark.parametrize(("card_scope", "names"), [
    ("", ["Ifeoma Nwachukwu-Reyes"]),
    # A related card's own item: its author is that item's, not the page's
    (' itemscope itemtype="https://schema.org/Article"', []),
])
def test_the_article_item_s_author_in_its_side_column_is_the_page_s(
        card_scope: str, names: list[str]) -> None:
    """Microdata names the Article's author in a card in the article's side column: the
    page's author, though sidebars are left out; a related item's author is not."""
    html = f"""<html><body><main><article itemscope itemtype="https://schema.org/Article">
      <h1 itemprop="headline">At COP27, Africa's adaptation finance gap is the elephant</h1>
      <aside class="article-layout__sidebar"><div{card_scope}>
      <div class="author-block" itemprop="author" itemscope itemtype="https://schema.org/Person">
      <a href="/about/our-people/ifeoma-nwachukwu-reyes" itemprop="url"><span itemprop="name">Dr
      Ifeoma Nwachukwu-Reyes</span></a><p itemprop="jobTitle">Senior Research Fellow</p></div>
      </div></aside><div itemprop="articleBody"><p>Adaptation finance falls short.</p></div>
      </article></main></body></html>"""
    record = extract_page(html, "https://institute.example/2022/11/cop27-adaptation-finance")
    assert [a.name for a in record.authors] == names


def test_a_theme_byline_naming_a_login_yields_to_the_story_s_byline_below_it() -> None:
    """A WordPress theme's "by comms-team" (the account that posted, named so in JSON-LD and
    meta author too) is skipped for the story's own "By" line at the top of its text."""
    html = """<html><head><meta name="author" content="comms-team"></head><body><main>
      <article><header><h1>Early hearing-aid use and slower cognitive decline</h1>
      <div class="entry-meta"><span class="posted-on">Posted on <time>February 7, 2024</time>
      </span><span class="byline"> by <span class="author vcard"><a class="url fn n"
      href="/author/comms-team/">comms-team</a></span></span></div></header>
      <div class="entry-content"><p class="has-small-font-size story-byline"><em>By Priya
      Raman-Holt and Tomás Ó Briain</em></p><p>Adults over 70 who began using hearing aids
      declined more slowly.</p></div></article></main></body></html>"""
    record = extract_page(html, "https://aging.example/news/hearing-aid-use-cognitive-decline/")
    assert [a.name for a in record.authors] == ["Priya Raman-Holt", "Tomás Ó Briain"]


@pytest.mark.parametrize(("keywords", "topics"), [
    # Keywords naming the site are every page's: the side column's topics are this one's
    ("Kestrel Partners, management consulting, strategy", ("Procurement", "Supply Chain")),
    ("procurement reform, supplier risk", ("procurement reform", "supplier risk")),
])
def test_site_wide_keywords_yield_to_the_topics_the_page_shows(
        keywords: str, topics: tuple[str, ...]) -> None:
    """Meta keywords that name the site itself are its boilerplate: the topics the page
    shows (here only in its side column) are its own; other keywords keep their rank."""
    html = f"""<html><head><meta property="og:site_name" content="Kestrel Partners">
      <meta name="keywords" content="{keywords}"></head><body><main>
      <h1>Rewiring procurement for a volatile decade</h1><p>Supply shocks are here.</p>
      </main><aside class="insight-sidebar"><h2>Related topics</h2><ul class="tag-list">
      <li><a href="/en/insights?topic=procurement">Procurement</a></li>
      <li><a href="/en/insights?topic=supply-chain">Supply Chain</a></li></ul></aside>
      </body></html>"""
    record = extract_page(html, "https://kestrel.example/en/insights/rewiring-procurement")
    assert record.topics == topics


def test_a_legacy_page_without_h1_has_its_first_content_h2_for_headline() -> None:
    """No <h1>, a <title> naming only the site, the side column's boxes in <h3>s: the first
    <h2> of the content is the headline, and what sits by it (its date label) is the page's,
    not the dates of "Ďalšie analytické komentáre" (more commentaries) below it."""
    html = """<html lang="sk"><head><title>ÚSEA SAV - Ústav sociálnych a ekonomických analýz
      </title></head><body><div id="hlavicka"><div class="nazov">Ústav sociálnych a
      ekonomických analýz SAV</div></div><div id="menu"><ul><li><a href="/">Úvod</a></li></ul>
      </div><div id="lavy"><div class="box"><h3>Novinky</h3><ul><li><a href="/n/288">
      Konferencia Trh práce 2017</a> <small>(9. 6. 2017)</small></li></ul></div></div>
      <div id="obsah"><p class="typ">Analytický komentár č. 6/2017</p>
      <h2 class="nadpis">Regionálne rozdiely v nezamestnanosti absolventov</h2>
      <div class="info"><b>Autori:</b> doc. PhDr. Mária Kováčová, CSc.<br>
      <b>Dátum:</b> 14. 6. 2017</div><div class="text"><p>Miera nezamestnanosti absolventov
      klesla.</p></div><div class="box"><h3>Ďalšie analytické komentáre</h3><table><tr><td>
      <a href="/p/409">Dlhodobá nezamestnanosť</a><br><small>Mgr. Peter Hudák &middot;
      24. 5. 2017</small></td></tr></table></div></div></body></html>"""
    record = extract_page(html, "https://www.usea.example/index.php?page=publikacie&id=412")
    assert record.title == "Regionálne rozdiely v nezamestnanosti absolventov"
    assert record.published == date(2017, 6, 14)
    assert [a.name for a in record.authors] == ["Mária Kováčová"]


@pytest.mark.parametrize("heading", [
    "Ďalšie analytické komentáre", "Související články", "Zobacz też", "Kapcsolódó cikkek",
    "Citește și", "Διαβάστε επίσης", "Lue myös", "Læs også", "Читайте також",
    "مقالات ذات صلة", "関連記事", "相关文章", "관련 기사", "כתבות נוספות",
])
def test_related_blocks_headed_in_other_languages_are_not_the_page_s(heading: str) -> None:
    """A block under "more/related/read also" in other languages lists other pages: its
    byline and day are theirs."""
    html = f"""<html><body><main><h1>Regional gaps in graduate unemployment</h1>
      <p>Graduate unemployment fell, unevenly.</p><section><h3>{heading}</h3><ul><li>
      <a href="/p/409">Long-term unemployment and public works</a>
      <p class="meta">Peter Hudák · 24. 5. 2017</p></li></ul></section></main></body></html>"""
    record = extract_page(html, "https://www.institute.example/publications/regional-gaps")
    assert record.authors == () and record.published is None


def test_a_legacy_page_s_line_set_large_is_the_headline_its_date_sits_by() -> None:
    """A table layout with no heading: the side column lists earlier briefs with their days
    first; the line set in 18px bold is the headline, and the day by it is the page's."""
    html = """<html><body><table><tr><td width="180">
      <p style="font-size:11px"><a href="brief0315.html">The State Earned Income Credit</a></p>
      <p style="font-size:11px">03/15/2013</p></td><td>
      <p style="font-size:18px; font-weight:bold">Rainy Day Funds After the Recession</p>
      <p style="font-size:12px; color:#444">April 12, 2013</p>
      <p>States drew down their reserves during the recession and have rebuilt them unevenly.
      </p></td></tr></table></body></html>"""
    record = extract_page(html, "https://www.midvale.example/pubs/2013/brief0412.html")
    assert record.title == "Rainy Day Funds After the Recession"
    assert record.published == date(2013, 4, 12)


def test_an_authors_list_item_without_a_profile_link_is_an_author_too() -> None:
    """Under "Autorinnen und Autoren", staff link their profiles; a guest author's item is
    plain text with his affiliation in brackets: all three wrote it (Plone credits the web
    desk in its byline)."""
    html = """<html lang="de"><head><meta name="DC.creator" content="webredaktion"></head>
      <body><div id="portal-column-content"><article id="content"><header>
      <h1 class="documentFirstHeading">Mindestlohn und Tarifbindung in Ostdeutschland</h1>
      <div id="viewlet-below-content-title"><div class="documentByLine">
      <span class="documentAuthor">von <a href="https://iasp.example/author/webredaktion">
      Webredaktion IASP</a></span> — <span class="documentModified"><span>zuletzt
      verändert:</span> 12.06.2019 14:32</span></div></div></header>
      <div id="content-core"><div id="parent-fieldname-text">
      <table class="plain publication-meta"><tbody><tr><th>Reihe</th><td>Arbeitspapier 7/2019
      </td></tr><tr><th>Erschienen</th><td>28. Mai 2019</td></tr><tr><th>Umfang</th>
      <td>62 Seiten</td></tr></tbody></table>
      <h3>Autorinnen und Autoren</h3><ul class="autorenliste">
      <li><a class="internal-link" href="https://iasp.example/team/loeffler">Dr. Katrin
      Löffler</a></li><li><a class="internal-link" href="https://iasp.example/team/brand">
      Tobias Brandstätter, M.A.</a></li>
      <li>Prof. Dr. Hans-Georg Ebersbach (Hochschule Zittau/Görlitz)</li></ul>
      <h3>Zusammenfassung</h3><p>Das Arbeitspapier untersucht die Tarifbindung.</p>
      </div></div></article></div></body></html>"""
    record = extract_page(html, "https://iasp.example/publikationen/ap-2019-07")
    assert [a.name for a in record.authors] == [
        "Katrin Löffler", "Tobias Brandstätter", "Hans-Georg Ebersbach"]


@pytest.mark.parametrize("block", ["prev_next", "next-post", "previous-article"])
def test_the_previous_and_next_posts_links_credit_no_one(block: str) -> None:
    """A board's previous/next links ("이전글"/"다음글") carry their own authors and days."""
    html = f"""<html lang="ko"><body><main><h1>저출산 대응을 위한 육아휴직 제도 개편 방향</h1>
      <dl class="info"><dt>저자</dt><dd>김민수 선임연구위원, 이지은 연구원</dd></dl>
      <p>육아휴직 급여의 소득대체율을 높여야 한다.</p>
      <div class="{block}"><dl class="prev"><dt>이전글</dt><dd><a href="/r/24498">지방소멸
      대응기금의 운용 실태</a> <span class="author">박준형, 최서연</span></dd></dl></div>
      </main></body></html>"""
    record = extract_page(html, "https://www.kpdi.example/kor/publication/reportView.do?no=1")
    assert [a.name for a in record.authors] == ["김민수", "이지은"]


def test_an_author_box_s_name_heading_over_the_bio_is_the_name() -> None:
    """"About the authors" boxes put each name in a heading over a bio that opens with the
    given name ("Siobhan is Head of…"): the heading's name alone, for each box."""
    html = """<html><head><script type="application/ld+json">{"@type": "Report",
      "author": {"@type": "Organization", "name": "Northern Hearth Trust"}}</script></head>
      <body><main><h1>Cold Homes, Empty Cupboards</h1>
      <p>Heating and eating are one choice for many older tenants.</p>
      <section class="about-authors"><h2>About the authors</h2>
      <div class="about-authors__person"><div><h3>Dr Siobhan O'Rourke-Fenwick</h3>
      <p>Siobhan is Head of Research and Policy at Northern Hearth Trust. She previously worked
      on housing and health inequalities at Newcastle University.</p></div></div>
      <div class="about-authors__person"><div><h3>Callum de la Haye</h3>
      <p>Callum is a Research Officer at Northern Hearth Trust.</p></div></div>
      </section></main></body></html>"""
    record = extract_page(html, "https://www.northernhearth.example/research/cold-homes/")
    assert [a.name for a in record.authors] == ["Siobhan O'Rourke-Fenwick", "Callum de la Haye"]


def test_superscript_affiliation_marks_and_a_health_system_credit_no_one() -> None:
    """A white paper's author line marks each name's affiliation with a superscript number,
    the affiliations listed below it: the marks are no part of the names, the health system
    no author."""
    html = """<html><head><meta name="author" content="AHPP Communications"></head><body>
      <main><h1>Automated Dispensing Cabinet Overrides</h1>
      <div class="resource-entry__authors"><p>Laura Chen-Hargreaves, PharmD<sup>1</sup>;
      Peter J. O'Malley, RPh, MBA<sup>2</sup></p><p><sup>1</sup> Department of Pharmacy,
      Mercy Lakes Regional Medical Center, Duluth, MN</p><p><sup>2</sup> Medication Safety
      Office, St. Brendan's Health System, Worcester, MA</p></div>
      <p>Override rates vary widely between hospitals.</p></main></body></html>"""
    record = extract_page(html, "https://www.ahpp.example/resources/white-papers/overrides")
    assert [a.name for a in record.authors] == ["Laura Chen-Hargreaves", "Peter J. O'Malley"]


def test_an_other_reports_block_of_a_squarespace_page_is_not_the_page_s() -> None:
    """Squarespace's summary block under "Other reports" lists other reports with their
    collaborators ("with Priyanka …"): the page's author is its own "Written by"."""
    html = """<html><body><main><h1>Invisible Shifts</h1><p><strong>Written by Clara
      Ibsen-Mwangi</strong>, with research assistance from Tom Reilly-Haddad.</p>
      <p>Platform work hides the hours it takes.</p><div class="row"><div class="col">
      <div class="sqs-block html-block"><div class="sqs-block-content">
      <div class="sqs-html-content"><h3>Other reports</h3></div></div></div>
      <div class="sqs-block summary-v2-block">
      <div class="summary-item-list"><div class="summary-item"><div class="summary-title">
      <a href="/reports/care-at-a-click">Care at a Click</a></div><div class="summary-metadata">
      <time class="summary-metadata-item--date">September 2022</time><span
      class="summary-metadata-item summary-metadata-item--author">with Priyanka
      Ghosh-Lindqvist</span></div></div></div></div></div></div></main></body></html>"""
    record = extract_page(html, "https://www.claraibsenmwangi.example/reports/invisible-shifts")
    assert [a.name for a in record.authors] == ["Clara Ibsen-Mwangi"]


def test_a_signature_of_several_names_set_right_under_the_text_credits_them() -> None:
    """A Vietnamese institute signs its article under the references, set right, in bold:
    "PGS.TS. Nguyễn Thị Thu Hà - ThS. Lê Minh Tuấn", the institute below."""
    prose = "Chuyển đổi số trong hợp tác xã nông nghiệp còn nhiều hạn chế về hạ tầng và nhân lực. "
    html = f"""<html lang="vi"><body><main><article><h2>Nghiên cứu - Trao đổi</h2>
      <h1>Chuyển đổi số trong hợp tác xã nông nghiệp</h1><p>{prose * 4}</p>
      <p><em>1. Bộ Nông nghiệp và Phát triển nông thôn (2022), Đề án chuyển đổi số ngành
      nông nghiệp đến năm 2025, định hướng đến năm 2030, Hà Nội, trang 14.</em></p>
      <p style="text-align: right;"><strong>PGS.TS. Nguyễn Thị Thu Hà - ThS. Lê Minh
      Tuấn</strong><br><em>Viện Nghiên cứu Phát triển Kinh tế - Xã hội</em></p>
      </article></main></body></html>"""
    record = extract_page(html, "https://vien.example.vn/nghien-cuu/chuyen-doi-so")
    assert [a.name for a in record.authors] == ["Nguyễn Thị Thu Hà", "Lê Minh Tuấn"]


def test_greek_authors_label_beats_the_centre_named_in_meta_author() -> None:
    """The meta author names the research centre ("Κέντρο …", an institution); the page's
    "Συγγραφείς:" row names the people."""
    html = """<html lang="el"><head><meta name="author" content="Κέντρο Μελετών Αιγαίου">
      </head><body><main><h1>Η λειψυδρία στα νησιά του Αιγαίου</h1><table><tr>
      <th>Συγγραφείς:</th><td>Δρ Ελένη Παπαδοπούλου, Καθ. Νικόλαος Σταθόπουλος</td></tr>
      </table><p>Η αφαλάτωση κοστίζει.</p></main></body></html>"""
    record = extract_page(html, "https://www.kema.example/Publications/Details.aspx?id=512")
    assert [a.name for a in record.authors] == ["Ελένη Παπαδοπούλου", "Νικόλαος Σταθόπουλος"]


def test_topic_facets_of_a_metadata_list_skip_its_other_rows() -> None:
    """A document page's definition list gives Countries, then Source and Format, then
    Themes: both facets are the page's topics, the rows between them are not."""
    html = """<html><body><main><h1>Rapid assessment</h1><p>Arrivals rose.</p>
      <dl><dt>Countries</dt><dd><ul><li><a href="/country/tcd">Chad</a></li>
      <li><a href="/country/sdn">Sudan</a></li></ul></dd><dt>Source</dt>
      <dd><a href="/organization/unorl">UNORL</a></dd><dt>Format</dt><dd>Assessment</dd>
      <dt>Themes</dt><dd><ul><li><a href="/updates?t=4593">Food and Nutrition</a></li>
      <li><a href="/updates?t=4600">Protection and Human Rights</a></li></ul></dd>
      <dt>Language</dt><dd>English</dd></dl></main></body></html>"""
    record = extract_page(html, "https://response.example/report/chad/rapid-assessment")
    assert record.topics == ("Chad", "Sudan", "Food and Nutrition", "Protection and Human Rights")


def test_a_byline_s_dateline_place_is_no_author() -> None:
    """"Written by S. Lakshmi Narayanan" over "<span class=dateline>New Delhi</span> |
    Updated: …": the dateline names a place."""
    html = """<html><head><meta name="author" content="S. Lakshmi Narayanan"></head><body>
      <main><h1>Why the RBI cannot look through food inflation any longer</h1>
      <div class="dc-article__byline"><div class="dc-article__byline-author"><span>Written
      by</span> <a href="/author/s-lakshmi-narayanan/">S. Lakshmi Narayanan</a></div>
      <div class="dc-article__byline-meta"><span class="dc-article__dateline">New Delhi</span>
      | <span class="dc-article__updated">Updated: April 9, 2024 07:12 IST</span></div></div>
      <p>Food inflation has stayed high for a fifth straight quarter.</p></main></body></html>"""
    record = extract_page(html, "https://www.courier.example/opinion/columns/rbi-9187342/")
    assert [a.name for a in record.authors] == ["S. Lakshmi Narayanan"]


@pytest.mark.parametrize(("where", "topics"), [
    # Medium: the story's tag pills under it, outside its <article>
    ("<div class='pills'><a href='/tag/open-data?source=post'>Open Data</a>"
     "<a href='/tag/civic-tech?source=post'>Civic Tech</a></div>", ("Open Data", "Civic Tech")),
    # The site footer's tag cloud is no story's tags
    ("<footer><a href='/tag/open-data'>Open Data</a><a href='/tag/maps'>Maps</a></footer>", ()),
])
def test_tag_pills_under_the_story_outside_its_article_are_its_tags(
        where: str, topics: tuple[str, ...]) -> None:
    """A page showing its tags only after its <article> (Medium) has them; a footer's or a
    menu's tag links are not a story's."""
    html = f"""<html><body><main><article><h1>The quiet cost of schema drift</h1>
      <p>Public datasets change shape without notice.</p></article></main>{where}
      <div class="more-from"><h2>More from Data Stewardship Notes</h2></div></body></html>"""
    record = extract_page(html, "https://medium.example/notes/the-quiet-cost-4f2a9c1e7b3d")
    assert record.topics == topics


def test_a_wiki_page_s_properties_table_and_labels_give_its_authors_and_topics() -> None:
    """A Confluence export: "Created by" names one author, the page-properties table's
    "Authors" row (its label in <p><strong>) names both, each linked to a profile; the
    "Labels:" heading, alone in its wrapper, is followed by the page's labels."""
    html = """<html><body><div id="main-content"><h1>RFC-0042: Streaming Checkpoint Format</h1>
      <div class="page-metadata">Created by <span class="author">Ravi Subramaniam</span>, last
      modified on Apr 12, 2024</div><table class="confluenceTable"><tbody><tr>
      <th><p><strong>Status</strong></p></th><td><p>ACCEPTED</p></td></tr><tr>
      <th><p><strong>Authors</strong></p></th><td><p><a class="user-mention"
      href="https://wiki.example/people/5f8a">Ravi Subramaniam</a> <a class="user-mention"
      href="https://wiki.example/people/60b2">Ewa Kowalczyk-Brandt</a></p></td></tr></tbody>
      </table><p>This RFC proposes a streaming checkpoint format for long-running jobs.</p>
      </div><div class="pageSection group"><div class="pageSectionHeader"><h2>Labels:</h2>
      </div><div class="greybox labels"><a href="labels/rfc.html">rfc</a>
      <a href="labels/storage.html">storage</a></div></div></body></html>"""
    record = extract_page(html, "https://wiki.example/export/ENG/RFC-0042_2787651.html")
    assert [a.name for a in record.authors] == ["Ravi Subramaniam", "Ewa Kowalczyk-Brandt"]
    assert record.topics == ("rfc", "storage")


def test_an_authorship_row_and_a_related_news_block_in_indonesian_and_spanish() -> None:
    """"Autoría:" (Spanish) labels the people over the ministry in DC.creator; Indonesian
    "Berita Terkait" (related news) cards' "Penulis:" names no author of the page."""
    html = """<html lang="es"><head><meta name="DC.creator"
      content="Ministerio de Vivienda y Cohesión Territorial"></head><body><main>
      <h1>Informe sobre vivienda y despoblación en municipios rurales</h1><dl>
      <dt>Fecha de publicación:</dt><dd>05/03/2024</dd><dt>Autoría:</dt><dd>Elena Ruiz
      Albarracín, Jorge Castaño Peña (Subdirección General de Estudios)</dd></dl>
      <p>La vivienda vacía se concentra en los municipios de menos de 5.000 habitantes.</p>
      <div class="terkait"><h3>Berita Terkait</h3><div class="card"><a href="/b/1">Benih</a>
      <p class="card-meta">Kamis, 29 Februari 2024 | Penulis: Yoga Pratama</p></div></div>
      </main></body></html>"""
    record = extract_page(html, "https://www.ministerio.example/es/publicaciones/informe-2023")
    assert [a.name for a in record.authors] == ["Elena Ruiz Albarracín", "Jorge Castaño Peña"]


def test_chinese_names_in_a_label_beat_an_institute_in_meta_author() -> None:
    """Unspaced Chinese names ("林佳蓉（副研究員）、陳冠宇") are whole names: the label's
    people beat the institute credited in meta author."""
    html = """<html lang="zh-Hant"><head>
      <meta name="author" content="臺灣永續經濟研究院"></head><body><main>
      <h1>再生能源躉購費率調整對中小企業用電成本之影響</h1><ul>
      <li><span class="info-label">作者：</span>
      <span>林佳蓉（副研究員）、陳冠宇（助理研究員）</span>
      </li></ul><p>本文分析費率調整對中小企業的影響。</p></main></body></html>"""
    record = extract_page(html, "https://www.tise.example/research/detail.aspx?id=1184")
    assert [a.name for a in record.authors] == ["林佳蓉", "陳冠宇"]


@pytest.mark.parametrize(("line", "names"), [
    ("Cite as: Lindqvist, Annika and Moreau, Paul-Henri (2024), <em>Remote work</em>, policy "
     "brief 2/2024.", ["Annika Lindqvist", "Paul-Henri Moreau"]),
    ("Suggested citation: Doe, J., Roe, R. &amp; Poe, E. 2023. Remote work.",
     ["J. Doe", "R. Roe", "E. Poe"]),
    # An agency cited as its own author names no one
    ("Cite as: European Agency for Labour Mobility (2024), Remote work.", []),
])
def test_a_cite_as_line_names_the_authors_of_a_page_that_credits_no_one_else(
        line: str, names: list[str]) -> None:
    """An EU agency's policy brief names its authors only in its "Cite as:" box."""
    html = f"""<html><body><main><h1>Remote work and cross-border commuting</h1>
      <p>Cross-border telework leaves gaps in social security coverage.</p>
      <h2>How to cite</h2><div class="ecl-notification"><div>{line}</div></div>
      </main></body></html>"""
    record = extract_page(html, "https://agency.example/en/publications/remote-work")
    assert [a.name for a in record.authors] == names


def test_a_prepared_by_line_naming_units_credits_its_people_over_a_department() -> None:
    """A Canada.ca paper credits the department in its metadata ("Employment and Social
    Development Canada", one institution, no Mr Employment) and names its authors in a long
    "Prepared by:" line with their units."""
    prose = "<p>Remote work spread unevenly across regional labour markets after 2020.</p>" * 40
    html = f"""<html><head><meta name="dcterms.creator"
      content="Employment and Social Development Canada"></head><body><main>
      <h1>Remote work and regional labour markets</h1>{prose}
      <p>Prepared by: Priya Lalonde and Martin Beaulieu, Labour Market Research Division,
      Strategic and Service Policy Branch</p></main></body></html>"""
    record = extract_page(html, "https://www.canada.example/en/reports/research/remote-work")
    assert [a.name for a in record.authors] == ["Priya Lalonde", "Martin Beaulieu"]


BOARD_VIEW = """<html lang="ko"><head><meta charset="utf-8">
<title>연구보고서 상세 | 발간물 | 예시연구원</title>
<meta property="og:title" content="예시연구원"></head><body>
<div id="header"><h1 class="logo"><a href="/"><img src="/images/logo.png" alt="예시연구원">
</a></h1><form name="search" action="/search.do"><input type="text" name="q">
<button>검색</button></form></div>
<div id="lnb"><h2>발간물</h2><ul><li><a href="/list.do?b=31">연구보고서</a></li>
<li><a href="/list.do?b=32">정책브리프</a></li></ul></div>
<div id="contents"><h3 class="page_tit">연구보고서</h3>
<form name="frm" method="post"><input type="hidden" name="nttId" value="18427">
<table><tbody>
<tr><th scope="row">제목</th>
<td colspan="3">인구감소지역 생활인구 활성화를 위한 정책 과제</td></tr>
<tr><th scope="row">연구책임자</th><td>김민서</td>
<th scope="row">공동연구진</th><td>박지훈, 이서연</td></tr>
<tr><th scope="row">발간일</th><td>2024.12.18</td><th scope="row">조회수</th><td>1,284</td></tr>
<tr><th scope="row">키워드</th><td colspan="3"><a href="/s?q=1">#생활인구</a>
<a href="/s?q=2">#지방소멸</a></td></tr>
<tr><th scope="row">첨부파일</th><td colspan="3"><a href="/down?f=1">
<img src="/images/ico_pdf.gif" alt="PDF"> 보고서.pdf</a></td></tr>
</tbody></table>
<div class="view_cont"><h4>요약</h4><p>본 연구는 인구감소지역 89개 시군구의
생활인구 현황을 분석하고 체류형 인구 유입을 확대하기 위한 정책 과제를
제시하였다.</p></div></form></div></body></html>"""


def test_an_item_table_in_a_hidden_form_gives_title_authors_day_and_keywords() -> None:
    """A Korean e-government board's report view: a form holding only hidden fields wraps
    the item table (no form a reader fills in), whose rows pair two labels each; its "제목"
    (title) field is the title where the only headline is the section's banner word, its
    two author fields credit the work together, and a file link's icon is no lead image."""
    record = extract_page(BOARD_VIEW, "https://www.example.re.kr/board/view.do?nttId=18427")
    assert record.title == "인구감소지역 생활인구 활성화를 위한 정책 과제"
    assert [a.name for a in record.authors] == ["김민서", "박지훈", "이서연"]
    assert record.published == date(2024, 12, 18)
    assert record.topics == ("생활인구", "지방소멸")
    assert record.image is None


BEPRESS = """<html lang="en"><head><title>"Algorithmic Eviction" by Naomi Feldstein-Ruiz</title>
</head><body><div id="main"><div id="title"><h1><a href="/cgi/viewcontent.cgi?article=1">
Algorithmic Eviction: Tenant Screening Software and the Fair Housing Act</a></h1></div>
<div id="authors"><p class="author"><a href="/do/search/?q=a"><strong>Naomi Feldstein-Ruiz
</strong></a></p></div>
<div id="publication_date"><h4>Publication Date</h4><p>10-12-2022</p></div>
<div id="abstract"><h4>Abstract</h4><p>Automated tenant screening reports now shape most
rental decisions in the United States, aggregating eviction filings and credit data.</p></div>
<div id="keywords"><h4>Keywords</h4><p>tenant screening, fair housing, disparate impact</p>
</div></div></body></html>"""


@pytest.mark.parametrize(("host", "day"), [("scholarship.law.example.edu", date(2022, 10, 12)),
                                           ("www.example.org", date(2022, 12, 10))])
def test_an_american_domain_reads_hyphenated_dates_month_first(host: str, day: date) -> None:
    """Digital Commons shows "10-12-2022" month first: English of no country on a ".edu" or
    ".gov" site is American; elsewhere the hyphen still reads day first."""
    assert extract_page(BEPRESS, f"https://{host}/faculty_wp/214").published == day


def test_a_keywords_heading_over_an_unlinked_term_list_gives_topics() -> None:
    """bepress's "<h4>Keywords</h4><p>a, b, c</p>" lists the item's own terms; an
    "Abstract" heading's paragraph, a sentence, is no list."""
    record = extract_page(BEPRESS, "https://scholarship.law.example.edu/faculty_wp/214")
    assert record.topics == ("tenant screening", "fair housing", "disparate impact")
    sentence = BEPRESS.replace("tenant screening, fair housing, disparate impact",
                               "We thank the reviewers, the editors, and the participants.")
    assert extract_page(sentence, "https://scholarship.law.example.edu/faculty_wp/214").topics \
        == ()


def test_a_peer_reviewer_credited_by_the_headline_is_no_author() -> None:
    """"Peer reviewed by Dr X" names a reviewer; the authors are the "Authors" field's."""
    html = """<html lang="en"><head><title>Seasonal labour and school rolls</title></head>
    <body><main><h1>Seasonal labour and rural school rolls</h1>
    <p>Peer reviewed by Dr Hemi Parata-Rāwiri (Massey University).</p>
    <table><tr><th scope="row">Authors</th><td>Aroha Te Whata, Liam McKenzie and Priya
    Raghunathan (Regional Analytics team)</td></tr></table>
    <p>Rural school rolls rise and fall with the seasonal labour that orchards and vineyards
    bring to small towns each year, and this note measures by how much.</p></main></body></html>"""
    record = extract_page(html, "https://www.example.govt.nz/publications/research/rolls")
    assert [a.name for a in record.authors] == ["Aroha Te Whata", "Liam McKenzie",
                                                "Priya Raghunathan"]


@pytest.mark.parametrize(("credit", "names"), [
    ("Guest post by Dr Helena Strand-Okafor and Joe Ashdown. Helena is a lecturer in maritime "
     "archaeology; Joe coordinates the Kent Coast Volunteer Recording Group.",
     ["Helena Strand-Okafor", "Joe Ashdown"]),
    ("Guest post by Prof. Jane Doe and J. Roe. Jane teaches at the University of Kent, where "
     "she leads the coastal survey.", ["Jane Doe", "J. Roe"]),
])
def test_a_guest_post_callout_credits_its_authors_over_the_blog_team(
        credit: str, names: list[str]) -> None:
    """A blog's byline names its team; the callout opening the post credits the guests and
    goes on about them: the credit is its first sentence."""
    html = f"""<html lang="en"><head><title>Recording a wreck</title>
    <script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article",
    "headline": "Recording a wreck before the sand returns",
    "author": {{"@type": "Person", "name": "SMA Blog Team"}}}}</script></head>
    <body><article><h1>Recording a wreck before the sand returns</h1>
    <div class="kg-callout-card"><div class="kg-callout-text"><em>{credit}</em></div></div>
    <p>Every winter storm uncovers a little more of the wreck, and every spring tide buries
    it again under a metre of sand before anyone has drawn it.</p></article></body></html>"""
    record = extract_page(html, "https://blog.example.org.uk/recording-a-wreck/")
    assert [a.name for a in record.authors] == names


def _remix_page(state_title: str) -> str:
    """Return a beehiiv-like page whose tags live only in its Remix state."""
    state = json.dumps({"state": {"loaderData": {"routes/p/$slug": {
        "post": {"web_title": state_title, "authors": [{"name": "Sam Delacroix"}],
                 "content_tags": [{"display": "Transmission"}, {"display": "FERC"}]},
        "publication": {"name": "The Grid Ledger", "tags": [{"display": "Energy"}]}}}}})
    return f"""<html lang="en"><head><title>The queue is the bottleneck</title></head><body>
    <main><h1>The interconnection queue is the real energy bottleneck</h1>
    <p>Some 2,600 gigawatts of generation and storage are waiting to plug in to the grid,
    more than the whole installed fleet, and most of it will never be built.</p></main>
    <script>window.__remixContext = {state};</script></body></html>"""


def test_tags_only_in_the_embedded_state_of_the_headline_s_post() -> None:
    """A script-drawn post's tags are data in its Remix state: the object whose title is the
    headline gives them, never another object's (the publication's own tags)."""
    url = "https://www.gridledger.example/p/interconnection-queue"
    record = extract_page(_remix_page("The interconnection queue is the real energy bottleneck"),
                          url)
    assert record.topics == ("Transmission", "FERC")
    assert extract_page(_remix_page("Another post of the same newsletter"), url).topics == ()


@pytest.mark.parametrize("state", [
    '{"post": {"web_title": "The interconnection queue is the real energy bottleneck", '
    '"tags": [{"display": "Transmission"}',  # cut off mid-way
    "[" * 100_000 + "]" * 100_000,  # nested deeper than Python's stack
    '{"tags": ["x"], "title": "The interconnection queue is the real energy bottleneck", '
    '"blob": "' + "a" * 2_100_000 + '"}',  # a state too large to read
])
def test_broken_deep_or_huge_state_gives_no_tags_and_no_error(state: str) -> None:
    """The state reader never raises: a cut-off, over-deep or oversized script yields
    nothing, and the rest of the record stands."""
    html = f"""<html lang="en"><head><title>Queue</title></head><body><main>
    <h1>The interconnection queue is the real energy bottleneck</h1>
    <p>Some 2,600 gigawatts of generation are waiting to plug in to the grid.</p></main>
    <script>window.__remixContext = {state};</script></body></html>"""
    record = extract_page(html, "https://www.gridledger.example/p/queue")
    assert record.title == "The interconnection queue is the real energy bottleneck"
    assert record.topics == ()
