"""A pytest plugin: at the end of a run, how long each group of tests took (a group is a folder
under tests/, e.g. `e2e` or `reports`), so that a slower suite shows in every run's output."""

import time
from collections import Counter

_seconds: Counter[str] = Counter()
_tests: Counter[str] = Counter()
_started = time.monotonic()


def group_of(nodeid: str) -> str:
    parts = nodeid.split("::")[0].split("/")
    return parts[1] if len(parts) > 2 else "(top level)"


def pytest_runtest_logreport(report):
    group = group_of(report.nodeid)
    _seconds[group] += report.duration  # set-up, call and tear-down each report their share
    if report.when == "call" or (report.when == "setup" and report.skipped):
        _tests[group] += 1


def pytest_terminal_summary(terminalreporter, config):
    if not _tests or hasattr(config, "workerinput"):
        return
    workers = getattr(config.option, "numprocesses", None) or 1
    wall = time.monotonic() - _started
    terminalreporter.write_sep(
        "=", f"time per group: {wall:.0f} s wall clock, {workers} worker(s)", bold=True
    )
    for group, seconds in _seconds.most_common():
        terminalreporter.write_line(f"{group:<14} {_tests[group]:>5} tests {seconds:>8.1f} s")
    total = sum(_seconds.values())
    terminalreporter.write_line(f"{'all':<14} {sum(_tests.values()):>5} tests {total:>8.1f} s")
