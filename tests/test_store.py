"""The store in one process: upserts, groups and feeds, filters, fetch state, runs, meta."""

from __future__ import annotations

import pathlib
import sqlite3
import threading
import tracemalloc
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harvester.errors import StoreError
from harvester.groups import MemoryRecords, sort_key
from harvester.record import Author, Record
from harvester.store import FILENAME, FetchState, Store

T0 = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    """An empty store in a fresh data directory."""
    with Store.open(tmp_path / "data") as opened:
        yield opened


def rec(n: int, **fields) -> Record:
    """A publication record numbered n; keyword arguments override its fields."""
    base = dict(source="usip", title=f"Publication {n}", published=date(2024, 1, 1 + n % 28),
                authors=(Author("Asfandyar Mir"),), topics=("Peace Processes",), type="Analysis",
                harvested_at=T0)
    return Record(url=f"https://www.example.org/publications/{n}", **(base | fields))


def test_upsert_reports_new_unchanged_changed(store):
    record = rec(1)
    assert store.upsert(record) == "new"
    assert store.upsert(record) == "unchanged"
    later = T0 + timedelta(days=3)
    assert store.upsert(record.with_changes(harvested_at=later, first_seen=later)) == "unchanged"
    assert store.upsert(record.with_changes(title="Renamed")) == "changed"
    assert store.get(record.url).title == "Renamed"


def test_first_seen_is_set_once_and_kept(store):
    before = datetime.now(UTC).replace(microsecond=0)
    store.upsert(rec(1, first_seen=None))
    seen = store.get(rec(1).url).first_seen
    assert before <= seen <= datetime.now(UTC)
    store.upsert(rec(1, first_seen=T0 + timedelta(days=9), summary="New summary."))
    assert store.get(rec(1).url).first_seen == seen
    store.upsert(rec(2, first_seen=T0))
    assert store.get(rec(2).url).first_seen == T0


def test_unchanged_upsert_writes_nothing(store):
    store.upsert(rec(1))
    mark = datetime.now(UTC)
    assert store.upsert(rec(1, harvested_at=T0 + timedelta(hours=5))) == "unchanged"
    assert store.get(rec(1).url).harvested_at == T0
    assert store.touched_groups(mark) == set()


def test_rerun_creates_no_duplicates(store):
    batch = [rec(n) for n in range(5)]
    assert [store.upsert(r) for r in batch] == ["new"] * 5
    assert [store.upsert(r) for r in batch] == ["unchanged"] * 5
    assert store.count() == 5
    assert len(list(store.records())) == 5
    assert {g.count for g in store.feed_groups()} == {5}


def test_get_and_has_record(store):
    assert store.get(rec(1).url) is None
    assert not store.has_record(rec(1).url)
    store.upsert(rec(1))
    assert store.has_record(rec(1).url)
    assert store.get(rec(1).url).to_dict() == rec(1).with_changes(
        first_seen=store.get(rec(1).url).first_seen).to_dict()


def test_save_page_stores_state_and_record_together(store):
    state = FetchState(url=rec(1).url + "?utm_source=x", source="usip", status=200, etag='"e1"',
                       fetched_at=T0)
    assert store.save_page(state, rec(1)) == "new"
    assert store.fetch_state(state.url).record_url == rec(1).url
    assert store.save_page(state, rec(1)) == "unchanged"
    assert store.save_page(FetchState(url=rec(2).url, source="usip", status=404), None) is None
    assert store.fetch_state(rec(2).url).status == 404


@pytest.mark.parametrize("table", ["records", "record_groups", "feed_groups"])
def test_save_page_is_all_or_nothing(store, table):
    # A real failure inside the transaction: the database refuses the row.
    with sqlite3.connect(store.path) as raw:
        raw.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
    state = FetchState(url=rec(1).url, source="usip", status=200, fetched_at=T0)
    with pytest.raises(StoreError, match="simulated failure"):
        store.save_page(state, rec(1))
    assert store.fetch_state(rec(1).url) is None
    assert not store.has_record(rec(1).url)
    assert store.feed_groups() == []
    assert store.touched_groups(T0 - timedelta(days=1)) == set()


