"""What one sentence says, before any event is decided: triggers, places,
numbers, times, who is speaking, quotes. Every family component reads these
facts; none of them walks the raw text again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from ..models import TimeSpan
from ..temporal import TimeMention, find_times
from .lexicon import Lexicon, load_lexicon
from .quantities import NumberMention, find_numbers

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DATELINE_SEP = re.compile(r"(\s[—–]\s|\s--?\s|\)\s*[—–-]+\s|\)\s*\.-\s*)")
SPEECH_LEMMAS = load_lexicon().words["statements.speech_verbs"]
QUOTE_RE = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")
PRONOUNS = load_lexicon().words["grammar.pronouns"]
POSSESSIVE = {"'s", "’s", "'"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    type: str
    subtype: str | None
    weak: bool = False
    role: str | None = None   # "intercept" for shoot-down verbs
    rule_id: str = ""         # the id of the rule in patterns/triggers.jsonl that matched


@dataclass(slots=True)
class PlaceMention:
    text: str
    start: int            # absolute character offsets in the article
    end: int
    root: Token
    tokens: tuple[int, int]  # token range in the doc
    cue: str | None = None        # region / district / city / country
    country_hint: str | None = None
    is_country: bool = False
    is_modifier: bool = False     # "Russia's" in "Russia's Krasnodar region", "Kyiv" in "Kyiv's mayor"
    relation: str | None = None   # "south of", "near", "around"

    @property
    def key(self) -> tuple[int, int]:
        """Where the mention sits in the article: the key of its resolved Place."""
        return (self.start, self.end)


@dataclass(slots=True)
class Attribution:
    speaker: Span | None      # the subject noun phrase (trimmed)
    verb: Token | None
    kind: str                 # position / denial / accusation / warning / claim / report / according
    pronoun: str | None = None


@dataclass(slots=True)
class SentenceFacts:
    sent: Span
    start: int                # absolute offsets of the sentence in the article text
    end: int
    text: str
    paragraph: int
    index: int                # sentence number in the article
    is_heading: bool
    is_lead: bool
    triggers: list[Trigger] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)   # absolute offsets, with quote marks
    nationwide: tuple[int, int] | None = None
    drafts: list = field(default_factory=list)   # what the family components found here
    anchor: date | None = None   # the article's publication date, when known
    notes: list[str] = field(default_factory=list)   # why a family refused this sentence (explain)

    def char(self, token: Token) -> int:
        """Offset of a token in the sentence text."""
        return token.idx - self.sent.start_char

    def abs_char(self, token: Token) -> int:
        return self.start + self.char(token)

    def has_phrase(self, phrases: list[str]) -> bool:
        low = self.text.lower()
        return any(p in low for p in phrases)

    def best_time(self, trigger: Token | None = None) -> TimeSpan | None:
        """The first dated time of the sentence; with a trigger, one inside the trigger's own
        clause first ("the army said on Sunday its drones struck a base on Friday" -> Friday)."""
        # "the highest count since May": a time that opens a period dates no single event
        times = [t for t in self.times if not re.search(r"\bsince\s*$", self.text[:t.start], re.I)
                 and not self.text[t.start:].lower().startswith("since")]
        dated = [t for t in times if t.span.start is not None] or times
        if trigger is not None:
            # "fighting continued near X, where troops have tried to advance since May 10":
            # a time inside a relative clause dates that clause, not the event
            dated = [t for t in dated if not self._in_other_relative_clause(t, trigger)]
        if trigger is not None and len(dated) > 1:
            own = [t for t in dated if self._in_clause_of(t, trigger)]
            if own:  # a day over a vaguer span: "earlier this week, ... on Monday night"
                return min(own, key=lambda t: (t.span.precision != "day", t.start)).span
        return dated[0].span if dated else None

    def _in_other_relative_clause(self, time, trigger: Token) -> bool:
        tok = next((t for t in self.sent if t.idx - self.sent.start_char >= time.start), None)
        if tok is None:
            return False
        for anc in [tok, *tok.ancestors]:
            if anc.dep_ == "relcl":
                return trigger not in anc.subtree
        return False

    def _in_clause_of(self, time, trigger: Token) -> bool:
        tok = next((t for t in self.sent if t.idx - self.sent.start_char >= time.start), None)
        cur = tok
        for _ in range(8):
            if cur is None or cur.head is cur:
                return False
            cur = cur.head
            if cur.i == trigger.i or (cur.pos_ in ("VERB", "AUX") and trigger in cur.subtree and cur.i in
                                      {a.i for a in trigger.ancestors} and cur.lemma_.lower() not in SPEECH_LEMMAS):
                return True
            if cur.pos_ in ("VERB", "AUX"):
                return False


def _trim_np(span: Span) -> Span:
    """A subject noun phrase without its relative clause or trailing apposition."""
    doc = span.doc
    end = span.end
    for tok in span:
        if tok.dep_ in ("relcl", "acl") or (tok.dep_ == "appos" and tok.i > span.start and doc[tok.i - 1].is_punct):
            end = min(end, tok.left_edge.i)
            break
    start = span.start
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "punct")):
        end -= 1
    if end <= start:
        return span
    return doc[start:end]


def noun_phrase(token: Token) -> Span:
    doc = token.doc
    return _trim_np(doc[token.left_edge.i: token.right_edge.i + 1])


def _subject(verb: Token, *, passive: bool = True) -> Token | None:
    """The subject of a verb; a passive subject ("buildings were hit") only when asked for."""
    deps = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    subjects = [c for c in verb.children if c.dep_ in deps]
    # "Brussels, 12 June 2026 — The leaders agreed": the dateline parsed as a second subject
    subjects = [c for c in subjects if not any(t.text in ("—", "–", "--") for t in
                                                 verb.doc[c.i: verb.i])] or subjects
    if subjects:
        return subjects[0]
    # "X said and added", conjoined verbs share the subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, passive=passive)
    # "X issued a statement saying ...", "..., adding that ...": the participle shares its head's subject
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" for c in verb.children):
        return _subject(verb.head, passive=False)
    if _statement_saying(verb):
        return _subject(verb.head.head, passive=False)
    return None


def _statement_saying(verb: Token) -> bool:
    """'issued a statement saying ...': the participle hangs from the statement its subject issued."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in ("statement", "communique", "message") \
        and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB"


