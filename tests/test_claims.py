"""Which URL a page's record is stored under, and moving a record out of another's way.

Whole-site harvests of these rules are in test_harvest_real_shapes.py; here are the parts:
the title comparison, `Store.move` and `Store.writer_of`, and a moved record's files.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import feeds
from harvester.claims import fingerprints, same_publication
from harvester.groups import MemoryRecords
from harvester.record import Record
from harvester.store import FetchState, Store

T0 = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
OLD, NEW = "https://x.org/research/latest", "https://x.org/research/ceasefires-that-hold"


def rec(url: str, title: str = "Ceasefires That Hold", topics: tuple[str, ...] = ("Peace",)
        ) -> Record:
    """A dated record under `url`."""
    return Record(url=url, source="s", title=title, published=date(2024, 3, 3), type="Report",
                  topics=topics, harvested_at=T0, provenance={"url": "html:canonical"})


@pytest.mark.parametrize(("one", "other", "same"), [
    ("Ceasefires That Hold", "ceasefires that hold!", True),
    # an edited title, a print view's, a card's cut short
    ("Ceasefires That Hold Along the Line", "Ceasefires That Hold Along the Northern Line",
     True),
    ("Ceasefires That Hold Along the Northern Line", "Print: Ceasefires That Hold", True),
    ("Ceasefires That Hold Along the Northern Line", "Ceasefires That Hold …", True),
    # another article of the same site: a word or two in common is not enough
    ("Ceasefires That Hold Along the Northern Line", "Monitors at the Line in Winter", False),
    ("Talks Resume in Geneva After a Long Pause", "Monitors at the Line in Winter", False),
    ("Peace", "War", False),
    (None, "Anything", True),  # nothing to compare: no evidence of another publication
])
def test_same_publication(one: str | None, other: str, same: bool) -> None:
    assert same_publication(one, other) is same
    assert same_publication(other, one) is same


def test_move_carries_the_record_its_groups_and_its_pages(store: Store) -> None:
    first = T0 - timedelta(days=3)
    store.upsert(rec(OLD).with_changes(first_seen=first))
    store.save_fetch_state(FetchState(NEW, "s", 200, record_url=OLD, fetched_at=T0))
    store.save_fetch_state(FetchState(OLD, "s", 200, record_url=OLD, fetched_at=T0))
    moved = store.move(OLD, NEW)
    assert moved is not None and moved.url == NEW and moved.provenance["url"] == "input"
    assert store.get(OLD) is None and store.get(NEW) == moved
    assert moved.first_seen == first
    assert store.fetch_state(NEW).record_url == NEW
    assert (store.fetch_state(OLD).kind, store.fetch_state(OLD).record_url) == ("canonical",
                                                                              None)
    assert store.feed_groups() == MemoryRecords([moved]).feed_groups()
    assert store.count() == 1


def test_move_of_an_empty_url_does_nothing(store: Store) -> None:
    store.upsert(rec(NEW))
    assert store.move(OLD, NEW) is None
    assert store.move(NEW, NEW) is None
    assert [r.url for r in store.records()] == [NEW]


def test_move_drops_the_groups_only_the_moved_record_had(store: Store) -> None:
    store.upsert(rec(OLD, topics=("Peace",)))
    store.upsert(rec("https://x.org/b", "Another", topics=("War",)))
    store.move(OLD, NEW)
    counts = {g.key: g.count for g in store.feed_groups()}
    assert counts[("topics", "peace")] == 1 and counts[("all", "all")] == 2


def test_writer_of_prefers_the_page_that_declared_the_url(store: Store) -> None:
    store.save_fetch_state(FetchState(OLD, "s", 200, record_url=OLD, fetched_at=T0))
    assert store.writer_of(OLD) == OLD
    store.save_fetch_state(FetchState(NEW, "s", 200, record_url=OLD, fetched_at=T0))
    assert store.writer_of(OLD) == NEW  # same time: the alias row is the declaring page's
    later = FetchState(OLD, "s", 200, record_url=OLD, fetched_at=T0 + timedelta(hours=1))
    store.save_fetch_state(later)
    assert store.writer_of(OLD) == OLD  # the URL's own page was read since
    assert store.writer_of("https://x.org/none") is None


def test_a_moved_record_s_old_file_goes_when_only_changed_ids_are_written(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = rec(OLD)
    feeds.write_records([before], out)
    after = before.with_changes(url=NEW)
    feeds.write_records([after], out, only_ids={before.id, after.id})
    assert sorted(p.stem for p in (out / "records").iterdir()) == [after.id]


def test_fingerprints_need_a_title_with_a_day_and_more_or_a_long_summary() -> None:
    record = rec(OLD)
    assert fingerprints(record) == []  # a title and a day alone name no publication
    dated = record.with_changes(summary="What holds a ceasefire.")
    assert fingerprints(dated) == fingerprints(dated.with_changes(url=NEW)) != []
    assert fingerprints(dated.with_changes(published=None)) == []  # a short summary
    assert fingerprints(dated) != fingerprints(dated.with_changes(published=date(2024, 3, 4)))
    assert fingerprints(dated) != fingerprints(dated.with_changes(title="Part 2"))
    long = ("What holds a ceasefire along a line that two armies watch, and who monitors it "
            "in winter.")
    undated = record.with_changes(published=None, summary=long)
    assert fingerprints(undated) == fingerprints(undated.with_changes(url=NEW)) != []
    assert fingerprints(undated.with_changes(title="Another report")) != fingerprints(undated)
