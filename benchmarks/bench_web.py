"""Web benchmark: filtered event queries and map GeoJSON at N generated events (SQLite),
measured through a real uvicorn server on loopback, then a bounded load test.

    python benchmarks/bench_web.py [--events 1000000] [--seconds 20] [--db PATH]
                                   [--proposed-indexes]

Prints one JSON object. Generated events are random but seeded (reproducible);
the database is kept (--db) so a rerun skips generation. --proposed-indexes adds,
to the benchmark's own database only, the covering indexes suggested to the store
(docs/web.md, "Performance"), to show what they change.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from dateline.store import schema as s
from dateline.store.db import create, current_revision, head_revision, open_engine, upgrade

FAMILIES = {"violence": ["attack", "shelling", "casualties"], "airspace": ["airspace_violation"],
            "movement": ["military_movement"], "territory": ["territorial_change"],
            "diplomacy": ["diplomatic_meeting", "visit"], "statement": ["statement"],
            "proposal": ["proposal"], "protest": ["protest"]}
COUNTRIES = {"UA": (44.5, 52.3, 22.2, 40.2), "RU": (43.0, 60.0, 30.0, 60.0),
             "SY": (32.3, 37.3, 35.7, 42.4), "SD": (8.7, 22.0, 21.8, 38.6),
             "IL": (29.5, 33.3, 34.3, 35.9), "CH": (45.8, 47.8, 5.9, 10.5),
             "US": (25.0, 49.0, -124.0, -67.0), "MM": (10.0, 28.5, 92.2, 101.2)}
START = date(2023, 1, 1)
DAYS = 1100


def generate(db: Path, n: int, seed: int = 7) -> float:
    """Insert ``n`` events with realistic spreads of dates, families, places; returns seconds.

    Written through the sqlite3 module, not SQLAlchemy: rows go in as plain tuples by
    ``executemany`` in 100k-row transactions, with the journal and fsync off for the
    load only (a crash mid-load just means generating again). 1M events took 13 min
    through SQLAlchemy's insert; the store's triggers still run for every row.
    """
    rng = random.Random(seed)
    places = []
    for i in range(3000):  # 3,000 named places spread over the countries' boxes
        country = rng.choice(list(COUNTRIES))
        la0, la1, lo0, lo1 = COUNTRIES[country]
        places.append((f"Place {i}", country, round(rng.uniform(la0, la1), 4),
                       round(rng.uniform(lo0, lo1), 4)))
    families = list(FAMILIES)
    weights = [40, 8, 6, 8, 12, 20, 3, 3]
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    columns = ("event_id", "type", "family", "status", "scope", "date_start", "date_end",
               "country", "place_name", "lat", "lon", "fatalities_min", "fatalities_max",
               "confidence", "search_text", "data", "first_published", "updated_at")
    sql = (f"INSERT INTO events ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    started = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")  # 1 GB: the indexes stay in memory
    batch = []
    for i in range(n):
        family = rng.choices(families, weights)[0]
        kind = rng.choice(FAMILIES[family])
        name, country, lat, lon = rng.choice(places)
        day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
        killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12]) if family == "violence" else None
        evidence = f"Generated {kind} near {name} number {i}."
        data = {"id": f"e{i}", "type": kind, "status": "reported",
                "date": {"start": day, "end": day, "text": "", "precision": "day"},
                "location": {"text": name, "name": name, "country": country, "lat": lat, "lon": lon},
                "fatalities": {"min": killed, "max": killed, "qualifier": "exact", "text": ""}
                if killed is not None else None,
                "evidence": {"sentence": evidence, "start": 0, "end": len(evidence)},
                "confidence": 0.7}
        batch.append((f"ev_gen_{i:08d}", kind, family, "reported", "incident", day, day,
                      country, name, lat, lon, killed, killed, 0.7, evidence.lower(),
                      json.dumps(data, separators=(",", ":")), day, now))
        if len(batch) == 100_000:
            conn.execute("BEGIN")
            conn.executemany(sql, batch)
            conn.execute("COMMIT")
            batch = []
    if batch:
        conn.execute("BEGIN")
        conn.executemany(sql, batch)
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


QUERIES = {
    "events: family + 30-day range": "/api/events?family=violence&since=2024-03-01&until=2024-03-31",
    "events: country + since, sort fatalities": "/api/events?country=UA&since=2025-06-01&sort=fatalities",
    "events: bbox + family": "/api/events?bbox=30,46,36,50&family=violence&since=2024-01-01&until=2024-06-30",
    "events: type, page 5": "/api/events?type=attack&since=2025-01-01&limit=50&offset=200",
    "events: newest, no filter": "/api/events?limit=50",
    "map: bbox Ukraine + family + 90 days": "/api/map.geojson?bbox=22,44,41,53&family=violence&since=2024-01-01&until=2024-03-31",
    "map: bbox Europe + 2 families + 30 days": "/api/map.geojson?bbox=-25,34,45,72&family=violence&family=territory&since=2024-05-01&until=2024-05-31",
    "map: world, one year (aggregated)": "/api/map.geojson?bbox=-180,-90,180,90&since=2024-01-01&until=2024-12-31",
    # Dates off month boundaries: the partial months at each end are read from events.
    "map: world, 2024-02-10 to 2024-05-20 (aggregated)": "/api/map.geojson?bbox=-180,-90,180,90&since=2024-02-10&until=2024-05-20",
    "map: world, all time, every family (the map page's default)": "/api/map.geojson?bbox=-180,-90,180,90",
    # The map's time slider: a 24-hour, 7- or 30-day window ending on any day, over the
    # world and over a zoomed-in box (central Ukraine).
    "map: world, slider 24 hours": "/api/map.geojson?bbox=-180,-90,180,90&since=2024-03-20&until=2024-03-20",
    "map: world, slider 7 days": "/api/map.geojson?bbox=-180,-90,180,90&since=2024-03-14&until=2024-03-20",
    "map: world, slider 30 days": "/api/map.geojson?bbox=-180,-90,180,90&since=2024-04-17&until=2024-05-16",
    "map: zoomed box, slider 24 hours": "/api/map.geojson?bbox=28.1,47.3,34.9,51.6&since=2024-05-16&until=2024-05-16",
    "map: zoomed box, slider 7 days": "/api/map.geojson?bbox=28.1,47.3,34.9,51.6&since=2024-05-10&until=2024-05-16",
    "map: zoomed box, slider 30 days": "/api/map.geojson?bbox=28.1,47.3,34.9,51.6&since=2024-04-17&until=2024-05-16",
}


# Suggested to the store: the date filters read date_end too, so an index without it
# sends every candidate row to the (large, JSON-carrying) table.
PROPOSED_INDEXES = {
    "bench_ix_family_dates": ("family", "date_start", "date_end"),
    "bench_ix_country_dates": ("country", "date_start", "date_end"),
    "bench_ix_type_dates": ("type", "date_start", "date_end"),
    "bench_ix_latlon_dates": ("lat", "lon", "family", "date_start", "date_end"),
}


def add_proposed_indexes(engine) -> float:  # noqa: ANN001
    from sqlalchemy import Index

    started = time.perf_counter()
    for name, columns in PROPOSED_INDEXES.items():
        Index(name, *(s.events.c[c] for c in columns)).create(engine, checkfirst=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def create_engine_for(db: Path):  # noqa: ANN201 - an Engine
    """The benchmark's database, brought to the packaged migrations if it is behind
    (a kept database generated before a migration: upgrading it also times the backfill)."""
    engine = create(f"sqlite:///{db}")
    if db.exists() and current_revision(engine) not in (None, head_revision()):
        started = time.perf_counter()
        upgrade(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
        print(f"upgraded {db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return open_engine(f"sqlite:///{db}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path) -> tuple[str, subprocess.Popen]:
    """`dateline serve` in its own process, as deployed: a server thread inside this
    process would share the GIL with the client threads timing it."""
    port = _free_port()
    env = dict(os.environ, DATELINE_WEB_RATE_PER_SECOND="1e9", DATELINE_WEB_RATE_BURST="1000000000")
    server = subprocess.Popen([sys.executable, "-c", "from dateline.cli.main import main; main()",
                               "serve", "--db", f"sqlite:///{db}",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/api/stats?since=2099-01-01", timeout=2)
            return base, server
        except httpx.HTTPError:
            if server.poll() is not None:
                raise RuntimeError("dateline serve exited") from None
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("server did not start")


def latency(client: httpx.Client, path: str, runs: int) -> dict:
    times, sizes = [], []
    client.get(path)  # warm the page cache
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
        sizes.append(len(r.content))
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "bytes": sizes[-1]}


def load_test(base: str, seconds: float, max_requests: int, workers: int) -> dict:
    paths = list(QUERIES.values())
    deadline = time.monotonic() + seconds
    counter = {"sent": 0, "errors": 0}
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = k
            while time.monotonic() < deadline:
                with lock:
                    if counter["sent"] >= max_requests:
                        return
                    counter["sent"] += 1
                try:
                    if client.get(paths[i % len(paths)]).status_code != 200:
                        with lock:
                            counter["errors"] += 1
                except httpx.HTTPError:
                    with lock:
                        counter["errors"] += 1
                i += 1

    started = time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(worker, range(workers)))
    elapsed = time.monotonic() - started
    return {"workers": workers, "seconds": round(elapsed, 1), "requests": counter["sent"],
            "errors": counter["errors"], "requests_per_s": round(counter["sent"] / elapsed, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--proposed-indexes", action="store_true")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"dateline-bench-web-{args.events}.sqlite"
    engine = create_engine_for(db)
    with engine.connect() as conn:
        have = conn.scalar(select(func.count()).select_from(s.events))
    generated = None
    if have != args.events:
        if have:
            sys.exit(f"{db} holds {have} events, not {args.events}: remove it or pass --db")
        engine.dispose()
        generated = round(generate(db, args.events), 1)
    if args.proposed_indexes:
        indexed = round(add_proposed_indexes(engine), 1)
    else:  # measure the store as it is, even on a database an earlier run indexed
        indexed = None
        with engine.begin() as conn:
            for name in PROPOSED_INDEXES:
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    base, server = start_server(db)
    load_before = os.getloadavg()
    with httpx.Client(base_url=base, timeout=120) as client:
        results = {name: latency(client, path, args.runs) for name, path in QUERIES.items()}
    load = load_test(base, args.seconds, args.max_requests, args.workers)
    server.terminate()
    server.wait(timeout=30)
    print(json.dumps({"benchmark": "web", "events": args.events, "generate_s": generated,
                      "db": str(db), "db_mb": round(db.stat().st_size / 1e6, 1),
                      "proposed_indexes_s": indexed, "load_average_start": load_before,
                      "load_average": os.getloadavg(),
                      "latency": results, "load_test": load,
                      "p95_target_ms": 50,
                      "worst_p95_ms": max(r["p95_ms"] for r in results.values())}, indent=2))


if __name__ == "__main__":
    main()
