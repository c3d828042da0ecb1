"""Events in words for the pages: a one-line description (who did what to whom,
where, with the figures in the reporters' words and who gave them), figures as
written, actors without repeats, and the marks (low confidence, imprecise place)
that every list and page shows the same way.

Works on the event dicts the store's read side returns (the contract's JSON
shape, plus ``id``/``family``/``sources`` and, once fused, ``revisions``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Below this, the extractor itself doubts the event: lists and pages say so.
LOW_CONFIDENCE = 0.7
# Places this coarse are an area, not a point: the map draws them as one.
COARSE_PRECISIONS = ("region", "country")

# Per type or subtype: (verb before a target, verb with none, noun phrase when no
# actor is named, preposition between that noun and a target).
_TYPE_WORDS: dict[str, tuple[str, str, str, str]] = {
    "attack": ("struck", "carried out a strike", "Strike", "on"),
    "clash": ("clashed with", "fought", "Fighting", "with"),
    "casualties": ("inflicted casualties on", "suffered casualties", "Casualties", "among"),
    "territorial_change": ("took ground from", "changed control of ground", "Change of control",
                           "from"),
    "airspace_violation": ("violated the airspace of", "violated airspace", "Airspace violation",
                           "over"),
    "military_movement": ("moved forces toward", "moved forces", "Military movement", "toward"),
    "diplomatic_meeting": ("met", "met", "Meeting", "with"),
    "visit": ("visited", "made a visit", "Visit", "to"),
    "agreement": ("agreed with", "reached an agreement", "Agreement", "with"),
    "proposal": ("put a proposal to", "put forward a proposal", "Proposal", "to"),
    "statement": ("said of", "said", "Statement", "about"),
    "protest": ("protested against", "protested", "Protest", "against"),
    "other": ("acted on", "acted", "Event", "involving"),
}
_SUBTYPE_WORDS: dict[str, tuple[str, str, str, str]] = {
    "air_strike": ("carried out an air strike on", "carried out an air strike", "Air strike", "on"),
    "drone_strike": ("struck with drones", "struck with drones", "Drone strike", "on"),
    "missile_strike": ("struck with missiles", "struck with missiles", "Missile strike", "on"),
    "missile_drone_strike": ("struck with missiles and drones", "struck with missiles and drones",
                             "Missile and drone strike", "on"),
    "shelling": ("shelled", "shelled", "Shelling", "of"),
    "bombing": ("bombed", "bombed", "Bombing", "of"),
    "ground_raid": ("raided", "raided", "Ground raid", "on"),
    "advance": ("advanced against", "advanced", "Advance", "against"),
    "capture": ("captured", "captured ground", "Capture", "of"),
    "capture_claim": ("claimed to capture", "claimed a capture", "Claimed capture", "of"),
    "withdrawal": ("withdrew from", "withdrew", "Withdrawal", "from"),
    "drone_incursion": ("sent drones into the airspace of", "sent drones across the border",
                        "Drone incursion", "over"),
    "aircraft_incursion": ("flew into the airspace of", "flew across the border",
                           "Aircraft incursion", "over"),
    "debris": ("left debris over", "left debris", "Debris", "over"),
    "scramble": ("scrambled aircraft toward", "scrambled aircraft", "Aircraft scrambled", "toward"),
    "deployment": ("deployed forces toward", "deployed forces", "Deployment", "toward"),
    "mobilisation": ("mobilised against", "mobilised", "Mobilisation", "against"),
    "talks": ("held talks with", "held talks", "Talks", "with"),
    "summit": ("met at a summit with", "met at a summit", "Summit", "with"),
    "call": ("spoke by phone with", "spoke by phone", "Phone call", "with"),
    "denial": ("denied", "issued a denial", "Denial", "by"),
    "accusation": ("accused", "made an accusation", "Accusation", "against"),
    "warning": ("warned", "issued a warning", "Warning", "to"),
}
WEAPON_WORDS = {"glide_bombs": "glide bombs"}


def quantity_text(q: dict[str, Any] | None) -> str | None:
    """A figure in the words of the report ("at least six"), else its interval."""
    if not q:
        return None
    if q.get("text"):
        return str(q["text"])
    low, high = q.get("min"), q.get("max")
    if low is None and high is None:
        return None
    if high is None:
        return f"{low}+" if q.get("qualifier") in ("at_least", "more_than") else str(low)
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


@lru_cache(maxsize=4096)
def _country_word(name: str) -> str | None:
    """ISO2 of a bare country name or demonym ("Russia", "Russian"), else None."""
    from ..geo.countries import country_code  # the gazetteer's own table, loaded once

    try:
        return country_code(name)
    except Exception:  # noqa: BLE001 - a missing countries table only costs the de-duplication
        return None


def distinct_actors(actors: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Actors without repeats: "Russia (RU)" and "Russian (RU)" are one actor, the
    first named; "Russian forces" stays its own (it says more than the country)."""
    kept: list[dict[str, Any]] = []
    seen_names: set[str] = set()
    seen_countries: set[str] = set()
    for actor in actors or []:
        name = str(actor.get("name") or "").strip()
        if not name or name.casefold() in seen_names:
            continue
        country = actor.get("country")
        bare = country is not None and _country_word(name) == country
        if bare and country in seen_countries:
            continue
        seen_names.add(name.casefold())
        if bare:
            seen_countries.add(country)
        kept.append(actor)
    return kept


