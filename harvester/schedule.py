"""APScheduler wiring: one job per source calling run_source; no harvesting logic here."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from collections.abc import Callable

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config, Source, parse_interval
from .errors import ConfigError
from .pipeline import SourceReport

log = logging.getLogger(__name__)

#: Jitter as a share of the interval, capped, so that sources on one schedule spread out.
JITTER_SHARE = 0.05
MAX_JITTER = 300.0

Harvest = Callable[[Source], SourceReport]


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
    """Return the trigger of an interval (`6h`) or cron expression, and its period in seconds."""
    seconds = parse_interval(text)
    if seconds is not None:
        jitter = min(MAX_JITTER, seconds * JITTER_SHARE)
        trigger = IntervalTrigger(seconds=seconds, timezone=timezone.utc,
                                  jitter=int(jitter) or None)
        return trigger, seconds
    try:
        trigger = CronTrigger.from_crontab(text, timezone=timezone.utc)
    except ValueError as exc:
        raise ConfigError(f"schedule {text!r}: {exc}") from None
    now = datetime.now(timezone.utc)
    first = trigger.get_next_fire_time(None, now)
    second = trigger.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
    period = (second - first).total_seconds() if first and second else 86400.0
    return trigger, period


def first_run(trigger: BaseTrigger, period: float, last_started: datetime | None,
              now: datetime) -> datetime:
    """Return when a source should first run after a (re)start.

    Never harvested, or a run missed while down: now (once, not once per missed slot).
    Harvested recently: at the next slot after its last start.
    """
    if last_started is None:
        return now
    if isinstance(trigger, IntervalTrigger):
        due = last_started + timedelta(seconds=period)
    else:
        due = trigger.get_next_fire_time(None, last_started + timedelta(seconds=1)) or now
    return max(due, now)


def plan(config: Config, sources: list[Source],
         last_started: Callable[[str], datetime | None]) -> list[Plan]:
    """Return the plan of every source from its schedule and its last recorded start."""
    now = datetime.now(timezone.utc)
    plans = []
    for source in sources:
        trigger, period = make_trigger(schedule_of(source, config))
        plans.append(Plan(source, trigger, period,
                          first_run(trigger, period, last_started(source.name), now)))
    return plans


def is_due(item: Plan, now: datetime | None = None) -> bool:
    """Tell whether a planned source should run now (for `run --once`)."""
    return item.first_run <= (now or datetime.now(timezone.utc))


def build_scheduler(plans: list[Plan], harvest: Harvest, *, workers: int) -> BackgroundScheduler:
    """Return a UTC scheduler with one coalescing, single-instance job per source."""
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=max(1, workers))},
        timezone=timezone.utc,
    )
    for item in plans:
        scheduler.add_job(
            harvest, item.trigger, args=(item.source,), id=item.source.name,
            name=f"harvest {item.source.name}", coalesce=True, max_instances=1,
            misfire_grace_time=max(1, int(item.period)), next_run_time=item.first_run,
        )
    return scheduler


def wait_until_stopped(scheduler: BackgroundScheduler, stop: threading.Event,
                       grace: float) -> None:
    """Block until `stop` is set, then let running jobs finish their page (bounded by grace)."""
    scheduler.start()
    while not stop.wait(1.0):
        pass
    log.info("stopping: no new harvests; waiting up to %.0f s for running ones", grace)
    finisher = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, daemon=True)
    finisher.start()
    finisher.join(grace)