def _mixed_records() -> list[Record]:
    """Records whose order needs every part of the sort key: day, full value, first_seen, id."""
    cet = timezone(timedelta(hours=1))
    published = [date(2024, 3, 1), datetime(2024, 3, 1, 15, 0, tzinfo=UTC), date(2024, 2, 1),
                 None, datetime(2024, 3, 1, 9, 0, tzinfo=cet), date(2024, 3, 1), None]
    return [rec(n, published=p, first_seen=T0 + timedelta(minutes=n % 3))
            for n, p in enumerate(published)]


def test_latest_orders_like_sort_key_and_honours_limit(store):
    for record in _mixed_records():
        store.upsert(record)
    stored = [store.get(r.url) for r in _mixed_records()]
    expected = sorted(stored, key=sort_key, reverse=True)
    assert [r.url for r in store.latest("all", "all", 100)] == [r.url for r in expected]
    assert [r.url for r in store.latest("all", "all", 3)] == [r.url for r in expected[:3]]
    reference = MemoryRecords(stored).latest("types", "analysis", 4)
    assert store.latest("types", "analysis", 4) == reference
    assert store.latest("all", "all", 100)[-1].published is None
    assert store.latest("topics", "no-such-topic", 5) == []


def test_feed_groups_count_members(store):
    records = [rec(1, topics=("Peace Processes", "Global Policy")), rec(2, type="Podcast"),
               rec(3, source="crisisgroup", topics=())]
    for record in records:
        store.upsert(record)
    assert store.feed_groups() == MemoryRecords(records).feed_groups()
    counts = {g.key: g.count for g in store.feed_groups()}
    assert counts[("topics", "peace-processes")] == 2
    assert counts[("sources", "crisisgroup")] == 1
    assert counts[("all", "all")] == 3


def test_same_topic_twice_is_one_membership(store):
    store.upsert(rec(1, topics=("Peace Processes", "peace processes")))
    counts = {g.key: g.count for g in store.feed_groups()}
    assert counts[("topics", "peace-processes")] == 1


TOPIC_POOL = ("Peace Processes", "Global Policy", "Fragility", "Economics")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sets(st.sampled_from(TOPIC_POOL)),
                          st.sampled_from(["Analysis", "Podcast", None])), max_size=25))
def test_group_counts_follow_every_change(tmp_path_factory, upserts):
    data_dir = tmp_path_factory.mktemp("data")
    with Store.open(data_dir) as store:
        for n, topics, kind in upserts:
            store.upsert(rec(n, topics=tuple(sorted(topics)), type=kind))
        stored = list(store.records())
        expected = [(g.key, g.count) for g in MemoryRecords(stored).feed_groups()]
        assert [(g.key, g.count) for g in store.feed_groups()] == expected


def test_touched_groups_include_a_removed_topic(store):
    store.upsert(rec(1, topics=("Peace Processes", "Global Policy")))
    store.upsert(rec(2, topics=("Democracy & Governance",), type="Report"))
    mark = datetime.now(UTC)
    store.upsert(rec(1, topics=("Global Policy", "Fragility"), title="Revised"))
    assert store.touched_groups(mark) == {
        ("all", "all"), ("sources", "usip"), ("types", "analysis"),
        ("topics", "peace-processes"), ("topics", "global-policy"), ("topics", "fragility"),
    }
    assert {g.key for g in store.feed_groups()} >= {("topics", "fragility")}
    assert ("topics", "peace-processes") not in {g.key for g in store.feed_groups()}


