"""Listing-page cards as partial records."""

from __future__ import annotations

from datetime import date

from harvester import classify, extract_page
from harvester.extract.cards import parse_cards
from harvester.normalize import merge
from harvester.parse import parse_html

LISTING = """<html><head><title>Publications | Example Institute</title></head><body>
<nav><ul><li><a href="/about">About the institute</a></li><li><a href="/events">Events</a></li>
<li><a href="/donate">Donate to us</a></li></ul></nav>
<main><h1>Publications</h1><div class="view-content">
 <div class="views-row"><a href="/publications/2024/02/cease-fire"><img src="/i/k.jpg" alt=""></a>
  <h3><a href="/publications/2024/02/cease-fire">As a Fragile Cease-Fire Turns Three</a></h3>
  <div>Wednesday, February 21, 2024</div><div>By: Christopher Clary</div>
  <p>At midnight on the night of February 24-25, 2021, two armies reinstated a cease-fire
  that covered their forces along the line of control.</p>
  <div>Type: Analysis</div>
  <div class="teaser__topics"><a href="/t/gp">Global Policy</a></div></div>
 <div class="views-row">
  <h3><a href="/publications/2024/02/election-results">Understanding the Election Results</a></h3>
  <div>Tuesday, February 13, 2024</div><div>By: Asfandyar Mir, Ph.D.;&nbsp; Tamanna Salikuddin</div>
  <div>Type: Analysis</div>
  <div class="teaser__topics"><a href="/t/ge">Global Elections &amp; Conflict</a>
  <a href="/t/gp">Global Policy</a></div></div>
 <div class="views-row">
  <h3><a href="/publications/2024/02/on-elections">Tamanna Salikuddin on the Elections</a></h3>
  <div>Monday, February 12, 2024</div><div>By: Tamanna Salikuddin</div>
  <div>Type: Podcast</div></div>
 <div class="views-row">
  <h3><a href="/publications/2024/02/on-elections">Tamanna Salikuddin on the Elections</a></h3>
 </div>
</div></main><footer><a href="/privacy">Privacy policy</a></footer></body></html>"""


def cards() -> list:
    """Parse the listing above into card records."""
    return parse_cards(parse_html(LISTING.encode(), "https://www.example.org/publications"),
                       source="example")


def test_one_record_per_card_with_absolute_links() -> None:
    """Each card gives one record whose url is its link, resolved and de-duplicated."""
    urls = [c.url for c in cards()]
    assert urls == ["https://www.example.org/publications/2024/02/cease-fire",
                    "https://www.example.org/publications/2024/02/election-results",
                    "https://www.example.org/publications/2024/02/on-elections"]


def test_card_fields() -> None:
    """Title, date, "By:" authors, "Type:" and topic links come from each card."""
    first, second, third = cards()
    assert first.title == "As a Fragile Cease-Fire Turns Three"
    assert first.published == date(2024, 2, 21)
    assert [a.name for a in first.authors] == ["Christopher Clary"]
    assert first.type == "Analysis"
    assert first.topics == ("Global Policy",)
    assert first.summary is not None and first.summary.startswith("At midnight")
    assert first.image is not None and first.image.url == "https://www.example.org/i/k.jpg"
    assert [a.name for a in second.authors] == ["Asfandyar Mir", "Tamanna Salikuddin"]
    assert second.topics == ("Global Elections & Conflict", "Global Policy")
    assert third.type == "Podcast"
    assert third.source == "example"


def test_provenance_says_card() -> None:
    """Every value a card gives is traced to "card"."""
    for record in cards():
        assert record.provenance and set(record.provenance.values()) == {"card"}


