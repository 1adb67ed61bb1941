"""Run the hostile cases at full size and write the reliability table (docs/reliability.md).

Run: python bench/reliability.py [--quick] [--fuzz N] [--write]

The cases are the tests of `tests/hostile/` and the fuzz tests of `tests/test_fuzz.py`,
run by pytest in this process with `PUBHARVEST_HOSTILE_FULL=1` (issue 7's full sizes:
10 MB max_bytes against the 50 MB body and the gzip bomb, a 5 s timeout against a drip
of one byte per second, 30 kills per SIGKILL case) and `PUBHARVEST_FUZZ_EXAMPLES=N`.
Each case records what it did as pytest user properties (see `tests/hostile/bed.py`);
this script collects them with the outcome and duration of each test and renders one
table per group, then the totals: cases tried, crashes, hangs, records lost, invalid
feeds (the goal is zero in each of the last four), and how many fuzz inputs ran.

`--quick` keeps the CI sizes (to check the script itself); `--write` replaces
docs/reliability.md, otherwise the document is printed. Not a test: times and memory
depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "reliability.md"
TESTS = ("tests/hostile", "tests/test_fuzz.py")
GROUPS = {  # module group -> heading, in the order the document shows them
    "bodies": "Hostile bodies",
    "jsonld": "Hostile JSON-LD",
    "markup": "Markup meant to reach a reader",
    "servers": "Hostile servers",
    "local faults": "Local faults",
    "kill": "SIGKILL",
}
COUNTS = ("crashes", "hangs", "lost", "invalid_feeds")


@dataclass
class Row:
    """One test as run: outcome, duration, what it recorded, and why it failed."""

    nodeid: str
    outcome: str = "passed"
    duration: float = 0.0
    message: str = ""
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def failure(self) -> str:
        """Return "hang", "crash" or "fail" for a failed test, else ""."""
        if self.outcome != "failed":
            return ""
        if "Timeout" in self.message:
            return "hang"
        return "fail" if self.message.startswith("AssertionError") else "crash"


class Collector:
    """A pytest plugin that keeps every test's outcome, duration and user properties."""

    def __init__(self) -> None:
        """Start with no rows."""
        self.rows: dict[str, Row] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        """Fold each phase's report into the test's row."""
        outcome = yield
        report = outcome.get_result()
        row = self.rows.setdefault(item.nodeid, Row(item.nodeid))
        row.duration += report.duration
        if report.failed:
            row.outcome = "failed"
            crash = getattr(report.longrepr, "reprcrash", None)
            row.message = row.message or (crash.message if crash else str(report.longrepr))
        elif report.skipped and row.outcome == "passed":
            row.outcome = "skipped"
        row.props = dict(item.user_properties)


def run_cases(full: bool, fuzz: int) -> tuple[list[Row], float]:
    """Run the hostile and fuzz tests; return their rows and the wall time."""
    os.environ["PUBHARVEST_HOSTILE_FULL"] = "1" if full else "0"
    if fuzz:
        os.environ["PUBHARVEST_FUZZ_EXAMPLES"] = str(fuzz)
    collector = Collector()
    start = time.monotonic()
    pytest.main([*TESTS, "-q", "-p", "no:cacheprovider", "--timeout", "1800",
                 "-W", "ignore::pytest.PytestWarning"], plugins=[collector])
    return list(collector.rows.values()), time.monotonic() - start


_TMP = re.compile(r"/\S*?/pytest-\d+/[^/\s]+/")
_PORT = re.compile(r"(127\.0\.0\.1|localhost):\d+")


def cell(value: Any) -> str:
    """Return a table cell: temp paths and ports shortened, pipes escaped."""
    text = "—" if value in (None, "") else str(value)
    text = _PORT.sub(r"\1:PORT", _TMP.sub("…/", text))
    return text.replace("|", "\\|").replace("\n", " ")


def result(row: Row) -> str:
    """Return the Result cell: pass, or what went wrong."""
    if row.outcome == "passed":
        return "pass"
    if row.outcome == "skipped":
        return "skipped"
    return f"**{row.failure.upper()}**: {row.message[:160]}"


