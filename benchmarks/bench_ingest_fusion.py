"""What fusing inside `dateline ingest` costs and gives, on a day of real reporting.

Ingests the seed and every real report from ../shared (publication dates from
their gold files) plus the three outlets' reports of the seed's night
(tests/fuse/outlets/) twice into scratch SQLite stores: with fusion (the default)
and with --no-fuse. Prints JSON: seconds (wall and CPU, the extractor's model
load included), the share spent fusing (wall and CPU), mentions, events, and
the seed's Kyiv strike (sources, wording of its toll). Fusion uses MiniLM when
installed; its first call loads it.

    .venv/bin/python benchmarks/bench_ingest_fusion.py [--batch-size 25]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from dateline.fuse import store_sync
from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from dateline.store import db, queries

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUTLETS = REPO / "tests" / "fuse" / "outlets"


def corpus(path: Path) -> Path:
    rows = [{"url": "https://seed.example/", "published": "2025-11-25",
             "text": (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")}]
    rows += [{"url": f"https://{p.stem}.example/", "published": "2025-11-25",
              "text": p.read_text(encoding="utf-8")} for p in sorted(OUTLETS.glob("*.txt"))]
    for gold in sorted((SHARED / "real").glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        rows.append({"url": f"https://real.example/{text.stem}", "text": text.read_text("utf-8"),
                     "published": json.loads(gold.read_text("utf-8")).get("publication_date")})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


class FusionClock:
    """Wall and CPU seconds spent in fuse_store (the machine may be shared: CPU time
    is the steadier figure)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.calls = 0
        self._inner = store_sync.fuse_store

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return self._inner(*args, **kwargs)
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu
            self.calls += 1


def run(spec: Path, url: str, *, fuse: bool, batch_size: int) -> dict:
    engine = db.open_engine(url)
    clock = FusionClock()
    store_sync.fuse_store = clock  # the runner looks it up at each batch
    started, cpu = time.perf_counter(), time.process_time()
    try:
        summary = run_ingest([str(spec)], settings=Settings.load(db_url=url), engine=engine,
                             fuse=fuse, batch_size=batch_size)
    finally:
        store_sync.fuse_store = clock._inner
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    counts = queries.counts(engine)
    kyiv = [e for e in queries.list_events(engine, queries.EventFilter(
        place="Kyiv", types=("attack",), since=None), limit=50)[0]
        if (e.get("date") or {}).get("start") == "2025-11-25"
        and (e.get("location") or {}).get("name") == "Kyiv"]
    return {"fuse": fuse, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
            "fusion_calls": clock.calls, "fusion_seconds": round(clock.wall, 2),
            "fusion_cpu_seconds": round(clock.cpu, 2), "articles": summary.ingested,
            "mentions": counts["mentions"], "events": counts["events"],
            "kyiv_strike": [{"sources": e["source_count"],
                             "fatalities_text": (e.get("fatalities") or {}).get("text")}
                            for e in kyiv]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=25)
    args = parser.parse_args()
    if not (SHARED / "real").is_dir():
        sys.exit(f"{SHARED} has no real/ folder")
    with tempfile.TemporaryDirectory() as tmp:
        spec = corpus(Path(tmp) / "day.jsonl")
        out = [run(spec, f"sqlite:///{tmp}/{name}.sqlite", fuse=fuse, batch_size=args.batch_size)
               for name, fuse in (("raw", False), ("fused", True))]
    print(json.dumps({"batch_size": args.batch_size, "load_average": os.getloadavg(),
                      "runs": out}, indent=1))


if __name__ == "__main__":
    main()
