"""The brief's counting rules, as pure functions over items and part_of links.

1. Each stored event is one real event (fusion merged its reports): counted once.
2. A figure several claimants give differently is their **spread**, lowest to
   highest stated number ('4', 'at least five', '3' -> 3-5), every claim's wording
   and claimant kept beside it; it is never averaged nor summed.
3. Weapons launched and intercepted come from barrage-level events only (the
   nationwide launch totals, or the event other strikes are ``part_of``): per
   night and country, the barrage-level reports are one barrage, so their
   figures are spread, not summed; the strikes that are part of it add nothing.
   Nights are then added up over the period.
4. Casualties add up over events, except that a barrage and its ``part_of``
   strikes share their dead: the barrage adds only what its strikes do not tell.
   Cumulative tolls ("since 2023") are never added to incidents.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, Iterable, Sequence

from ..models import Quantity
from .model import Claim, Item, Night


def _quantity(raw: dict[str, Any] | None) -> Quantity | None:
    if not raw:
        return None
    return Quantity(raw.get("min"), raw.get("max"), raw.get("qualifier") or "vague",
                    raw.get("text") or "")


def claims_of(data: dict[str, Any], kind: str) -> tuple[Claim, ...]:
    """Each claimant's latest figure for ``kind`` ("fatalities", "weapons.drones" ...):
    fusion's per-claimant figures, else the event's own figure and claimant."""
    for figure in data.get("figures") or ():
        if figure.get("kind") == kind:
            return tuple(Claim((c.get("claimant") or {}).get("label"), q)
                         for c in figure.get("claims") or ()
                         if (q := _quantity(c.get("quantity"))))
    group, _, name = kind.partition(".")
    raw = (data.get(group) or {}).get(name) if name else data.get(kind)
    q = _quantity(raw)
    return (Claim(data.get("claimed_by"), q),) if q else ()


def figure_kinds(data: dict[str, Any], group: str) -> list[str]:
    """The ``group.name`` kinds an event gives ("weapons", "weapon_types", "intercepted")."""
    kinds = {f["kind"] for f in data.get("figures") or () if f.get("kind", "").startswith(group + ".")}
    kinds |= {f"{group}.{name}" for name in (data.get(group) or {})}
    return sorted(kinds)


def _low(q: Quantity) -> int | None:
    """The stated lower number ('over 460' -> 460, 'nearly 600' -> 600, 'dozens' -> None)."""
    return q.min if q.min is not None else q.max


def _high(q: Quantity) -> int | None:
    return q.max if q.max is not None else q.min


def _wording(claim: Claim) -> str:
    text = claim.quantity.text or _number_text(claim.quantity)
    return f"{text} ({claim.claimant})" if claim.claimant else text


def _number_text(q: Quantity) -> str:
    if q.min is not None and q.max is not None and q.min != q.max:
        return f"{q.min}–{q.max}"
    value = q.min if q.min is not None else q.max
    return "unknown" if value is None else str(value)


def spread(claims: Sequence[Claim]) -> Quantity | None:
    """Claims on one figure as one range: lowest to highest stated number; their
    wordings joined with claimants. One claim (or identical claims) stays as said."""
    numeric = [c for c in claims if _low(c.quantity) is not None]
    if not claims:
        return None
    words = " / ".join(dict.fromkeys(_wording(c) for c in claims))
    if not numeric:
        return Quantity(None, None, "vague", words)
    distinct = {(c.quantity.min, c.quantity.max, c.quantity.qualifier) for c in numeric}
    if len(distinct) == 1:
        q = numeric[0].quantity
        return Quantity(q.min, q.max, q.qualifier, words)
    # Lowest to highest stated number, as fusion's spread: 'at least five' reaches 5.
    low = min(_low(c.quantity) for c in numeric)  # type: ignore[type-var]
    high = max(_high(c.quantity) for c in numeric)  # type: ignore[type-var]
    return Quantity(low, high, "about", words)


def add(quantities: Iterable[Quantity | None], *, text: str | None = None) -> Quantity | None:
    """Figures of different events added up: lows add, highs add while all are known."""
    qs = [q for q in quantities if q is not None]
    if not qs:
        return None
    lows = [q.min if q.min is not None else 0 for q in qs]
    highs = [q.max for q in qs]
    low = sum(lows)
    high = None if any(h is None for h in highs) else sum(highs)  # type: ignore[misc]
    if high is not None and high == low and all(q.qualifier == "exact" for q in qs):
        qualifier = "exact"
    elif high is None:
        qualifier = "at_least"
    else:
        qualifier = "about"
    return Quantity(low, high, qualifier,
                    text if text is not None else " + ".join(q.text for q in qs if q.text))


def barrage_nights(items: Sequence[Item], parents: dict[str, str]) -> list[Night]:
    """Rule 3: per night and country, the barrage-level events' weapons, spread."""
    children = set(parents)
    parent_ids = set(parents.values())
    groups: dict[tuple[date, str | None], list[Item]] = defaultdict(list)
    for item in items:
        if item.family == "violence" and item.date and (item.launched or item.intercepted):
            groups[(item.date, item.country)].append(item)
    nights = []
    for (day, country), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        roots = [i for i in group if i.event_id not in children]
        # Barrage level: a nationwide event (located no finer than its country) or one
        # that other strikes are part of. Failing both, each root strike is its own
        # attack on its own place, and those add up.
        level = [i for i in roots if i.event_id in parent_ids or _nationwide(i)]
        launched, intercepted, claims = _night_figures(level or roots, spread_reports=bool(level))
        level = level or roots
        if not level:
            continue
        nights.append(Night(day, country, launched, intercepted, claims,
                            tuple(i.event_id for i in level)))
    return nights


