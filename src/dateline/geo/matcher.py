"""Place recognition backed by the gazetteer, without spaCy.

Statistical NER misses unfamiliar places (Kyiv districts, frontline villages)
and tags common words; this matcher finds capitalised word sequences whose
folded key is a known place name, longest first. Names that are also common
words or first names (data/common_words.txt: "Nice", "Split", "Marco") count
only next to a cue ("the city of Nice", "Split region"). ``patterns`` renders
the same vocabulary as spaCy EntityRuler patterns, for extract/ to load.
"""
from __future__ import annotations

import re
import sqlite3
from importlib import resources

from .names import CUE_WORDS, fold, name_key

FIND_MIN_POPULATION = 5_000
MAX_WORDS = 5
LOC_KINDS = ("sea", "strait", "river", "island", "reservoir", "landmark", "region")
CONNECTORS = frozenset({"of", "el", "al", "de", "la", "le", "upon", "on", "the", "du", "des", "and"})
_TOKEN = re.compile(r"\w+(?:['\u2019\-.]\w+)*", re.UNICODE)
_LEADING_CUES = re.compile(r"(?:city|town|village|region|province|district|oblast|state)\s+of\s+$",
                          re.IGNORECASE)


def _word_list(name: str) -> frozenset[str]:
    text = (resources.files("dateline.geo") / "data" / name).read_text(encoding="utf-8")
    return frozenset(name_key(line) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


class MentionMatcher:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._common = _word_list("common_words.txt")
        self._stop = _word_list("stoplist.txt")
        self._labels = self._vocabulary(FIND_MIN_POPULATION)

    def _vocabulary(self, min_population: int) -> dict[str, str]:
        """Every indexed name key of a notable place -> "GPE" or "LOC"."""
        rows = self._db.execute(
            "SELECT n.key, p.kind FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.quality >= 2 AND (p.population >= ? OR p.kind NOT IN ('city', 'admin2')) "
            "ORDER BY n.key", (min_population,))
        labels: dict[str, str] = {}
        for key, kind in rows:
            if key in self._stop or len(key) < 3 or not any(ch.isalpha() for ch in key):
                continue
            label = "LOC" if kind in LOC_KINDS else "GPE"
            if labels.get(key) != "GPE":
                labels[key] = label
        return labels

    def find(self, text: str) -> list[tuple[int, int, str]]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            start, _, word = tokens[i]
            if (not word[0].isupper() or (word.isupper() and len(word) <= 3)
                    or word.lower() == "the"):  # "The Red Sea" -> "Red Sea"
                i += 1  # lower-case words, and short acronyms (NOV, UN, EU), start no name
                continue
            hit = self._longest(text, tokens, i)
            if hit is None:
                i += 1
                continue
            j, end = hit
            found.append((start, end, text[start:end]))
            i = j + 1
        return found

    def _longest(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
        start = tokens[i][0]
        for j in range(min(len(tokens), i + MAX_WORDS) - 1, i - 1, -1):
            last = tokens[j][2]
            if not last[0].isupper() and not last[0].isdigit():
                continue
            if any(fold(tokens[k][2]) not in CONNECTORS and not tokens[k][2][0].isupper()
                   for k in range(i + 1, j)):
                continue
            if any(tokens[k + 1][0] - tokens[k][1] > 2 for k in range(i, j)):
                continue  # no names across punctuation gaps
            end = tokens[j][1]
            surface = text[start:end]
            for suffix in ("'s", "\u2019s"):
                if surface.endswith(suffix):
                    end -= 2
                    surface = surface[:-2]
            key = name_key(surface)
            if key not in self._labels:
                continue
            if key in self._common and not self._has_cue(text, tokens, i, j):
                continue
            return j, end
        return None

    @staticmethod
    def _has_cue(text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
        before = text[max(0, tokens[i][0] - 20):tokens[i][0]]
        if _LEADING_CUES.search(before):
            return True
        return j + 1 < len(tokens) and fold(tokens[j + 1][2]) in CUE_WORDS

    def patterns(self, *, min_population: int = 15_000) -> list[dict]:
        labels = self._labels if min_population == FIND_MIN_POPULATION else \
            self._vocabulary(min_population)
        out = []
        for key, label in labels.items():
            if key in self._common:
                continue
            words = key.split(" ")
            pattern: list[dict] = []
            for n, word in enumerate(words):
                if n:
                    pattern.append({"IS_PUNCT": True, "OP": "?"})
                token: dict = {"LOWER": word}
                if n == 0 or word not in CONNECTORS:
                    token["IS_LOWER"] = False
                pattern.append(token)
            out.append({"label": label, "pattern": pattern})
        return out
