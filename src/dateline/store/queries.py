"""The read side shared by `dateline events` and the web app. No SQL lives elsewhere.

Events come back as the contract's event JSON (``id`` = the stable event_id)
plus ``family``, ``sources`` (the articles telling it) and ``source_count``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Date, Engine, and_, case, exists, func, literal, literal_column, or_, select, text,
)

from ..errors import InputError
from ..models import SCHEMA
from . import schema as s

SORTS = ("date", "-date", "fatalities", "confidence", "-published")
_SORT_COLUMNS = {  # sort -> (column, descending)
    "date": (s.events.c.date_start, False), "-date": (s.events.c.date_start, True),
    "fatalities": (s.events.c.fatalities_min, True), "confidence": (s.events.c.confidence, True),
    "-published": (s.events.c.first_published, True),
}


def _order_by(sort: str, dialect: str) -> tuple[Any, ...]:
    """Undated/unknown values last, written so an index on the sort column can be
    walked: on SQLite ``DESC`` already puts NULLs last (a ``col IS NULL`` key would
    force a sort of every match), on PostgreSQL ``NULLS LAST`` says so."""
    e = s.events
    column, descending = _SORT_COLUMNS[sort]
    if dialect != "sqlite":
        ordered = column.desc() if descending else column.asc()
        return (ordered.nulls_last(), e.c.event_id)
    if descending:
        return (column.desc(), e.c.event_id)
    return (column.is_(None), column.asc(), e.c.event_id)  # ASC puts NULLs first on SQLite


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every filter is optional; values within one filter are alternatives (OR)."""

    types: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    place: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    article_id: int | None = None


def event_conditions(f: EventFilter) -> list[Any]:
    """The WHERE terms for ``f`` over ``events`` (the map reuses them)."""
    conds = _conditions_but_since(f)
    if f.since:  # the event's span overlaps [since, until]
        conds.append(or_(*_since_branches(f.since)))
    return conds


def condition_branches(f: EventFilter) -> list[list[Any]]:
    """``event_conditions(f)`` as disjoint lists of WHERE terms whose matches add up.

    With ``since`` there are two: an OR between them makes SQLite read both index
    ranges into a row set, which gives up the index order (a sort of every match
    for a page of 50) and costs a lookup per match; apart, each walks its index.
    """
    conds = _conditions_but_since(f)
    if not f.since:
        return [conds]
    return [[*conds, branch] for branch in _since_branches(f.since)]


def _conditions_but_since(f: EventFilter) -> list[Any]:
    e, m = s.events, s.event_mentions
    conds: list[Any] = []
    if f.types:
        conds.append(e.c.type.in_(f.types))
    if f.families:
        conds.append(e.c.family.in_(f.families))
    if f.countries:
        conds.append(e.c.country.in_([c.upper() for c in f.countries]))
    if f.statuses:
        conds.append(e.c.status.in_(f.statuses))
    if f.until:
        conds.append(e.c.date_start <= f.until)
    if f.text:
        for word in f.text.lower().split():
            conds.append(e.c.search_text.contains(word, autoescape=True))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append(and_(e.c.lat.between(min_lat, max_lat), e.c.lon.between(min_lon, max_lon)))
    if f.place:
        pattern = f"%{f.place.lower()}%"
        conds.append(or_(func.lower(e.c.place_name).like(pattern), exists(
            select(1).select_from(s.places.join(m, m.c.id == s.places.c.mention_id))
            .where(m.c.event_id == e.c.event_id, s.places.c.name_lower.like(pattern)))))
    if f.actor:
        conds.append(exists(
            select(1).select_from(s.actors.join(m, m.c.id == s.actors.c.mention_id))
            .where(m.c.event_id == e.c.event_id, s.actors.c.role == "actor",
                   s.actors.c.name_lower.like(f"%{f.actor.lower()}%"))))
    if f.article_id is not None:
        conds.append(exists(select(1).where(m.c.event_id == e.c.event_id,
                                            m.c.article_id == f.article_id)))
    return conds


_event_conditions = event_conditions  # the old private name, kept for callers


def _since_branches(since: date) -> tuple[Any, Any]:
    """``coalesce(date_end, date_start) >= since``, plus a lower bound on date_start
    so an index on ``(..., date_start, date_end)`` is read over a bounded range.

    An event still running on ``since`` started then or later, or is a multi-day
    event (date_end > date_start) that started earlier: the earliest such start,
    found in the small partial index ix_events_multiday, is the exact lower bound.
    Events with no start but an end are kept by the second branch. The branches
    are disjoint (the first needs a start), so their matches can be read apart.
    """
    e = s.events
    running = s.events.alias("running")
    since_value = literal(since, Date)
    # Only the partial index's own terms, so the planner has no other index to pick.
    earliest = (select(func.min(running.c.date_start))
                .where(running.c.date_end > running.c.date_start,
                       running.c.date_end >= since_value)
                .scalar_subquery())
    lower = case((earliest < since_value, earliest), else_=since_value)
    ends = func.coalesce(e.c.date_end, e.c.date_start)
    return (and_(e.c.date_start >= lower, ends >= since_value),
            and_(e.c.date_start.is_(None), e.c.date_end >= since_value))


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[dict[str, Any]]
    total: int
    # True when counting stopped at ``count_limit``: there are more than ``total``.
    total_is_lower_bound: bool = False


