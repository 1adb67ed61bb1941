"""Publications that are only a file: a listing whose cards are titled with links to PDFs.

Central banks, ministries and intergovernmental bodies often publish a report as a PDF and
nothing else, listed with its title and day. Such a card is stored as the record (the file
is never fetched); a file beside a card's own page ("Download PDF"), a publication's
attachments, and the PDF of a page stored under the same title are not.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from harvest_site import harvest_start
from harvester import recheck
from harvester.choose import _title_text
from harvester.choose_labels import title_type
from harvester.extract import default_vocabulary
from harvester.store import Store
from test_site_shapes import found, page, serve_pages

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def file_card(path: str, title: str, day: str, extra: str = "") -> str:
    """Return a listing card whose heading links a file."""
    return (f'<li class="publication"><h3><a href="{path}">{title}</a></h3>'
            f'<span class="date">{day}</span>{extra}</li>')


def article(title: str) -> str:
    """Return a publication page with its own headline, byline, day and prose."""
    prose = "Its findings on the monitors of the line. " * 60
    return page(f"<article><h1>{title}</h1><p class='byline'>By Jane Doe</p>"
                f"<time datetime='2024-03-03'>3 March 2024</time><p>{prose}</p></article>"
                ).replace("<title>Site</title>", f"<title>{title}</title>")


def test_cards_titled_with_files_are_stored_without_fetching_the_files(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """Each card's title, day and byline make the record; its URL is the file's."""
    cards = (file_card("/files/financial-stability-report-2024.pdf",
                       "Financial Stability Report, May 2024 (PDF, 2.3 MB)", "15 May 2024")
             + file_card("/files/wp-12.pdf", "Working Paper 12: Inflation Expectations",
                         "2 February 2024", "<p>By Jane Doe and John Roe</p>")
             + file_card("/files/annual-report-2023.docx", "Annual Report 2023",
                         "28 January 2024"))
    pages = {"/publications/": page(f"<h1>Publications</h1><ul>{cards}</ul>"),
             "/files/financial-stability-report-2024.pdf": PDF.decode("latin-1")}
    serve_pages(httpserver_ipv4, pages)
    start = httpserver_ipv4.url_for("/publications/")
    harvest_start(start, store, tmp_path)
    records = {r.url.rsplit("/", 1)[-1]: r for r in store.records()}
    assert set(records) == {"financial-stability-report-2024.pdf", "wp-12.pdf",
                            "annual-report-2023.docx"}
    report = records["financial-stability-report-2024.pdf"]
    assert report.title == "Financial Stability Report, May 2024"
    assert report.published == date(2024, 5, 15)
    assert [a.name for a in records["wp-12.pdf"].authors] == ["Jane Doe", "John Roe"]
    assert records["wp-12.pdf"].type == "Working Paper"  # what its title opens with
    assert records["financial-stability-report-2024.pdf"].type is None
    assert not [r for r, _ in httpserver_ipv4.log if r.path.startswith("/files/")]
    # A second run finds the same cards, a day corrected: the record follows the card, and
    # no file is fetched or re-checked.
    pages["/publications/"] = pages["/publications/"].replace("2 February 2024",
                                                              "3 February 2024")
    harvest_start(start, store, tmp_path)
    again = {r.url.rsplit("/", 1)[-1]: r for r in store.records()}
    assert set(again) == set(records)
    assert again["wp-12.pdf"].published == date(2024, 2, 3)
    assert not [r for r, _ in httpserver_ipv4.log if r.path.startswith("/files/")]
    later = datetime.now(UTC) + timedelta(days=400)
    assert recheck._oldest(store, "s", later, 1.0, set())[0] == []


def test_a_listing_of_files_is_paged_through_and_is_no_hub(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """Pages that show only files are progress: pagination goes on to the last page, and
    the menu's sections are not walked as a hub's would be."""
    pages = {"/research/": page("<h1>Research</h1><p>" + "Our research. " * 40 + "</p>")}
    for n in range(1, 4):
        cards = "".join(file_card(f"/files/bulletin-{n}-{i}.pdf",
                                  f"Economic Bulletin {n}-{i} on Prices", f"{i} May 2024")
                        for i in range(1, 6))
        after = f'<a rel="next" href="/publications/?page={n + 1}">Next</a>' if n < 3 else ""
        pages[f"/publications/?page={n}" if n > 1 else "/publications/"] = page(
            f"<h1>Publications</h1><ul>{cards}</ul>{after}")
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/publications/"), store, tmp_path)
    assert len(list(store.records())) == 15
    assert not [r for r, _ in httpserver_ipv4.log if r.path == "/research/"]


def test_a_file_beside_its_page_or_titled_as_a_stored_page_is_no_record(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """"Download PDF" beside a card's page, a sidebar's file, and a file card that repeats
    a page's title (its download) add no record; the pages are stored."""
    cards = ('<article class="card"><h2><a href="/research/ceasefires-that-hold">Ceasefires'
             ' That Hold</a></h2><p>3 March 2024</p><a href="/files/ceasefires.pdf">Download'
             " PDF</a></article>"
             + file_card("/files/monitors.pdf", "Monitors at the Line", "4 March 2024")
             + '<article class="card"><h2><a href="/research/monitors-at-the-line">Monitors'
               " at the Line</a></h2><p>4 March 2024</p></article>")
    sidebar = '<aside class="sidebar"><h3><a href="/files/strategy.pdf">Our Strategy 2030</a>' \
              "</h3></aside>"
    pages = {"/research/": page(f"<h1>Research</h1><ul>{cards}</ul>{sidebar}"),
             "/research/ceasefires-that-hold": article("Ceasefires That Hold"),
             "/research/monitors-at-the-line": article("Monitors at the Line")}
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/research/"), store, tmp_path)
    assert sorted(r.url.rsplit("/", 1)[-1] for r in store.records()) == [
        "ceasefires-that-hold", "monitors-at-the-line"]


