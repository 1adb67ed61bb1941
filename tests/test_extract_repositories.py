"""Institutional repositories, journals and intergovernmental publication pages: DSpace,
OJS, EPrints-like item tables and the labelled metadata blocks of report pages."""

from __future__ import annotations

from datetime import date

from harvester.extract import extract_page

URL = "https://repository.example.edu/handle/10419/278123"


def page(metas: str = "", body: str = "") -> str:
    """Return a page with the given head tags and body."""
    return f"<html lang='en'><head>{metas}</head><body>{body}</body></html>"


def test_workflow_dates_are_not_the_publication() -> None:
    """A repository's deposit date and a journal's submission date are no publication date:
    a working paper issued only as a year has no day, and an article keeps its issue day."""
    metas = """
      <meta name="DC.title" content="Fiscal rules and public investment">
      <meta name="DCTERMS.dateAccepted" content="2024-02-14T09:12:33Z">
      <meta name="DCTERMS.issued" content="2019">
      <meta name="DC.type" content="Working Paper">"""
    assert extract_page(page(metas, "<h1>Fiscal rules and public investment</h1>"),
                        URL).published is None
    metas = """
      <meta name="DC.Date.dateSubmitted" content="2023-06-11">
      <meta name="DC.Title" content="Ceasefire Monitoring">"""
    body = "<h1>Ceasefire Monitoring</h1><p>Published 3 March 2024</p>"
    assert extract_page(page(metas, body), URL).published == date(2024, 3, 3)


def test_journal_issue_and_classification_codes_are_no_topics() -> None:
    """An OJS "Issue" box ("Vol. 12 No. 1 (2024)") and a repository's classification code
    ("ddc:330") are not topics; the article's keywords are."""
    metas = """
      <meta name="citation_title" content="Ceasefire Monitoring">
      <meta name="citation_keywords" content="ceasefire monitoring">
      <meta name="citation_keywords" content="local violence">
      <meta name="DC.subject" content="ddc:330">"""
    body = """<h1>Ceasefire Monitoring</h1>
      <div class="item issue"><h2 class="label">Issue</h2>
      <div class="value"><a href="/jpr/issue/view/88">Vol. 12 No. 1 (2024)</a></div></div>"""
    record = extract_page(page(metas, body), URL)
    assert record.topics == ("ceasefire monitoring", "local violence")
    record = extract_page(page('<meta name="DC.subject" content="ddc:330">'
                               '<meta name="DC.subject" content="fiscal rules">'), URL)
    assert record.topics == ("fiscal rules",)


def test_licence_badge_is_no_lead_image() -> None:
    """A journal article's Creative Commons button (in a rel=license link) is no lead image."""
    body = """<h1>Ceasefire Monitoring</h1><p>Text of the abstract.</p>
      <div class="item copyright"><a rel="license" href="https://example.org/licence">
      <img alt="Creative Commons License" src="/badges/by-4.0.png"></a></div>
      <div><img alt="CC BY" src="https://i.creativecommons.org/l/by/4.0/88x31.png"></div>"""
    assert extract_page(page("", body), URL).image is None


def test_item_table_labels_need_no_colon() -> None:
    """A repository's item table ("Author(s)", "Type", "Subject/Keywords" cells) and a field's
    label span ("Authors") give authors, type and topics without a colon."""
    body = """<h1>Fiscal rules and public investment</h1>
      <table class="detailtable">
      <tr><td class="label-cell">Type</td><td>Working Paper</td></tr>
      <tr><td class="label-cell">Author(s)</td><td>Okafor, Chidi; Lindqvist, Maria</td></tr>
      <tr><td class="label-cell">Subject/Keywords</td><td>fiscal rules; public investment</td></tr>
      </table>"""
    record = extract_page(page("", body), URL)
    assert [a.name for a in record.authors] == ["Chidi Okafor", "Maria Lindqvist"]
    assert record.type == "Working Paper"
    assert record.topics == ("fiscal rules", "public investment")
    body = """<h1>Human Development Report 2023-2024</h1><div class="publication-meta">
      <div><span class="label">Authors</span><span class="value">Pedro Conceição</span></div>
      </div><p class="pub-desc"><strong>Author/Editor:</strong> Amina Yusuf ; Kenji Watanabe</p>"""
    assert [a.name for a in extract_page(page("", body), URL).authors] == ["Pedro Conceição"]
    body = """<h1>Fiscal Rules and Debt Sustainability</h1>
      <p class="pub-desc"><strong>Author/Editor:</strong> Amina Yusuf ; Kenji Watanabe</p>"""
    assert [a.name for a in extract_page(page("", body), URL).authors] == ["Amina Yusuf",
                                                                           "Kenji Watanabe"]


