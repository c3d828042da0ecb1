"""Statements: a substantive position by a named or described speaker.

The reporting verb must lead the sentence (its root, or a verb conjoined to
it), so "what officials described as productive talks" is not a statement.
Where the reported clause is itself a concrete event ("X said Russia launched
22 missiles"), the speaker is that event's source, not a statement of its own;
denials and accusations are always statements.
"""
from __future__ import annotations

from ..actors import actor_from_span, is_speaker_like
from ..facts import SentenceFacts
from .base import Context, Draft, first_quote, recent_person, veto
from .common import FamilyComponent, frame_places
from ..lexicon import load_lexicon

CONCRETE = {"attack", "clash", "casualties", "territorial_change", "airspace_violation", "military_movement"}
CONCRETE_FAMILIES = ("violence", "territory", "airspace", "movement", "protest")  # events a statement may report
SUBTYPE = {"denial": "denial", "accusation": "accusation", "warning": "warning"}


def _sources_only(verb) -> bool:
    """The reporting verb comes after what it reports ("Fires raged all night, police said")."""
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if not content and _trailing(verb):
        return True  # parsed as "X happened, and a group said"
    return bool(content) and all(c.i < verb.i for c in content)


def _trailing(verb) -> bool:
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i


def _sourced_stance(a) -> bool:
    """'Hamas rejected the map, an official said': the stance is the reported clause's own."""
    verb = a.verb
    return (a.kind in ("position", "denial", "accusation", "warning") and verb.dep_ in ("ccomp", "parataxis")
            and verb.head.lemma_.lower() in ("say", "tell", "add", "report") and verb.i < verb.head.i
            and verb.lemma_.lower() not in ("say", "tell", "add"))


def _leads(verb) -> bool:
    """The reporting verb carries its sentence, or a 'while X said' clause of its own."""
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in ("statement", "communique", "message") \
            and verb.head.dep_ == "dobj" and verb.head.head.dep_ == "ROOT":
        return True   # "issued a statement saying ...": the statement says it
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas", "although", "though")
                                        for c in verb.children)


HABITUAL = load_lexicon().words["statements.habitual_adverbs"]
STANCE_WORDS = load_lexicon().words["statements.stance_words"]
MODAL_WORDS = load_lexicon().words["statements.modal_words"]


def _counted_fact(facts: SentenceFacts, verb) -> bool:
    """The reported clause states a figure ("said 23,000 people joined", "says 3 million have been
    displaced"), with nothing wished, owed or foreseen in it."""
    if verb.lemma_.lower() not in ("say", "tell", "report", "add"):
        return False  # "acknowledged that three disagreements remain": the verb takes a stance
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if not content:
        return False
    span = {t.i for c in content for t in c.subtree}
    return _bare_figure([facts.sent.doc[i] for i in sorted(span)])


