"""The map's read side: events with coordinates as points, or counted by place when
there are more than the map can show.

Counting by place reads ``event_map_counts`` (kept by triggers, migrations 0003
and 0004) for the whole years, months and dekads (days 1-10, 11-20, 21-end) of a
date window, and ``events`` only for what that table cannot answer: the days of
partial dekads at the window's edges, and events that are not single-day
(multi-day, or with no start). The result is
exactly the GROUP BY over ``events`` it replaces, without reading every event.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from json.encoder import encode_basestring  # type: ignore[attr-defined]
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
    ``limit`` events the ``limit`` places with most events, one point each
    (coloured by the family with most events there)."""
    aggregated, total, rows = _map_rows(engine, filters, limit)
    names = AGGREGATED if aggregated else POINT
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [row[1], row[0]]},
                 "properties": dict(zip(names, row[2:]))} for row in rows]
    return {"type": "FeatureCollection", "features": features, "total": total,
            "aggregated": aggregated}


def map_geojson(engine: Engine, filters: EventFilter, *, limit: int = MAP_LIMIT) -> str:
    """``map_features`` as GeoJSON text, written row by row: building 5,000 feature
    dicts and encoding them took longer than the query. Coordinates are rounded to 5
    decimals (about a metre).

    Each place's head (geometry and name) is the same text on every request, and
    writing it (rounding and printing two floats, encoding the name) was most of
    the cost, so it is memoised by (lat, lon, place) in ``_HEADS``: a function of
    those values alone, never of the counts, so it cannot go stale. Building the
    text in the database was slower on SQLite (docs/web.md): its round() and JSON
    print each float through printf, ~3 us a row against ~1 us here."""
    aggregated, total, rows = _map_rows(engine, filters, limit)
    strings: dict[str | None, str] = {None: "null"}

    def q(v: str | None) -> str:  # a JSON string, each distinct one encoded once
        got = strings.get(v)
        if got is None:
            got = strings[v] = encode_basestring(v)
        return got

    def n(v: int | None) -> str:
        return "null" if v is None else str(v)

    if aggregated:
        features = [f'{_head(lat, lon, place)}"family":{q(family)},"fatalities":{n(killed)},'
                    f'"count":{count}}}}}'
                    for lat, lon, place, family, killed, count in rows]
    else:
        features = [f'{HEAD}{round(lon, 5)!r},{round(lat, 5)!r}]}},"properties":{{'
                    f'"id":{q(event_id)},"type":{q(kind)},"family":{q(family)},'
                    f'"place":{q(place)},"country":{q(country)},"fatalities":{n(killed)},'
                    f'"date":{q(day)},"count":{count},"precision":{q(precision)}}}}}'
                    for lat, lon, event_id, kind, family, place, country, killed, day, count, precision
                    in rows]
    return (f'{{"type":"FeatureCollection","features":[{",".join(features)}],'
            f'"total":{total},"aggregated":{"true" if aggregated else "false"}}}')


HEAD = '{"type":"Feature","geometry":{"type":"Point","coordinates":['
_HEADS: dict[tuple[float, float, str | None], str] = {}
_HEADS_MAX = 200_000  # places; past it the memo starts again (a few MB at most)


def _head(lat: float, lon: float, place: str | None) -> str:
    """An aggregated feature's text up to its family: geometry and place name."""
    key = (lat, lon, place)
    got = _HEADS.get(key)
    if got is None:
        if len(_HEADS) >= _HEADS_MAX:
            _HEADS.clear()
        name = "null" if place is None else encode_basestring(place)
        got = _HEADS[key] = (f'{HEAD}{round(lon, 5)!r},{round(lat, 5)!r}]}},'
                             f'"properties":{{"place":{name},')
    return got


# "precision" says how coarse the point is (a country-level event is no precise point)
POINT = ("id", "type", "family", "place", "country", "fatalities", "date", "count", "precision")
AGGREGATED = ("place", "family", "fatalities", "count")


