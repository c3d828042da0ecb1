"""The progress bar of `dateline ingest`: rich, on stderr, with articles/s and ETA."""
from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from .runner import IngestSummary
from .sources import expand_spec, is_url, kind_of_path


def estimate_total(specs: Sequence[str]) -> int | None:
    """Inputs to expect, when counting is cheap (files, JSONL lines); else None."""
    total = 0
    for spec in specs:
        if is_url(spec):
            return None
        paths = expand_spec(spec)
        for path in paths or ():
            kind = kind_of_path(Path(path))
            if kind in ("warc", "feed"):
                return None
            if kind == "jsonl":
                with open(path, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
        if paths is None:
            total += 1  # it will be one error
    return total


class ProgressReporter:
    def __init__(self, specs: Sequence[str], *, quiet: bool) -> None:
        self.quiet = quiet
        self.started = time.monotonic()
        self.total = None if quiet else estimate_total(specs)
        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("{task.fields[line]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False, disable=quiet)
        self.task = self.progress.add_task("ingest", total=self.total, rate=0.0, line="")
        self._last = 0.0

    def __enter__(self) -> ProgressReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, summary: IngestSummary, *, force: bool = False) -> None:
        now = time.monotonic()
        if self.quiet or (now - self._last < 0.1 and not force):
            return
        self._last = now
        rate = summary.seen / max(now - self.started, 1e-6)
        self.progress.update(self.task, completed=summary.seen, rate=rate,
                             line=f"{summary.events} events, {summary.failed} failed")