def test_what_only_the_link_says_is_no_card_evidence() -> None:
    """A card under "/opinion/2024/…" says nothing of its type or day but through its URL:
    the card leaves both to the page, whose own kicker ("Podcast") is not overruled."""
    cards_html = "".join(
        f'<article class="card"><h2><a href="/opinion/2024/05/03/{s}">Ceasefire lines hold in'
        f" the {s}</a></h2></article>" for s in ("north", "south", "east"))
    listing = parse_html(f"<html><body><main>{cards_html}</main></body></html>",
                         "https://example.org/opinion/")
    card = parse_cards(listing)[0]
    assert (card.type, card.published, card.title) == (None, None,
                                                       "Ceasefire lines hold in the north")
    page = extract_page("<html><body><main><p class='kicker'>Podcast</p><h1>Ceasefire lines "
                        "hold</h1>" + "<p>The lines held through the winter, monitors say.</p>"
                        * 8 + "</main></body></html>", card.url)
    assert merge(page, card).type == "Podcast"


def test_a_page_without_cards_gives_none() -> None:
    """An article page with a navigation menu has no cards."""
    html = ("<html><body><nav><a href='/a'>Alpha section</a><a href='/b'>Beta section</a>"
            "<a href='/c'>Gamma section</a></nav><h1>One article</h1><p>Text.</p></body></html>")
    assert parse_cards(parse_html(html, "https://example.org/x")) == []


def test_a_byline_label_before_a_linked_name_credits_the_name() -> None:
    """"March 3, 2024 · By <a>Name</a>": the date is the card's and the linked name its author."""
    html = "<main>" + "".join(
        f'<article class="post-card"><h2><a href="/blog/post-{i}">A Post Worth Reading {i}</a>'
        f'</h2><p class="meta">March {i}, 2024 · By <a href="/people/ana">Ana Gómez</a></p>'
        "</article>" for i in range(1, 4)) + "</main>"
    found = parse_cards(parse_html(html.encode(), "https://blog.example.org/"), source="x")
    assert [[a.name for a in c.authors] for c in found] == [["Ana Gómez"]] * 3
    assert [c.published for c in found] == [date(2024, 3, i) for i in range(1, 4)]


def test_several_linked_names_after_the_label_are_all_credited() -> None:
    """"By <a>A</a>, <a>B</a> and <a>C</a>" credits the three, in order."""
    names = '<a href="/p/a">Ana Gómez</a>, <a href="/p/b">Li Wei</a> and <a href="/p/c">Sam Roe</a>'
    html = "<main>" + "".join(
        f'<article class="post-card"><h2><a href="/blog/post-{i}">A Post Worth Reading {i}</a>'
        f'</h2><p class="meta">March {i}, 2024 | By {names}</p></article>'
        for i in range(1, 4)) + "</main>"
    found = parse_cards(parse_html(html.encode(), "https://blog.example.org/"), source="x")
    assert [a.name for a in found[0].authors] == ["Ana Gómez", "Li Wei", "Sam Roe"]


GERMAN = """<html><body><main><h1>Publikationen</h1><div class="liste">
 <div class="teaser"><h3><a href="/publikationen/2024/waffenruhe">Waffenruhe in Sicht?</a></h3>
  <div>03.03.2024</div><div>Von Erika Muster und Hans Beispiel</div><div>Typ: Studie</div>
  <div>Themen: Nahost, Diplomatie</div></div>
 <div class="teaser"><h3><a href="/publikationen/2024/wahlen">Die Wahlen im Überblick</a></h3>
  <div>01.03.2024</div><div>Autorin: Jana Novak</div></div>
 <div class="teaser"><h3><a href="/publikationen/2024/leyen">Von der Leyen in Kiew</a></h3>
  <div>Von der Leyen fordert mehr Hilfe für die Ukraine, und sie nennt dafür drei Gründe.</div>
 </div></div></main></body></html>"""


def test_cards_in_another_language() -> None:
    """German by-words and labels credit authors, give the type and topics; a sentence
    opening with "Von der" is a summary, not a credit."""
    first, second, third = parse_cards(
        parse_html(GERMAN.encode(), "https://inst.example/publikationen"), source="inst")
    assert [a.name for a in first.authors] == ["Erika Muster", "Hans Beispiel"]
    assert first.type == "Report"
    assert first.topics == ("Nahost", "Diplomatie")
    assert first.published == date(2024, 3, 3)
    assert [a.name for a in second.authors] == ["Jana Novak"]
    assert third.authors == ()
    assert third.summary is not None and third.summary.startswith("Von der Leyen fordert")


