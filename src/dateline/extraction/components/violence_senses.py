"""Which uses of violent words are events: crowd control, figurative senses, tolls of an attack
already told, a speaker's words about it, missile tests. The word lists are data
(patterns/senses.jsonl, each with an id)."""
from __future__ import annotations

import re

from ..lexicon import load_lexicon
from .base import Draft, claimant, status_of, trigger_actor
from .where import is_water
from .counts import attach_quantities

CROWD_CONTROL = re.compile(r"\b(tear ?gas|teargas|rubber bullets?|water cannons?|warning shots|pepper spray|stun grenades?)\b", re.I)


def crowd_control(tok) -> bool:
    """'police fired tear gas at protesters': crowd control, told with the protest (ACLED's
    protest with intervention), not a strike."""
    if tok.lemma_.lower() not in ("fire", "shoot", "use", "launch"):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
    return any(CROWD_CONTROL.search(" ".join(t.text for t in c.subtree)) for c in objects)


def missile_test(facts, main, ctx) -> Draft:
    d = Draft(type="military_movement", facts=facts, trigger=main.token, subtype=None, status=status_of(main.token),
              date=facts.best_time(main.token), confidence=0.6)
    actor = trigger_actor(main.token, ctx)
    if actor is not None and any(a.speaker is not None and actor.name in a.speaker.text for a in facts.attributions):
        actor = None   # "the U.S. military said it detected two launches": who watched, not who fired
    d.actors = [actor] if actor else []
    d.claimed_by = claimant(facts, main.token, ctx)[0]
    attach_quantities(d, facts, ctx.lex, list(facts.numbers))
    d.fatalities = d.injured = None
    d.place = next((p for p in facts.places if not p.is_modifier and not is_water(p)
                    and p.root.dep_ == "pobj" and p.root.head.lower_ == "from"), None)
    return d


def told_before(triggers, facts) -> bool:
    """'Two soldiers were wounded during the clashes', 'was killed in that airstrike': the figures
    belong to the fight or strike the article told before."""
    for t in triggers:
        tok = t.token
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "in", "by") \
                and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "those", "these") for c in tok.children) \
                and not any(c.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for c in tok.subtree):
            return True
    return False


REFERRING = load_lexicon().words["violence.referring_determiners"]


def spoken_of(tok, facts) -> bool:
    """A definite mention of an attack ("the attack", "Tuesday's attack", "such attacks") inside what a
    speaker says, or as the object of a claim of responsibility or blame."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "poss") or (c.dep_ == "amod" and c.lower_ == "such")]
    if not dets or not (dets[0].lower_ in REFERRING or dets[0].ent_type_ in ("DATE", "TIME")):
        return False
    speech = {a.verb.i for a in facts.attributions if a.verb is not None}
    return any(anc.i in speech or anc.lemma_.lower() in ("blame", "claim", "condemn", "denounce") for anc in tok.ancestors)


# "markets hit record highs", "the bill was struck down", "a storm battered the coast":
# strike verbs whose subject or object shows they are not violence
FIGURATIVE_SUBJECTS = load_lexicon().senses["figurative.subjects"]
FIGURATIVE_OBJECTS = load_lexicon().senses["figurative.objects"]
FIGURATIVE_VERBS = load_lexicon().senses["figurative.verbs"]


def figurative(tok) -> bool:
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in FIGURATIVE_VERBS:
        return False
    for c in tok.children:
        lemma = c.lemma_.lower()
        if c.dep_ in ("nsubj", "nsubjpass") and lemma in FIGURATIVE_SUBJECTS:
            return True
        if c.dep_ == "dobj" and lemma in FIGURATIVE_OBJECTS:
            return True
        if c.dep_ == "agent" and any(g.lemma_.lower() in FIGURATIVE_SUBJECTS for g in c.children):
            return True   # "was struck down by the supreme court"
    return False


# attack words that name no method: with a word of fighting beside them, the event is a clash
GENERIC_ATTACK = load_lexicon().senses["attack.generic"]
