"""The map's read side: events with coordinates as points, or counted by place when
there are more than the map can show.

Counting by place reads ``event_map_counts`` (kept by triggers, migration 0003)
for the whole years and months of a date window, and ``events`` only for what
that table cannot answer: the days of partial months at the window's edges, and
events that are not single-day (multi-day, or with no start). The result is
exactly the GROUP BY over ``events`` it replaces, without reading every event.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Engine, Select, func, or_, select, text,
)

from . import schema as s
from .queries import EventFilter, event_conditions

MAP_LIMIT = 5000
Span = tuple[date, date]  # first and last day, both included


def map_features(engine: Engine, filters: EventFilter, *, limit: int = MAP_LIMIT
                 ) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (as a dict): one point per event, or beyond
    ``limit`` events the ``limit`` places with most events, one point each."""
    with engine.connect() as conn:
        if _countable(filters):
            groups = _merge(conn.execute(part).all()
                            for part in _place_counts(filters, engine.dialect.name))
            total = sum(g[0] for g in groups.values())
            if total > limit:
                return _aggregated(groups, total, limit)
        rows = conn.execute(_points(filters).limit(limit + 1)).all()
        if len(rows) > limit:  # filters the counts table cannot answer: count from events
            groups = _merge([conn.execute(_place_counts_from_events(filters)).all()])
            return _aggregated(groups, sum(g[0] for g in groups.values()), limit)
    features = [_point(r.lon, r.lat, {
        "id": r.event_id, "type": r.type, "family": r.family, "place": r.place_name,
        "country": r.country, "fatalities": r.fatalities_min,
        "date": r.date_start.isoformat() if r.date_start else None, "count": 1})
        for r in rows]
    return _collection(features, len(rows), aggregated=False)


def _countable(f: EventFilter) -> bool:
    """The counts table is keyed by family, place and date only."""
    return not (f.types or f.countries or f.statuses or f.place or f.actor or f.text
                or f.article_id is not None)


def _located(f: EventFilter) -> list[Any]:
    e = s.events
    return [*event_conditions(f), e.c.lat.is_not(None), e.c.lon.is_not(None)]


def _points(f: EventFilter) -> Select:
    e = s.events
    return (select(e.c.event_id, e.c.type, e.c.family, e.c.place_name, e.c.lat, e.c.lon,
                   e.c.fatalities_min, e.c.date_start, e.c.country).where(*_located(f)))


def _place_counts_from_events(f: EventFilter) -> Select:
    e = s.events
    return (select(e.c.place_name.label("place"), e.c.lat, e.c.lon, func.count().label("n"),
                   func.max(e.c.family).label("family"),
                   func.sum(e.c.fatalities_min).label("fatalities"),
                   func.count(e.c.fatalities_min).label("known"))
            .where(*_located(f)).group_by(e.c.lat, e.c.lon, e.c.place_name))


def _place_counts(f: EventFilter, dialect: str) -> list[Select]:
    """Queries whose per-place counts add up to the answer, each grouped by place.

    Each is grouped in SQL on its own: a part reading one period of the counts
    table walks its key (grain, period, lat, lon, place, family) in place order
    and needs no sort, where one GROUP BY over their UNION sorted every row.
    """
    c, e = s.event_map_counts, s.events
    counted = [c.c.family.in_(f.families)] if f.families else []
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        counted += [c.c.lat.between(min_lat, max_lat), c.c.lon.between(min_lon, max_lon)]

    def periods(grain: str, first: date, last: date) -> Select:
        when = c.c.period == first if first == last else c.c.period.between(first, last)
        return (select(c.c.place, c.c.lat, c.c.lon, func.sum(c.c.n).label("n"),
                       func.max(c.c.family).label("family"),
                       func.sum(c.c.fatalities).label("fatalities"),
                       func.sum(c.c.fatalities_known).label("known"))
                .where(c.c.grain == grain, when, *counted)
                .group_by(c.c.lat, c.c.lon, c.c.place))

    if f.since is None and f.until is None:  # every located event, dated or not
        return [periods("a", date(1, 1, 1), date(1, 1, 1))]
    years, months, days = cover(f.since or date.min, f.until or date.max)
    parts = [periods("y", *span) for span in years] + [periods("m", *span) for span in months]
    # Single-day events on the edge days: their date_start is their whole span.
    single = or_(e.c.date_end.is_(None), e.c.date_end == e.c.date_start)
    edge = replace(f, since=None, until=None)
    parts += [_grouped(_located(edge) + [e.c.date_start.between(*span), single])
              for span in days]
    return [*parts, _irregular(f, dialect)]


def _grouped(where: list[Any], source: Any = s.events) -> Select:
    """Rows of ``source`` (``events`` or a subquery of it) matching ``where``,
    grouped by place like the counts table."""
    e = source
    return (select(func.coalesce(e.c.place_name, "").label("place"), e.c.lat, e.c.lon,
                   func.count().label("n"), func.max(e.c.family).label("family"),
                   func.coalesce(func.sum(e.c.fatalities_min), 0).label("fatalities"),
                   func.count(e.c.fatalities_min).label("known"))
            .where(*where).group_by(e.c.lat, e.c.lon, e.c.place_name))


