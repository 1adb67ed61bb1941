"""Trigger and first-run rules of `pubharvest run`, and the real APScheduler wiring."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from harvester import config as config_module
from harvester import schedule
from harvester.config import Source
from harvester.errors import ConfigError

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=timezone.utc)  # a Wednesday
HOUR = timedelta(hours=1)


def fires(text: str, count: int, after: datetime = NOW) -> list[datetime]:
    """Return the next `count` fire times of a schedule after a moment, without jitter."""
    trigger, period = schedule.make_trigger(text)
    times, last = [], after
    for _ in range(count):
        last = schedule.next_due(trigger, period, last)
        times.append(last)
    return times


def source(name: str, schedule_text: str | None = None) -> Source:
    """Return a minimal source."""
    return Source(name=name, start_urls=(f"https://{name}.example/",), schedule=schedule_text)


def wait_for(condition: object, timeout: float = 15.0) -> bool:
    """Poll a condition until it holds or the timeout passes; return whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


# -- triggers -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds", "jitter"),
                         [("45s", 45, 2), ("30m", 1800, 90), ("6h", 21600, 300), ("2s", 2, None)])
def test_interval_trigger_is_utc_with_capped_jitter(text: str, seconds: float,
                                                    jitter: int | None) -> None:
    trigger, period = schedule.make_trigger(text)
    assert isinstance(trigger, IntervalTrigger)
    assert period == seconds and trigger.interval.total_seconds() == seconds
    assert trigger.jitter == jitter and trigger.timezone == timezone.utc


def test_cron_trigger_period_and_jitter() -> None:
    trigger, period = schedule.make_trigger("0 */6 * * *")
    assert isinstance(trigger, CronTrigger) and trigger.timezone == timezone.utc
    assert period == 6 * 3600 and trigger.jitter == 300
    assert fires("0 */6 * * *", 3) == [NOW.replace(hour=h, minute=0) for h in (12, 18)] + [
        (NOW + timedelta(days=1)).replace(hour=0, minute=0)]


@pytest.mark.parametrize(
    ("field", "weekdays"),
    [
        ("1", {"mon"}),            # APScheduler alone would read 1 as Tuesday
        ("0", {"sun"}),
        ("7", {"sun"}),
        ("1-5", {"mon", "tue", "wed", "thu", "fri"}),
        ("5-7", {"fri", "sat", "sun"}),
        ("0-6", None),
        ("*/2", {"sun", "tue", "thu", "sat"}),
        ("sat,sun", {"sat", "sun"}),
        ("MON-WED", {"mon", "tue", "wed"}),
        ("3/2", {"wed", "fri", "sun"}),
    ],
)
def test_cron_weekdays_follow_crontab(field: str, weekdays: set[str] | None) -> None:
    translated = schedule.cron_weekdays(field)
    assert (None if translated == "*" else set(translated.split(","))) == weekdays


def test_cron_weekday_numbers_fire_on_the_crontab_day() -> None:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert {names[t.weekday()] for t in fires("0 9 * * 1", 3)} == {"mon"}
    assert {names[t.weekday()] for t in fires("0 9 * * 0", 3)} == {"sun"}
    assert {names[t.weekday()] for t in fires("0 9 * * 1-5", 10)} == set(names[:5])


@pytest.mark.parametrize("text", ["0 9 1 * 1", "61 * * * *", "0 9 * * 8", "0 9 * * 5-1",
                                  "0 9 * * */0", "* * *"])
def test_unrunnable_cron_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match="schedule"):
        schedule.make_trigger(text)


# -- first run after a (re)start ----------------------------------------------------------


@pytest.mark.parametrize("text", ["6h", "0 */6 * * *"])
def test_never_run_source_runs_now(text: str) -> None:
    trigger, period = schedule.make_trigger(text)
    assert schedule.first_run(trigger, period, None, NOW) == NOW


def test_recent_interval_source_waits_for_its_period() -> None:
    trigger, period = schedule.make_trigger("6h")
    last = NOW - 2 * HOUR
    assert schedule.first_run(trigger, period, last, NOW) == NOW + 4 * HOUR


