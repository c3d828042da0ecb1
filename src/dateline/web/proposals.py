"""The peace-process tracker's view for the web: proposals built from stored articles.

The matrix has one column per version of the proposal (a party may accept a first
draft and reject the revision) and one per provision, and each cell is the party's
latest stance there, by date and then by order in the text; an earlier, different
stance is kept beside it, so a change of mind shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine

from .. import tracker
from ..tracker.build import PROPOSAL_TARGET
from ..tracker.models import Proposal, Stance
from ..tracker.storage import stored_articles

POSITION_CLASS = {"supports": "pos-supports", "opposes": "pos-opposes", "rejects": "pos-rejects",
                  "demands": "pos-demands", "conditional": "pos-conditional"}


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the matrix: a version of the whole proposal, or a provision."""

    target: str         # "proposal" or a provision id
    version: str | None  # the version label, for the proposal's columns
    label: str


def _version_of(stance: Stance, proposal: Proposal) -> str | None:
    """The version a stance on the whole proposal is about: the one the text names,
    else the latest version known on the stance's date (else the first one)."""
    if stance.version or not proposal.versions:
        return stance.version
    dated = [v for v in proposal.versions
             if v.date is not None and stance.date is not None and v.date <= stance.date]
    return (dated[-1] if dated else proposal.versions[0]).label


def _columns(proposal: Proposal, keyed: list[tuple[tuple[str, str | None], Stance]]
             ) -> list[Column]:
    used = {key for key, _ in keyed}
    labels = [v.label for v in proposal.versions]
    versions = [label for label in labels if (PROPOSAL_TARGET, label) in used]
    versions += sorted({v for t, v in used if t == PROPOSAL_TARGET and v not in labels},
                       key=lambda v: (v is not None, v or ""))
    if len(versions) <= 1:  # one text, or none named: a single "the proposal" column
        columns = [Column(PROPOSAL_TARGET, v, "the proposal") for v in versions]
    else:
        columns = [Column(PROPOSAL_TARGET, v, f"the proposal: {v}" if v is not None
                          else "the proposal (version not stated)") for v in versions]
    columns += [Column(p.id, None, p.text) for p in proposal.provisions
                if (p.id, None) in used]
    return columns


def _cell(latest: Stance, earlier: Stance | None) -> dict[str, Any]:
    return {"position": latest.position, "css": POSITION_CLASS.get(latest.position, ""),
            "article_id": latest.evidence.article_id, "sentence": latest.evidence.sentence,
            "start": latest.evidence.start, "end": latest.evidence.end,
            "date": latest.date.isoformat() if latest.date else None,
            "earlier": None if earlier is None else {
                "position": earlier.position,
                "date": earlier.date.isoformat() if earlier.date else None}}


def proposal_grid(proposal: Proposal) -> dict[str, Any]:
    """Parties x columns: each cell the latest stance, with the last different one before it."""
    ordered = sorted(enumerate(proposal.stances), key=lambda x: (x[1].date or date.min, x[0]))
    keyed = [((s.target, _version_of(s, proposal) if s.target == PROPOSAL_TARGET else None), s)
             for _, s in ordered]
    history: dict[tuple[str, tuple[str, str | None]], list[Stance]] = {}
    for key, stance in keyed:
        history.setdefault((stance.party, key), []).append(stance)
    columns = _columns(proposal, keyed)
    parties = list(dict.fromkeys(s.party for s in proposal.stances))
    rows = []
    for party in parties:
        cells = []
        for column in columns:
            told = history.get((party, (column.target, column.version)), [])
            if not told:
                cells.append(None)
                continue
            latest = told[-1]
            earlier = next((s for s in reversed(told[:-1]) if s.position != latest.position), None)
            cells.append(_cell(latest, earlier))
        rows.append({"party": party, "cells": cells})
    return {"columns": columns, "rows": rows}


def proposals_view(engine: Engine) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The tracker's JSON, and per proposal a grid ready for a template."""
    proposals = tracker.build(stored_articles(engine))
    views = []
    for proposal in proposals:
        grid = proposal_grid(proposal)
        several = sum(c.target == PROPOSAL_TARGET for c in grid["columns"]) > 1
        targets = [{"id": f"{c.target}@{c.version}" if several and c.target == PROPOSAL_TARGET
                    else c.target, "version": c.version, "label": c.label}
                   for c in grid["columns"]]
        labels = {PROPOSAL_TARGET: "the proposal"}
        labels.update({p.id: p.text for p in proposal.provisions})
        views.append({"proposal": proposal.to_dict(), "targets": targets, "rows": grid["rows"],
                      "timeline": [{**s.to_dict(), "target_label": labels.get(s.target, s.target)}
                                   for s in tracker.timeline(proposal)]})
    return tracker.to_dict(proposals), views
