"""Titles as real sites write them, probed with small synthetic pages."""

from __future__ import annotations

import pytest

from harvester import extract_page

_PARAGRAPH = ("<p>The government announced on Tuesday a sweeping new set of measures meant to "
              "curb inflation and support households across the country.</p>")


def _title(head: str, body: str = "", url: str = "https://www.example.org/research/rates",
           lang: str = "en") -> str | None:
    """Return the title extracted from a page with `head` and `body` (plus a paragraph)."""
    html = (f'<html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}{_PARAGRAPH}</body></html>")
    return extract_page(html, url).title


_SITE = "<meta property='og:site_name' content='Example Institute'>"


@pytest.mark.parametrize("title", [
    "Why Rates Must Fall Now | Page 2 | Example Institute",
    "Why Rates Must Fall Now - Page 2 of 4 - Example Institute",
    "Why Rates Must Fall Now (Page 3)",
    "Why Rates Must Fall Now (Updated)",
    "[PDF] Why Rates Must Fall Now",
    "Why Rates Must Fall Now (Example Institute)",
    "Why Rates Must Fall Now [Example Institute]",
])
def test_markers_and_bracketed_site_names_are_no_part_of_the_title(title: str) -> None:
    """A paged article's page number, "(Updated)", "[PDF]" and the site's name in brackets
    are set beside the title by the site, not written in it."""
    assert _title(f"<title>{title}</title>{_SITE}") == "Why Rates Must Fall Now"


def test_a_bracketed_part_that_is_not_the_site_stays() -> None:
    """"(Part 2)" or a year in brackets belongs to the title."""
    assert _title(f"<title>The Long War (1914-1918)</title>{_SITE}") == "The Long War (1914-1918)"


def test_a_full_width_colon_glued_to_a_japanese_site_name_sets_it_off() -> None:
    """Japanese sites write "見出し：朝日新聞デジタル" without spaces."""
    head = ("<title>利下げが必要な理由：朝日新聞デジタル</title>"
            "<meta property='og:site_name' content='朝日新聞デジタル'>")
    url = "https://www.asahi.com/articles/x.html"
    assert _title(head, url=url, lang="ja") == "利下げが必要な理由"


def test_a_headline_in_capitals_takes_the_case_of_its_declared_twin() -> None:
    """A headline typed in capitals reads better as og:title spells it."""
    head = "<meta property='og:title' content='Why Rates Must Fall Now'>"
    assert _title(head, "<h1>WHY RATES MUST FALL NOW</h1>") == "Why Rates Must Fall Now"


def test_a_headline_in_capitals_alone_stays() -> None:
    """With no other spelling, the capitals are the title."""
    assert _title("", "<h1>WHY RATES MUST FALL NOW</h1>") == "WHY RATES MUST FALL NOW"


def test_a_chinese_site_name_in_lenticular_brackets_is_no_part_of_the_title() -> None:
    """Chinese sites close a title with "【新华网】"."""
    head = ("<title>利率必须下降的原因【新华网】</title>"
            "<meta property='og:site_name' content='新华网'>")
    assert _title(head, lang="zh") == "利率必须下降的原因"


def test_a_type_set_off_by_a_double_colon_or_a_dash_is_no_part_of_the_title() -> None:
    """"Title :: Blog :: Site" and "Title - Opinion - Site" label the title with its type."""
    assert _title(f"<title>Why Rates Must Fall Now :: Blog :: Example Institute</title>{_SITE}") \
        == "Why Rates Must Fall Now"
    assert _title(f"<title>Why Rates Must Fall Now - Opinion - Example Institute</title>{_SITE}") \
        == "Why Rates Must Fall Now"


def test_a_kicker_run_into_the_headline_yields_to_the_declared_title() -> None:
    """"<h1><a class=cat>Economy</a> Title</h1>": the declared title has no kicker."""
    body = "<h1><a class='cat' href='/economy'>Economy</a> Why Rates Must Fall Now</h1>"
    head = "<title>Why Rates Must Fall Now | Example Institute</title>"
    assert _title(head, body) == "Why Rates Must Fall Now"


def test_a_headline_s_own_opening_set_off_by_a_colon_stays() -> None:
    """'"Pure Leere": Title' is the headline as written, even when og:title drops the quote."""
    head = "<meta property='og:title' content='Marita Kramer verpasst die Spiele'>"
    body = "<h1>\"Pure Leere\": Marita Kramer verpasst die Spiele</h1>"
    assert _title(head, body) == "\"Pure Leere\": Marita Kramer verpasst die Spiele"


def test_a_japanese_headline_s_subtitle_after_a_full_width_colon_stays() -> None:
    """og:title gives a Japanese paper's title without its subtitle; the <h1> (unspaced, as
    Japanese is written) says both, joined by a full-width colon: the headline stands."""
    title = "人口減少下における地域公共交通の再編"
    head = f"<meta property='og:title' content='{title}'><title>{title}｜研究機構</title>"
    body = f"<h1>{title}：コミュニティバスとデマンド交通の費用対効果</h1>"
    assert _title(head, body, lang="ja") == f"{title}：コミュニティバスとデマンド交通の費用対効果"


def test_a_short_unspaced_banner_heading_is_no_headline() -> None:
    """A Korean board page's <h1> "발간물" (Publications) names the section, not the paper:
    an unspaced heading is a headline only at a sentence's length."""
    title = "저출산 대응을 위한 육아휴직 제도 개편 방향"
    head = f"<meta property='og:title' content='{title}'><title>{title}</title>"
    assert _title(head, "<h1>발간물</h1>", lang="ko") == title


def test_the_content_type_in_front_of_a_headline_is_no_part_of_it() -> None:
    """"<span class=page-intro__type>Statistical bulletin:</span>" heads the <h1> as a
    label; the title is what follows it."""
    body = ("<h1 class='page-intro__title'><span class='page-intro__type'>Statistical bulletin:"
            "</span> Labour market overview, English regions: March 2024</h1>")
    assert _title("", body) == "Labour market overview, English regions: March 2024"


def test_a_dedecms_title_glued_with_underscores_names_the_shown_heading() -> None:
    """DedeCMS writes "标题_栏目_站名" with no spaces; the page shows the title alone in an
    <h2> (there is no <h1>), and og:title gives a shorter wording: the shown title stands."""
    full = "长三角城市群制造业数字化转型的区域差异与政策建议"
    head = (f"<title>{full}_研究报告_华东区域发展研究院</title>"
            "<meta property='og:title' content='长三角制造业数字化转型的区域差异'>")
    body = f"<div class='viewbox'><div class='title'><h2>{full}</h2></div></div>"
    assert _title(head, body, lang="zh-CN") == full


@pytest.mark.parametrize(("declared", "title"), [
    ("[이슈페이퍼] 저출산 대응을 위한 육아휴직 제도 개편 방향",
     "저출산 대응을 위한 육아휴직 제도 개편 방향"),
    ("[Opinion] Why Rates Must Fall Now", "Why Rates Must Fall Now"),
    # A bracket that is part of a word, and Japanese lenticular labels, stay
    ("[Un]certain Futures of Work", "[Un]certain Futures of Work"),
    ("【OSS】2018年のオープンソースプロジェクト10選",
     "【OSS】2018年のオープンソースプロジェクト10選"),
])
def test_a_label_in_square_brackets_before_a_title_is_no_part_of_it(
        declared: str, title: str) -> None:
    """Korean sites set a series or a scoop in brackets before the title ("[단독] …")."""
    assert _title(f"<meta property='og:title' content='{declared}'>", lang="ko") == title


def test_the_footer_s_heading_naming_the_site_is_no_headline() -> None:
    """og:title "Title | Site" holds the site's name, which the footer's <h2> says: the <h1>
    with the whole title stands."""
    head = ("<meta property='og:title' "
            "content='Cold Homes, Empty Cupboards | Northern Hearth Trust'>")
    body = ("<h1>Cold Homes, Empty Cupboards: Fuel and Food Insecurity Among Older Renters</h1>"
            "<footer><h2>Northern Hearth Trust</h2><p>A charity.</p></footer>")
    assert _title(head, body) == ("Cold Homes, Empty Cupboards: Fuel and Food Insecurity Among "
                                  "Older Renters")


def test_an_aria_heading_of_level_one_is_the_headline() -> None:
    """Craft templates mark the title <div role="heading" aria-level="1">: it, not the
    essay's first <h2>, is the headline."""
    body = ("<main><div class='essay__title' role='heading' aria-level='1'>The Afterlife of "
            "Chairs</div><p>An essay on repair.</p><h2>What we keep, and why</h2></main>")
    assert _title("<title>Journal | Orrin Field Foundation</title>", body) == (
        "The Afterlife of Chairs")


def test_a_subtitle_going_on_in_small_letters_is_the_title_s_own() -> None:
    """og:title gives the title's first half; the <h1> goes on after a dash in small letters
    ("– og det låser boligmarkedet…"): that is the title's, not a site's name."""
    head = "<meta property='og:title' content='Ældre flytter sjældnere'>"
    body = "<h1>Ældre flytter sjældnere – og det låser boligmarkedet i de større byer</h1>"
    assert _title(head, body, lang="da") == (
        "Ældre flytter sjældnere – og det låser boligmarkedet i de større byer")


@pytest.mark.parametrize("name", ["citation_title", "dc.title", "DCTERMS.title"])
def test_a_scholarly_or_dublin_core_title_picks_the_headline_over_the_section_name(
        name: str) -> None:
    """A repository page whose h1 is its section ("Publications") and whose <title> repeats
    it still declares its title in citation_title or Dublin Core; that picks the h2."""
    head = (f"<title>Publications | Example Institute</title>{_SITE}"
            f"<meta name='{name}' content='Working Hours and Health in Later Life'>")
    body = "<h1>Publications</h1><h2>Working Hours and Health in Later Life</h2>"
    assert _title(head, body) == "Working Hours and Health in Later Life"


def test_the_heading_after_a_one_word_section_banner_is_the_title() -> None:
    """Joomla's category page shape: the <h1> names the category ("Análisis"), the item's
    heading follows as an h2 that the <title> repeats, og:title is a shortened form."""
    head = ("<title>Remesas y retorno: lo que cambió en el campo - CEDER</title>"
            "<meta property='og:title' content='Remesas y retorno'>")
    body = "<h1>Análisis</h1><h2>Remesas y retorno: lo que cambió en el campo</h2>"
    assert _title(head, body, lang="es") == "Remesas y retorno: lo que cambió en el campo"


def test_a_one_word_headline_keeps_its_first_section_heading_out() -> None:
    """A one-word title ("Ukraine") is followed by its first section: no declared title
    holds that section's heading, so the headline stays."""
    head = "<title>Ukraine | Example Institute</title>"
    body = "<h1>Ukraine</h1><h2>Key findings of the report</h2>"
    assert _title(head + _SITE, body) == "Ukraine"
