"""Listings of listings and whole-link cards: a hub's tiles lead to its parts and an
archive's issues to their articles, each walked as a listing; a listing's whole-link cards,
in a wrapper or not, are its items, one-word titles too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from harvest_site import harvest_start
from harvester.store import Store
from test_site_shapes import card, found, page, serve_pages

PARTS = (("reports", "Reports"), ("briefs", "Policy Briefs"), ("commentary", "Commentary"))


def tile(path: str, label: str, title_tag: str) -> str:
    """Return a hub's tile: a whole link holding its label and a line about the part."""
    return (f'<a class="tile" href="{path}"><{title_tag} class="tile__title">{label}'
            f'</{title_tag}><p class="tile__text">Our {label.lower()} on conflict, mediation '
            f"and the paths to peace.</p></a>")


@pytest.mark.parametrize("title_tag", ["h2", "span"])
def test_a_hub_s_tiles_lead_to_its_parts_which_are_walked(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, title_tag: str) -> None:
    """"/research/" shows three tiles ("Reports" to "/research/reports/"): they are its
    parts, not publications, and their cards are the items."""
    tiles = "".join(tile(f"/research/{p}/", label, title_tag) for p, label in PARTS)
    pages = {"/research/": page(f"<h1>Research</h1><p>What we study.</p><div class='tiles'>"
                                f"{tiles}</div>")}
    for part, label in PARTS:
        cards = "".join(card(f"/research/{part}/{part}-on-the-ceasefire-line-{n}",
                             f"{label} on the ceasefire line, part {n}") for n in (1, 2))
        pages[f"/research/{part}/"] = page(f"<h1>{label}</h1>{cards}")
    paths, _ = found(httpserver_ipv4, pages, "/research/", store, tmp_path)
    assert sorted(paths) == sorted(f"/research/{p}/{p}-on-the-ceasefire-line-{n}"
                                   for p, _ in PARTS for n in (1, 2))


def whole_card(path: str, title: str, wrapped: bool, typed: bool = True) -> str:
    """Return a whole-link card: its type, title and day, in a wrapper or not."""
    inner = (('<div class="card__type">Report</div>' if typed else "")
             + f'<span class="card__title">{title}</span>'
             + ('<p class="card__date">4 March 2024</p>' if typed else ""))
    body = f'<div class="card__body">{inner}</div>' if wrapped else inner
    return f'<a class="card" href="{path}">{body}</a>'


@pytest.mark.parametrize("wrapped", [False, True])
def test_whole_link_cards_are_items_one_word_titles_too(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, wrapped: bool) -> None:
    """Cards set in a wrapper ("<a class=card><div class=card__body>…") are cards, and a
    one-word title below the listing ("Micropolitics") is an item beside the others; a
    title-only card among them too."""
    cards = (whole_card("/library/micropolitics", "Micropolitics", wrapped)
             + whole_card("/library/monitors", "Monitors Return to the Line", wrapped)
             + whole_card("/library/ceasefire", "Ceasefire Lines Hold", wrapped)
             + whole_card("/library/truce", "Why the Truce Holds", wrapped, typed=False))
    pages = {"/library/": page(f"<h1>Library</h1><div class='cards'>{cards}</div>")}
    paths, _ = found(httpserver_ipv4, pages, "/library/", store, tmp_path)
    assert paths == ["/library/micropolitics", "/library/monitors", "/library/ceasefire",
                     "/library/truce"]


def article(title: str) -> str:
    """Return a publication page: its headline, byline, day and prose."""
    prose = "What the monitors of the line saw this winter. " * 50
    return page(f"<article><h1>{title}</h1><p class='byline'>By Jane Doe</p><time datetime="
                f"'2024-03-03'>3 March 2024</time><p>{prose}</p></article>")


def issue_page(n: int) -> str:
    """Return one journal issue's table of contents: three article cards."""
    cards = "".join(card(f"/journal/article/view/{n}{k}", f"Article {k} of issue {n} on "
                                                          "ceasefire monitoring") for k in range(3))
    return page(f"<h1>Vol. 3 No. {n} (2024)</h1>{cards}")


def test_an_archive_of_issues_has_its_issues_walked(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """An archive's links are its issues: each, read as a listing when fetched, is walked
    as one, and its articles are the publications (OJS's "/issue/archive")."""
    issues = "".join(card(f"/journal/issue/view/{n}", f"Vol. 3 No. {n} (2024): Ceasefires "
                                                       "and their monitors") for n in (1, 2, 3))
    pages = {"/journal/issue/archive": page(f"<h1>Archives</h1>{issues}")}
    pages.update({f"/journal/issue/view/{n}": issue_page(n) for n in (1, 2, 3)})
    pages.update({f"/journal/article/view/{n}{k}": article(f"Article {k} of issue {n}")
                  for n in (1, 2, 3) for k in range(3)})
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/journal/issue/archive"), store, tmp_path)
    assert sorted(r.url.rsplit("/", 1)[-1] for r in store.records()) == sorted(
        f"{n}{k}" for n in (1, 2, 3) for k in range(3))


@pytest.mark.parametrize("start", ["/research/", "/"])
def test_a_listing_linking_one_listing_among_its_items_is_not_an_index(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path, start: str) -> None:
    """One card of six leading to another listing (an events page) does not make the
    listing an index: that listing is not walked, from the listing or from a landing page
    whose menu leads to it."""
    cards = "".join(card(f"/research/{n}-ceasefire-monitoring-report", f"Report {n} on the "
                                                                       "ceasefire line")
                    for n in range(5))
    cards += card("/events/upcoming-events-and-briefings", "Upcoming events and briefings")
    pages = {"/research/": page(f"<h1>Research</h1>{cards}"),
             "/": page("<h1>Welcome</h1><p>We study conflict.</p>"),
             "/events/upcoming-events-and-briefings": issue_page(9)}
    pages.update({f"/research/{n}-ceasefire-monitoring-report": article(f"Report {n}")
                  for n in range(5)})
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for(start), store, tmp_path)
    assert len(list(store.records())) == 5
    assert not [r for r, _ in httpserver_ipv4.log if r.path.startswith("/journal/")]
