"""Every event of every fixture carries its exact sentence: text[start:end] == sentence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest.read import read_path
from dateline.models import EVENT_TYPES, STATUSES

DEV_GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "dev"


def _articles(shared_dir):
    fixtures = DEV_GOLD.parent
    paths = [path for name in ("dev", "heldout", "unseen", "fresh", "final") for path in sorted((fixtures / name).glob("*.txt"))]
    paths += [shared_dir / "seed" / "article.txt"]
    paths += sorted((DEV_GOLD.parent.parent.parent / "examples").glob("*.txt"))
    return paths


@pytest.mark.slow
def test_evidence_offsets_hold_on_every_fixture(extractor, shared_dir):
    checked = 0
    for path in _articles(shared_dir):
        article = read_path(path, published="2025-11-25")
        result = extractor.extract_article(article)
        text = article.text
        data = result.to_dict()
        json.dumps(data)  # serialisable
        ids = {e["id"] for e in data["events"]}
        assert len(ids) == len(data["events"]), path
        for e in data["events"]:
            ev = e["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["sentence"], (path.name, e["id"])
            for s in ev["support"]:
                assert text[s["start"]:s["end"]] == s["sentence"], (path.name, e["id"])
            assert e["type"] in EVENT_TYPES and e["status"] in STATUSES
            assert e["part_of"] is None or e["part_of"] in ids
            for q in ("fatalities", "injured"):
                if e[q] is not None:
                    assert e[q]["qualifier"] in ("exact", "at_least", "more_than", "at_most", "about", "vague")
            checked += 1
        for q in data["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
            assert q["event_id"] is None or q["event_id"] in ids
    assert checked > 200
