"""Protests: demonstrations, rallies, marches, riots, strikes by civilians."""
from __future__ import annotations

from ..facts import SentenceFacts
from .base import Context, Draft
from .common import FamilyComponent, per_place_drafts


class ProtestComponent(FamilyComponent):
    family = "protest"
    types = {"protest"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        if facts.has_phrase(ctx.lex.phrases.get("generic", [])):
            return []
        drafts = per_place_drafts(facts, ctx, self.types, split=False, drop_subject_places=False)
        # a protest needs something concrete: a place, a count or a time
        return [d for d in drafts if d.place or facts.numbers or facts.times]