def test_records_filters(store):
    records = [rec(n, source=("usip", "crisisgroup")[n % 2],
                   topics=(("Peace Processes",), ("Global Policy",), ())[n % 3],
                   type=("Analysis", "Podcast")[n % 2 if n % 5 else 0]) for n in range(30)]
    for record in records:
        store.upsert(record)
    newest = [r.url for r in sorted((store.get(r.url) for r in records), key=sort_key,
                                    reverse=True)]
    by_url = {r.url: r for r in records}

    def expect(keep) -> list[str]:
        return [url for url in newest if keep(by_url[url])]

    def got(**filters) -> list[str]:
        return [r.url for r in store.records(**filters)]

    assert got() == newest
    assert got(source="crisisgroup") == expect(lambda r: r.source == "crisisgroup")
    assert got(topic="peace-processes") == expect(lambda r: "Peace Processes" in r.topics)
    assert got(type="podcast") == expect(lambda r: r.type == "Podcast")
    assert got(topic="Global Policy", type="analysis", source="usip") == expect(
        lambda r: "Global Policy" in r.topics and r.type == "Analysis" and r.source == "usip")
    assert got(since=date(2024, 1, 20)) == expect(lambda r: r.published >= date(2024, 1, 20))
    assert got(source="usip", limit=4) == expect(lambda r: r.source == "usip")[:4]
    assert store.count("usip") == len(expect(lambda r: r.source == "usip"))


def test_records_stream_in_constant_memory(store):
    summary = "x" * 4000
    for n in range(1500):
        store.upsert(rec(n, summary=f"{n} {summary}"))
    tracemalloc.start()
    try:
        seen = sum(1 for _ in store.records())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == 1500
    # The summaries alone are 6 MB (a list of the records peaks above 8 MB); streaming holds
    # one batch of rows at a time.
    assert peak < 3_000_000


def test_fetch_state_round_trip_and_failures(store):
    ok = FetchState(url="https://www.example.org/a", source="usip", status=200, etag='W/"1"',
                    last_modified="Tue, 13 Feb 2024 10:00:00 GMT", content_hash="ab" * 32,
                    record_url="https://www.example.org/a", fetched_at=T0, kind="listing")
    gone = FetchState(url="https://www.example.org/b", source="usip", status=404,
                      error="HTTP 404 Not Found", fetched_at=T0 + timedelta(minutes=1))
    down = FetchState(url="https://other.example/c", source="crisisgroup", status=None,
                      error="connection refused", fetched_at=T0)
    for state in (ok, gone, down):
        store.save_fetch_state(state)
    assert store.fetch_state(ok.url) == ok
    assert store.fetch_state("https://www.example.org/never") is None
    assert store.failures() == [gone, down]
    assert store.failures("crisisgroup") == [down]
    store.save_fetch_state(FetchState(url=gone.url, source="usip", status=200, fetched_at=T0))
    assert store.failures("usip") == []


def test_runs_and_last_complete_run(store):
    assert store.last_run("usip") is None
    first = store.start_run("usip")
    store.finish_run(first, {"new": 3, "fields_x100": 612})
    limited = store.start_run("usip")
    store.finish_run(limited, {"new": 1}, complete=False)
    failed = store.start_run("usip")
    store.finish_run(failed, {}, error="listing page returned 500")
    other = store.start_run("crisisgroup")
    assert store.last_run("usip").id == failed
    assert store.last_run("usip", complete_only=True).id == first
    assert store.last_run("usip", complete_only=True).counts == {"new": 3, "fields_x100": 612}
    assert not store.last_run("usip").complete
    assert [r.id for r in store.runs("usip")] == [failed, limited, first]
    assert [r.id for r in store.runs(limit=2)] == [other, failed]
    assert store.last_run("crisisgroup").finished is None
    with pytest.raises(StoreError, match="no run with id 999"):
        store.finish_run(999, {})


def test_source_state_and_next_run(store):
    blank = store.source_state("usip")
    assert (blank.last_started, blank.last_finished, blank.last_outcome, blank.next_run) == (
        None, None, None, None)
    run_id = store.start_run("usip")
    store.finish_run(run_id, {"new": 1})
    store.finish_run(store.start_run("crisisgroup"), {}, error="timeout")
    unfinished = store.start_run("usip")
    when = datetime(2026, 1, 6, 6, 0, tzinfo=timezone(timedelta(hours=2)))
    store.set_next_run("usip", when)
    state = store.source_state("usip")
    assert state.last_started == store.last_run("usip").started
    assert store.last_run("usip").id == unfinished
    assert state.last_finished == store.runs("usip")[1].finished
    assert (state.last_outcome, state.next_run) == ("ok", when)
    assert store.source_state("crisisgroup").last_outcome == "error: timeout"
    store.set_next_run("usip", None)
    assert store.source_state("usip").next_run is None


