"""Airspace violations: drones or aircraft entering a country's airspace, debris falling.

The place is the country whose airspace was entered; where the sentence names
it only as the subject ("Romania scrambled jets after drones entered its
airspace") or the reporter ("Moldova reported drone fragments"), that is it.
"""
from __future__ import annotations

import re

from ..facts import SentenceFacts
from .base import Context, Draft, claimant, status_of, veto
from .common import RATE, FamilyComponent
from .where import OVERFLY, event_places, overflown
from .counts import attach_quantities, singular_weapons
from ..lexicon import load_lexicon


def _negated(tok) -> bool:
    """'no violation of its airspace was recorded' (the negation may sit a word or two above)."""
    cur = tok
    for _ in range(3):
        if any(c.lower_ in ("no", "not", "never") or c.dep_ == "neg" for c in cur.children):
            return True
        if cur.head is cur:
            break
        cur = cur.head
    return False


def _origin(place) -> bool:
    head = place.root.head
    if overflown(place):
        return False  # "a missile that flew over northern Japan": Japan's airspace
    return place.root.dep_ == "pobj" and head.lower_ in ("from", "over") and head.head.lower_ != "airspace"


GUARD_VERBS = load_lexicon().words["airspace.guard_verbs"]
MILITARY_CRAFT = re.compile(r"\b(missiles?|drones?|rockets?|UAVs?|warplanes?|bombers?|fighter jets?|fighters|"
                            r"military (aircraft|planes?|helicopters?))\b", re.I)
CROSSING = load_lexicon().words["airspace.crossing_words"]
AIRBORNE = re.compile(r"\b(drones?|aircraft|jets?|planes?|helicopters?|missiles?|balloons?|UAVs?|airspace)\b", re.I)


def _airspace_owner(facts: SentenceFacts, ctx: Context) -> tuple[str, str] | None:
    """'Polish airspace', "Poland's airspace": (country code, words)."""
    for tok in facts.sent:
        if tok.lower_ != "airspace":
            continue
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and ctx.country_code:
                code = ctx.country_code(child.text)
                if code:
                    return code, child.text
    return None


def _violator_shot_down(tok) -> bool:
    """'shot down drones that violated its airspace': the violation happened, then the shoot-down."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "relcl":
            return True
        if anc.pos_ == "VERB" and anc.dep_ != "relcl" and anc is not tok:
            return False
    return False


class AirspaceComponent(FamilyComponent):
    family = "airspace"
    types = {"airspace_violation"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        triggers = [t for t in facts.triggers if t.type in self.types and not _negated(t.token)
                    and not (t.token.dep_ in ("dobj", "pobj") and t.token.head.lemma_.lower() in GUARD_VERBS)]
        if not triggers:
            return []
        if triggers[0].subtype == "debris" and any(t.type == "attack" and not t.weak for t in facts.triggers):
            return veto(facts, self.family, "debris of a strike on one's own city is part of the strike")
        if any(t.role == "intercept" for t in facts.triggers) and not _violator_shot_down(triggers[0].token):
            return veto(facts, self.family, '"intercepted a missile before it crossed into X": the interception is the news')
        if RATE.search(facts.text):
            return veto(facts, self.family, '"has dropped up to 3,000 glide bombs a month": a rate, not an incident')
        if all(t.token.lemma_.lower() in CROSSING for t in triggers) and not AIRBORNE.search(facts.text):
            return veto(facts, self.family, '"troops crossed the border": a ground move, not an airspace violation')
        if all(t.token.lemma_.lower() in OVERFLY for t in triggers) and not MILITARY_CRAFT.search(facts.text):
            return veto(facts, self.family, '"helicopters flew over Khartoum", "a plane carrying the minister": no incursion')
        if all(t.token.lemma_.lower() in OVERFLY for t in triggers) and not any(
                overflown(p) and not p.is_modifier and p.root.ent_type_ in ("GPE", "LOC") and "water" not in p.text.lower()
                for p in facts.places):
            return veto(facts, self.family, '"flying over neutral waters": over no one\'s country')
        main = triggers[0]
        places = event_places(facts, [t for t in facts.triggers if not t.weak], self.types,
                              exclude_speakers=False)
        # "drones entered from Belarus": the origin is not where the violation happened
        places = [p for p in places if not _origin(p)]
        flown_over = [p for p in facts.places if overflown(p) and not p.is_modifier]
        if flown_over:
            places = flown_over   # "North Korea fired a missile that flew over northern Japan": Japan
        if not places:
            places = [p for p in facts.places if not p.is_modifier and not _origin(p)][:1]
        owner_country = _airspace_owner(facts, ctx)
        if owner_country is not None:
            # "entered Polish airspace during an attack on Ukraine": Poland's airspace, its places only
            places = [p for p in places if (p.country_hint or ctx.country_code(p.text)) == owner_country[0]
                      and not p.is_country]
        claimed_by, _ = claimant(facts, main.token, ctx)
        subtype = main.subtype
        if subtype != "debris" and any(w in facts.text.lower() for w in ("aircraft", "jet", "plane", "helicopter")) \
                and "drone" not in facts.text.lower():
            subtype = "aircraft_incursion"
        out = []
        for place in places or [None]:
            d = Draft(type="airspace_violation", facts=facts, trigger=main.token, subtype=subtype,
                      status=status_of(main.token), claimed_by=claimed_by, date=facts.best_time(),
                      confidence=0.65)
            d.place = place
            if place is None and owner_country is not None:
                d.nationwide = True
                d.nation, d.nation_text = owner_country
            out.append(d)
        if len(out) == 1:
            attach_quantities(out[0], facts, ctx.lex, facts.numbers)
            out[0].fatalities = out[0].injured = None   # a crossing counts aircraft, not victims
            singular_weapons(out[0], facts, ctx.lex)
        return out
