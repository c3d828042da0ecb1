"""The read side of the situation brief (dateline.brief): the events of a period
with their `part_of` links and figures, their per-day counts and the articles that
tell them. Only reads; every query is bounded by the period's date indexes.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable, Sequence

from sqlalchemy import Engine, and_, exists, func, or_, select

from ..models import Article
from . import schema as s
from .queries import EventFilter, condition_branches

_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event as the brief reads it. ``data`` is its contract JSON: whole
    when ``complete``, else only the parts totals and ordering need (figures,
    location precision, source count, quote), extracted by the database, so a month
    of events is not read and parsed whole (docs/brief.md, "Speed")."""

    event_id: str
    type: str
    family: str
    status: str
    scope: str
    date_start: date | None
    country: str | None
    admin1: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    confidence: float
    first_published: date | None
    data: dict[str, Any]
    complete: bool
    part_of: str | None = None  # the barrage (event id) this strike is part of (0007)


@dataclass(frozen=True, slots=True)
class SourceName:
    article_id: int
    name: str | None  # the site (domain) or local origin's source row
    title: str
    url: str | None
    published: date | None


_e = s.events
_COLUMNS = (_e.c.event_id, _e.c.type, _e.c.family, _e.c.status, _e.c.scope, _e.c.date_start,
            _e.c.country, _e.c.admin1, _e.c.place_name, _e.c.lat, _e.c.lon, _e.c.confidence,
            _e.c.first_published, _e.c.part_of)
# The parts of a fused event's JSON read for every event of the period: violence
# needs its figures (totals, nights) and place precision; every event its source count
# and quote (ordering). "mention_count" is only in fused events' JSON
# (fuse/store_sync.FUSED_MARK), so a NULL says the event is unfused.
_SCALARS = (_e.c.data["source_count"].as_integer().label("source_count"),
            _e.c.data["quote"].as_string().label("quote"),
            _e.c.data["mention_count"].as_integer().label("mention_count"))
_VIOLENCE = (_e.c.data["figures"].label("figures"),
             _e.c.data[("location", "precision")].as_string().label("precision"))
# The same five, on SQLite, from one parse of the event's JSON: json_extract with
# several paths returns them as one JSON array, where five json_extracts parse the
# whole JSON five times (SQLite 3.40 keeps no parse between calls; issue 16).
_PACKED_PATHS = ("$.source_count", "$.quote", "$.mention_count", "$.figures",
                 "$.location.precision")
_PACKED = func.json_extract(_e.c.data, *_PACKED_PATHS).label("packed")
# period_violence builds EventRows from _COLUMNS by position.
assert [c.name for c in _COLUMNS] == [*EventRow.__slots__[:13], "part_of"]


# Families whose events concern the countries of their parties wherever they happen
# (talks in Geneva about Ukraine, a statement by Kyiv's envoy in New York).
PARTY_FAMILIES = ("diplomacy", "proposal", "statement")
NON_VIOLENCE_FAMILIES = ("territory", "airspace", "movement", "diplomacy", "proposal",
                         "statement", "protest", "other")


def _concerning(countries: Sequence[str]) -> list[Any]:
    """Events located in one of the countries; or unlocated, or talks and statements
    held anywhere, with an actor or target of one of them (the store's actors table)."""
    if not countries:
        return []
    e, m, act = s.events, s.event_mentions, s.actors
    codes = [c.upper() for c in countries]
    party = exists(select(1).select_from(act.join(m, m.c.id == act.c.mention_id)).where(
        m.c.event_id == e.c.event_id, act.c.role.in_(("actor", "target")),
        act.c.country.in_(codes)))
    return [or_(e.c.country.in_(codes),
                and_(or_(e.c.country.is_(None), e.c.family.in_(PARTY_FAMILIES)), party))]


def _period(start: date, end: date) -> list[list[Any]]:
    """The period's WHERE terms as disjoint branches whose matches add up: events whose
    dates overlap it (queries.condition_branches), and undated events told then."""
    e = s.events
    return [*condition_branches(EventFilter(since=start, until=end)),
            [e.c.date_start.is_(None), e.c.date_end.is_(None), _published_between(start, end)]]


