"""APScheduler wiring: one job per source calling run_source; no harvesting logic here."""

from __future__ import annotations

import copy
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED, JobSubmissionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config, Source
from .config_values import parse_interval
from .errors import ConfigError

log = logging.getLogger(__name__)

#: Jitter as a share of the period, capped, so that sources on one schedule spread out.
JITTER_SHARE = 0.05
MAX_JITTER = 300.0
#: `run --once` counts a source as due this share of its period early, so that a timer
#: firing on the same period as the schedule never lands a moment too soon and skips a turn.
EARLY_SHARE = 0.1
#: Crontab weekday numbers (0 and 7 are Sunday) as names, which APScheduler reads as cron does.
_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")

Job = Callable[[Source], object]
NextRun = Callable[[str, datetime | None], None]


@dataclass(frozen=True)
class Plan:
    """When a source runs: its trigger, the seconds between runs, and its first run."""

    source: Source
    trigger: BaseTrigger
    period: float
    first_run: datetime


def schedule_of(source: Source, config: Config) -> str:
    """Return the source's schedule text (its own, else the settings default)."""
    return source.schedule or config.settings.schedule


def make_trigger(text: str) -> tuple[BaseTrigger, float]:
    """Return the UTC trigger of an interval (`6h`) or crontab expression, and its period.

    Args:
        text: an interval such as `6h`, `30m`, `45s`, or five crontab fields.

    Returns:
        The trigger (with jitter of 5% of the period, at most 5 minutes) and the period
        in seconds (for a cron expression, the gap between its next two slots).

    Raises:
        ConfigError: the text is neither an interval nor a cron expression we can run.
    """
    seconds = parse_interval(text)
    if seconds is not None:
        if seconds <= 0:
            raise ConfigError(f"schedule {text!r}: the interval must be longer than 0")
        return IntervalTrigger(seconds=seconds, timezone=timezone.utc,
                               jitter=_jitter(seconds)), seconds
    plain = _cron(text, jitter=None)
    now = datetime.now(timezone.utc)
    first = plain.get_next_fire_time(None, now)
    second = plain.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
    period = (second - first).total_seconds() if first and second else 86400.0
    return _cron(text, jitter=_jitter(period)), period


def _jitter(period: float) -> int | None:
    """Return the jitter in whole seconds for a period (None when under a second)."""
    return int(min(MAX_JITTER, period * JITTER_SHARE)) or None


def _cron(text: str, *, jitter: int | None) -> CronTrigger:
    """Return the CronTrigger of a crontab expression, with crontab's weekday numbers."""
    fields = text.split()
    if len(fields) != 5:
        raise ConfigError(f"schedule {text!r}: expected five cron fields")
    minute, hour, day, month, weekday = fields
    if day not in ("*", "?") and weekday not in ("*", "?"):
        # cron runs when either field matches, APScheduler only when both do.
        raise ConfigError(f"schedule {text!r}: give a day of the month or a day of the week, "
                          "not both")
    try:
        return CronTrigger(minute=minute, hour=hour, day=day.replace("?", "*"), month=month,
                           day_of_week=cron_weekdays(weekday), timezone=timezone.utc,
                           jitter=jitter)
    except ValueError as exc:
        raise ConfigError(f"schedule {text!r}: {exc}") from None


def cron_weekdays(field: str) -> str:
    """Translate a crontab day-of-week field into names.

    APScheduler 3 counts weekdays from Monday = 0, crontab from Sunday = 0 (and 7), so
    numbers are turned into names, which both read alike: `1-5` → `mon,tue,wed,thu,fri`.

    Raises:
        ValueError: a part is not a weekday number, name, range or step.
    """
    days: set[int] = set()
    for part in field.lower().split(","):
        span, slash, step_text = part.partition("/")
        step = int(step_text) if slash else 1
        if step < 1:
            raise ValueError(f"step must be at least 1 in {part!r}")
        if span in ("*", "?"):
            first, last = 0, 6
        elif "-" in span:
            first, last = (_weekday(end) for end in span.split("-", 1))
        else:
            first = _weekday(span)
            last = 7 if slash else first
        if last < first:
            raise ValueError(f"range {span!r} runs backwards")
        days.update(day % 7 for day in range(first, last + 1, step))
    if len(days) == 7:
        return "*"
    return ",".join(_WEEKDAYS[day] for day in sorted(days))


def _weekday(text: str) -> int:
    """Return the crontab number (0-7) of a weekday number or three-letter name."""
    if text.isdigit() and int(text) <= 7:
        return int(text)
    if text in _WEEKDAYS:
        return _WEEKDAYS.index(text)
    raise ValueError(f"{text!r} is not a day of the week (0-7 or sun-sat)")


