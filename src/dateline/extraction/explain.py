"""Why each event exists and why a sentence gave none: the answer to `dateline explain`.

The pipeline records as it goes (trigger rule ids on each sentence's facts, a family's
refusals in ``SentenceFacts.notes``, the drafts each later step drops, folds or merges);
this module turns that record into a report whose event ids equal `dateline extract`'s.

    {"schema": "dateline.explain/1",
     "events": [{"id", "type", "rules": [...], "steps": [...]}],
     "sentences": [{"start", "end", "sentence", "events": [ids], "reasons": [...]}]}
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Extraction
from .components.base import Draft
from .facts import SentenceFacts
from .merge import Cluster

SCHEMA = "dateline.explain/1"


@dataclass
class PipelineRecord:
    """What the article-level steps did to the drafts, kept for the explanation."""

    facts: list[SentenceFacts] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)          # every draft the families made
    background: list[Draft] = field(default_factory=list)      # dropped by dating.drop_background
    folded: list[Draft] = field(default_factory=list)          # interceptions folded into a barrage
    clusters: list[Cluster] = field(default_factory=list)
    ids: dict[int, str] = field(default_factory=dict)          # id(cluster) -> event id


@dataclass(frozen=True)
class EventExplanation:
    id: str
    type: str
    rules: tuple[str, ...]
    steps: tuple[str, ...]


@dataclass(frozen=True)
class SentenceExplanation:
    start: int
    end: int
    sentence: str
    events: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    extraction: Extraction
    events: tuple[EventExplanation, ...]
    sentences: tuple[SentenceExplanation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA,
                "events": [{"id": e.id, "type": e.type, "rules": list(e.rules), "steps": list(e.steps)}
                           for e in self.events],
                "sentences": [{"start": s.start, "end": s.end, "sentence": s.sentence,
                               "events": list(s.events), "reasons": list(s.reasons)} for s in self.sentences]}

    def to_text(self) -> str:
        lines = []
        for e in self.events:
            lines.append(f"{e.id} {e.type}  rules: {', '.join(e.rules) or '-'}")
            lines += [f"    {step}" for step in e.steps]
        lines.append("")
        for s in self.sentences:
            head = ", ".join(s.events) if s.events else "no event"
            lines.append(f"[{s.start}:{s.end}] {head}: {s.sentence[:100]}{'…' if len(s.sentence) > 100 else ''}")
            lines += [f"    {reason}" for reason in s.reasons]
        return "\n".join(lines) + "\n"


def rule_ids(d: Draft) -> list[str]:
    """The trigger rules behind a draft: its own trigger's first, then the sentence's others
    of the same family. A statement made by a reporting verb names the speech rule
    (patterns/speech.jsonl) of that verb."""
    own = [t.rule_id for t in d.facts.triggers if d.trigger is not None and t.token.i == d.trigger.i]
    if not own and d.family == "statement":
        verbs = [a.verb.lemma_.lower() for a in d.facts.attributions if a.verb is not None]
        own = [f"speech.{v}" for v in verbs[:1]] or ["statement.attribution"]
    same = [t.rule_id for t in d.facts.triggers if _family(t.type) == d.family and t.rule_id not in own]
    return own + same


def _family(event_type: str) -> str:
    from ..models import FAMILIES
    return FAMILIES.get(event_type, "other")


def explain(extraction: Extraction, record: PipelineRecord) -> Explanation:
    by_id = {e.id: e for e in extraction.events}
    events = []
    cluster_of: dict[int, str] = {}   # id(draft) -> event id
    for c in record.clusters:
        eid = record.ids[id(c)]
        for d in c.drafts:
            cluster_of[id(d)] = eid
        events.append(_event(eid, c, by_id.get(eid)))
    sentences = [_sentence(f, extraction, record, cluster_of) for f in record.facts]
    return Explanation(extraction=extraction, events=tuple(events), sentences=tuple(sentences))


def _event(eid: str, c: Cluster, event) -> EventExplanation:
    rules: list[str] = []
    steps: list[str] = []
    primary = c.primary
    for d in sorted(c.drafts, key=lambda d: d.facts.index):
        for r in rule_ids(d):
            if r not in rules:
                rules.append(r)
        word = d.trigger.text if d.trigger is not None else "-"
        steps.append(f"{d.family}: {d.type} from '{word}' in sentence {d.facts.index + 1}"
                     + (" (evidence)" if d is primary else " (merged as support)"))
    if len(c.drafts) > 1:
        steps.append(f"merge: {len(c.drafts)} mentions in sentences "
                     f"{sorted({d.facts.index + 1 for d in c.drafts})} are one event")
    if event is not None:
        if event.date is not None:
            steps.append(f"dating: '{event.date.text}' -> {event.date.start}"
                         + ("" if event.date.end == event.date.start else f"..{event.date.end}"))
        else:
            steps.append("dating: the text dates nothing for it")
        if event.location is not None:
            loc = event.location
            steps.append(f"geo: '{loc.text}' -> {loc.name or '?'} ({loc.country or '?'}, {loc.precision or 'unresolved'})")
        if event.part_of:
            steps.append(f"link: part of {event.part_of}")
        if event.status != "reported":
            steps.append(f"status: {event.status}")
    return EventExplanation(id=eid, type=c.primary.type, rules=tuple(rules), steps=tuple(steps))


def _sentence(f: SentenceFacts, extraction: Extraction, record: PipelineRecord,
              cluster_of: dict[int, str]) -> SentenceExplanation:
    ids: list[str] = []
    reasons: list[str] = []
    for e in extraction.events:
        spans = [(e.evidence.start, "evidence")] + [(s.start, "support") for s in e.evidence.support]
        for start, kind in spans:
            if start == f.start and e.id not in ids:
                ids.append(e.id)
                reasons.append(f"{kind} of {e.id} ({e.type})")
    mine = [d for d in record.drafts if d.facts is f]
    for d in mine:
        if any(d is b for b in record.background):
            reasons.append(f"background: a {d.type} dated too long before the news "
                           f"({d.date.text if d.date else 'an earlier year'}) is not coded")
        elif any(d is x for x in record.folded):
            reasons.append(f"folded: its interception figures went to the barrage it belongs to")
        elif id(d) in cluster_of and cluster_of[id(d)] not in ids:
            reasons.append(f"merged into {cluster_of[id(d)]}")
    reasons += f.notes
    if f.is_heading and not ids:
        reasons.append("headline or subheading: its events are told by the body, where they are coded")
    elif not f.triggers and not ids:
        reasons.append("no trigger: no rule of patterns/triggers.jsonl matches a word here")
    elif not mine and not f.notes:
        found = ", ".join(f"{t.rule_id} ('{t.token.text}')" for t in f.triggers)
        reasons.append(f"triggers {found} matched, but no family kept them (no argument or condition met)")
    return SentenceExplanation(start=f.start, end=f.end, sentence=f.text, events=tuple(ids),
                               reasons=tuple(dict.fromkeys(reasons)))
