"""Hand-built spaCy Docs for rule tests (as spaCy's own tests do): words, lemmas, tags, heads
and dependencies are written out, so a rule's test does not move when the statistical model
does. Each token is "word/lemma/POS/TAG/head/dep" with head an absolute index."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span


@lru_cache(maxsize=1)
def blank():
    import dateline.extraction.nlp  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_events")
    return nlp


def build(spec: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    rows = [row.split("/") for row in spec.split()]
    words = [r[0].replace("_", " ") for r in rows]
    doc = Doc(blank().vocab, words=words,
              lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], tags=[r[3] for r in rows],
              heads=[int(r[4]) for r in rows], deps=[r[5] for r in rows])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def drafts(spec: str, ents: list[tuple[int, int, str]] = ()):
    """The drafts every family component makes of a hand-built sentence."""
    doc = blank().get_pipe("dateline_events")(build(spec, ents))
    return doc._.dateline_drafts, doc._.dateline_facts
