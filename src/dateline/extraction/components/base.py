"""What every family component shares: the Draft it produces and the shape it has.

A component is a spaCy pipeline component that, like spaCy's SpanRuler,
splits compute from apply: ``__call__(doc)`` -> ``match(facts, ctx)`` for each
sentence -> ``set_annotations(doc, drafts)``. Drafts are mutable working
records inside ``extract``; ``merge``, ``dating`` and ``assemble`` turn them
into frozen EventMentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from ...models import Actor, Quantity, Target, TimeSpan
from ..actors import ActorIndex, actor_from_span, subject_actor
from ..facts import PlaceMention, SentenceFacts, Trigger, noun_phrase
from ..lexicon import Lexicon, load_lexicon

if not Doc.has_extension("dateline_facts"):
    Doc.set_extension("dateline_facts", default=None)
if not Doc.has_extension("dateline_drafts"):
    Doc.set_extension("dateline_drafts", default=None)


@dataclass
class Context:
    """Article-level knowledge the components read (never the raw article)."""

    lex: Lexicon
    actors: ActorIndex
    anchor: date | None = None
    country_code: Any = None
    recent_place: Any = None   # the last non-country place named (for "said one resident")
    recent_places: Any = None  # the non-country places of the last paragraph, in order ("the town")
    violence_told: bool = False  # an attack or clash was already told in the article
    last_source: str | None = None  # the last source credited ("The statement said": its author)
    test_told: bool = False  # a missile test (fired into the sea) was told: later launches are the test
    readout_source: str | None = None  # "attributable to Spokesperson X": who a readout credits


@dataclass
class Draft:
    type: str
    facts: SentenceFacts
    trigger: Token | None = None
    subtype: str | None = None
    status: str = "reported"
    place: PlaceMention | None = None
    nationwide: bool = False
    actors: list[Actor] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    civilian_targeting: bool | None = None
    weapons: dict[str, Quantity] = field(default_factory=dict)
    weapon_types: dict[str, Quantity] = field(default_factory=dict)
    intercepted: dict[str, Quantity] = field(default_factory=dict)
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    scope: str = "incident"
    claimed_by: str | None = None
    disputed_by: list[str] = field(default_factory=list)
    quote: str | None = None
    date: TimeSpan | None = None
    confidence: float = 0.6
    role: str | None = None          # "intercept", "denial", "sublocation", "counter" (the other side's fire) ...
    stance: str | None = None         # statements: position / denial / accusation / warning
    support: list[SentenceFacts] = field(default_factory=list)
    sublocations: list[PlaceMention] = field(default_factory=list)
    part_of: Any = None
    denied: Any = None                # for a denial: the claim it denies
    refers_back: bool = False         # "were wounded during the clashes": figures of an event told before
    nation: str | None = None         # a nationwide event's country (ISO2), once known
    nation_text: str | None = None    # the words that name it ("across the country")

    @property
    def family(self) -> str:
        from ...models import FAMILIES
        return FAMILIES.get(self.type, "other")

    def info(self) -> float:
        """How much this draft says: used to pick the primary sentence of a merged event."""
        score = 0.0
        score += 2 * len(self.weapons) + len(self.weapon_types) + 2 * bool(self.fatalities) + bool(self.injured)
        score += 1.5 * bool(self.place) + 0.5 * bool(self.claimed_by) + 0.5 * bool(self.targets)
        score += 0.5 * bool(self.place and not self.place.is_country)
        score -= 2 * self.facts.is_heading + 0.5 * self.facts.is_lead
        # a summary sentence ("At the same time, X advanced, Y spread and Z mounted") says
        # a little about many events; the sentence about one event is its better evidence
        if len({d.family for d in self.facts.drafts}) >= 3 or (
                len(self.facts.drafts) >= 3 and len({d.family for d in self.facts.drafts}) >= 2):
            score -= 1.0
        return score


def subject_person(sent) -> str | None:
    """The last person named as a subject in a sentence ('Governor X spoke to VOA by phone')."""
    people = [e for e in sent.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
    return people[-1].text if people else None


def recent_person(facts: SentenceFacts, ctx: Context) -> str | None:
    """Whom 'he' or 'she' means: a person who is a subject earlier in the paragraph, else the
    last person the article made a speaker or subject."""
    for sent in reversed([s for s in facts.sent.doc.sents if s.start < facts.sent.start]):
        name = subject_person(sent)
        if name:
            from ..actors import _clean_name
            return ctx.actors.resolve_name(_clean_name(name))
    return ctx.actors.last_person


def veto(facts: SentenceFacts, family: str, reason: str) -> list[Draft]:
    """Refuse the sentence's triggers for one family, saying why (read by `dateline explain`)."""
    facts.notes.append(f"{family}: {reason}")
    return []


# --- helpers shared by the components -------------------------------------------------

def clause_chain(token: Token, depth: int = 4) -> list[Token]:
    """The token and the heads above it, up to a reporting verb or the sentence root."""
    chain = [token]
    cur = token
    for _ in range(depth):
        if cur.dep_ == "ROOT" or cur.head == cur:
            break
        if cur.dep_ in ("ccomp", "advcl", "relcl", "parataxis") :
            break
        cur = cur.head
        chain.append(cur)
    return chain


MODALS = load_lexicon().words["tense.modal_auxiliaries"]
PLANNED_VERBS = load_lexicon().words["tense.planned_verbs"]
PLANNED_ADJ = load_lexicon().words["tense.planned_modifiers"]
ONGOING = load_lexicon().words["tense.ongoing_words"]


