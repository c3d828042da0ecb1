"""The peace-process tracker's view for the web: proposals built from stored articles."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from .. import tracker
from ..tracker.storage import stored_articles

POSITION_CLASS = {"supports": "pos-supports", "opposes": "pos-opposes", "rejects": "pos-rejects",
                  "demands": "pos-demands", "conditional": "pos-conditional"}


def proposals_view(engine: Engine) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The tracker's JSON, and per proposal a grid ready for a template."""
    proposals = tracker.build(stored_articles(engine))
    views = []
    for proposal in proposals:
        grid = tracker.matrix(proposal)
        provisions = {p.id: p for p in proposal.provisions}
        rows = []
        for party in grid["parties"]:
            cells = []
            for target in grid["targets"]:
                stance = grid["cells"].get((party, target))
                cells.append(None if stance is None else {
                    "position": stance.position, "css": POSITION_CLASS.get(stance.position, ""),
                    "article_id": stance.evidence.article_id, "sentence": stance.evidence.sentence,
                    "start": stance.evidence.start, "end": stance.evidence.end,
                    "date": stance.date.isoformat() if stance.date else None})
            rows.append({"party": party, "cells": cells})
        targets = [{"id": t, "label": "the proposal" if t == "proposal"
                    else (provisions[t].text if t in provisions else t)} for t in grid["targets"]]
        labels = {t["id"]: t["label"] for t in targets}
        labels.setdefault("proposal", "the proposal")
        labels.update({p.id: p.text for p in proposal.provisions if p.id not in labels})
        views.append({"proposal": proposal.to_dict(), "targets": targets, "rows": rows,
                      "timeline": [{**s.to_dict(), "target_label": labels.get(s.target, s.target)}
                                   for s in tracker.timeline(proposal)]})
    return tracker.to_dict(proposals), views
