"""Protests: demonstrations, rallies, marches, riots, strikes by civilians."""
from __future__ import annotations

from ..facts import SentenceFacts
from .base import Context, Draft, veto
from .common import FamilyComponent, frame_places, per_place_drafts
from .counts import attach_quantities, classify_number
from ..lexicon import load_lexicon


LODGE = load_lexicon().words["protest.lodge_verbs"]


def _diplomatic(tok) -> bool:
    """A protest one government lodges with another, or an act done 'in protest'."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LODGE:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lower_ == "protest"


HOLD = load_lexicon().words["protest.hold_verbs"]


GOING_ON = load_lexicon().words["protest.going_on_verbs"]


def _acted(tok) -> bool:
    """Someone protests: 'demonstrators rioted', 'landowners began a hunger strike'; or the protest
    goes on: 'riots are still continuing', 'protests spread'."""
    if tok is None:
        return False
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in GOING_ON:
        return True
    verb = tok if tok.pos_ == "VERB" else (tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in HOLD else None)
    return verb is not None and any(c.dep_ == "nsubj" for c in verb.children)


class ProtestComponent(FamilyComponent):
    family = "protest"
    types = {"protest"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        mine = [t for t in facts.triggers if t.type in self.types]
        if facts.has_phrase(ctx.lex.phrases.get("generic", [])):
            return veto(facts, self.family, "a habitual protest ('every day'), not one event") if mine else []
        if all(_diplomatic(t.token) for t in mine):
            if not mine:
                return []
            return veto(facts, self.family, '"Tokyo lodged a strong protest through diplomatic channels"')
        drafts = per_place_drafts(facts, ctx, self.types, drop_subject_places=False)
        if any(d.place is not None and not d.place.is_country for d in drafts):
            # "marched in Kinshasa to the embassies of A and B": the city, not the embassies' countries
            drafts = [d for d in drafts if d.place is None or not d.place.is_country]
        if not drafts:
            drafts = self._called_for(facts, ctx)
        if len(drafts) == 1 and drafts[0].place is None:
            # "a protester was shot dead and 78 were injured in Lima as thousands marched":
            # the place of the day's violence is the protest's
            violent = {t.token.i for t in facts.triggers if t.type in ("attack", "clash", "casualties")}
            drafts[0].place = next((p for p in facts.places if not p.is_modifier and not p.is_country
                                    and p.root.dep_ == "pobj" and p.root.head.lower_ == "in"
                                    and p.root.head.head.i in violent), None) or next(iter(frame_places(facts)), None)
        # "two people died of gunshot wounds": a protest's own dead and injured
        casualties = [n for n in facts.numbers if classify_number(facts, n, ctx.lex)[0] in ("fatalities", "injured")]
        if len(drafts) == 1:
            attach_quantities(drafts[0], facts, ctx.lex, casualties)
        # a protest needs something concrete: a place, a count, a time, or protesters doing it
        # ("demonstrators rioted", "landowners began a hunger strike"), not "the protest movement"
        acted = any(_acted(t.token) for t in mine)
        kept = [d for d in drafts if d.place or facts.numbers or facts.times or acted]
        if drafts and not kept:
            return veto(facts, self.family, "a protest with no place, count, time or protesters acting")
        return kept

    @staticmethod
    def _called_for(facts: SentenceFacts, ctx: Context) -> list[Draft]:
        """'The forum called for a general strike on Tuesday': a planned protest."""
        drafts = per_place_drafts(facts, ctx, {"protest"}, drop_subject_places=False, wanted=True)
        for d in drafts:
            d.status = "planned"
            d.date = d.date if d.date and d.date.start else None
        return drafts