def _map_rows(engine: Engine, filters: EventFilter, limit: int
              ) -> tuple[bool, int, list[tuple[Any, ...]]]:
    """(aggregated, total, rows): rows are (lat, lon, *properties) in the order of
    POINT or AGGREGATED."""
    with engine.connect() as conn:
        if _countable(filters):
            results = [conn.execute(part).all()
                       for part in _place_counts(filters, engine.dialect.name)]
            total, top = _top(results, limit)
            if total > limit:
                return True, total, top
        rows = conn.execute(_points(filters).limit(limit + 1)).all()
        if len(rows) > limit:  # filters the counts table cannot answer: count from events
            total, top = _top([conn.execute(_grouped(_located(filters))).all()], limit)
            return True, total, top
    return False, len(rows), [
        (r.lat, r.lon, r.event_id, r.type, r.family, r.place_name, r.country, r.fatalities_min,
         r.date_start.isoformat() if r.date_start else None, 1, r.place_precision) for r in rows]


def _top(results: list[list[Any]], limit: int) -> tuple[int, list[tuple[Any, ...]]]:
    """(events, the ``limit`` busiest places) from the (place, lat, lon, family, n,
    fatalities, known) rows of several queries, as ``_top_places`` gives them.

    Most maps read one period of the counts table with no family filter or one
    family (and an empty part or two): a row per place already, so the rows are
    sorted as they are; adding them up per place in dicts took as long as the SQL.
    """
    filled = [rows for rows in results if rows]
    if len(filled) == 1:
        rows = filled[0]
        if len({(r[0], r[1], r[2]) for r in rows}) == len(rows):  # one row a place
            top = sorted(rows, key=lambda r: (-r[4], r[0] or ""))[:limit]
            return sum(r[4] for r in rows), [
                (lat, lon, place or None, family, fatalities if known else None, n)
                for place, lat, lon, family, n, fatalities, known in top]
    groups = _merge(filled)
    return sum(g[0] for g in groups.values()), _top_places(groups, limit)


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
                   e.c.fatalities_min, e.c.date_start, e.c.country, e.c.place_precision)
            .where(*_located(f)))


def _place_counts(f: EventFilter, dialect: str) -> list[Select]:
    """Queries of (place, lat, lon, family, n, fatalities, known) rows that add up
    to the answer. Without a family filter the counts table's '*' rows are read
    (one per place and period, family = its most frequent one there)."""
    c, e = s.event_map_counts, s.events
    family = c.c.family
    if f.families:
        counted = [c.c.family.in_(f.families)]
    else:
        counted, family = [c.c.family == "*"], c.c.top_family
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        counted += [c.c.lat.between(min_lat, max_lat), c.c.lon.between(min_lon, max_lon)]

    def periods(grain: str, first: date, last: date) -> Select:
        if first == last:  # one period: a row per place and family already
            return (select(c.c.place, c.c.lat, c.c.lon, family, c.c.n, c.c.fatalities,
                           c.c.fatalities_known)
                    .where(c.c.grain == grain, c.c.period == first, *counted))
        # The periods listed where they are few: given a range, SQLite preferred a
        # skip-scan of the whole key (ANY(grain) AND ANY(period) AND family=?).
        listed = _starts(grain, first, last)
        when = c.c.period.in_(listed) if len(listed) <= 60 else c.c.period.between(first, last)
        return (select(c.c.place, c.c.lat, c.c.lon, family, func.sum(c.c.n),
                       func.sum(c.c.fatalities), func.sum(c.c.fatalities_known))
                .where(c.c.grain == grain, when, *counted)
                .group_by(c.c.lat, c.c.lon, c.c.place, family))

    if f.since is None and f.until is None:  # every located event, dated or not
        return [periods("a", date(1, 1, 1), date(1, 1, 1))]
    years, months, dekads, days = cover(f.since or date.min, f.until or date.max)
    parts = [periods("y", *span) for span in years] + [periods("m", *span) for span in months]
    parts += [periods("d", *span) for span in dekads]
    # Single-day events on the edge days: their date_start is their whole span. The
    # bounding box is tested on lat + 0, which no index serves: given a lat range,
    # SQLite ranges over ix_events_latlon (most of the table for a country's box)
    # instead of these few days in ix_events_map.
    single = or_(e.c.date_end.is_(None), e.c.date_end == e.c.date_start)
    edge = [e.c.lat.is_not(None), e.c.lon.is_not(None), single]
    if f.families:
        edge.append(e.c.family.in_(f.families))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        edge += [(e.c.lat + 0).between(min_lat, max_lat), (e.c.lon + 0).between(min_lon, max_lon)]
    parts += [_grouped([*edge, e.c.date_start.between(*span)]) for span in days]
    return [*parts, _irregular(f, dialect)]


