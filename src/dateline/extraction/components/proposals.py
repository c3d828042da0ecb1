"""Proposals: a plan or offer put forward ("unveiled a 20-point plan", "the draft
calls for ..."). A plan that is merely mentioned is not a proposal event.
"""
from __future__ import annotations

from ..facts import SentenceFacts
from .base import Context, Draft, status_of, trigger_actor
from .common import FamilyComponent
from ..lexicon import load_lexicon

CONTENT_VERBS = load_lexicon().words["proposals.content_verbs"]


PLAN_NOUNS = load_lexicon().words["proposals.plan_nouns"]
PUT_FORWARD = load_lexicon().words["proposals.put_forward_verbs"]
PLAN_SUBJECTS = load_lexicon().words["proposals.plan_subject_nouns"]


class ProposalComponent(FamilyComponent):
    family = "proposal"
    types = {"proposal"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        for t in facts.triggers:
            if t.type != "proposal":
                continue
            tok = t.token
            if tok.lemma_.lower() in PLAN_SUBJECTS:
                # the plan must be the subject of a verb that says what it contains
                head = tok.head
                verbs = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ in ("xcomp", "conj")}
                if tok.dep_ not in ("nsubj", "nsubjpass") or not (verbs & CONTENT_VERBS) or not (head.dep_ == "ROOT" or (
                        head.dep_ == "ccomp" and head.head.lemma_.lower() == "say" and head.head.i > tok.i)):
                    continue
            elif any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.dep_ in ("advcl", "xcomp", "acl"):
                if tok.head.lemma_.lower() not in ("offer", "propose", "suggest"):
                    continue  # "travel to Israel to present the proposal": a purpose
            d = Draft(type="proposal", facts=facts, trigger=tok, status=status_of(tok),
                      date=facts.best_time(), confidence=0.6)
            actor = trigger_actor(tok, ctx)
            d.actors = [actor] if actor else []
            return [d]
        return self._put_forward(facts, ctx)

    @staticmethod
    def _put_forward(facts: SentenceFacts, ctx: Context) -> list[Draft]:
        """'Under a proposal circulated by Egyptian and Qatari mediators last week, ...': a plan named
        with who tabled it is a proposal event wherever it stands in the sentence."""
        for tok in facts.sent:
            if tok.lemma_.lower() not in PLAN_NOUNS or tok.pos_ != "NOUN":
                continue
            tabled = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in PUT_FORWARD), None)
            if tabled is None:
                continue
            d = Draft(type="proposal", facts=facts, trigger=tok, status="reported", date=facts.best_time(),
                      confidence=0.55)
            actor = trigger_actor(tabled, ctx)
            d.actors = [actor] if actor else []
            return [d]
        return []
