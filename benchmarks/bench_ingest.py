"""Ingest and store speed, printed as JSON.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 120] [--pg URL]

Measures, on a generated corpus of original articles (no outside text):
  * articles/s of `run_ingest` with 1 and 2 workers on SQLite (wall clock, and
    with the extractor's one-off load time taken out);
  * the same with 1 worker on PostgreSQL (--pg or DATELINE_TEST_PG);
  * database size per 1,000 articles on each backend;
  * store overhead: the time to hash, dedup and write the extracted articles,
    as a share of the time extraction took for them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from dateline.ingest import dedup, pipeline
from dateline.ingest.runner import run_ingest
from dateline.ingest.sources import RawDocument
from dateline.settings import Settings
from dateline.store import db
from dateline.store.writer import ArticleRecord, StoreWriter

CITIES = ("Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson", "Lviv", "Poltava")
OFFICIALS = ("the regional governor", "the mayor", "the emergency service", "the air force")
SENTENCES = (
    "Russian forces launched {n} drones and {m} missiles at {city} overnight, {who} said.",
    "At least {k} people were killed and {j} injured when a strike hit a residential building in {city}.",
    "Air defences shot down {d} of the drones over the {city} region, according to {who}.",
    "Ukrainian officials said negotiators would meet in Geneva on Thursday to discuss a ceasefire.",
    "The attack damaged power lines, leaving thousands of homes in {city} without electricity.",
    "{who_cap} said rescue teams were still searching the rubble on Tuesday morning.",
    "Moscow denied targeting civilians and said its forces had struck military sites near {city}.",
    "Local schools in {city} moved classes online while repairs continued across the district.",
)


def make_article(index: int, rng: random.Random) -> str:
    city = CITIES[index % len(CITIES)]
    lines = [f"Strikes on {city} leave damage across the city (bulletin {index})", ""]
    for paragraph in range(6):
        picks = rng.sample(SENTENCES, 3)
        who = rng.choice(OFFICIALS)
        lines.append(" ".join(p.format(city=rng.choice(CITIES) if paragraph else city,
                                       n=rng.randint(10, 400), m=rng.randint(1, 40),
                                       k=rng.randint(1, 30), j=rng.randint(2, 90),
                                       d=rng.randint(5, 300), who=who, who_cap=who.capitalize())
                             for p in picks) + f" (Update {index}.{paragraph}.)")
        lines.append("")
    return "\n".join(lines)


def write_corpus(folder: Path, count: int) -> None:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"bulletin_{i:05d}.txt").write_text(make_article(i, rng), encoding="utf-8")


def db_size(engine) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            return pages * conn.exec_driver_sql("PRAGMA page_size").scalar()
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar()


def fresh_pg(url: str):  # noqa: ANN201 - (database url, cleanup)
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"dl_bench_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return make_url(url).set(database=name).render_as_string(hide_password=False), drop


def timed_ingest(url: str, corpus: Path, settings: Settings, workers: int,
                 load_seconds: float) -> dict:
    engine = db.open_engine(url)
    empty = db_size(engine)  # a migrated empty database: fixed cost, not per article
    started, cpu_before = time.perf_counter(), os.times()
    summary = run_ingest([str(corpus)], settings=settings, engine=engine, workers=workers,
                         batch_size=25)
    wall = time.perf_counter() - started
    cpu_after = os.times()
    # CPU of this process and of the (reaped) worker processes: on a shared machine
    # wall time depends on other tenants, CPU time much less.
    cpu = sum(getattr(cpu_after, f) - getattr(cpu_before, f)
              for f in ("user", "system", "children_user", "children_system"))
    size = db_size(engine)
    engine.dispose()
    return {"workers": workers, "backend": engine.dialect.name, "seconds": round(wall, 2),
            "cpu_seconds": round(cpu, 2), "cpu_utilisation": round(cpu / wall, 2),
            "articles_per_s": round(summary.ingested / wall, 2),
            "articles_per_s_without_model_load": round(summary.ingested / max(wall - load_seconds, 1e-9), 2),
            "events": summary.events, "failed": summary.failed,
            "db_bytes_per_1000_articles": int((size - empty) / max(summary.ingested, 1) * 1000),
            "events_per_article": round(summary.events / max(summary.ingested, 1), 1)}


def store_overhead(url: str, corpus: Path, settings: Settings) -> dict:
    """Extraction time vs the time to hash, dedup-check and write the same articles."""
    pipeline.init_worker(settings)
    docs = [RawDocument(name=str(p), data=p.read_bytes()) for p in sorted(corpus.iterdir())]
    started = time.perf_counter()
    processed = [pipeline.process(d) for d in docs]
    extract_seconds = time.perf_counter() - started

    engine = db.open_engine(url)
    writer = StoreWriter(engine)
    index = dedup.NearDuplicateIndex(writer.band_candidates)
    started = time.perf_counter()
    batch: list[ArticleRecord] = []
    for item in processed:
        writer.known_raw_hashes([item.raw_hash])
        writer.known_content_hashes([item.content_hash])
        index.find(item.minhash, item.bands)
        index.add(item.content_hash, item.minhash, item.bands)
        batch.append(ArticleRecord(item.article, item.extraction, item.content_hash,
                                   item.raw_hash, item.name, item.minhash, item.bands))
        if len(batch) == 25:
            writer.write_batch(batch)
            index.committed()
            batch = []
    writer.write_batch(batch)
    store_seconds = time.perf_counter() - started
    engine.dispose()
    return {"backend": engine.dialect.name, "extract_seconds": round(extract_seconds, 2),
            "store_seconds": round(store_seconds, 3),
            "store_share_of_extraction": round(store_seconds / extract_seconds, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--pg", default=os.environ.get("DATELINE_TEST_PG"))
    parser.add_argument("--extractor", default="dateline.extraction.pipeline:Extractor")
    args = parser.parse_args()
    settings = Settings.load(extractor=args.extractor)
    started = time.perf_counter()
    pipeline.load_extractor(settings)
    load_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles)
        words = sum(len(p.read_text().split()) for p in corpus.iterdir())
        runs = [timed_ingest(f"sqlite:///{tmp}/w{w}.sqlite", corpus, settings, w, load_seconds)
                for w in (1, 2)]
        overhead = [store_overhead(f"sqlite:///{tmp}/overhead.sqlite", corpus, settings)]
        if args.pg:
            url, drop = fresh_pg(args.pg)
            try:
                runs.append(timed_ingest(url, corpus, settings, 1, load_seconds))
            finally:
                drop()
            url, drop = fresh_pg(args.pg)
            try:
                overhead.append(store_overhead(url, corpus, settings))
            finally:
                drop()
    one, two = runs[0], runs[1]
    print(json.dumps({
        "benchmark": "ingest", "articles": args.articles, "words": words,
        "extractor": args.extractor, "cpu_count": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "extractor_load_seconds": round(load_seconds, 2),
        "runs": runs,
        "speedup_2_workers": round(two["articles_per_s"] / one["articles_per_s"], 2),
        "speedup_2_workers_without_model_load": round(
            two["articles_per_s_without_model_load"] / one["articles_per_s_without_model_load"], 2),
        # What 2 workers would give if each got a whole core: 1-worker CPU time over
        # half the 2-worker CPU time (includes each worker's model load).
        "speedup_2_workers_if_cores_were_free": round(
            one["cpu_seconds"] / (two["cpu_seconds"] / 2), 2),
        "store_overhead": overhead,
    }, indent=2))


if __name__ == "__main__":
    sys.exit(main())
