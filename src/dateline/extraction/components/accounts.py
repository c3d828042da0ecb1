"""Two accounts of one toll in one sentence: each is its own event, with its own claimant.

"The group says 60 troops were killed, but the governor told reporters at least 40 died",
"State television put the toll at more than 50, while another channel said at least 38 were
killed": the contract keeps conflicting accounts of one incident side by side, as separate
events each with its `claimed_by` (merge keeps two different tolls apart).
"""
from __future__ import annotations

import copy

from spacy.tokens import Span, Token

from ..actors import actor_from_span
from ..facts import NumberMention, SentenceFacts
from .base import Context, Draft
from .counts import attach_quantities, classify_number
from ..lexicon import load_lexicon

TOLL_GIVING = load_lexicon().words["casualties.toll_giving_verbs"]


def _token_at(facts: SentenceFacts, char: int) -> Token | None:
    return next((t for t in facts.sent if t.idx - facts.sent.start_char >= char), None)


def _giver(facts: SentenceFacts, n: NumberMention) -> Span | None:
    """Who gives this figure: the speaker of the attribution whose verb governs it, or the
    subject of a toll-giving verb ('television put the death toll at ...')."""
    tok = _token_at(facts, n.start)
    if tok is None:
        return None
    speech = {a.verb.i: a for a in facts.attributions if a.verb is not None and a.speaker is not None}
    for anc in [tok, *tok.ancestors]:
        if anc.i in speech:
            return speech[anc.i].speaker
        if anc.lemma_.lower() in TOLL_GIVING:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return facts.sent.doc[subj.left_edge.i: subj.i + 1]
    return None


def split_accounts(drafts: list[Draft], facts: SentenceFacts, ctx: Context) -> list[Draft]:
    """One draft with two givers of different death tolls -> one draft per account."""
    if len(drafts) != 1:
        return drafts
    accounts: list[tuple[NumberMention, Span]] = []
    for n in facts.numbers:
        if classify_number(facts, n, ctx.lex)[0] != "fatalities":
            continue
        giver = _giver(facts, n)
        if giver is None:
            return drafts   # a figure nobody in the sentence gives: no clean split
        if any(g.root.i == giver.root.i for _, g in accounts):
            continue        # the same source's second figure ("60 killed, including 12 officers")
        accounts.append((n, giver))
    values = {(n.quantity.min, n.quantity.max) for n, _ in accounts}
    if len(accounts) < 2 or len(values) < 2:
        return drafts
    out = []
    for n, giver in accounts:
        d = copy.copy(drafts[0])
        d.fatalities = None
        d.weapons, d.weapon_types, d.intercepted = dict(d.weapons), dict(d.weapon_types), dict(d.intercepted)
        attach_quantities(d, facts, ctx.lex, [n])
        who = actor_from_span(giver, ctx.actors, ctx.lex)
        d.claimed_by = who.name if who else giver.text
        if d.status == "reported":
            d.status = "claimed"
        out.append(d)
    # the injured and weapons the sentence counts stay with the first account
    out[0].injured = drafts[0].injured
    for d in out[1:]:
        d.injured = None
        d.weapons, d.weapon_types, d.intercepted = {}, {}, {}
    return out
