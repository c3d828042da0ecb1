"""The arguments of a violence draft: victims, actors, sources, areas and how one sentence's
figures split between a barrage and its parts."""
from __future__ import annotations

import re

from ..facts import SentenceFacts
from .base import Context, Draft
from .where import _prep_of, clause_verb, is_water
from .counts import classify_number
from .violence_kinds import PERSON_NOUNS
from ..lexicon import load_lexicon


def singular_victims(facts: SentenceFacts):
    """'killed a 7-year-old boy', 'a journalist was killed': one victim, as the text words it."""
    from ...models import Quantity

    dead = hurt = None
    for tok in facts.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in ("kill", "wound", "injure", "hurt", "die"):
            continue
        if lemma == "die":   # "a prisoner died as a result of torture": the subject is the victim
            victims, lemma = [c for c in tok.children if c.dep_ == "nsubj"], "kill"
        else:
            victims = [c for c in tok.children if c.dep_ == "dobj"] if not any(
                c.dep_ == "auxpass" for c in tok.children) else [c for c in tok.children if c.dep_ == "nsubjpass"]
        for v in victims:
            det = next((c for c in v.children if c.dep_ == "det"), None)
            if v.lemma_.lower() in PERSON_NOUNS and det is not None and det.lower_ in ("a", "an", "one"):
                words = facts.sent.doc[v.left_edge.i: v.i + 1].text
                q = Quantity(1, 1, "exact", words)
                if lemma == "kill" and dead is None:
                    dead = q
                elif lemma != "kill" and hurt is None:
                    hurt = q
    return dead, hurt


ANAPHORS = load_lexicon().words["violence.anaphor_actors"]


def speaker_actor(facts: SentenceFacts, ctx: Context):
    from ..actors import actor_from_span

    for a in facts.attributions:
        if a.speaker is not None:
            return actor_from_span(a.speaker, ctx.actors, ctx.lex)
    return None


AREA_NOUNS = load_lexicon().words["violence.area_nouns"]


def national_area(facts: SentenceFacts, ctx: Context) -> tuple[str, str] | None:
    """'Ukrainian cities', "Ukraine's power grid": a whole country's places -> (code, words)."""
    for tok in facts.sent:
        if tok.ent_type_ in ("NORP", "GPE") and tok.dep_ in ("amod", "compound", "poss") and tok.head.lower_ in AREA_NOUNS:
            code = ctx.country_code(tok.text) if ctx.country_code else None
            if code:
                return code, tok.text
    return None


ARMED_SOURCE = re.compile(r"\b(army|military|armed forces|defen[cs]e ministry|ministry of defen[cs]e|general staff|"
                          r"forces|militia|rebels|RSF|Taliban|Hezbollah|Hamas|Houthis?|M23|JNIM|al-Shabaab|"
                          r"spokesman for the (army|military))\b", re.I)


def own_forces(actor) -> bool:
    """'its troops', 'their fighters', 'it': the speaker's own side did it."""
    if actor is None or not actor.name:
        return False
    return actor.name.lower().split()[0] in ("its", "their", "our", "it", "they", "we")


def paragraph_source(facts: SentenceFacts, ctx: Context) -> str | None:
    """'Three people were killed in the Moscow region, governor X said. A drone struck a building in
    Vidnoye ...': the next sentence of the paragraph goes on with the same source."""
    from ..actors import actor_from_span

    before = [f for f in (facts.sent.doc._.dateline_facts or []) if f.index == facts.index - 1]
    if not before or facts.quotes:
        return None
    for a in before[0].attributions:
        if a.speaker is not None and a.verb is not None and a.verb.lemma_.lower() in ("say", "report", "tell") \
                and not before[0].quotes and any(t.type in ("attack", "clash", "casualties") for t in before[0].triggers):
            actor = actor_from_span(a.speaker, ctx.actors, ctx.lex)
            return actor.name if actor else None
    return None


