"""Geocoding figures, printed as JSON: load time, resolutions per second, memory, accuracy.

    .venv/bin/python benchmarks/bench_geo.py            # uses the default gazetteer (builds it if missing)
    .venv/bin/python benchmarks/bench_geo.py --build    # also times a fresh build into a temp dir

Resolutions are measured two ways: "uncached" (every (name, context) pair new:
SQLite lookups + ranking) and "stream" (a realistic stream where names repeat,
served by the in-process cache after their first resolution).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from dateline.geo import Gazetteer, GeoContext
from dateline.geo.build import build_gazetteer
from dateline.geo.evaluation import evaluate, load_cases
from dateline.settings import Settings

CASES = Path(__file__).resolve().parents[1] / "tests" / "geo" / "data" / "geocoding_cases.jsonl"
CONTEXTS = [GeoContext(), GeoContext(article_countries=("UA", "RU")), GeoContext(cue="region"),
            GeoContext(article_countries=("US",)), GeoContext(article_countries=("SD",))]


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="store_true", help="time a fresh build too")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    figures: dict = {"benchmark": "geo"}
    path = Settings.load().gazetteer_path
    if args.build or not path.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "gazetteer.sqlite" if path.is_file() else path
            started = time.perf_counter()
            summary = build_gazetteer(target)
            figures["build_seconds"] = round(time.perf_counter() - started, 2)
            figures["build_places"] = summary["places"]
    figures["gazetteer_mb"] = round(path.stat().st_size / 1e6, 1)

    started = time.perf_counter()
    gazetteer = Gazetteer.open(path)
    figures["load_seconds"] = round(time.perf_counter() - started, 4)

    rng = random.Random(args.seed)
    names = [row[0] for row in gazetteer._db.execute(  # noqa: SLF001 - a benchmark may peek
        "SELECT name FROM places WHERE kind = 'city' AND population >= 20000 ORDER BY id")]
    sample = rng.sample(names, 5000)
    pairs = [(name, rng.choice(CONTEXTS)) for name in sample]

    started, cpu = time.perf_counter(), time.process_time()
    for name, context in pairs:
        gazetteer.resolve(name, context=context)
    elapsed = time.perf_counter() - started
    figures["uncached_resolutions_per_second"] = round(len(pairs) / elapsed)
    # CPU time too: on a shared machine wall-clock rates fall with other people's load.
    figures["uncached_resolutions_per_cpu_second"] = round(len(pairs) / (time.process_time() - cpu))

    # The same names again in contexts not seen before: candidates come from the per-key
    # cache, only the ranking runs (articles share names, rarely whole contexts).
    fresh = GeoContext(article_countries=("PL", "DE"), cue=None, dateline_place="Warsaw")
    started, cpu = time.perf_counter(), time.process_time()
    for name, _ in pairs:
        gazetteer.resolve(name, context=fresh)
    figures["new_context_resolutions_per_second"] = round(len(pairs) / (time.perf_counter() - started))
    figures["new_context_resolutions_per_cpu_second"] = round(len(pairs) / (time.process_time() - cpu))

    # A stream of 200,000 mentions over 2,000 distinct (name, context) pairs, skewed like news.
    distinct = pairs[:2000]
    weights = [1 / (rank + 1) for rank in range(len(distinct))]
    stream = rng.choices(distinct, weights=weights, k=200_000)
    started, cpu = time.perf_counter(), time.process_time()
    for name, context in stream:
        gazetteer.resolve(name, context=context)
    elapsed = time.perf_counter() - started
    figures["stream_resolutions_per_second"] = round(len(stream) / elapsed)
    figures["stream_resolutions_per_cpu_second"] = round(len(stream) / (time.process_time() - cpu))

    text = ("Drones struck the regions of Kharkiv, Dnipro, Chernihiv and Cherkasy, while debris "
            "fell in Kyiv's Pechersk district and a tanker burned in the Black Sea near Odesa. ") * 50
    gazetteer.find_mentions("warm up")
    started = time.perf_counter()
    gazetteer.find_mentions(text)
    figures["find_mentions_chars_per_second"] = round(len(text) / (time.perf_counter() - started))

    for label, cases in (("eval", CASES), ("heldout", CASES.with_name("geocoding_heldout.jsonl"))):
        if cases.is_file():
            report = evaluate(Gazetteer.open(path), load_cases(cases))
            figures[f"{label}_cases"] = report.total
            figures[f"{label}_exact_id_accuracy"] = round(report.accuracy, 4)
            figures[f"{label}_misses"] = report.misses
    figures["peak_rss_mb"] = _peak_mb()
    figures["load_average_1min"] = round(__import__("os").getloadavg()[0], 2)
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
