"""Scoring the tracker against a gold set (tests/tracker/data/gold.jsonl).

Stance: a (party, proposal sponsors, target topic or "proposal", position) tuple
per article; precision/recall/F1 over all articles, and errors per party.
Provision topic accuracy: for each gold provision phrase, the predicted provision
of that article whose words overlap it most must carry the gold topic.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .findings import ArticleFindings

StanceKey = tuple[str, str, str, str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    provisions_right: int = 0
    provisions_total: int = 0
    party_errors: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def provision_accuracy(self) -> float:
        return self.provisions_right / self.provisions_total if self.provisions_total else 0.0

    def to_dict(self) -> dict:
        return {"stance_precision": round(self.precision, 3), "stance_recall": round(self.recall, 3),
                "stance_f1": round(self.f1, 3), "stances_gold": self.tp + self.fn,
                "stances_predicted": self.tp + self.fp,
                "provision_topic_accuracy": round(self.provision_accuracy, 3),
                "provisions_gold": self.provisions_total,
                "errors_by_party": dict(self.party_errors.most_common())}


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predicted_stances(found: ArticleFindings) -> set[StanceKey]:
    out = set()
    for proposal in found.proposals:
        sponsor = ",".join(sorted(proposal.sponsors))
        for s in proposal.stances:
            out.add((s.party, sponsor, s.target, s.position))
    return out


def _gold_stances(gold: dict) -> set[StanceKey]:
    return {(party, ",".join(sorted(s for s in sponsor.split(",") if s)), target, position)
            for party, sponsor, target, position in gold["stances"]}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def score(findings: list[ArticleFindings], gold: list[dict]) -> Score:
    by_id = {f.article_id: f for f in findings}
    result = Score()
    for item in gold:
        found = by_id.get(item["id"])
        predicted = predicted_stances(found) if found else set()
        expected = _gold_stances(item)
        for key in predicted & expected:
            result.tp += 1
        for key in predicted - expected:
            result.fp += 1
            result.party_errors[key[0]] += 1
            result.details.append(f"{item['id']}: extra {key}")
        for key in expected - predicted:
            result.fn += 1
            result.party_errors[key[0]] += 1
            result.details.append(f"{item['id']}: missed {key}")
        provisions = [p for proposal in (found.proposals if found else ()) for p in proposal.provisions]
        for gold_provision in item["provisions"]:
            result.provisions_total += 1
            words = _words(gold_provision["text"])
            best = max(provisions, key=lambda p: len(words & _words(p.text)), default=None)
            if best and len(words & _words(best.text)) >= max(1, len(words) // 2) \
                    and best.topic == gold_provision["topic"]:
                result.provisions_right += 1
            else:
                got = best.topic if best else None
                result.details.append(f"{item['id']}: provision {gold_provision['text']!r} "
                                      f"gold {gold_provision['topic']} got {got}")
    return result
