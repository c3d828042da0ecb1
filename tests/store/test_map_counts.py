"""event_map_counts (migrations 0003, 0004) against real databases: the triggers
keep it equal to a count recomputed from `events` through inserts, fusion-style
updates and deletes, on SQLite and PostgreSQL alike; 0004 backfills its dekad rows;
and the map read from it gives what a GROUP BY over `events` gives, for date
windows on and off month and dekad boundaries."""
from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from alembic import command
from sqlalchemy import delete, insert, select, update

from dateline.store import db
from dateline.store import schema as s
from dateline.store.map_points import (
    _grouped, _located, _merge, _place_counts, cover, map_features, map_geojson,
)
from dateline.store.queries import EventFilter

PLACES = [("Kyiv", 50.45, 30.52), ("Odesa", 46.48, 30.72), ("Geneva", 46.2, 6.14), (None, 48.0, 37.8)]
FAMILIES = ["violence", "diplomacy", "statement"]


def _row(i: int, rng: random.Random) -> dict:
    place, lat, lon = rng.choice(PLACES)
    start = date(2024, 1, 1) + timedelta(days=rng.randrange(500))
    shape = rng.random()
    if shape < 0.1:  # no date at all
        start = end = None
    elif shape < 0.2:  # several days, across a month's end now and then
        end = start + timedelta(days=rng.randrange(1, 20))
    elif shape < 0.25:  # an end but no start
        start, end = None, start
    else:
        end = start if rng.random() < 0.7 else None
    if rng.random() < 0.05:
        lat = lon = None  # not located: never on the map
    killed = rng.choice([None, 0, 1, 4])
    return {"event_id": f"ev_{i:04d}", "type": "attack", "family": rng.choice(FAMILIES),
            "status": "reported", "scope": "incident", "date_start": start, "date_end": end,
            "country": "UA", "place_name": place, "lat": lat, "lon": lon,
            "fatalities_min": killed, "fatalities_max": killed, "confidence": 0.5,
            "search_text": "", "data": {}, "updated_at": datetime.now(UTC)}


def _expected(rows: list[dict]) -> dict[tuple, tuple]:
    """The counts recomputed in Python, keyed like the table."""
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if r["lat"] is None or r["lon"] is None:
            continue
        start, end = r["date_start"], r["date_end"]
        periods = [("a", date(1, 1, 1))]
        if start is not None and end in (None, start):
            dekad = start.replace(day=1 if start.day <= 10 else 11 if start.day <= 20 else 21)
            periods += [("y", start.replace(month=1, day=1)), ("m", start.replace(day=1)),
                        ("d", dekad)]
        for grain, period in periods:
            for family in (r["family"], "*"):
                got = counts[(grain, period, family, r["lat"], r["lon"], r["place_name"] or "")]
                got[0] += 1
                got[1] += r["fatalities_min"] or 0
                got[2] += r["fatalities_min"] is not None
    result = {}
    for key, (n, fatalities, known) in counts.items():
        top = None
        if key[2] == "*":
            per_family = {k[2]: counts[k][0] for k in counts
                          if k[:2] == key[:2] and k[3:] == key[3:] and k[2] != "*"}
            top = min(per_family, key=lambda f: (-per_family[f], f))
        result[key] = (n, fatalities, known, top)
    return result


def _stored(engine) -> dict[tuple, tuple]:  # noqa: ANN001
    c = s.event_map_counts
    with engine.connect() as conn:
        return {(r.grain, r.period, r.family, r.lat, r.lon, r.place):
                (r.n, r.fatalities, r.fatalities_known, r.top_family)
                for r in conn.execute(select(c))}


def _events(engine) -> list[dict]:  # noqa: ANN001
    # the columns 0003/0004 know: the 0004 test reads events downgraded below 0005
    known = [c for c in s.events.c if c.name not in ("place_precision", "part_of")]
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(*known))]