def render(rows: list[Row], seconds: float, args: argparse.Namespace) -> str:
    """Return the whole document."""
    cases = [r for r in rows if r.props.get("case")]
    fuzz = [r for r in rows if "fuzz_inputs" in r.props]
    by_group: dict[str, list[Row]] = defaultdict(list)
    for row in cases:
        by_group[row.props["group"]].append(row)
    command = "python bench/reliability.py" + (" --quick" if args.quick else "") + \
        (f" --fuzz {args.fuzz}" if args.fuzz else "") + " --write"
    lines = [
        "# Reliability: pubharvest against hostile pages, servers and faults",
        "",
        f"Generated by `{command}` on {date.today().isoformat()} "
        f"({platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}), in {seconds:.0f} s. "
        + ("Sizes: the CI ones (`--quick`)." if args.quick else
           "Sizes: the full ones of issue 7 (`PUBHARVEST_HOSTILE_FULL=1`)."),
        "",
        "Every case is a test in `tests/hostile/` (a raw-socket server on 127.0.0.1, a real "
        "`pubharvest harvest` or `feeds` run) and keeps the same rules: the run finishes "
        "(every wait is bounded), reports each failed page with a one-line reason and goes "
        "on with the others, prints no traceback, loses or alters nothing already stored, "
        "and leaves only whole, valid files in the output folder (RSS parsed, Atom "
        "validated against RFC 4287's RELAX NG schema, JSON Feed 1.1, OPML, JSON records). "
        "*Time* is the pubharvest run (or runs) of the case; *peak RSS* is the harvester "
        "process's VmHWM, measured where the case is about size. The same tests run in CI "
        "with small sizes: `pytest tests/hostile tests/test_fuzz.py`.",
        "",
    ]
    for group in [*GROUPS, *sorted(set(by_group) - set(GROUPS))]:
        if group not in by_group:
            continue
        lines += [f"## {GROUPS.get(group, group.capitalize())}", "",
                  "| Case | What it does | What pubharvest does | Result | Time | Peak RSS |",
                  "|---|---|---|---|---:|---:|"]
        for row in by_group[group]:
            p = row.props
            took = p.get("seconds") if p.get("seconds") is not None else round(row.duration, 2)
            rss = f"{p['rss_mb']:.0f} MB" if p.get("rss_mb") else "—"
            lines.append(f"| {cell(p['case'])} | {cell(p['does'])} | {cell(p['did'])} | "
                         f"{cell(result(row))} | {took:.1f} s | {rss} |")
        lines.append("")
    lines += totals(by_group, rows, fuzz)
    return "\n".join(lines) + "\n"


def totals(by_group: dict[str, list[Row]], rows: list[Row], fuzz: list[Row]) -> list[str]:
    """Return the totals section: per group and overall, and the fuzz count."""
    lines = ["## Totals", "",
             "| Group | Cases | Passed | Crashes | Hangs | Records lost | Invalid feeds |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    overall = defaultdict(int)
    for group in sorted(by_group, key=lambda g: (list(GROUPS).index(g) if g in GROUPS
                                                   else len(GROUPS), g)):
        members = by_group[group]
        sums = {name: sum(int(r.props.get(name) or 0) for r in members) for name in COUNTS}
        sums["crashes"] += sum(r.failure == "crash" for r in members)
        sums["hangs"] += sum(r.failure == "hang" for r in members)
        passed = sum(r.outcome == "passed" for r in members)
        for key, value in (("cases", len(members)), ("passed", passed), *sums.items()):
            overall[key] += value
        lines.append(f"| {GROUPS.get(group, group)} | {len(members)} | {passed} | "
                     f"{sums['crashes']} | {sums['hangs']} | {sums['lost']} | "
                     f"{sums['invalid_feeds']} |")
    lines.append(f"| **All** | **{overall['cases']}** | **{overall['passed']}** | "
                 f"**{overall['crashes']}** | **{overall['hangs']}** | **{overall['lost']}** | "
                 f"**{overall['invalid_feeds']}** |")
    inputs = sum(int(r.props["fuzz_inputs"]) for r in fuzz)
    fuzz_ok = all(r.outcome == "passed" for r in fuzz)
    other = [r for r in rows if not r.props.get("case") and r not in fuzz]
    lines += ["", f"**Fuzzing:** {inputs:,} inputs ran through `extract_page` and the "
              "pipeline's parse → extract → classify path (mutated golden pages of "
              "`tests/pages/` and the shared corpus when present, and random bytes); "
              + ("no exception escaped and every record validated against the record "
                 "schema." if fuzz_ok else "**a failure was found**: " +
                 "; ".join(cell(r.message[:200]) for r in fuzz if r.outcome != "passed")),
              "", f"Supporting tests (no table row): {sum(r.outcome == 'passed' for r in other)}"
              f" of {len(other)} passed."]
    return lines


def main() -> int:
    """Run the cases and print or write the document."""
    # This folder holds feeds.py (a benchmark), which would shadow the `feeds` package.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI sizes, to check the script")
    parser.add_argument("--fuzz", type=int, default=None, metavar="N",
                        help="fuzz examples per fuzz test (default 2000; 150 with --quick)")
    parser.add_argument("--write", action="store_true", help="write docs/reliability.md")
    args = parser.parse_args()
    fuzz = args.fuzz if args.fuzz is not None else (0 if args.quick else 2000)
    os.environ.setdefault("PUBHARVEST_FUZZ_CORPUS", "1")
    os.chdir(REPO)
    rows, seconds = run_cases(not args.quick, fuzz)
    if fuzz:
        args.fuzz = fuzz
    document = render(rows, seconds, args)
    if args.write:
        DOC.write_text(document, encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        print(document)
    bad = [r for r in rows if r.outcome == "failed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