def _rows(conn, found: list[Any], *, violent: bool) -> list[EventRow]:  # noqa: ANN001
    """Rows as EventRows; an unfused event (no "mention_count") gets its mention's JSON."""
    first_mention = _first_mentions(conn, [r.event_id for r in found if r.mention_count is None])
    out = []
    for r in found:
        whole = first_mention.get(r.event_id) if r.mention_count is None else None
        read = whole
        if read is None:
            read = {"source_count": r.source_count, "quote": r.quote}
            if violent:
                read.update(figures=r.figures or [], location={"precision": r.precision})
        out.append(_event_row(r, read, whole is not None))
    return out


def _event_row(r: Any, data: dict[str, Any], complete: bool) -> EventRow:
    return EventRow(r.event_id, r.type, r.family, r.status, r.scope, r.date_start, r.country,
                    r.admin1, r.place_name, r.lat, r.lon, r.confidence, r.first_published,
                    data, complete, r.part_of)


def period_violence(engine: Engine, start: date, end: date, countries: Sequence[str] = (),
                    *, packed: bool | None = None) -> list[EventRow]:
    """Every violent event of the period (the brief counts their dead and weapons), with
    its `part_of` link and the parts of its JSON that counting needs; unfused ones with
    their whole JSON. ``packed``: read the parts in one parse (default on SQLite)."""
    e = s.events
    packed = engine.dialect.name == "sqlite" if packed is None else packed
    found: list[Any] = []
    with engine.connect() as conn:
        for conds in _period(start, end):
            where = (*conds, e.c.family == "violence", *_concerning(countries))
            if not packed:
                found += conn.execute(select(*_COLUMNS, *_SCALARS, *_VIOLENCE).where(*where)).all()
                continue
            # A month of rows: unpacked as tuples (a Row's attributes cost more than
            # the JSON here), each the columns of _COLUMNS in order, then _PACKED.
            for *columns, packed_json in conn.execute(select(*_COLUMNS, _PACKED).where(*where)):
                source_count, quote, mention_count, figures, precision = \
                    json.loads(packed_json) if packed_json else (None,) * len(_PACKED_PATHS)
                data = {"source_count": source_count, "quote": quote, "figures": figures or [],
                        "location": {"precision": precision}}
                found.append((EventRow(*columns[:13], data, False, columns[13]), mention_count))
        if not packed:
            return _rows(conn, found, violent=True)
        whole = _first_mentions(conn, [row.event_id for row, n in found if n is None])
        return [replace(row, data=whole[row.event_id], complete=True)
                if n is None and row.event_id in whole else row for row, n in found]


def period_counts(engine: Engine, start: date, end: date, countries: Sequence[str] = ()
                  ) -> tuple[dict[str, int], dict[date, int]]:
    """Events of the period per family, and per start day, counted by the database."""
    e = s.events
    families: dict[str, int] = defaultdict(int)
    days: dict[date, int] = defaultdict(int)
    with engine.connect() as conn:
        for conds in _period(start, end):
            for r in conn.execute(select(e.c.family, e.c.date_start, func.count().label("n"))
                                  .where(*conds, *_concerning(countries))
                                  .group_by(e.c.family, e.c.date_start)):
                families[r.family] += r.n
                if r.date_start:
                    days[r.date_start] += r.n
    return dict(families), dict(days)


def _sourced_key(r: Any) -> tuple:
    return (-(r.source_count or 1), r.date_start is None, r.date_start or date.min, r.event_id)


def _statement_key(r: Any) -> tuple:
    return (r.quote is None, -(r.source_count or 1), -r.confidence, r.event_id)


def section_rows(engine: Engine, start: date, end: date, families: Sequence[str], *,
                 countries: Sequence[str] = (), statements: bool = False, limit: int = 40
                 ) -> list[EventRow]:
    """The first ``limit`` events of these families in the period, ordered by the
    database: best-sourced first, then by date (statements: quoted first)."""
    e = s.events
    sources = func.coalesce(_e.c.data["source_count"].as_integer(), 1)
    if statements:
        order = (_e.c.data["quote"].as_string().is_(None), sources.desc(), e.c.confidence.desc(),
                 e.c.event_id)
    else:
        order = (sources.desc(), e.c.date_start.is_(None), e.c.date_start, e.c.event_id)
    found: list[Any] = []
    with engine.connect() as conn:
        for conds in _period(start, end):
            found += conn.execute(select(*_COLUMNS, *_SCALARS).where(
                *conds, e.c.family.in_(families), *_concerning(countries))
                .order_by(*order).limit(limit)).all()
        found.sort(key=_statement_key if statements else _sourced_key)
        return _rows(conn, found[:limit], violent=False)


