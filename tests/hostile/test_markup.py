"""Markup meant to reach a reader: scripts, `javascript:` links and event attributes.

A harvested page (and its listing card) carries attacks in every field a feed shows;
after the real harvest and publish, no written feed, index page or OPML file holds
anything that runs. The files are parsed the way a reader would see them: XML first,
then the HTML each feed entry carries.
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree, html

from .bed import Case, Site, article, check_page_run, harvest
from .server import ok

ATTACK = ('<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>'
          '<script>alert(2)</script><img src="x.png" onerror="alert(3)">'
          '<a href="https://ok.example/" onmouseover="alert(4)">safe link</a>'
          '<iframe src="javascript:alert(5)"></iframe><svg onload="alert(6)"></svg>'
          '<a href="  JaVaScRiPt:alert(7)">spaced</a><a href="data:text/html,x">data</a></p>')


def attack_page() -> bytes:
    """Return a publication page with attacks in title, authors, summary, image and links."""
    data = {"@context": "https://schema.org", "@type": "Report",
            "headline": "Scripted <script>alert('h')</script> Peace",
            "description": ATTACK, "datePublished": "2024-05-14",
            "author": [{"@type": "Person", "name": "Mallory <img src=x onerror=alert(8)>"}],
            "image": {"@type": "ImageObject", "url": "javascript:alert(9)",
                      "caption": "<b onmouseover=alert(10)>caption</b>"},
            "keywords": ["<script>alert(11)</script>Peace Processes", "javascript:alert(12)"],
            "url": "javascript:alert(13)"}
    head = ('<script type="application/ld+json">' + json.dumps(data) + "</script>"
            '<meta property="og:image" content="javascript:alert(14)">'
            '<link rel="canonical" href="javascript:alert(15)">')
    body = ('<p><a href="javascript:alert(16)" onclick="alert(17)">Download the report</a>'
            "</p><script>document.write('<h1>Injected</h1>')</script>"
            '<div onmouseover="alert(18)">Hover text.</div>')
    return article("Scripted Peace", head=head, body=body, summary=ATTACK,
                   authors=("Mallory <img src=x onerror=alert(19)>",)).encode("utf-8")


def fragments(out: Path) -> list[str]:
    """Return every HTML fragment the feeds carry (RSS description, Atom, JSON Feed)."""
    found: list[str] = []
    for path in (out / "feeds").rglob("*.xml"):
        found += etree.parse(str(path)).xpath(
            "//item/description/text() | //*[local-name()='summary' or local-name()='content']"
            "/text()")
    for path in (out / "feeds").rglob("feed.json"):
        items = json.loads(path.read_text("utf-8"))["items"]
        found += [item["content_html"] for item in items if "content_html" in item]
    return found


def live_parts(tree: html.HtmlElement) -> list[str]:
    """Return what would run or load script in a parsed HTML tree."""
    bad = [el.tag for el in tree.xpath("//script | //iframe | //object | //embed | //svg")]
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                bad.append(f"{element.tag}@{name}")
            if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                bad.append(f"{element.tag}@{name}={value[:30]}")
    return bad


def test_nothing_that_runs_reaches_a_feed_or_the_index(site: Site, tmp_path: Path,
                                                       case: Case) -> None:
    case.describe("scripts, javascript: links, event attributes",
                  "a page (and its listing card) with <script>, javascript:/data: URLs and "
                  "on* attributes in title, authors, summary, image, topics and canonical URL")
    url = site.add("attack", ok(attack_page()))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    assert url in run.records(), "the page itself is a publication and is stored"
    out = run.out_dir
    written = [p for p in out.rglob("*") if p.suffix in (".xml", ".json", ".html", ".opml")
               and "records" not in p.parts and p.name != "records.jsonl"]
    assert any(p.name == "index.html" for p in written) and len(written) > 6
    for path in written:
        text = path.read_text("utf-8").lower()
        assert "<script" not in text and "javascript:" not in text, path
    pieces = fragments(out)
    assert pieces, "the feeds carry the summaries"
    live = [bad for piece in pieces
            for bad in live_parts(html.fragment_fromstring(piece, create_parent="div"))]
    live += live_parts(html.fromstring((out / "index.html").read_bytes()))
    assert live == []
    assert any("Read this" in piece for piece in pieces), "the summary's text is kept"
    case.did = f"stored (summary as plain text); {len(written)} feed, index and OPML files " \
               "written, none with a script, a javascript:/data: URL or an on* attribute"
