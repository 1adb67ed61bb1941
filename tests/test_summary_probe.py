"""Summaries as real sites write them, probed with small synthetic pages."""

from __future__ import annotations

import pytest

from harvester import extract_page

_LEAD = ("The government announced on Tuesday a sweeping new set of measures meant to curb "
         "inflation and support households across the country.")
_PARAGRAPH = f"<p>{_LEAD} Economists said the plan would take months to show its effect.</p>"


def _summary(head: str = "", body: str = _PARAGRAPH) -> tuple[str | None, str | None]:
    """Return the summary and its source of a page with `head` and `body` under a headline."""
    html = (f'<html lang="en"><head><meta charset="utf-8"><title>Why Rates Must Fall</title>'
            f"{head}</head><body><h1>Why Rates Must Fall</h1>{body}</body></html>")
    record = extract_page(html, "https://www.example.org/research/rates")
    return record.summary, record.provenance.get("summary")


@pytest.mark.parametrize("description", [
    "Read more about Why Rates Must Fall on Example.org, the home of policy research.",
    "Click here to read the latest news and analysis from the Example Institute.",
    "We use cookies to improve your experience on our website. By continuing you agree.",
    "Just another WordPress site",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
])
def test_a_notice_to_the_reader_is_no_description(description: str) -> None:
    """A description that is a link's words, a cookie notice or a CMS default says nothing
    of the page: its first paragraph does."""
    summary, source = _summary(f"<meta name='description' content='{description}'>")
    assert source == "html:p" and summary and summary.startswith(_LEAD)


@pytest.mark.parametrize("cut", ["...", "…", " […]", " [...]", " (...)"])
def test_a_description_cut_short_yields_to_the_standfirst_in_full(cut: str) -> None:
    """Sites cut og:description at a length; the standfirst on the page says it all."""
    head = f"<meta name='description' content='{_LEAD[:70]}{cut}'>"
    body = f"<p class='standfirst'>{_LEAD}</p>{_PARAGRAPH}"
    assert _summary(head, body) == (_LEAD, "html:dek")


def test_a_description_cut_short_stays_when_nothing_completes_it() -> None:
    """With no fuller text that it opens, the cut description is still the best summary."""
    head = "<meta name='description' content='Rates must fall, and soon, for three reasons...'>"
    assert _summary(head)[1] == "meta:description"


@pytest.mark.parametrize("first", [
    "<p>By Jane Doe and John Smith, Senior Fellows at the Example Institute for Economic "
    "Policy Studies, Washington</p>",
    "<figure><img src='/a.jpg'><figcaption><p>A woman shops for groceries at a supermarket in "
    "Washington, D.C., on March 1, 2024. (Photo by John Smith/Getty Images)</p></figcaption>"
    "</figure>",
    "<p>5 min read · Published March 3, 2024 · Updated March 4, 2024 · Jane Doe, Senior "
    "Economist</p>",
    "<p>Updated March 3, 2024 at 10:15 a.m. ET | Originally published March 2, 2024 at 9:00 "
    "a.m. ET</p>",
    "<blockquote class='twitter-tweet'><p>This is a post someone wrote about inflation and "
    "rates, embedded in the article, and it is quite long.</p></blockquote>",
    "<p>Sign up for our newsletter to get the latest analysis delivered to your inbox every "
    "morning, for free.</p>",
])
def test_a_byline_caption_stamp_embed_or_notice_is_not_the_first_paragraph(first: str) -> None:
    """The summary is the text's first paragraph, not the lines and boxes set before it."""
    summary, source = _summary(body=first + _PARAGRAPH)
    assert source == "html:p" and summary and summary.startswith(_LEAD)


def test_a_paragraph_in_a_bare_blockquote_is_the_text() -> None:
    """Old pages indent their whole text with a blockquote of no class."""
    summary, _ = _summary(body=f"<blockquote>{_PARAGRAPH}</blockquote>")
    assert summary and summary.startswith(_LEAD)
