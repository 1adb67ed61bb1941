"""Feed groups: which feeds (all, topic, type, source) a record belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from collections.abc import Iterable

from .record import Record
from .vocab import Vocabulary, slugify

#: The kinds of feed group, in the order the index page lists them.
KINDS = ("all", "topics", "types", "sources")


@dataclass(frozen=True, slots=True)
class FeedGroup:
    """One feed: its kind, path-safe slug, display label, size and newest date."""

    kind: str
    slug: str
    label: str
    count: int = 0

    @property
    def key(self) -> tuple[str, str]:
        """Return (kind, slug), the group's identity."""
        return (self.kind, self.slug)


def record_groups(record: Record, source_label: str | None = None,
                  vocabulary: Vocabulary | None = None) -> list[FeedGroup]:
    """Return every group the record belongs to (count left at 0).

    A record keeps its topics as its page writes them; the vocabulary makes the same topic
    from two sites ("Democracy and Governance", "démocratie") one feed.
    """
    groups = [FeedGroup("all", "all", "All publications")]
    slugs: set[str] = set()
    for topic in record.topics:
        label = vocabulary.topic_label(topic) if vocabulary is not None else topic
        if slugify(label) not in slugs:
            slugs.add(slugify(label))
            groups.append(FeedGroup("topics", slugify(label), label))
    if record.type:
        groups.append(FeedGroup("types", slugify(record.type), record.type))
    if record.source:
        groups.append(FeedGroup("sources", slugify(record.source), source_label or record.source))
    return groups


def sort_key(record: Record) -> tuple[str, str, str]:
    """Return a key that sorts records oldest first: published, then first_seen, then id."""
    published = record.published.isoformat() if record.published else ""
    seen = record.first_seen.isoformat() if record.first_seen else ""
    return (published[:10], published + "|" + seen, record.id)


class RecordSource(Protocol):
    """What feeds read records from: the store, or records held in memory."""

    def feed_groups(self) -> list[FeedGroup]:
        """Return every non-empty group with its record count."""
        ...

    def latest(self, kind: str, slug: str, limit: int) -> list[Record]:
        """Return the group's newest records, newest first, at most `limit`."""
        ...


class MemoryRecords:
    """A RecordSource over records held in memory (tests, small exports)."""

    def __init__(self, records: Iterable[Record], vocabulary: Vocabulary | None = None) -> None:
        """Index the records by group (topics through the vocabulary, when given)."""
        self._members: dict[tuple[str, str], list[Record]] = {}
        self._labels: dict[tuple[str, str], str] = {}
        for record in records:
            for group in record_groups(record, vocabulary=vocabulary):
                self._members.setdefault(group.key, []).append(record)
                self._labels.setdefault(group.key, group.label)
        for members in self._members.values():
            members.sort(key=sort_key, reverse=True)

    def feed_groups(self) -> list[FeedGroup]:
        """Return every group with its count, in (kind, slug) order."""
        return [
            FeedGroup(kind, slug, self._labels[(kind, slug)], len(members))
            for (kind, slug), members in sorted(self._members.items())
        ]

    def latest(self, kind: str, slug: str, limit: int) -> list[Record]:
        """Return the group's newest records, newest first."""
        return self._members.get((kind, slug), [])[:limit]
