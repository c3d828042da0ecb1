"""The map's time-slider reads against real databases (SQLite and PostgreSQL):
a window of several periods added up in one GROUP BY (map_points._window_totals)
equals a plain GROUP BY over `events`, and the points of a window read through
either index (map_point_rows) are exactly the events the plain filter matches."""
from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from test_map_counts import _rewrite, _row, _windows

from dateline.store import db
from dateline.store import map_point_rows as points
from dateline.store import schema as s
from dateline.store.map_points import (
    _grouped, _located, _merge, _one_period, _points, _window_totals, map_features,
)
from dateline.store.queries import EventFilter


def _filled(db_url: str, n: int = 500, seed: int = 21):  # noqa: ANN202 - an Engine
    engine = db.open_engine(db_url)
    rng = random.Random(seed)
    with engine.begin() as conn:
        conn.execute(insert(s.events), [_row(i, rng) for i in range(n)])
    return engine, rng


def test_window_totals_equal_group_by_over_events(db_url):  # noqa: ANN001
    engine, rng = _filled(db_url)
    cases = [f for f in _windows(rng) if not _one_period(f)]
    assert len(cases) > 30
    for rewritten in (False, True):
        if rewritten:
            _rewrite(engine, rng)
        with engine.connect() as conn:
            for f in cases:
                direct = _merge([conn.execute(_grouped(_located(f))).all()])
                got = {(place or "", lat, lon): (n, fatalities, known, family)
                       for place, lat, lon, family, n, fatalities, known, _largest
                       in conn.execute(_window_totals(f, engine.dialect.name)).all()}
                assert {k: v[:3] for k, v in got.items()} == \
                    {k: tuple(v[:3]) for k, v in direct.items()}, f
                for key, (*_, family) in got.items():  # a family the place has there
                    assert family in direct[key][3], (f, key)


def _direct_ids(engine, f: EventFilter) -> set[str]:  # noqa: ANN001
    with engine.connect() as conn:
        return {r.event_id for r in conn.execute(_points(f)).all()}


def test_points_of_a_window_through_either_index(db_url, monkeypatch):  # noqa: ANN001
    engine, rng = _filled(db_url, n=400, seed=23)
    cases = [f for f in _windows(rng) if f.since or f.until]
    cases += [EventFilter(bbox=(20, 40, 40, 55)), EventFilter()]
    for choice in (True, False, None):  # dates, latitudes, the planner's own
        monkeypatch.setattr(points, "_dates_cheaper", lambda *_a, c=choice: c)
        for f in cases:
            if choice is False and not f.bbox:
                continue  # no latitude range to walk
            with engine.connect() as conn:
                got = [r[0] for r in points.point_rows(conn, f, 10_000)]
            assert len(got) == len(set(got)), f  # the date branches are disjoint
            assert set(got) == _direct_ids(engine, f), (choice, f)


def test_the_cheaper_index_is_chosen(db_url):  # noqa: ANN001
    """Two years of events spread over a wide area: a short window anywhere
    walks the dates; a small box over the whole time walks the latitudes."""
    engine = db.open_engine(db_url)
    rng = random.Random(4)
    rows = []
    for i in range(3000):
        row = _row(i, rng)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
        row.update(date_start=day, date_end=day, place_name=f"P{i % 300}",
                   lat=30 + (i % 300) / 10, lon=10 + (i % 300) / 10)
        rows.append(row)
    with engine.begin() as conn:
        conn.execute(insert(s.events), rows)
    week = EventFilter(bbox=(10, 30, 40, 60), since=date(2024, 3, 1), until=date(2024, 3, 7))
    corner = EventFilter(bbox=(10, 30, 10.5, 30.5), since=date(2023, 1, 1),
                         until=date(2024, 12, 31))
    with engine.connect() as conn:
        assert points._dates_cheaper(conn, week, week.since) is True
        assert points._dates_cheaper(conn, corner, corner.since) is False
        assert points._window_size(conn, week.since, week.until) == pytest.approx(
            sum(1 for r in rows if week.since <= r["date_start"] <= week.until), rel=0.5)
    for f in (week, corner):  # and the map is the same either way
        got = map_features(engine, f)
        assert not got["aggregated"]
        assert Counter(x["properties"]["id"] for x in got["features"]) == \
            Counter(_direct_ids(engine, f))
