"""Diplomacy: talks and meetings, visits, agreements.

A meeting needs something concrete (a venue, a counterpart, a time); "while
Ukraine negotiates abroad" is not one. A visit's place is its destination.
"""
from __future__ import annotations

from ..facts import SentenceFacts
from .base import Context, Draft, noun_phrase
from .common import FamilyComponent, per_place_drafts, wished as _wished
from ..actors import actor_from_span
from ...models import Target
from ..lexicon import load_lexicon

COUNTERPART_PREPS = load_lexicon().words["diplomacy.counterpart_prepositions"]


def counterparts(draft: Draft, ctx: Context) -> list[Target]:
    tok = draft.trigger
    out = []
    if tok is None:
        return out
    for child in tok.children:
        objs = []
        if child.dep_ == "dobj":
            objs = [child]
        elif child.dep_ == "prep" and child.lower_ in COUNTERPART_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
        for obj in objs:
            actor = actor_from_span(noun_phrase(obj), ctx.actors, ctx.lex)
            if actor and not ctx.lex.target_category(actor.name):
                out.append(Target(actor.name, actor.country, None))
    return out


MEDIA = load_lexicon().words["diplomacy.media_words"]
OFFICES = load_lexicon().words["diplomacy.office_words"]


def _spoken_to(draft: Draft):
    """The objects of 'spoke with / to ...', each with its words."""
    for prep in draft.trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield obj, {t.lower_ for t in obj.subtree}


def spoke_to_media(draft: Draft) -> bool:
    """'spoke to VOA by phone', 'spoke to reporters': an interview, no meeting."""
    return any(words & MEDIA or (obj.ent_type_ == "ORG" and not words & OFFICES) for obj, words in _spoken_to(draft))


def leaders_spoke(draft: Draft) -> bool:
    """'X spoke with / to President Y': a conversation between officials (a call, or talks where a
    venue is named), never 'spoke to reporters' or 'spoke to VOA by phone'."""
    return not spoke_to_media(draft) and any(obj.ent_type_ == "PERSON" or words & OFFICES
                                             for obj, words in _spoken_to(draft))


MEETING_VERBS = load_lexicon().words["diplomacy.meeting_verbs"]


MEETING_NOUNS = load_lexicon().words["diplomacy.meeting_nouns"]


def _agreed_to_meet(tok) -> bool:
    """'agreed to meet again', 'agreed to hold talks'; not 'agreed to continue close coordination'."""
    return tok is not None and tok.lemma_.lower() == "agree" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in MEETING_VERBS and (
            not any(g.dep_ == "dobj" for g in c.children)
            or any(g.dep_ == "dobj" and g.lemma_.lower() in MEETING_NOUNS for g in c.children))
        for c in tok.children)


SCHEDULE_VERBS = load_lexicon().words["diplomacy.schedule_verbs"]


def _present_of_schedule(tok) -> bool:
    head = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    return head is not None and head.tag_ in ("VBP", "VBZ") and head.lemma_.lower() in SCHEDULE_VERBS \
        and any(c.ent_type_ == "DATE" for c in head.children)


def _two_parties(tok) -> bool:
    """'Lavrov and Rubio had a telephone conversation': the call's parties are its subject."""
    verb = tok.head if tok.dep_ in ("dobj", "pobj", "attr") else tok
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "conj" for g in c.children):
            return True
    return False


def _purpose(tok) -> bool:
    """An infinitive of purpose hanging off another verb ('to finalise an agreement')."""
    if tok is None or tok.lemma_.lower() == "agree":
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive and tok.dep_ in ("advcl", "xcomp", "acl", "relcl") and \
        tok.head.lemma_.lower() not in PLANNING_HEADS


FACILITIES = load_lexicon().words["diplomacy.facility_nouns"]

TRAVELLERS_NOT_ENVOYS = load_lexicon().words["diplomacy.non_envoy_travellers"]
PLANNING_HEADS = load_lexicon().words["diplomacy.planning_verbs"]
HALT_VERBS = load_lexicon().words["diplomacy.halt_verbs"]
FIRE_NOUNS = load_lexicon().words["diplomacy.fire_nouns"]


def _facility_tour(tok) -> bool:
    """A tour of something that is no country or town ('a tour of an underground tunnel')."""
    if tok is None or tok.lemma_.lower() != "tour":
        return False
    objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ not in ("GPE", "LOC") for g in objects)


