"""Across articles: proposals merged by conflict and sponsor, versions in order,
provisions by topic, stances accumulated into a timeline per party.

    build([(article_id, extraction), ...]) -> [Proposal]
    matrix(proposal) -> {"parties", "targets", "cells": {(party, target): Stance}}
    timeline(proposal, party) -> [Stance] oldest first
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..models import Extraction
from .findings import ArticleFindings, LocalProposal
from .lexicon import Lexicon, load
from .models import PROPOSAL_TARGET, Proposal, Provision, Stance, Version
from .reader import ArticleReader


def read_articles(extractions: Iterable[tuple[str, Extraction]],
                  lexicon: Lexicon | None = None) -> list[ArticleFindings]:
    lexicon = lexicon or load()
    return [ArticleReader(extraction, str(article_id), lexicon).read()
            for article_id, extraction in extractions]


def build(extractions: Iterable[tuple[str, Extraction]], *, lexicon: Lexicon | None = None) -> list[Proposal]:
    """Proposals told by these articles, each with its versions, provisions and stances."""
    return merge(read_articles(extractions, lexicon), lexicon=lexicon)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _key(conflict: str | None, sponsors: tuple[str, ...]) -> str:
    return f"{conflict or 'unknown'}.{'+'.join(_slug(s) for s in sorted(sponsors)) or 'unattributed'}"


def merge(findings: list[ArticleFindings], *, lexicon: Lexicon | None = None) -> list[Proposal]:
    lexicon = lexicon or load()
    ordered = sorted(findings, key=lambda f: (f.published or date.min, f.article_id))
    groups: dict[str, list[tuple[ArticleFindings, LocalProposal]]] = {}
    for found in ordered:
        for local in found.proposals:
            groups.setdefault(_key(local.conflict, tuple(local.sponsors)), []).append((found, local))
    return [_proposal(key, parts, lexicon) for key, parts in groups.items()]


def _proposal(key: str, parts: list[tuple[ArticleFindings, LocalProposal]], lexicon: Lexicon) -> Proposal:
    first = parts[0][1]
    sponsor = " & ".join(first.sponsors) if first.sponsors else None
    conflict = next((c for c in lexicon.conflicts if c.id == first.conflict), None)
    aliases = list(dict.fromkeys(a for _, local in parts for a in local.aliases))
    points = next((v.points for _, local in parts for v in local.versions if v.kind == "original" and v.points),
                  None) or next((local.points for _, local in parts if local.points), None)
    heads = [h for _, local in parts for h in local.heads]
    noun = max(("plan", "proposal", "framework", "agreement", "deal", "treaty", "accord", "declaration"),
               key=heads.count)
    noun = "plan" if points else noun
    name = " ".join(x for x in (sponsor, f"{points}-point" if points else None, noun) if x)
    if conflict:
        name += f" ({conflict.label})"
    versions = _versions(parts)
    revision_label = next((v.label for v in reversed(versions) if v.kind == "revision"), None)
    provisions: dict[str, Provision] = {}
    stances: list[Stance] = []
    for found, local in parts:
        for p in local.provisions:
            pid = f"{key}/{p.topic}"
            version = _label_for(versions, p.version, found.published)
            current = provisions.get(pid)
            if current is None:
                provisions[pid] = Provision(pid, p.topic, p.text, p.figures, version,
                                            revision_label if p.removed else None, p.evidence)
            elif p.removed and not current.removed_in:
                provisions[pid] = Provision(pid, current.topic, current.text, current.figures or p.figures,
                                            current.version, revision_label, current.evidence)
        for s in local.stances:
            target = PROPOSAL_TARGET if s.target == PROPOSAL_TARGET else f"{key}/{s.target}"
            stances.append(Stance(s.party, target, s.position, s.evidence, found.published, found.source,
                                  s.speaker, s.quote, _label_for(versions, s.version, found.published)))
    articles = tuple(dict.fromkeys(found.article_id for found, _ in parts))
    return Proposal(key, name, sponsor, first.conflict, tuple(aliases), tuple(versions),
                    tuple(provisions.values()), tuple(stances), articles)


def _versions(parts: list[tuple[ArticleFindings, LocalProposal]]) -> list[Version]:
    """One original; one revision per venue (an unplaced revision joins the latest one)."""
    original: Version | None = None
    revisions: list[Version] = []
    for found, local in parts:
        for v in local.versions:
            if v.kind == "original":
                if original is None:
                    original = Version("original draft", "original", found.published, None, v.points, v.evidence)
                elif v.points and not original.points:
                    original = Version(original.label, "original", original.date, None, v.points, original.evidence)
                continue
            same = next((r for r in revisions if v.venue and r.venue == v.venue), None)
            if same is None and not v.venue and revisions:
                same = revisions[-1]
            if same is None and v.venue and revisions and not revisions[-1].venue \
                    and revisions[-1].evidence and revisions[-1].evidence.article_id == v.evidence.article_id:
                same = revisions[-1]
            if same is None:
                label = f"{v.venue} revision" if v.venue else f"revision {len(revisions) + 1}"
                revisions.append(Version(label, "revision", found.published, v.venue, v.points, v.evidence))
            else:
                venue = same.venue or v.venue
                label = f"{venue} revision" if venue else same.label
                revisions[revisions.index(same)] = Version(label, "revision", same.date, venue,
                                                           same.points or v.points, same.evidence)
    return ([original] if original else []) + revisions


def _label_for(versions: list[Version], kind: str | None, published: object) -> str | None:
    if kind is None:
        return None
    candidates = [v for v in versions if v.kind == kind]
    if kind == "revision" and published is not None:
        dated = [v for v in candidates if v.date is None or v.date <= published]
        candidates = dated or candidates
    return candidates[-1].label if candidates else None


def matrix(proposal: Proposal) -> dict:
    """Party x target grid of the latest stance (by date, then by order in the text)."""
    cells: dict[tuple[str, str], Stance] = {}
    for stance in _chronological(proposal.stances):
        cells[(stance.party, stance.target)] = stance
    parties = list(dict.fromkeys(s.party for s in proposal.stances))
    targets = [PROPOSAL_TARGET] + [p.id for p in proposal.provisions
                                   if any(s.target == p.id for s in proposal.stances)]
    return {"parties": parties, "targets": targets, "cells": cells}


def matrix_to_dict(proposal: Proposal) -> dict:
    """The matrix as JSON: cells keyed "party|target"."""
    grid = matrix(proposal)
    return {"parties": grid["parties"], "targets": grid["targets"],
            "cells": {f"{p}|{t}": s.to_dict() for (p, t), s in grid["cells"].items()}}


def timeline(proposal: Proposal, party: str | None = None) -> list[Stance]:
    return [s for s in _chronological(proposal.stances) if party is None or s.party == party]


def _chronological(stances: Iterable[Stance]) -> list[Stance]:
    indexed = list(enumerate(stances))
    indexed.sort(key=lambda x: (x[1].date or date.min, x[0]))
    return [s for _, s in indexed]


def to_dict(proposals: list[Proposal]) -> dict:
    return {"proposals": [p.to_dict() for p in proposals]}
