"""Sentence-level finders for the tracker: the regexes and lexicon look-ups that read
one sentence or clause without knowing the rest of the article.

Kept apart from the article walk (tracker/reader.py, tracker/stances.py) because
these are pure functions of (lexicon, text): they hold no state about which
proposal was named last, so they can be read, tested and changed one at a time.
"""
from __future__ import annotations

import re

from .findings import FoundProvision
from .lexicon import Cue, Lexicon
from .text import Piece, items

REPORTING = re.compile(
    r"\b(said|says|told|signaled|signalled|warned|noted|stressed|added|argued|announced|declared|"
    r"stated|wrote|confirmed|acknowledged|called|described|viewed|views|saying|noting|calling|"
    r"arguing|warning)\b")
SUBORDINATE = re.compile(r"^(?:while|as|after|although|though|when|despite|even as|under|in|at|"
                         r"still|meanwhile|however|on|by)\b[^,]*,\s*", re.IGNORECASE)
DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'’-]+,[^—–]{0,40}?(?:—|–|--)\s*")
HEDGE = re.compile(r"\b(is|are|was|were)\s+(likely|expected|set)\s+to\b|\bpredicted\b|\bexpects?\b",
                   re.IGNORECASE)
EMBEDDED_GAP = re.compile(r"^\s*(?:(?:had|has|have|would|will|was|is|also|still|formally|then|later|"
                          r"not|yet|it|they)\s+)*$", re.IGNORECASE)
ANAPHOR = re.compile(r"\b(those|these|such|the)\s+(conditions|terms|provisions|demands|points|clauses|"
                     r"concessions)\b", re.IGNORECASE)
PRONOUN_OBJECT = re.compile(r"^\s*(it|them)\b", re.IGNORECASE)
VENUE = re.compile(r"\b(?:talks|negotiations|meetings?|round|summit)\s+in\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
                   r"|\b(?:in|at)\s+([A-Z][a-z]+),?\s+where\b|\bthe\s+([A-Z][a-z]+)\s+(?:talks|round)\b")
MEDIATED_BY = re.compile(r"\b(?:mediated|brokered|sponsored|drafted|proposed)\s+by\s+(?:the\s+)?")
CONTENT_OPENER = re.compile(r"^(?:It|The (?:first|second|third|final|last) (?:phase|stage)|Under the)\b")
# Negated acceptance ("would not sign") is a refusal that a condition turns into 'conditional'.
NEGATED_ACCEPT = re.compile(r"\b(not|n't|never)\b", re.IGNORECASE)


def is_body(sentence: Piece) -> bool:
    """Headlines, subheads, bylines and datelines have no final punctuation."""
    return bool(re.search(r"[.!?][\"”’)]*$", sentence.value))


def subject_text(text: str) -> str:
    """The subject part of a clause's head: dateline and leading subordinate clause removed."""
    text = DATELINE_PREFIX.sub("", text.strip())
    text = SUBORDINATE.sub("", text)
    return text.strip(" ,")


def unique_topics(provisions: list[FoundProvision]) -> list[FoundProvision]:
    """The first provision of each topic, in order."""
    seen, out = set(), []
    for p in provisions:
        if p.topic not in seen:
            seen.add(p.topic)
            out.append(p)
    return out


def topic_of(lexicon: Lexicon, phrase: str) -> str | None:
    """The topic whose cue comes first in the phrase (ties: the earlier topic in the file)."""
    best: tuple[int, int, str] | None = None
    for rank, topic in enumerate(lexicon.topics):
        for cue in topic.cues:
            m = cue.search(phrase)
            if m and (best is None or (m.start(), rank) < best[:2]):
                best = (m.start(), rank, topic.topic)
    return best[2] if best else None


def topics_in(lexicon: Lexicon, text: str) -> list[str]:
    """The topics of the list items in ``text``, each once, in order."""
    out = []
    for item in items(text):
        topic = topic_of(lexicon, item.value)
        if topic and topic not in out:
            out.append(topic)
    return out


def cue_match(lexicon: Lexicon, kind: str, text: str) -> re.Match[str] | None:
    """The first match of the first cue of this kind (the file's order)."""
    for cue in lexicon.cues:
        if cue.kind == kind:
            m = cue.pattern.search(text)
            if m:
                return m
    return None


def condition_after(lexicon: Lexicon, text: str, start: int) -> re.Match[str] | None:
    """A condition cue ("as long as", "provided") at or after ``start``."""
    for cue in lexicon.cues:
        if cue.kind == "condition":
            m = cue.pattern.search(text, start)
            if m:
                return m
    return None


def first_cue(lexicon: Lexicon, text: str) -> tuple[Cue, re.Match[str]] | None:
    """The earliest stance cue (a verb or an evaluation) in ``text``; ties: the file's order."""
    best = None
    for order, cue in enumerate(lexicon.cues):
        if cue.kind not in ("verb", "evaluation"):
            continue
        for m in cue.pattern.finditer(text):
            if best is None or (m.start(), order) < (best[1].start(), best[2]):
                best = (cue, m, order)
            break
    return (best[0], best[1]) if best else None
