"""The record contract: JSON round trip, stable ids, schema validity."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, UTC

import jsonschema
import pytest

from harvester.record import Author, Image, Record, parse_iso, record_id, schema

EST = timezone(timedelta(hours=-5))


def sample() -> Record:
    """Return a fully populated record."""
    return Record(
        url="https://www.usip.org/publications/2024/02/understanding-pakistans-election-results",
        source="usip", title="Understanding Pakistan’s Election Results",
        authors=(Author("Asfandyar Mir"), Author("Tamanna Salikuddin", "https://x.org/ts")),
        published=date(2024, 2, 13), updated=datetime(2024, 2, 14, 22, 30, tzinfo=EST),
        type="Analysis", topics=("Global Elections & Conflict", "Global Policy"),
        summary="Days after Pakistan’s February 8 general election…",
        image=Image("https://x.org/a.jpg", "A caption"), language="en",
        first_seen=datetime(2026, 11, 24, 10, tzinfo=UTC),
        harvested_at=datetime(2026, 11, 24, 10, tzinfo=UTC),
        provenance={"title": "jsonld"},
    )


def test_round_trip() -> None:
    record = sample()
    assert Record.from_dict(record.to_dict()) == record


def test_dates_keep_the_local_day_and_offset() -> None:
    data = sample().to_dict()
    assert data["published"] == "2024-02-13"
    assert data["updated"] == "2024-02-14T22:30:00-05:00"
    assert data["first_seen"] == "2026-11-24T10:00:00Z"


def test_id_depends_on_url_only() -> None:
    record = sample()
    assert record.id == record_id(record.url) == record.with_changes(title="x").id
    assert len(record.id) == 16


@pytest.mark.parametrize("record", [sample(), Record(url="https://a.org/p")])
def test_records_validate_against_the_shipped_schema(record: Record) -> None:
    jsonschema.validate(record.to_dict(), schema())


def test_schema_rejects_a_broken_record() -> None:
    data = sample().to_dict() | {"published": "13/02/2024"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_parse_iso_accepts_both_forms() -> None:
    assert parse_iso("2024-02-13") == date(2024, 2, 13)
    assert parse_iso("2024-02-13T23:30:00-05:00") == datetime(2024, 2, 13, 23, 30, tzinfo=EST)
    assert parse_iso(None) is None
