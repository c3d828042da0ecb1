"""Each party's latest stance on the proposals the period's articles discuss, from the
proposals tracker (dateline.tracker) run over those articles only."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from ..models import Article, Extraction


@dataclass(frozen=True, slots=True)
class StanceLine:
    proposal: str
    conflict: str | None  # the tracker's conflict key, e.g. "russia-ukraine"
    party: str
    position: str  # supports, opposes, demands, conditional, rejects
    target: str    # "the proposal" or the provision's words
    sentence: str
    article_id: str
    date: date | None
    speaker: str | None
    quote: str | None

    @property
    def url(self) -> str:
        return f"/articles/{self.article_id}"

    def to_dict(self) -> dict[str, Any]:
        return {"proposal": self.proposal, "conflict": self.conflict, "party": self.party, "position": self.position,
                "target": self.target, "sentence": self.sentence, "article_id": self.article_id,
                "url": self.url, "date": self.date.isoformat() if self.date else None,
                "speaker": self.speaker, "quote": self.quote}


# Articles that name no plan, proposal, deal or talks hold no stance on one: the
# tracker (which compiles its patterns per article) reads only the others.
TALKS = re.compile(r"\b(?:plan|proposal|draft|deal|agreement|accord|ceasefire|truce|peace|"
                   r"talks|negotiat\w*|framework|settlement|initiative)s?\b", re.IGNORECASE)


def latest_stances(articles: Sequence[tuple[str, Article]]) -> tuple[StanceLine, ...]:
    """Per proposal and party: the stance on the proposal as a whole, else on the
    provision the party spoke of last (the tracker keeps the latest per cell)."""
    articles = [(aid, a) for aid, a in articles if TALKS.search(a.text)]
    if not articles:
        return ()
    from .. import tracker

    lines = []
    for proposal in tracker.build([(aid, Extraction(article, ())) for aid, article in articles]):
        grid = tracker.matrix(proposal)
        provisions = {p.id: p.text for p in proposal.provisions}
        for party in grid["parties"]:
            cells = [(target, grid["cells"][(party, target)]) for target in grid["targets"]
                     if (party, target) in grid["cells"]]
            if not cells:
                continue
            whole = [c for c in cells if c[0] == "proposal"]
            target, stance = whole[0] if whole else max(
                cells, key=lambda c: c[1].date or date.min)
            lines.append(StanceLine(
                proposal.name, proposal.conflict, party, stance.position,
                "the proposal" if target == "proposal" else provisions.get(target, target),
                stance.evidence.sentence, stance.evidence.article_id, stance.date,
                stance.speaker, stance.quote))
    return tuple(lines)
