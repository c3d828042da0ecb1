"""The data contract: frozen, slotted dataclasses that cross stage boundaries.

Every stage (ingest, extract, geo, temporal, fuse, store) talks to the others
through these types only. ``to_dict()`` renders the JSON of
``shared/contract/extract.md`` (schema ``dateline.extract/1``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

SCHEMA = "dateline.extract/1"

EVENT_TYPES = (
    "attack", "clash", "casualties", "territorial_change", "airspace_violation",
    "military_movement", "diplomatic_meeting", "visit", "proposal", "agreement",
    "statement", "protest", "other",
)
SUBTYPES = {
    "attack": ("air_strike", "drone_strike", "missile_strike", "missile_drone_strike",
               "shelling", "bombing", "ground_raid", "abduction", "sexual_violence"),
    "clash": ("armed_clash",),
    "territorial_change": ("advance", "capture", "capture_claim", "withdrawal"),
    "airspace_violation": ("drone_incursion", "aircraft_incursion", "debris"),
    "military_movement": ("scramble", "deployment", "mobilisation", "base_established"),
    "diplomatic_meeting": ("talks", "summit", "call"),
    "visit": ("state_visit", "working_visit"),
    "statement": ("position", "denial", "accusation", "warning"),
    "other": ("arrest", "weapons_seized"),
}
FAMILIES = {
    "attack": "violence", "clash": "violence", "casualties": "violence",
    "territorial_change": "territory", "airspace_violation": "airspace",
    "military_movement": "movement", "diplomatic_meeting": "diplomacy",
    "visit": "diplomacy", "agreement": "diplomacy", "proposal": "proposal",
    "statement": "statement", "protest": "protest", "other": "other",
}
STATUSES = ("reported", "claimed", "planned", "ongoing")
PRECISIONS = ("point", "district", "city", "region", "country")
TARGET_CATEGORIES = ("civilian", "residential", "energy", "infrastructure", "military",
                     "government", "industrial")
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "about", "vague"]
Precision = Literal["point", "district", "city", "region", "country"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count as the text words it: 'over 460' is min 460, max None, more_than."""

    min: int | None
    max: int | None
    qualifier: Qualifier
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "qualifier": self.qualifier, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention, resolved (name, coordinates...) when the gazetteer knows it."""

    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: Precision | None = None
    relation: str | None = None  # "south of", "near", "around" ... kept, not resolved
    sublocations: tuple[Place, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "country": self.country,
            "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
            "geonameid": self.geonameid, "precision": self.precision,
            "sublocations": [s.to_dict() for s in self.sublocations],
        }

    def with_sublocations(self, subs: tuple[Place, ...]) -> Place:
        return replace(self, sublocations=subs)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    start: date | None
    end: date | None
    text: str
    precision: Literal["day", "week", "month", "year"] = "day"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "text": self.text, "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    country: str | None = None
    category: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "category": self.category}


@dataclass(frozen=True, slots=True)
class Span:
    """An exact piece of the article: ``text[start:end] == sentence``."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    support: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "support": [s.to_dict() for s in self.support]}


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article tells it (the contract's Event)."""

    id: str
    type: str
    evidence: Evidence
    subtype: str | None = None
    status: str = "reported"
    disputed_by: tuple[str, ...] = ()
    date: TimeSpan | None = None
    location: Place | None = None
    actors: tuple[Actor, ...] = ()
    targets: tuple[Target, ...] = ()
    civilian_targeting: bool | None = None
    weapons: dict[str, Quantity] = field(default_factory=dict)
    weapon_types: dict[str, Quantity] = field(default_factory=dict)
    intercepted: dict[str, Quantity] = field(default_factory=dict)
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    scope: Literal["incident", "cumulative"] = "incident"
    part_of: str | None = None
    claimed_by: str | None = None
    quote: str | None = None
    confidence: float = 0.5

    @property
    def family(self) -> str:
        return FAMILIES.get(self.type, "other")

    def to_dict(self) -> dict[str, Any]:
        def qmap(m: dict[str, Quantity]) -> dict[str, Any]:
            return {k: v.to_dict() for k, v in m.items()}

        return {
            "id": self.id, "type": self.type, "subtype": self.subtype, "status": self.status,
            "disputed_by": list(self.disputed_by),
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "actors": [a.to_dict() for a in self.actors],
            "targets": [t.to_dict() for t in self.targets],
            "civilian_targeting": self.civilian_targeting,
            "weapons": qmap(self.weapons), "weapon_types": qmap(self.weapon_types),
            "intercepted": qmap(self.intercepted),
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "injured": self.injured.to_dict() if self.injured else None,
            "scope": self.scope, "part_of": self.part_of, "claimed_by": self.claimed_by,
            "evidence": self.evidence.to_dict(), "quote": self.quote,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    start: int
    end: int
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, "start": self.start,
                "end": self.end, "event_id": self.event_id}


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read: the exact text the offsets refer to, and its metadata."""

    text: str
    title: str
    byline: str | None = None
    published: date | None = None
    dateline: Dateline | None = None
    url: str | None = None
    site: str | None = None
    language: str = "en"
    # Character ranges of the body paragraphs in ``text`` (headline included),
    # after page furniture ("Leave a Comment" ...) was left out.
    paragraphs: tuple[tuple[int, int], ...] = ()

    @property
    def anchor_date(self) -> date | None:
        """The date relative expressions resolve against: published, else the dateline's."""
        if self.published:
            return self.published
        return self.dateline.date if self.dateline else None

    def metadata_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``dateline extract`` prints for one article."""

    article: Article
    events: tuple[EventMention, ...]
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.metadata_dict(),
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class ArticleError:
    """A failure on one input, recorded so the rest of a batch goes on."""

    source: str
    reason: str
    kind: str = "error"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "kind": self.kind}
