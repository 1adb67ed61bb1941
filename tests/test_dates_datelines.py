"""Datelines as readers see them: beside the headline, opening a paragraph, not in its text."""

from __future__ import annotations

from datetime import date

import pytest

from harvester.extract import extract_page


def page(body: str, lang: str = "de") -> str:
    """Return a metadata-free page with the given body."""
    return (f"<html lang='{lang}'><head><title>Neuer Spieler | Beispiel</title></head>"
            f"<body>{body}</body></html>")


TEASERS = "".join(
    f"<div class='list'><small>{day}.01.2022 · Männer</small>"
    f"<a href='/n/{day}'>Other news number {day} of the week</a></div>"
    for day in (30, 29, 27))


def test_dateline_beside_the_headline_beats_teasers_nearer_in_order() -> None:
    """Teaser dates listed right after the headline lose to the dateline just above it."""
    html = page("<div><p>02.02.2022 10:16 Uhr - Bundesliga - red</p></div>"
                "<h1>Verein verpflichtet neuen Spieler aus den Niederlanden</h1>"
                "<p>Der Verein hat einen neuen Spieler für die Rückrunde verpflichtet.</p>"
                + "<div>" + "<p>Ein weiterer Absatz ohne Datum im Text.</p>" * 70 + "</div>"
                + TEASERS)
    record = extract_page(html)
    assert record.published == date(2022, 2, 2)


def test_dated_paragraph_opening_with_a_bracket() -> None:
    """"(21. November 2022) Prices rose..." opens the lead with the page's date."""
    record = extract_page(page(
        "<h1>Energiepreise: Entlastungen im Überblick</h1><p>Von A. Autorin</p>"
        "<p>(21. November 2022) Verbraucher erhalten eine Preiserhöhung nach der nächsten, "
        "und seit dem 1. Oktober 2022 gilt ein reduzierter Steuersatz für Gas.</p>"))
    assert record.published == date(2022, 11, 21)


def test_date_ending_the_headline_is_its_subject() -> None:
    """A date closing the headline is the event's; the byline's date is the page's."""
    record = extract_page(page(
        "<article><h1>Ergebnisse: Meisterschaft in Aalen, 19.5.2007</h1>"
        "<p class='meta'>von <a href='/a'>M. Muster</a> | <span>20. Mai 2007</span> | "
        "<a href='/c'>Ergebnisse</a></p><p>Hier die Ergebnisse vom Wochenende.</p></article>"))
    assert record.published == date(2007, 5, 20)


def test_date_opening_the_headline_is_the_pages() -> None:
    """News headlines that open with their day ("23.01.2022 - ...") carry the page's date."""
    record = extract_page(page(
        "<h1>23.01.2022 - Titelverteidigerin jubelt beim Abschluss</h1>"
        "<p>Die Lokalmatadorin holte sich nach einer starken Leistung den Sieg.</p>"))
    assert record.published == date(2022, 1, 23)


def test_stand_and_editiert_label_an_update() -> None:
    """German "Stand:" and "Editiert am" datelines give the updated date, not the published."""
    for line in ("Stand: 12.03.2024 14:00 Uhr", "Editiert am 12. März 2024, 14:00 Uhr"):
        record = extract_page(page(
            "<h1>Neue Regeln für Mieter ab dem Frühjahr</h1>"
            f"<p>{line}</p><p>Die Regeln gelten für alle Mietverträge im Land.</p>"))
        assert record.published is None
        assert record.updated == date(2024, 3, 12)


def test_plones_last_changed_stamp_is_an_update_and_a_korean_publication_label_wins() -> None:
    """Plone's "zuletzt verändert:" dates an update; a Korean "발간일" (day of publication)
    beats an article:published_time that is the day the page was registered."""
    record = extract_page(page(
        "<h1>Mindestlohn und Tarifbindung in Ostdeutschland</h1><p><span>zuletzt verändert:"
        "</span> 12.06.2019 14:32</p>"
        "<p>Seit der Einführung des Mindestlohns stieg das Niveau.</p>"))
    assert record.published is None and record.updated == date(2019, 6, 12)
    korean = ("<html lang='ko'><head><title>육아휴직 제도 | 연구원</title><meta property="
              "'article:published_time' content='2024-07-15T09:10:00+09:00'></head><body>"
              "<h1>저출산 대응을 위한 육아휴직 제도 개편 방향</h1>"
              "<dl><dt>발간일</dt><dd>2024. 7. 12.</dd></dl>"
              "<p>육아휴직 제도의 개편 방향을 검토한다.</p></body></html>")
    assert extract_page(korean).published == date(2024, 7, 12)


