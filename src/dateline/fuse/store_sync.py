"""Run fusion over the store: read mentions, fuse incrementally, write events back.

The store writes one ``events`` row per mention at ingest. A mention counts as
fused once its event row carries fusion's fields (``mention_count``); only the
others are new. New mentions are fused together with the existing events they
may join (those within the date windows), which stay whole and keep their ids.
Written against the store's SQLAlchemy Core tables (``dateline.store.schema``).
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update

from ..settings import Settings
from ..store import schema as s
from ..store.db import write_transaction
from ..store.writer import event_id_for
from .engine import Fuser
from .from_contract import mention_from_dict
from .records import FusedEvent, MentionRecord
from .scoring import DEFAULT_WINDOWS

FUSED_MARK = "mention_count"  # a key only fused event rows carry in their data


@dataclass(frozen=True, slots=True)
class FuseReport:
    new_mentions: int
    events_written: int
    events_created: int
    merged: dict[str, str]
    similarity: str

    def to_dict(self) -> dict[str, Any]:
        return {"new_mentions": self.new_mentions, "events_written": self.events_written,
                "events_created": self.events_created, "merged": self.merged,
                "similarity": self.similarity}


def _select_mentions():  # noqa: ANN202 - a SQLAlchemy Select
    m, a, e = s.event_mentions, s.articles, s.events
    return (select(m.c.article_id, m.c.event_id, m.c.data, m.c.family, m.c.date_start,
                   a.c.published, a.c.url,
                   a.c.title, a.c.duplicate_of, e.c.data.label("event_data"))
            .select_from(m.join(a, a.c.id == m.c.article_id).join(e, e.c.event_id == m.c.event_id)))


def _record(row: Any) -> MentionRecord:
    group = f"dup:{row.duplicate_of}" if row.duplicate_of else f"dup:{row.article_id}"
    return MentionRecord(article_id=str(row.article_id), published=row.published,
                         mention=mention_from_dict(row.data), near_dup_group=group,
                         url=row.url, title=row.title)


def _is_fused(row: Any) -> bool:
    return isinstance(row.event_data, dict) and FUSED_MARK in row.event_data


_fuser_lock = threading.Lock()


def fuser_for(settings: Settings) -> Fuser:
    """One Fuser per process and similarity setting: the sentence model loads once,
    however many batches an ingest fuses or articles the web app adds."""
    kind = getattr(settings, "fuse_similarity", "auto")
    with _fuser_lock:
        if kind not in _FUSERS:
            _FUSERS[kind] = Fuser.from_settings(settings)
        return _FUSERS[kind]


_FUSERS: dict[str, Fuser] = {}


def unfused_article_ids(engine: Engine) -> list[int]:
    """Articles with mentions no fusion has assigned yet: an ingest killed between a
    batch's commit and its fusion, or run with --no-fuse. The ingest writer gives
    such a mention a placeholder id of its own length (``store.writer.event_id_for``),
    so they are found in the event_id index without reading any JSON."""
    m = s.event_mentions
    placeholder = len(event_id_for("", ""))
    with engine.connect() as conn:
        # Two steps: the first reads the event_id index alone (a covering scan, ~0.1 s
        # per million mentions on SQLite); asking for article_id at once read every row.
        ids = list(conn.scalars(select(m.c.event_id)
                                .where(func.length(m.c.event_id) == placeholder)))
        found: set[int] = set()
        for start in range(0, len(ids), 500):
            found.update(conn.scalars(select(m.c.article_id).distinct()
                                      .where(m.c.event_id.in_(ids[start:start + 500]))))
    return sorted(found)


_store_lock = threading.Lock()
# pg_advisory_xact_lock's key for "a fusion is running on this database": any fixed
# bigint no other lock uses; b"dateline" read as an integer.
FUSION_LOCK_KEY = int.from_bytes(b"dateline", "big") & 0x7FFF_FFFF_FFFF_FFFF
# Seconds to wait between fusion's read and its write: widens the race window so
# tests/fuse/test_fuse_concurrent.py can show two processes overlapping. Unset: none.
HOLD_ENV = "DATELINE_FUSE_HOLD_SECONDS"


def fuse_store(engine: Engine, fuser: Fuser, *,
               article_ids: Iterable[int] | None = None) -> FuseReport:
    """Assign every new mention to a fused event; existing ids are kept.

    ``article_ids`` limits the new mentions to those articles' (what an ingest just
    stored: reading only them keeps fusion per batch cheap on a large store);
    without it every unfused mention in the store is fused.

    One fusion at a time per database, from read to write: two ingests (or web
    requests) adding reports of one event must not both rewrite it from the same
    stale read, the later write dropping the earlier one's sources, nor both make
    a new event of it. In one process a lock; across processes the transaction
    that reads and writes holds the database's: BEGIN IMMEDIATE on SQLite (the
    write lock, taken before the first read), pg_advisory_xact_lock on PostgreSQL
    (only fusions wait for it; ingest keeps writing articles meanwhile). Whoever
    waits then reads what the other wrote, so the new mentions join its events.
    """
    with _store_lock, _fusion_transaction(engine) as conn:
        return _fuse_store(conn, fuser, article_ids)


@contextmanager
def _fusion_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the database's fusion lock;
    committed on success, rolled back (and the lock released) on any error."""
    with write_transaction(engine) as conn:  # SQLite: the write lock, from the start
        if conn.dialect.name != "sqlite":  # waits as long as it takes, like a row lock
            conn.execute(select(func.pg_advisory_xact_lock(FUSION_LOCK_KEY)))
        yield conn


