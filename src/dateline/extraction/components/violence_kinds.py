"""What kind of violence a sentence tells: the attack's subtype, whether fighters are armed,
whether a toll is a war's running total, and which uses are protest scuffles or threats."""
from __future__ import annotations

import re

from .base import Context
from ..lexicon import load_lexicon


SUBTYPE_WORDS = [
    (re.compile(r"\bshell(ed|ing|s)?\b|\bartillery\b|\bmortar", re.I), "shelling"),
    (re.compile(r"\bair ?strikes?\b|\bwarplanes?\b|\bair raids?\b|\bairstrikes?\b|\bjets?\b|\bbombers?\b|\bhelicopter", re.I), "air_strike"),
    (re.compile(r"\b(car|suicide|roadside|truck) bomb|\bexplosive device|\bIED\b|\bbombing\b", re.I), "bombing"),
    (re.compile(r"\bground (raid|assault|attack)|\bstormed\b|\bgunmen\b|\bambush", re.I), "ground_raid"),
]


MISSILE = re.compile(r"\bmissiles?\b|\bkinzhal|\biskander|\bkalibr|\brockets?\b", re.I)


DRONE = re.compile(r"\bdrones?\b|\bUAVs?\b|\bshahed", re.I)


GLIDE = re.compile(r"\bglide bombs?\b|\bguided (aerial )?bombs?\b", re.I)


def attack_subtype(text: str) -> str | None:
    missile, drone = bool(MISSILE.search(text)), bool(DRONE.search(text))
    if missile and drone:
        return "missile_drone_strike"
    if drone:
        return "drone_strike"
    if missile:
        return "missile_strike"
    if GLIDE.search(text):
        return "air_strike"
    for pattern, subtype in SUBTYPE_WORDS:
        if pattern.search(text):
            return subtype
    return None


ARMED = load_lexicon().words["violence.armed_nouns"]


# a gerund used as a noun ("fighting continued there") names the fight itself; only a verb
# ("they fought") needs an armed subject
NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj"}


CROWD = re.compile(r"\b(protesters?|demonstrators?|crowds?|marchers|rioters|rallies|rally-goers)\b", re.I)


POLICE = re.compile(r"\b(police|riot police|officers|policemen|security forces|riot squads?)\b", re.I)


def protest_scuffle(triggers) -> bool:
    """'Demonstrators ... clashed briefly with police', '... as riot police fired tear gas at crowds':
    violence between police and protesters, which the protest event carries. Not 'Police opened
    fire on demonstrators, killing two' (the police's own act, the sentence's main event), nor a
    bomb among protesters."""
    strong = [t for t in triggers if not t.weak]
    if not strong:
        return False
    for t in strong:
        tok = t.token
        subj = _own_subject(tok)
        who = " ".join(w.text for w in subj.subtree) if subj is not None else ""
        if CROWD.search(who):
            continue   # protesters clashed with police, burned tyres
        if subj is not None and subj.dep_ == "nsubjpass" and (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in PERSON_NOUNS):
            continue   # "a student was hit in the chest ... as riot police fired": the scuffle's victim
        if tok.lemma_.lower() in HARM_VERBS:
            continue   # the scuffle's toll ("nine officers were hurt")
        if tok.dep_ in ("advcl", "conj") and POLICE.search(who) and tok.pos_ == "VERB":
            continue   # "... as police fired tear gas at the crowd"
        return False
    return True


def _own_subject(tok):
    """A verb's subject, or the subject of the verb it is conjoined to ('gathered ... and clashed')."""
    for verb in (tok, tok.head if tok.dep_ == "conj" else None):
        if verb is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


PERSON_NOUNS = load_lexicon().words["violence.person_nouns"]


def threatened(tok) -> bool:
    """'Russia would keep striking ...', 'we will hit them': a threat, the speaker's statement."""
    # the trigger's own verb: itself, or the verb it completes ("would keep striking", parsed as a
    # complement or as a modifier of the object), not any verb above ("the strike will be investigated")
    verbs = [tok]
    if tok.dep_ == "xcomp":
        verbs.append(tok.head)
    elif tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj":
        verbs.append(tok.head.head)
    for verb in verbs:
        aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in ("will", "would", "shall", "'ll") for a in aux) and "have" not in aux:
            return True
    return False


def armed_subject(verb, ctx: Context) -> bool:
    """'Firefighters battled flames' is no clash: fighting needs armed parties (the subject decides
    when there is one; 'blazes in the Pechersk district' does not arm the firefighters)."""
    def armed(child) -> bool:
        return any(tok.lower_ in ARMED or tok.ent_type_ in ("NORP", "ORG", "GPE") or tok.text in ctx.lex.actors
                   for tok in child.subtree)

    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return any(armed(c) for c in subjects)
    return any(armed(c) for c in verb.children
               if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "against")))


# "The war that erupted in 2023 has killed tens of thousands": a running total
CUMULATIVE_RE = re.compile(r"\b(war|conflict|fighting|insurgency|violence|offensive|campaign)\b[^.;]{0,80}?"
                           r"\bha(s|ve)\s+(now\s+)?(killed|left|claimed|cost)"
                           r"|\bsince (the )?([\w-]+\s){1,3}(began|started|erupted|broke out|escalated|took effect)\b"
                           r"|\bha(s|ve)\s+(now\s+)?killed\b[^.;]{0,100}\bsince\b", re.I)


YEARS_LONG = re.compile(r"\bfor (nearly |almost |more than |over |about )?(two |three |four |several |many |\d+ )?"
                        r"(decades|years)\b"
                        r"|\bha(s|ve) (been )?(fought|fighting|battled|battling|clashed)\b[^.;]{0,40}"
                        r"\bfor (months|(nearly |almost |more than |over |about )?a (decade|year))\b", re.I)


def war_toll(facts) -> bool:
    """'The 14-month war that preceded the truce killed more than 4,000': a war as the killer is a
    running toll (not 'a drone strike on a war memorial killed five')."""
    return any(t.lemma_.lower() in ("war", "conflict", "insurgency") and t.dep_ == "nsubj"
               and t.head.lemma_.lower() in ("kill", "claim") for t in facts.sent)


# "The war began when Hamas-led fighters attacked southern Israel": how the war started, history
WAR_BEGAN = re.compile(r"(?<!since )\b(the|a|this) (war|conflict|insurgency|crisis) (began|started|erupted|broke out) "
                       r"(when|after|with)\b", re.I)


# "have killed 31 people since dawn on Tuesday": a day's toll, even beside "since October 2025"
DAILY_RE = re.compile(r"\bsince (dawn|daybreak|midnight|this morning|last night)\b|\b(in|over) the (past|last) 24 hours\b",
                      re.I)


EVENT_NOUNS = load_lexicon().words["violence.event_nouns"]
CARRY_OUT = load_lexicon().words["violence.carry_out_verbs"]
HARM_VERBS = load_lexicon().words["violence.harm_verbs"]


def carried_out(tok) -> bool:
    """A weak event noun (it may only be named in passing) that someone carries out."""
    return tok.lemma_.lower() in EVENT_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in CARRY_OUT
