"""Who: actors, speakers and claimants, resolved to one name and a country.

Knowledge comes from the text (titles, possessives, nationality adjectives,
"the Kremlin's spokesman") and from general lists (countries and demonyms in
``dateline.geo.countries``, organisations in ``patterns/actors.jsonl``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import Actor
from .actor_countries import _destinations, _main_country, _ranked_countries, country_of_text
from .lexicon import Lexicon, load_lexicon

TITLES = load_lexicon().words["actors.title_words"]
DETERMINERS = re.compile(r"^(the|a|an)\s+", re.I)


@dataclass
class ActorIndex:
    """Article-level knowledge of people: full names and their countries."""

    full_names: dict[str, str] = field(default_factory=dict)   # surname -> "First Last"
    countries: dict[str, str] = field(default_factory=dict)    # full name -> ISO2
    last_person: str | None = None
    titles: dict[str, str] = field(default_factory=dict)   # "secretary" -> the person last named with it
    last_group: Actor | None = None
    main_country: str | None = None   # whose officials "President X" means: the dateline's, else topic
    topic_country: str | None = None  # the country the article names most

    def learn(self, docs: list[Doc], lex: Lexicon, *, home_country: str | None = None) -> None:
        people: list[Span] = []
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _looks_like_person(ent)):
                    people.append(ent)
        for ent in sorted(people, key=lambda e: -len(e.text)):
            name = _clean_name(ent.text)
            parts = name.split()
            if not parts:
                continue
            full = self.full_names.get(parts[-1])
            if full is None or len(full) < len(name):
                self.full_names[parts[-1]] = name
        titled_people = set()
        for ent in people:
            name = self.resolve_name(_clean_name(ent.text))
            for word in _title_words(ent):
                self.titles[word] = name
            if titled(ent):
                titled_people.add(name)
            if name in self.countries:
                continue
            description = _description(ent)
            if description is not None and international(description.text, lex):
                continue  # "Anna Berg, head of the ICRC delegation in Yemen": not Yemeni
            code = _country_near(ent, lex)
            if code:
                self.countries[name] = code
        # An office-holder whose country the text never states belongs, most likely,
        # to the country the article is about.
        # where the reporter files from says whose officials "President X" most likely means
        self.topic_country = _main_country(docs, lex)
        self.main_country = home_country or self.topic_country
        # Otherwise the country of the body just named before ("The Kremlin said ...
        # Spokesman X told reporters"), else the article's main country.
        sentences = [sent for doc in docs for sent in doc.sents]
        for ent in people:
            name = self.resolve_name(_clean_name(ent.text))
            if name not in titled_people or name in self.countries:
                continue
            description = _description(ent)
            if description is not None and international(description.text, lex):
                continue  # "Daniela Moser, head of the ICRC delegation": no nationality
            index = next((k for k, sent in enumerate(sentences) if sent.start <= ent.start < sent.end
                          and sent.doc is ent.doc), None)
            before = sentences[index - 1] if index else None
            code = self._country_of_sentence(before, lex) if before is not None else None
            # "President X may travel to the United States": X is not that country's president
            away = _destinations(name, sentences, lex)
            if code in away:
                code = None
            if code is None:
                code = next((c for c in [self.main_country, *_ranked_countries(docs, lex)] if c and c not in away), None)
            if code:
                self.countries[name] = code
        # Anyone else the text gives no nationality: what their description says ("who heads
        # the Houthi committee"), none for someone from an international body or a think tank,
        # else the article's main country (a resident quoted in a report from that country).
        for ent in people:
            name = self.resolve_name(_clean_name(ent.text))
            if name in self.countries:
                continue
            description = _description(ent)
            if description is not None and international(description.text, lex):
                continue
            code = None
            if description is not None:
                code = next((c for e in description.ents if e.label_ in ("GPE", "NORP", "ORG")
                             for c in [country_of_text(e.text, lex)] if c), None)
                code = code or next((c for t in description if t.text in lex.actors
                                     for c in [country_of_text(t.text, lex)] if c), None)
            if code is None and international(ent.sent.text, lex):
                continue
            code = code or self.topic_country
            if code:
                self.countries[name] = code

    def _country_of_sentence(self, sent: Span, lex: Lexicon) -> str | None:
        """The country a sentence is about: its subject's, else the last one it names.

        "India's ministry said ... 'no Pakistani sites were hit'" is about India; a person
        as subject lends the country already known for them.
        """
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subj in subjects:
            # only an actor as subject ("India's ministry", "Netanyahu"), not "Russian strikes";
            # and only its own words, not a clause hanging off it ("a committee including ...")
            if not (subj.pos_ == "PROPN" or subj.ent_type_ or subj.lower_ in lex.roles
                    or subj.lemma_.lower() in lex.roles):
                continue
            words = [subj] + [t for c in subj.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                              for t in c.subtree]
            span = sent.doc[min(t.i for t in words): max(t.i for t in words) + 1]
            for ent in span.ents:
                if ent.label_ in ("GPE", "NORP", "ORG"):
                    code = country_of_text(ent.text, lex)
                    if code:
                        return code
                if ent.label_ == "PERSON":
                    code = self.countries.get(self.resolve_name(_clean_name(ent.text)))
                    if code:
                        return code
            for tok in span:
                if tok.text in lex.actors:
                    code = country_of_text(tok.text, lex)
                    if code:
                        return code
        for ent in reversed(sent.ents):
            hyphened = ent.end < len(sent.doc) and sent.doc[ent.end].text in ("-", "–")   # "the Iran-backed group"
            if ent.label_ in ("GPE", "NORP", "ORG") and not hyphened:
                code = country_of_text(ent.text, lex)
                if code:
                    return code
        for tok in reversed(list(sent)):
            if tok.text in lex.actors:
                code = country_of_text(tok.text, lex)
                if code:
                    return code
        return None

    def resolve_name(self, name: str) -> str:
        parts = name.split()
        if not parts:
            return name
        full = self.full_names.get(parts[-1])
        return full if full and full.endswith(name) else name


def _description(ent: Span) -> Span | None:
    """The words that describe a person: 'X, a shopkeeper who ...', 'X, who heads the Y
    committee', 'the head of the Y delegation, X'."""
    doc, sent = ent.doc, ent.sent
    if ent.end < sent.end and doc[ent.end].text == ",":
        end = ent.end + 1
        while end < sent.end and doc[end].text not in (",", ";", ".", "\"", "“", "”") and end - ent.end < 14:
            end += 1
        return doc[ent.end + 1: end]
    if ent.start - 1 > sent.start and doc[ent.start - 1].text == ",":
        start = ent.start - 1
        while start > sent.start and doc[start - 1].text not in (",", ";", "\"", "“", "”") and ent.start - start < 10:
            start -= 1
        return doc[start: ent.start - 1]
    return None