class DiplomacyComponent(FamilyComponent):
    family = "diplomacy"
    types = {"diplomatic_meeting", "visit", "agreement"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        out: list[Draft] = []
        for etype in ("visit", "diplomatic_meeting", "agreement"):
            drafts = per_place_drafts(facts, ctx, {etype}, split=False)
            for d in drafts:
                venue = [p for p in facts.places if p.root.dep_ == "pobj" and p.root.head.lower_ in ("in", "at")
                         and not p.is_modifier]
                subject = next((c for c in d.trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                    if d.trigger is not None else None
                if d.place is not None and subject is not None and d.place.root in subject.subtree:
                    # the parties' own places ("the leaders of Armenia ...") are not the venue
                    others = [p for p in facts.places if p.root not in subject.subtree and not p.is_modifier]
                    d.place = (venue or others or [None])[0]
                    if d.place is not None and d.place.root in subject.subtree:
                        d.place = None
                if d.place is not None and d.place.root.dep_ == "pobj" and d.place.root.head.lower_ in ("with", "between") and venue:
                    d.place = venue[0]  # "talks with Ukraine in Istanbul": the venue, not the counterpart
                if d.trigger is not None and d.trigger.lemma_.lower() in ("speak", "talk") and d.trigger.pos_ == "VERB":
                    by_phone = any(t.lower_ in ("phone", "telephone") for t in facts.sent)
                    if spoke_to_media(d) or (not by_phone and not leaders_spoke(d)):
                        continue  # "spoke to VOA by phone", "spoke to reporters": an interview
                    if venue:
                        d.subtype = "talks"   # "spoke with the Amir in Doha": met there
                    else:
                        d.place = None        # a call has no place of its own
                d.targets = counterparts(d, ctx)
                if etype == "diplomatic_meeting" and _present_of_schedule(d.trigger):
                    d.status = "planned"   # "Discussions resume Saturday": a schedule told in the present
                if etype == "agreement" and _agreed_to_meet(d.trigger):
                    # "agreed to meet again in early 2014": a meeting arranged, not a deal
                    d.type, d.subtype, d.status = "diplomatic_meeting", "talks", "planned"
                if etype == "diplomatic_meeting" and not (d.place or d.targets or d.date) \
                        and not (d.subtype == "call" and _two_parties(d.trigger)):
                    continue
                if etype == "visit" and not d.place:
                    continue
                if etype == "visit" and _facility_tour(d.trigger):
                    continue  # "led journalists on a tour of a tunnel": a guided tour, no visit
                if d.trigger is not None and d.trigger.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ == "since" for c in d.trigger.children):
                    continue  # "the first incident since the two countries initialled a peace agreement"
                if etype == "agreement" and subject is not None and subject.lemma_.lower() in FACILITIES \
                        and d.trigger.lemma_.lower() in HALT_VERBS:
                    continue  # "the port suspended operations": a closure, not a ceasefire
                traveller = subject if subject is not None else (
                    d.trigger.head if d.trigger is not None and d.trigger.dep_ in ("acl", "relcl") else None)
                if etype == "visit" and traveller is not None and traveller.lemma_.lower() in TRAVELLERS_NOT_ENVOYS:
                    continue  # "displaced families arriving in El Obeid": people fleeing, not a visit
                if etype == "agreement" and d.trigger is not None and d.trigger.pos_ == "NOUN" \
                        and d.trigger.lemma_.lower() not in ("swap", "exchange", "ceasefire", "truce"):
                    continue
                if _wished(d.trigger):
                    continue  # "protesters demanded a deal": wanted, not done or arranged
                if d.trigger is not None and d.trigger.lemma_.lower() == "round" and (
                        any(c.lower_ in ("live", "rubber", "plastic") for c in d.trigger.children)
                        or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                            g.lemma_.lower() in FIRE_NOUNS for g in c.children) for c in d.trigger.children)):
                    continue  # "fired tear gas and live rounds", "rounds of ammunition": no talks
                if d.trigger is not None and d.trigger.dep_ == "xcomp" and \
                        d.trigger.head.lemma_.lower() in ("offer", "propose", "suggest"):
                    continue  # "Turkey has offered to host a round": an offer (a proposal), not a meeting
                if etype == "agreement" and d.trigger is not None and d.trigger.dep_ == "amod":
                    continue  # "the rush toward a US-brokered deal": a description, not a deal made
                if etype == "agreement" and d.trigger is not None and d.trigger.dep_ in ("csubj", "csubjpass"):
                    continue  # "Stopping Russian attacks will be the main focus": an aim, not a truce
                if d.trigger is not None and d.trigger.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ in ("until", "unless", "if", "once", "before") for c in d.trigger.children):
                    continue  # "will continue until Israel halts operations": a condition, not a deal
                if etype == "agreement" and _purpose(d.trigger):
                    continue  # "travel ... to finalise a peace agreement": a purpose, not a deal
                if d.status == "planned":
                    d.date = d.date if d.date and d.date.start else None
                out.append(d)
            if out and etype == "visit":
                # a visit sentence's "talks" are the visit's purpose, not another meeting
                facts_types = {t.type for t in facts.triggers}
                if "diplomatic_meeting" in facts_types and all(
                        t.token.i > out[0].trigger.i for t in facts.triggers if t.type == "diplomatic_meeting"):
                    break
        return out
