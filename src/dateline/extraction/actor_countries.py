"""Countries from words: a country named or implied by one word ('Russian', 'Kremlin'), the
countries an article is about, in order, and where a person is said to travel."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from .lexicon import Lexicon, load_lexicon


@lru_cache(maxsize=8192)
def _country_code(text: str) -> str | None:
    """A country named by a word or name, from the country lists (a pure lookup, so cached)."""
    from ..geo import countries

    code = countries.country_code(text)
    if code:
        return code
    return countries.metonym_country(text) if hasattr(countries, "metonym_country") else None


def country_of_text(text: str, lex: Lexicon) -> str | None:
    """A country named or implied by one word or name: 'Russian', "France's", 'Kremlin'."""
    clean = re.sub(r"['’]s$", "", text.strip())
    return _country_code(clean) or lex.actors_lower.get(clean.lower())


def _ranked_countries(docs: list[Doc], lex: Lexicon) -> list[str]:
    from collections import Counter

    counts: Counter[str] = Counter()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "GPE":  # places, not nationality adjectives ("Russian strikes")
                code = country_of_text(ent.text, lex)
                if code:
                    counts[code] += 1
    return [c for c, _ in counts.most_common()]


def _main_country(docs: list[Doc], lex: Lexicon) -> str | None:
    ranked = _ranked_countries(docs, lex)
    return ranked[0] if ranked else None


TRAVEL = load_lexicon().words["actors.travel_verbs"]


def _destinations(name: str, sentences: list[Span], lex: Lexicon) -> set[str]:
    """Countries a person is said to travel to, in sentences that name them."""
    last = name.split()[-1]
    out: set[str] = set()
    for sent in sentences:
        if last not in sent.text:
            continue
        for tok in sent:
            if tok.lemma_.lower() not in TRAVEL:
                continue
            for ent in sent.ents:
                if ent.label_ == "GPE" and ent.root.head.i in (tok.i, *[c.i for c in tok.children if c.dep_ == "prep"]):
                    code = country_of_text(ent.text, lex)
                    if code:
                        out.add(code)
    return out
