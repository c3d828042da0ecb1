"""Typed inputs and outputs of fusion: mention records in, fused events out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import EventMention, Quantity


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """One event as one article tells it, with what fusion needs of the article."""

    article_id: str
    published: date | None
    mention: EventMention
    near_dup_group: str | None = None  # articles that are near-copies share this
    url: str | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        """Stable identity of the mention: article id + the contract id within it."""
        return f"{self.article_id}:{self.mention.id}"

    @property
    def copy_group(self) -> str:
        """Near-copies of one wire story count as one source."""
        return self.near_dup_group or f"article:{self.article_id}"

    def sort_key(self) -> tuple[str, str, str]:
        """Oldest first: published date, then article id, then mention id."""
        return (self.published.isoformat() if self.published else "9999-12-31",
                self.article_id, self.mention.id)


@dataclass(frozen=True, slots=True)
class Claimant:
    """A normalised source of a claim: the same ministry named three ways is one key."""

    key: str    # "RU:ministry_of_defence"
    label: str  # "Russia: Ministry of Defence"
    side: str | None  # ISO2 of the side it speaks for, or None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "side": self.side}


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure as one claimant gave it in one article."""

    kind: str  # "fatalities", "injured", "weapons.drones", "intercepted.missiles" ...
    claimant: Claimant
    quantity: Quantity
    article_id: str
    as_of: date | None
    mention_key: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "claimant": self.claimant.to_dict(),
                "quantity": self.quantity.to_dict(), "text": self.quantity.text,
                "article_id": self.article_id,
                "as_of": self.as_of.isoformat() if self.as_of else None,
                "mention_key": self.mention_key}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed count interval; None is open-ended."""

    low: int | None
    high: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.low, "max": self.high}


@dataclass(frozen=True, slots=True)
class Revision:
    """A figure that a later report changed ("at least six" -> "at least seven")."""

    kind: str
    before: Interval
    after: Interval
    as_of: date | None
    article_id: str
    claimant: Claimant
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "before": self.before.to_dict(), "after": self.after.to_dict(),
                "as_of": self.as_of.isoformat() if self.as_of else None,
                "article_id": self.article_id, "claimant": self.claimant.to_dict(),
                "text": self.text}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claimants whose latest figures cannot all be true: flagged, never averaged."""

    kind: str
    claims: tuple[Claim, ...]
    between_sides: bool  # the claimants speak for different sides

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "between_sides": self.between_sides,
                "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True, slots=True)
class FigureSummary:
    """All claims on one figure: latest per claimant, the best interval, conflicts."""

    kind: str
    latest: tuple[Claim, ...]      # the latest claim of each claimant
    best: Interval | None          # intersection of the latest claims; None on conflict
    spread: Interval               # lowest and highest figure claimed
    conflict: Conflict | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "claims": [c.to_dict() for c in self.latest],
                "best": self.best.to_dict() if self.best else None,
                "spread": self.spread.to_dict(),
                "conflict": self.conflict.to_dict() if self.conflict else None}


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One article that reports the event."""

    article_id: str
    mention_keys: tuple[str, ...]
    published: date | None
    url: str | None
    title: str | None
    near_dup_group: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "mention_keys": list(self.mention_keys),
                "published": self.published.isoformat() if self.published else None,
                "url": self.url, "title": self.title, "near_dup_group": self.near_dup_group}


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One real-world event, with every mention and source kept as evidence."""

    id: str
    mentions: tuple[MentionRecord, ...]
    representative: EventMention      # merged fields in the contract's shape
    sources: tuple[SourceRef, ...]
    claimants: tuple[Claimant, ...]
    figures: tuple[FigureSummary, ...]
    revisions: tuple[Revision, ...]
    aliases: tuple[str, ...] = ()     # ids of events merged into this one
    independent_source_count: int = 0  # near-copies of one story count once
    first_published: date | None = None
    parts: tuple[str, ...] = ()       # ids of the events that are part_of this one

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return tuple(f.conflict for f in self.figures if f.conflict)

    def mention_keys(self) -> tuple[str, ...]:
        return tuple(m.key for m in self.mentions)

    def to_dict(self) -> dict[str, Any]:
        data = self.representative.to_dict()
        data["id"] = self.id
        data.update({
            "sources": [s.to_dict() for s in self.sources],
            "source_count": self.source_count,
            "independent_source_count": self.independent_source_count,
            "mention_count": len(self.mentions),
            "claimants": [c.to_dict() for c in self.claimants],
            "figures": [f.to_dict() for f in self.figures],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "revisions": [r.to_dict() for r in self.revisions],
            "aliases": list(self.aliases),
            "parts": list(self.parts),
            "first_published": self.first_published.isoformat() if self.first_published else None,
        })
        return data


@dataclass(frozen=True, slots=True)
class FusionResult:
    """Fused events, and for each id merged away the id that survived."""

    events: tuple[FusedEvent, ...]
    aliases: dict[str, str] = field(default_factory=dict)  # old id -> surviving id
    similarity: str = "lexical"  # which sentence similarity was used

    def event_of(self) -> dict[str, str]:
        """mention key -> fused event id."""
        return {m.key: ev.id for ev in self.events for m in ev.mentions}
