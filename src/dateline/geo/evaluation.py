"""Score the resolver on a JSONL file of geocoding cases (tests/geo/data/geocoding_cases.jsonl).

Each case carries a sentence, the mention, the context the extractor would
pass, and the expected GeoNames id (or the curated name, or "no place").
Used by tests/geo/test_geo_eval.py (a floor) and benchmarks/bench_geo.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Place
from .gazetteer import Gazetteer
from .ranking import GeoContext


@dataclass(slots=True)
class EvalReport:
    total: int = 0
    correct: int = 0
    precision_correct: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {"cases": self.total, "correct": self.correct, "accuracy": round(self.accuracy, 4),
                "precision_accuracy": round(self.precision_correct / max(self.total, 1), 4),
                "misses": self.misses}


def load_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def context_for(case: dict, gazetteer: Gazetteer) -> GeoContext:
    raw = case.get("context", {})
    countries = tuple(raw.get("article_countries", ()))
    parent: Place | None = None
    if raw.get("parent"):
        parent = gazetteer.resolve(raw["parent"], context=GeoContext(article_countries=countries))
    return GeoContext(cue=raw.get("cue"), country_hint=raw.get("country_hint"),
                      article_countries=countries, dateline_place=raw.get("dateline_place"),
                      parent=parent)


def is_correct(case: dict, place: Place | None) -> bool:
    if case["expect_none"]:
        return place is None
    if place is None:
        return False
    if case["expected_name"] is not None:  # curated place without a GeoNames id
        return place.geonameid is None and place.name == case["expected_name"]
    return place.geonameid == case["expected_geonameid"]


def evaluate(gazetteer: Gazetteer, cases: list[dict]) -> EvalReport:
    report = EvalReport()
    for case in cases:
        place = gazetteer.resolve(case["mention"], context=context_for(case, gazetteer))
        report.total += 1
        if is_correct(case, place):
            report.correct += 1
        else:
            report.misses.append({
                "mention": case["mention"], "spec": case["spec"],
                "expected": case["expected_geonameid"] or case["expected_name"],
                "got": None if place is None else
                {"geonameid": place.geonameid, "name": place.name, "country": place.country,
                 "precision": place.precision}})
        expected_precision = case["expected_precision"]
        if (place.precision if place else None) == expected_precision:
            report.precision_correct += 1
    return report
