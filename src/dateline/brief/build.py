"""Build a Brief from the stored, fused record (through store/brief_reads.py only).

    build_brief(engine, BriefRequest(start, end, countries)) -> Brief

Every event of the period is read once (its row is one real event after fusion);
totals are computed over all of them, the sections show at most ``per_section``
lines each, and only the lines shown are looked up for their sources.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..store import brief_reads
from .counting import (barrage_nights, casualty_total, claims_of, figure_kinds, spread,
                       sum_nights)
from .model import Brief, Conflict, Day, Item, Source, Totals
from .sections import build_sections
from .stances import StanceLine, latest_stances

if TYPE_CHECKING:
    from sqlalchemy import Engine

MAX_DAYS = 366  # a brief is a day, a week, a month; a year at most


@dataclass(frozen=True, slots=True)
class BriefRequest:
    start: date
    end: date
    countries: tuple[str, ...] = ()
    per_section: int = 40  # lines shown per section; totals always count every event

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(f"the period ends ({self.end}) before it starts ({self.start})")
        if (self.end - self.start).days >= MAX_DAYS:
            raise InputError(f"a brief covers at most {MAX_DAYS} days")
        for c in self.countries:
            if len(c) != 2 or not c.isalpha():
                raise InputError(f"country {c!r} is not an ISO 3166-1 alpha-2 code (e.g. UA)")
        if self.per_section < 1:
            raise InputError("per_section must be at least 1")


def build_brief(engine: Engine, request: BriefRequest) -> Brief:
    countries = tuple(c.upper() for c in request.countries)
    rows = brief_reads.period_events(engine, request.start, request.end, countries)
    items = [item_from_row(r) for r in rows]
    if countries:
        items = [i for i in items if _concerns(i, set(countries))]
    violent = [i.event_id for i in items if i.family == "violence"]
    known = {i.event_id for i in items}
    parents = {c: p for c, p in brief_reads.part_of_links(engine, violent).items() if p in known}
    items = [replace(i, part_of=parents.get(i.event_id)) for i in items]
    nights = barrage_nights(items, parents)
    totals = Totals(events=dict(sorted(Counter(i.family for i in items).items())),
                    fatalities=casualty_total(items, parents, "fatalities"),
                    injured=casualty_total(items, parents, "injured"),
                    launched=sum_nights(nights, "launched"),
                    intercepted=sum_nights(nights, "intercepted"))
    sections = build_sections(items, parents, per_section=request.per_section)
    shown = list(dict.fromkeys([i for s in sections for i in s.event_ids]
                               + [i for n in nights for i in n.event_ids]))
    names = brief_reads.source_names(engine, shown)
    by_id = {i.event_id: i for i in items}
    shown_items = tuple(replace(by_id[e], sources=tuple(
        Source(n.article_id, n.name, n.title, n.url) for n in names.get(e, ()))) for e in shown)
    return Brief(start=request.start, end=request.end, countries=countries, totals=totals,
                 nights=tuple(nights), sections=tuple(sections), items=shown_items,
                 days=_days(items, request.start, request.end),
                 stances=_stances(engine, request, countries))


def _stances(engine: Engine, request: BriefRequest, countries: tuple[str, ...]
             ) -> tuple[StanceLine, ...]:
    lines = latest_stances(brief_reads.period_articles(engine, request.start, request.end))
    if not countries:
        return lines
    from ..geo.countries import country_info, known_codes

    # The tracker names parties and conflicts by country name ("Ukraine", "russia-ukraine").
    names = {country_info(c).name.lower() for c in countries if c in known_codes()}
    return tuple(s for s in lines if s.party.lower() in names
                 or any(n in (s.conflict or "") for n in names))


def _concerns(item: Item, countries: set[str]) -> bool:
    """Located in one of the countries; or unlocated, or talks and statements held
    elsewhere, with a party (actor or target) of one of them."""
    if item.country in countries:
        return True
    party = item.country is None or item.family in brief_reads.PARTY_FAMILIES
    return party and bool(countries & set(item.actor_countries))


def _days(items: list[Item], start: date, end: date) -> tuple[Day, ...]:
    """Events and the lowest claimed deaths per day, every day of the period."""
    events: Counter[date] = Counter()
    deaths: Counter[date] = Counter()
    for i in items:
        if i.date and start <= i.date <= end:
            events[i.date] += 1
            if i.fatalities and i.scope != "cumulative" and i.fatalities.min:
                deaths[i.date] += i.fatalities.min
    n = (end - start).days + 1
    return tuple(Day(d, events[d], deaths[d]) for d in (start + timedelta(days=k) for k in range(n)))


def item_from_row(row: brief_reads.EventRow) -> Item:
    """An event as a brief line: its figures as each claimant gave them."""
    data = row.data
    location = data.get("location") or {}
    fatality_claims = claims_of(data, "fatalities")
    injured_claims = claims_of(data, "injured")
    claimants = tuple(c.get("label") for c in data.get("claimants") or () if c.get("label")) \
        or ((data["claimed_by"],) if data.get("claimed_by") else ())
    actors = data.get("actors") or ()
    return Item(
        event_id=row.event_id, type=row.type, subtype=data.get("subtype"), family=row.family,
        status=data.get("status") or "reported", scope=data.get("scope") or "incident",
        date=row.date_start, place=row.place_name, precision=location.get("precision"),
        region=row.admin1, country=row.country, lat=row.lat, lon=row.lon,
        summary=(data.get("evidence") or {}).get("sentence", ""),
        fatalities=spread(fatality_claims), injured=spread(injured_claims),
        fatality_claims=fatality_claims, injured_claims=injured_claims, claimants=claimants,
        conflicts=tuple(_conflict(c) for c in data.get("conflicts") or ()),
        confidence=row.confidence, source_count=data.get("source_count") or 1,
        disputed_by=tuple(data.get("disputed_by") or ()), quote=data.get("quote"),
        actors=tuple(a["name"] for a in actors if a.get("name")),
        actor_countries=tuple({a["country"] for a in actors if a.get("country")}
                              | {t["country"] for t in data.get("targets") or () if t.get("country")}),
        launched=_weapons(data, ("weapons", "weapon_types")),
        intercepted=_weapons(data, ("intercepted",)))


def _weapons(data: dict[str, Any], groups: tuple[str, ...]) -> dict:
    out = {}
    for group in groups:
        for kind in figure_kinds(data, group):
            claims = claims_of(data, kind)
            if claims:
                out.setdefault(kind.split(".", 1)[1], claims)
    return out


def _conflict(raw: dict[str, Any]) -> Conflict:
    kind = raw.get("kind", "")
    # A conflict's claims have the shape of a figure's: read them the same way.
    return Conflict(kind, claims_of({"figures": [{"kind": kind, "claims": raw.get("claims") or ()}]},
                                    kind))
