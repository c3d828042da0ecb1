"""The map's read side: events with coordinates as points, or counted by place when
there are more than the map can show.

Counting by place reads ``event_map_counts`` (kept by triggers, migrations 0003
and 0004) for the whole years, months and dekads (days 1-10, 11-20, 21-end) of a
date window, and ``events`` only for what that table cannot answer: the days of
partial dekads at the window's edges, and events that are not single-day
(multi-day, or with no start). The result is
exactly the GROUP BY over ``events`` it replaces, without reading every event.
A window of one period reads its rows as they are; one of several periods and
edge days is added up by the database in one GROUP BY (``_window_totals``).
When the answer is 5,000 events or fewer they are drawn as points, read through
the cheaper of the date and latitude indexes (``map_point_rows``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from sqlalchemy import (
    Engine, Select, Text, case, cast, func, literal, or_, select, text, union_all,
)

from . import schema as s
from .map_periods import _starts, cover
from .map_point_rows import COLUMNS as POINT_COLUMNS, point_rows
from .queries import EventFilter, event_conditions

MAP_LIMIT = 5000


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
    dialect = engine.dialect.name
    with engine.connect() as conn:
        if _countable(filters):
            if _one_period(filters):  # a row per place (and family) already
                total, top = _top([conn.execute(part).all()
                                   for part in _place_counts(filters, dialect)], limit)
            else:  # several periods and edge days: added up by the database
                total, top = _busiest(conn.execute(_window_totals(filters, dialect)).all(),
                                      limit)
            if total > limit:
                return True, total, top
            rows = point_rows(conn, filters, limit + 1)
        else:
            rows = conn.execute(_points(filters).limit(limit + 1)).all()
        if len(rows) > limit:  # filters the counts table cannot answer: count from events
            total, top = _top([conn.execute(_grouped(_located(filters))).all()], limit)
            return True, total, top
    # Unpacked by position (COLUMNS' order), not read by name: a third of the time
    # for 1,000 points went to Row attribute lookups.
    return False, len(rows), [
        (lat, lon, event_id, kind, family, place, country, killed,
         day.isoformat() if day else None, 1, precision)
        for event_id, kind, family, place, lat, lon, killed, day, country, precision in rows]


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


def _busiest(rows: list[Any], limit: int) -> tuple[int, list[tuple[Any, ...]]]:
    """``_top`` for ``_window_totals``' rows, one per place already."""
    top = sorted(rows, key=lambda r: (-r[4], r[0]))[:limit]
    return sum(r[4] for r in rows), [
        (lat, lon, place or None, family, fatalities if known else None, n)
        for place, lat, lon, family, n, fatalities, known, _largest in top]


def _one_period(f: EventFilter) -> bool:
    """Whether ``f``'s window is one period of the counts table (all time, a
    year, a month or a dekad), with no edge days to read from ``events``."""
    if f.since is None and f.until is None:
        return True
    years, months, dekads, days = cover(f.since or date.min, f.until or date.max)
    spans = years + months + dekads
    return not days and len(spans) == 1 and spans[0][0] == spans[0][1]


def _countable(f: EventFilter) -> bool:
    """The counts table is keyed by family, place and date only."""
    return not (f.types or f.countries or f.statuses or f.place or f.actor or f.text
                or f.article_id is not None)


def _located(f: EventFilter) -> list[Any]:
    e = s.events
    return [*event_conditions(f), e.c.lat.is_not(None), e.c.lon.is_not(None)]


def _points(f: EventFilter) -> Select:
    return select(*(s.events.c[name] for name in POINT_COLUMNS)).where(*_located(f))


