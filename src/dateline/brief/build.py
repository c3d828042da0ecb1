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
from .collector import collector_paused
from .counting import (all_claims, barrage_nights, casualty_total, claims_of, spread,
                       sum_nights)
from .model import Brief, Claim, Conflict, Day, Item, Source, Totals
from .sections import SECTIONS, build_sections
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
    with collector_paused():
        return _build(engine, request)


def _build(engine: Engine, request: BriefRequest) -> Brief:
    countries = tuple(c.upper() for c in request.countries)
    start, end = request.start, request.end
    # Violence is counted (dead, injured, weapons): all its events become Items (their
    # figures without words); the other families are counted and ordered by the store,
    # which returns only the lines each section shows.
    rows = brief_reads.period_violence(engine, start, end, countries)
    violence = [counted_item(r) for r in rows]
    families, per_day = brief_reads.period_counts(engine, start, end, countries)
    others = {key: (brief_reads.section_rows(engine, start, end, fams, countries=countries,
                                             statements=key == "statements",
                                             limit=request.per_section),
                    sum(families.get(f, 0) for f in fams))
              for key, _, fams in SECTIONS if key != "violence"}
    # The links the counting rules follow (events.part_of): both ends violent events
    # of the period.
    known = {i.event_id for i in violence}
    parents = {r.event_id: r.part_of for r in rows
               if r.part_of and r.part_of in known and r.part_of != r.event_id}
    nights = barrage_nights(violence, parents)
    totals = Totals(events=dict(sorted(families.items())),
                    fatalities=casualty_total(violence, parents, "fatalities"),
                    injured=casualty_total(violence, parents, "injured"),
                    launched=sum_nights(nights, "launched"),
                    intercepted=sum_nights(nights, "intercepted"))
    sections = build_sections(violence, others, parents, per_section=request.per_section)
    shown = list(dict.fromkeys([i for s in sections for i in s.event_ids]
                               + [i for n in nights for i in n.event_ids]))
    # Only the lines shown are read whole (summary, claimants, actors) and sourced.
    by_row = {r.event_id: r for r in rows}
    by_row.update({r.event_id: r for lines, _ in others.values() for r in lines})
    whole = brief_reads.event_data(engine, [e for e in shown if not by_row[e].complete])
    names = brief_reads.source_names(engine, shown)
    shown_items = tuple(replace(
        item_from_row(by_row[e], whole.get(e) or by_row[e].data), part_of=parents.get(e),
        sources=tuple(Source(n.article_id, n.name, n.title, n.url) for n in names.get(e, ())))
        for e in shown)
    return Brief(start=start, end=end, countries=countries, totals=totals,
                 nights=tuple(nights), sections=tuple(sections), items=shown_items,
                 days=_days(per_day, violence, start, end),
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


def _days(per_day: dict[date, int], violence: list[Item], start: date, end: date
          ) -> tuple[Day, ...]:
    """Events and the lowest claimed deaths per day, every day of the period."""
    deaths: Counter[date] = Counter()
    for i in violence:
        if i.date and i.fatalities and i.scope != "cumulative" and i.fatalities.min:
            deaths[i.date] += i.fatalities.min
    n = (end - start).days + 1
    return tuple(Day(d, per_day.get(d, 0), deaths[d])
                 for d in (start + timedelta(days=k) for k in range(n)))


def item_from_row(row: brief_reads.EventRow, data: dict[str, Any], *, words: bool = True) -> Item:
    """An event as a brief line, its figures as each claimant gave them; ``data`` is the
    event's JSON, whole or the parts the store read for every event of the period.
    ``words=False``: the figures' texts are left empty (they are built for shown lines)."""
    location = data.get("location") or {}
    figures = all_claims(data)
    claimants = tuple(c.get("label") for c in data.get("claimants") or () if c.get("label")) \
        or ((data["claimed_by"],) if data.get("claimed_by") else ())
    actors = data.get("actors") or ()
    fatality_claims, injured_claims = figures.get("fatalities", ()), figures.get("injured", ())
    launched, intercepted = _weapons(figures)
    return Item(
        event_id=row.event_id, type=row.type, subtype=data.get("subtype"), family=row.family,
        status=row.status, scope=row.scope, date=row.date_start, place=row.place_name,
        precision=location.get("precision"), region=row.admin1, country=row.country,
        lat=row.lat, lon=row.lon, summary=(data.get("evidence") or {}).get("sentence", ""),
        fatalities=spread(fatality_claims, words=words),
        injured=spread(injured_claims, words=words),
        fatality_claims=fatality_claims, injured_claims=injured_claims, claimants=claimants,
        conflicts=tuple(_conflict(c) for c in data.get("conflicts") or ()),
        confidence=row.confidence, source_count=data.get("source_count") or 1,
        disputed_by=tuple(data.get("disputed_by") or ()), quote=data.get("quote"),
        actors=tuple(a["name"] for a in actors if a.get("name")),
        actor_countries=tuple({a["country"] for a in actors if a.get("country")}
                              | {t["country"] for t in data.get("targets") or () if t.get("country")}),
        launched=launched, intercepted=intercepted)


def counted_item(row: brief_reads.EventRow) -> Item:
    """A violent event as the totals count it: its place and figures, no words (the
    lines shown are built again by item_from_row). The fast path for a month of events."""
    data = row.data
    figures = all_claims(data)
    fatality_claims, injured_claims = figures.get("fatalities", ()), figures.get("injured", ())
    launched, intercepted = _weapons(figures)
    return Item(row.event_id, row.type, None, row.family, row.status, row.scope, row.date_start,
                row.place_name, (data.get("location") or {}).get("precision"), row.admin1,
                row.country, row.lat, row.lon, "", spread(fatality_claims, words=False),
                spread(injured_claims, words=False), fatality_claims, injured_claims, (), (),
                row.confidence, source_count=data.get("source_count") or 1,
                launched=launched, intercepted=intercepted)


def _weapons(figures: dict[str, tuple[Claim, ...]]
             ) -> tuple[dict[str, tuple[Claim, ...]], dict[str, tuple[Claim, ...]]]:
    """Launched (classes and types: "drones", "shahed") and intercepted claims."""
    launched: dict[str, tuple[Claim, ...]] = {}
    intercepted: dict[str, tuple[Claim, ...]] = {}
    for kind, claims in figures.items():
        group, _, name = kind.partition(".")
        if group == "intercepted":
            intercepted[name] = claims
        elif group in ("weapons", "weapon_types"):
            launched.setdefault(name, claims)
    return launched, intercepted


def _conflict(raw: dict[str, Any]) -> Conflict:
    kind = raw.get("kind", "")
    # A conflict's claims have the shape of a figure's: read them the same way.
    return Conflict(kind, claims_of({"figures": [{"kind": kind, "claims": raw.get("claims") or ()}]},
                                    kind))