def test_a_publications_attachments_are_not_publications(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A start URL that is a publication lists its files ("Full report", "Annex"): they
    are its attachments, not publications of their own."""
    attachments = "<ul>" + "".join(file_card(f"/files/{n}.pdf", t, "3 March 2024") for n, t in (
        ("full", "Full Report on Ceasefires"), ("annex", "Annex: Monitoring Data Tables"),
        ("brief", "Summary Brief of the Findings"))) + "</ul>"
    pages = {"/research/ceasefires-that-hold": article("Ceasefires That Hold").replace(
        "</article>", f"</article><section class='documents'><h2>Documents</h2>{attachments}"
                      f"</section>")}
    paths, _ = found(httpserver_ipv4, pages, "/research/ceasefires-that-hold", store, tmp_path)
    assert paths == ["/research/ceasefires-that-hold"]


def test_a_feeds_file_items_are_publications(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A feed as start URL whose items link PDFs gives a record per titled item."""
    items = "".join(
        f"<item><title>{t}</title><link>/files/{n}.pdf</link><pubDate>{d}</pubDate></item>"
        for n, t, d in (("brief-7", "Policy Brief 7: Water and Conflict",
                         "Tue, 05 Mar 2024 09:00:00 +0000"),
                        ("download", "Download", "Tue, 05 Mar 2024 09:00:00 +0000")))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Briefs</title>{items}' \
           "</channel></rss>"
    serve_pages(httpserver_ipv4, {"/briefs.xml": feed})
    harvest_start(httpserver_ipv4.url_for("/briefs.xml"), store, tmp_path)
    [record] = list(store.records())
    assert (record.title, record.published) == ("Policy Brief 7: Water and Conflict",
                                                datetime(2024, 3, 5, 9, tzinfo=UTC))
    assert record.url.endswith("/files/brief-7.pdf")


def test_a_files_format_and_size_are_no_part_of_its_title() -> None:
    """"(PDF, 2.3 MB)", "[pdf - 1.2MB]" and "(540 KB)" go; a size in prose stays."""
    assert _title_text("Annual Report 2023 (PDF, 2.3 MB)") == "Annual Report 2023"
    assert _title_text("Annual Report [pdf - 1.2MB]") == "Annual Report"
    assert _title_text("Data Annex (540 KB)") == "Data Annex"
    assert _title_text("The Rise of 5 GB Networks") == "The Rise of 5 GB Networks"



@pytest.mark.parametrize(("title", "kind"), [
    ("Working Paper 12: Inflation Expectations", "Working Paper"),
    ("Policy Brief No. 7 – Water and Conflict", "Policy Brief"),
    ("Fact Sheet: Ceasefire Monitoring", "Fact Sheet"),
    ("Discussion Paper 2024/05", "Working Paper"),
    ("Ceasefires That Hold: A Study of Monitors", None),
    ("Annual Report 2023", None),
])
def test_a_file_s_type_is_what_its_title_opens_with(title: str, kind: str | None) -> None:
    """A kind the vocabulary knows, before a number or a colon, is the file's type."""
    assert title_type(title, default_vocabulary()) == kind


def test_a_table_of_files_gives_a_record_per_titled_row(
        httpserver_ipv4: HTTPServer, store: Store, tmp_path: Path) -> None:
    """A central bank's table: each row's file, titled by its link, with the day its next
    cell shows; a row's bare "PDF" link takes the title its row's own cell gives."""
    rows = "".join(
        f"<tr><td><a href='/media/files/fsr-2024-0{n}.pdf'>Financial Stability Report, "
        f"issue {n} (PDF, 2.1 MB)</a></td><td>1{n} May 2024</td></tr>" for n in range(1, 6))
    rows += ("<tr><td>Monthly Statistical Bulletin on prices</td><td>15 March 2024</td><td><a "
             "href='/media/files/bulletin-2024-03.pdf'>PDF</a></td></tr>")
    pages = {"/en/publications/": page(f"<h1>Publications</h1><table class='table'><tbody>"
                                       f"{rows}</tbody></table>")}
    serve_pages(httpserver_ipv4, pages)
    harvest_start(httpserver_ipv4.url_for("/en/publications/"), store, tmp_path)
    records = sorted(store.records(), key=lambda r: r.url)
    assert [(r.url.rsplit("/", 1)[-1], r.title, r.published) for r in records] == [
        ("bulletin-2024-03.pdf", "Monthly Statistical Bulletin on prices", date(2024, 3, 15)),
        *((f"fsr-2024-0{n}.pdf", f"Financial Stability Report, issue {n}",
           date(2024, 5, 10 + n)) for n in range(1, 6))]
