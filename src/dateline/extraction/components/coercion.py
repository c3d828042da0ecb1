"""Coercion without combat: arrests and weapons seized (type `other`, subtypes `arrest` and
`weapons_seized`; ACLED's "Arrests" and "Disrupted weapons use", PLOVER's COERCE).

An armed group that "detains" civilians abducts them (an attack, subtype `abduction`); an
arrest is made by police, security services, soldiers or courts.
"""
from __future__ import annotations

import re

from ..facts import SentenceFacts
from .base import Context, Draft, veto
from .common import FamilyComponent, per_place_drafts
from ..lexicon import load_lexicon

# "took them to an unknown location": a forced disappearance, whoever holds them
DISAPPEARED = re.compile(r"unknown (location|destination)|whereabouts (are |remain )?unknown|incommunicado|disappeared", re.I)
GROUPS = load_lexicon().words["coercion.armed_group_words"]


class CoercionComponent(FamilyComponent):
    family = "other"
    types = {"other"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        mine = [t for t in facts.triggers if t.type in self.types]
        if not mine:
            return []
        drafts = per_place_drafts(facts, ctx, self.types, split=False)
        for d in drafts:
            if d.subtype == "arrest" and (_by_armed_group(d) or DISAPPEARED.search(facts.text)):
                # "militants detained 20 passengers": taken by an armed group, an abduction
                d.type, d.subtype = "attack", "abduction"
            d.confidence = 0.6
        if not drafts:
            return veto(facts, self.family, "an arrest or seizure word with nothing to attach it to")
        return drafts


def _by_armed_group(d: Draft) -> bool:
    subject = next((c for c in d.trigger.children if c.dep_ in ("nsubj", "agent")), None) if d.trigger is not None else None
    if subject is None:
        return False
    words = {t.lower_ for t in subject.subtree}
    return bool(words & GROUPS) and not words & {"police", "security", "army", "government"}
