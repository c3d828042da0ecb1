"""Turn a cluster of mentions into a FusedEvent: stable id, merged fields, sources."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from ..models import Actor, EventMention, Place, Target, TimeSpan
from .claimants import normalise_claimant
from .features import fold_place
from .reconcile import as_quantity, reconcile
from .records import Claimant, FusedEvent, MentionRecord, SourceRef

ID_PREFIX = "ev_"


def event_id_for(record: MentionRecord) -> str:
    """A new event's id: a hash of its earliest mention's key, so re-runs agree."""
    return ID_PREFIX + hashlib.sha1(record.key.encode("utf-8")).hexdigest()[:16]


def choose_id(mentions: Sequence[MentionRecord], existing: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """(id, aliases): the oldest existing id survives a merge, the others become aliases."""
    ids_in_order: list[str] = []
    for m in mentions:  # mentions are oldest first
        old = existing.get(m.key)
        if old and old not in ids_in_order:
            ids_in_order.append(old)
    if not ids_in_order:
        return event_id_for(mentions[0]), ()
    return ids_in_order[0], tuple(ids_in_order[1:])


def _most_common(values: Iterable, default=None):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return default
    best = max(counts.values())
    for v in values:  # the earliest of the most common
        if v is not None and counts[v] == best:
            return v
    return default


def _merge_date(mentions: Sequence[EventMention]) -> TimeSpan | None:
    dated = [m.date for m in mentions if m.date and m.date.start]
    if not dated:
        return None
    chosen = _most_common([(d.start, d.end) for d in dated])
    return next(d for d in dated if (d.start, d.end) == chosen)


_PRECISION_RANK = {"point": 0, "district": 1, "city": 2, "region": 3, "country": 4, None: 5}


def _merge_location(mentions: Sequence[EventMention]) -> Place | None:
    places = [m.location for m in mentions if m.location]
    if not places:
        return None

    def key(p: Place) -> str | None:
        return f"g{p.geonameid}" if p.geonameid else fold_place(p.name) or fold_place(p.text)

    common = _most_common([key(p) for p in places])
    same = [p for p in places if key(p) == common]
    return min(same, key=lambda p: (_PRECISION_RANK.get(p.precision, 5), p.lat is None))


def _union_actors(mentions: Sequence[EventMention]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for m in mentions:
        for a in m.actors:
            seen.setdefault(" ".join(a.name.lower().split()), a)
    return tuple(seen.values())


def _union_targets(mentions: Sequence[EventMention]) -> tuple[Target, ...]:
    seen: dict[str, Target] = {}
    for m in mentions:
        for t in m.targets:
            seen.setdefault(" ".join(t.name.lower().split()), t)
    return tuple(seen.values())


def _sources(mentions: Sequence[MentionRecord]) -> tuple[SourceRef, ...]:
    by_article: dict[str, list[MentionRecord]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    return tuple(SourceRef(article_id=aid, mention_keys=tuple(r.key for r in recs),
                           published=recs[0].published, url=recs[0].url, title=recs[0].title,
                           near_dup_group=recs[0].near_dup_group)
                 for aid, recs in by_article.items())


def build_event(mentions: Sequence[MentionRecord], existing: dict[str, str]) -> FusedEvent:
    """One fused event from its mentions (any order)."""
    mentions = sorted(mentions, key=MentionRecord.sort_key)
    event_id, aliases = choose_id(mentions, existing)
    ems = [r.mention for r in mentions]
    first = ems[0]
    figures, revisions = reconcile(mentions)
    by_kind = {f.kind: f for f in figures}

    def reconciled(group: str) -> dict:
        out = {}
        for kind, summary in by_kind.items():
            if kind.startswith(group + "."):
                q = as_quantity(summary)
                if q:
                    out[kind.split(".", 1)[1]] = q
        return out

    fat, inj = by_kind.get("fatalities"), by_kind.get("injured")
    independent = len({r.copy_group for r in mentions})
    statuses = [m.status for m in ems]
    representative = replace(
        first,
        id=event_id,
        type=_most_common([m.type for m in ems]),
        subtype=_most_common([m.subtype for m in ems]),
        status="reported" if "reported" in statuses else _most_common(statuses),
        disputed_by=tuple(dict.fromkeys(d for m in ems for d in m.disputed_by)),
        date=_merge_date(ems),
        location=_merge_location(ems),
        actors=_union_actors(ems),
        targets=_union_targets(ems),
        civilian_targeting=True if any(m.civilian_targeting for m in ems) else first.civilian_targeting,
        weapons=reconciled("weapons"), weapon_types=reconciled("weapon_types"),
        intercepted=reconciled("intercepted"),
        fatalities=as_quantity(fat) if fat else None,
        injured=as_quantity(inj) if inj else None,
        scope=_most_common([m.scope for m in ems]),
        part_of=None,  # mention ids are local to one article: link_parts sets the event's
        quote=next((m.quote for m in ems if m.quote), None),
        confidence=min(0.99, max(m.confidence for m in ems) + 0.05 * (independent - 1)),
    )
    claimants: dict[str, Claimant] = {}
    for m in ems:
        c = normalise_claimant(m.claimed_by, actors=m.actors)
        if m.claimed_by:
            claimants.setdefault(c.key, c)
    return FusedEvent(id=event_id, mentions=tuple(mentions), representative=representative,
                      sources=_sources(mentions), claimants=tuple(claimants.values()),
                      figures=figures, revisions=revisions, aliases=aliases,
                      independent_source_count=independent,
                      first_published=next((r.published for r in mentions if r.published), None))


def link_parts(events: Sequence[FusedEvent]) -> tuple[FusedEvent, ...]:
    """Turn the mentions' ``part_of`` (a mention id within one article) into links
    between fused events: a part names its whole's event id, a whole lists its parts.

    The whole and its parts are mentions of one article, so both are in the same
    fusion run. The whole most of a part's mentions point to wins.
    """
    event_of = {m.key: ev.id for ev in events for m in ev.mentions}
    parent_of: dict[str, str] = {}
    for ev in events:
        parents = [event_of.get(f"{m.article_id}:{m.mention.part_of}")
                   for m in ev.mentions if m.mention.part_of]
        parent = _most_common([p for p in parents if p != ev.id])
        if parent:
            parent_of[ev.id] = parent
    parts: dict[str, list[str]] = {}
    for child, parent in parent_of.items():
        parts.setdefault(parent, []).append(child)
    return tuple(replace(ev, representative=replace(ev.representative, part_of=parent_of.get(ev.id)),
                         parts=tuple(sorted(parts.get(ev.id, ()))))
                 for ev in events)
