"""Brief benchmark: `build_brief` over 30 days of a store holding N generated events.

    python benchmarks/bench_brief.py [--events 1000000] [--db PATH] [--runs 7]
                                     [--since 2024-03-01 --days 30]

The events are bench_web.py's (same generator, same seed: a kept database of that
benchmark can be reused with --db). Generated events carry a minimal JSON, so the
period measured is first made to look like a fused store (once, kept): each event of
the window gets fusion's fields (sources, claimants, per-claimant figures, some
conflicts), violence events a barrage a day with launch figures, and articles and
mentions are written so that `part_of` links and sources are read as in real use.
Prints one JSON object: seconds per brief (cold first run, then median and max of
the warm ones) for the whole world, one country, and a single day, plus render times.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import create_engine_for, generate  # noqa: E402 - the shared generator

from sqlalchemy import func, select  # noqa: E402

from dateline.brief import BriefRequest, build_brief  # noqa: E402
from dateline.brief.html import fragment  # noqa: E402
from dateline.brief.render import to_json, to_markdown  # noqa: E402
from dateline.store import schema as s  # noqa: E402

MARK = "bench_brief_enriched"  # a sources row naming the window already enriched


def _claims(rng: random.Random, kind: str, low: int, claimants: list[dict]) -> dict:
    claims = []
    for k, who in enumerate(claimants):
        n = low + (k if rng.random() < 0.3 else 0)
        claims.append({"kind": kind, "claimant": who,
                       "quantity": {"min": n, "max": n, "qualifier": "exact", "text": f"{n} people"},
                       "text": f"{n} people", "article_id": "1", "as_of": None, "mention_key": "1:e1"})
    return {"kind": kind, "claims": claims, "best": None, "spread": {"min": low, "max": low + 1},
            "conflict": None}


def enrich(db: Path, since: date, days: int, seed: int = 11) -> float:
    """Give the window's events fusion's JSON and write their articles and mentions."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db, isolation_level=None)
    if conn.execute("SELECT 1 FROM sources WHERE name = ?", (f"{MARK}:{since}:{days}",)).fetchone():
        conn.close()
        return 0.0
    started = time.perf_counter()
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    until = since + timedelta(days=days - 1)
    rows = conn.execute("SELECT event_id, type, family, date_start, country, data FROM events "
                        "WHERE date_start BETWEEN ? AND ? ORDER BY date_start, event_id",
                        (since.isoformat(), until.isoformat())).fetchall()
    conn.execute("BEGIN")
    source_id = conn.execute("INSERT INTO sources (name, kind) VALUES (?, 'site')",
                             (f"{MARK}:{since}:{days}",)).lastrowid
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    people = [{"key": f"UA:official_{k}", "label": f"Official {k}", "side": "UA"} for k in range(40)]
    updates, mentions = [], []
    article_of_day: dict[str, list[int]] = {}
    barrage_of_day: dict[tuple[str, str], str] = {}
    for event_id, kind, family, day, country, raw in rows:
        data = json.loads(raw)
        articles = article_of_day.get(day)
        if articles is None:  # ten articles a day, each telling many events
            articles = []
            for k in range(10):
                cur = conn.execute(
                    "INSERT INTO articles (content_hash, raw_hash, source_id, origin, url, title,"
                    " published, language, text, event_count, ingested_at) VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, 'en', ?, 0, ?)",
                    (f"bench-{day}-{k}", f"bench-{day}-{k}", source_id, f"bench:{day}:{k}",
                     f"https://bench.example/{day}/{k}", f"Round-up {k} of {day}", day,
                     f"Generated round-up {k} of {day}.", now))
                articles.append(cur.lastrowid)
            article_of_day[day] = articles
        told_by = rng.sample(articles, rng.choice([1, 2, 3]))
        claimants = rng.sample(people, len(told_by))
        data.update({"subtype": None, "actors": [{"name": "Generated forces", "country": "RU"}],
                     "targets": [], "weapons": {}, "weapon_types": {}, "intercepted": {},
                     "scope": "incident", "part_of": None, "claimed_by": claimants[0]["label"],
                     "quote": None, "disputed_by": [],
                     "sources": [{"article_id": str(a), "mention_keys": [f"{a}:e1"],
                                  "published": day, "url": f"https://bench.example/{day}/{a}",
                                  "title": f"Round-up of {day}", "near_dup_group": None}
                                 for a in told_by],
                     "source_count": len(told_by), "independent_source_count": len(told_by),
                     "mention_count": len(told_by), "claimants": claimants, "revisions": [],
                     "aliases": [], "first_published": day, "figures": [], "conflicts": []})
        if data.get("fatalities"):
            figure = _claims(rng, "fatalities", data["fatalities"]["min"] or 0, claimants)
            data["figures"].append(figure)
        barrage_key = (day, country)
        parent = barrage_of_day.get(barrage_key)
        if family == "violence" and parent is None:  # the day's barrage on this country
            barrage_of_day[barrage_key] = event_id
            data["location"]["precision"] = "country"
            for name, n in (("drones", rng.randrange(40, 500)), ("missiles", rng.randrange(0, 40))):
                quantity = {"min": n, "max": n, "qualifier": "exact", "text": f"{n} {name}"}
                data["weapons"][name] = quantity
                data["figures"].append({"kind": f"weapons.{name}", "claims": [
                    {"kind": f"weapons.{name}", "claimant": c, "quantity": quantity,
                     "text": quantity["text"], "article_id": "1", "as_of": day,
                     "mention_key": "1:e1"} for c in claimants], "best": None,
                    "spread": {"min": n, "max": n}, "conflict": None})
        part_of = "e0" if family == "violence" and parent and rng.random() < 0.3 else None
        # As fusion writes a part: the whole's event id in its JSON and in events.part_of.
        data["part_of"] = parent if part_of else None
        blob = json.dumps(data, separators=(",", ":"))
        updates.append((blob, data["part_of"], event_id))
        for a in told_by:
            key = "e0" if barrage_of_day.get(barrage_key) == event_id else f"e{len(mentions) + 1}"
            mention = {"id": key, "type": kind, "part_of": part_of,
                       "evidence": data["evidence"], "date": data["date"]}
            mentions.append((a, len(mentions), key, event_id, kind, family, "reported", day, day,
                             country, claimants[0]["label"], json.dumps(mention)))
    conn.executemany("UPDATE events SET data = ?, part_of = ? WHERE event_id = ?", updates)
    conn.executemany(
        "INSERT INTO event_mentions (article_id, ordinal, mention_key, event_id, type, family,"
        " status, date_start, date_end, country, claimed_by, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def timed(fn, runs: int) -> dict:  # noqa: ANN001
    """Wall seconds (cold first run, then the warm ones) and this process's CPU seconds
    (SQLite runs in-process, so they include the queries): on a machine shared with
    other jobs the wall time mostly measures the queue for a core, the CPU time does not."""
    seconds, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    warm, warm_cpu = seconds[1:] or seconds, cpu[1:] or cpu
    p95 = sorted(warm)[round(0.95 * (len(warm) - 1))]
    return {"cold_s": round(seconds[0], 3), "median_s": round(statistics.median(warm), 3),
            "p95_s": round(p95, 3), "max_s": round(max(warm), 3),
            "cpu_median_s": round(statistics.median(warm_cpu), 3),
            "cpu_max_s": round(max(warm_cpu), 3), "runs": runs, "_result": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--since", type=date.fromisoformat, default=date(2024, 3, 1))
    parser.add_argument("--days", type=int, default=30)
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
    engine.dispose()
    enriched = round(enrich(db, args.since, args.days), 1)
    engine = create_engine_for(db)
    until = args.since + timedelta(days=args.days - 1)
    period = BriefRequest(args.since, until)
    cases = {
        f"{args.days} days, every country": period,
        f"{args.days} days, country UA": BriefRequest(args.since, until, ("UA",)),
        "one day, every country": BriefRequest(args.since, args.since),
    }
    results = {}
    for name, request in cases.items():
        r = timed(lambda request=request: build_brief(engine, request), args.runs)
        brief = r.pop("_result")
        r.update(events=sum(brief.totals.events.values()), lines=len(brief.items),
                 nights=len(brief.nights))
        results[name] = r
    brief = build_brief(engine, period)
    renders = {}
    for name, render in (("json", to_json), ("markdown", to_markdown), ("html", fragment)):
        r = timed(lambda render=render: render(brief), args.runs)
        r.pop("_result")
        renders[name] = r
    worst = max(r["max_s"] for r in results.values())
    worst_cpu = max(r["cpu_max_s"] for r in results.values())
    print(json.dumps({"benchmark": "brief", "events": args.events, "generate_s": generated,
                      "enrich_s": enriched, "db": str(db),
                      "db_mb": round(db.stat().st_size / 1e6, 1),
                      "period": [args.since.isoformat(), until.isoformat()],
                      "load_average": os.getloadavg(), "build": results, "render": renders,
                      "target_s": 1.0, "worst_warm_s": worst, "worst_warm_cpu_s": worst_cpu},
                     indent=2))


if __name__ == "__main__":
    main()
