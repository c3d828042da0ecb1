"""Claimant normalisation: who gave a figure, as one key with a side.

"Russia's Defence Ministry", "the Russian Ministry of Defence" and "Moscow's
defence ministry" all become ``RU:ministry_of_defence``. Rules live in
``data/claimants.json`` so adding a side or an institution needs no code.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..models import Actor
from .records import Claimant

UNATTRIBUTED = Claimant(key="unattributed", label="unattributed", side=None)


def fold_words(text: str) -> list[str]:
    """Lower-case ASCII words; possessives and 'U.S.' folded so rules stay simple."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'").replace("u.s.", "us")
    text = re.sub(r"'s\b", "", text)
    return re.findall(r"[a-z0-9]+", text)


@dataclass(frozen=True, slots=True)
class ClaimantRules:
    sides: tuple[tuple[str, tuple[str, ...]], ...]          # side -> word sequences
    institutions: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # in priority order
    people: dict[str, str]
    titles: frozenset[str]

    @classmethod
    def packaged(cls) -> ClaimantRules:
        return _packaged_rules()

    def side_of(self, words: list[str]) -> str | None:
        """The side named earliest in the words ("Russian ... Ukrainian" -> RU).

        An armed group beats the country it fights in: "Sudan's Rapid Support
        Forces" speaks for the RSF, not for Sudan.
        """
        joined = f" {' '.join(words)} "
        best: tuple[bool, int, str] | None = None
        for side, patterns in self.sides:
            for pattern in patterns:
                pos = joined.find(f" {' '.join(pattern)} ")
                rank = (len(side) == 2, pos)
                if pos >= 0 and (best is None or rank < best[:2]):
                    best = (*rank, side)
        return best[2] if best else None

    def institution_of(self, words: list[str]) -> str | None:
        present = set(words)
        for name, patterns in self.institutions:
            if any(set(p) <= present for p in patterns):
                return name
        return None

    def person_of(self, words: list[str], side_words: set[str]) -> str | None:
        """The surname: the last word that is neither a title nor a side's name."""
        for word in reversed(words):
            if word not in self.titles and word not in side_words and not word.isdigit():
                return word
        return None


@lru_cache(maxsize=1)
def _packaged_rules() -> ClaimantRules:
    raw = json.loads(resources.files(__package__).joinpath("data/claimants.json")
                     .read_text(encoding="utf-8"))
    sides = tuple((side, tuple(tuple(fold_words(p)) for p in words))
                  for side, words in raw["sides"].items())
    order = raw["institution_priority"]
    institutions = tuple((name, tuple(tuple(p) for p in raw["institutions"][name])) for name in order)
    return ClaimantRules(sides=sides, institutions=institutions, people=dict(raw["people"]),
                         titles=frozenset(raw["titles"]))


def normalise_claimant(name: str | None, *, actors: Iterable[Actor] = (),
                       rules: ClaimantRules | None = None) -> Claimant:
    """One claimant key for the many ways a text names the same source.

    The side comes from the words themselves, else from a known surname, else
    from the mention's actor of the same name (the contract fills actor countries).
    """
    if not name or not name.strip():
        return UNATTRIBUTED
    rules = rules or ClaimantRules.packaged()
    words = fold_words(name)
    if not words:
        return UNATTRIBUTED
    side = rules.side_of(words)
    side_words = {w for _, patterns in rules.sides for p in patterns for w in p}
    # A named person the rules know beats the title they hold ("governor Oleh
    # Syniehubov" and "Oleh Syniehubov" are one claimant).
    known = next((w for w in reversed(words) if w in rules.people), None)
    institution = None if known else rules.institution_of(words)
    if institution:
        subject = institution
        label = institution.replace("_", " ").capitalize()
    else:
        subject = known or rules.person_of(words, side_words) or "_".join(words)
        label = name.strip()
        side = side or rules.people.get(subject)
    if side is None:
        folded = " ".join(words)
        for actor in actors:
            if actor.country and " ".join(fold_words(actor.name)) in (folded, subject):
                side = actor.country
                break
    key = f"{side or '?'}:{subject}"
    if institution:
        label = f"{side}: {label}" if side else label
    return Claimant(key=key, label=label, side=side)
