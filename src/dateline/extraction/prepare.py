"""Preparing each paragraph's Doc before the families run: the places the statistical model
misses or cuts (parenthesised 'Boni (Douentza, Mopti)', 'the village of X', names the gazetteer
knows, names told earlier in the article)."""
from __future__ import annotations

import logging
import re
from collections import Counter

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .lexicon import load_lexicon

log = logging.getLogger(__name__)


TITLES_BEFORE_NAMES = load_lexicon().words["actors.titles_before_names"]


FUNCTION_POS = {"ADJ", "ADV", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "NUM"}


def split_parenthesised_places(doc: Doc) -> None:
    """'Ardamata (West Darfur)', 'Lastochkyne (Donetsk)': event notes name a place and, in
    brackets, the district or region it lies in. The model often reads the whole as one
    entity, or the first name as an organisation; both are places, each its own entity."""
    ents = list(doc.ents)
    out, changed = [], False
    for e in ents:
        opens = [t.i for t in e if t.text == "("]
        if not opens or e.label_ not in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
            out.append(e)
            continue
        i = opens[0]
        close = next((t.i for t in doc[i:e.end + 3] if t.text == ")"), None)
        inner_end = min(close if close is not None else e.end, e.end)
        before = doc[e.start:i]
        inner = doc[i + 1:inner_end]
        if len(before) and len(inner) and before[0].pos_ == "PROPN" and inner[0].pos_ == "PROPN":
            out += [Span(doc, before.start, before.end, label="GPE"), Span(doc, inner.start, inner.end, label="GPE")]
            changed = True
        else:
            out.append(e)
    if changed:
        doc.ents = filter_spans(out)


SETTLEMENT_NOUNS = load_lexicon().words["places.settlement_of_nouns"]


def name_settlements(doc: Doc) -> None:
    """'the village of Robotyne', 'the town of Bara': what follows is a place, whatever the model
    made of it (nothing, a person, an organisation)."""
    ents = list(doc.ents)
    changed = False
    for tok in doc:
        if tok.lower_ not in SETTLEMENT_NOUNS or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            continue
        start = tok.i + 2
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end == start:
            continue
        clash = [e for e in ents if e.start < end and start < e.end]
        if any(e.label_ in ("GPE", "LOC", "FAC") for e in clash):
            continue
        ents = [e for e in ents if e not in clash] + [Span(doc, start, end, label="GPE")]
        changed = True
    if changed:
        doc.ents = filter_spans(ents)


def add_gazetteer_places(doc: Doc, geo) -> None:
    """Places the gazetteer knows and the statistical NER missed or mislabelled.

    A gazetteer match becomes a GPE where the model saw nothing, or where it saw the
    very same words as a person, nationality or organisation ("Chernihiv" PERSON,
    "Dnipro" NORP) - but never inside a longer name ("Volodymyr Zelenskyy").
    """
    try:
        mentions = geo.find_mentions(doc.text)
    except Exception as exc:  # recognition is a bonus; never lose the document over it
        log.warning("gazetteer place recognition failed: %s", exc)
        return
    ents = list(doc.ents)
    changed = False
    for start, end, _name in mentions:
        span = doc.char_span(start, end, label="GPE")
        if span is None or span.text.isupper():
            continue
        overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
        if overlapping and all(e.label_ in ("GPE", "LOC", "NORP") and span.start <= e.start and e.end <= span.end
                               for e in overlapping) and any(len(e) < len(span) for e in overlapping):
            ents = [e for e in ents if e not in overlapping] + [span]  # "Burkina" + "Faso" -> "Burkina Faso"
            changed = True
            continue
        if any(e.label_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY") for e in overlapping):
            continue
        if len(span) == 1 and (span[0].is_stop or (span[0].is_sent_start and span[0].pos_ in FUNCTION_POS)):
            continue  # "Most of the dead were recruits": an English word, not the Czech town
        if any((e.start, e.end) != (span.start, span.end) for e in overlapping):
            continue  # part of a longer name
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES_BEFORE_NAMES:
            continue
        if span.end < len(doc) and doc[span.end].ent_type_ == "PERSON":
            continue  # a first name before a surname
        if span.root.dep_ == "compound" and span.root.head.lower_ in TITLES_BEFORE_NAMES | {"minister", "president"}:
            continue  # "Vice" in "Vice Foreign Minister"
        ents = [e for e in ents if e not in overlapping] + [span]
        changed = True
    if changed:
        doc.ents = filter_spans(ents)


def add_places_named_before(docs: list[Doc], lex) -> None:
    """A name the article already used as a place is a place wherever the model missed it
    ("the village of Stepnohirsk" ... "fighting in and around Stepnohirsk")."""
    labels: dict[str, Counter] = {}
    for doc in docs:
        for e in doc.ents:
            named_place = e.label_ in ("GPE", "LOC") or (
                e.root.dep_ == "pobj" and e.root.head.lower_ == "of"
                and e.root.head.head.lemma_.lower() in ("village", "town", "city", "settlement"))  # "the village of X"
            labels.setdefault(e.text, Counter())[named_place] += 1
    # only names the article uses mostly as places, and never a known armed group ("Fano")
    actors = {a.lower() for a in lex.actors}
    names = {name for name, c in labels.items() if c[True] and c[True] >= c[False] and name[:1].isupper()
             and not name.isupper() and len(name) > 3 and name.lower() not in actors}
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    for doc in docs:
        ents, changed = list(doc.ents), False
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="GPE")
            if span is None:
                continue
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if overlapping and not all(e.label_ in ("PERSON", "ORG", "NORP") and (e.start, e.end) == (span.start, span.end)
                                       for e in overlapping):
                continue  # already a place, or part of a longer name
            if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES_BEFORE_NAMES:
                continue
            ents = [e for e in ents if e not in overlapping] + [span]
            changed = True
        if changed:
            doc.ents = filter_spans(ents)