def test_recent_cron_source_waits_for_the_next_slot() -> None:
    trigger, period = schedule.make_trigger("0 */6 * * *")
    last = NOW.replace(hour=6, minute=0, second=3)  # the 06:00 run, 3 s late
    assert schedule.first_run(trigger, period, last, NOW) == NOW.replace(hour=12, minute=0)


@pytest.mark.parametrize("text", ["6h", "0 */6 * * *"])
def test_run_missed_while_down_is_run_once_now(text: str) -> None:
    trigger, period = schedule.make_trigger(text)
    last = NOW - timedelta(days=3)  # twelve slots missed
    assert schedule.first_run(trigger, period, last, NOW) == NOW


def test_plan_uses_each_sources_schedule_and_last_start(tmp_path: Path) -> None:
    cfg = config_module.load(_config_file(tmp_path, "6h"))
    last = {"recent": NOW - HOUR, "stale": NOW - timedelta(days=2)}
    plans = schedule.plan(cfg, [source("recent"), source("stale"), source("new"),
                                source("daily", "0 5 * * *")],
                          lambda name: last.get(name, NOW - HOUR if name == "daily" else None),
                          now=NOW)
    firsts = {p.source.name: p.first_run for p in plans}
    assert firsts == {"recent": NOW + 5 * HOUR, "stale": NOW, "new": NOW,
                      "daily": (NOW + timedelta(days=1)).replace(hour=5, minute=0)}
    assert [p.period for p in plans] == [21600, 21600, 21600, 86400]


def test_plan_names_the_source_with_a_bad_schedule(tmp_path: Path) -> None:
    cfg = config_module.load(_config_file(tmp_path, "6h"))
    with pytest.raises(ConfigError, match="'odd'.*day of the month or a day of the week"):
        schedule.plan(cfg, [source("odd", "0 9 1 * 1")], lambda name: None, now=NOW)


def _config_file(folder: Path, default_schedule: str) -> Path:
    """Write a configuration with one source and a default schedule; return its path."""
    path = folder / "sources.toml"
    path.write_text(f'[settings]\nschedule = "{default_schedule}"\n\n[[sources]]\nname = "x"\n'
                    'start_urls = ["https://x.example/"]\n', encoding="utf-8")
    return path


# -- --once: due or not --------------------------------------------------------------------


def _plan(text: str, last: datetime | None) -> schedule.Plan:
    """Return the plan of one source with a schedule and last start, made at NOW."""
    trigger, period = schedule.make_trigger(text)
    return schedule.Plan(source("s", text), trigger, period,
                         schedule.first_run(trigger, period, last, NOW))


def test_due_for_once() -> None:
    assert schedule.is_due(_plan("6h", None), NOW)
    assert schedule.is_due(_plan("6h", NOW - 7 * HOUR), NOW)
    assert not schedule.is_due(_plan("6h", NOW - HOUR), NOW)
    assert not schedule.is_due(_plan("0 */6 * * *", NOW - HOUR), NOW)
    assert schedule.is_due(_plan("0 */6 * * *", NOW - 5 * HOUR), NOW)


def test_timer_on_the_same_period_never_skips_a_turn() -> None:
    # A systemd timer every 6 h started the last harvest 2 s after its tick; the next
    # tick comes 2 s "too early" for an exact rule.
    assert schedule.is_due(_plan("6h", NOW - 6 * HOUR + timedelta(seconds=2)), NOW)
    assert not schedule.is_due(_plan("6h", NOW - 5 * HOUR), NOW)


# -- the real scheduler -----------------------------------------------------------------------


def test_jobs_are_coalescing_single_instance_utc() -> None:
    plans = [_plan("6h", None), schedule.Plan(source("t"), *schedule.make_trigger("30m"), NOW)]
    scheduler = schedule.build_scheduler(plans, lambda s: None, workers=2)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"s", "t"}
    for job, period in ((jobs["s"], 21600), (jobs["t"], 1800)):
        assert job.coalesce is True and job.max_instances == 1
        assert job.misfire_grace_time == period
        assert job.trigger.timezone == timezone.utc
    assert jobs["s"].next_run_time == NOW