def _place_counts(f: EventFilter, dialect: str, *, per_row: bool = False) -> list[Select]:
    """Queries of (place, lat, lon, family, n, fatalities, known) rows that add up
    to the answer. Without a family filter the counts table's '*' rows are read
    (one per place and period, family = its most frequent one there).

    Each query adds up its own rows per place and family; ``per_row`` leaves that
    to the caller (one row per period of the counts table, one per event read
    from ``events``), for ``_window_totals`` to add up everything in one pass."""
    c, e = s.event_map_counts, s.events
    family = c.c.family
    if f.families:
        counted = [c.c.family.in_(f.families)]
    else:
        counted, family = [c.c.family == "*"], c.c.top_family
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        counted += [c.c.lat.between(min_lat, max_lat), c.c.lon.between(min_lon, max_lon)]
    counts = (c.c.place.label("place"), c.c.lat.label("lat"), c.c.lon.label("lon"),
              family.label("family"))

    def periods(grain: str, first: date, last: date) -> Select:
        if first == last:
            when = c.c.period == first
        else:  # The periods listed where they are few: given a range, SQLite preferred
            # a skip-scan of the whole key (ANY(grain) AND ANY(period) AND family=?).
            listed = _starts(grain, first, last)
            when = c.c.period.in_(listed) if len(listed) <= 60 else \
                c.c.period.between(first, last)
        if first == last or per_row:  # one period: a row per place and family already
            return (select(*counts, c.c.n.label("n"), c.c.fatalities.label("fatalities"),
                           c.c.fatalities_known.label("known"))
                    .where(c.c.grain == grain, when, *counted))
        return (select(*counts, func.sum(c.c.n), func.sum(c.c.fatalities),
                       func.sum(c.c.fatalities_known))
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
    rows = _event_rows if per_row else _grouped
    parts += [rows([*edge, e.c.date_start.between(*span)]) for span in days]
    return [*parts, _irregular(f, dialect, rows)]


def _window_totals(f: EventFilter, dialect: str) -> Select:
    """One row per place (place, lat, lon, family, n, fatalities, known, largest):
    every part of ``_place_counts`` added up by the database in one GROUP BY.

    A window of several periods and edge days is ~6,000 count rows and ~10,000
    events for the world's 30 days at 1M events; adding them up in Python (a
    query and a sort per part, then dicts) made the request ~80 ms in-process,
    now ~30, of which ~17 is this one sort.
    The family shown is that of the place's largest row: its biggest period's
    (top) family, or, for a place seen on edge days only, one of its events'
    (SQLite's bare column beside max(); on PostgreSQL ties go to the last
    name). Within one period it is the exact top family, as before; across
    several it was already an estimate (the '*' rows keep only each period's top
    family), now without the per-family sums that made it cost twice as much.
    """
    u = union_all(*_place_counts(f, dialect, per_row=True)).subquery("parts")
    if dialect == "postgresql":
        # The largest row's family as the tail of the largest "<n, 10 digits><family>"
        # (ties: the last name): array_agg(family ORDER BY n DESC) sorted inside every
        # place's group, 24 of 61 ms for the world's 30 days at 300,000 events.
        largest = func.max(func.lpad(cast(u.c.n, Text), 10, "0") + u.c.family)
        family = func.substr(largest, 11)
    else:
        family = u.c.family  # a bare column: taken from the row where max(n) is
    return (select(u.c.place, u.c.lat, u.c.lon, family, func.sum(u.c.n),
                   func.sum(u.c.fatalities), func.sum(u.c.known), func.max(u.c.n))
            .group_by(u.c.lat, u.c.lon, u.c.place))


def _grouped(where: list[Any], source: Any = s.events) -> Select:
    """Rows of ``source`` (``events`` or a subquery of it) matching ``where``,
    counted per place and family like the counts table."""
    e = source
    return (select(func.coalesce(e.c.place_name, ""), e.c.lat, e.c.lon, e.c.family,
                   func.count(), func.coalesce(func.sum(e.c.fatalities_min), 0),
                   func.count(e.c.fatalities_min))
            .where(*where).group_by(e.c.lat, e.c.lon, e.c.place_name, e.c.family))


def _event_rows(where: list[Any], source: Any = s.events) -> Select:
    """``_grouped``'s columns for each event alone (n = 1)."""
    e = source
    return (select(func.coalesce(e.c.place_name, "").label("place"), e.c.lat.label("lat"),
                   e.c.lon.label("lon"), e.c.family.label("family"), literal(1).label("n"),
                   func.coalesce(e.c.fatalities_min, 0).label("fatalities"),
                   case((e.c.fatalities_min.is_(None), 0), else_=1).label("known"))
            .where(*where))


# Multi-day events and those with no start, which the counts table keeps under grain
# 'a' only; word for word the WHERE of the partial index ix_events_irregular.
IRREGULAR = "date_start IS NULL OR date_end <> date_start"


def _irregular(f: EventFilter, dialect: str,
               rows: Callable[[list[Any], Any], Select] = _grouped) -> Select:
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
    return rows(where, r)


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
