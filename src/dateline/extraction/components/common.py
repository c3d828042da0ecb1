"""The shape every family component has, and the place and clause helpers they share
(counts live in counts.py)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..facts import PlaceMention, SentenceFacts
from .base import Context, Draft
from .violence_kinds import carried_out
from .where import event_places, split_places, subject_places
from ..lexicon import load_lexicon


PROVISION_RE = re.compile(r"\s*Under (the|a|an|this|that|its) ([\w-]+ ){0,3}(proposal|plan|deal|agreement|framework|"
                          r"accord|truce|ceasefire|roadmap|arrangement|draft|text)\b", re.I)


# "3,000 glide bombs a month": a rate, not an incident
RATE = re.compile(r"\b\d[\d,]*\s+[\w\s-]{0,30}?\b(a|per|every) (day|week|month|year)\b", re.I)

# "Under an agreement signed in Damascus in March 2025, ...": the signing itself is told
SIGNED_RE = re.compile(PROVISION_RE.pattern + r",? (signed|reached|agreed|concluded|brokered|sealed)\b", re.I)


class FamilyComponent:
    """Base of every family component: __call__ -> match -> set_annotations."""

    family = "other"

    def __init__(self, nlp: Language | None = None, name: str = "dateline_family"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        facts_list = doc._.dateline_facts or []
        ctx: Context | None = doc.user_data.get("dateline_ctx")
        if ctx is None:
            return doc
        drafts: list[Draft] = []
        for facts in facts_list:
            if self.family not in ("statement", "proposal") and PROVISION_RE.match(facts.text) \
                    and not (self.family == "diplomacy" and SIGNED_RE.match(facts.text)):
                continue  # "Under the plan, Russia would withdraw ...": a plan's terms, not events
            drafts.extend(self.match(facts, ctx))
        self.set_annotations(doc, drafts)
        return doc

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_annotations(self, doc: Doc, drafts: list[Draft]) -> None:
        if doc._.dateline_drafts is None:
            doc._.dateline_drafts = []
        doc._.dateline_drafts.extend(drafts)
        for d in drafts:
            d.facts.drafts.append(d)


WISH = load_lexicon().words["statements.wish_verbs"]


def _wish_verb(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "call":
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children)
    return lemma in WISH


def wished(tok) -> bool:
    """Inside what someone demands or urges ("urged allies to send troops"): not an event."""
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return False
        cur = cur.head
        if _wish_verb(cur):
            return True
    return False


AHEAD = load_lexicon().words["tense.ahead_modifiers"]

REACTION_VERBS = load_lexicon().words["statements.reaction_verbs"]

REFERENCE_DETS = load_lexicon().words["grammar.referring_determiners"]


def names_earlier_year(text: str, anchor) -> bool:
    """Does the text name a year before the news ('in 2009', 'the 1998-2000 war')?"""
    return anchor is not None and any(int(y) < anchor.year for y in re.findall(r"\b(?:19|20)\d\d\b", text))


def _of_an_earlier_year(trigger: Token, facts: SentenceFacts) -> bool:
    """A noun dated by a year before the news inside its own phrase ('the 1990 protests')."""
    return names_earlier_year(trigger.doc.text[trigger.left_edge.idx: trigger.idx], facts.anchor)


def _span_of_the_event(unit: Token) -> bool:
    """'ended the first of two days of talks', 'held three days of talks': the span is the event's
    own, not the history behind another ('after months of fighting')."""
    cur = unit
    while cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head is not cur.head:
        cur = cur.head.head   # "the first of two days": up to "first"
    return cur.dep_ in ("dobj", "nsubj", "nsubjpass") and cur.head.pos_ == "VERB"


def is_reference(trigger: Token, facts: SentenceFacts) -> bool:
    """'the attack showed ...': a noun that points back at an event told elsewhere; 'any attack on
    Uvira' (none happened); 'have fled the fighting' (the cause of a flight, told as background)."""
    if any(a.lemma_.lower() == "accuse" for a in list(trigger.ancestors)[:4]) and not any(
            t.ent_type_ in ("DATE", "TIME") for t in trigger.sent):
        return True  # "has been accused of carrying out several drone strikes": an accusation, undated
    if trigger.dep_ == "relcl" and trigger.head.pos_ == "NOUN":
        # "blames Pakistan for an attack ... that killed 26 men": the killing is that attack's
        return any(t.token.i == trigger.head.i for t in facts.triggers) and is_reference(trigger.head, facts)
    if trigger.pos_ not in ("NOUN", "PROPN") or carried_out(trigger):
        return False   # "mounted its long-threatened invasion": carried out now, whatever its determiner
    if _of_an_earlier_year(trigger, facts):
        return True  # "the anniversary of the 1990 pro-democracy protests"
    if any(c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each") for c in trigger.children):
        return True
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in TIME_UNITS \
            and not _span_of_the_event(trigger.head.head):
        return True  # "fell after months of fighting": the long fight behind an event, not an event
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("after", "since", "before") and any(
            c.lower_ in LONG_SPANS for c in trigger.head.head.subtree
            if c.i < trigger.head.i):
        return True  # "more than four years after a raid on the town": history
    clause = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else None
    if clause is not None and any(c.dep_ == "mark" and c.lower_ in ("after", "since", "before") for c in clause.children) \
            and any(t.lower_ in ("years", "decades") for c in clause.children if c.dep_ in ("npadvmod", "mark")
                    for t in c.subtree):
        return True  # "four years after a raid on the town forced it to evacuate"
    if trigger.dep_ == "attr" and trigger.head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in trigger.head.children) \
            and any(t.token.i == trigger.i and t.type in ("attack", "clash", "casualties") for t in facts.triggers):
        # "It was the tenth large-scale attack on the grid": the event just told, ranked ("It is
        # Pompeo's third visit to North Korea" after his talks there tells the visit itself; a
        # meeting told again merges with the one before)
        return True
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("flee", "escape", "fear"):
        return True
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("for", "to") and (
            trigger.head.head.lemma_.lower() in REACTION_VERBS | {"accuse", "punish", "retaliate"}
            or trigger.head.head.lower_ in ("retaliation", "response", "revenge", "reprisal")):
        return True  # "blames Pakistan for an attack on tourists", "in retaliation for the strike"
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in REACTION_VERBS \
            and any(c.dep_ in ("det", "poss", "compound") for c in trigger.children):
        return True  # "condemned the Bannu attack": the attack told before
    dets = [c for c in trigger.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0].lower_ not in REFERENCE_DETS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in NEW_ONE for c in trigger.children):
        return False  # "held their first meeting with President X": a new one, not one told before
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ACT_VERBS:
        return False  # "continued their hunger strike", "launched their offensive": the act itself, now
    if dets[0].lower_ in ("its", "their", "his", "her") and trigger.tag_ == "NNS" and not any(
            c.ent_type_ in ("DATE", "TIME", "CARDINAL") for c in trigger.subtree):
        return True  # "say their attacks on Israel are in solidarity": a campaign, not one strike
    if trigger.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in AHEAD for c in trigger.children):
        return False  # "the next meeting is planned for October": one still to come, not one told before
    own = [c for c in trigger.subtree if c.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")]
    if not own and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in OUTCOME_VERBS:
        mine = {t.i for t in trigger.subtree}
        # "The shelling left 12 dead in Donetsk": an event named by its outcome, with figures of its own
        return not any((c.like_num or c.ent_type_ in ("GPE", "LOC", "FAC", "CARDINAL")) and c.i not in mine
                       for c in trigger.head.subtree)
    return not own


OUTCOME_VERBS = load_lexicon().words["violence.outcome_verbs"]
TIME_UNITS = load_lexicon().words["tense.time_unit_nouns"]
LONG_SPANS = load_lexicon().words["tense.long_span_nouns"]
NEW_ONE = load_lexicon().words["tense.new_instance_modifiers"]
ACT_VERBS = load_lexicon().words["tense.act_verbs"]


def frame_places(facts: SentenceFacts) -> list[PlaceMention]:
    """'In North Kordofan, the army said ...': the place a sentence opens with frames its events."""
    start = facts.sent.start
    framed = [p for p in facts.places if p.root.dep_ == "pobj" and p.root.head.lower_ == "in"
              and p.root.head.i - start <= 1 and not p.is_modifier]
    if not framed:   # "In the coastal city of Mombasa, protesters burned tyres"
        framed = [p for p in facts.places if p.root.dep_ == "pobj" and p.root.head.lower_ == "of"
                  and p.root.head.head.dep_ == "pobj" and p.root.head.head.head.lower_ == "in"
                  and p.root.head.head.head.i - start <= 1 and not p.is_modifier]
    return framed


def per_place_drafts(facts: SentenceFacts, ctx: Context, types: set[str], *,
                     require_place: bool = False, split: bool = True,
                     drop_subject_places: bool = True, wanted: bool = False) -> list[Draft]:
    """The usual shape: one draft per place that belongs to this family's trigger."""
    from .base import claimant, status_of, trigger_actor

    triggers = [t for t in facts.triggers if t.type in types and not t.weak and not is_reference(t.token, facts)
                and wished(t.token) == wanted]
    if not triggers:
        return []
    main = triggers[0]
    places = event_places(facts, [t for t in facts.triggers if not t.weak] or triggers, types)
    if drop_subject_places:
        subjects = subject_places(facts, main.token)
        places = [p for p in places if p.root.i not in subjects] or ([] if require_place else [])
    if require_place and not places and facts.nationwide is None:
        return []
    actor = trigger_actor(main.token, ctx)
    claimed_by, kind = claimant(facts, main.token, ctx)
    status = status_of(main.token)
    if kind == "claim":
        status = "claimed"
    if split:
        places, context = split_places(places)
    groups = ([[p] for p in places] if split else [places]) or [[]]
    out = []
    for group in groups:
        d = Draft(type=main.type, facts=facts, trigger=main.token, subtype=main.subtype, status=status,
                  claimed_by=claimed_by, date=facts.best_time(main.token), confidence=0.65)
        d.place = group[0] if group else None
        d.nationwide = facts.nationwide is not None and not group
        d.actors = [actor] if actor else []
        if split:
            d.sublocations = [p for p in context if p.cue == "district"]
        out.append(d)
    return out
