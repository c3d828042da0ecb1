"""Mine candidate trigger words from gold evidence sentences, by dependency role.

    .venv/bin/python scripts/mine_triggers.py ../shared/real [--plover ../shared/peer/plover/cases_annotated.json]

For every gold event whose sentence no rule of patterns/triggers.jsonl matches for its
family, the words that carry the sentence (the root verb, the verbs of its clausal
complements, their subject and object nouns) are counted per family. The output is a list
of candidates to review by hand; accepted ones go into triggers.jsonl as rules with ids
(the loader validates them). Nothing here is used at run time.
"""
from __future__ import annotations

import argparse
import json
import warnings
from collections import Counter, defaultdict
from pathlib import Path

FAMILY = {"attack": "violence", "clash": "violence", "casualties": "violence", "territorial_change": "territory",
          "airspace_violation": "airspace", "military_movement": "movement", "diplomatic_meeting": "diplomacy",
          "visit": "diplomacy", "agreement": "diplomacy", "proposal": "proposal", "statement": "statement",
          "protest": "protest"}
PLOVER = {"violence": "violence", "diplomacy": "diplomacy", "protest": "protest", "movement": "movement",
          "statement": "statement"}


def gold_sentences(real: Path, plover: Path | None) -> list[tuple[str, str]]:
    out = []
    for gold in sorted(real.glob("*.gold.json")):
        for e in json.loads(gold.read_text(encoding="utf-8"))["events"]:
            if e["type"] in FAMILY:
                out.append((FAMILY[e["type"]], e["sentence"]))
    if plover is not None and plover.is_file():
        for case in json.loads(plover.read_text(encoding="utf-8")):
            if case.get("family") in PLOVER:
                out.append((PLOVER[case["family"]], case["text"]))
    return out


def carriers(sent) -> list[tuple[str, str]]:
    """(role, lemma) of the words that carry a sentence: root, clausal verbs, their arguments."""
    out = []
    verbs = [t for t in sent if t.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl") and t.pos_ == "VERB"]
    for v in verbs:
        out.append(("verb", v.lemma_.lower()))
        for c in v.children:
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN":
                out.append((c.dep_, c.lemma_.lower()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("real", type=Path)
    parser.add_argument("--plover", type=Path, default=None)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from dateline.extraction.nlp import load_model
    from dateline.extraction.lexicon import load_lexicon
    from dateline.settings import Settings

    nlp = load_model(Settings.load().spacy_model)
    lex = load_lexicon()
    known: dict[str, set[str]] = defaultdict(set)
    for rule in lex.triggers:
        for spec in rule["pattern"][:1]:
            for key in ("LEMMA", "LOWER"):
                value = spec.get(key)
                words = [value] if isinstance(value, str) else (value or {}).get("IN", [])
                known[FAMILY.get(rule["type"], "other")].update(w.lower() for w in words)
    speech = set(lex.speech)
    counts: dict[str, Counter] = defaultdict(Counter)
    for family, text in gold_sentences(args.real, args.plover):
        doc = nlp(text)
        for role, lemma in carriers(doc):
            if lemma in known[family] or (family == "statement" and lemma in speech):
                continue
            counts[family][f"{role}:{lemma}"] += 1
    print(json.dumps({fam: c.most_common(args.top) for fam, c in sorted(counts.items())}, indent=1))


if __name__ == "__main__":
    main()
