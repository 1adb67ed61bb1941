"""Record export: one JSON file per record, one JSON Lines file, and the JSON Schema."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from harvester.record import Record

from .write import Writer, atomic_file, remove_file

RECORDS_DIR = "records"
JSONL = "records.jsonl"
SCHEMA = "record.schema.json"
_RECORD_FILE = re.compile(r"^[0-9a-f]{16}\.json$")
# A lone surrogate cannot be encoded as UTF-8; it becomes U+FFFD rather than a crash.
_SURROGATE = re.compile("[\ud800-\udfff]")


def write_records(records: Iterable[Record], out_dir: Path, *,
                  only_ids: set[str] | None = None) -> list[Path]:
    """Write the record files, the JSON Lines export and the schema under out_dir.

    Records are read once, in the order given (that is the order of `records.jsonl`).

    Args:
        records: every record to export.
        out_dir: the output folder.
        only_ids: rewrite just these `records/<id>.json` files (the JSON Lines file is
            always complete), and remove the files of those no longer given (a record that
            moved to another URL has another id); None writes every record file and removes
            files of records that are no longer given.

    Returns:
        The files that were written (files already up to date are not rewritten).

    Raises:
        OutputError: a file cannot be written (the previous files stay intact).
    """
    seen: set[str] = set()
    with Writer(out_dir) as writer, atomic_file(out_dir, JSONL) as jsonl:
        for record in records:
            seen.add(record.id)
            jsonl.file.write(_encode(record.to_json()) + b"\n")
            if only_ids is None or record.id in only_ids:
                writer.submit(record_path(record.id), _pretty(record))
        writer.submit(SCHEMA, resources.files("harvester").joinpath(SCHEMA).read_bytes())
    written = writer.written + ([out_dir / JSONL] if jsonl.written else [])
    if only_ids is None:
        _remove_stale(out_dir, seen)
    else:
        for gone in sorted(only_ids - seen):
            if _RECORD_FILE.match(f"{gone}.json"):
                remove_file(out_dir, record_path(gone))
    return written


def record_path(record_id: str) -> str:
    """Return the output path of a record's JSON file."""
    return f"{RECORDS_DIR}/{record_id}.json"


def _pretty(record: Record) -> bytes:
    """Return a record's JSON file: indented for people, UTF-8."""
    return _encode(json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n")


def _encode(text: str) -> bytes:
    """Encode JSON text as UTF-8, replacing lone surrogates."""
    return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def _remove_stale(out_dir: Path, keep: set[str]) -> None:
    """Remove record files whose record is gone (only files named like record files)."""
    folder = out_dir / RECORDS_DIR
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if _RECORD_FILE.match(path.name) and path.stem not in keep:
            remove_file(out_dir, path.relative_to(out_dir))
