"""The quality gate: exact-GeoNames-id accuracy on the hand-written geocoding cases."""
from pathlib import Path

from dateline.geo.evaluation import evaluate, load_cases

CASES = Path(__file__).resolve().parent / "data" / "geocoding_cases.jsonl"

# Measured 1.000 on 233 cases (the set was also used to tune the weights, so the
# floor leaves room); lowering it needs a reason in the commit message.
ACCURACY_FLOOR = 0.95


def test_geocoding_cases_are_many_and_varied():
    cases = load_cases(CASES)
    assert len(cases) >= 150
    countries = {c["spec"].split(":")[2] for c in cases if c["spec"].startswith("city:")}
    assert len(countries) >= 25
    assert {c["expected_precision"] for c in cases} >= {"city", "region", "district", "country", "point"}


def test_exact_id_accuracy_floor(gazetteer):
    report = evaluate(gazetteer, load_cases(CASES))
    misses = "\n".join(str(m) for m in report.misses)
    assert report.accuracy >= ACCURACY_FLOOR, f"accuracy {report.accuracy:.3f}; misses:\n{misses}"


HELDOUT = CASES.with_name("geocoding_heldout.jsonl")
# Written after tuning and never tuned on: measured 0.964 (53/55; misses: Poonch -> the
# Pakistani district, Kinmen -> Jincheng city instead of Kinmen County). Issue 14 added 70
# cases from Africa, the Middle East and Asia (tests/geo/data/heldout_world.py, written with
# the country-context rule, so not blind): 0.984 on all 125 (the session-start code: 0.928).
HELDOUT_FLOOR = 0.95


def test_heldout_accuracy_floor(gazetteer):
    cases = load_cases(HELDOUT)
    assert len(cases) >= 120
    report = evaluate(gazetteer, cases)
    misses = "\n".join(str(m) for m in report.misses)
    assert report.accuracy >= HELDOUT_FLOOR, f"accuracy {report.accuracy:.3f}; misses:\n{misses}"
