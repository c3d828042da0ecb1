"""Read-side queries the web app needs beyond ``dateline.store.queries``.

SQLAlchemy Core against the store's tables; route handlers call these, never SQL.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from ..store import schema as s
from ..store.map_points import MAP_LIMIT, map_features, map_geojson  # noqa: F401 - the map's read side

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
