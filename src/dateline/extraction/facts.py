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
from .lexicon import Lexicon
from .quantities import NumberMention, find_numbers

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DATELINE_SEP = re.compile(r"(\s[—–]\s|\s--?\s|\)\s*[—–-]+\s|\)\s*\.-\s*)")
SPEECH_LEMMAS = {"say", "tell", "add", "report", "claim", "announce", "state", "write", "confirm", "deny", "accuse"}
QUOTE_RE = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their"}
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


def _cue_after(doc, end: int, lex: Lexicon) -> str | None:
    if end + 1 < len(doc) and doc[end].whitespace_ == "" and doc[end + 1].text == "-":
        return None   # "Saudi Arabia's state-run television": a compound, not a state
    if end < len(doc):
        word = doc[end].lower_
        for cue in ("region", "district"):
            if word in lex.place_cues[cue]:
                return cue
    return None


def _cue_before(doc, start: int, lex: Lexicon) -> str | None:
    """'the regions of A, B and C': the cue word before 'of' applies to the whole list."""
    i = start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in ("and", "or", "the") or doc[i].ent_type_ in PLACE_LABELS):
        i -= 1
    if i >= 1 and doc[i].lower_ == "of":
        word = doc[i - 1].lower_
        for cue in ("region", "district"):
            if word in lex.place_cues[cue]:
                return cue
        if word in ("city", "town", "village", "cities", "towns", "villages", "port", "settlement"):
            return "city"
    return None


RELATIONS = ("south of", "north of", "east of", "west of", "southeast of", "southwest of",
             "northeast of", "northwest of", "near", "outside", "around", "close to", "on the outskirts of")


RIVER_BANK = re.compile(r"\b(banks?|river|shores?) of( the)?\s*$")


SITE_NOUNS = {"camp", "base", "post", "outpost", "checkpoint", "barracks", "garrison", "town", "village",
              "city", "district", "market", "airport", "port", "airbase", "positions", "position", "hospital"}


def _unknown_site(ent: Span) -> bool:
    """A name the model took for a person that the grammar says is a place: 'the army camp
    at Boulkessi', 'the village of Tamou', 'positions near Kari' (villages the gazetteer lacks)."""
    if ent.label_ != "PERSON" or len(ent) > 2:
        return False
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in ("at", "near", "of", "outside", "in"):
        return False
    head = prep.head
    if head.lemma_.lower() in SITE_NOUNS or head.lower_ in SITE_NOUNS:
        return True
    # "stormed the army camp at Boulkessi": the site is the verb's object
    return head.pos_ == "VERB" and prep.lower_ != "of" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SITE_NOUNS for c in head.children)