def status_of(trigger: Token, *, allow_modal: bool = True) -> str:
    """planned / ongoing / reported from the trigger's own clause."""
    if trigger.lower_ in ("expected", "due") and any(c.lower_ == "in" for c in trigger.children):
        return "planned"   # "an envoy is expected in Beirut", "is due in New Delhi"
    if trigger.tag_ == "VBG" and any(c.lower_ == "been" for c in trigger.children):
        return "ongoing"   # "Russian forces have been pressing toward Kostiantynivka for months"
    for tok in clause_chain(trigger):
        lemma = tok.lemma_.lower()
        if lemma in ONGOING and tok.pos_ in ("VERB", "ADJ", "ADV", "AUX"):
            return "ongoing"
        if lemma in PLANNED_VERBS and tok.pos_ in ("VERB", "ADJ") and tok is not trigger:
            if lemma in ("set", "due") and not any(c.dep_ == "xcomp" for c in tok.children):
                continue
            return "planned"
        for child in tok.children:
            cl = child.lemma_.lower()
            if child.dep_ in ("aux", "auxpass") and allow_modal and child.lower_ in MODALS \
                    and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children):
                return "planned"   # but "may have been killed" is an uncertain past, not a plan
            if child.dep_ in ("amod", "advmod", "acomp", "xcomp") and cl in PLANNED_ADJ | {"soon"}:
                return "planned"
            if child.dep_ in ("amod", "advmod", "aux", "xcomp") and cl in ONGOING:
                return "ongoing"
    return "reported"


WITNESS_VERBS = load_lexicon().words["statements.witness_verbs"]


def trigger_actor(trigger: Token, ctx: Context) -> Actor | None:
    """Who did it: the subject, a 'by' agent, or a nationality/possessive on the noun."""
    lex, index = ctx.lex, ctx.actors
    if trigger.pos_ in ("VERB", "AUX"):
        actor = subject_actor(trigger, index, lex)
        if actor and not lex.weapon_of(actor.name):
            return actor
        for child in trigger.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    np = noun_phrase(pobj)
                    if not lex.weapon_of(np.text):
                        return actor_from_span(np, index, lex)
    for child in trigger.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return actor_from_span(noun_phrase(child) if child.dep_ == "poss" else trigger.doc[child.i:child.i + 1], index, lex)
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                np = noun_phrase(pobj)
                if not lex.weapon_of(np.text):
                    return actor_from_span(np, index, lex)
    head = trigger.head
    if head.lemma_.lower() in WITNESS_VERBS:
        return None  # "Lviv region reported strikes": who reports or suffers a strike did not make it
    if trigger.dep_ in ("dobj", "xcomp", "attr", "pobj") and head.pos_ == "VERB" and head is not trigger:
        actor = subject_actor(head, index, lex)
        if actor and not lex.weapon_of(actor.name):
            return actor
    return None


def _reports(verb: Token, trigger: Token) -> bool:
    """Is the trigger inside what the reporting verb reports?"""
    if verb.dep_ == "ROOT" and (trigger.sent.root == verb or trigger in verb.subtree):
        return True
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i \
            and not any(c.dep_ == "ccomp" for c in verb.children):
        return True  # "X killed 12 people, a local group said": it reports the whole sentence
    if verb.dep_ == "parataxis" and verb.head.i < verb.i and trigger in verb.head.subtree:
        return True  # "In Ryazan, a drone attack started a fire, governor Pavel Malkov said, while ..."
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd") and trigger in child.subtree:
            return True
    return trigger.i == verb.i


def claimant(facts: SentenceFacts, trigger: Token | None, ctx: Context) -> tuple[str | None, str | None]:
    """(whom the text credits, attribution kind) for an event in this sentence."""
    best = None
    for attribution in facts.attributions:
        verb = attribution.verb
        if verb is not None and trigger is not None and verb.i == trigger.i:
            continue
        if verb is not None and trigger is not None and not _reports(verb, trigger):
            continue
        name = None
        if attribution.speaker is not None:
            actor = actor_from_span(attribution.speaker, ctx.actors, ctx.lex)
            name = actor.name if actor else None
        elif attribution.pronoun in ("he", "she"):
            name = recent_person(facts, ctx)
        elif attribution.pronoun in ("it", "they") and ctx.actors.last_group:
            name = ctx.actors.last_group.name
        if name and name.lower() in DOCUMENTS:
            name = ctx.last_source   # "The statement said ...": the statement told before, its author
        if name:
            best = (name, attribution.kind)
            if attribution.kind in ("claim", "according", "report", "position"):
                break
    if best:
        ctx.last_source = best[0]
    return best if best else (None, None)


DOCUMENTS = load_lexicon().words["statements.document_names"]


def targets_in(facts: SentenceFacts, lex: Lexicon, country: str | None) -> list[Target]:
    """Noun chunks naming hit objects ('energy infrastructure', 'residential areas')."""
    out: list[Target] = []
    for chunk in facts.sent.noun_chunks:
        category = lex.target_category(chunk.text)
        if category and not lex.weapon_of(chunk.text):
            name = chunk.text
            for det in ("the ", "a ", "an "):
                if name.lower().startswith(det):
                    name = name[len(det):]
            if any(t.name == name for t in out):
                continue
            out.append(Target(name=name, country=country, category=category))
    return out


def first_quote(facts: SentenceFacts, text: str) -> str | None:
    if not facts.quotes:
        return None
    s, e = max(facts.quotes, key=lambda q: q[1] - q[0])
    return text[s:e]
