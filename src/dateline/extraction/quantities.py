"""Counts as the text words them -> Quantity.

Handles digits ("1,200"), number words ("six", "twenty-two", "a dozen",
"two hundred"), vague amounts ("dozens", "hundreds") and qualifiers ("at least",
"more than", "over", "nearly", "up to", "roughly", "about"). Numbers that are
not counts (ages, "22-story", "28-point", "three-year", years) are rejected by
``find_numbers`` via the hyphen rule and by the callers' noun checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Quantity
from .lexicon import load_lexicon

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = load_lexicon().words["counts.vague_amounts"]
QUALIFIERS = [
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"more than|over|upwards of|in excess of|above|greater than", "more_than"),
    (r"nearly|almost|up to|as many as|close to|fewer than|less than|under|at most|a maximum of", "at_most"),
    (r"roughly|about|around|approximately|some|an estimated|estimated|about|circa|around|nearly about", "about"),
]
_WORD_NUM = (r"(?:(?:" + "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
             + r")(?:[- ](?:" + "|".join(UNITS) + r"))?(?:\s+(?:hundred|thousand|million))?"
             + r"(?:\s+(?:and\s+)?(?:" + "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True)) + r"))?)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million))?"
_DOZEN = r"(?:a|one|two|three|half a)\s+dozen|a (?:hundred|thousand|million)"
_QUAL = "|".join(q for q, _ in QUALIFIERS)
NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_DIGITS}|{_DOZEN}|{_WORD_NUM}|(?:{'|'.join(sorted(VAGUE, key=lambda w: (-len(w), w)))}))(?![\w-])(?!\s*(?:%|percent|per cent))",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    quantity: Quantity


def words_to_int(text: str) -> int | None:
    text = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(\.\d+)?(\s+(hundred|thousand|million))?", text):
        parts = text.split()
        value = float(parts[0])
        if len(parts) == 2:
            value *= SCALES[parts[1]]
        return int(value)
    m = re.fullmatch(r"a (hundred|thousand|million)", text)
    if m:
        return SCALES[m.group(1)]
    m = re.fullmatch(r"(a|one|two|three|half a)\s+dozen", text)
    if m:
        return {"a": 12, "one": 12, "two": 24, "three": 36, "half a": 6}[m.group(1)]
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def qualifier_of(word: str | None) -> str:
    if not word:
        return "exact"
    word = word.lower()
    for pattern, name in QUALIFIERS:
        if re.fullmatch(pattern, word):
            return name
    return "exact"


def make_quantity(qual: str | None, num: str, text: str) -> Quantity | None:
    if num.lower() in VAGUE:
        return Quantity(None, None, "vague", text)
    value = words_to_int(num)
    if value is None:
        return None
    q = qualifier_of(qual)
    if q == "at_least" or q == "more_than":
        return Quantity(value, None, q, text)
    if q == "at_most":
        return Quantity(None, value, q, text)
    return Quantity(value, value, q, text)


def find_numbers(sentence: str) -> list[NumberMention]:
    """Every count-like number in a sentence with its qualifier.

    Hyphenated compounds ("28-point", "three-year", "22-story") and years are
    not counts and are skipped.
    """
    out = []
    for m in NUMBER.finditer(sentence):
        num = m.group("num")
        after = sentence[m.end():m.end() + 2]
        if after.startswith("-") and not after.startswith("--"):
            continue
        if re.fullmatch(r"(19|20)\d\d", num):
            continue
        q = make_quantity(m.group("qual"), num, m.group(0))
        if q is not None:
            out.append(NumberMention(m.start(), m.end(), q))
    return out


def with_noun(q: Quantity, noun_text: str) -> Quantity:
    """The same quantity with its text extended to the counted noun ("over 460 drones")."""
    return Quantity(q.min, q.max, q.qualifier, noun_text)