def _actor_name(actor: dict[str, Any]) -> str:
    """A bare demonym names its country as an actor ("Russian" acts as "Russia")."""
    name, country = str(actor.get("name") or ""), actor.get("country")
    if country and _country_word(name) == country:
        from ..geo.countries import country_info

        try:
            return country_info(country).name
        except KeyError:
            return name
    return name


def _names(items: list[dict[str, Any]], most: int = 2) -> str:
    names = [str(i["name"]) for i in items if i.get("name")]
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return " and ".join(names)


def place_text(event: dict[str, Any]) -> str | None:
    location = event.get("location") or {}
    return location.get("name") or location.get("text")


def event_figure(event: dict[str, Any], kind: str) -> str | None:
    """The event's "fatalities" or "injured" in the report's words, unless an analyst
    edited that figure: then its numbers, marked as edited (the words no longer fit)."""
    q = event.get(kind)
    edits = (event.get("review") or {}).get("edits") or {}
    if q and any(name.startswith(kind + "_") for name in edits):
        said = quantity_text({**q, "text": None})
        return f"{said} (edited)" if said else None
    return quantity_text(q)


def figures(event: dict[str, Any]) -> list[str]:
    """Killed, injured and weapons launched, each in the report's words."""
    found = []
    if killed := event_figure(event, "fatalities"):
        found.append(f"{killed} killed")
    if hurt := event_figure(event, "injured"):
        found.append(f"{hurt} injured")
    for kind, q in (event.get("weapons") or {}).items():
        if said := quantity_text(q):
            label = WEAPON_WORDS.get(kind, kind)
            found.append(said if label.rstrip("s") in said.lower() else f"{said} {label}")
    return found


def describe(event: dict[str, Any]) -> str:
    """One line: who did what to whom, where; figures in their words; who says so."""
    kind = str(event.get("type") or "other")
    verb, alone, noun, prep = _SUBTYPE_WORDS.get(str(event.get("subtype")), None) or \
        _TYPE_WORDS.get(kind, _TYPE_WORDS["other"])
    actors = _names([{"name": _actor_name(a)} for a in distinct_actors(event.get("actors"))])
    targets = _names(event.get("targets") or [])
    if actors:
        line = f"{actors} {verb} {targets}" if targets else f"{actors} {alone}"
    else:
        line = noun + (f" {prep} {targets}" if targets else "")
    if place := place_text(event):
        line += f" in {place}"
    if said := figures(event):
        line += ": " + ", ".join(said)
    if claimant := event.get("claimed_by"):
        line += f" (according to {claimant})"
    return line


def low_confidence(event: dict[str, Any]) -> bool:
    value = event.get("confidence")
    return isinstance(value, (int, float)) and value < LOW_CONFIDENCE


def imprecise(event: dict[str, Any]) -> bool:
    return (event.get("location") or {}).get("precision") in COARSE_PRECISIONS


@dataclass(frozen=True, slots=True)
class WeaponRow:
    """One weapon class or type: launched and intercepted, both as written."""

    weapon: str
    launched: str | None
    intercepted: str | None


def weapon_rows(event: dict[str, Any]) -> list[WeaponRow]:
    launched = {**(event.get("weapons") or {}), **(event.get("weapon_types") or {})}
    downed = event.get("intercepted") or {}
    names = list(dict.fromkeys([*launched, *downed]))
    return [WeaponRow(WEAPON_WORDS.get(n, n.replace("_", " ")), quantity_text(launched.get(n)),
                      quantity_text(downed.get(n))) for n in names]


def interval_text(interval: dict[str, Any] | None) -> str:
    """A fused figure's interval ({"min", "max"}) in words."""
    if not interval:
        return "—"
    low, high = interval.get("min"), interval.get("max")
    if low is None and high is None:
        return "—"
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"at most {high}"
    return str(low) if low == high else f"{low}–{high}"