def next_due(trigger: BaseTrigger, period: float, last_started: datetime) -> datetime:
    """Return when a source started at `last_started` is due again (ignoring jitter)."""
    if isinstance(trigger, IntervalTrigger):
        return last_started + timedelta(seconds=period)
    plain = copy.copy(trigger)
    plain.jitter = None  # type: ignore[attr-defined]
    after = last_started + timedelta(seconds=1)
    return plain.get_next_fire_time(None, after) or after + timedelta(seconds=period)


def first_run(trigger: BaseTrigger, period: float, last_started: datetime | None,
              now: datetime) -> datetime:
    """Return when a source should first run after a (re)start.

    Never harvested, or its run was missed while down: now (once, not once per missed
    slot). Harvested recently: when it is next due after its last start.
    """
    if last_started is None:
        return now
    return max(next_due(trigger, period, last_started), now)


def plan(config: Config, sources: list[Source],
         last_started: Callable[[str], datetime | None],
         now: datetime | None = None) -> list[Plan]:
    """Return the plan of every source from its schedule and its last recorded start.

    Raises:
        ConfigError: a source's schedule cannot be run.
    """
    now = now or datetime.now(timezone.utc)
    plans = []
    for source in sources:
        try:
            trigger, period = make_trigger(schedule_of(source, config))
        except ConfigError as exc:
            raise ConfigError(f"source {source.name!r}: {exc}") from None
        plans.append(Plan(source, trigger, period,
                          first_run(trigger, period, last_started(source.name), now)))
    return plans


def is_due(item: Plan, now: datetime | None = None) -> bool:
    """Tell whether a planned source should run now (for `run --once`)."""
    now = now or datetime.now(timezone.utc)
    return item.first_run - timedelta(seconds=item.period * EARLY_SHARE) <= now


def build_scheduler(plans: list[Plan], job: Job, *, workers: int,
                    on_next_run: NextRun | None = None) -> BackgroundScheduler:
    """Return a UTC scheduler with one coalescing, single-instance job per source.

    A run missed while the process was busy or suspended is run once (coalesce) if it is
    less than one period late (misfire grace time), else skipped until the next slot.

    Args:
        plans: one plan per source.
        job: called with the source on each run, in a worker thread.
        workers: how many jobs may run at once.
        on_next_run: told (source name, next run) each time a source's run is started or
            skipped, from the scheduler's thread.
    """
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=max(1, workers))},
        timezone=timezone.utc,
    )
    for item in plans:
        scheduler.add_job(
            job, item.trigger, args=(item.source,), id=item.source.name,
            name=f"harvest {item.source.name}", coalesce=True, max_instances=1,
            misfire_grace_time=max(1, int(item.period)), next_run_time=item.first_run,
        )
    if on_next_run is not None:
        # A job must not ask the scheduler itself: shutdown() holds the job store lock
        # while it waits for running jobs, so a job calling get_job() would deadlock it.
        def tell(event: JobSubmissionEvent) -> None:
            """Pass on the next run the scheduler just set for the job."""
            found = scheduler.get_job(event.job_id)
            if found is None and scheduler.state == STATE_STOPPED:
                # Stopping: the job stores no longer answer, and no run follows in this
                # process; the next run last told stands.
                return
            on_next_run(event.job_id, found.next_run_time if found else None)

        scheduler.add_listener(tell, EVENT_JOB_SUBMITTED | EVENT_JOB_MAX_INSTANCES)
    return scheduler


def wait_until_stopped(scheduler: BackgroundScheduler, stop: threading.Event,
                       grace: float) -> bool:
    """Run the scheduler until `stop` is set; return whether running jobs ended within grace.

    After `stop` no job starts; a running harvest sees `stop` and ends after its page.
    """
    scheduler.start()
    stop.wait()
    log.info("stopping: no new harvests; waiting up to %.0f s for running ones", grace)
    # Pause first so the scheduler thread submits nothing while the executor shuts down.
    scheduler.pause()
    finisher = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True},
                                name="scheduler-shutdown", daemon=True)
    finisher.start()
    finisher.join(grace)
    return not finisher.is_alive()


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Set `stop` on the first SIGTERM or SIGINT; exit at once on a second one.

    The previous handlers are restored when the block ends.
    """

    def handle(signum: int, frame: object) -> None:
        """Ask for a graceful stop, or leave now when one was already asked for."""
        if stop.is_set():
            log.warning("second signal: exiting now")
            exit_now(128 + signum)
        log.info("%s: finishing the current pages, then exiting",
                 signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def exit_now(code: int) -> None:
    """Leave the process at once (no thread joins), flushing what was written so far.

    Safe for the store: every write is one SQLite transaction, so what is committed stays
    and what is not is rolled back when the database is next opened.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
