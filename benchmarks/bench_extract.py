"""Extraction speed and memory, printed as JSON.

Runs, in one process and on the same texts (the development articles and the
examples), --rounds times, the two sides taking turns each round:
  1. the bare spaCy model's nlp.pipe over the articles' paragraphs;
  2. the whole extract pipeline (reading, spaCy, gazetteer places, the family
     components, assembly and geocoding).
Reports articles per second on one core (the process is single-threaded), the
ratio of (2) to (1), load times and peak resident memory.

    .venv/bin/python benchmarks/bench_extract.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus() -> list[Path]:
    return sorted((REPO / "tests" / "fixtures" / "dev").glob("*.txt")) + sorted((REPO / "examples").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from dateline.extraction.nlp import load_model
    from dateline.extraction.pipeline import Extractor
    from dateline.ingest.read import read_path

    t0 = time.perf_counter()
    extractor = Extractor.from_settings()
    if extractor.geo is not None:  # build the lazy indexes (matcher, fuzzy names) before timing
        extractor.geo.find_mentions("warm up the place matcher in Kyiv")
        extractor.geo.resolve("Qwertyuiopville")
    from dateline.geo.countries import country_code
    country_code("Ukraine")  # the country tables load once
    load_seconds = time.perf_counter() - t0
    bare = load_model("auto")
    corpus_articles = [read_path(p, published="2025-11-25") for p in corpus()]
    corpus_paragraphs = [[a.text[s:e] for s, e in a.paragraphs] for a in corpus_articles]
    words = sum(len(a.text.split()) for a in corpus_articles) * args.rounds

    # The two sides take turns, one pass over the corpus each per round, so a burst of load on this
    # shared machine hits both; each round's ratio is kept and the median reported, on CPU time
    # (what this process used) as well as wall time.
    rounds = []
    events = 0
    for _ in range(args.rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        for paras in corpus_paragraphs:
            list(bare.pipe(paras))
        w1, c1 = time.perf_counter(), time.process_time()
        for article in corpus_articles:
            events += len(extractor.extract_article(article).events)
        w2, c2 = time.perf_counter(), time.process_time()
        rounds.append({"bare_wall": w1 - w0, "pipeline_wall": w2 - w1, "bare_cpu": c1 - c0, "pipeline_cpu": c2 - c1})
    spacy_seconds = sum(r["bare_wall"] for r in rounds)
    pipeline_seconds = sum(r["pipeline_wall"] for r in rounds)
    wall_ratios = sorted(r["pipeline_wall"] / r["bare_wall"] for r in rounds)
    cpu_ratios = sorted(r["pipeline_cpu"] / r["bare_cpu"] for r in rounds)
    articles = corpus_articles * args.rounds

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "articles": len(articles), "words": words, "events": events,
        "load_seconds": round(load_seconds, 2),
        "bare_spacy_seconds": round(spacy_seconds, 2),
        "pipeline_seconds": round(pipeline_seconds, 2),
        "pipeline_over_bare_spacy": round(pipeline_seconds / spacy_seconds, 3),
        "median_round_ratio_wall": round(statistics.median(wall_ratios), 3),
        "median_round_ratio_cpu": round(statistics.median(cpu_ratios), 3),
        "round_ratios_cpu": [round(r, 3) for r in cpu_ratios],
        "load_average_1min": round(os.getloadavg()[0], 2),
        "articles_per_second_per_core": round(len(articles) / pipeline_seconds, 2),
        "words_per_second_per_core": round(words / pipeline_seconds),
        "peak_rss_mb": round(peak_mb, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
