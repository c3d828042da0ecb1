"""Military movements: scrambled jets, deployments, mobilisation.

Verbs only ("Romania scrambled fighter jets", "deployed troops"): a noun such
as "mobilisation tactics" is background, not a movement.
"""
from __future__ import annotations

from ..actors import actor_from_span
from ..facts import SentenceFacts, noun_phrase
from .base import Context, Draft
from .common import FamilyComponent, per_place_drafts
from ..lexicon import load_lexicon


DENY = load_lexicon().words["movement.denial_verbs"]
SIGHTING = load_lexicon().words["movement.sighting_verbs"]


def _background(tok) -> bool:
    """'Burundi, which has deployed troops in Congo' (scene-setting), 'Kigali denies deploying troops'."""
    if tok.dep_ == "relcl" and any(c.lower_ in ("which", "who") for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("could", "can", "might") for c in tok.children):
        return True  # "only a fraction could be deployed quickly": a capacity, not a move
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("are", "is", "remain", "remains") for c in tok.children):
        return True  # "About 28,500 US troops are stationed in South Korea": a standing fact
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return True  # "a firefight with Kenyan troops stationed at the base": who they are, not a move
    return any(a.lemma_.lower() in DENY for a in list(tok.ancestors)[:2])


class MovementComponent(FamilyComponent):
    family = "movement"
    types = {"military_movement"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        if not any(t.type in self.types and (t.token.pos_ == "VERB" or t.token.dep_ in ("dobj", "nsubjpass", "nsubj"))
                   and not _background(t.token) for t in facts.triggers):
            return []
        drafts = per_place_drafts(facts, ctx, self.types, split=False)
        for d in drafts:
            if d.trigger is not None and d.trigger.lemma_.lower() in SIGHTING:
                # "the ministry detected 35 Chinese aircraft": the aircraft moved, the ministry watched
                seen = next((c for c in d.trigger.children if c.dep_ == "dobj"), None)
                actor = actor_from_span(noun_phrase(seen), ctx.actors, ctx.lex) if seen is not None else None
                d.actors = [actor] if actor is not None else []
            if d.place is None:
                # "In Romania, the ministry said jets were scrambled": the sentence's frame place
                d.place = next((p for p in facts.places if not p.is_modifier), None)
            if d.place is None and d.actors and d.actors[0].country:
                # "Romania scrambled jets", "Japan's Air Self-Defense Force scrambled jets":
                # the actor's country is where it happened
                for p in facts.places:
                    if p.text == d.actors[0].name or (p.is_modifier and p.is_country
                                                      and ctx.country_code(p.text) == d.actors[0].country):
                        d.place = p
                        break
        return drafts