def list_events(engine: Engine, filters: EventFilter = EventFilter(), *, limit: int = 50,
                offset: int = 0, sort: str = "-date") -> tuple[list[dict[str, Any]], int]:
    """A page of events and the exact number of matches."""
    page = event_page(engine, filters, limit=limit, offset=offset, sort=sort)
    return page.events, page.total


def event_page(engine: Engine, filters: EventFilter = EventFilter(), *, limit: int = 50,
               offset: int = 0, sort: str = "-date", count_limit: int | None = None
               ) -> EventPage:
    """A page of events; the total counted exactly, or up to ``count_limit`` (a
    count over a million matches costs more than the page itself)."""
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    branches = condition_branches(filters)
    order = _order_by(sort, engine.dialect.name)
    column, descending = _SORT_COLUMNS[sort]
    with engine.connect() as conn:
        # Sort and page the ids alone, then read the JSON of that page only: a sort
        # carrying every match's JSON costs far more than the lookup of 50 rows.
        # Each branch gives its first offset+limit in order; merged here.
        rows = []
        for conds in branches:
            rows += conn.execute(select(s.events.c.event_id, column.label("key"))
                                 .where(*conds).order_by(*order).limit(offset + limit)).all()
        if len(branches) > 1:
            rows = _merged(rows, descending=descending)
        ids = [r.event_id for r in rows[offset:offset + limit]]
        found = {r.event_id: r for r in conn.execute(
            select(s.events.c.event_id, s.events.c.family, s.events.c.data)
            .where(s.events.c.event_id.in_(ids)))} if ids else {}
        page = [found[i] for i in ids]
        lower_bound = False
        if len(page) < limit and (page or offset == 0):
            total = offset + len(page)  # the last page: the count is known exactly
        else:
            total = 0
            for conds in branches:
                matches = select(literal_column("1")).select_from(s.events).where(*conds)
                if count_limit is not None:
                    matches = matches.limit(count_limit + 1 - total)
                total += conn.scalar(select(func.count()).select_from(matches.subquery())) or 0
            if count_limit is not None and total > count_limit:
                total, lower_bound = count_limit, True
        sources, mention_data = _sources_for(conn, [r.event_id for r in page])
    events = [_event_dict(r.event_id, r.family, r.data or mention_data[r.event_id],
                          sources[r.event_id]) for r in page]
    return EventPage(events, total, lower_bound)


def _merged(rows: list[Any], *, descending: bool) -> list[Any]:
    """Rows of several branches in the SQL order: by key (NULLs last), then event_id."""
    rows = sorted(rows, key=lambda r: r.event_id)
    known = sorted((r for r in rows if r.key is not None), key=lambda r: r.key,
                   reverse=descending)  # stable, also reversed: ties stay by event_id
    return known + [r for r in rows if r.key is None]


def get_event(engine: Engine, event_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(s.events.c.event_id, s.events.c.family, s.events.c.data)
                           .where(s.events.c.event_id == event_id)).first()
        if row is None:
            return None
        sources, mention_data = _sources_for(conn, [event_id])
    return _event_dict(row.event_id, row.family, row.data or mention_data[event_id],
                       sources[event_id])


