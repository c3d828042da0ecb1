"""`dateline explain`: every event with its rules and steps, every sentence with its events
or the reasons it gave none; event ids equal `dateline extract`'s."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.extraction.lexicon import PatternError, validate_row
from dateline.ingest.read import read_text

BIN = Path(sys.executable).with_name("dateline")

ARTICLE = """Shelling hits border town

KARVANA, May 6 — Artillery shelled the border town of Karvana on Friday, killing three civilians, the regional governor said.

The town has a population of about 20,000.

Officials from both countries met in Vienna on Thursday to discuss a ceasefire.
"""


def test_explanation_covers_every_event_and_sentence(extractor):
    article = read_text(ARTICLE, published="2023-05-06")
    explanation = extractor.explain_article(article)
    extraction = extractor.extract_article(read_text(ARTICLE, published="2023-05-06"))
    data = explanation.to_dict()
    assert data["schema"] == "dateline.explain/1"
    assert [e["id"] for e in data["events"]] == [e.id for e in extraction.events]
    attack = next(e for e in data["events"] if e["type"] == "attack")
    assert "attack.verb.strike" in attack["rules"]
    assert any(step.startswith("dating:") for step in attack["steps"])
    # every sentence is listed once, with its events or at least one reason
    starts = [s["start"] for s in data["sentences"]]
    assert starts == sorted(starts) and len(starts) == len(set(starts))
    for s in data["sentences"]:
        assert ARTICLE[s["start"]:s["end"]] == s["sentence"]
        assert s["events"] or s["reasons"]
    quiet = next(s for s in data["sentences"] if s["sentence"].startswith("The town has"))
    assert quiet["events"] == [] and any(r.startswith("no trigger") for r in quiet["reasons"])
    evidence = {e.evidence.start: e.id for e in extraction.events}
    for s in data["sentences"]:
        if s["start"] in evidence:
            assert evidence[s["start"]] in s["events"]


def test_explain_cli_json_and_text(tmp_path, extractor):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = subprocess.run([str(BIN), "explain", str(path), "--published", "2023-05-06", "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    extracted = json.loads(subprocess.run([str(BIN), "extract", str(path), "--published", "2023-05-06"],
                                          capture_output=True, text=True, check=True).stdout)
    assert [e["id"] for e in data["events"]] == [e["id"] for e in extracted["events"]]
    text = subprocess.run([str(BIN), "explain", str(path), "--published", "2023-05-06"],
                          capture_output=True, text=True, check=True).stdout
    assert "rules:" in text and "no trigger" in text


def test_a_rule_row_with_an_unknown_key_is_refused():
    good = {"id": "attack.x", "type": "attack", "subtype": None, "pattern": [{"LEMMA": "shell"}]}
    validate_row("triggers.jsonl", good)
    with pytest.raises(PatternError):
        validate_row("triggers.jsonl", {**good, "needs_content": True})
    with pytest.raises(PatternError):
        validate_row("triggers.jsonl", {**good, "type": "skirmish"})
    with pytest.raises(PatternError):
        validate_row("triggers.jsonl", {k: v for k, v in good.items() if k != "id"})


def test_every_contract_type_has_one_registered_family():
    from dateline.extraction.families import FAMILIES, check_registry
    from dateline.models import EVENT_TYPES

    check_registry()
    registered = [t for spec in FAMILIES.values() for t in spec.types]
    assert sorted(registered) == sorted(EVENT_TYPES)
    assert FAMILIES["statement"].merges is False and FAMILIES["territory"].same_day_only is True


def test_multi_word_rules_fire_through_the_word_lookup(extractor):
    # "opened fire" and "exchange of fire" are fixed runs of words (a lookup on the first word plus a
    # check of the next), "spoke by phone" has an optional word (spaCy's Matcher)
    text = ("Attacks and calls\n\nGunmen opened fire on a bus near Gao on Monday.\n\n"
            "Troops and rebels were caught in an exchange of fire near Boni on Monday.\n\n"
            "The two presidents spoke by phone on Monday.")
    rules = {r for e in extractor.explain_article(read_text(text, published="2024-06-11")).to_dict()["events"]
             for r in e["rules"]}
    assert {"attack.verb.open_fire", "clash.exchange_of_fire", "diplomatic_meeting.speak_by_phone"} <= rules
