"""The record contract: the one frozen type that passes between stages."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, UTC
from importlib import resources
from typing import Any
from collections.abc import Mapping

SCHEMA_VERSION = 1

#: Fields a Candidate may name; also the keys of `Record.provenance`.
FIELDS = (
    "title", "authors", "published", "updated", "type", "topics",
    "summary", "image", "language", "url",
)

DateValue = date | datetime


@dataclass(frozen=True, slots=True)
class Author:
    """One author: a person or, when no person is named, an organization."""

    name: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: `name`, plus `url` when known."""
        return {"name": self.name} | ({"url": self.url} if self.url else {})


@dataclass(frozen=True, slots=True)
class Image:
    """The publication's lead image."""

    url: str
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form with both keys."""
        return {"url": self.url, "caption": self.caption}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One raw value for one field, with the extractor that produced it."""

    field: str
    value: Any
    source: str


@dataclass(frozen=True)
class Record:
    """One publication, normalized. Every field but `url` may be unknown."""

    url: str
    source: str | None = None
    title: str | None = None
    authors: tuple[Author, ...] = ()
    published: DateValue | None = None
    updated: DateValue | None = None
    type: str | None = None
    topics: tuple[str, ...] = ()
    summary: str | None = None
    image: Image | None = None
    language: str | None = None
    first_seen: datetime | None = None
    harvested_at: datetime | None = None
    provenance: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Return the stable id derived from the canonical URL."""
        return record_id(self.url)

    def with_changes(self, **changes: Any) -> Record:
        """Return a copy with some fields replaced."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of the record contract (keys in contract order)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "authors": [a.to_dict() for a in self.authors],
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "type": self.type,
            "topics": list(self.topics),
            "summary": self.summary,
            "image": self.image.to_dict() if self.image else None,
            "language": self.language,
            "first_seen": _iso(self.first_seen),
            "harvested_at": _iso(self.harvested_at),
            "provenance": dict(self.provenance),
        }

    def to_json(self) -> str:
        """Return the record as one line of JSON (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Record:
        """Build a record from its JSON object (the inverse of `to_dict`)."""
        image = data.get("image")
        return cls(
            url=data["url"],
            source=data.get("source"),
            title=data.get("title"),
            authors=tuple(Author(a["name"], a.get("url")) for a in data.get("authors") or ()),
            published=parse_iso(data.get("published")),
            updated=parse_iso(data.get("updated")),
            type=data.get("type"),
            topics=tuple(data.get("topics") or ()),
            summary=data.get("summary"),
            image=Image(image["url"], image.get("caption")) if image else None,
            language=data.get("language"),
            first_seen=_parse_datetime(data.get("first_seen")),
            harvested_at=_parse_datetime(data.get("harvested_at")),
            provenance=dict(data.get("provenance") or {}),
        )


def record_id(canonical_url: str) -> str:
    """Return a 16-hex-digit id that depends on the canonical URL only."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def parse_iso(text: str | None) -> DateValue | None:
    """Parse what `_iso` wrote: a date (`YYYY-MM-DD`) or a datetime with offset."""
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _parse_datetime(text: str | None) -> datetime | None:
    """Parse an ISO datetime, assuming UTC when it carries no offset."""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _iso(value: DateValue | None) -> str | None:
    """Format a date as `YYYY-MM-DD` and a datetime as ISO 8601 with its offset."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is UTC or value.utcoffset() == UTC.utcoffset(None):
            return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def schema() -> dict[str, Any]:
    """Return the JSON Schema of the record contract shipped with the package."""
    text = resources.files("harvester").joinpath("record.schema.json").read_text("utf-8")
    return json.loads(text)
