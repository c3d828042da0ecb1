"""The tracker's data: proposals, their versions and provisions, and the parties'
stances on them. Frozen dataclasses; ``to_dict()`` renders the JSON of
``dateline proposals --format json`` (documented in docs/tracker.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Position = Literal["supports", "opposes", "demands", "conditional", "rejects"]
POSITIONS: tuple[str, ...] = ("supports", "opposes", "demands", "conditional", "rejects")
VersionKind = Literal["original", "revision"]
PROPOSAL_TARGET = "proposal"  # a stance on the proposal as a whole


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """The sentence a finding rests on: ``article text[start:end] == sentence``."""

    sentence: str
    article_id: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "article_id": self.article_id,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Version:
    """One text of a proposal: the original draft or a revision."""

    label: str
    kind: VersionKind
    date: date | None = None  # the date the text gives, else the first article's date
    venue: str | None = None
    points: int | None = None
    evidence: EvidenceRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "kind": self.kind,
                "date": self.date.isoformat() if self.date else None,
                "venue": self.venue, "points": self.points,
                "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True, slots=True)
class Provision:
    """A normalised topic of a proposal ("army_size"), with the words and figures as written."""

    id: str
    topic: str
    text: str
    figures: tuple[int, ...] = ()
    version: str | None = None  # label of the version it was first seen in
    removed_in: str | None = None  # label of the version that dropped it
    evidence: EvidenceRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "topic": self.topic, "text": self.text,
                "figures": list(self.figures), "version": self.version,
                "removed_in": self.removed_in,
                "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True, slots=True)
class Stance:
    """A party's position on a proposal or one of its provisions, as one article reports it."""

    party: str
    target: str  # a provision id, or "proposal"
    position: Position
    evidence: EvidenceRef
    date: date | None = None
    source: str | None = None  # where it was published (URL, site or title)
    speaker: str | None = None  # the words that name who took the position
    quote: str | None = None
    version: str | None = None  # the version the stance is about, when the text says

    def to_dict(self) -> dict[str, Any]:
        return {"party": self.party, "target": self.target, "position": self.position,
                "evidence": {"sentence": self.evidence.sentence,
                             "article_id": self.evidence.article_id,
                             "start": self.evidence.start, "end": self.evidence.end},
                "date": self.date.isoformat() if self.date else None,
                "source": self.source, "speaker": self.speaker, "quote": self.quote,
                "version": self.version}


@dataclass(frozen=True, slots=True)
class Proposal:
    id: str
    name: str
    sponsor: str | None
    conflict: str | None = None
    aliases: tuple[str, ...] = ()
    versions: tuple[Version, ...] = ()
    provisions: tuple[Provision, ...] = ()
    stances: tuple[Stance, ...] = ()
    articles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "sponsor": self.sponsor,
                "conflict": self.conflict, "aliases": list(self.aliases),
                "versions": [v.to_dict() for v in self.versions],
                "provisions": [p.to_dict() for p in self.provisions],
                "stances": [s.to_dict() for s in self.stances],
                "articles": list(self.articles)}

    def provision(self, provision_id: str) -> Provision | None:
        return next((p for p in self.provisions if p.id == provision_id), None)
