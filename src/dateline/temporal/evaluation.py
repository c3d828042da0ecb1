"""Score the date resolver on a JSONL file of news sentences (tests/temporal/data/date_phrases.jsonl).

Each case carries a sentence, its anchor (publication day), the article's numeric
convention (``day_first``: true, false or null) and what a reader expects: an exact
span (start, end), or a day the span must contain at a given precision, or no
date at all ("start": null). Used by tests/temporal (a floor) and benchmarks.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..models import TimeSpan
from . import best_time, date_convention


@dataclass(slots=True)
class PhraseReport:
    total: int = 0
    correct: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_phrases(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def meets(expect: dict, span: TimeSpan | None) -> bool:
    start = span.start.isoformat() if span and span.start else None
    end = span.end.isoformat() if span and span.end else None
    if "contains" in expect:
        day = date.fromisoformat(expect["contains"])
        return bool(span and span.start and span.end and span.start <= day <= span.end
                    and span.precision == expect["precision"])
    if expect.get("start") is None:
        return start is None
    if "precision" in expect and (span is None or span.precision != expect["precision"]):
        return False
    return (start, end) == (expect["start"], expect["end"])


def evaluate(cases: list[dict]) -> PhraseReport:
    report = PhraseReport()
    for case in cases:
        with date_convention(case.get("day_first")):
            span = best_time(case["sentence"], date.fromisoformat(case["anchor"]))
        report.total += 1
        if meets(case["expect"], span):
            report.correct += 1
        else:
            report.misses.append({"sentence": case["sentence"], "expect": case["expect"],
                                  "got": span.to_dict() if span else None})
    return report
