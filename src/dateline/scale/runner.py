"""run_ingest_ray: the local ingest, with reading and extraction spread over Ray.

Steps:
  1. the driver splits the specs into work units (files, archives, URLs);
  2. Ray Data reads the units on the workers (``flat_map``) into documents;
  3. ``map_batches`` runs ExtractActor (one per worker: spaCy and the gazetteer
     load once) over the documents; order is preserved end to end;
  4. the driver takes the results in input order through the local engine's own
     dedup and batch writer (``ingest.runner``), so the stored rows are those a
     local run stores, and writes are idempotent (content-hash keys: a batch Ray
     retries after a lost worker cannot store an article twice);
  5. the same batch writer fuses each committed batch (``fuse.store_sync``), so a
     local and a Ray run of one input store the same events.
Extraction is ~99% of the work per article; the driver's share is measured
(``driver_seconds``) so the sizing in docs/scale.md can check it stays small.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from ..errors import ConfigError
from ..ingest.runner import IngestSummary, _Ingest
from ..settings import Settings
from . import require_ray
from .units import work_units
from .worker import CRASH_ONCE_ENV, ExtractActor, Outcome, decode, read_unit

ProgressCallback = Callable[[IngestSummary], None]
ACTOR_BATCH = 4  # documents per actor call: short calls make a retried batch cheap
BLOCK_BYTES = 2 * 1024 * 1024  # small blocks so one big archive spreads over workers


@dataclass(slots=True)
class ScaleSummary:
    ingest: IngestSummary
    engine: str = "ray"
    workers: int = 1
    driver_seconds: float = 0.0  # dedup + writes on the driver
    first_result_seconds: float | None = None  # startup: workers up, models loaded
    total_seconds: float = 0.0  # from the start of the dataset to the last write
    extracted: int = 0  # documents the workers read and extracted
    extract_seconds: float = 0.0  # worker time spent reading + extracting, summed
    extract_cpu_seconds: float = 0.0  # the same in CPU time
    extract_window: tuple[float, float] | None = None  # first start, last end (time.time)
    fusion: dict[str, Any] | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        return {**self.ingest.to_dict(), "engine": self.engine, "workers": self.workers,
                "driver_seconds": round(self.driver_seconds, 3),
                "first_result_seconds": None if self.first_result_seconds is None
                else round(self.first_result_seconds, 3),
                "total_seconds": round(self.total_seconds, 3),
                "extracted": self.extracted, "extract_seconds": round(self.extract_seconds, 3),
                "extract_cpu_seconds": round(self.extract_cpu_seconds, 3),
                "extract_window_seconds": None if self.extract_window is None
                else round(self.extract_window[1] - self.extract_window[0], 3),
                "fusion": self.fusion}


def run_ingest_ray(specs: Iterable[str], *, settings: Settings, engine: Engine,
                   ray_address: str | None = None, workers: int | None = None,
                   batch_size: int = 25, fuse: bool = True,
                   on_progress: ProgressCallback | None = None) -> ScaleSummary:
    """Ingest ``specs`` with Ray workers; the store ends as a local run leaves it."""
    ray = require_ray()
    if ray_address and ray_address != "local" and engine.dialect.name == "sqlite":
        raise ConfigError("a Ray cluster (--ray-address) needs a PostgreSQL store "
                          "(--db postgresql+psycopg://...); SQLite is for a local Ray run")
    started_here = _connect(ray, ray_address, workers)
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = min(workers, cpus) if workers else cpus  # one CPU per actor, or it never starts
        summary = ScaleSummary(IngestSummary(), workers=size)
        sink = _Ingest(settings, engine, batch_size, on_progress, fuse=fuse)
        summary.ingest = sink.summary
        sink.fuse_leftovers()
        began = time.perf_counter()
        units = list(work_units(specs))
        if units:
            dataset = _dataset(ray, units, settings, size)
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                tick = time.perf_counter()
                if summary.first_result_seconds is None:
                    summary.first_result_seconds = tick - began
                for blob in batch.column("item").to_pylist():
                    outcome = decode(blob)
                    _clock(summary, outcome)
                    _take(sink, outcome)
                summary.driver_seconds += time.perf_counter() - tick
        tick = time.perf_counter()
        sink._flush()
        summary.driver_seconds += time.perf_counter() - tick
        summary.total_seconds = time.perf_counter() - began
        if fuse:
            summary.fusion = {"new_mentions": sink.summary.fused_mentions,
                              "events_created": sink.summary.events_created}
        return summary
    finally:
        if started_here:
            ray.shutdown()


def _connect(ray, address: str | None, workers: int | None) -> bool:  # noqa: ANN001
    """Join the cluster at ``address`` or start a local Ray; True if we started it."""
    if ray.is_initialized():
        return False
    local = address in (None, "local")
    ray.init(address=None if local else address,
             num_cpus=(workers or os.cpu_count() or 1) if local else None,
             include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
             configure_logging=True)
    return True


def _dataset(ray, units: list[str], settings: Settings, size: int):  # noqa: ANN001, ANN202
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results in input order, as locally
    context.target_max_block_size = BLOCK_BYTES
    context.enable_progress_bars = False
    crash_marker = os.environ.get(CRASH_ONCE_ENV) or None
    documents = (ray.data.from_items([{"unit": u} for u in units],
                                     override_num_blocks=min(len(units), 10_000))
                 # Reading is light next to extraction: no CPU reserved, a few at a time.
                 .flat_map(read_unit, fn_kwargs={"settings": settings}, num_cpus=0,
                           compute=ray.data.TaskPoolStrategy(size=max(2, size // 8))))
    return documents.map_batches(
        ExtractActor, fn_constructor_kwargs={"settings": settings, "crash_marker": crash_marker},
        batch_size=ACTOR_BATCH, batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1)


def _clock(summary: ScaleSummary, outcome: Outcome) -> None:
    """Worker-side timing: what per-core throughput and the sizing are computed from."""
    if outcome.kind != "done":
        return
    summary.extracted += 1
    summary.extract_seconds += outcome.ended - outcome.started
    summary.extract_cpu_seconds += outcome.cpu_seconds
    window = summary.extract_window or (outcome.started, outcome.ended)
    summary.extract_window = (min(window[0], outcome.started), max(window[1], outcome.ended))


def _take(sink: _Ingest, outcome: Outcome) -> None:
    """One result, handled as the local engine's ``_fresh`` then ``_take`` would."""
    if outcome.kind == "error":
        sink._fail(outcome.result)
        return
    key = outcome.raw_hash
    if (outcome.kind == "stored" or key in sink.raw_seen
            or sink.writer.known_raw_hashes([key])):
        sink.raw_seen.add(key)
        sink.summary.duplicates += 1
        sink._tick()
        return
    sink.raw_seen.add(key)
    sink._take(outcome.result)