def _tail_speaker(sent: Span, verb: Token) -> Span | None:
    """A closing attribution, ', the International Committee of the Red Cross (ICRC) said.':
    the noun phrase between the last comma and a sentence-final speech verb, however parsed."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and doc[end - 1].is_punct:
        end -= 1
    if verb.i != end - 1:
        return None
    start = verb.i
    while start > sent.start and doc[start - 1].text not in (",", "”", '"', ";", "—"):
        start -= 1
    if start == verb.i or start == sent.start or verb.i - start > 12:
        return None
    span = doc[start:verb.i]
    if not any(t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.pos_ in ("NOUN", "PROPN") for t in span):
        return None
    if span[0].lower_ in PRONOUNS and len(span) == 1:
        return None
    return span


def find_attributions(sent: Span, lex: Lexicon) -> list[Attribution]:
    out: list[Attribution] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.speech:
            continue
        kind = lex.speech[tok.lemma_.lower()]
        subj = _subject(tok)
        if any(c.dep_ == "auxpass" for c in tok.children):
            # "deaths were reported by Kyiv", "hits were claimed by Ukrainian forces": the agent speaks
            subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if subj is None:
            continue
        if subj.lower_ in PRONOUNS:
            out.append(Attribution(None, tok, kind, pronoun=subj.lower_))
            continue
        tail = _tail_speaker(sent, tok)
        if tail is not None and tail.root.i != subj.i and not (tail.start <= subj.i < tail.end):
            subj = tail.root   # "..., flying detainees ..., the Red Cross said.": the words before "said"
        named = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        # "A rival Druze leader, Sheikh Hikmat al-Hijri, rejected ...": the name speaks
        speaker = noun_phrase(named) if named is not None and subj.ent_type_ != "PERSON" else noun_phrase(subj)
        if lex.weapon_of(speaker.text):
            continue  # "a missile slammed into ...": weapons do not speak
        out.append(Attribution(speaker, tok, kind))
    # "according to X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                out.append(Attribution(noun_phrase(objs[0]), None, "according"))
    return out


def find_triggers(sent: Span, matches: list[tuple[int, dict]]) -> list[Trigger]:
    seen: set[tuple[int, str]] = set()
    out = []
    for i, rule in matches:
        if not (sent.start <= i < sent.end):
            continue
        key = (i, rule["type"])
        if key in seen:
            continue
        seen.add(key)
        out.append(Trigger(sent.doc[i], rule["type"], rule.get("subtype"), bool(rule.get("weak")),
                           rule.get("role"), rule["id"]))
    return out


def _negated(tok: Token) -> bool:
    """The trigger, or the verb it is the complement of, is negated ("did not attack", "not planned to hit")."""
    for t in (tok, tok.head if tok.dep_ in ("xcomp", "dobj") else None):
        if t is not None and any(c.dep_ == "neg" for c in t.children):
            return True
    return False


def find_quotes(text: str, offset: int) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    # the end of a quote that began a sentence earlier: 'It was a start," Wendt said.'
    close = text.find("”")
    opening = text.find("“")
    if close > 1 and (opening < 0 or close < opening):
        spans.insert(0, (0, close + 1))
    elif text.count('"') % 2 == 1 and text.find('"') > 1 and text[text.find('"') - 1] in ",.!?":
        spans.insert(0, (0, text.find('"') + 1))
    # a quote running on into the next sentence: '“Today was not the end of the road.'
    last_open = text.rfind("“")
    if last_open >= 0 and text.find("”", last_open) < 0 and len(text) - last_open > 3:
        spans.append((last_open, len(text)))
    elif text.count('"') % 2 == 1 and (text.rfind('"') == 0 or text[text.rfind('"') - 1] == " ") \
            and len(text) - text.rfind('"') > 3:
        spans.append((text.rfind('"'), len(text)))
    return [(offset + s, offset + e) for s, e in spans]


def _scare_quoted(verb, quote: str, start: int, end: int) -> bool:
    """A verb inside a fragment of at most four quoted words whose subject is outside the quote."""
    if verb.pos_ != "VERB" or len(quote.split()) > 4:
        return False
    if len(quote.split()) <= 2:
        return True
    base = verb.sent.start_char
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(not (start < c.idx - base < end) for c in subjects)


def sentence_facts(sent: Span, *, offset: int, paragraph: int, index: int, is_heading: bool,
                   is_lead: bool, anchor: date | None, lex: Lexicon,
                   matches: list[tuple[int, dict]], country_code) -> SentenceFacts:
    from .place_mentions import find_nationwide, find_places   # it builds on this module's types
    text = sent.text
    facts = SentenceFacts(sent=sent, start=offset + sent.start_char, end=offset + sent.end_char,
                          text=text, paragraph=paragraph, index=index, is_heading=is_heading,
                          is_lead=is_lead, anchor=anchor)
    facts.quotes = find_quotes(text, facts.start)
    # words inside quotation marks are what someone said, not events the reporter tells
    quoted = [(s - facts.start, e - facts.start) for s, e in facts.quotes]
    # ... but a verb in scare quotes is the reporter's verb ('its troops had "liberated" X',
    # 'his forces "raised the flag" over Y'): a short quoted fragment whose subject stands outside
    facts.triggers = [t for t in find_triggers(sent, matches)
                      if not any(s < t.token.idx - sent.start_char < e and not _scare_quoted(t.token, text[s:e], s, e)
                                 for s, e in quoted)]
    # "had not planned to hit any targets": a negated event did not happen
    facts.triggers = [t for t in facts.triggers if t.type in ("statement",) or not _negated(t.token)]
    # "a general strike" is a protest, not an attack
    protest_at = {t.token.i for t in facts.triggers if t.type == "protest"}
    facts.triggers = [t for t in facts.triggers if not (t.type == "attack" and t.token.i in protest_at)]
    trigger_at = {t.token.i for t in facts.triggers}
    # "Monday Night's Barrage" in a heading: an event word, not the Egyptian town of that name
    facts.places = [p for p in find_places(sent, lex, offset, country_code)
                    if not (p.tokens[1] - p.tokens[0] == 1 and p.tokens[0] in trigger_at)]
    facts.numbers = find_numbers(text)
    facts.times = find_times(text, anchor)
    if is_lead:
        # "Brussels, 12 June 2026 — The leaders agreed on Thursday": the dateline dates the report
        m = DATELINE_SEP.search(text[:90])
        if m:
            facts.times = [t for t in facts.times if t.start >= m.end()]
            # "Washington/Mogadishu — An explosion ...": where the report was filed, not where it happened
            if len(text[:m.start()].split()) <= 5:
                facts.places = [p for p in facts.places if p.start - facts.start >= m.end()]
    # "“Our government says it wants peace ...”": a speaker quoted, not the article's source
    facts.attributions = [a for a in find_attributions(sent, lex)
                          if a.verb is None or not any(s < a.verb.idx - sent.start_char < e for s, e in quoted)]
    # "said X, one of the organisers of the march": who speaks is described, no event is told
    speakers = [(a.speaker.start, max([a.speaker.end] + [c.right_edge.i + 1 for c in a.speaker.root.children
                                                         if c.dep_ == "appos"]), a.speaker.root.i)
                for a in facts.attributions if a.speaker is not None]   # with its apposition
    facts.triggers = [t for t in facts.triggers
                      if not any(s <= t.token.i < e and t.token.i != root for s, e, root in speakers)]
    facts.quotes = find_quotes(text, facts.start)
    facts.nationwide = find_nationwide(sent, lex)
    return facts
