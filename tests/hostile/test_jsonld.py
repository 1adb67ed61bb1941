"""Hostile JSON-LD: malformed, enormous, deeply nested, and `@graph` cycles through `@id`.

The page around the script is a good publication page (citation_* meta and visible
text), so each case shows whether a bad script costs more than the script itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from .bed import Case, Site, article, check_page_run, harvest
from .server import ok

MB = 1_000_000


def with_jsonld(title: str, *scripts: str) -> bytes:
    """Return a publication page carrying the given JSON-LD script texts."""
    head = "".join(f'<script type="application/ld+json">{text}</script>' for text in scripts)
    return article(title, head=head).encode("utf-8")


def stored_record(run_records: dict, site: Site, slug: str) -> dict:
    """Return the stored record of a page (failing when it was not stored)."""
    record = run_records.get(site.url(slug))
    assert record is not None, f"{slug} was not stored"
    return record


def test_malformed_jsonld_falls_back_without_harm(site: Site, tmp_path: Path,
                                                  case: Case) -> None:
    case.describe("malformed JSON-LD", "five scripts: truncated, unquoted keys, trailing "
                                       "commas, a stray HTML comment, two objects glued together")
    scripts = (
        '{"@context": "https://schema.org", "@type": "Report", "headline": "Cut Off',
        "{@type: Report, headline: 'Single quotes'}",
        '{"@type": "Report", "headline": "Trailing Commas Survive", "author": '
        '[{"@type": "Person", "name": "Priya Raman"},],}',
        '<!-- {"@type": "Report" --> }}}',
        '{"@type": "WebSite", "name": "Hostile Institute"}{"@type": "Organization"',
    )
    site.add("malformed", ok(with_jsonld("Mediation Under Fire", *scripts)))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    record = stored_record(run.records(), site, "malformed")
    assert record["title"] in ("Trailing Commas Survive", "Mediation Under Fire")
    assert record["published"] == "2024-05-14"
    case.did = f"stored: title {record['title']!r} from {record['provenance']['title']}, " \
               f"authors {[a['name'] for a in record['authors']]}"


def test_enormous_jsonld_is_read_in_bounded_time(site: Site, tmp_path: Path,
                                                 case: Case) -> None:
    data = {"@context": "https://schema.org", "@type": "Report",
            "headline": "An Enormous Script", "datePublished": "2024-05-14",
            "author": [{"@type": "Person", "name": f"Author Number{i}"} for i in range(60_000)],
            "keywords": [f"keyword {i}" for i in range(60_000)],
            "description": "x" * 1_000_000}
    text = json.dumps(data)
    case.describe("enormous JSON-LD", f"one {len(text) / MB:.1f} MB script: 60,000 authors, "
                                      "60,000 keywords, a 1 MB description")
    site.add("enormous", ok(with_jsonld("An Enormous Script", text)))
    run = harvest(site, tmp_path, child=True, settings={"max_bytes": 10 * MB})
    check_page_run(case, run, site)
    record = stored_record(run.records(), site, "enormous")
    assert record["title"] == "An Enormous Script"
    assert len(record["authors"]) <= 100 and len(record["topics"]) <= 100
    assert len(record["summary"] or "") <= 10_000
    assert run.seconds < 30
    case.did = f"stored with {len(record['authors'])} authors, {len(record['topics'])} " \
               f"topics, a {len(record['summary'] or '')}-character summary"


def test_deeply_nested_jsonld_is_ignored(site: Site, tmp_path: Path, case: Case) -> None:
    depth = 100_000
    case.describe("deeply nested JSON-LD", f"scripts nested {depth:,} levels deep (arrays, "
                                           "objects, and one never closed)")
    scripts = ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth,
               '{"@type": "Report", "headline": "Deep", "author": ' + "[" * depth)
    site.add("deep", ok(with_jsonld("The Bottom of the Stack", *scripts)))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    record = stored_record(run.records(), site, "deep")
    assert record["title"] == "The Bottom of the Stack"
    case.did = f"scripts ignored, page stored from {record['provenance']['title']}"


def test_graph_cycles_through_ids_terminate(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("@graph cycles via @id", "a @graph whose nodes point at each other and at "
                                           "themselves: author, name, mainEntity, isPartOf, "
                                           "publisher, image; plus a 5,000-node @id chain")
    chain = [{"@id": f"#n{i}", "@type": "Thing", "name": {"@id": f"#n{i + 1}"}}
             for i in range(5000)]
    chain.append({"@id": "#n5000", "@type": "Thing", "name": {"@id": "#n0"}})
    graph = [
        {"@id": "#page", "@type": "WebPage", "mainEntity": {"@id": "#report"},
         "isPartOf": {"@id": "#page"}},
        {"@id": "#report", "@type": "Report", "headline": "Cycles of Violence",
         "datePublished": "2024-05-14", "author": [{"@id": "#amina"}, {"@id": "#self"},
                                                   {"@id": "#n0"}],
         "isPartOf": {"@id": "#page"}, "mainEntityOfPage": {"@id": "#report"},
         "publisher": {"@id": "#org"}, "image": {"@id": "#report"},
         "keywords": [{"@id": "#report"}, "Peace Processes"], "about": {"@id": "#org"}},
        {"@id": "#amina", "@type": "Person", "name": "Amina Okafor",
         "worksFor": {"@id": "#org"}, "knows": {"@id": "#amina"}},
        {"@id": "#self", "@type": "Person", "name": {"@id": "#self"}},
        {"@id": "#org", "@type": "Organization", "name": {"@id": "#org"},
         "member": {"@id": "#amina"}, "@graph": [{"@id": "#org"}]},
        *chain,
    ]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph})
    site.add("cycles", ok(with_jsonld("Cycles of Violence", text)))
    run = harvest(site, tmp_path)
    check_page_run(case, run, site)
    record = stored_record(run.records(), site, "cycles")
    assert record["title"] == "Cycles of Violence"
    assert "Amina Okafor" in [a["name"] for a in record["authors"]]
    assert run.seconds < 30
    case.did = f"stored in {run.seconds:.1f} s: authors " \
               f"{[a['name'] for a in record['authors']]}, topics {record['topics']}"
