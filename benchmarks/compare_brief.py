"""The brief, an older version of the code against the current one, taking turns:
p50/p95 of `build_brief` per case of bench_brief.py, and whether both versions
give the same brief (the JSON rendering, compared by digest).

    git archive REV src | tar -x -C /tmp/brief-before
    python benchmarks/compare_brief.py --before-src /tmp/brief-before/src \\
        --before-db /tmp/dateline-bench-brief-1m.sqlite \\
        --after-db /tmp/brief-after-1m.sqlite [--rounds 4 --runs 6]

Each version runs in its own process (the whole package differs), on its own copy
of one bench_brief.py database (a version with a new migration upgrades its copy;
the older one must not see it). The versions take turns, ``--rounds`` times, each
turn building every case ``--runs`` times after one untimed warm-up, so load from
other work on the machine falls on both alike. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SINCE, DAYS = date(2024, 3, 1), 30


def _cases() -> dict[str, tuple[date, date, tuple[str, ...]]]:
    until = SINCE + timedelta(days=DAYS - 1)
    return {f"{DAYS} days, every country": (SINCE, until, ()),
            f"{DAYS} days, country UA": (SINCE, until, ("UA",)),
            "one day, every country": (SINCE, SINCE, ())}


def worker(db: Path, runs: int) -> None:
    """In the version on sys.path: wall and CPU seconds per case, and the brief's digest."""
    sys.path.insert(0, str(HERE))
    from bench_web import create_engine_for  # a version's migrations upgrade its copy

    from dateline.brief import BriefRequest, build_brief
    from dateline.brief.render import to_json

    engine = create_engine_for(db)
    out = {}
    for name, (start, end, countries) in _cases().items():
        request = BriefRequest(start, end, countries)
        digest = hashlib.sha256(to_json(build_brief(engine, request)).encode()).hexdigest()
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            build_brief(engine, request)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        out[name] = {"wall": wall, "cpu": cpu, "digest": digest}
    print(json.dumps(out))


def _turn(src: Path, db: Path, runs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run([sys.executable, __file__, "--worker", "--db", str(db),
                           "--runs", str(runs)], env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _summary(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_s": round(statistics.median(ordered), 3), "p95_s": round(p95, 3),
            "max_s": round(ordered[-1], 3), "n": len(ordered)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--before-src", type=Path)
    parser.add_argument("--before-db", type=Path)
    parser.add_argument("--after-src", type=Path, default=HERE.parent / "src")
    parser.add_argument("--after-db", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    if args.worker:
        worker(args.db, args.runs)
        return
    versions = {"before": (args.before_src, args.before_db), "after": (args.after_src, args.after_db)}
    timings: dict[str, dict[str, dict[str, list]]] = {v: {} for v in versions}
    loads = [os.getloadavg()]
    for _ in range(args.rounds):
        for version, (src, db) in versions.items():
            for case, got in _turn(src, db, args.runs).items():
                kept = timings[version].setdefault(case, {"wall": [], "cpu": [], "digest": set()})
                kept["wall"] += got["wall"]
                kept["cpu"] += got["cpu"]
                kept["digest"].add(got["digest"])
        loads.append(os.getloadavg())
    result = {}
    for case in _cases():
        before, after = timings["before"][case], timings["after"][case]
        result[case] = {
            "before_wall": _summary(before["wall"]), "after_wall": _summary(after["wall"]),
            "before_cpu": _summary(before["cpu"]), "after_cpu": _summary(after["cpu"]),
            "same_brief": before["digest"] == after["digest"] and len(after["digest"]) == 1}
    print(json.dumps({"benchmark": "compare_brief", "before_src": str(args.before_src),
                      "after_src": str(args.after_src), "rounds": args.rounds,
                      "runs_per_round": args.runs, "load_average_per_round": loads,
                      "target_s": 1.0, "cases": result}, indent=2))


if __name__ == "__main__":
    main()