def test_card_links_resolve_against_the_base_element_as_discovery_s_do() -> None:
    """A listing with <base href="/"> (TYPO3) links "publications/x": its cards' URLs are
    the ones discovery follows, so that each link keeps its card."""
    html = LISTING.replace("<head>", '<head><base href="/">').replace(
        'href="/publications/', 'href="publications/')
    doc = parse_html(html.encode(), "https://www.example.org/de/publikationen/")
    urls = [c.url for c in parse_cards(doc, source="example")]
    assert urls[0] == "https://www.example.org/publications/2024/02/cease-fire"
    assert urls[0] in {url for url, _ in classify.page_links(doc)}


def _cards(card: str) -> list:
    """Parse a listing of four cards of one shape ({i} numbers them)."""
    html = ("<html><body><main><h1>Publications</h1><div class='list'>"
            + "".join(card.format(i=i) for i in range(1, 5)) + "</div></main></body></html>")
    return parse_cards(parse_html(html, "https://think.example/publications"))


def test_a_heading_inside_its_link_makes_a_card() -> None:
    """"<a href><h4>Title</h4></a>" cards are found as "<h4><a href>Title</a></h4>" ones."""
    records = _cards("<li><a href='/p/c{i}'><h4>Talks Resume, part {i}</h4></a>"
                     "<span>Analysis | {i} Feb 2024</span><span>By John Roe</span></li>")
    assert [r.url for r in records] == [f"https://think.example/p/c{i}" for i in range(1, 5)]
    assert [a.name for a in records[0].authors] == ["John Roe"]


def test_the_word_beside_a_card_s_day_is_its_type() -> None:
    """"Feb 27, 2024 · Podcast" and "Policy Brief · 1.3.2024" give the card's type; a place
    there ("New York · …") is neither a type nor an author."""
    assert [r.type for r in _cards(
        "<div class='teaser'><h3><a href='/p/d{i}'>Ceasefire Monitors {i}</a></h3>"
        "<div>Feb {i}, 2024 · Podcast</div></div>")] == ["Podcast"] * 4
    records = _cards("<div class='result'><h3><a href='/p/e{i}'>Result {i} on peace</a></h3>"
                     "<p>New York · {i}.3.2024</p></div>")
    assert (records[0].type, records[0].authors) == (None, ())


def test_a_short_sentence_is_a_card_s_summary() -> None:
    """A card's line of a few words that ends as a sentence is its summary."""
    records = _cards("<article class='card'><h3><a href='/p/a{i}'>Ceasefires That Hold {i}"
                     "</a></h3><p>How ceasefires hold, with lessons from three wars.</p>"
                     "</article>")
    assert records[0].summary == "How ceasefires hold, with lessons from three wars."


def test_a_section_s_own_heading_is_no_card() -> None:
    """"<section><h2><a href=/politics/>Politics</a></h2>" over h3 story cards: the
    section's heading is no card of its own."""
    def section(name: str) -> str:
        stories = "".join(f"<article><h3><a href='/{name}/story-{i}'>Story {i} about {name}"
                          "</a></h3><p>Teaser text.</p></article>" for i in range(3))
        return f"<section><h2><a href='/{name}/'>{name.title()}</a></h2>{stories}</section>"

    html = f"<html><body><main>{section('politics')}{section('business')}</main></body></html>"
    urls = [r.url for r in parse_cards(parse_html(html, "https://news.example/"))]
    assert len(urls) == 6 and "https://news.example/politics/" not in urls


def test_a_card_s_dateline_credits_and_its_short_lines_type() -> None:
    """"3.3.2024 | Von Erika Muster", "Publié le 3 mars 2024 par Jean Dupont" credit their
    names; a kicker ("dachzeile") or a line of one type word ("Informe") gives the type."""
    records = _cards("<div class='teaser'><p class='dachzeile'>Kommentar</p><h3>"
                     "<a href='/p/a{i}'>Waffenruhen, die halten {i}</a></h3>"
                     "<p>0{i}.03.2024 | Von Erika Muster</p></div>")
    assert ([a.name for a in records[0].authors], records[0].type) == (["Erika Muster"],
                                                                       "Commentary")
    records = _cards("<article><h2><a href='/fr/a{i}'>Les cessez-le-feu {i}</a></h2>"
                     "<p>Publié le {i} mars 2024 par Jean Dupont</p></article>")
    assert [a.name for a in records[0].authors] == ["Jean Dupont"]
    records = _cards("<li class='item'><a href='/es/a{i}'>Altos el fuego que perduran {i}</a>"
                     "<span>{i} de marzo de 2024</span><span>Informe</span></li>")
    assert records[0].type == "Report"


