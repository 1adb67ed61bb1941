"""bench/sites.py end to end on three synthetic pages: every page gets a fate, the tables
render. The benchmark's numbers are not asserted; this checks its harness."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
# sites.py puts bench/ last on sys.path itself (bench/feeds.py never shadows the feeds package)
# and imports bench/accuracy.py and bench/site_shapes.py from there. Loaded under its own
# name: tests/sites/ is a folder of sites.
_spec = importlib.util.spec_from_file_location("bench_sites", BENCH / "sites.py")
assert _spec is not None and _spec.loader is not None
sites = importlib.util.module_from_spec(_spec)
sys.modules["bench_sites"] = sites  # dataclasses look their module up by name
_spec.loader.exec_module(sites)

TEXT = "<p>Monitors along the ceasefire line reported a quiet winter and fewer incidents.</p>"


def write_case(folder: Path, name: str, title: str, day: str) -> None:
    """Write one synthetic dated article and its truth into the corpus folder."""
    page = (f'<html lang="en"><head><title>{title} | Institute</title>'
            f'<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{day}"></head><body><main>'
            f"<h1>{title}</h1><p>By Jane Doe</p>{TEXT * 12}</main></body></html>")
    (folder / f"{name}.html").write_text(page, encoding="utf-8")
    truth = {"id": name, "url": f"https://www.example.org/research/2024/{name}",
             "title": title, "authors": ["Jane Doe"], "date": day, "tags": None}
    (folder / f"{name}.json").write_text(json.dumps(truth), encoding="utf-8")


def test_every_page_of_every_site_has_a_fate(tmp_path: Path) -> None:
    """Three one-page sites (cards, list, home): each page is stored or lost with a reason,
    and the tables name every shape."""
    for n, title in enumerate(("Ceasefire Lines Hold Through Winter",
                               "Monitors Return to the Northern Line",
                               "Talks Resume in Geneva After a Pause")):
        write_case(tmp_path, f"case-{n}", title, f"2024-03-0{n + 1}")
    results = sites.run(sites.load(tmp_path), 3)
    assert [r.shape for r in results] == list(sites.SHAPES)[:3]
    for result in results:
        assert result.linked == 1
        assert result.stored + sum(result.lost.values()) == 1
    total = sites.Result("total", "")
    for result in results:
        total.add(result)
    text = sites.tables(results, total)
    assert all(f"| {r.shape} |" in text for r in [*results, total])
