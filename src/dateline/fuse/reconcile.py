"""Figures across sources: each claimant's own figure and wording, a best
interval where the claims agree, revisions over time, and conflicts flagged.

Conflicting claims are never averaged: "58 soldiers killed" per Afghanistan
and "23 of its troops" per Pakistan stay two claims and one conflict.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..models import Quantity
from .claimants import normalise_claimant
from .records import Claim, Conflict, FigureSummary, Interval, MentionRecord, Revision


def quantity_figures(record: MentionRecord) -> list[tuple[str, Quantity]]:
    """Every count a mention gives, keyed like 'fatalities' or 'weapons.drones'."""
    m = record.mention
    out: list[tuple[str, Quantity]] = []
    if m.fatalities:
        out.append(("fatalities", m.fatalities))
    if m.injured:
        out.append(("injured", m.injured))
    for group, values in (("weapons", m.weapons), ("weapon_types", m.weapon_types),
                          ("intercepted", m.intercepted)):
        out.extend((f"{group}.{name}", q) for name, q in sorted(values.items()))
    return out


def interval_of(q: Quantity) -> Interval | None:
    """The counts a quantity allows; None for 'dozens' (no number to compare)."""
    if q.qualifier == "vague" or (q.min is None and q.max is None):
        return None
    if q.qualifier == "exact" or (q.qualifier == "about" and q.min == q.max):
        value = q.min if q.min is not None else q.max
        return Interval(value, value) if q.qualifier == "exact" else Interval(q.min, q.max)
    return Interval(q.min, q.max)


def intersect(intervals: Iterable[Interval]) -> Interval | None:
    """The counts every interval allows; None when they cannot all be true."""
    low: int | None = None
    high: int | None = None
    for iv in intervals:
        if iv.low is not None:
            low = iv.low if low is None else max(low, iv.low)
        if iv.high is not None:
            high = iv.high if high is None else min(high, iv.high)
    if low is not None and high is not None and low > high:
        return None
    return Interval(low, high)


def collect_claims(records: Iterable[MentionRecord]) -> dict[str, list[Claim]]:
    """kind -> claims, oldest first; a figure repeated by near-copies counts once."""
    seen: set[tuple] = set()
    claims: dict[str, list[Claim]] = defaultdict(list)
    for record in sorted(records, key=MentionRecord.sort_key):
        m = record.mention
        claimant = normalise_claimant(m.claimed_by, actors=m.actors)
        for kind, q in quantity_figures(record):
            copy_key = (record.copy_group, kind, claimant.key, q.min, q.max, q.qualifier)
            if copy_key in seen:
                continue
            seen.add(copy_key)
            as_of = record.published or (m.date.end or m.date.start if m.date else None)
            claims[kind].append(Claim(kind=kind, claimant=claimant, quantity=q,
                                      article_id=record.article_id, as_of=as_of,
                                      mention_key=record.key))
    return claims


def _side_key(claim: Claim) -> str:
    # A side's later figure updates its earlier one ("at least six" -> "seven");
    # unaffiliated claimants each stand alone.
    return f"side:{claim.claimant.side}" if claim.claimant.side else claim.claimant.key


def _current(claims: list[Claim]) -> list[Claim]:
    """Per side: the claims of its latest report date (all of them if several agree)."""
    by_side: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_side[_side_key(c)].append(c)
    current = []
    for side_claims in by_side.values():
        last = side_claims[-1].as_of
        current.extend(c for c in side_claims if c.as_of == last)
    return current


def summarise(kind: str, claims: list[Claim]) -> tuple[FigureSummary, list[Revision]]:
    """One figure: latest claim per claimant, best interval, conflict, revisions."""
    latest_by_claimant: dict[str, Claim] = {}
    for c in claims:
        latest_by_claimant[c.claimant.key] = c
    latest = tuple(latest_by_claimant.values())
    revisions: list[Revision] = []
    best: Interval | None = None
    seen: list[Claim] = []
    for c in claims:  # replay in date order to find where the best figure changed
        seen.append(c)
        numeric = [x for x in _current(seen) if interval_of(x.quantity)]
        now = intersect(interval_of(x.quantity) for x in numeric) if numeric else None  # type: ignore[misc]
        if now is not None and best is not None and now != best:
            revisions.append(Revision(kind=kind, before=best, after=now, as_of=c.as_of,
                                      article_id=c.article_id, claimant=c.claimant,
                                      text=c.quantity.text))
        if now is not None:
            best = now
    current = [x for x in _current(claims) if interval_of(x.quantity)]
    final = intersect(interval_of(x.quantity) for x in current) if current else None  # type: ignore[misc]
    conflict = None
    if current and final is None:
        sides = {x.claimant.side for x in current if x.claimant.side}
        conflict = Conflict(kind=kind, claims=tuple(current), between_sides=len(sides) > 1)
    lows = [iv.low if iv.low is not None else iv.high
            for iv in (interval_of(x.quantity) for x in claims) if iv]
    highs = [iv.high if iv.high is not None else iv.low
             for iv in (interval_of(x.quantity) for x in claims) if iv]
    spread = Interval(min((v for v in lows if v is not None), default=None),
                      max((v for v in highs if v is not None), default=None))
    summary = FigureSummary(kind=kind, latest=latest, best=final if current else None,
                            spread=spread, conflict=conflict)
    return summary, revisions


def reconcile(records: Iterable[MentionRecord]) -> tuple[tuple[FigureSummary, ...], tuple[Revision, ...]]:
    figures, revisions = [], []
    for kind, claims in sorted(collect_claims(records).items()):
        summary, revs = summarise(kind, claims)
        figures.append(summary)
        revisions.extend(revs)
    return tuple(figures), tuple(revisions)


def as_quantity(summary: FigureSummary) -> Quantity | None:
    """The reconciled figure in the contract's shape; None when the claims conflict."""
    best = summary.best
    if best is None or (best.low is None and best.high is None):
        return None
    text = summary.latest[-1].quantity.text if summary.latest else ""
    if best.low is not None and best.low == best.high:
        return Quantity(best.low, best.high, "exact", text)
    if best.high is None:
        return Quantity(best.low, None, "at_least", text)
    if best.low is None:
        return Quantity(None, best.high, "at_most", text)
    return Quantity(best.low, best.high, "about", text)