def test_whole_link_cards_give_their_title_day_and_type() -> None:
    """A row of links that are whole cards ("<a class=card><div>Report</div><span>Title
    </span><p>date</p></a>"), with no heading, gives one card each: its title piece, its
    day and its type; a menu of plain links gives none."""
    cards = "".join(
        f'<a class="Card_root" href="/insights/item-{n}"><div>Report</div><span>NATO at 75 '
        f"and the years ahead, part {n}</span><p>12 May 2024</p></a>" for n in range(3))
    menu = "".join(f'<a class="menu" href="/{w}">{w}</a>' for w in ("about", "events", "jobs"))
    html = (f"<html><body><nav>{menu}</nav><main><h1>Insights</h1><div class='grid'>{cards}"
            f"</div></main></body></html>")
    records = parse_cards(parse_html(html, "https://x.org/insights"))
    assert [(r.url, r.title, r.published, r.type) for r in records] == [
        (f"https://x.org/insights/item-{n}", f"NATO at 75 and the years ahead, part {n}",
         date(2024, 5, 12), "Report") for n in range(3)]


def test_an_image_every_card_shows_is_no_card_s_image() -> None:
    """A repository's file-type icon beside each item is the template's, not the item's; a
    card's own picture stays."""
    rows = "".join(
        f"<article><h3><a href='/handle/10419/{n}'>Working paper on ceasefires, part {n}</a>"
        f"</h3><img src='{'/themes/Mirage2/images/mime.png' if n < 4 else '/covers/4.jpg'}'>"
        f"</article>" for n in range(1, 5))
    found = parse_cards(parse_html(f"<html><body><main>{rows}</main></body></html>",
                                   "https://repo.example.org/browse"))
    assert [c.image.url if c.image else None for c in found] == [
        None, None, None, "https://repo.example.org/covers/4.jpg"]


def test_a_card_s_updated_day_is_no_publication_day() -> None:
    """GOV.UK's results: "Updated: <time>" dates a change; "Published …" stays the day."""
    rows = "".join(
        f'<li class="gem-c-document-list__item"><a class="govuk-link" href="/government/'
        f'publications/report-{n}-on-ceasefires">Report {n} on the ceasefire line</a><ul>'
        f'<li>Policy paper</li><li>{label} <time datetime="2024-03-0{n}">{n} March 2024</time>'
        f"</li></ul></li>" for n, label in ((1, "Updated:"), (2, "Updated:"), (3, "Published:")))
    found = parse_cards(parse_html(f"<html><body><main><ul>{rows}</ul></main></body></html>",
                                   "https://www.gov.uk/search/research-and-statistics"))
    assert [(c.published, c.updated) for c in found] == [
        (None, date(2024, 3, 1)), (None, date(2024, 3, 2)), (date(2024, 3, 3), None)]


READ_MORE = ("<div class='teaser'><a href='/research/report-{i}'><img src='/i/{i}.jpg' alt=''>"
             "</a><h3>Ceasefire monitoring report {i} on the northern line</h3><p>March {i}, "
             "2024</p><a href='/research/report-{i}' class='more'>Read more</a></div>")


