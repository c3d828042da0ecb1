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


FIGURE_GROUPS = ("weapons", "weapon_types", "intercepted")


def all_claims(data: dict[str, Any]) -> dict[str, tuple[Claim, ...]]:
    """Every figure of an event, kind -> each claimant's latest claim ("fatalities",
    "weapons.drones" ...): fusion's per-claimant figures, and for a figure fusion did
    not reconcile (an unfused event) the event's own figure and claimant. One pass,
    written out (no helper calls per claim): it runs for every violent event of a
    brief's period, some 18,000 claims for a month at 1M events."""
    out: dict[str, tuple[Claim, ...]] = {}
    for figure in data.get("figures") or ():
        claims = []
        for c in figure.get("claims") or ():
            raw = c.get("quantity")
            if raw:
                claimant = c.get("claimant")
                claims.append(Claim(claimant.get("label") if claimant else None,
                                    Quantity(raw.get("min"), raw.get("max"),
                                             raw.get("qualifier") or "vague",
                                             raw.get("text") or "")))
        if claims:
            out[figure.get("kind", "")] = tuple(claims)
    own = [(kind, data.get(kind)) for kind in ("fatalities", "injured")]
    for group in FIGURE_GROUPS:
        if named := data.get(group):
            own += [(f"{group}.{name}", raw) for name, raw in named.items()]
    for kind, raw in own:
        if kind not in out and (q := _quantity(raw)):
            out[kind] = (Claim(data.get("claimed_by"), q),)
    return out


def claims_of(data: dict[str, Any], kind: str) -> tuple[Claim, ...]:
    """One figure's claims (see all_claims)."""
    return all_claims(data).get(kind, ())


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


def claim_words(claims: Sequence[Claim]) -> str:
    """The claims' own words with their claimants: 'over 460 drones (Zelenskyy) / 464 drones (Air Force)'."""
    return " / ".join(dict.fromkeys(_wording(c) for c in claims))


def spread(claims: Sequence[Claim], *, words: bool = True) -> Quantity | None:
    """Claims on one figure as one range: lowest to highest stated number; their
    wordings joined with claimants (``words=False`` leaves the text empty: the brief
    words only the lines it shows). One claim (or identical claims) stays as said."""
    if not claims:
        return None
    text = claim_words(claims) if words else ""
    if len(claims) == 1:
        q = claims[0].quantity
        return Quantity(q.min, q.max, q.qualifier, text) if _low(q) is not None else \
            Quantity(None, None, "vague", text)
    numeric = [c for c in claims if _low(c.quantity) is not None]
    if not numeric:
        return Quantity(None, None, "vague", text)
    distinct = {(c.quantity.min, c.quantity.max, c.quantity.qualifier) for c in numeric}
    if len(distinct) == 1:
        q = numeric[0].quantity
        return Quantity(q.min, q.max, q.qualifier, text)
    # Lowest to highest stated number, as fusion's spread: 'at least five' reaches 5.
    low = min(_low(c.quantity) for c in numeric)  # type: ignore[type-var]
    high = max(_high(c.quantity) for c in numeric)  # type: ignore[type-var]
    return Quantity(low, high, "about", text)


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


def casualty_total(items: Sequence[Item], parents: dict[str, str], kind: str, *,
                   words: bool = True) -> Quantity | None:
    """Rule 4: deaths or injured over the period's incidents, a barrage's shared once.
    The text words the worst eight events (``words=False``: no text)."""
    by_id = {i.event_id: i for i in items}
    figure = {i.event_id: (i.fatalities if kind == "fatalities" else i.injured) for i in items
              if i.scope != "cumulative"}
    children: dict[str, list[str]] = defaultdict(list)
    for child in figure:
        parent = parents.get(child)
        if parent in figure:
            children[parent].append(child)
    parts: list[tuple[Quantity, str]] = []  # (the event's share, event id)
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
            parts.append((own, event_id))
    # The words of the worst eight events, with their places (built for those only,
    # from their claims: the other events' figures carry no words).
    if not words:
        return add((p[0] for p in parts), text="")
    parts.sort(key=lambda p: (-(p[0].min or p[0].max or 0), p[1]))
    said = []
    for _, event_id in parts[:8]:
        told = [by_id[e] for e in (event_id, *children.get(event_id, ())) if figure[e] is not None]
        said.append(" + ".join(
            f"{claim_words(i.fatality_claims if kind == 'fatalities' else i.injured_claims)}"
            f" [{i.place or i.country or '?'}]" for i in told))
    more = f"; and {len(parts) - 8} more events" if len(parts) > 8 else ""
    return add((p[0] for p in parts), text="; ".join(said) + more)