def test_missed_slots_run_once_then_follow_the_period() -> None:
    calls: list[datetime] = []
    trigger, period = schedule.make_trigger("1h")
    now = datetime.now(timezone.utc)
    # The process was down for five slots: the job's next run is five hours ago.
    missed = schedule.Plan(source("s"), trigger, period, now - 5 * HOUR)
    scheduler = schedule.build_scheduler([missed], lambda s: calls.append(
        datetime.now(timezone.utc)), workers=1)
    scheduler.start()
    try:
        assert wait_for(lambda: calls)
        time.sleep(0.5)
        assert len(calls) == 1
        # Then on with the period: the next run is in the future, at most a period away.
        upcoming = scheduler.get_job("s").next_run_time
        assert now < upcoming <= now + HOUR + 5 * timedelta(seconds=trigger.jitter)
    finally:
        scheduler.shutdown()


def test_a_crashing_job_stops_neither_the_others_nor_itself() -> None:
    calls: dict[str, int] = {"bad": 0, "good": 0}

    def job(src: Source) -> None:
        calls[src.name] += 1
        if src.name == "bad":
            raise RuntimeError("boom")

    now = datetime.now(timezone.utc)
    plans = [schedule.Plan(source(n), *schedule.make_trigger("0.3s"), now) for n in calls]
    scheduler = schedule.build_scheduler(plans, job, workers=2)
    scheduler.start()
    try:
        assert wait_for(lambda: calls["good"] >= 3 and calls["bad"] >= 3)
    finally:
        scheduler.shutdown()


def test_stop_lets_the_running_job_finish() -> None:
    stop, started, finished = threading.Event(), threading.Event(), threading.Event()

    def job(src: Source) -> None:
        started.set()
        while not stop.is_set():  # "pages" until told to stop, then one last one
            time.sleep(0.01)
        time.sleep(0.2)
        finished.set()

    now = datetime.now(timezone.utc)
    scheduler = schedule.build_scheduler([schedule.Plan(source("s"),
                                          *schedule.make_trigger("1h"), now)], job, workers=1)
    threading.Thread(target=lambda: started.wait(10) and stop.set(), daemon=True).start()
    assert schedule.wait_until_stopped(scheduler, stop, grace=30) is True
    assert finished.is_set()


def test_stop_gives_up_after_the_grace_time() -> None:
    stop, release = threading.Event(), threading.Event()
    now = datetime.now(timezone.utc)
    scheduler = schedule.build_scheduler(
        [schedule.Plan(source("s"), *schedule.make_trigger("1h"), now)],
        lambda s: (stop.set(), release.wait(30)), workers=1)
    try:
        assert schedule.wait_until_stopped(scheduler, stop, grace=0.3) is False
    finally:
        release.set()


def test_next_runs_are_reported_and_stopping_mid_job_does_not_hang() -> None:
    stop, started = threading.Event(), threading.Event()
    told: list[tuple[str, datetime | None]] = []

    def job(src: Source) -> None:
        started.set()
        stop.wait(10)
        time.sleep(0.3)  # the page in flight

    def tell(name: str, when: datetime | None) -> None:
        told.append((name, when))
        reported.set()

    reported = threading.Event()
    now = datetime.now(timezone.utc)
    scheduler = schedule.build_scheduler(
        [schedule.Plan(source("s"), *schedule.make_trigger("1h"), now)], job, workers=1,
        on_next_run=tell)
    # Stop once the run has started and its next run was told (the job is still running).
    threading.Thread(target=lambda: started.wait(10) and reported.wait(10) and stop.set(),
                     daemon=True).start()
    assert schedule.wait_until_stopped(scheduler, stop, grace=30) is True
    assert len(told) == 1 and told[0][0] == "s"
    assert now + 0.99 * HOUR < told[0][1] <= now + HOUR + timedelta(seconds=180)
