"""The `pubharvest` command in-process (`harvester.cli.main`): export, extract, options, errors.

A generated site on a local server is harvested once per module; the commands then read
its store. Expected values come from the site generator, never from a previous run.
"""

from __future__ import annotations

import csv
import io
import json
import socket
from datetime import date
from pathlib import Path

import pytest

from harvest_site import (Site, SiteServer, publication, publication_page, run_cli, serve,
                          table_row, write_config)
from harvester.store import Store
from harvester.vocab import slugify


@pytest.fixture(scope="module")
def served() -> SiteServer:
    """Serve a clean site of 20 publications (16 on the listing, 4 in the sitemap only)."""
    with serve(Site(size=20, per_page=8, listed_pages=2)) as server:
        yield server


@pytest.fixture(scope="module")
def harvested(served: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Harvest the site once, with the folders given after the subcommand; return the config."""
    folder = tmp_path_factory.mktemp("cli")
    config = write_config(folder, served.site)
    code, _, err = run_cli("harvest", "--config", str(config), "--data-dir",
                           str(folder / "store"), "--out", str(folder / "public"))
    assert code == 0, err
    return config


def export(config: Path, *args: str) -> tuple[int, str, str]:
    """Run `pubharvest --config CONFIG --data-dir <store> export ARGS`."""
    return run_cli("--config", str(config), "--data-dir", str(config.parent / "store"),
                   "export", *args)


def test_folders_given_after_the_subcommand_are_used(harvested: Path) -> None:
    folder = harvested.parent
    assert (folder / "store" / "pubharvest.sqlite3").is_file()
    assert (folder / "public" / "records.jsonl").is_file()
    assert not (folder / "data").exists() and not (folder / "out").exists()


def test_export_jsonl_streams_every_record_newest_first(harvested: Path,
                                                        served: SiteServer) -> None:
    code, out, err = export(harvested)
    assert code == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["url"] for r in records) == sorted(
        served.site.url(p.path) for p in served.site.expected())
    days = [r["published"][:10] for r in records]
    assert days == sorted(days, reverse=True)


def test_export_json_filtered_by_topic(harvested: Path, served: SiteServer) -> None:
    code, out, _ = export(harvested, "--format", "json", "--topic", "peace-processes")
    assert code == 0
    records = json.loads(out)
    wanted = {p.title for p in served.site.expected() if "Peace Processes" in p.topics}
    assert wanted and {r["title"] for r in records} == wanted


def test_export_csv_filtered_by_type_and_day(harvested: Path, served: SiteServer) -> None:
    since = date(2025, 6, 1)
    code, out, _ = export(harvested, "--format", "csv", "--type", slugify("Special Report"),
                          "--since", since.isoformat(), "--source", "institute")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    wanted = {p.title for p in served.site.expected()
              if p.type == "Special Report" and p.published >= since}
    assert wanted and {row["title"] for row in rows} == wanted
    row = rows[0]
    truth = next(p for p in served.site.expected() if p.title == row["title"])
    assert row["authors"] == "; ".join(truth.authors)
    assert row["topics"].split("; ")[: len(truth.topics)] == list(truth.topics)
    assert row["source"] == "institute" and row["url"].startswith("http://127.0.0.1:")


def test_export_rejects_a_bad_day_and_a_missing_store(harvested: Path, tmp_path: Path) -> None:
    code, out, err = export(harvested, "--since", "last week")
    assert code == 2 and out == ""
    assert "expected a day as YYYY-MM-DD, got 'last week'" in err
    code, out, err = run_cli("--config", str(harvested), "--data-dir", str(tmp_path / "none"),
                             "export")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "run a harvest first" in err


def test_extract_a_file_a_url_and_a_missing_file(harvested: Path, served: SiteServer,
                                                 tmp_path: Path) -> None:
    site = served.site
    page = tmp_path / "page.html"
    page.write_text(publication_page(site, publication(1)), encoding="utf-8")
    url = site.url(publication(2).path)
    code, out, err = run_cli("--config", str(harvested), "extract", str(page),
                             str(tmp_path / "missing.html"), url)
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["title"] == publication(1).title and first["url"].startswith("file://")
    assert second["title"] == publication(2).title and second["url"] == url
    assert err.splitlines() == [f"pubharvest: {tmp_path / 'missing.html'}: "
                                "No such file or directory"]


def test_extract_a_file_with_its_url(harvested: Path, served: SiteServer,
                                     tmp_path: Path) -> None:
    p = publication(3)
    page = tmp_path / "saved.html"
    page.write_text(publication_page(served.site, p), encoding="utf-8")
    code, out, err = run_cli("extract", "--url", served.site.url(p.path), str(page))
    assert code == 0, err
    record = json.loads(out)
    assert record["url"] == served.site.url(p.path)
    assert [a["name"] for a in record["authors"]] == list(p.authors)


def test_extract_refuses_a_binary_file_saved_as_html(tmp_path: Path) -> None:
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, out, err = run_cli("extract", str(image))
    assert code == 1 and out == ""
    assert err == f"pubharvest: {image}: not HTML: the file looks like a PNG image\n"


def test_extract_an_unreachable_url_is_one_line(harvested: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/publications/x"
    code, out, err = run_cli("--config", str(harvested), "extract", url)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"pubharvest: {url}: ")


@pytest.mark.parametrize(("text", "says"), [
    (None, "configuration file not found"),
    ("[settings\n", "not valid TOML"),
    ("[settings]\ndelay = 'fast'\n", "settings.delay: expected a number, got 'fast'"),
    ("[settings]\nspeed = 3\n", "unknown key settings.speed (expected one of:"),
    ("[[sources]]\nname = 'x'\n", "sources.x.start_urls: expected at least one http(s) URL"),
    ("[[sources]]\nname = 'x'\nstart_urls = ['ftp://a']\n", "'ftp://a' is not an http(s) URL"),
])
def test_bad_config_is_one_clear_line_and_exit_2(tmp_path: Path, text: str | None,
                                                 says: str) -> None:
    config = tmp_path / "sources.toml"
    if text is not None:
        config.write_text(text, encoding="utf-8")
    code, out, err = run_cli("--config", str(config), "harvest")
    assert code == 2 and out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"pubharvest: error: {config}: ") and says in err


def test_unknown_source_name_lists_the_configured_ones(harvested: Path) -> None:
    code, _, err = run_cli("--config", str(harvested), "harvest", "--source", "nope")
    assert code == 2
    assert "no source named 'nope' (configured: institute)" in err


def closed_port() -> int:
    """Return a loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_source_fails_the_run_but_not_the_others(served: SiteServer,
                                                             tmp_path: Path) -> None:
    config = write_config(tmp_path, served.site, extra="")
    dead = f"http://127.0.0.1:{closed_port()}/publications"
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f'\n[[sources]]\nname = "dead"\nstart_urls = ["{dead}"]\n')
    code, out, err = run_cli("--config", str(config), "harvest")
    assert code == 1, err
    assert "dead: could not be harvested: nothing could be harvested: robots.txt unreachable" \
        in out
    assert table_row(out)[1] == str(len(served.site.expected()))
    assert table_row(out, "dead")[1:7] == ["0", "0", "0", "0", "0", "1"]
    assert "Traceback" not in err