def event_data(engine: Engine, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The whole JSON of these events (an unfused event's: its mention's)."""
    ids = list(event_ids)
    found: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for chunk in _chunks(ids):
            found.update({r.event_id: r.data for r in conn.execute(
                select(s.events.c.event_id, s.events.c.data)
                .where(s.events.c.event_id.in_(chunk))) if r.data})
        found.update(_first_mentions(conn, [i for i in ids if i not in found]))
    return found


def _published_between(start: date, end: date) -> Any:
    """An undated event belongs to the period its reports were published in: the
    fused first publication date, else an article's published or dateline date
    (plain-text articles often carry only a dateline such as 'KYIV, Nov. 25, 2025')."""
    e, m, a = s.events, s.event_mentions, s.articles
    dateline_day = a.c.dateline["date"].as_string()
    told_then = exists(select(1).select_from(m.join(a, a.c.id == m.c.article_id)).where(
        m.c.event_id == e.c.event_id,
        or_(a.c.published.between(start, end),
            and_(a.c.published.is_(None),
                 dateline_day.between(start.isoformat(), end.isoformat())))))
    return or_(e.c.first_published.between(start, end),
               and_(e.c.first_published.is_(None), told_then))


def _first_mentions(conn, event_ids: list[str]) -> dict[str, dict[str, Any]]:  # noqa: ANN001
    """An unfused event's JSON is its one mention's (events.data is {} until fusion)."""
    m = s.event_mentions
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(event_ids):
        for r in conn.execute(select(m.c.event_id, m.c.data).where(m.c.event_id.in_(chunk))
                              .order_by(m.c.article_id, m.c.ordinal)):
            found.setdefault(r.event_id, r.data)
    return found


def source_names(engine: Engine, event_ids: Iterable[str]) -> dict[str, list[SourceName]]:
    """The articles telling each event (one per article, oldest first)."""
    m, a, src = s.event_mentions, s.articles, s.sources
    found: dict[str, list[SourceName]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    with engine.connect() as conn:
        for chunk in _chunks(list(event_ids)):
            rows = conn.execute(
                select(m.c.event_id, a.c.id, src.c.name, a.c.title, a.c.url, a.c.published)
                .select_from(m.join(a, a.c.id == m.c.article_id)
                             .outerjoin(src, src.c.id == a.c.source_id))
                .where(m.c.event_id.in_(chunk))
                .order_by(a.c.published.is_(None), a.c.published, a.c.id))
            for r in rows:
                if (r.event_id, r.id) not in seen:
                    seen.add((r.event_id, r.id))
                    found[r.event_id].append(SourceName(r.id, r.name, r.title, r.url, r.published))
    return found


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]




def latest_day(engine: Engine, *, not_after: date | None = None) -> date | None:
    """The last day any stored event starts on (not after ``not_after``): the day a
    brief shows when none is asked for. One read at the end of the date index."""
    e = s.events
    query = select(func.max(e.c.date_start))
    if not_after:
        query = query.where(e.c.date_start <= not_after)
    with engine.connect() as conn:
        return conn.scalar(query)


def period_countries(engine: Engine, start: date, end: date) -> list[tuple[str, int]]:
    """Countries with events starting in the period, most events first (the page's choice)."""
    e = s.events
    query = (select(e.c.country, func.count().label("n"))
             .where(e.c.date_start.between(start, end), e.c.country.is_not(None))
             .group_by(e.c.country).order_by(func.count().desc(), e.c.country))
    with engine.connect() as conn:
        return [(r.country, r.n) for r in conn.execute(query)]


def period_articles(engine: Engine, start: date, end: date, *, limit: int = 200
                    ) -> list[tuple[str, Article]]:
    """Articles published in the period (else dated there by their dateline), not
    near-copies, newest first up to ``limit``: what the proposals tracker reads."""
    a = s.articles
    dateline_day = a.c.dateline["date"].as_string()
    query = (select(a.c.id, a.c.text, a.c.title, a.c.published, a.c.url, a.c.paragraphs)
             .where(a.c.duplicate_of.is_(None),
                    or_(a.c.published.between(start, end),
                        and_(a.c.published.is_(None),
                             dateline_day.between(start.isoformat(), end.isoformat()))))
             .order_by(a.c.published.desc(), a.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [(str(r.id), Article(text=r.text, title=r.title, published=r.published, url=r.url,
                                paragraphs=tuple(tuple(p) for p in r.paragraphs or ())))
            for r in reversed(rows)]