def test_caption_over_the_headline_is_a_kicker() -> None:
    """A government page's document type set right over the headline, in a class no kicker
    list names, is the type when the vocabulary knows it; a date there is not."""
    body = """<main><div class="govuk-grid-column-two-thirds">
      <span class="govuk-caption-xl gem-c-title__context">Policy paper</span>
      <h1 class="gem-c-title__text">National Risk Register 2024</h1></div></main>"""
    assert extract_page(page("", body), URL).type == "Policy Brief"
    body = """<div><p>3 March 2024</p><h1>National Risk Register 2024</h1></div>"""
    assert extract_page(page("", body), "https://example.org/x").type is None


def test_deposit_and_peer_review_dates_are_not_the_publication() -> None:
    """An EPrints item's "Date Deposited" and datestamp, and an article's "Received" and
    "Accepted" days, are not its publication; its "Published" day is."""
    metas = """<meta name="eprints.datestamp" content="2024-02-21 10:12:05">
      <meta name="eprints.date" content="2024-02">"""
    body = """<h1>Climate finance in small island states</h1><table>
      <tr><th align="right">Item Type:</th><td>Monograph (Working Paper)</td></tr>
      <tr><th align="right">Date Deposited:</th><td>21 Feb 2024 10:12</td></tr></table>"""
    assert extract_page(page(metas, body), URL).published is None
    body = """<h1>Ceasefire Monitoring</h1>
      <p>Received: 11 June 2023; Accepted: 2 December 2023; Published: 3 March 2024</p>"""
    assert extract_page(page("", body), URL).published == date(2024, 3, 3)
    body = """<h1>Ceasefire Monitoring</h1><p>Submitted by admin on 4 March 2024</p>"""
    assert extract_page(page("", body), URL).published == date(2024, 3, 4)


def test_eprints_item_type() -> None:
    """An EPrints "Item Type: Monograph (Working Paper)" is a working paper (the kind in
    parentheses is the narrower), as is its "eprints.monograph_type" meta tag."""
    body = """<h1>Climate finance in small island states</h1><table>
      <tr><th align="right">Item Type:</th><td>Monograph (Working Paper)</td></tr></table>"""
    assert extract_page(page("", body), URL).type == "Working Paper"
    metas = """<meta name="eprints.type" content="monograph">
      <meta name="eprints.monograph_type" content="working_paper">"""
    body = "<h1>Climate finance in small island states</h1>"
    assert extract_page(page(metas, body), URL).type == "Working Paper"


def test_topic_facets_are_read_together() -> None:
    """A report's facets ("Region / Country", "Topic"; "Themes", "Regions" in blocks of their
    own) are all its topics, up to a heading of something else."""
    body = """<h1>They Burned Everything</h1><p>Text.</p><div class="tag-list">
      <h3>Region / Country</h3><ul><li><a href="/africa/sudan">Sudan</a></li></ul>
      <h3>Topic</h3><ul><li><a href="/topic/crisis">Crisis and Conflict</a></li>
      <li><a href="/topic/justice">International Justice</a></li></ul>
      <h3>Share this</h3><ul><li><a href="/share">Facebook Page</a></li></ul></div>"""
    assert extract_page(page("", body), URL).topics == ("Sudan", "Crisis and Conflict",
                                                        "International Justice")
    body = """<h1>Human Development Report</h1><p>Text.</p><div class="facets">
      <div class="facet"><h4>Themes</h4><ul><li><a href="/p?theme=hd">Human development</a>
      </li></ul></div>
      <div class="facet"><h4>Regions</h4><ul><li><a href="/p?region=g">Global</a></li></ul>
      </div></div>"""
    assert extract_page(page("", body), URL).topics == ("Human development", "Global")