def clause_drafts(facts: SentenceFacts, char: int, drafts: list[Draft]) -> list[Draft]:
    """The drafts whose clause holds the word at this character of the sentence (all when none does)."""
    tok = next((t for t in facts.sent if t.idx - facts.sent.start_char >= char), None)
    verbs = {clause_verb(d.trigger).i for d in drafts if d.trigger is not None}
    cur = tok
    for _ in range(12):
        if cur is None:
            break
        if cur.i in verbs:
            return [d for d in drafts if d.trigger is not None and clause_verb(d.trigger).i == cur.i]
        if cur.head is cur:
            break
        cur = cur.head
    return drafts


SETTLEMENT_REF = re.compile(r"\b(the|that) (town|city|village|port|settlement)\b(?! of)", re.I)


def antecedent_place(facts: SentenceFacts, ctx: Context):
    """The settlement 'the town' points back to: the first town-like place named in the sentences
    before in this paragraph, else in the paragraph before."""
    doc_facts = facts.sent.doc._.dateline_facts or []
    before = [f for f in doc_facts if f.index < facts.index]
    def towns(group):
        return [p for p in group if not p.is_country and not p.is_modifier and p.cue not in ("region", "district")
                and not is_water(p)]

    # the first named is the topic ("El Obeid, the capital of North Kordofan"; "Babanusa, a town in ...")
    here = towns([p for f in before for p in f.places]) or towns(ctx.recent_places or [])
    return here[0] if here else None


def enemy_toll(facts: SentenceFacts, claimed_by: str, ctx: Context) -> bool:
    """The sentence counts dead of one nationality on the word of a source of another."""
    from ..actors import country_of_text
    source = next((code for w in claimed_by.replace("’", "'").split()[:4]
                   for code in [country_of_text(w, ctx.lex)] if code), None)
    if source is None:
        return False
    for n in facts.numbers:
        if classify_number(facts, n, ctx.lex)[0] != "fatalities":
            continue
        for word in facts.text[n.end:n.end + 40].split()[:3]:
            code = country_of_text(word.strip(",.;"), ctx.lex)
            if code and code != source:
                return True
    return False


def barrage_and_parts(drafts: list[Draft], facts: SentenceFacts, base: dict, etype: str) -> list[Draft]:
    """'Russia launched 40 drones and five missiles at Ukraine overnight, hitting Kharkiv, Dnipro and
    Odesa': the launch total is the barrage's, at the country; the cities hit are its parts
    (linked by part_of later), not the first one's figures."""
    if etype != "attack" or len(drafts) < 2 or not any(d.weapons for d in drafts) \
            or any(d.place is None or d.place.is_country for d in drafts):
        return drafts
    country = next((p for p in facts.places if p.is_country and not p.is_modifier
                    and _prep_of(p) in ("at", "on", "against", "across", "into", "over")), None)
    if country is None:
        return drafts
    whole = Draft(type="attack", **base)
    whole.place, whole.actors = country, list(drafts[0].actors)
    for d in drafts:
        for field in ("weapons", "weapon_types", "intercepted"):
            for k, v in getattr(d, field).items():
                getattr(whole, field).setdefault(k, v)
            getattr(d, field).clear()
    return [whole] + drafts


ONGOING = load_lexicon().words["violence.ongoing_modifiers"]


def meanwhile_attack(drafts: list[Draft], strong, facts: SentenceFacts, base: dict, ctx: Context) -> list[Draft]:
    """'Warplanes carried out airstrikes in Gaza early Tuesday, while the military reported continued
    rocket fire from the territory': the other side's fire, told in a 'while' clause with a trigger
    of its own coming from somewhere else, is an attack of its own."""
    if len(drafts) != 1 or drafts[0].trigger is None:
        return []
    main_clause = clause_verb(drafts[0].trigger)
    for t in strong:
        verb = clause_verb(t.token)
        if verb.i == main_clause.i or verb.dep_ != "advcl" or verb.head.i != main_clause.i \
                or not any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "from" for c in [*t.token.children, *verb.children]):
            continue   # fire from somewhere else: the other side's
        d = Draft(type="attack", **{**base, "trigger": t.token, "claimed_by": None})
        d.subtype = t.subtype
        d.role = "counter"   # the other side's fire: never merged into the sentence's first attack
        if any(c.lemma_.lower() in ONGOING for c in t.token.children):
            d.status = "ongoing"
        return [d]
    return []