@pytest.mark.parametrize(("lang", "line", "day"), [
    ("en", "06-03-2024", date(2024, 3, 6)),  # an EU page: hyphens read day first
    ("en-GB", "06/03/2024", date(2024, 3, 6)),
    ("en", "06/03/2024", date(2024, 6, 3)),  # slashes of no country read month first
    ("en-US", "06-03-2024", date(2024, 6, 3)),
])
def test_numeric_dates_of_english_pages_follow_country_then_separator(
        lang: str, line: str, day: date) -> None:
    """US English reads month first; English of another country day first; English of no
    country reads hyphens day first and slashes month first."""
    record = extract_page(page(
        f"<h1>Securing Critical Raw Materials for Europe</h1><p>{line}</p>"
        "<p>The Union imports most of the raw materials its industry needs.</p>", lang=lang))
    assert record.published == day


def test_dates_of_repeated_article_cards_are_not_the_pages() -> None:
    """Several <article> cards that do not hold the headline date other pages."""
    cards = "".join(
        f"<article class='post'><img src='/i/{n}.jpg' alt=''><p>Post number {n} teaser</p>"
        f"<ul><li>Kommentare — {n}. Oktober 2019</li></ul></article>" for n in (17, 15, 8))
    record = extract_page(page(
        "<div class='head'><h1>Der royale Wochenrückblick</h1></div>"
        + "<div>" + "<p>Ein Absatz des Textes ohne jedes Datum darin.</p>" * 160 + "</div>"
        + f"<div class='grid'>{cards}</div>"))
    assert record.published is None


HOME_CARDS = "".join(
    f"<div class='teaser'><a href='/n/{n}'>Aktuelle Meldung Nummer {n}</a>"
    f"<span class='datum'>{day}</span></div>"
    for n, day in ((1, "06.10.2017 11:15"), (2, "4. Oktober 2017"), (3, "12.09.2091"),
                   (4, "28.09.2017")))


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.beispiel.example/", date(2017, 10, 6)),
    ("https://www.beispiel.example/aktuelles/", date(2017, 10, 6)),
    # A publication's address: the dates around it are other pages' (as in the test above).
    ("https://www.beispiel.example/aktuelles/royaler-rueckblick", None),
])
def test_a_front_page_without_a_date_of_its_own_takes_its_newest_item_s(
        url: str, expected: date | None) -> None:
    """A home or section page has no date but its items': the newest one (a date in the
    future is no item's) is when it last changed."""
    record = extract_page(page("<h1>Willkommen in Beispiel</h1>"
                               + "<p>Ein Absatz ohne jedes Datum darin.</p>" * 20
                               + f"<aside>{HOME_CARDS}</aside>"), url)
    assert record.published == expected


def test_update_labels_in_more_languages() -> None:
    """Italian, Portuguese and Dutch update labels give the updated date."""
    for line in ("Aggiornato il 12/03/2024", "Atualizado em 12/03/2024",
                 "Bijgewerkt op 12-03-2024"):
        record = extract_page(page(
            "<h1>Nuove regole per gli inquilini</h1>"
            f"<p>{line}</p><p>Le regole valgono per tutti i contratti del paese.</p>", "it"))
        assert record.published is None, line
        assert record.updated == date(2024, 3, 12), line


def test_labelled_dateline_with_weekday_far_from_the_headline() -> None:
    """"Publié le mercredi 2 février 2022" is a dateline even far down the page."""
    record = extract_page(page(
        "<h1>Pelzfreie Mode wird häufiger</h1>"
        + "<div>" + "<p>Ein Absatz des Textes ohne jedes Datum darin.</p>" * 160 + "</div>"
        + "<p>Publié le mercredi 2 février 2022</p>", "fr"))
    assert record.published == date(2022, 2, 2)


def test_a_magazine_named_revista_is_no_revision_label() -> None:
    """"Revista Semana 3 de mayo de 2022" names a magazine, not a revision: published."""
    record = extract_page(page(
        "<h1>El gobierno presenta su plan económico</h1>"
        "<p>Revista Semana 3 de mayo de 2022</p><p>El plan fue presentado ayer.</p>", "es"))
    assert record.published == date(2022, 5, 3)


def test_a_persian_page_s_solar_hijri_dateline_dates_it() -> None:
    """"دوشنبه ۲ تير ۱۳۹۹" beside an Iranian headline is 22 June 2020."""
    html = page("<h1>ورود ۵۰ هزار میلیارد تومان نقدینگی به بورس در ۳ ماه</h1>"
                "<span class='date-created'>دوشنبه ۲ تير ۱۳۹۹ - 12:09:08 ب.ظ</span>"
                "<p>به گزارش خبرنگار اقتصادی، نقدینگی بازار سرمایه افزایش یافت.</p>",
                lang="fa")
    assert extract_page(html, "https://news.example.ir/news/boors").published == \
        date(2020, 6, 22)