def _fuse_store(conn: Connection, fuser: Fuser, article_ids: Iterable[int] | None
                ) -> FuseReport:
    # The read: the new mentions and the fused events they may join.
    query = _select_mentions()
    if article_ids is not None:
        ids = sorted(set(article_ids))
        if not ids:
            return FuseReport(0, 0, 0, {}, fuser.model.name)
        query = query.where(s.event_mentions.c.article_id.in_(ids))
    new_rows = [r for r in conn.execute(query) if not _is_fused(r)]
    if not new_rows:
        return FuseReport(0, 0, 0, {}, fuser.model.name)
    # Existing events a new mention could join: those dated within the widest window.
    margin = timedelta(days=max(DEFAULT_WINDOWS.values()) + 1)
    days = {r.date_start or r.published for r in new_rows} - {None}
    m, a = s.event_mentions, s.articles
    near = []
    if days:
        lo, hi = min(days) - margin, max(days) + margin
        near = list(conn.execute(_select_mentions().where(or_(
            and_(m.c.date_start >= lo, m.c.date_start <= hi),
            and_(m.c.date_start.is_(None), a.c.published >= lo, a.c.published <= hi)))))
    undated = {r.family for r in new_rows if r.date_start is None and r.published is None}
    if undated:
        # A report with no date at all (a text file, no dateline) is compared with
        # the stored undated ones of its family, as a single batch would compare them.
        near += list(conn.execute(_select_mentions().where(
            m.c.date_start.is_(None), a.c.published.is_(None),
            m.c.family.in_(sorted(undated)))))
    touched_ids = {r.event_id for r in near if _is_fused(r)}
    old_rows = list(conn.execute(_select_mentions().where(
        s.event_mentions.c.event_id.in_(touched_ids)))) if touched_ids else []
    records = [_record(r) for r in new_rows] + [_record(r) for r in old_rows]
    existing = {_record(r).key: r.event_id for r in old_rows}
    prior_aliases = {r.event_id: list(r.event_data.get("aliases") or ()) for r in old_rows}
    prior_links = {r.event_id: (r.event_data.get("part_of"), r.event_data.get("parts") or ())
                   for r in old_rows}
    placeholder = {_record(r).key: r.event_id for r in new_rows}
    if os.environ.get(HOLD_ENV):
        time.sleep(float(os.environ[HOLD_ENV]))
    result = fuser.fuse(records, existing=existing)
    changed = [ev for ev in result.events if any(k in placeholder for k in ev.mention_keys())
               or ev.aliases]
    # The write, in the transaction that read (and holds the lock since).
    now = datetime.now(timezone.utc)
    wholes: set[str] = set()  # events whose figures must be counted apart from their parts'
    for ev in changed:
        row = _event_row(ev, now)
        # Aliases accumulate across runs: the survivor keeps the ids merged into it before.
        aliases = [*ev.aliases, *prior_aliases.get(ev.id, ())]
        for old in ev.aliases:
            aliases.extend(prior_aliases.get(old, ()))
        row["data"]["aliases"] = list(dict.fromkeys(aliases))
        _keep_links(row["data"], ev, prior_links, result.aliases)
        row["part_of"] = row["data"]["part_of"]  # the column the brief reads
        if row["data"]["parts"]:
            wholes.add(ev.id)
        if row["data"]["part_of"]:
            wholes.add(row["data"]["part_of"])
        if conn.scalar(select(s.events.c.event_id).where(s.events.c.event_id == ev.id)):
            conn.execute(update(s.events).where(s.events.c.event_id == ev.id).values(**row))
        else:
            conn.execute(insert(s.events).values(event_id=ev.id, **row))
        for m in ev.mentions:
            conn.execute(update(s.event_mentions)
                         .where(s.event_mentions.c.article_id == int(m.article_id),
                                s.event_mentions.c.mention_key == m.mention.id)
                         .values(event_id=ev.id))
    # The per-mention placeholders and merged-away events now have no mentions.
    gone = (set(placeholder.values()) | set(result.aliases)) - {ev.id for ev in result.events}
    if gone:
        still_used = set(conn.scalars(select(s.event_mentions.c.event_id)
                                      .where(s.event_mentions.c.event_id.in_(gone))))
        conn.execute(delete(s.events).where(s.events.c.event_id.in_(gone - still_used)))
    for old, survivor in result.aliases.items():  # parts of a whole merged away
        conn.execute(update(s.events).where(s.events.c.part_of == old)
                     .values(part_of=survivor))
    for whole in sorted(wholes):
        _count_whole_once(conn, whole, result.aliases)
    created = sum(1 for ev in changed if not any(k in existing for k in ev.mention_keys()))
    return FuseReport(len(new_rows), len(changed), created, dict(result.aliases), result.similarity)


