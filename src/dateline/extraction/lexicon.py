"""The rules as data: ``patterns/*.jsonl`` loaded once into a Lexicon.

Every list here is general (event verbs, weapon names, target kinds, roles);
nothing is tuned to one article (tests/extract/test_patterns_generic.py checks).
Plain vocabulary the rules test words against (``violence.armed_nouns``,
``places.site_nouns``, ...) lives in ``words.jsonl``, read as
``load_lexicon().words[id]``; the Python modules keep only syntax (regexes,
dependency labels, POS tags).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


# What each file's rows may hold: (required keys, optional keys). A row with a key outside
# these, or without a required one, is an error when the rules load, so dead or misspelt
# data cannot sit in the files unnoticed.
SCHEMAS: dict[str, tuple[set[str], set[str]]] = {
    "triggers.jsonl": ({"id", "type", "subtype", "pattern"}, {"near", "anchor", "weak", "role"}),
    "speech.jsonl": ({"lemma", "kind"}, set()),
    "weapons.jsonl": ({"term", "class"}, {"type"}),
    "targets.jsonl": ({"term", "category"}, set()),
    "cues.jsonl": ({"cue", "phrases"}, set()),
    "actors.jsonl": ({"term", "country"}, set()),
    "roles.jsonl": ({"words"}, set()),
    "international.jsonl": ({"words"}, {"comment"}),
    "places.jsonl": ({"cue", "words"}, set()),
    "senses.jsonl": ({"id", "words"}, {"comment"}),
    "words.jsonl": ({"id", "comment", "words"}, set()),
}
# files whose rows are found by id, so an id may appear once
KEYED_FILES = ("triggers.jsonl", "senses.jsonl", "words.jsonl")
# files whose rows are one named list of words
WORD_LIST_FILES = ("senses.jsonl", "words.jsonl")
TOKEN_KEYS = {"LEMMA", "LOWER", "POS", "ENT_TYPE", "DEP", "TAG", "OP", "ORTH", "IS_PUNCT"}


class PatternError(ValueError):
    """A rule file holds a row that does not fit its schema."""


def _jsonl(name: str) -> list[dict[str, Any]]:
    text = resources.files("dateline.extraction").joinpath("patterns", name).read_text(encoding="utf-8")
    return parse_rows(name, text)


def parse_rows(name: str, text: str) -> list[dict[str, Any]]:
    """The rows of one rule file's text, each checked against the file's schema."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            validate_row(name, row, where=f"{name}:{number}")
            rows.append(row)
    if name in KEYED_FILES:
        ids = [r["id"] for r in rows]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise PatternError(f"{name}: duplicate ids {sorted(dupes)}")
    return rows


def validate_row(name: str, row: dict[str, Any], *, where: str = "") -> None:
    required, optional = SCHEMAS[name]
    where = where or name
    missing = required - row.keys()
    unknown = row.keys() - required - optional
    if missing or unknown:
        raise PatternError(f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    if name in WORD_LIST_FILES:
        _check_words(row, where)
    if name == "triggers.jsonl":
        from ..models import EVENT_TYPES
        if row["type"] not in EVENT_TYPES:
            raise PatternError(f"{where}: unknown event type {row['type']!r}")
        for spec in row["pattern"] + ([row["near"]["token"]] if "near" in row else []):
            bad = set(spec) - TOKEN_KEYS
            if bad:
                raise PatternError(f"{where}: unknown token keys {sorted(bad)}")


def _check_words(row: dict[str, Any], where: str) -> None:
    """A named word list: a non-empty id and a non-empty list of distinct non-empty strings."""
    if not isinstance(row["id"], str) or not row["id"]:
        raise PatternError(f"{where}: the id must be a non-empty string")
    if "comment" in row and (not isinstance(row["comment"], str) or not row["comment"].strip()):
        raise PatternError(f"{where}: {row['id']}: the comment must say what the list is for")
    words = row["words"]
    if not isinstance(words, list) or not words:
        raise PatternError(f"{where}: {row['id']}: words must be a non-empty list")
    bad = [w for w in words if not isinstance(w, str) or not w.strip()]
    if bad:
        raise PatternError(f"{where}: {row['id']}: words must be non-empty strings, not {bad!r}")
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise PatternError(f"{where}: {row['id']}: repeated words {repeated}")


@dataclass(frozen=True)
class Lexicon:
    triggers: list[dict[str, Any]]
    speech: dict[str, str]                       # lemma -> kind (position, denial, ...)
    weapons: list[tuple[str, str, str | None]]   # (term, class, type), longest first
    targets: list[tuple[str, str]]               # (term, category), longest first
    phrases: dict[str, list[str]]                # cumulative/generic phrases
    actors: dict[str, str | None]                # organisation -> country
    roles: set[str]
    international: set[str]                       # bodies and roles with no nationality
    place_cues: dict[str, set[str]]
    senses: dict[str, frozenset[str]] = field(default_factory=dict)   # id -> words (senses.jsonl)
    words: dict[str, frozenset[str]] = field(default_factory=dict)    # id -> words (words.jsonl)
    actors_lower: dict[str, str | None] = field(repr=False, default_factory=dict)   # organisation, lower case -> country
    international_re: re.Pattern[str] | None = field(repr=False, default=None)   # " un | analyst | ... "

    def weapon_of(self, noun_phrase: str) -> tuple[str, str | None] | None:
        """(class, type) of the first weapon named in a phrase, longest name first."""
        m = _alternation(tuple(t for t, _, _ in self.weapons)).search(noun_phrase.lower())
        if m is None:
            return None
        _, cls, typ = self.weapons[m.lastindex - 1]
        return cls, typ

    def target_category(self, phrase: str) -> str | None:
        m = _alternation(tuple(t for t, _ in self.targets)).search(phrase.lower())
        return self.targets[m.lastindex - 1][1] if m else None


@lru_cache(maxsize=8)
def _alternation(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for a list of terms (longest first), each in its own group,
    matched as whole words with an optional plural."""
    body = "|".join(f"({re.escape(t)})" for t in terms)
    return re.compile(rf"(?<![\w-])(?:{body})(?:e?s)?(?![\w-])")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    weapons = sorted(((w["term"], w["class"], w.get("type")) for w in _jsonl("weapons.jsonl")),
                     key=lambda w: -len(w[0]))
    targets = sorted(((t["term"], t["category"]) for t in _jsonl("targets.jsonl")),
                     key=lambda t: -len(t[0]))
    phrases = {row["cue"]: row["phrases"] for row in _jsonl("cues.jsonl")}
    roles: set[str] = set()
    for row in _jsonl("roles.jsonl"):
        roles |= set(row["words"])
    actors = {a["term"]: a.get("country") for a in _jsonl("actors.jsonl")}
    international = {w for row in _jsonl("international.jsonl") for w in row["words"]}
    return Lexicon(
        triggers=_jsonl("triggers.jsonl"),
        speech={r["lemma"]: r["kind"] for r in _jsonl("speech.jsonl")},
        weapons=weapons, targets=targets, phrases=phrases,
        actors=actors,
        roles=roles,
        international=international,
        place_cues={p["cue"]: set(p["words"]) for p in _jsonl("places.jsonl")},
        senses={row["id"]: frozenset(row["words"]) for row in _jsonl("senses.jsonl")},
        words={row["id"]: frozenset(row["words"]) for row in _jsonl("words.jsonl")},
        actors_lower={term.lower(): country for term, country in actors.items()},
        international_re=re.compile(" (?:" + "|".join(re.escape(w) for w in sorted(international)) + ") "),
    )