def _nationwide(item: Item) -> bool:
    return item.place is None or item.precision == "country"


def _night_figures(level: Sequence[Item], *, spread_reports: bool
                   ) -> tuple[dict[str, Quantity], dict[str, Quantity], dict[str, tuple[Claim, ...]]]:
    out: dict[str, dict[str, Quantity]] = {"launched": {}, "intercepted": {}}
    claims: dict[str, tuple[Claim, ...]] = {}
    for group in ("launched", "intercepted"):
        keys = sorted({k for i in level for k in getattr(i, group)})
        for key in keys:
            per_event = [getattr(i, group).get(key, ()) for i in level]
            every = tuple(c for cs in per_event for c in cs)
            if spread_reports:  # reports of one barrage: one figure, never a sum
                figure = spread(every)
            else:  # separate strikes: each its own figure, added
                figure = add(spread(cs) for cs in per_event if cs)
            if figure:
                out[group][key] = figure
                claims[f"{group}.{key}"] = every
    return out["launched"], out["intercepted"], claims


def sum_nights(nights: Sequence[Night], group: str) -> dict[str, Quantity]:
    """Rule 3, over the period: different nights are different barrages, so they add."""
    keys = sorted({k for n in nights for k in getattr(n, group)})
    if len(nights) == 1:
        return dict(getattr(nights[0], group))
    return {k: q for k in keys
            if (q := add(getattr(n, group).get(k) for n in nights)) is not None}


def casualty_total(items: Sequence[Item], parents: dict[str, str], kind: str) -> Quantity | None:
    """Rule 4: deaths or injured over the period's incidents, a barrage's shared once."""
    by_id = {i.event_id: i for i in items}
    figure = {i.event_id: (i.fatalities if kind == "fatalities" else i.injured) for i in items
              if i.scope != "cumulative"}
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in parents.items():
        if child in figure and parent in figure:
            children[parent].append(child)
    parts: list[Quantity] = []
    for event_id, q in figure.items():
        if parents.get(event_id) in figure:
            continue  # added through its barrage below
        kids = [figure[c] for c in children.get(event_id, ()) if figure[c] is not None]
        kids_sum = add(kids, text="")
        if q is None:
            own = kids_sum
        elif kids_sum is None:
            own = q
        else:  # the barrage's own toll covers its strikes': the larger of the two
            low = max(q.min or 0, kids_sum.min or 0)
            high = None if q.max is None or kids_sum.max is None else max(q.max, kids_sum.max)
            own = Quantity(low, high, "at_least" if high is None else "about", q.text)
        if own is not None:
            told = [(x, by_id[e]) for x, e in ((q, event_id), *((figure[c], c) for c in
                    children.get(event_id, ()))) if x is not None and x.text]
            words = " + ".join(f"{x.text} [{i.place or i.country or '?'}]" for x, i in told)
            parts.append(Quantity(own.min, own.max, own.qualifier, words))
    return add(parts, text="; ".join(p.text for p in parts[:8])
               + (f"; and {len(parts) - 8} more events" if len(parts) > 8 else ""))
