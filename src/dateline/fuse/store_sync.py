"""Run fusion over the store: read mentions, fuse incrementally, write events back.

The store writes one ``events`` row per mention at ingest. A mention counts as
fused once its event row carries fusion's fields (``mention_count``); only the
others are new. New mentions are fused together with the existing events they
may join (those within the date windows), which stay whole and keep their ids.
Written against the store's SQLAlchemy Core tables (``dateline.store.schema``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine, and_, delete, insert, or_, select, update

from ..store import schema as s
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
    return (select(m.c.article_id, m.c.event_id, m.c.data, m.c.date_start, a.c.published, a.c.url,
                   a.c.title, a.c.duplicate_of, e.c.data.label("event_data"))
            .select_from(m.join(a, a.c.id == m.c.article_id).join(e, e.c.event_id == m.c.event_id)))


def _record(row: Any) -> MentionRecord:
    group = f"dup:{row.duplicate_of}" if row.duplicate_of else f"dup:{row.article_id}"
    return MentionRecord(article_id=str(row.article_id), published=row.published,
                         mention=mention_from_dict(row.data), near_dup_group=group,
                         url=row.url, title=row.title)


def _is_fused(row: Any) -> bool:
    return isinstance(row.event_data, dict) and FUSED_MARK in row.event_data


def fuse_store(engine: Engine, fuser: Fuser) -> FuseReport:
    """Assign every new mention to a fused event; existing ids are kept."""
    with engine.connect() as conn:
        new_rows = [r for r in conn.execute(_select_mentions()) if not _is_fused(r)]
        if not new_rows:
            return FuseReport(0, 0, 0, {}, fuser.model.name)
        # Existing events a new mention could join: those dated within the widest window.
        margin = timedelta(days=max(DEFAULT_WINDOWS.values()) + 1)
        days = {r.date_start or r.published for r in new_rows} - {None}
        near = []
        if days:
            lo, hi = min(days) - margin, max(days) + margin
            m, a = s.event_mentions, s.articles
            near = list(conn.execute(_select_mentions().where(or_(
                and_(m.c.date_start >= lo, m.c.date_start <= hi),
                and_(m.c.date_start.is_(None), a.c.published >= lo, a.c.published <= hi)))))
        touched_ids = {r.event_id for r in near if _is_fused(r)}
        old_rows = list(conn.execute(_select_mentions().where(
            s.event_mentions.c.event_id.in_(touched_ids)))) if touched_ids else []
    records = [_record(r) for r in new_rows] + [_record(r) for r in old_rows]
    existing = {_record(r).key: r.event_id for r in old_rows}
    prior_aliases = {r.event_id: list(r.event_data.get("aliases") or ()) for r in old_rows}
    placeholder = {_record(r).key: r.event_id for r in new_rows}
    result = fuser.fuse(records, existing=existing)
    changed = [ev for ev in result.events if any(k in placeholder for k in ev.mention_keys())
               or ev.aliases]
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        for ev in changed:
            row = _event_row(ev, now)
            # Aliases accumulate across runs: the survivor keeps the ids merged into it before.
            aliases = [*ev.aliases, *prior_aliases.get(ev.id, ())]
            for old in ev.aliases:
                aliases.extend(prior_aliases.get(old, ()))
            row["data"]["aliases"] = list(dict.fromkeys(aliases))
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
