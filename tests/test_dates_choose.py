"""Choosing among dates: what the reader sees beside the headline settles disagreements."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from harvester.dates import local_day
from harvester.extract import extract_page


def page(jsonld: dict[str, str] | None, header: str, metas: str = "") -> str:
    """Return an article page with optional JSON-LD dates and a header block."""
    script = ""
    if jsonld is not None:
        data = {"@context": "https://schema.org", "@type": "NewsArticle",
                "headline": "Wellness hotels for the winter", **jsonld}
        script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return (f"<html lang='en'><head><title>Wellness hotels</title>{script}{metas}</head><body>"
            f"<article><h1>Wellness hotels for the winter</h1>{header}"
            "<p>Our favourite places to rest when the days grow short and cold.</p>"
            "</article></body></html>")


def _day(value: date | None) -> date | None:
    """Return the local day of a published value."""
    return None if value is None else local_day(value)


@pytest.mark.parametrize(("shown", "expected"), [
    # The page shows the modification day: it was re-dated, and readers see that day.
    ("1 January 2023", date(2023, 1, 1)),
    # The dateline agrees with the published day: the modification does not matter.
    ("22 November 2021", date(2021, 11, 22)),
    # A shown day that is neither published nor modified leaves the metadata's choice.
    ("3 March 2022", date(2021, 11, 22)),
])
def test_dateline_against_published_and_modified_metadata(shown: str, expected: date) -> None:
    """Metadata published in 2021 and modified in 2023; the byline's day decides."""
    html = page({"datePublished": "2021-11-22T18:42:22+01:00",
                 "dateModified": "2023-01-01T10:00:00+01:00"},
                f"<p class='byline'>By Ann Example · {shown}</p>")
    assert _day(extract_page(html).published) == expected


def test_label_after_the_date_marks_an_update() -> None:
    """"2019.03.26 lastupdate" beside the headline is the update, not the publication."""
    metas = ('<meta property="article:published_time" content="2019-03-08T13:00:00.000Z">'
             '<meta property="article:modified_time" content="2019-03-26T12:11:22.000Z">')
    html = page(None, "<p><i class='icon'></i>2019.03.26 lastupdate</p>", metas)
    record = extract_page(html)
    assert record.published is not None and record.published.day == 8
    assert record.updated is not None and record.updated.day == 26


def test_dateline_labelled_as_published_outweighs_two_meta_dates() -> None:
    """"Erschienen am:" in its own element labels the dateline after it: the page's date."""
    metas = '<meta name="date" content="2021-10-15"><meta name="DC.date" content="2021-10-15">'
    html = page(None, "<span class='sub'>Erschienen am:</span><h2>13.10.2021</h2>", metas)
    assert _day(extract_page(html).published) == date(2021, 10, 13)


def test_label_element_before_a_tail_date_marks_an_update() -> None:
    """"<b>Updated:</b> 5 May 2024" is an update even though the date opens its own text."""
    html = page({"datePublished": "2024-05-03"}, "<p><b>Updated:</b> 5 May 2024</p>")
    record = extract_page(html)
    assert _day(record.published) == date(2024, 5, 3)
    assert _day(record.updated) == date(2024, 5, 5)


def test_written_dateline_a_day_from_an_offset_timestamp_wins() -> None:
    """JSON-LD late on the 9th at -05:00, the page shows the 10th: the reader's day wins."""
    html = page({"datePublished": "2024-03-09T23:30:00-05:00"},
                "<p class='byline'>By Ann Example · March 10, 2024</p>")
    assert _day(extract_page(html).published) == date(2024, 3, 10)


def test_time_element_a_day_from_metadata_does_not_overrule_it() -> None:
    """A <time datetime> a day from JSON-LD is another machine timestamp: metadata stays."""
    html = page({"datePublished": "2024-03-09T23:30:00-05:00"},
                '<p>By Ann Example <time datetime="2024-03-10T04:30:00+00:00"></time></p>')
    assert _day(extract_page(html).published) == date(2024, 3, 9)


def test_labelled_dateline_keeps_the_agreeing_timestamp_and_a_same_day_update() -> None:
    """"Published: Nov 2, 2023" beside a <time> of that day: the timestamp is kept, so an
    update 24 minutes later on the same day is still later."""
    metas = '<meta property="og:updated_time" content="2023-11-02T17:19:38Z">'
    html = page(None, '<p>Published: November 2, 2023</p>'
                '<p><time datetime="2023-11-02T16:55:44Z"></time></p>', metas)
    record = extract_page(html)
    assert record.published == datetime(2023, 11, 2, 16, 55, 44, tzinfo=timezone.utc)
    assert record.updated == datetime(2023, 11, 2, 17, 19, 38, tzinfo=timezone.utc)


def test_a_utc_time_is_read_in_the_offset_of_the_pages_other_timestamps() -> None:
    """02:54Z on May 2 on a .com page whose modification time says -04:00: the page was
    written at -04:00, and its readers saw May 1."""
    metas = ('<meta property="article:published_time" content="2020-05-02T02:54:29Z">'
             '<meta property="article:modified_time" content="2020-05-02T10:00:00-04:00">')
    published = extract_page(page(None, "", metas), "https://news.example.com/a-story").published
    assert isinstance(published, datetime)
    assert (_day(published), published.utcoffset()) == (date(2020, 5, 1), timedelta(hours=-4))


def test_the_domains_zone_wins_over_the_offset_of_other_timestamps() -> None:
    """A .de page: Berlin's summer time (+02:00) reads 22:30Z as July 6, whatever offset
    another timestamp of the page was written with (+01:00, winter time)."""
    metas = ('<meta property="article:published_time" content="2020-07-05T22:30:00Z">'
             '<meta property="article:modified_time" content="2020-07-07T10:00:00+01:00">')
    record = extract_page(page(None, "", metas), "https://www.example.de/artikel")
    assert _day(record.published) == date(2020, 7, 6)