# Multi-day events and those with no start, which the counts table keeps under grain
# 'a' only; word for word the WHERE of the partial index ix_events_irregular.
IRREGULAR = "date_start IS NULL OR date_end <> date_start"


def _irregular(f: EventFilter, dialect: str) -> Select:
    """The filter over irregular events, read from their partial index.

    On SQLite the index is named (INDEXED BY): with a wide bounding box or date
    range the planner would rather range over ix_events_latlon or every dated
    event, as it cannot tell how few rows the partial index holds. SQLAlchemy
    renders no table hints for SQLite, hence the textual subquery. The terms
    mean what event_conditions' do for the filters _countable allows (its lower
    bound on date_start only serves an index range).
    """
    e = s.events
    if dialect == "sqlite":
        r = (text(f"SELECT * FROM events INDEXED BY ix_events_irregular WHERE {IRREGULAR}")
             .columns(*e.c).subquery("irregular"))
    else:
        r = select(e).where(text(IRREGULAR)).subquery("irregular")
    where = [r.c.lat.is_not(None), r.c.lon.is_not(None)]
    if f.families:
        where.append(r.c.family.in_(f.families))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where += [r.c.lat.between(min_lat, max_lat), r.c.lon.between(min_lon, max_lon)]
    if f.since:
        where.append(func.coalesce(r.c.date_end, r.c.date_start) >= f.since)
    if f.until:
        where.append(r.c.date_start <= f.until)
    return _grouped(where, r)


def cover(lo: date, hi: date) -> tuple[list[Span], list[Span], list[Span]]:
    """[lo, hi] as period starts of whole years, of whole months, and edge days.

    Years and months are spans of their first days (as stored in ``period``); at
    most one span of years, two of months (before and after it), two of days.
    """
    if lo > hi:
        return [], [], []
    first_year = lo if (lo.month, lo.day) == (1, 1) else _year_after(lo)
    end_year = hi.year if (hi.month, hi.day) == (12, 31) else hi.year - 1
    if first_year is not None and first_year.year <= end_year:
        lead_m, lead_d = _months(lo, first_year - timedelta(days=1)) if lo < first_year \
            else ([], [])
        tail_m, tail_d = _months(date(end_year + 1, 1, 1), hi) if end_year < date.max.year \
            else ([], [])
        return [(first_year, date(end_year, 1, 1))], lead_m + tail_m, lead_d + tail_d
    months, days = _months(lo, hi)
    return [], months, days


def _months(lo: date, hi: date) -> tuple[list[Span], list[Span]]:
    if lo > hi:
        return [], []
    first = lo if lo.day == 1 else _month_after(lo)
    after_hi = _month_after(hi)  # the 1st of the month after hi's
    last = hi.replace(day=1) if after_hi is None or after_hi - timedelta(days=1) == hi \
        else _month_before(hi.replace(day=1))
    if first is None or last is None or first > last:
        return [], [(lo, hi)]
    days = []
    if lo < first:
        days.append((lo, first - timedelta(days=1)))
    end_of_last = _month_after(last)
    if end_of_last is not None and end_of_last <= hi:
        days.append((end_of_last, hi))
    return [(first, last)], days


def _year_after(d: date) -> date | None:
    return date(d.year + 1, 1, 1) if d.year < date.max.year else None


def _month_after(d: date) -> date | None:
    if d.month < 12:
        return date(d.year, d.month + 1, 1)
    return date(d.year + 1, 1, 1) if d.year < date.max.year else None


def _month_before(d: date) -> date | None:
    if d.month > 1:
        return date(d.year, d.month - 1, 1)
    return date(d.year - 1, 12, 1) if d.year > date.min.year else None


def _merge(results: Iterable[list[Any]]) -> dict[tuple[str, float, float], list[Any]]:
    """Per-place rows of several queries added up: (place, lat, lon) ->
    [events, max family, fatalities, events with fatalities known]."""
    places: dict[tuple[str, float, float], list[Any]] = {}
    for rows in results:
        for place, lat, lon, n, family, fatalities, known in rows:
            key = (place or "", lat, lon)
            got = places.get(key)
            if got is None:
                places[key] = [n, family, fatalities or 0, known]
            else:
                got[0] += n
                got[1] = max(got[1], family)
                got[2] += fatalities or 0
                got[3] += known
    return places


def _aggregated(groups: dict[tuple[str, float, float], list[Any]], total: int, limit: int
                ) -> dict[str, Any]:
    top = sorted(groups.items(), key=lambda kv: (-kv[1][0], kv[0][0]))[:limit]
    features = [_point(lon, lat, {
        "place": place or None, "family": family,
        "fatalities": fatalities if known else None, "count": n})
        for (place, lat, lon), (n, family, fatalities, known) in top]
    return _collection(features, total, aggregated=True)


def _point(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def _collection(features: list[dict], total: int, *, aggregated: bool) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features,
            "total": total, "aggregated": aggregated}
