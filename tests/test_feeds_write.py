"""Writing output: deterministic, atomic, only what changed, never outside the folder."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

import feeds
from feeds import write
from harvester.config import Settings
from harvester.errors import HarvestError
from harvester.groups import MemoryRecords
from harvester.record import Author, Record, schema

UTC = timezone.utc


def records(n: int = 8) -> list[Record]:
    """Return n records over two sources and three topics."""
    return [
        Record(url=f"https://x.org/p/{i}", source=("usip", "brookings")[i % 2], title=f"Title {i}",
               authors=(Author(f"Author {i}"),), published=date(2024, 1, 1) + timedelta(days=i),
               type="Report", topics=(("Alpha", "Beta", "Gamma")[i % 3],), summary=f"Text {i}",
               language="en", first_seen=datetime(2026, 1, 1, tzinfo=UTC))
        for i in range(n)
    ]


def settings(out: Path) -> Settings:
    """Return settings writing to out, three entries per feed."""
    return Settings(data_dir=out.parent / "data", out_dir=out, feed_size=3)


def snapshot(out: Path) -> dict[Path, tuple[bytes, int]]:
    """Return every file under out with its bytes and mtime."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}


def leftovers(out: Path) -> list[Path]:
    """Return temp files a writer left behind."""
    return [p for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


def test_rebuild_without_new_data_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    first = feeds.build(MemoryRecords(data), settings(out))
    feeds.write_records(data, out)
    before = snapshot(out)
    exported = {"records", "records.jsonl", "record.schema.json"}
    assert len(first.written) == len([p for p in before
                                      if p.relative_to(out).parts[0] not in exported])
    again = feeds.build(MemoryRecords(list(reversed(data))), settings(out))
    assert again.written == [] and again.removed == []
    assert again.unchanged == len(first.written)
    assert feeds.write_records(data, out) == []
    assert snapshot(out) == before


def test_a_new_record_rewrites_only_its_feeds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.build(MemoryRecords(data), settings(out))
    new = Record(url="https://x.org/new", source="usip", title="New", published=date(2025, 1, 1),
                 type="Report", topics=("Alpha",), first_seen=datetime(2026, 2, 1, tzinfo=UTC))
    report = feeds.build(MemoryRecords([*data, new]), settings(out))
    folders = {p.parent.relative_to(out).as_posix() for p in report.written}
    assert folders == {"feeds/all", "feeds/topics/alpha", "feeds/types/report",
                       "feeds/sources/usip", "."}
    assert {p.name for p in report.written if p.parent == out} == {"index.html", "feeds.opml"}


def test_only_rebuilds_the_groups_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.build(MemoryRecords(data), settings(out))
    before = snapshot(out)
    data[-1] = data[-1].with_changes(title="Renamed")
    report = feeds.build(MemoryRecords(data), settings(out), only={("topics", "beta")})
    rebuilt = [p for p in report.written if "feeds" in p.relative_to(out).parts]
    assert sorted(p.relative_to(out).as_posix() for p in rebuilt) == [
        "feeds/topics/beta/atom.xml", "feeds/topics/beta/feed.json", "feeds/topics/beta/rss.xml"]
    # The index lists the newest publications, so it follows the renamed title too.
    assert {p.name for p in report.written if p not in rebuilt} == {"index.html"}
    assert b"Renamed" in (out / "feeds/topics/beta/rss.xml").read_bytes()
    assert snapshot(out)[out / "feeds/all/rss.xml"] == before[out / "feeds/all/rss.xml"]


def test_feeds_of_vanished_groups_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.build(MemoryRecords(data), settings(out))
    (out / "feeds/topics/gamma/notes.txt").write_text("not ours")
    (out / "keep.txt").write_text("not ours either")
    remaining = [r for r in data if "Gamma" not in r.topics]
    report = feeds.build(MemoryRecords(remaining), settings(out))
    assert sorted(p.name for p in report.removed) == ["atom.xml", "feed.json", "rss.xml"]
    assert all(p.parent == out / "feeds/topics/gamma" for p in report.removed)
    assert [p.name for p in (out / "feeds/topics/gamma").iterdir()] == ["notes.txt"]
    assert (out / "keep.txt").exists() and (out / "feeds/topics/alpha/rss.xml").exists()
    assert b"gamma" not in (out / "index.html").read_bytes()


def test_a_failed_write_keeps_the_old_files(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.build(MemoryRecords(data), settings(out))
    before = snapshot(out)
    replaced: list[str] = []
    real_replace = os.replace

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        """Let two renames through, then fail like a full disk."""
        if len(replaced) == 2:
            raise OSError(28, "No space left on device")
        replaced.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", failing_replace)
    changed = [r.with_changes(title=r.title + " (revised)") for r in data]
    with pytest.raises(HarvestError, match="No space left on device"):
        feeds.build(MemoryRecords(changed), settings(out))
    assert leftovers(out) == []
    after = snapshot(out)
    assert after.keys() == before.keys()
    for path, (content, _mtime) in after.items():
        if str(path) in replaced:
            assert b"(revised)" in content
        else:
            assert content == before[path][0], path


def test_a_failure_inside_the_block_leaves_no_temp_file(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_bytes(b"old")
    with pytest.raises(RuntimeError), write.atomic_file(tmp_path, "f.txt") as pending:
        pending.file.write(b"half")
        raise RuntimeError("crash mid-write")
    assert (tmp_path / "f.txt").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


@pytest.mark.parametrize("target", ["../escape.txt", "/etc/passwd", "a/../../escape.txt", "."])
def test_writes_never_leave_the_output_folder(tmp_path: Path, target: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(HarvestError, match="outside the output folder"):
        write.write_bytes(out, target, b"x")
    assert not (tmp_path / "escape.txt").exists()


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "feeds").symlink_to(elsewhere)
    with pytest.raises(HarvestError):
        write.write_bytes(out, "feeds/x.xml", b"x")
    assert list(elsewhere.iterdir()) == []


def test_an_unwritable_output_folder_is_one_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("a file where the folder should be")
    with pytest.raises(HarvestError) as error:
        feeds.build(MemoryRecords(records()), settings(out))
    assert "\n" not in str(error.value) and "cannot write" in str(error.value)


def test_record_files_follow_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    written = feeds.write_records(data, out)
    assert len(written) == len(data) + 2
    lines = (out / "records.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r.id for r in data]
    contract = json.loads((out / "record.schema.json").read_text("utf-8"))
    assert contract == schema()
    for record in data:
        stored = json.loads((out / "records" / f"{record.id}.json").read_text("utf-8"))
        jsonschema.validate(stored, contract)
        assert Record.from_dict(stored) == record


def test_only_ids_rewrites_just_those_records(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.write_records(data, out)
    before = snapshot(out)
    data = [r.with_changes(title=r.title + "!") for r in data]
    written = feeds.write_records(data, out, only_ids={data[0].id})
    assert sorted(written) == sorted([out / "records" / f"{data[0].id}.json",
                                      out / "records.jsonl"])
    untouched = out / "records" / f"{data[1].id}.json"
    assert snapshot(out)[untouched] == before[untouched]
    assert (out / "records.jsonl").read_text("utf-8").count("!\"") == len(data)


def test_full_export_drops_files_of_vanished_records(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.write_records(data, out)
    (out / "records" / "README.txt").write_text("not a record file")
    feeds.write_records(data[1:], out)
    names = {p.name for p in (out / "records").iterdir()}
    assert f"{data[0].id}.json" not in names and "README.txt" in names
    assert len(names) == len(data)


def test_hostile_record_text_is_exported_without_crashing(tmp_path: Path) -> None:
    record = Record(url="https://x.org/s", title="lone \ud800 surrogate \x00 and é")
    feeds.write_records([record], tmp_path / "out")
    line = (tmp_path / "out/records.jsonl").read_text("utf-8")
    assert json.loads(line)["title"] == "lone \ufffd surrogate \x00 and é"


def test_opml_keeps_its_creation_date_and_tracks_the_newest_entry(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = records()
    feeds.build(MemoryRecords(data), settings(out))
    first = etree.parse(str(out / "feeds.opml")).getroot()
    created = first.findtext("head/dateCreated")
    new = Record(url="https://x.org/new", title="New", published=date(2025, 3, 1),
                 first_seen=datetime(2026, 2, 1, tzinfo=UTC))
    feeds.build(MemoryRecords([*data, new]), settings(out))
    second = etree.parse(str(out / "feeds.opml")).getroot()
    assert second.findtext("head/dateCreated") == created
    modified = parsedate_to_datetime(second.findtext("head/dateModified"))
    assert modified == datetime(2025, 3, 1, 12, tzinfo=UTC)
    assert parsedate_to_datetime(created) < modified
