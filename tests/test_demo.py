"""`pubharvest demo` end to end, as a newcomer runs it: a subprocess from an empty folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import pytest

from harvester.demo import load_manifest
from harvester.record import schema
from harvester.vocab import slugify

SEED_TITLE = "Understanding Pakistan’s Deradicalization Programming"


def run_demo(folder: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m harvester demo` in folder and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "harvester", "demo"], cwd=folder, capture_output=True,
        text=True, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """Run the demo twice in a fresh folder; return the folder and both processes."""
    folder = tmp_path_factory.mktemp("newcomer")
    first = run_demo(folder)
    second = run_demo(folder)
    return folder, [first, second]


@pytest.fixture(scope="module")
def records(demo_runs: tuple[Path, list]) -> list[dict]:
    """Return the records the first demo run exported."""
    out = demo_runs[0] / "pubharvest-demo" / "out"
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_demo_succeeds_and_says_where_results_are(demo_runs: tuple[Path, list]) -> None:
    first = demo_runs[1][0]
    assert first.returncode == 0, first.stderr[-2000:]
    for thing in ("index.html", "feeds.opml", "rss.xml", "records.jsonl"):
        assert thing in first.stdout
    assert "Traceback" not in first.stderr


def test_second_run_fetches_nothing_new(demo_runs: tuple[Path, list]) -> None:
    second = demo_runs[1][1]
    assert second.returncode == 0, second.stderr[-2000:]
    assert "Nothing new" in second.stdout
    assert " 0 new, 0 changed" in second.stdout


def test_every_publication_is_a_complete_record(records: list[dict]) -> None:
    manifest = load_manifest()
    assert len(records) >= 30 and len(records) == len(manifest)
    institutional = {m["title"] for m in manifest if m["institutional"]}
    for record in records:
        jsonschema.validate(record, schema())
        assert record["title"] and record["published"] and record["type"], record["url"]
        assert record["topics"], record["url"]
        if record["title"] not in institutional:
            assert record["authors"], record["url"]


def test_records_match_the_sample_sites_manifest(records: list[dict]) -> None:
    by_title = {r["title"]: r for r in records}
    for entry in load_manifest():
        record = by_title.get(entry["title"])
        assert record is not None, entry["title"]
        assert record["published"][:10] == entry["published"], entry["title"]
        assert record["type"] == entry["type"], entry["title"]
        assert set(entry["topics"]) <= set(record["topics"]), entry["title"]


def test_the_seed_report(records: list[dict]) -> None:
    report = next(r for r in records if r["title"] == SEED_TITLE)
    assert [a["name"] for a in report["authors"]] == ["Arsla Jawaid"]
    assert report["published"].startswith("2020-01")
    assert report["type"] == "Special Report"


def test_feeds_for_every_topic_index_and_opml(demo_runs: tuple[Path, list],
                                              records: list[dict]) -> None:
    out = demo_runs[0] / "pubharvest-demo" / "out"
    topics = {t for r in records for t in r["topics"]}
    for topic in topics:
        folder = out / "feeds" / "topics" / slugify(topic)
        parsed = feedparser.parse((folder / "rss.xml").read_bytes())
        assert not parsed.bozo, (topic, parsed.get("bozo_exception"))
        assert parsed.entries
        assert (folder / "atom.xml").is_file() and (folder / "feed.json").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "peace-processes" in index
    opml = (out / "feeds.opml").read_text(encoding="utf-8")
    assert opml.count("xmlUrl=") >= len(topics)
