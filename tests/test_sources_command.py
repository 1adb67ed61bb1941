"""`pubharvest sources`: the table of configured sources, their runs and their health."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from harvester import cli, report, service
from harvester.store import FILENAME, FetchState, RunInfo, Store
from harvester.record import Record

CONFIG = """[settings]
data_dir = "data"
out_dir = "out"
schedule = "6h"

[[sources]]
name = "alpha"
start_urls = ["https://alpha.example/publications"]

[[sources]]
name = "beta"
start_urls = ["https://beta.example/research"]
schedule = "0 7 * * 1-5"

[[sources]]
name = "gamma"
start_urls = ["https://gamma.example/"]
enabled = false
"""


def table(config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    """Run `pubharvest --config CONFIG sources` in process; return its rows by source."""
    capsys.readouterr()
    args = cli.build_parser().parse_args(["--config", str(config), "sources"])
    assert service.sources(args) == 0
    header, rule, *lines = capsys.readouterr().out.splitlines()
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    cut = list(zip(starts, [*starts[1:], None], strict=True))
    names = [header[a:b].strip() for a, b in cut]
    rows = [dict(zip(names, (line[a:b].strip() for a, b in cut), strict=True)) for line in lines]
    return {row["source"].split()[0]: row for row in rows}


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    """Write a configuration with three sources (one disabled)."""
    path = tmp_path / "sources.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


@pytest.fixture()
def store(config: Path) -> Iterator[Store]:
    """Open the configuration's store."""
    with Store.open(config.parent / "data") as opened:
        yield opened


def add_run(store: Store, source: str, counts: dict[str, int], *, error: str | None = None,
            finished: bool = True) -> None:
    """Record one run of a source with its counts."""
    run_id = store.start_run(source)
    if finished:
        store.finish_run(run_id, counts, error=error)


def run(stored: int, fields: float, error: str | None = None) -> RunInfo:
    """Return a finished run that stored records with so many fields each on average."""
    counts = {"new": stored, "fields_x100": round(fields * 100)} if stored else {"unchanged": 9}
    now = datetime.now(UTC)
    return RunInfo(0, "s", now, now, counts, error, error is None)


def test_before_any_harvest_every_source_is_listed_and_nothing_is_created(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = table(config, capsys)
    assert list(rows) == ["alpha", "beta", "gamma"]
    assert rows["alpha"]["schedule"] == "6h" and rows["beta"]["schedule"] == "0 7 * * 1-5"
    assert rows["gamma"]["source"] == "gamma (disabled)"
    assert {r["last run"] for r in rows.values()} == {"never"}
    assert {r["next run"] for r in rows.values()} == {"-"}
    assert not (config.parent / "data" / FILENAME).exists()


def test_rows_show_last_run_next_run_records_failures_and_health(
        config: Path, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(4):
        store.upsert(Record(url=f"https://alpha.example/publications/{i}", source="alpha",
                            title=f"Report {i}"))
    for url, kind in (("publications/9", "page"), ("publications?page=4", "listing"),
                      ("sitemap.xml", "sitemap")):  # a probe: many sites have none
        store.save_fetch_state(FetchState(url=f"https://alpha.example/{url}", source="alpha",
                                          status=500, error="HTTP 500", kind=kind,
                                          fetched_at=datetime.now(UTC)))
    add_run(store, "alpha", {"new": 4, "unchanged": 1, "failed": 1, "fields_x100": 600})
    nxt = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    store.set_next_run("alpha", nxt)
    add_run(store, "beta", {}, error="nothing could be harvested: HTTP 503")
    add_run(store, "gamma", {}, finished=False)

    rows = table(config, capsys)
    alpha = rows["alpha"]
    assert alpha["last run"] == store.runs("alpha")[0].started.strftime("%Y-%m-%d %H:%M UTC")
    assert re.fullmatch(r"ok in \d+ s \(new 4, unchanged 1, failed 1\)", alpha["outcome"])
    assert alpha["next run"] == "2030-01-02 03:04 UTC"
    assert (alpha["records"], alpha["failing"], alpha["health"]) == ("4", "2", "ok")
    assert rows["beta"]["outcome"] == "error: nothing could be harvested: HTTP 503"
    assert rows["beta"]["health"] == "FAILING" and rows["beta"]["records"] == "0"
    assert rows["gamma"]["outcome"] == "running or interrupted"


def test_health_flag_in_the_table_when_fields_drop(
        config: Path, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    add_run(store, "alpha", {"new": 20, "fields_x100": 650})
    add_run(store, "alpha", {"changed": 12, "fields_x100": 210})
    assert rows_health(config, capsys) == "CHECK: 2.1 fields/record, was 6.5 (markup changed?)"


def rows_health(config: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Return alpha's health cell."""
    return table(config, capsys)["alpha"]["health"]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ([], "ok"),
        ([run(0, 0, error="HTTP 500")], "FAILING"),
        ([run(5, 6.4), run(30, 6.5)], "ok"),
        ([run(5, 5.0), run(30, 6.5)], "ok"),                   # a small drop
        ([run(5, 3.0), run(30, 6.5)], "CHECK: 3.0 fields/record, was 6.5 (markup changed?)"),
        ([run(0, 0), run(0, 0), run(5, 3.0), run(30, 6.5)],   # quiet runs keep the flag
         "CHECK: 3.0 fields/record, was 6.5 (markup changed?)"),
        ([run(1, 3.0), run(30, 6.5)], "ok"),                   # one sparse page: too few
        ([run(1, 2.0), run(1, 2.0), run(1, 2.0), run(30, 6.5)],
         "CHECK: 2.0 fields/record, was 6.5 (markup changed?)"),
        ([run(5, 3.0), run(2, 6.5)], "ok"),                    # no baseline yet
        ([run(5, 3.0), run(2, 6.5), run(2, 6.5)],
         "CHECK: 3.0 fields/record, was 6.5 (markup changed?)"),
    ],
)
def test_health(runs: list[RunInfo], expected: str) -> None:
    assert report.health(runs) == expected

