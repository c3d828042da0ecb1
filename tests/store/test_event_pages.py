"""Event lists read the two `since` branches apart and merge them: the pages must
come out as one ORDER BY over every match would give them, and a capped count
must say when it stopped. Real databases (SQLite, and PostgreSQL when set)."""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from dateline.store import db
from dateline.store import schema as s
from dateline.store.queries import EventFilter, event_page, list_events

SINCE = date(2024, 3, 1)


def _rows(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(120):
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(150))
        end = start + timedelta(days=rng.choice([0, 0, 0, 3]))
        if i % 9 == 0:
            start = None  # an end but no start: the second branch
        killed = rng.choice([None, 1, 2, 2, 5])
        rows.append({"event_id": f"ev_{i:04d}", "type": "attack", "family": "violence",
                     "status": "reported", "scope": "incident", "date_start": start,
                     "date_end": end, "country": "UA", "fatalities_min": killed,
                     "confidence": rng.choice([0.5, 0.7]), "search_text": "",
                     "data": {"id": f"e{i}"}, "first_published": end,
                     "updated_at": datetime.now(UTC)})
    return rows


def _reference(rows: list[dict], key: str, descending: bool) -> list[str]:
    """ORDER BY key (NULLs last), event_id over the matches of since=SINCE."""
    matches = [r for r in rows if (r["date_end"] or r["date_start"]) >= SINCE]
    matches.sort(key=lambda r: r["event_id"])
    known = sorted((r for r in matches if r[key] is not None), key=lambda r: r[key],
                   reverse=descending)
    return [r["event_id"] for r in known + [r for r in matches if r[key] is None]]


def test_pages_merge_branches_in_sql_order(db_url):  # noqa: ANN001
    engine = db.open_engine(db_url)
    rows = _rows(random.Random(3))
    with engine.begin() as conn:
        conn.execute(insert(s.events), rows)
    sorts = {"-date": ("date_start", True), "date": ("date_start", False),
             "fatalities": ("fatalities_min", True), "confidence": ("confidence", True),
             "-published": ("first_published", True)}
    for sort, (key, descending) in sorts.items():
        want = _reference(rows, key, descending)
        got = []
        for offset in range(0, len(want) + 10, 10):
            page, total = list_events(engine, EventFilter(since=SINCE), limit=10,
                                      offset=offset, sort=sort)
            assert total == len(want)
            got += [e["id"] for e in page]
        assert got == want, sort


def test_capped_count_says_it_is_a_lower_bound(db_url):  # noqa: ANN001
    engine = db.open_engine(db_url)
    rows = _rows(random.Random(4))
    with engine.begin() as conn:
        conn.execute(insert(s.events), rows)
    matches = sum(1 for r in rows if (r["date_end"] or r["date_start"]) >= SINCE)
    capped = event_page(engine, EventFilter(since=SINCE), limit=5, count_limit=20)
    assert (capped.total, capped.total_is_lower_bound) == (20, True)
    exact = event_page(engine, EventFilter(since=SINCE), limit=5, count_limit=10_000)
    assert (exact.total, exact.total_is_lower_bound) == (matches, False)