def find_places(sent: Span, lex: Lexicon, offset: int, country_code) -> list[PlaceMention]:
    doc = sent.doc
    stop = lex.place_cues["not_place"]
    out: list[PlaceMention] = []
    for ent in sent.ents:
        if len(ent) > 1 and ent[-1].text in POSSESSIVE:
            # "Saudi Arabia's" tagged with its 's: the name, then a possessive
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)
        label = ent.label_
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        if label not in PLACE_LABELS and not (label == "ORG" and ent.root.dep_ == "pobj"
                                              and ent.root.head.lower_ in ("in", "at", "near")) \
                and not _unknown_site(ent):
            continue
        if not any(t.text[:1].isupper() for t in ent):
            continue  # "hit mosques in A": a common noun the model called a facility
        if text in stop or text.upper() in stop or text.strip() == "" or lex.weapon_of(text):
            continue  # "Kinzhal", "Iskander" are missiles, not towns
        start_tok, end_tok = ent.start, ent.end
        cue = _cue_after(doc, end_tok, lex) or _cue_before(doc, start_tok, lex)
        mention_end = ent.end_char
        if _cue_after(doc, end_tok, lex):
            mention_end = doc[end_tok].idx + len(doc[end_tok].text)
        code = country_code(text)
        is_modifier = end_tok < len(doc) and doc[end_tok].text in POSSESSIVE
        if end_tok + 1 < len(doc) and doc[end_tok].text == "-" and doc[end_tok].whitespace_ == "" \
                and doc[end_tok + 1].tag_ in ("VBN", "VBD", "JJ", "VBG"):
            is_modifier = True  # "Moscow-installed", "Pakistan-administered": whose, not where
        head = ent.root.head
        if ent.root.dep_ == "compound" and head.i >= end_tok and (head.ent_type_ in ("ORG", "NORP", "PERSON") or head.pos_ == "PROPN") \
                and head.lower_ not in SITE_NOUNS and not any(head.lower_ in words for words in lex.place_cues.values()):
            is_modifier = True  # "a U.S. Senate vote", "the Kyiv City Council": an institution's, not where
        lead_text = text if not ent.text.lower().startswith("the ") else ent.text[4:]
        start_char = ent.end_char - len(lead_text)
        place = PlaceMention(
            text=doc.text[start_char:mention_end], start=offset + start_char, end=offset + mention_end,
            root=ent.root, tokens=(start_tok, end_tok), cue=cue,
            is_country=bool(code) and cue is None and text.lower() not in ("georgia",),
            is_modifier=is_modifier)
        # Possessive or comma context gives the country: "Russia's Krasnodar region", "Pokrovsk, Donetsk"
        if start_tok >= 2 and doc[start_tok - 1].text in POSSESSIVE:
            place.country_hint = country_code(doc[start_tok - 2].text)
        elif end_tok - start_tok >= 2 and doc[start_tok].ent_type_ in ("NORP", "GPE", "LOC") and not code:
            # "Pakistani Kashmir", "Indian Kashmir": the adjective says whose side of it
            place.country_hint = country_code(doc[start_tok].text)
        before = doc.text[max(sent.start_char, ent.start_char - 30):ent.start_char].lower()
        if RIVER_BANK.search(before):
            continue  # "the left bank of the Dnipro": a river, not the city of that name
        for rel in RELATIONS:
            if before.rstrip().endswith(rel):
                place.relation = rel
        out.append(place)
    # "the capital", "the Ukrainian capital": the capital city of a country (resolved later)
    for tok in sent:
        if tok.lower_ == "capital" and tok.pos_ == "NOUN" and not tok.ent_type_ \
                and any(c.lower_ == "the" or (c.dep_ == "poss" and country_code(c.text)) for c in tok.children) \
                and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):   # "the capital", "Yemen's capital"
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue  # "the capital of X": X itself is named
            if any(c.dep_ == "appos" and c.ent_type_ in ("GPE", "LOC") for c in tok.children) or (
                    tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].ent_type_ in ("GPE", "LOC")):
                continue  # "the capital, Kinshasa": the name is the place
            hint = next((country_code(c.text) for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                         and country_code(c.text)), None)
            out.append(PlaceMention(text=tok.text, start=offset + tok.idx, end=offset + tok.idx + len(tok.text),
                                    root=tok, tokens=(tok.i, tok.i + 1), cue="capital", country_hint=hint))
    # Members of a list with a place are places too ("Kharkiv, Dnipro, Chernihiv and
    # Cherkasy" where the statistical NER called two of them a nationality and a person).
    known = {p.root.i for p in out}
    for p in list(out):
        stack = [c for c in p.root.children if c.dep_ == "conj"]
        while stack:
            tok = stack.pop()
            stack.extend(c for c in tok.children if c.dep_ == "conj")
            if tok.i in known or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.text in stop:
                continue
            if country_code(tok.text) and tok.ent_type_ == "NORP":
                continue  # "Russian" stays an adjective
            ent = next((e for e in sent.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                start_tok, end_tok = ent.start, ent.end
            else:  # the proper-noun run ending at this token ("Burkina Faso")
                start_tok = tok.i
                while start_tok > sent.start and doc[start_tok - 1].pos_ == "PROPN" and doc[start_tok - 1].dep_ == "compound":
                    start_tok -= 1
                end_tok = tok.i + 1
            if any(p.tokens[0] <= start_tok < p.tokens[1] for p in out):
                continue
            span = doc[start_tok:end_tok]
            known.add(tok.i)
            out.append(PlaceMention(text=span.text, start=offset + span.start_char, end=offset + span.end_char,
                                    root=tok, tokens=(start_tok, end_tok),
                                    cue=_cue_after(doc, end_tok, lex),
                                    is_country=bool(country_code(span.text))))
    out.sort(key=lambda p: p.start)
    # a cue before a list applies to every member ("the regions of Kharkiv, Dnipro and Sumy")
    for a, b in zip(out, out[1:]):
        if a.cue and not b.cue and doc[a.tokens[1]:b.tokens[0]].text.strip(" ,") in ("", "and", "or", ", and"):
            b.cue = a.cue
    for a, b in zip(reversed(out[:-1]), reversed(out[1:])):
        between = doc[a.tokens[1]:b.tokens[0]].text.strip(" ,")
        if b.cue and not a.cue and between in ("", "and", "or"):
            a.cue = b.cue
    for p in out:
        if p.cue:
            p.is_country = False
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


def find_nationwide(sent: Span, lex: Lexicon) -> tuple[int, int] | None:
    low = sent.text.lower()
    for phrase in sorted(lex.place_cues["nationwide"], key=len, reverse=True):
        i = low.find(phrase)
        if i >= 0:
            return i, i + len(phrase)
    return None


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