def _bare_figure(words) -> bool:
    """These words state a figure with nothing wished, refused or foreseen in them."""
    # a calendar date is no figure ("the government ousted on February 1, 2021"); "for 13 years" is
    has_number = any((t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY")) and not _calendar_date(t)
                     for t in words)
    foreseen = any(t.lower_ in MODAL_WORDS or t.dep_ == "neg" or t.lemma_.lower() in STANCE_WORDS for t in words)
    return has_number and not foreseen


DURATION = load_lexicon().words["statements.duration_nouns"]


def _calendar_date(tok) -> bool:
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return ent is not None and not any(t.lower_ in DURATION for t in ent)


def _spoken_quote(facts: SentenceFacts) -> bool:
    """A quotation of someone's words, not scare quotes around a term ("liberated", "hundreds")."""
    return any(len(facts.sent.doc.user_data.get("dateline_text", "")[s:e].split()) >= 5 for s, e in facts.quotes)


def _years_ago(verb, ctx: Context) -> bool:
    """The verb itself is dated to an earlier year: 'declared ... in 2008'."""
    if ctx.anchor is None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.text.isdigit() and len(obj.text) == 4 and int(obj.text) < ctx.anchor.year:
                    return True
    return False


WITNESSES = load_lexicon().words["statements.witness_nouns"]
EMERGENCY_NOUNS = load_lexicon().words["statements.emergency_nouns"]
WITNESS_NAMES = load_lexicon().words["statements.witness_name_words"]


def _witness_account(facts: SentenceFacts, a) -> bool:
    """Residents or witnesses telling what happened, with no words of theirs quoted (a quoted
    resident - "We will not leave again" - is a statement)."""
    if a.speaker is None or a.speaker.root.lower_ not in WITNESSES:
        return False
    return all(len(facts.text[s - facts.start:e - facts.start].split()) <= 4 for s, e in facts.quotes)


def _nothing_happened(a) -> bool:
    """'It said no civilians were harmed', 'no violation of its airspace had been recorded'."""
    if a.verb.lemma_.lower() not in ("say", "report", "add", "confirm"):
        return False   # "warned that no deal should resemble a capitulation" is a position
    clause = next((c for c in a.verb.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ == "aux" and c.lower_ in ("should", "must", "would", "will", "can", "could", "may")
                             for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _acts(verb, facts: SentenceFacts) -> bool:
    """The verb's object is a measure or a protest, not words: 'a state of emergency', 'a curfew',
    'a national strike'."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in EMERGENCY_NOUNS or \
            "martial law" in " ".join(t.lower_ for t in obj.subtree):
        return True
    return any(t.type == "protest" and t.token.i in {x.i for x in obj.subtree} for t in facts.triggers)


class StatementComponent(FamilyComponent):
    family = "statement"
    types = {"statement"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        if facts.is_heading:
            return []
        for a in facts.attributions:
            if a.verb is None or a.kind in ("report",):
                continue
            if not _leads(a.verb) and not _sourced_stance(a):
                continue
            if a.kind == "claim" and any(t.type in CONCRETE and not t.weak and t.token in a.verb.subtree
                                         for t in facts.triggers) \
                    and not any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in a.verb.children):
                continue
            actor = None
            if a.speaker is not None:
                if not is_speaker_like(a.speaker, ctx.lex):
                    continue
                actor = actor_from_span(a.speaker, ctx.actors, ctx.lex)
            elif a.pronoun in ("he", "she") and recent_person(facts, ctx):
                from ...models import Actor
                name = recent_person(facts, ctx)
                actor = Actor(name, ctx.actors.countries.get(name))
            elif a.pronoun in ("it", "they") and ctx.actors.last_group:
                actor = ctx.actors.last_group
            if actor is None:
                continue
            if not facts.quotes and a.kind in ("position", "report") and _sources_only(a.verb):
                facts.notes.append('statement: "..., the governor said": sourcing a fact, not taking a position')
                continue
            if not facts.quotes and a.kind in ("position", "report") and _counted_fact(facts, a.verb):
                facts.notes.append('statement: "police said 41 people were arrested": a sourced figure, not a position')
                continue
            if not facts.quotes and any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in a.verb.children):
                facts.notes.append("statement: 'has repeatedly denied', 'has long said': a standing position, "
                                   "not one made in the news")
                continue
            if _years_ago(a.verb, ctx):
                facts.notes.append('statement: "Kosovo declared independence in 2008": history, not today\'s position')
                continue
            if _witness_account(facts, a):
                facts.notes.append('statement: "Residents said the gunmen held the town for hours": an account of the event')
                continue
            if _nothing_happened(a):
                facts.notes.append('statement: "It said no civilians were harmed": a sourced fact, not a position')
                continue
            if a.verb.lemma_.lower() in ("declare", "impose", "call") and _acts(a.verb, facts):
                facts.notes.append('statement: "declared a state of emergency", "called a national strike": an act, not words')
                continue
            if any(c.lower_ in ("neither", "nor") for c in list(a.verb.children) + list(a.verb.head.children)):
                facts.notes.append('statement: "has neither confirmed nor denied"')
                continue
            if any(d.family in ("violence", "territory", "airspace", "movement") and d.trigger is not None
                   and a.verb in d.trigger.subtree and a.verb is not d.trigger for d in facts.drafts):
                facts.notes.append('statement: "India struck what it called camps": the verb describes the strike')
                continue
            if a.kind != "denial" and any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in a.verb.children):
                facts.notes.append('statement: "has not commented", "did not confirm": no position taken')
                continue
            if a.kind != "denial" and self._reports_event(facts, a.verb) and not (
                    self._self_claim(a.verb) and _spoken_quote(facts)):
                self._remember(actor, a, ctx)
                continue
            d = Draft(type="statement", facts=facts, trigger=a.verb, subtype=SUBTYPE.get(a.kind, "position"),
                      claimed_by=actor.name, date=facts.best_time(), confidence=0.6)
            d.stance = a.kind
            d.actors = [actor]
            d.quote = first_quote(facts, facts.sent.doc.user_data.get("dateline_text", "")) if facts.quotes else None
            d.place = self._where(facts, a, actor, ctx)
            self._remember(actor, a, ctx)
            return [d]  # one statement per sentence: its leading speaker
        return self._according(facts, ctx)

    def _according(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        """'The first draft "could become the basis", according to the Kremlin's spokesman': a position
        credited with 'according to', where the sentence tells no event of its own."""
        a = next((a for a in facts.attributions if a.kind == "according" and a.speaker is not None), None)
        if a is None or not is_speaker_like(a.speaker, ctx.lex):
            return []
        if any(d.family in CONCRETE_FAMILIES for d in facts.drafts) or any(t.type in CONCRETE and not t.weak
                                                                  for t in facts.triggers):
            return veto(facts, self.family, '"killed 12, according to officials": the source of an event')
        root = facts.sent.root
        if not facts.quotes and (_bare_figure(list(facts.sent)) or root.lemma_.lower() in ("be", "have") and not any(
                c.dep_ in ("ccomp", "xcomp", "acomp", "attr") for c in root.children)):
            return []
        actor = actor_from_span(a.speaker, ctx.actors, ctx.lex)
        if actor is None:
            return []
        d = Draft(type="statement", facts=facts, trigger=root, subtype="position", claimed_by=actor.name,
                  date=facts.best_time(), confidence=0.5)
        d.stance = "position"
        d.actors = [actor]
        d.quote = first_quote(facts, facts.sent.doc.user_data.get("dateline_text", "")) if facts.quotes else None
        return [d]

    @staticmethod
    def _reports_event(facts: SentenceFacts, verb) -> bool:
        """The reported clause is a concrete event found by another component."""
        inside = set(t.i for t in verb.subtree) if verb.dep_ != "ROOT" else set(t.i for t in facts.sent)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            inside -= {t.i for t in subject.subtree}  # "the delegation, which attended the talks, said"
        for d in facts.drafts:
            if d.trigger is not None and d.trigger.i == verb.i and d.family in ("diplomacy", "proposal"):
                return True  # "the minister announced a ceasefire": the agreement is the event
            if d.trigger is None or d.trigger.i not in inside or d.trigger.i == verb.i:
                continue
            if d.status == "planned" and d.family in ("violence", "territory", "movement"):
                facts.notes.append('statement: "said its army was ready to deploy": the position is the news')
                continue
            if d.family in CONCRETE_FAMILIES:
                return True
            # "..., two diplomats said": the talks are the news, the speakers its source
            if d.family in ("diplomacy", "proposal") and verb.i > d.trigger.i and subject is not None \
                    and subject.i > d.trigger.i:
                return True
            if d.family in ("diplomacy", "proposal") and not facts.quotes and d.status != "planned":
                return True  # "the Taliban said it halted operations": the truce is the news
            if d.family == "diplomacy" and d.type == "visit" and not facts.quotes and any(
                    c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they", "it", "we")
                    for c in d.trigger.children):
                return True  # "X signaled that he may travel to the US": the planned visit is the news
        return False

    @staticmethod
    def _where(facts: SentenceFacts, a, actor, ctx: Context):
        """Where it was said: a place in the speaker's own phrase ("an expert in Moscow", "the
        delegation, which attended the Geneva talks"), or for a resident or witness, the
        place the text was just about."""
        subject = next((c for c in a.verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            span = range(subject.left_edge.i, subject.right_edge.i + 1)
            for p in facts.places:
                if p.root.i in span and not p.is_modifier and p.text != actor.name and not p.is_country:
                    return p
        opening = [p for p in frame_places(facts) if not p.is_country]
        if opening:
            return opening[0]  # "In Moscow, the Kremlin's spokesman said ..."
        last = actor.name.lower().split()[-1] if actor.name else ""
        if last.rstrip("es").rstrip("s") in WITNESS_NAMES:
            return ctx.recent_place
        return None

    @staticmethod
    def _self_claim(verb) -> bool:
        """'The army said its jets hit ...': the actor speaking of its own action is a position too."""
        for child in verb.children:
            if child.dep_ != "ccomp":
                continue
            for sub in child.subtree:
                if sub.dep_ in ("nsubj", "poss") and sub.lower_ in ("it", "its", "we", "our", "they", "their") \
                        and sub.head.i in (child.i, *[c.i for c in child.children]):
                    return True
        return False

    @staticmethod
    def _remember(actor, attribution, ctx: Context) -> None:
        """Pronouns later in the article ("he added") resolve to the last named speaker."""
        if attribution.speaker is not None and any(e.label_ == "PERSON" for e in attribution.speaker.ents):
            ctx.actors.last_person = actor.name
        elif attribution.speaker is not None:
            ctx.actors.last_group = actor
