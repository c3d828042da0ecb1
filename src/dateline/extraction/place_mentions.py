"""The places a sentence names: NER places and gazetteer-known names, with their cue words
('the Kharkiv region', 'the town of X'), whose they are (possessives, 'Moscow-installed'),
the capital a text means, the members of a list of places, and nationwide phrases."""
from __future__ import annotations

import re

from spacy.tokens import Span

from .facts import PLACE_LABELS, POSSESSIVE, PlaceMention
from .lexicon import Lexicon, load_lexicon


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
        if word in SETTLEMENT_CUES:
            return "city"
    return None


RELATIONS = load_lexicon().words["places.relation_phrases"]


RIVER_BANK = re.compile(r"\b(banks?|river|shores?) of( the)?\s*$")


SITE_NOUNS = load_lexicon().words["places.military_site_nouns"]
SETTLEMENT_CUES = load_lexicon().words["places.settlement_cue_nouns"]


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
        after = end_tok + (1 if cue and _cue_after(doc, end_tok, lex) else 0)   # past the cue word
        if cue and after + 1 < len(doc) and doc[after].lower_ in SETTLEMENT_CUES and doc[after + 1].lower_ == "of":
            is_modifier = True  # "the Hiran region village of Yasoman": the region frames the village named next
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
        # the longest phrase that ends the text before: "southeast of", not "east of"
        relation = max((rel for rel in RELATIONS if before.rstrip().endswith(rel)), key=len, default=None)
        if relation is not None:
            place.relation = relation
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


def find_nationwide(sent: Span, lex: Lexicon) -> tuple[int, int] | None:
    low = sent.text.lower()
    for phrase in sorted(lex.place_cues["nationwide"], key=len, reverse=True):
        i = low.find(phrase)
        if i >= 0:
            return i, i + len(phrase)
    return None
