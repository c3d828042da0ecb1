"""The situation brief as typed data (schema ``dateline.brief/1``), built by build.py
and rendered by render.py. Figures are the contract's Quantity (min, max, qualifier,
text); a figure several claimants give is kept as their claims side by side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import Quantity
from .stances import StanceLine

SCHEMA = "dateline.brief/1"
LOW_CONFIDENCE = 0.6  # events the extractor and fusion trust less than this are marked


def quantity_dict(q: Quantity | None) -> dict[str, Any] | None:
    return q.to_dict() if q else None


@dataclass(frozen=True, slots=True)
class Claim:
    """One claimant's figure in its own words ("at least six", the Kyiv mayor)."""

    claimant: str | None
    quantity: Quantity

    def to_dict(self) -> dict[str, Any]:
        return {"claimant": self.claimant, **self.quantity.to_dict()}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims on one figure that cannot all be true: shown side by side, never averaged."""

    kind: str  # "fatalities", "injured", "weapons.drones" ...
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True, slots=True)
class Source:
    article_id: int | None
    name: str | None
    title: str | None
    url: str | None

    @property
    def label(self) -> str:
        return self.name or self.title or f"article {self.article_id}"

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "name": self.name, "title": self.title,
                "url": self.url}


@dataclass(frozen=True, slots=True)
class Item:
    """One real event as a line of the brief, with its sources and claims."""

    event_id: str
    type: str
    subtype: str | None
    family: str
    status: str
    scope: str
    date: date | None
    place: str | None
    precision: str | None  # the location's: point, district, city, region, country
    region: str | None
    country: str | None
    lat: float | None
    lon: float | None
    summary: str
    fatalities: Quantity | None
    injured: Quantity | None
    fatality_claims: tuple[Claim, ...]
    injured_claims: tuple[Claim, ...]
    claimants: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    confidence: float
    sources: tuple[Source, ...] = ()
    source_count: int = 1
    part_of: str | None = None  # the barrage (event id) this strike belongs to
    disputed_by: tuple[str, ...] = ()
    quote: str | None = None
    actors: tuple[str, ...] = ()
    actor_countries: tuple[str, ...] = ()
    launched: dict[str, tuple[Claim, ...]] = field(default_factory=dict)
    intercepted: dict[str, tuple[Claim, ...]] = field(default_factory=dict)

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    @property
    def url(self) -> str:
        return f"/events/{self.event_id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "url": self.url, "type": self.type,
            "subtype": self.subtype, "family": self.family, "status": self.status,
            "scope": self.scope, "date": self.date.isoformat() if self.date else None,
            "place": self.place, "precision": self.precision, "region": self.region, "country": self.country,
            "lat": self.lat, "lon": self.lon, "summary": self.summary,
            "fatalities": quantity_dict(self.fatalities), "injured": quantity_dict(self.injured),
            "fatality_claims": [c.to_dict() for c in self.fatality_claims],
            "injured_claims": [c.to_dict() for c in self.injured_claims],
            "sources": self.source_count, "source_list": [s.to_dict() for s in self.sources],
            "claimants": list(self.claimants), "conflicts": [c.to_dict() for c in self.conflicts],
            "confidence": round(self.confidence, 3), "low_confidence": self.low_confidence,
            "part_of": self.part_of, "disputed_by": list(self.disputed_by), "quote": self.quote,
            "actors": list(self.actors),
        }


@dataclass(frozen=True, slots=True)
class Night:
    """Weapons launched and intercepted in one night's barrage on one country, from
    the barrage-level events only: reports of one barrage are never added up."""

    day: date
    country: str | None
    launched: dict[str, Quantity]
    intercepted: dict[str, Quantity]
    claims: dict[str, tuple[Claim, ...]]  # "launched.drones" -> each report's figure
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "country": self.country,
                "launched": {k: q.to_dict() for k, q in self.launched.items()},
                "intercepted": {k: q.to_dict() for k, q in self.intercepted.items()},
                "claims": {k: [c.to_dict() for c in v] for k, v in self.claims.items()},
                "event_ids": list(self.event_ids)}


@dataclass(frozen=True, slots=True)
class Region:
    """Violence in one region (admin1, else the place), worst first."""

    name: str
    country: str | None
    fatalities: Quantity | None
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country,
                "fatalities": quantity_dict(self.fatalities), "items": list(self.event_ids)}


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    event_ids: tuple[str, ...]  # the lines shown, in order
    total: int                  # lines before the per-section cap
    regions: tuple[Region, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "title": self.title, "items": list(self.event_ids),
                               "total": self.total}
        if self.regions:
            out["regions"] = [r.to_dict() for r in self.regions]
        return out


@dataclass(frozen=True, slots=True)
class Totals:
    events: dict[str, int]
    fatalities: Quantity | None
    injured: Quantity | None
    launched: dict[str, Quantity]
    intercepted: dict[str, Quantity]

    def to_dict(self) -> dict[str, Any]:
        return {"events": dict(self.events), "fatalities": quantity_dict(self.fatalities),
                "injured": quantity_dict(self.injured),
                "launched": {k: q.to_dict() for k, q in self.launched.items()},
                "intercepted": {k: q.to_dict() for k, q in self.intercepted.items()}}


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    events: int
    deaths: int

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "events": self.events, "deaths": self.deaths}


@dataclass(frozen=True, slots=True)
class Brief:
    start: date
    end: date
    countries: tuple[str, ...]
    totals: Totals
    nights: tuple[Night, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    days: tuple[Day, ...]
    stances: tuple[StanceLine, ...] = ()

    def item(self, event_id: str) -> Item:
        return self._index()[event_id]

    def _index(self) -> dict[str, Item]:
        return {i.event_id: i for i in self.items}

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA,
                "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
                "countries": list(self.countries), "totals": self.totals.to_dict(),
                "nights": [n.to_dict() for n in self.nights],
                "sections": [s.to_dict() for s in self.sections],
                "items": [i.to_dict() for i in self.items],
                "stances": [s.to_dict() for s in self.stances],
                "days": [d.to_dict() for d in self.days]}
