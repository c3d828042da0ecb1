"""Quality gate: the tracker scored on the hand-written gold set (original wire-style
articles about five negotiations). Floors from the issue: stance F1 >= 0.8 and
provision-topic accuracy >= 0.85, on all articles and on the held-out ones alone."""
from pathlib import Path

import pytest

from dateline.tracker import read_articles
from dateline.tracker.evaluate import load_gold, score

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def findings(gold_articles):
    return read_articles(gold_articles)


def test_gold_set_covers_several_negotiations():
    gold = load_gold(DATA / "gold.jsonl")
    assert len(gold) >= 12
    assert {g["id"].removeprefix("heldout_").split("_")[0] for g in gold} >= {
        "ukraine", "gaza", "sudan", "armenia", "congo"}
    for g in gold:
        assert (DATA / "articles" / f"{g['id']}.txt").is_file()


def test_stance_f1_and_provision_accuracy_floors(findings):
    result = score(findings, load_gold(DATA / "gold.jsonl"))
    print(result.to_dict())
    assert result.f1 >= 0.80, result.details
    assert result.provision_accuracy >= 0.85, result.details


def test_held_out_articles_stay_above_floor(findings):
    held_out = [g for g in load_gold(DATA / "gold.jsonl") if g["split"] == "heldout"]
    result = score(findings, held_out)
    print(result.to_dict())
    assert result.f1 >= 0.75, result.details
    assert result.provision_accuracy >= 0.85, result.details