def _grouped(where: list[Any], source: Any = s.events) -> Select:
    """Rows of ``source`` (``events`` or a subquery of it) matching ``where``,
    counted per place and family like the counts table."""
    e = source
    return (select(func.coalesce(e.c.place_name, ""), e.c.lat, e.c.lon, e.c.family,
                   func.count(), func.coalesce(func.sum(e.c.fatalities_min), 0),
                   func.count(e.c.fatalities_min))
            .where(*where).group_by(e.c.lat, e.c.lon, e.c.place_name, e.c.family))


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


def cover(lo: date, hi: date) -> tuple[list[Span], list[Span], list[Span], list[Span]]:
    """[lo, hi] as period starts of whole years, of whole months, of whole dekads,
    and edge days.

    Periods are spans of their first days (as stored in ``period``); at most one
    span of years, two of months (before and after it), two of dekads, and the
    days of the partial dekads at each end (at most 10 a side).
    """
    years, months, days = _cover_months(lo, hi)
    dekads, edge = [], []
    for span in days:
        whole, rest = _dekads(*span)
        dekads += whole
        edge += rest
    return years, months, dekads, edge


def _cover_months(lo: date, hi: date) -> tuple[list[Span], list[Span], list[Span]]:
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


def _dekads(lo: date, hi: date) -> tuple[list[Span], list[Span]]:
    """[lo, hi] as one span of whole dekads' starts and the days around it."""
    first = lo if lo.day in (1, 11, 21) else _dekad_after(lo)
    after_hi = _dekad_after(hi)
    last = _dekad_of(hi) if after_hi is None or after_hi - timedelta(days=1) == hi \
        else _dekad_before(_dekad_of(hi))
    if first is None or last is None or first > last:
        return [], [(lo, hi)]
    days = []
    if lo < first:
        days.append((lo, first - timedelta(days=1)))
    end_of_last = _dekad_after(last)
    if end_of_last is not None and end_of_last <= hi:
        days.append((end_of_last, hi))
    return [(first, last)], days


def _dekad_of(d: date) -> date:
    """The first day of ``d``'s dekad: the 1st, 11th or 21st."""
    return d.replace(day=1 if d.day <= 10 else 11 if d.day <= 20 else 21)


def _dekad_after(d: date) -> date | None:
    start = _dekad_of(d)
    return start.replace(day=start.day + 10) if start.day < 21 else _month_after(start)


def _dekad_before(start: date) -> date | None:
    if start.day > 1:
        return start.replace(day=start.day - 10)
    return None if start == date.min else _dekad_of(start - timedelta(days=1))


def _starts(grain: str, first: date, last: date) -> list[date]:
    """The period starts from ``first`` to ``last`` (at most 61 of them)."""
    starts: list[date] = []
    step = {"y": _year_after, "m": _month_after, "d": _dekad_after}[grain]
    day: date | None = first
    while day is not None and day <= last and len(starts) <= 60:
        starts.append(day)
        day = step(day)
    return starts


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


Groups = dict[tuple[str, float, float], list[Any]]


def _merge(results: Iterable[list[Any]]) -> Groups:
    """Rows of several queries added up per place: (place, lat, lon) ->
    [events, fatalities, events with fatalities known, {family: events}]."""
    places: Groups = {}
    for rows in results:
        for place, lat, lon, family, n, fatalities, known in rows:
            got = places.setdefault((place or "", lat, lon), [0, 0, 0, {}])
            got[0] += n
            got[1] += fatalities or 0
            got[2] += known
            got[3][family] = got[3].get(family, 0) + n
    return places


def _top_places(groups: Groups, limit: int) -> list[tuple[Any, ...]]:
    """The ``limit`` places with most events, as (lat, lon, place, family,
    fatalities, count); family: the one with most events there (ties by name)."""
    top = sorted(groups.items(), key=lambda kv: (-kv[1][0], kv[0][0]))[:limit]
    return [(lat, lon, place or None, _most(families), fatalities if known else None, n)
            for (place, lat, lon), (n, fatalities, known, families) in top]


def _most(families: dict[str, int]) -> str:
    if len(families) == 1:
        return next(iter(families))
    return min(families, key=lambda name: (-families[name], name or ""))
