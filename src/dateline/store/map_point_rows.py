"""The map's points (one per event) for a bounding box and a date window, read
through whichever index walks fewer entries: the dates or the latitudes.

Without this choice SQLite ranged over ``ix_events_latlon`` for a box's latitudes
whatever the window: a zoomed box (central Ukraine, 1M events) with a 30-day
window read the band's 139,000 index entries and the rows of the 27,000 events
ever in the box to return 784 (~95 ms), where the window's dates are ~27,000
entries of ``ix_events_map`` (~5 ms). The
planner cannot tell: the window's lower bound is a subquery (the earliest start
among multi-day events still running), and SQLite keeps no histograms. So both
sizes are measured before the query:

- the box's latitude band, all time: the counts table's ``'a'`` rows (one per
  place, kept by triggers) summed over the band, a few thousand rows at most;
- the window: index entries counted, but only up to what the band costs, so the
  probe never reads more than the cheaper plan would.

On SQLite the chosen index is named (``INDEXED BY``); on PostgreSQL, which keeps
histograms, the query with literal bounds is left to its planner. Only filters
the counts table can answer (family, box, dates) come here; others keep
``event_conditions`` and the planner's choice.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Date, Select, and_, func, literal, select, text, union_all

from . import schema as s
from .queries import EventFilter

# A table row read after an index entry costs about as much as this many index
# entries walked (SQLite, 1M events: ~1.5 us against ~0.1 us).
ROW_READ_COST = 15

COLUMNS = ("event_id", "type", "family", "place_name", "lat", "lon", "fatalities_min",
           "date_start", "country", "place_precision")


def point_rows(conn: Connection, f: EventFilter, limit: int) -> list[Any]:
    """At most ``limit`` rows of COLUMNS: the located events matching ``f``
    (family, box and dates only), read through the cheaper index."""
    dialect = conn.dialect.name
    lower = _window_start(conn, f.since) if f.since else None
    index = None  # PostgreSQL: its planner's choice, on its own statistics
    if dialect == "sqlite":
        by_dates = _dates_cheaper(conn, f, lower)
        index = None if by_dates is None else "ix_events_map" if by_dates else "ix_events_latlon"
    branches = [_select(_source(index, dialect), f, lower, branch)
                for branch in (("dated", "startless") if f.since else ("any",))]
    query = branches[0] if len(branches) == 1 else union_all(*branches)
    return list(conn.execute(query.limit(limit)).all())


def _window_start(conn: Connection, since: date) -> date:
    """The earliest start of an event still running on ``since``: ``since``, or
    the start of a multi-day event that ends on or after it (partial index
    ix_events_multiday holds only those)."""
    r = _source("ix_events_multiday", conn.dialect.name)  # named: see migration 0008
    earliest = conn.execute(select(func.min(r.c.date_start)).where(
        r.c.date_end > r.c.date_start, r.c.date_end >= literal(since, Date))).scalar()
    return earliest if earliest is not None and earliest < since else since


def _dates_cheaper(conn: Connection, f: EventFilter, lower: date | None) -> bool | None:
    """Whether walking the window's dates costs less than the box's latitudes
    (None: neither narrows anything)."""
    if lower is None and f.until is None:
        return None if not f.bbox else False  # no window: every date
    if not f.bbox:
        return True  # no box: every latitude
    min_lon, min_lat, max_lon, max_lat = f.bbox
    c = s.event_map_counts
    band, box = conn.execute(
        select(func.coalesce(func.sum(c.c.n), 0),
               func.coalesce(func.sum(c.c.n).filter(c.c.lon.between(min_lon, max_lon)), 0))
        .where(c.c.grain == "a", c.c.period == date(1, 1, 1), c.c.family == "*",
               c.c.lat.between(min_lat, max_lat))).one()
    return _window_size(conn, lower, f.until) <= band + ROW_READ_COST * box


def _window_size(conn: Connection, lower: date | None, until: date | None) -> float:
    """About how many events start in [lower, until]: each year's single-day
    events (the counts table's 'y' rows, a few thousand) spread evenly over its
    days. Counting the window's index entries instead took ~3 ms for 30 days
    at 1M events, as long as the query it decides on; an estimate within a small
    factor decides as well, since the two plans differ by far more when it matters."""
    c = s.event_map_counts
    if lower is None:
        lower = conn.execute(select(func.min(s.events.c.date_start))).scalar() or until
    if lower is None or until is not None and until < lower:
        return 0.0
    last_year = until.year if until else max(date.today().year, lower.year)
    years = [date(year, 1, 1) for year in range(lower.year, last_year + 1)]
    per_year = conn.execute(select(c.c.period, func.sum(c.c.n))  # each year's rows: a seek
                            .where(c.c.grain == "y", c.c.period.in_(years), c.c.family == "*")
                            .group_by(c.c.period)).all()
    size = 0.0
    for start, n in per_year:
        end = date(start.year, 12, 31)
        first, last = max(start, lower or start), min(end, until or end)
        if first <= last:
            size += n * ((last - first).days + 1) / ((end - start).days + 1)
    return size


@lru_cache(maxsize=None)
def _source(index: str | None, dialect: str) -> Any:
    """``events`` as a FROM: on SQLite through the named index (made once: its
    columns are ~100 objects, ~2 ms a request when made for each)."""
    if dialect != "sqlite" or index is None:
        return s.events
    return (text(f"SELECT * FROM events INDEXED BY {index}")
            .columns(*s.events.c).subquery("events_by_index"))


def _select(r: Any, f: EventFilter, lower: date | None, branch: str) -> Select:
    """The matches of one branch of the date test (the branches are disjoint, and
    apart each is one range of the index: with an OR SQLite reads every date
    before ``until``). The terms mean what ``event_conditions``' do."""
    where = [r.c.lat.is_not(None), r.c.lon.is_not(None)]
    if f.families:
        where.append(r.c.family.in_(f.families))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where += [r.c.lat.between(min_lat, max_lat), r.c.lon.between(min_lon, max_lon)]
    if f.until:
        where.append(r.c.date_start <= f.until)
    since = literal(f.since, Date) if f.since else None
    if branch == "dated":
        where += [r.c.date_start >= lower, func.coalesce(r.c.date_end, r.c.date_start) >= since]
    elif branch == "startless":
        where += [r.c.date_start.is_(None), r.c.date_end >= since]
    return select(*(r.c[name] for name in COLUMNS)).where(and_(*where))

