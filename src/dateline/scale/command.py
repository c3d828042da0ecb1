"""`dateline ingest --engine ray`: the CLI side (cli/ingest_cmd.py dispatches here)."""
from __future__ import annotations

import logging
import sys
import time

from ..settings import Settings
from . import require_ray


def ingest_on_ray(sources: list[str], *, db: str | None, workers: int | None, batch_size: int,
                  allow_private: bool, quiet: bool, ray_address: str | None,
                  fuse: bool = True) -> None:
    """Run the ingest on Ray and print the closing summary (engine, workers) on stderr."""
    require_ray()  # before anything is opened: without Ray, exit 2 with the install hint
    from ..ingest.progress import ProgressReporter
    from ..store.db import open_engine
    from .runner import run_ingest_ray

    logging.getLogger("ray.data").setLevel(logging.WARNING)  # the summary line says it all
    settings = Settings.load(db_url=db, allow_private=allow_private or None)
    engine = open_engine(settings.db_url)
    reporter = ProgressReporter(sources, quiet=quiet)
    started = time.monotonic()
    with reporter:
        result = run_ingest_ray(sources, settings=settings, engine=engine,
                                ray_address=ray_address, workers=workers,
                                batch_size=batch_size, fuse=fuse,
                                on_progress=reporter.update)
        reporter.update(result.ingest, force=True)
    elapsed = time.monotonic() - started
    summary = result.ingest
    for failure in summary.failures[:20]:
        print(f"failed: {failure.reason}", file=sys.stderr)
    if len(summary.failures) > 20:
        print(f"... and {len(summary.failures) - 20} more (see `dateline errors`)", file=sys.stderr)
    workers_word = "worker" if result.workers == 1 else "workers"
    print(f"{summary.describe(fused=fuse)} (engine ray, {result.workers} {workers_word}, "
          f"{elapsed:.1f}s)", file=sys.stderr)