def test_counts_follow_inserts_updates_and_deletes(db_url):  # noqa: ANN001
    engine = db.open_engine(db_url)
    rng = random.Random(5)
    rows = [_row(i, rng) for i in range(400)]
    with engine.begin() as conn:
        conn.execute(insert(s.events), rows)
    assert _stored(engine) == _expected(_events(engine))

    # Fusion rewrites event rows (store_sync updates every column) and deletes the
    # merged-away ones; a re-dated, moved or re-counted event moves its counts.
    _rewrite(engine, rng)
    assert _stored(engine) == _expected(_events(engine))

    with engine.begin() as conn:  # everything gone: no rows left, not rows of zero
        conn.execute(delete(s.events))
    assert _stored(engine) == {}


def _top(families: dict[str, int]) -> str:
    return min(families, key=lambda f: (-families[f], f))


def test_map_from_counts_equals_group_by_over_events(db_url):  # noqa: ANN001
    engine = db.open_engine(db_url)
    rng = random.Random(9)
    with engine.begin() as conn:
        conn.execute(insert(s.events), [_row(i, rng) for i in range(600)])
    cases = [EventFilter(), EventFilter(families=("violence",)),
             EventFilter(since=date(2024, 1, 1), until=date(2024, 12, 31)),
             EventFilter(since=date(2024, 2, 10), until=date(2025, 3, 3), families=("diplomacy",)),
             EventFilter(since=date(2024, 6, 17)), EventFilter(until=date(2024, 8, 2)),
             EventFilter(since=date(2024, 3, 5), until=date(2024, 3, 9), bbox=(20, 40, 40, 55))]
    with engine.connect() as conn:
        for f in cases:
            counted = _merge(conn.execute(q).all() for q in _place_counts(f, engine.dialect.name))
            direct = _merge([conn.execute(_grouped(_located(f))).all()])
            assert {k: v[:3] for k, v in counted.items()} == {k: v[:3] for k, v in direct.items()}, f
            if f.families:  # counted per family: exact
                assert {k: v[3] for k, v in counted.items()} == {k: v[3] for k, v in direct.items()}
            elif f.since is None and f.until is None:  # one '*' row a place: its top family
                assert {k: _top(v[3]) for k, v in counted.items()} == \
                    {k: _top(v[3]) for k, v in direct.items()}
    grouped = map_features(engine, EventFilter(), limit=2)
    located = [r for r in _events(engine) if r["lat"] is not None]
    assert grouped["aggregated"] and grouped["total"] == len(located)
    busiest = Counter((r["place_name"], r["lat"], r["lon"]) for r in located).most_common(1)[0]
    assert grouped["features"][0]["properties"]["count"] == busiest[1]


def _rewrite(engine, rng: random.Random) -> None:  # noqa: ANN001
    """Fusion-style writes: rows rewritten (re-dated, moved, re-counted), one
    touched in no counted column, some deleted."""
    with engine.begin() as conn:
        for i in range(0, 400, 7):
            changed = _row(i, rng)
            del changed["event_id"]
            conn.execute(update(s.events).where(s.events.c.event_id == f"ev_{i:04d}")
                         .values(**changed))
        conn.execute(update(s.events).where(s.events.c.event_id == "ev_0001")
                     .values(status="confirmed"))
        conn.execute(delete(s.events).where(s.events.c.event_id.in_(
            [f"ev_{i:04d}" for i in range(3, 400, 5)])))


def _windows(rng: random.Random) -> list[EventFilter]:
    """Date windows on and off month and dekad boundaries, short and long, with
    and without families and a bounding box."""
    fixed = [(date(2024, 2, 10), date(2024, 5, 20)), (date(2024, 2, 11), date(2024, 2, 20)),
             (date(2024, 2, 21), date(2024, 3, 10)), (date(2024, 1, 31), date(2024, 2, 1)),
             (date(2024, 3, 12), date(2024, 3, 19)), (date(2023, 12, 25), date(2025, 1, 7))]
    cases = []
    for since, until in fixed:
        cases += [EventFilter(since=since, until=until),
                  EventFilter(since=since, until=until, families=("violence", "statement"))]
    for _ in range(30):
        since = date(2023, 12, 1) + timedelta(days=rng.randrange(560))
        until = since + timedelta(days=rng.choice([0, 3, 9, 10, 11, 29, 45, 95, 400]))
        cases.append(EventFilter(
            since=since if rng.random() < 0.9 else None,
            until=until if rng.random() < 0.9 else None,
            families=rng.choice([(), ("diplomacy",), ("violence", "statement")]),
            bbox=rng.choice([None, (20, 40, 40, 55), (0, 40, 10, 50)])))
    return cases