def _sources_for(conn, event_ids: list[str]  # noqa: ANN001
                 ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]]:
    """The articles telling each event, and each event's first mention JSON (the
    event's own JSON while it is unfused and ``events.data`` is empty)."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    first: dict[str, dict[str, Any]] = {}
    if not event_ids:
        return found, first
    m, a = s.event_mentions, s.articles
    rows = conn.execute(
        select(m.c.event_id, m.c.data, m.c.claimed_by, a.c.id, a.c.url, a.c.title, a.c.published)
        .select_from(m.join(a, a.c.id == m.c.article_id))
        .where(m.c.event_id.in_(event_ids)).order_by(a.c.id, m.c.ordinal))
    for row in rows:
        first.setdefault(row.event_id, row.data)
        found[row.event_id].append({
            "article_id": row.id, "url": row.url, "title": row.title,
            "published": row.published.isoformat() if row.published else None,
            "claimed_by": row.claimed_by, "evidence": row.data["evidence"],
            "mention_id": row.data["id"],
        })
    return found, first


def _event_dict(event_id: str, family: str, data: dict, sources: list[dict]) -> dict[str, Any]:
    event = dict(data)
    event["id"] = event_id
    event["family"] = family
    event["sources"] = sources
    event["source_count"] = len({src["article_id"] for src in sources})
    return event


# -- articles -------------------------------------------------------------------
def _fts_condition(engine: Engine, q: str) -> Any:
    a = s.articles
    if engine.dialect.name == "sqlite":
        # Quote every word, so user input is never parsed as FTS5 syntax.
        words = re.findall(r"\w+", q)
        if not words:
            return literal_column("1") == 0
        match = " ".join(f'"{w}"' for w in words)
        return a.c.id.in_(select(literal_column("rowid")).select_from(text("articles_fts"))
                          .where(text("articles_fts MATCH :fts_q").bindparams(fts_q=match)))
    vector = func.to_tsvector("english", func.coalesce(a.c.title, "") + " " + a.c.text)
    return vector.op("@@")(func.websearch_to_tsquery("english", q))


def list_articles(engine: Engine, *, q: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    a = s.articles
    where = _fts_condition(engine, q) if q else literal_column("1") == 1
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(a).where(where)) or 0
        rows = conn.execute(
            select(a.c.id, a.c.title, a.c.url, a.c.published, a.c.origin, a.c.event_count,
                   a.c.duplicate_of, a.c.similarity, a.c.ingested_at, s.sources.c.name)
            .select_from(a.outerjoin(s.sources, s.sources.c.id == a.c.source_id))
            .where(where).order_by(a.c.published.is_(None), a.c.published.desc(), a.c.id)
            .limit(limit).offset(offset)).all()
    return [_article_summary(r) for r in rows], total


def _article_summary(r) -> dict[str, Any]:  # noqa: ANN001
    return {"id": r.id, "title": r.title, "url": r.url,
            "published": r.published.isoformat() if r.published else None,
            "origin": r.origin, "source": r.name, "event_count": r.event_count,
            "duplicate_of": r.duplicate_of, "similarity": r.similarity}


def get_article(engine: Engine, article_id: int) -> dict[str, Any] | None:
    """The article with its text, and ``extraction``: the contract JSON as extracted."""
    a, m, qt = s.articles, s.event_mentions, s.quotes
    with engine.connect() as conn:
        row = conn.execute(select(a, s.sources.c.name)
                           .select_from(a.outerjoin(s.sources, s.sources.c.id == a.c.source_id))
                           .where(a.c.id == article_id)).first()
        if row is None:
            return None
        mentions = conn.execute(select(m.c.event_id, m.c.data).where(m.c.article_id == article_id)
                                .order_by(m.c.ordinal)).all()
        quotes = conn.execute(select(qt).where(qt.c.article_id == article_id)
                              .order_by(qt.c.ordinal)).all()
        copies = conn.scalars(select(a.c.id).where(a.c.duplicate_of == article_id)
                              .order_by(a.c.id)).all()
    extraction = {
        "schema": SCHEMA,
        "article": {"title": row.title, "byline": row.byline,
                    "published": row.published.isoformat() if row.published else None,
                    "dateline": row.dateline, "language": row.language},
        "events": [mention.data for mention in mentions],
        "quotes": [{"speaker": q.speaker, "text": q.text, "start": q.start, "end": q.end,
                    "event_id": q.event_key} for q in quotes],
    }
    summary = _article_summary(row)
    summary.update(text=row.text, byline=row.byline, content_hash=row.content_hash,
                   paragraphs=[tuple(p) for p in row.paragraphs or []],
                   event_ids=[mention.event_id for mention in mentions],
                   near_copies=list(copies), extraction=extraction)
    return summary


# -- statistics and errors ------------------------------------------------------------
def stats(engine: Engine, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Event counts by day x family x country (undated events under day None)."""
    e = s.events
    conds = event_conditions(filters)
    query = (select(e.c.date_start, e.c.family, e.c.country, func.count().label("n"))
             .group_by(e.c.date_start, e.c.family, e.c.country)
             .order_by(e.c.date_start, e.c.family, e.c.country))
    if conds:
        query = query.where(and_(*conds))
    with engine.connect() as conn:
        return [{"day": r.date_start.isoformat() if r.date_start else None, "family": r.family,
                 "country": r.country, "count": r.n} for r in conn.execute(query)]


def counts(engine: Engine) -> dict[str, int]:
    """Totals, for summaries and tests."""
    a = s.articles
    with engine.connect() as conn:
        return {
            "articles": conn.scalar(select(func.count()).select_from(a)) or 0,
            "near_duplicates": conn.scalar(select(func.count()).select_from(a)
                                           .where(a.c.duplicate_of.is_not(None))) or 0,
            "events": conn.scalar(select(func.count()).select_from(s.events)) or 0,
            "mentions": conn.scalar(select(func.count()).select_from(s.event_mentions)) or 0,
            "errors": conn.scalar(select(func.count()).select_from(s.ingest_errors)) or 0,
        }


def list_errors(engine: Engine, *, limit: int = 100, offset: int = 0
                ) -> tuple[list[dict[str, Any]], int]:
    t = s.ingest_errors
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(t)) or 0
        rows = conn.execute(select(t).order_by(t.c.last_seen.desc(), t.c.id)
                            .limit(limit).offset(offset)).all()
    return [{"id": r.id, "source": r.source, "kind": r.kind, "reason": r.reason,
             "attempts": r.attempts, "last_seen": r.last_seen.isoformat()} for r in rows], total
