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


def build_corpus(folder: Path, limit: int | None) -> tuple[int, int]:
    """Copy the fixture articles; return (articles, words)."""
    folder.mkdir(parents=True)
    paths = [p for d in FIXTURES for p in sorted((REPO / d).glob("*.txt"))][:limit]
    words = 0
    for i, path in enumerate(paths):
        shutil.copy(path, folder / f"{i:04d}_{path.name}")
        words += len(path.read_text(encoding="utf-8").split())
    return len(paths), words


def rates(summary: IngestSummary, wall: float, extracted: int, window: float | None,
          busy: float, cpu: float) -> dict:
    """Wall rate (with start-up), steady rate (first extraction start to last end),
    and the CPU time of extraction per article (what other load on the machine changes least)."""
    return {"extract_cpu_s_per_article": round(cpu / extracted, 4) if extracted else None,
            # CPU the extraction actually got during its window: on a loaded machine a
            # second worker may get no second core, and this shows it.
            "cores_obtained": round(cpu / window, 2) if window else None,
            "articles": summary.ingested, "events": summary.events, "failed": summary.failed,
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

    spans: list[tuple[float, float, float]] = []
    process = pipeline.process

    def timed(doc):  # noqa: ANN001, ANN202 - the same clocks the Ray workers report
        started, cpu = time.time(), time.process_time()
        result = process(doc)
        spans.append((started, time.time(), time.process_time() - cpu))
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
    out = rates(summary, wall, len(spans), window=spans[-1][1] - spans[0][0] if spans else None,
                busy=sum(e - s for s, e, _ in spans), cpu=sum(c for _, _, c in spans))
    out["store_bytes_per_article"] = store_bytes(engine) // max(1, summary.ingested)
    engine.dispose()
    return out


def store_bytes(engine) -> int:  # noqa: ANN001 - a SQLAlchemy Engine
    """The database's size: the SQLite file (after a WAL checkpoint) or pg_database_size."""
    from sqlalchemy import text

    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return os.path.getsize(engine.url.database)
        return conn.scalar(text("SELECT pg_database_size(current_database())"))


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
        out = rates(result.ingest, wall, result.extracted, window, result.extract_seconds,
                    result.extract_cpu_seconds)
        out.update(first_result_s=round(result.first_result_seconds or 0, 2),
                   ray_init_s=round(ray_start, 2), workers=result.workers,
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
        count, words = build_corpus(corpus, args.limit)
        results: dict = {"corpus_articles": count, "corpus_words": words,
                         "cores": os.cpu_count(),
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
        # Less load-dependent: CPU seconds of extraction per article, Ray worker vs local.
        cpu = {k: results[k]["extract_cpu_s_per_article"] for k in
               ("local_1_process", "ray_1_cpu", "ray_2_cpus")}
        results["extract_cpu_ratio_ray_vs_local"] = round(cpu["ray_1_cpu"]
                                                          / cpu["local_1_process"], 3)
        results["words_per_cpu_s_local"] = round(words / count / cpu["local_1_process"])
        results["articles_per_cpu_s_local"] = round(1 / cpu["local_1_process"], 3)
        results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
