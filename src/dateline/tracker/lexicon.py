"""The tracker's rules, loaded from the data files in ``tracker/data``.

    parties.tsv         party -> ISO code and the forms that name it
    nonparties.txt      speakers whose words are commentary (analysts, residents)
    conflicts.jsonl     conflicts: belligerents and context-only aliases ("the army")
    topics.jsonl        provision topics and their cue patterns, in priority order
    stance_cues.jsonl   stance verbs, evaluations, condition and removal markers
    proposal_terms.json words that make a phrase a mention of a proposal
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Topic:
    topic: str
    label: str
    cues: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # verb | evaluation | condition | removal | praise
    position: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    label: str
    belligerents: tuple[str, ...]
    aliases: dict[str, str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    party_forms: dict[str, str]  # form as written -> party
    party_iso: dict[str, str]  # ISO2 -> party (first listed wins)
    nonparties: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    topics: tuple[Topic, ...]
    cues: tuple[Cue, ...]
    terms: dict[str, Any]

    def topic_label(self, topic: str) -> str:
        return next((t.label for t in self.topics if t.topic == topic), topic)


def _data(name: str) -> str:
    return resources.files("dateline.tracker").joinpath("data", name).read_text(encoding="utf-8")


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load() -> Lexicon:
    forms: dict[str, str] = {}
    iso: dict[str, str] = {}
    for line in _rows(_data("parties.tsv")):
        party, code, names = (line.split("\t") + ["", ""])[:3]
        if code and code not in iso:
            iso[code] = party
        for form in names.split("|"):
            if form.strip():
                forms.setdefault(form.strip(), party)
    conflicts = []
    for line in _rows(_data("conflicts.jsonl")):
        row = json.loads(line)
        conflicts.append(Conflict(row["id"], row["label"], tuple(row["belligerents"]),
                                  dict(row.get("aliases", {}))))
    topics = []
    for line in _rows(_data("topics.jsonl")):
        row = json.loads(line)
        topics.append(Topic(row["topic"], row["label"],
                            tuple(re.compile(c, re.IGNORECASE) for c in row["cues"])))
    cues = []
    for line in _rows(_data("stance_cues.jsonl")):
        row = json.loads(line)
        if row["kind"] == "comment":
            continue
        cues.append(Cue(row["kind"], row.get("position"), re.compile(row["pattern"], re.IGNORECASE)))
    terms = json.loads(_data("proposal_terms.json"))
    return Lexicon(forms, iso, tuple(_rows(_data("nonparties.txt"))), tuple(conflicts),
                   tuple(topics), tuple(cues), terms)