def international(text: str, lex: Lexicon) -> bool:
    """Does the text name a body or role with no nationality (the UN, an analyst)?"""
    if re.search(r"\b(UN|AU|EU)\b", text):
        return True   # capitals only: "the UN's coordinator", not "Kim Jong-un"
    low = f" {re.sub(r'[^a-z./ ]+', ' ', text.lower())} "
    return lex.international_re is not None and lex.international_re.search(low) is not None


GENERIC_FORCES = load_lexicon().words["actors.generic_forces"]


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    words = [w for w in text.split() if w.lower() not in TITLES]
    return " ".join(words)


def _looks_like_person(ent: Span) -> bool:
    """spaCy sometimes labels 'Rustem Umerov' ORG: two or three capitalised words after a title."""
    words = ent.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ in TITLES:
        return True
    # "Rustem Umerov, secretary of ...": an office in apposition after the name
    after = doc[ent.end: ent.end + 4]
    return len(after) >= 2 and after[0].text == "," and any(t.lower_ in TITLES or t.lower_ in OFFICES for t in after[1:])


def _country_near(ent: Span, lex: Lexicon) -> str | None:
    """The country in a person's title ('France's President X', 'US Secretary of State X')."""
    doc = ent.doc
    sent = ent.sent
    title = doc[max(sent.start, ent.start - 6):ent.start].text
    for term, code in lex.actors.items():
        if code and " " in term and title.endswith(term):
            return code   # "Secretary of State Antony J. Blinken": an office that names its country
    i = ent.start - 1
    steps = 0
    while i >= sent.start and steps < 8:
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("and", "said", "with", "as", "to") or tok.text in (",", ";", "“", "\""):
            break
        if tok.ent_type_ in ("GPE", "NORP", "ORG") or tok.text in lex.actors:
            code = country_of_text(tok.text, lex)   # "U.S. Army Secretary X": U.S. inside an ORG
            if code:
                return code
        i -= 1
        steps += 1
    # A titled person with no country in the title: the nearest country named before
    # in the same sentence ("X's diplomacy ..., as President Y signalled").
    # An apposition after the name: "Rustem Umerov, secretary of Ukraine's security council"
    if ent.end < sent.end and doc[ent.end].text == ",":
        for tok in doc[ent.end + 1: min(sent.end, ent.end + 10)]:
            if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";"):
                break
            if tok.ent_type_ in ("GPE", "NORP") or tok.text in lex.actors:
                code = country_of_text(tok.text, lex)
                if code:
                    return code
    # Only a country that owns the sentence's topic counts ("Ukraine's diplomacy ..."),
    # not any nationality mentioned on the way ("... Russian drones, Prime Minister X said").
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ in TITLES:
        for tok in reversed(doc[sent.start: ent.start]):
            if tok.ent_type_ == "GPE" and tok.dep_ in ("poss", "nsubj"):
                code = country_of_text(tok.text, lex)
                if code:
                    return code
    return None


def titled(ent: Span) -> bool:
    """A person introduced with an office ("Finance Minister X", "President X")."""
    window = ent.doc[max(ent.sent.start, ent.start - 4): ent.start]
    return any(t.lower_ in TITLES or t.lower_ in OFFICES for t in window)


