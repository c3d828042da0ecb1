"""The fuzzing campaign's harness: Hypothesis profiles and the tally of what it tried.

Quick by default (a few dozen generated inputs per target, part of `make test`);
`make fuzz` (DATELINE_FUZZ=long) runs >= 10,000 per target. Generation is
derandomized -- a fixed seed per test -- so every run tries the same inputs and a
failure reproduces. The tally (inputs tried, crashes, server errors, records lost,
per target) is printed at the end and written as JSON to DATELINE_FUZZ_REPORT if set
(every 20 s during the run, too).
"""
from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "web", HERE.parent / "ingest"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

LONG = os.environ.get("DATELINE_FUZZ") == "long"
EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES") or (10_000 if LONG else 40))
# DATELINE_FUZZ_SEED=N (with pytest's --hypothesis-seed=N) continues a stopped long run
# with other, still fixed, inputs; without it each property's seed is its own name.
settings.register_profile(
    "dateline", max_examples=EXAMPLES, derandomize=not os.environ.get("DATELINE_FUZZ_SEED"),
    database=None, deadline=None,
    print_blob=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                            HealthCheck.function_scoped_fixture,
                                            HealthCheck.filter_too_much])
settings.load_profile("dateline")
logging.getLogger("warcio").setLevel(logging.ERROR)  # "Replacing spaces in ..." on every odd URI

TALLY: dict[str, dict[str, int]] = defaultdict(
    lambda: {"inputs": 0, "crashes": 0, "server_errors": 0, "records_lost": 0})


@pytest.fixture()
def tally():  # noqa: ANN201
    """tally[target][figure] += n, kept for the session's report."""
    return TALLY


def _write_report(path: str) -> None:
    try:
        snapshot = {target: dict(figures) for target, figures in list(TALLY.items())}
    except RuntimeError:  # the tally grew while copied: the next write catches up
        return
    Path(path).write_text(json.dumps({"examples_per_property": EXAMPLES, "targets": snapshot},
                                     indent=1, sort_keys=True))


def _keep_writing(path: str) -> None:
    """A long run may be stopped (a deadline, a CI limit): the figures so far are kept."""
    while True:
        time.sleep(20)
        _write_report(path)


if REPORT := os.environ.get("DATELINE_FUZZ_REPORT"):
    threading.Thread(target=_keep_writing, args=(REPORT,), daemon=True).start()


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    if not TALLY:
        return
    terminalreporter.section(f"fuzzing ({'long' if LONG else 'quick'}, "
                             f"{EXAMPLES} examples per property)")
    for target, figures in sorted(TALLY.items()):
        terminalreporter.write_line(
            f"{target:28} inputs {figures['inputs']:>7}  crashes {figures['crashes']}  "
            f"5xx {figures['server_errors']}  records lost {figures['records_lost']}")
    if REPORT:
        _write_report(REPORT)
