"""Territorial change: advances, captures, claims of capture, withdrawals.

One draft per place ("gains around A, B and parts of the C region" is three).
A capture announced by the side that made it is a claim (subtype capture_claim).
"""
from __future__ import annotations

from ..facts import SentenceFacts
from .base import Context, Draft
from .common import FamilyComponent, per_place_drafts
from ..lexicon import load_lexicon


PICTURES = load_lexicon().words["territory.figurative_capture_objects"]
ATTEMPT = load_lexicon().words["territory.attempt_verbs"]


def _attempted(tok) -> bool:
    """'a unit trying to advance on the village', 'failed to take the town': no ground changed hands."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ATTEMPT:
        return True
    if tok.pos_ == "NOUN" and any(c.lower_ in AHEAD_MODIFIERS for c in tok.children if c.dep_ == "amod"):
        return True   # "reservists for the planned offensive": none yet
    # "ordered the PLA to be capable of taking Taiwan": an ability, not a capture
    return tok.dep_ == "pcomp" and tok.head.head.lemma_.lower() in ("capable", "able", "ready", "prepared")


CRAFT = load_lexicon().words["territory.craft_nouns"]
AHEAD_MODIFIERS = load_lexicon().words["territory.ahead_modifiers"]
TAKEN_NOT_GROUND = load_lexicon().words["territory.taken_not_ground"]


def _weapon_subject(tok, ctx: Context) -> bool:
    """'a drone entered Romanian airspace near the village of X', 'Chinese warships and bombers
    encircled Taiwan': weapons, ships and aircraft take no ground."""
    for c in tok.children:
        if c.dep_ != "nsubj":
            continue
        heads = [c] + [t for t in c.subtree if t.dep_ == "conj"]
        if ctx.lex.weapon_of(c.text) or any(h.lemma_.lower() in CRAFT for h in heads):
            return True
    return False


def _from_named(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
               for c in tok.children)


def _speakers_own(trigger) -> bool:
    """'Aliyev said his forces had taken X', 'the ministry said its units captured Y': the
    speaker's own side, so a claim of capture."""
    if trigger is None:
        return False
    heads = [trigger] + ([trigger.head] if trigger.dep_ == "conj" else [])
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(p.dep_ == "poss" and p.lower_ in ("his", "her", "its", "their", "our")
                                                      for p in c.children)
               for h in heads for c in h.children)


class TerritoryComponent(FamilyComponent):
    family = "territory"
    types = {"territorial_change"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        original = facts.triggers
        # "seized power" is a coup, "tanks moving towards X" a movement: not ground taken
        facts.triggers = [t for t in original if not (
            t.type == "territorial_change" and (
                any(c.dep_ == "dobj" and (c.lemma_.lower() in TAKEN_NOT_GROUND
                                          or (c.lemma_.lower() == "part" and t.token.lemma_.lower() == "take"))
                    for c in t.token.children)   # "took part" is no capture; "captured part of X" is
                # "footage captured plumes of smoke", "captured the moment": a picture, not ground
                or any(c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in PICTURES for c in t.token.children)
                # "seized a weapons cache", "captured 20 rifles": arms, not ground (see coercion.py)
                or any(t2.type == "other" and t2.token.i == t.token.i for t2 in original)
                or (t.token.dep_ in ("acl", "amod") and t.token.pos_ == "VERB")
                or (t.token.tag_ in ("VBZ", "VBP") and t.subtype == "capture")  # "while the RSF occupies ..."
                or _attempted(t.token) or _weapon_subject(t.token, ctx)
                # "hopes to press North Korea to work toward ...": pressure on someone, not ground
                or (t.token.lemma_.lower() == "press" and any(c.dep_ == "dobj" for c in t.token.children))))]
        try:
            # "the town of Bakhmut fell to Russian forces": the subject is the ground taken
            fell = any(t.type in self.types and t.token.lemma_.lower() == "fall" and t.token.pos_ == "VERB"
                       for t in facts.triggers)
            drafts = per_place_drafts(facts, ctx, self.types, require_place=True, drop_subject_places=not fell)
            if not drafts:
                # "took control of a series of hilltops": a capture of unnamed ground is still one
                drafts = [d for d in per_place_drafts(facts, ctx, self.types)
                          if d.trigger is not None and d.trigger.pos_ == "VERB" and (
                              (d.subtype == "capture" and any(c.dep_ == "dobj" for c in d.trigger.children))
                              # "forces withdrew from Lastochkyne": a named place left, even one unknown
                              or (d.subtype == "withdrawal" and _from_named(d.trigger)))]
        finally:
            facts.triggers = original
        for d in drafts:
            actor = d.actors[0] if d.actors else None
            if d.claimed_by and d.status == "reported":
                claimant_country = None
                for a in facts.attributions:
                    if a.speaker is not None:
                        from ..actors import actor_from_span
                        who = actor_from_span(a.speaker, ctx.actors, ctx.lex)
                        claimant_country = who.country if who else None
                        break
                if actor is None or (claimant_country and actor.country in (None, claimant_country)) \
                        or _speakers_own(d.trigger):
                    d.status = "claimed"
            if d.status == "claimed" and d.subtype == "capture":
                d.subtype = "capture_claim"
        return drafts
