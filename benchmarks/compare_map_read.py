"""The map's read side, an older version against the current one, in one process on
one database: p50/p95 of ``map_geojson`` (no HTTP) per map request of bench_web, and
whether both give the same features.

    git show REV:src/dateline/store/map_points.py > /tmp/map_points_before.py
    python benchmarks/compare_map_read.py --before /tmp/map_points_before.py \\
        --db /tmp/bench-fresh-1m.sqlite [--runs 41]

``--db`` is a SQLite file or a database URL (postgresql+psycopg://...).

The two versions run in turn, request by request, so load from other work on the
machine falls on both alike. Prints one JSON object a line. ``same_features``
compares geometry, place, fatalities and count (sorted); ``family_differs`` counts
places whose shown family differs (for a window made of several periods it is
the top family weighted by each period's count, so other periods can tip it).
"""
from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import time
from datetime import date
from pathlib import Path

from dateline.store import map_points as current
from dateline.store.db import open_engine
from dateline.store.queries import EventFilter

WORLD = (-180.0, -90.0, 180.0, 90.0)
BOX = (28.1, 47.3, 34.9, 51.6)
CASES = {  # the map requests of bench_web.QUERIES
    "map: bbox Ukraine + family + 90 days": EventFilter(
        bbox=(22, 44, 41, 53), families=("violence",), since=date(2024, 1, 1),
        until=date(2024, 3, 31)),
    "map: bbox Europe + 2 families + 30 days": EventFilter(
        bbox=(-25, 34, 45, 72), families=("violence", "territory"), since=date(2024, 5, 1),
        until=date(2024, 5, 31)),
    "map: world, one year (aggregated)": EventFilter(
        bbox=WORLD, since=date(2024, 1, 1), until=date(2024, 12, 31)),
    "map: world, 2024-02-10 to 2024-05-20 (aggregated)": EventFilter(
        bbox=WORLD, since=date(2024, 2, 10), until=date(2024, 5, 20)),
    "map: world, all time, every family (the map page's default)": EventFilter(bbox=WORLD),
    # The time slider's windows, over the world and a zoomed box (central Ukraine).
    "map: world, slider 24 hours": EventFilter(
        bbox=WORLD, since=date(2024, 3, 20), until=date(2024, 3, 20)),
    "map: world, slider 7 days": EventFilter(
        bbox=WORLD, since=date(2024, 3, 14), until=date(2024, 3, 20)),
    "map: world, slider 30 days": EventFilter(
        bbox=WORLD, since=date(2024, 4, 17), until=date(2024, 5, 16)),
    "map: zoomed box, slider 24 hours": EventFilter(
        bbox=BOX, since=date(2024, 5, 16), until=date(2024, 5, 16)),
    "map: zoomed box, slider 7 days": EventFilter(
        bbox=BOX, since=date(2024, 5, 10), until=date(2024, 5, 16)),
    "map: zoomed box, slider 30 days": EventFilter(
        bbox=BOX, since=date(2024, 4, 17), until=date(2024, 5, 16)),
}


def _load(path: Path):  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location("dateline.store.map_points_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _features(text: str) -> tuple[int, bool, list[dict]]:
    doc = json.loads(text)
    # Ordered by count, then place, point and event id: points (count 1) come in
    # whatever order the query read them, which differs between versions.
    return doc["total"], doc["aggregated"], sorted(
        doc["features"], key=lambda f: (-f["properties"]["count"], f["properties"].get("place")
                                        or "", f["geometry"]["coordinates"],
                                        f["properties"].get("id") or ""))


def _without_family(features: list[dict]) -> list[tuple]:
    return [(f["geometry"]["coordinates"], sorted((k, v) for k, v in f["properties"].items()
                                                  if k != "family")) for f in features]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--db", required=True, help="a SQLite file or a database URL")
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    before = _load(args.before)
    engine = open_engine(args.db if "://" in args.db else f"sqlite:///{args.db}")
    gc.freeze()  # as `dateline serve` does after start-up
    for name, f in CASES.items():
        times: dict[str, list[float]] = {"before": [], "after": []}
        texts = {}
        for label, module in (("before", before), ("after", current)):
            texts[label] = module.map_geojson(engine, f)  # warm
        for _ in range(args.runs):
            for label, module in (("before", before), ("after", current)):
                started = time.perf_counter()
                module.map_geojson(engine, f)
                times[label].append((time.perf_counter() - started) * 1000)
        old, new = _features(texts["before"]), _features(texts["after"])
        result = {"request": name}
        for label, ts in times.items():
            ts.sort()
            result[label] = {"p50_ms": round(ts[len(ts) // 2], 1),
                             "p95_ms": round(ts[int(0.95 * (len(ts) - 1))], 1),
                             "bytes": len(texts[label])}
        result.update(total=new[0], dialect=engine.dialect.name, same_features=old[:2] == new[:2]
                      and _without_family(old[2]) == _without_family(new[2]),
                      family_differs=sum(a["properties"]["family"] != b["properties"]["family"]
                                         for a, b in zip(old[2], new[2])))
        print(json.dumps(result))


if __name__ == "__main__":
    main()
