"""Ray versus the local engine, printed as JSON.

    .venv/bin/python benchmarks/bench_scale.py [--limit N] [--pg URL]

On the project's own fixture articles (tests/fixtures/dev, tests/fuse, tests/tracker,
tests/scale: all written for this project), in one run:
  * articles/s of the local engine (one process) and of Ray with 1 and 2 CPUs
    (``ray.init(num_cpus=...)``, one extraction actor per CPU), each into a fresh store;
  * for each: wall clock (with the one-off start: Ray workers, spaCy and gazetteer
    loads), steady rate (articles over the span from the first extraction's start to
    the last one's end, timed where extraction runs) and the rate per busy core;
  * Ray's overhead over the local engine (steady, 1 CPU vs one process) and its
    scaling from 1 to 2 CPUs; the driver's share (dedup + writes) of a Ray run.
Fusion is left out (fuse=False): it is corpus-level and the same for both engines.
The machine's load average is printed too: on a shared 2-core box it moves the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from dateline.ingest.runner import IngestSummary, run_ingest
from dateline.settings import Settings
from dateline.store import db

REPO = Path(__file__).resolve().parents[1]
FIXTURES = ("tests/fixtures/dev", "tests/fuse/data/articles", "tests/tracker/data/articles",
            "tests/scale/data")


def build_corpus(folder: Path, limit: int | None) -> int:
    folder.mkdir(parents=True)
    paths = [p for d in FIXTURES for p in sorted((REPO / d).glob("*.txt"))][:limit]
    for i, path in enumerate(paths):
        shutil.copy(path, folder / f"{i:04d}_{path.name}")
    return len(paths)


def rates(summary: IngestSummary, wall: float, extracted: int, window: float | None,
          busy: float) -> dict:
    """Wall rate (with start-up) and steady rate (first extraction start to last end)."""
    return {"articles": summary.ingested, "events": summary.events, "failed": summary.failed,
            "near_duplicates": summary.near_duplicates, "wall_s": round(wall, 2),
            "articles_per_s_wall": round(summary.seen / wall, 3),
            "extract_window_s": round(window, 2) if window else None,
            "articles_per_s_steady": round(extracted / window, 3) if window else None,
            "articles_per_s_per_busy_core": round(extracted / busy, 3) if busy else None}


def store_url(pg: str | None, work: Path, name: str) -> tuple[str, callable]:
    if not pg:
        return f"sqlite:///{work / f'{name}.sqlite'}", lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    database = f"dl_bench_scale_{name}_{os.getpid()}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()

    return make_url(pg).set(database=database).render_as_string(hide_password=False), drop


def run_local(corpus: Path, url: str) -> dict:
    from dateline.ingest import pipeline

    spans: list[tuple[float, float]] = []
    process = pipeline.process

    def timed(doc):  # noqa: ANN001, ANN202 - the same clock the Ray workers report
        started = time.time()
        result = process(doc)
        spans.append((started, time.time()))
        return result

    settings = Settings.load(db_url=url)
    engine = db.open_engine(url)
    pipeline.process = timed
    try:
        started = time.perf_counter()
        summary = run_ingest([str(corpus)], settings=settings, engine=engine, workers=1)
        wall = time.perf_counter() - started
    finally:
        pipeline.process = process
    engine.dispose()
    window = spans[-1][1] - spans[0][0] if spans else None
    return rates(summary, wall, len(spans), window, sum(e - s for s, e in spans))


def run_ray(corpus: Path, url: str, cpus: int) -> dict:
    import ray

    from dateline.scale.runner import run_ingest_ray

    started = time.perf_counter()
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    ray_start = time.perf_counter() - started
    try:
        settings = Settings.load(db_url=url)
        engine = db.open_engine(url)
        began = time.perf_counter()
        result = run_ingest_ray([str(corpus)], settings=settings, engine=engine, workers=cpus,
                                fuse=False)
        wall = time.perf_counter() - began
        window = result.extract_window[1] - result.extract_window[0] \
            if result.extract_window else None
        out = rates(result.ingest, wall, result.extracted, window, result.extract_seconds)
        out.update(first_result_s=round(result.first_result_seconds or 0, 2),ray_init_s=round(ray_start, 2), workers=result.workers,
                   driver_s=round(result.driver_seconds, 3),
                   driver_articles_per_s=round(result.ingest.seen / result.driver_seconds, 1)
                   if result.driver_seconds else None)
        engine.dispose()
        return out
    finally:
        ray.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (a scratch database per run)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    try:
        corpus = work / "corpus"
        count = build_corpus(corpus, args.limit)
        results: dict = {"corpus_articles": count, "cores": os.cpu_count(),
                         "backend": "postgresql" if args.pg else "sqlite",
                         "load_average_before": [round(x, 2) for x in os.getloadavg()]}
        for name, run in (("local_1_process", lambda u: run_local(corpus, u)),
                          ("ray_1_cpu", lambda u: run_ray(corpus, u, 1)),
                          ("ray_2_cpus", lambda u: run_ray(corpus, u, 2))):
            url, drop = store_url(args.pg, work, name)
            try:
                results[name] = run(url)
            finally:
                drop()
        local = results["local_1_process"]["articles_per_s_steady"]
        one = results["ray_1_cpu"]["articles_per_s_steady"]
        two = results["ray_2_cpus"]["articles_per_s_steady"]
        results["ray_overhead_vs_local_steady"] = round(local / one, 3) if one else None
        results["ray_scaling_1_to_2_cpus_steady"] = round(two / one, 3) if one else None
        results["ray_scaling_1_to_2_cpus_wall"] = round(
            results["ray_2_cpus"]["articles_per_s_wall"]
            / results["ray_1_cpu"]["articles_per_s_wall"], 3)
        results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
