"""What one article says about proposals, before proposals are merged across articles."""
from __future__ import annotations

from dataclasses import dataclass, field

from .models import EvidenceRef


@dataclass(frozen=True, slots=True)
class FoundVersion:
    kind: str  # original | revision
    venue: str | None
    points: int | None
    evidence: EvidenceRef


@dataclass(frozen=True, slots=True)
class FoundProvision:
    topic: str
    text: str
    figures: tuple[int, ...]
    version: str | None  # kind of the version it appears in
    removed: bool
    evidence: EvidenceRef
    start: int  # offsets of ``text`` in the article
    end: int


@dataclass(frozen=True, slots=True)
class FoundStance:
    party: str
    target: str  # a topic, or "proposal"
    position: str
    evidence: EvidenceRef
    speaker: str | None
    quote: str | None
    version: str | None


@dataclass(slots=True)
class LocalProposal:
    """A proposal as one article names it (mutable while the article is read)."""

    conflict: str | None
    sponsors: tuple[str, ...]
    aliases: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    points: int | None = None
    versions: list[FoundVersion] = field(default_factory=list)
    provisions: list[FoundProvision] = field(default_factory=list)
    stances: list[FoundStance] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleFindings:
    article_id: str
    title: str
    published: object  # date | None
    source: str | None
    conflict: str | None
    proposals: tuple[LocalProposal, ...]