def _event_row(ev: FusedEvent, now: datetime) -> dict[str, Any]:
    rep = ev.representative
    loc = rep.location
    data = ev.to_dict()
    data[FUSED_MARK] = len(ev.mentions)
    words = [m.mention.evidence.sentence for m in ev.mentions] + [c.label for c in ev.claimants]
    if loc:
        words += [loc.text, loc.name or ""]
    words += [a.name for a in rep.actors] + [t.name for t in rep.targets]
    fat, inj = rep.fatalities, rep.injured
    return {
        "type": rep.type, "subtype": rep.subtype, "family": rep.family, "status": rep.status,
        "scope": rep.scope, "date_start": rep.date.start if rep.date else None,
        "date_end": rep.date.end if rep.date else None,
        "country": loc.country if loc else None, "place_name": (loc.name or loc.text) if loc else None,
        "admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None, "place_precision": loc.precision if loc else None,
        "fatalities_min": fat.min if fat else None, "fatalities_max": fat.max if fat else None,
        "injured_min": inj.min if inj else None, "injured_max": inj.max if inj else None,
        "civilian_targeting": rep.civilian_targeting, "confidence": rep.confidence,
        "search_text": " ".join(w for w in words if w).lower(), "data": data,
        "first_published": ev.first_published, "updated_at": now,
    }


def _keep_links(data: dict[str, Any], ev: FusedEvent, prior: dict[str, tuple[Any, Any]],
                aliases: dict[str, str]) -> None:
    """An existing event re-fused without its whole (outside this run's window) keeps
    the links an earlier run made; ids merged away are followed to their survivor."""
    before_part_of, before_parts = prior.get(ev.id, (None, ()))
    for old in ev.aliases:
        old_part_of, old_parts = prior.get(old, (None, ()))
        before_part_of = before_part_of or old_part_of
        before_parts = [*before_parts, *old_parts]
    part_of = data.get("part_of") or before_part_of
    data["part_of"] = aliases.get(part_of, part_of) if part_of else None
    parts = [aliases.get(p, p) for p in (*data.get("parts", ()), *before_parts)]
    data["parts"] = sorted(set(parts) - {ev.id})


def _count_whole_once(conn: Any, whole_id: str, aliases: dict[str, str]) -> None:
    """A whole's figures less what its parts already count, in the columns totals add up.

    "Russia's barrage killed ten across Ukraine" and its part "six dead in Kyiv" are
    two events, but summing their figures would count the six twice: the whole's
    ``fatalities_*``/``injured_*`` columns (what the map, the chart and the counts
    add) hold only the rest (ten less six: four). Its JSON keeps the words as told,
    and ``counted`` says what was added up.
    """
    e = s.events
    row = conn.execute(select(e.c.data).where(e.c.event_id == whole_id)).first()
    if row is None or not isinstance(row.data, dict) or FUSED_MARK not in row.data:
        return
    data = dict(row.data)
    parts = sorted({aliases.get(p, p) for p in data.get("parts") or ()} - {whole_id})
    part_rows = conn.execute(select(e.c.event_id, e.c.fatalities_min, e.c.injured_min)
                             .where(e.c.event_id.in_(parts))).all() if parts else []
    data["parts"] = sorted(r.event_id for r in part_rows)
    counted: dict[str, dict[str, int | None]] = {}
    values: dict[str, int | None] = {}
    for kind, told_by_parts in (("fatalities", sum(r.fatalities_min or 0 for r in part_rows)),
                                ("injured", sum(r.injured_min or 0 for r in part_rows))):
        figure = data.get(kind) or {}
        low, high = figure.get("min"), figure.get("max")
        low = None if low is None else max(0, low - told_by_parts)
        high = None if high is None else max(0, high - told_by_parts)
        values[f"{kind}_min"], values[f"{kind}_max"] = low, high
        if figure:
            counted[kind] = {"min": low, "max": high}
    data["counted"] = counted
    conn.execute(update(e).where(e.c.event_id == whole_id).values(data=data, **values))