OFFICES = load_lexicon().words["actors.office_words"]


OFFICE_ROLES = load_lexicon().words["actors.state_offices"]


TITLE_WORDS = load_lexicon().words["actors.title_nouns"]
TITLE_PREFIXES = load_lexicon().words["actors.title_prefixes"]


def _title_words(ent: Span) -> list[str]:
    """The office words just before a name ('Secretary of State Antony J. Blinken' -> secretary,
    'Prime Minister Abiy Ahmed' -> prime minister, minister)."""
    doc = ent.doc
    # the run of title words right before the name: "Secretary Blinken and the Amir" gives the
    # Amir no title (another name, "and" and "the" stand between)
    words = []
    for t in reversed(doc[max(ent.sent.start, ent.start - 5):ent.start]):
        if t.pos_ not in ("PROPN", "NOUN", "ADP", "ADJ") or t.ent_type_ == "PERSON":
            break
        words.insert(0, t)
    out = []
    for t in words:
        low = t.lower_
        if low in TITLE_WORDS:
            out.append(low)
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.lower_ in TITLE_PREFIXES:
                out.append(f"{prev.lower_} {low}")
    return out


def actor_from_span(span: Span, index: ActorIndex, lex: Lexicon) -> Actor | None:
    """A noun phrase -> Actor(name, country)."""
    if span is None or not span.text.strip():
        return None
    cut = max((t.i for t in span if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_)), default=None)
    if cut is not None and cut + 1 < span.end:
        span = span.doc[cut + 1: span.end]   # "Brussels, 12 June 2026 — The leaders": the dateline is no actor
    when = next((t.i for t in span if t.i > span.start and t.dep_ == "prep" and t.lower_ in ("on", "late", "early")
                 and any(c.ent_type_ in ("DATE", "TIME") for c in t.children)), None)
    if when is not None:
        span = span.doc[span.start:when]    # "Gaza's civil defense agency on Sunday": the agency
    persons = [e for e in span.ents if e.label_ == "PERSON" or (e.label_ == "ORG" and _looks_like_person(e))]
    country = next((c for e in span.ents if e.label_ in ("GPE", "NORP", "ORG", "LOC")
                    for c in [country_of_text(e.text, lex)] if c), None)   # "South Korea's office"
    for tok in span if country is None else []:
        if tok.ent_type_ in ("GPE", "NORP", "ORG", "LOC") or tok.text in lex.actors or tok.lower_ == "kremlin":
            code = country_of_text(tok.text, lex)
            if code:
                country = code
                break
    if country is None:
        for term, code in lex.actors.items():
            if code and term.lower() in span.text.lower():
                country = code
                break
    if persons:
        # "Kim Yo-jong, the sister of leader Kim Jong-un": the person the phrase is about
        person = next((e for e in persons if e.start <= span.root.i < e.end), persons[-1])
        name = index.resolve_name(_clean_name(person.text))
        if international(span.text, lex) and name not in index.countries:
            return Actor(name, None)   # "Anna Berg, head of the ICRC delegation in Yemen": no nationality
        return Actor(name, country or index.countries.get(name))
    text = DETERMINERS.sub("", span.text.strip(" ,"))
    text = re.sub(r"\s+", " ", text)
    holder = index.titles.get(text.lower())
    if holder is not None and span[0].lower_ == "the":
        # "The Secretary reaffirmed ...": the Secretary of State named earlier
        return Actor(holder, index.countries.get(holder) or country)
    if len(span) == 1 and span.root.pos_ == "PROPN":
        text = index.resolve_name(text)  # "Umerov" -> "Rustem Umerov" named earlier
        if country is None:
            country = index.countries.get(text)
    if country is None:
        country = country_of_text(text, lex)
    if country is None and text.lower() in GENERIC_FORCES:
        country = index.main_country  # "the army said" in a report about one country
    if country is None and any(t.lower_ in OFFICE_ROLES for t in span) and not international(span.text, lex) \
            and not any(e.label_ == "PERSON" and e.root == span.root for e in span.ents) \
            and span.root.lower_ not in ("group", "groups", "militia", "rebels"):
        country = index.topic_country  # "the president", "the Ombudsman's Office": the article's country
    return Actor(text, country)


def subject_actor(verb: Token, index: ActorIndex, lex: Lexicon) -> Actor | None:
    from .facts import _subject, noun_phrase

    subj = _subject(verb, passive=False)
    if subj is None:
        return None
    return actor_from_span(noun_phrase(subj), index, lex)


def is_speaker_like(span: Span, lex: Lexicon) -> bool:
    """A named or described speaker: a person, organisation, country or a role noun."""
    if any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in span.ents):
        return True
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    if words & lex.roles:
        return True
    # an unknown name the model did not tag ("Pashinyan said"): a capitalised proper noun
    return span.root.pos_ == "PROPN" and span.root.text[:1].isupper() and span.root.lower_ not in ("others",)
