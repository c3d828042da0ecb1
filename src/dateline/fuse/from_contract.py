"""Rebuild an EventMention from the contract JSON the store keeps (inverse of to_dict)."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..models import Actor, EventMention, Evidence, Place, Quantity, Span, Target, TimeSpan


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _quantity(d: Any) -> Quantity | None:
    if not isinstance(d, dict):
        return None
    return Quantity(d.get("min"), d.get("max"), d.get("qualifier") or "exact", d.get("text") or "")


def _place(d: Any) -> Place | None:
    if not isinstance(d, dict) or not d.get("text"):
        return None
    return Place(text=d["text"], name=d.get("name"), country=d.get("country"), admin1=d.get("admin1"),
                 lat=d.get("lat"), lon=d.get("lon"), geonameid=d.get("geonameid"),
                 precision=d.get("precision"),
                 sublocations=tuple(p for p in map(_place, d.get("sublocations") or ()) if p))


def mention_from_dict(d: dict[str, Any]) -> EventMention:
    ev = d.get("evidence") or {}
    dt = d.get("date")
    qmap = lambda m: {k: q for k, v in (m or {}).items() if (q := _quantity(v))}  # noqa: E731
    return EventMention(
        id=str(d.get("id") or ""), type=str(d.get("type") or "other"),
        evidence=Evidence(ev.get("sentence") or "", int(ev.get("start") or 0), int(ev.get("end") or 0),
                          tuple(Span(s.get("sentence") or "", int(s.get("start") or 0), int(s.get("end") or 0))
                                for s in ev.get("support") or ())),
        subtype=d.get("subtype"), status=d.get("status") or "reported",
        disputed_by=tuple(d.get("disputed_by") or ()),
        date=TimeSpan(_day(dt.get("start")), _day(dt.get("end")), dt.get("text") or "",
                      dt.get("precision") or "day") if isinstance(dt, dict) else None,
        location=_place(d.get("location")),
        actors=tuple(Actor(a["name"], a.get("country")) for a in d.get("actors") or () if a.get("name")),
        targets=tuple(Target(t["name"], t.get("country"), t.get("category"))
                      for t in d.get("targets") or () if t.get("name")),
        civilian_targeting=d.get("civilian_targeting"),
        weapons=qmap(d.get("weapons")), weapon_types=qmap(d.get("weapon_types")),
        intercepted=qmap(d.get("intercepted")),
        fatalities=_quantity(d.get("fatalities")), injured=_quantity(d.get("injured")),
        scope=d.get("scope") or "incident", part_of=d.get("part_of"), claimed_by=d.get("claimed_by"),
        quote=d.get("quote"), confidence=float(d.get("confidence") or 0.5))