def test_a_card_linked_only_by_read_more_is_titled_by_its_heading() -> None:
    """Themes that link a card by its image and a "Read more" under an unlinked heading:
    the heading is the card's title, for its record and for discovery's link."""
    html = ("<html><body><main><h1>Research</h1>" + "".join(READ_MORE.format(i=i)
                                                            for i in range(1, 6))
            + "</main></body></html>")
    doc = parse_html(html, "https://think.example/research/")
    records = parse_cards(doc)
    assert [(r.url, r.title, str(r.published)) for r in records][:1] == [
        ("https://think.example/research/report-1",
         "Ceasefire monitoring report 1 on the northern line", "2024-03-01")]
    links = classify.page_links(doc, section="https://think.example/research/")
    assert classify.publication_links(links) == [
        f"https://think.example/research/report-{i}" for i in range(1, 6)]


def test_a_slider_of_images_shown_large_makes_no_cards() -> None:
    """A slider's items link their image file under a caption: no page, no card."""
    slide = ("<div class='slider__item teaser'><a href='/media/photo-{i}.jpg'><img src="
             "'/media/photo-{i}-small.jpg'></a><h4>The president at the assembly, day {i}</h4>"
             "</div>")
    html = ("<html><body><main><h1>A press release</h1>"
            + "".join(slide.format(i=i) for i in range(1, 6)) + "</main></body></html>")
    assert parse_cards(parse_html(html, "https://think.example/press/release")) == []


def test_wordpress_post_classes_give_a_card_no_type() -> None:
    """"type-post format-standard category-news" class every post: no kicker says so."""
    records = _cards("<article class='post-{i} post type-post format-standard category-news'>"
                     "<h2><a href='/2020/06/story-{i}'>A story {i}</a></h2>June 22, 2020"
                     "</article>")
    assert [(r.type, str(r.published)) for r in records][:1] == [(None, "2020-06-22")]


def test_a_call_to_follow_with_an_arrow_is_no_title_beside_longer_chips() -> None:
    """"Read more →" (eleven characters) and topic chips longer than it: the card is
    titled by its heading and leads where its call leads."""
    records = _cards("<div class='teaser'><h3>Ceasefire monitoring report {i} on the line</h3>"
                     "<a class='tag' href='/topics/global-elections'>Global Elections &amp; "
                     "Conflict</a><a href='/research/report-{i}'>Read more →</a></div>")
    assert [(r.url, r.title) for r in records][:1] == [
        ("https://think.example/research/report-1",
         "Ceasefire monitoring report 1 on the line")]


def test_a_grid_styled_by_utility_classes_makes_cards() -> None:
    """Tailwind cards: no heading, no card-like class, the title a bold link beside a
    kicker, a day and a summary; a menu of the same shape (its links alone) makes none."""
    records = _cards("<div class='flex flex-col gap-2 rounded-lg p-4 shadow'><span class="
                     "'text-xs uppercase'>Report</span><a class='text-lg font-semibold' href="
                     "'/research/{i}'>Monitors at the line in winter, part {i}</a><p class="
                     "'text-sm'>March {i}, 2024</p></div>")
    assert [(r.url, r.title, str(r.published)) for r in records][:1] == [
        ("https://think.example/research/1", "Monitors at the line in winter, part 1",
         "2024-03-01")]
    menu = _cards("<div class='px-2 py-1'><a href='/topics/{i}'>Peace and security topic "
                  "number {i}</a></div>")
    assert menu == []


def test_a_definition_list_s_descriptions_describe_its_term() -> None:
    """"<dt><a>Title</a></dt><dd>Report · 3 March 2024</dd><dd>summary</dd>": the card is
    the term with its descriptions, up to the next term."""
    items = "".join(f"<dt><a href='/publications/report-{i}'>Ceasefires that hold along the "
                    f"line, part {i}</a></dt><!-- --><dd>Report · {i} March 2024</dd><dd>What "
                    f"holds a ceasefire along a line that two armies watch.</dd>"
                    for i in range(1, 7))
    html = f"<html><body><main><h1>Publications</h1><dl>{items}</dl></main></body></html>"
    records = parse_cards(parse_html(html, "https://think.example/publications/"))
    assert [(r.title, str(r.published), r.type) for r in records][:2] == [
        ("Ceasefires that hold along the line, part 1", "2024-03-01", "Report"),
        ("Ceasefires that hold along the line, part 2", "2024-03-02", "Report")]
    assert records[0].summary == "What holds a ceasefire along a line that two armies watch."