def test_meta_values(store):
    assert store.get_meta("feeds_built") is None
    store.set_meta("feeds_built", "2026-01-05")
    store.set_meta("feeds_built", "2026-01-06")
    assert store.get_meta("feeds_built") == "2026-01-06"


def test_threads_share_one_store(store):
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(40):
                store.upsert(rec(worker * 100 + n))
                store.latest("all", "all", 5)
        except BaseException as exc:  # reported below; a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count() == 240


def test_reopen_keeps_everything(tmp_path):
    with Store.open(tmp_path) as first:
        first.upsert(rec(1))
        first.set_meta("k", "v")
    with Store.open(tmp_path, create=False) as again:
        assert again.get(rec(1).url).title == rec(1).title
        assert again.get_meta("k") == "v"
        assert again.get_meta("schema_version") == "1"


def test_newer_schema_is_refused(tmp_path):
    with Store.open(tmp_path) as first:
        first.set_meta("schema_version", "99")
    with pytest.raises(StoreError, match="schema 99, newer than"):
        Store.open(tmp_path)


def test_missing_store_without_create(tmp_path):
    with pytest.raises(StoreError, match=f"no store at .*{FILENAME}"):
        Store.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_data_dir_that_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create data directory .*file/data"):
        Store.open(tmp_path / "file" / "data")


def test_closed_store_refuses_use(tmp_path):
    store = Store.open(tmp_path)
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.count()


def test_quick_check_runs_on_small_files_and_after_an_unclean_stop(
    tmp_path: pathlib.Path,
) -> None:
    from harvester.store_schema import CHECK_ALWAYS_BELOW, needs_check

    db = tmp_path / "pubharvest.sqlite3"
    db.write_bytes(b"x" * 1024)
    assert needs_check(db)
    with db.open("r+b") as handle:  # a large, cleanly closed store (sparse file)
        handle.truncate(CHECK_ALWAYS_BELOW + 1)
    assert not needs_check(db)
    (tmp_path / "pubharvest.sqlite3-wal").write_bytes(b"left by a killed writer")
    assert needs_check(db)


def test_the_vocabulary_makes_two_sites_labels_of_one_topic_one_feed(tmp_path):
    """Records keep their pages' topic labels; the store's vocabulary files both under one
    feed, and a topic filter finds them by either label or the feed's slug. Without a
    vocabulary, each label is a feed of its own."""
    from harvester.extract import default_vocabulary

    first = rec(1, topics=("Democracy and Governance",))
    second = rec(2, source="ifri", topics=("démocratie", "Sahel"))
    with Store.open(tmp_path / "data", vocabulary=default_vocabulary()) as mapped:
        mapped.upsert(first)
        mapped.upsert(second)
        topics = {g.slug: (g.label, g.count) for g in mapped.feed_groups() if g.kind == "topics"}
        assert topics == {"democracy-governance": ("Democracy & Governance", 2),
                          "sahel": ("Sahel", 1)}
        assert mapped.get(second.url).topics == ("démocratie", "Sahel")
        for asked in ("Democracy", "démocratie", "democracy-governance"):
            assert {r.url for r in mapped.records(topic=asked)} == {first.url, second.url}
        memory = MemoryRecords([first, second], default_vocabulary()).feed_groups()
        assert [g for g in memory if g.kind == "topics"] == [
            g for g in mapped.feed_groups() if g.kind == "topics"]
    with Store.open(tmp_path / "plain") as plain:
        plain.upsert(first)
        plain.upsert(second)
        assert {g.slug for g in plain.feed_groups() if g.kind == "topics"} == {
            "democracy-and-governance", "democratie", "sahel"}