def _assert_map_is_group_by(engine, cases: list[EventFilter]) -> None:  # noqa: ANN001
    with engine.connect() as conn:
        for f in cases:
            counted = _merge(conn.execute(q).all() for q in _place_counts(f, engine.dialect.name))
            direct = _merge([conn.execute(_grouped(_located(f))).all()])
            assert {k: v[:3] for k, v in counted.items()} == {k: v[:3] for k, v in direct.items()}, f
            if f.families:
                assert {k: v[3] for k, v in counted.items()} == \
                    {k: v[3] for k, v in direct.items()}, f


def test_map_equals_group_by_after_inserts_updates_and_deletes(db_url):  # noqa: ANN001
    engine = db.open_engine(db_url)
    rng = random.Random(11)
    with engine.begin() as conn:
        conn.execute(insert(s.events), [_row(i, rng) for i in range(400)])
    cases = _windows(rng)
    _assert_map_is_group_by(engine, cases)
    _rewrite(engine, rng)
    assert _stored(engine) == _expected(_events(engine))
    _assert_map_is_group_by(engine, cases)
    # The text the web serves: its totals are the plain count of located matches.
    for f in cases[:6]:
        with engine.connect() as conn:
            direct = _merge([conn.execute(_grouped(_located(f))).all()])
        got = json.loads(map_geojson(engine, f, limit=3))
        assert got["total"] == sum(v[0] for v in direct.values()), f
        assert len(got["features"]) == min(3, len(direct)) if got["aggregated"] else True


def test_cover_splits_a_window_exactly():
    rng = random.Random(3)
    steps = {"y": lambda d: d.replace(year=d.year + 1), "m": lambda d: (d.replace(day=28)
             + timedelta(days=4)).replace(day=1),
             "d": lambda d: d + timedelta(days=10) if d.day < 21 else (d.replace(day=28)
             + timedelta(days=4)).replace(day=1)}
    for _ in range(3000):
        lo = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
        hi = lo + timedelta(days=rng.choice([0, 1, 9, 10, 11, 30, 70, 400]) + rng.randrange(5))
        years, months, dekads, days = cover(lo, hi)
        spans = list(days)
        for grain, periods in (("y", years), ("m", months), ("d", dekads)):
            for first, last in periods:
                start = first
                while start <= last:
                    end = steps[grain](start)
                    spans.append((start, end - timedelta(days=1)))
                    start = end
        spans.sort()
        assert spans[0][0] == lo and spans[-1][1] == hi, (lo, hi)
        assert all(b[0] - a[1] == timedelta(days=1) for a, b in zip(spans, spans[1:])), (lo, hi)
        assert sum((b - a).days + 1 for a, b in days) <= 20  # edge days read from events


def test_0004_backfills_dekads_and_downgrades(db_url):  # noqa: ANN001
    engine = db.create(db_url)
    db.upgrade(engine, "0003")
    rng = random.Random(13)
    with engine.begin() as conn:
        conn.execute(insert(s.events), [_row(i, rng) for i in range(300)])
    db.upgrade(engine)
    assert _stored(engine) == _expected(_events(engine))  # dekad rows backfilled
    config = db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with engine.begin() as conn:  # 0003's triggers again: no dekad rows written
        conn.execute(insert(s.events), [_row(i, rng) for i in range(300, 340)])
    stored = _stored(engine)
    assert stored == {k: v for k, v in _expected(_events(engine)).items() if k[0] != "d"}
    db.upgrade(engine)
    assert _stored(engine) == _expected(_events(engine))
