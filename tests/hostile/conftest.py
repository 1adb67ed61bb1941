"""Fixtures of the hostile suite: the hostile server, its site, and the case record.

Sizes and time limits are small by default so that the suite stays fast in CI;
`PUBHARVEST_HOSTILE_FULL=1` (set by `bench/reliability.py`) switches to the full sizes
of issue 7 and runs the cases marked `bench`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .bed import Case, Site
from .server import HostileServer, running

FULL = os.environ.get("PUBHARVEST_HOSTILE_FULL", "") not in ("", "0")


def pytest_configure(config: pytest.Config) -> None:
    """Declare the `bench` marker: cases too slow for CI, run by bench/reliability.py."""
    config.addinivalue_line("markers", "bench: a hostile case run only with "
                                       "PUBHARVEST_HOSTILE_FULL=1 (bench/reliability.py)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the bench-only cases unless the full sizes were asked for."""
    if FULL:
        return
    skip = pytest.mark.skip(reason="bench only (PUBHARVEST_HOSTILE_FULL=1)")
    for item in items:
        if item.get_closest_marker("bench"):
            item.add_marker(skip)


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """A running hostile server, stopped (and its routes released) after the test."""
    with running() as hostile:
        yield hostile


@pytest.fixture
def site(server: HostileServer) -> Site:
    """The hostile site: a listing with two good publications around the hostile ones."""
    return Site(server)


@pytest.fixture
def case(request: pytest.FixtureRequest,
         record_property: pytest.RecordProperty) -> Iterator[Case]:
    """The test's row in the reliability table, recorded as user properties at the end."""
    group = request.node.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    found = Case(group=group.replace("_", " "))
    yield found
    for key, value in found.properties().items():
        record_property(key, value)