@pytest.mark.parametrize(("credit", "lang"), [("Edited by Jane Doe", "en"),
                                              ("Bearbeitet von Erika Muster", "de")])
def test_an_editor_s_credit_is_no_update_label(credit: str, lang: str) -> None:
    """The date under "Edited by Jane Doe" is the page's publication date, not an edit's."""
    record = extract_page(page(f"<h1>Neuer Spieler für die Rückrunde</h1><p>{credit}</p>"
                               "<p>03.03.2024</p><p>Der Verein hat einen Spieler.</p>", lang),
                          "https://verein.example/news/spieler")
    assert (record.published, record.updated) == (date(2024, 3, 3), None)


@pytest.mark.parametrize(("line", "lang"), [
    ("Опубликовано: 03.03.2024, обновлено: 05.03.2024", "ru"),
    ("Publicerad 3 mars 2024. Uppdaterad 5 mars 2024", "sv"),
    ("Güncellenme: 05.03.2024 Yayınlanma: 03.03.2024", "tr"),
    ("Aktualizováno 5. března 2024, publikováno 3. března 2024", "cs"),
    ("Päivitetty 5.3.2024, julkaistu 3.3.2024", "fi"),
])
def test_published_and_updated_labels_of_more_languages(line: str, lang: str) -> None:
    """The publication and update labels of Russian, Swedish, Turkish, Czech and Finnish
    pages keep each date in its field, whichever comes first."""
    record = extract_page(page(f"<h1>Neue Regeln für alle Mieter</h1><p>{line}</p>"
                               "<p>Die Regeln gelten für alle Verträge.</p>", lang))
    assert (record.published, record.updated) == (date(2024, 3, 3), date(2024, 3, 5))


@pytest.mark.parametrize(("lang", "line"), [
    ("ko", "입력 2024.03.03 23:45 | 수정 2024.03.05 10:00"),
    ("ko", "수정 2024.03.05 10:00 입력 2024.03.03 23:45"),
    ("ja", "公開日：2024年3月3日　更新日：2024年3月5日"),
    ("zh", "发布时间：2024-03-03 23:45 更新时间：2024-03-05"),
    ("ar", "نشر في 3 مارس 2024 - آخر تحديث 5 مارس 2024"),
    ("id", "Diperbarui 5 Maret 2024, Diterbitkan 3 Maret 2024"),
    ("he", "פורסם 03.03.2024 עודכן 05.03.2024"),
    ("en", "Updated 2024.03.05 Published 2024.03.03"),
])
def test_publication_and_update_labels_in_asian_and_other_languages(lang: str,
                                                                    line: str) -> None:
    """Korean, Japanese, Chinese, Arabic, Indonesian and Hebrew labels tell the update from
    the publication, in either order; a label before an earlier date of the line is that
    date's, not the next one's."""
    record = extract_page(page(f"<main><h1>Ceasefires That Hold</h1><p>{line}</p>"
                               "<p>The text of the article on ceasefire monitoring.</p></main>",
                               lang), "https://news.example/p/ceasefires")
    assert (record.published, record.updated) == (date(2024, 3, 3), date(2024, 3, 5))


@pytest.mark.parametrize(("lang", "line"), [
    ("ja", "公開日：令和6年3月3日"), ("th", "วันที่ 3 มี.ค. 2567 เวลา 10:00 น."),
    ("vi", "Thứ hai, ngày 03 tháng 03 năm 2024"),
])
def test_datelines_in_eras_and_words_of_other_calendars(lang: str, line: str) -> None:
    """A Japanese era, a Thai Buddhist-era year or Vietnamese words beside the headline."""
    record = extract_page(page(f"<main><h1>Ceasefires That Hold</h1><p>{line}</p>"
                               "<p>The text of the article on ceasefire monitoring.</p></main>",
                               lang), "https://news.example/p/ceasefires")
    assert record.published == date(2024, 3, 3)


@pytest.mark.parametrize(("markup", "day"), [
    ("<span class='date' data-timestamp='1709460000'>3 hours ago</span>", date(2024, 3, 3)),
    ("<span class='time' data-time='1709460000000'>3h</span>", date(2024, 3, 3)),
    ("<span data-publish-date='2024-03-03T10:00:00Z'>yesterday</span>", date(2024, 3, 3)),
    # A moment on an element that is no date says nothing (a widget's, a video's time)
    ("<div class='widget' data-timestamp='1709460000'>Weather</div>", None),
    ("<video data-time='120'></video>", None),
])
def test_the_moment_behind_a_relative_date(markup: str, day: date | None) -> None:
    """A page that shows only "3 hours ago" dates itself by the moment its date element
    holds in an attribute; the relative words alone are never turned into a day."""
    record = extract_page(page(f"<main><h1>Neuer Spieler</h1>{markup}<p>Der Text des "
                               "Artikels über den neuen Spieler und seine Mannschaft.</p>"
                               "</main>"), "https://news.example/sport/neuer-spieler")
    published = record.published
    assert (published.date() if hasattr(published, "date") else published) == day


