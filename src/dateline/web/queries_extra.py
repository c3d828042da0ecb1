"""Read-side queries the web app needs beyond ``dateline.store.queries``.

SQLAlchemy Core against the store's tables; route handlers call these, never SQL.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, func, literal_column, select

from ..store import schema as s
from ..store.queries import EventFilter, event_conditions  # the store's own filter rules

MAP_LIMIT = 5000


def _where(filters: EventFilter) -> Any:
    conds = event_conditions(filters)
    return and_(*conds) if conds else literal_column("1") == 1


def map_features(engine: Engine, filters: EventFilter, *, limit: int = MAP_LIMIT
                 ) -> dict[str, Any]:
    """Events with coordinates as GeoJSON points; beyond ``limit``, one point per place.

    Reads the events' filter columns only (no JSON) and neither counts nor sorts
    first: it asks for ``limit + 1`` rows and groups by place only when they
    overflow, so a bounding box over a million events stays one index range scan.
    """
    e = s.events
    where = and_(_where(filters), e.c.lat.is_not(None), e.c.lon.is_not(None))
    with engine.connect() as conn:
        rows = conn.execute(
            select(e.c.event_id, e.c.type, e.c.family, e.c.place_name, e.c.lat, e.c.lon,
                   e.c.fatalities_min, e.c.date_start, e.c.country)
            .where(where).limit(limit + 1)).all()
        if len(rows) <= limit:
            features = [_point(r.lon, r.lat, {
                "id": r.event_id, "type": r.type, "family": r.family, "place": r.place_name,
                "country": r.country, "fatalities": r.fatalities_min,
                "date": r.date_start.isoformat() if r.date_start else None, "count": 1})
                for r in rows]
            return _collection(features, len(rows), aggregated=False)
        groups = conn.execute(
            select(e.c.place_name, e.c.lat, e.c.lon, func.count().label("n"),
                   func.max(e.c.family).label("family"),
                   func.sum(e.c.fatalities_min).label("fatalities"))
            .where(where).group_by(e.c.place_name, e.c.lat, e.c.lon)).all()
    total = sum(g.n for g in groups)
    top = sorted(groups, key=lambda g: (-g.n, g.place_name or ""))[:limit]
    features = [_point(g.lon, g.lat, {"place": g.place_name, "family": g.family,
                                      "fatalities": g.fatalities, "count": g.n}) for g in top]
    return _collection(features, total, aggregated=True)


def _point(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def _collection(features: list[dict], total: int, *, aggregated: bool) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features,
            "total": total, "aggregated": aggregated}


def mentions_of_event(engine: Engine, event_id: str) -> list[dict[str, Any]]:
    """Every article's telling of one event: its contract event and the article text."""
    m, a = s.event_mentions, s.articles
    query = (select(m.c.data, m.c.claimed_by, a.c.id, a.c.title, a.c.url, a.c.published,
                    a.c.text)
             .select_from(m.join(a, a.c.id == m.c.article_id))
             .where(m.c.event_id == event_id).order_by(a.c.published, a.c.id, m.c.ordinal))
    with engine.connect() as conn:
        return [{"mention": r.data, "claimed_by": r.claimed_by, "article_id": r.id,
                 "title": r.title, "url": r.url,
                 "published": r.published.isoformat() if r.published else None,
                 "text": r.text} for r in conn.execute(query)]


def places(engine: Engine, *, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Place names with how many events are located there (most first)."""
    e = s.events
    n = func.count().label("n")
    query = (select(e.c.place_name, e.c.country, func.min(e.c.lat).label("lat"),
                    func.min(e.c.lon).label("lon"), n)
             .where(e.c.place_name.is_not(None))
             .group_by(e.c.place_name, e.c.country).order_by(n.desc(), e.c.place_name)
             .limit(limit))
    if q:
        query = query.where(func.lower(e.c.place_name).contains(q.lower(), autoescape=True))
    with engine.connect() as conn:
        return [{"name": r.place_name, "country": r.country, "lat": r.lat, "lon": r.lon,
                 "events": r.n} for r in conn.execute(query)]


def actors(engine: Engine, *, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actor names (role actor/target) with how many mentions name them."""
    ac = s.actors
    n = func.count().label("n")
    query = (select(func.min(ac.c.name).label("name"), ac.c.name_lower, ac.c.role, n)
             .group_by(ac.c.name_lower, ac.c.role).order_by(n.desc(), ac.c.name_lower)
             .limit(limit))
    if q:
        query = query.where(ac.c.name_lower.contains(q.lower(), autoescape=True))
    with engine.connect() as conn:
        return [{"name": r.name, "role": r.role, "mentions": r.n} for r in conn.execute(query)]


def article_id_for(engine: Engine, *, raw_hash: str | None = None,
                   origin: str | None = None) -> int | None:
    """The stored article read from these bytes (raw hash) or this origin, if any."""
    a = s.articles
    cond = a.c.raw_hash == raw_hash if raw_hash else a.c.origin == origin
    with engine.connect() as conn:
        return conn.scalar(select(a.c.id).where(cond).order_by(a.c.id.desc()).limit(1))


def families(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(s.events.c.family).distinct().order_by(s.events.c.family)))
