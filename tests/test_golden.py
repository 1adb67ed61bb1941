"""Golden pages: hand-written publication pages checked against hand-written records.

Each `tests/pages/<style>/<case>.html` has a `<case>.json` beside it holding the
URL to extract with, a description, and the fields a careful reader of the page
would record (see tests/pages/README.md for the rules behind the values).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import harvester
from harvester.record import schema

PAGES = Path(__file__).parent / "pages"
CASES = sorted(PAGES.glob("*/*.json"))
MIN_CASES = 30
MIN_STYLES = 6


def _text(value: Any) -> str:
    """Return a string NFC-normalized with whitespace collapsed (None -> "")."""
    return " ".join(unicodedata.normalize("NFC", str(value or "")).split())


def _same_text(expected: str | None, got: str | None) -> bool:
    """Compare two optional strings exactly, after whitespace collapse."""
    return (expected is None and got is None) or (
        expected is not None and got is not None and _text(expected) == _text(got)
    )


def _author_names(got: list[dict[str, Any]]) -> list[str]:
    """Return the author names of a record, cleaned for comparison, in order."""
    return [_text(author.get("name")) for author in got or ()]


def _same_authors(expected: list[str], got: list[dict[str, Any]]) -> bool:
    """Authors must match name for name and in page order."""
    return [_text(name) for name in expected] == _author_names(got)


def _same_date(expected: str | list[str] | None, got: str | None) -> bool:
    """A day must be that day; a datetime the same instant with the same UTC offset.

    Requiring the offset keeps the page's local day: "23:30-05:00" written as
    "04:30Z" the next day is the same instant but the wrong day for a reader.
    A list means the page gives the date in several equally valid forms.
    """
    if isinstance(expected, list):
        return any(_same_date(one, got) for one in expected)
    if expected is None or got is None:
        return expected is got
    if len(expected) == 10:
        return got == expected
    if len(got) == 10:
        return False
    want, have = _parse_datetime(expected), _parse_datetime(got)
    return want == have and want.utcoffset() == have.utcoffset()


def _parse_datetime(text: str) -> datetime:
    """Parse an ISO 8601 datetime (Python 3.11 reads a trailing Z as UTC)."""
    return datetime.fromisoformat(text)


def _same_topics(expected: list[str], got: list[str]) -> bool:
    """Topics are compared as sets of labels."""
    return {_text(t) for t in expected} == {_text(t) for t in got or ()}


def _summary_starts(expected: str, got: str | None) -> bool:
    """The summary must begin with the expected prefix (whitespace collapsed)."""
    return _text(got).startswith(_text(expected))


def _same_image(expected: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    """Images are compared by their absolute URL."""
    if expected is None or got is None:
        return expected is got
    return got.get("url") == expected["url"]


#: expected key -> (record key, comparison)
CHECKS: dict[str, tuple[str, Callable[[Any, Any], bool]]] = {
    "title": ("title", _same_text),
    "authors": ("authors", _same_authors),
    "published": ("published", _same_date),
    "updated": ("updated", _same_date),
    "type": ("type", _same_text),
    "topics": ("topics", _same_topics),
    "summary_startswith": ("summary", _summary_starts),
    "image": ("image", _same_image),
    "language": ("language", _same_text),
}


def _shown(key: str, value: Any) -> str:
    """Render a value for an assertion message (author objects shown by name)."""
    if key == "authors" and isinstance(value, list):
        value = [a.get("name") if isinstance(a, dict) else a for a in value]
    if key == "summary" and isinstance(value, str) and len(value) > 160:
        value = value[:160] + "…"
    return json.dumps(value, ensure_ascii=False)


def _differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Return one message per expected field the record gets wrong."""
    problems = []
    for key, want in expected.items():
        field, same = CHECKS[key]
        if not same(want, got[field]):
            problems.append(f"  {key}:\n    expected {_shown(key, want)}\n"
                            f"    got      {_shown(field, got[field])}")
    return problems


def _load(path: Path) -> dict[str, Any]:
    """Read one case's JSON."""
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """Return a validator for the record contract's JSON Schema."""
    return Draft202012Validator(schema())


def test_the_golden_folder_is_populated() -> None:
    """The corpus cannot silently empty: enough cases over enough markup styles."""
    styles = {path.parent.name for path in CASES}
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} golden cases under {PAGES}"
    assert len(styles) >= MIN_STYLES, f"only {len(styles)} styles: {sorted(styles)}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_file_is_well_formed(case: Path) -> None:
    """Each case has its page, a URL, a description and only known expected keys."""
    data = _load(case)
    assert case.with_suffix(".html").is_file(), f"{case.name} has no .html beside it"
    assert str(data.get("url", "")).startswith(("http://", "https://")), "url missing"
    assert data.get("description"), "description missing"
    unknown = set(data.get("expected") or {}) - set(CHECKS)
    assert data.get("expected") and not unknown, f"empty or unknown expected keys: {unknown}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_page(case: Path, validator: Draft202012Validator) -> None:
    """The extracted record matches the hand-written one and the JSON Schema."""
    data = _load(case)
    record = harvester.extract_page(case.with_suffix(".html").read_bytes(), data["url"])
    got = record.to_dict()
    problems = _differences(data["expected"], got)
    errors = [f"  schema: {e.message} at {list(e.absolute_path)}"
              for e in validator.iter_errors(got)]
    if problems or errors:
        # pytrace=False: the message says all there is to know; a traceback would bury it.
        pytest.fail(f"{case.parent.name}/{case.stem} ({data['description']})\n"
                    + "\n".join(problems + errors), pytrace=False)