def test_plain_log_lines_when_not_a_terminal(served: SiteServer, tmp_path: Path) -> None:
    config = write_config(tmp_path, served.site)
    code, _, err = run_cli("--config", str(config), "harvest", "--no-feeds")
    assert code == 0
    assert "institute: 1 pages so far (new 1); last http://127.0.0.1:" in err
    assert "institute: harvest finished in" in err
    assert "\r" not in err and "page/s" not in err
    assert not (tmp_path / "out").exists(), "--no-feeds writes no output"


def test_output_left_behind_by_no_feeds_is_caught_up(served: SiteServer,
                                                     tmp_path: Path) -> None:
    config = write_config(tmp_path, served.site)
    assert run_cli("--config", str(config), "harvest", "--limit", "4")[0] == 0
    assert run_cli("--config", str(config), "harvest", "--no-feeds")[0] == 0
    code, out, _ = run_cli("--config", str(config), "harvest")  # fetches nothing new
    assert code == 0 and "nothing changed" not in out
    with Store.open(tmp_path / "data", create=False) as store:
        ids = {record.id for record in store.records()}
    files = {p.stem for p in (tmp_path / "out" / "records").glob("*.json")}
    assert len(ids) == len(served.site.expected()) and files == ids


def test_limit_stops_early_and_the_next_run_completes(served: SiteServer,
                                                      tmp_path: Path) -> None:
    config = write_config(tmp_path, served.site)
    code, out, _ = run_cli("--config", str(config), "harvest", "--limit", "3")
    assert code == 0 and table_row(out)[1] == "3"
    with Store.open(tmp_path / "data", create=False) as store:
        assert not store.last_run("institute").complete
    code, out, _ = run_cli("--config", str(config), "harvest")
    with Store.open(tmp_path / "data", create=False) as store:
        assert store.last_run("institute").complete
        assert store.count("institute") == len(served.site.expected())


def test_a_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from harvester import commands

    def broken(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "rebuild_feeds", broken)
    code, out, err = run_cli("feeds")
    assert code == 3
    assert err == ("pubharvest: internal error: RuntimeError: boom "
                   "(run with -v to see where; please report it)\n")