@pytest.mark.parametrize(("stamp", "shown", "expected"), [
    # Dhaka: the UTC evening is the readers' next day, shown with its clock time
    ("2018-09-26T18:05:00.000Z", "২৭ সেপ্টেম্বর ২০১৮, ০০:০৫", "2018-09-27T00:05:00+06:00"),
    ("2024-03-12T02:47:00Z", "March 11, 2024 at 10:47 p.m. EDT", "2024-03-11T22:47:00-04:00"),
    # The shown day alone, no clock: the day
    ("2018-09-26T18:05:00Z", "27 September 2018", "2018-09-27"),
    # The same day shown: the timestamp stands
    ("2018-09-26T08:05:00Z", "26 September 2018", "2018-09-26T08:05:00+00:00"),
])
def test_a_utc_time_element_is_read_in_the_zone_its_text_shows(
        stamp: str, shown: str, expected: str) -> None:
    """A <time datetime> in UTC whose own text shows another day is the readers' day: the
    text's clock gives the page's offset."""
    html = f"""<html><body><main><h1>Garments: the future beyond cheap labour</h1>
      <p class="byline">By Farhana Yasmin</p><p><time datetime="{stamp}">{shown}</time></p>
      <p>The garment industry must move up the value chain.</p></main></body></html>"""
    record = extract_page(html, "https://news.example/opinion/garments-future")
    assert record.published is not None and record.published.isoformat() == expected


def test_the_originally_published_day_beats_a_repository_s_posted_day() -> None:
    """A ReliefWeb-style page posts a report on 12 March (its metadata say so) that was
    "Originally published" on 28 February: the document's day is the original's."""
    html = """<html><head><meta property="article:published_time"
      content="2024-03-12T14:20:33+00:00"></head><body><main>
      <h1>Sudan–Chad cross-border displacement: rapid assessment</h1><dl>
      <dt>Posted</dt><dd><time datetime="2024-03-12T14:20:33+00:00">12 Mar 2024</time></dd>
      <dt>Originally published</dt><dd><time datetime="2024-02-28T12:00:00+00:00">28 Feb
      2024</time></dd></dl><p>Arrivals from Darfur rose sharply in February.</p>
      </main></body></html>"""
    record = extract_page(html, "https://response.example/report/chad/rapid-assessment")
    assert record.published is not None and record.published.date() == date(2024, 2, 28)


def test_first_published_text_gives_the_earlier_moment_of_the_day() -> None:
    """The Guardian shows the last edit ("Tue 29 Nov 2016 15.26 EST") and, folded below it,
    "First published on Tue 29 Nov 2016 07.46 EST": the publication is the first."""
    html = """<html><head><meta property="article:published_time"
      content="2016-11-29T20:26:06Z"></head><body><main><h1>Standing Rock protest</h1>
      <details><summary><span>Tue 29 Nov 2016 15.26 EST</span></summary>First published on
      Tue 29 Nov 2016 07.46 EST</details><p>Protesters were told to leave the camp.</p>
      </main></body></html>"""
    record = extract_page(html, "https://news.example/us-news/2016/nov/29/standing-rock")
    assert record.published is not None
    assert record.published.isoformat() == "2016-11-29T07:46:00-05:00"


def test_a_taiwanese_release_date_in_the_republic_s_years_is_read() -> None:
    """"發布日期：113年3月18日" (Taiwan counts years from 1911) dates the page."""
    html = """<html lang="zh-Hant"><body><main><h1>再生能源躉購費率調整之影響</h1><ul>
      <li><span class="info-label">發布日期：</span><span>113年3月18日</span></li></ul>
      <p>本文分析費率調整對中小企業的影響。</p></main></body></html>"""
    record = extract_page(html, "https://www.tise.example/research/detail.aspx?id=1184")
    assert record.published == date(2024, 3, 18)


def test_a_republished_article_s_original_day_is_its_date() -> None:
    """A university republishes an article under Creative Commons, posted on 11 April; its
    closing note says it "was first published in The Lectern on 9 April 2024"."""
    html = """<html><head><meta property="article:published_time"
      content="2024-04-11T09:30:00+10:00"></head><body><main><article>
      <h1>The reef's fourth mass bleaching in eight years is different</h1>
      <p>Published 11 April 2024</p><p>Heat stress reached the southern reef this year.</p>
      <p>This article is republished from The Lectern under a Creative Commons license. It
      was first published in The Lectern on 9 April 2024.</p></article></main></body></html>"""
    record = extract_page(html, "https://www.uni.example/news/2024/04/reef-bleaching")
    assert record.published == date(2024, 4, 9)
