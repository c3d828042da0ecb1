"""Naming the parties: "France's President ..." -> France, "the Kremlin's spokesman" ->
Russia, "Ukraine and several European governments" -> Ukraine, European governments.

A PartyFinder is built per article: the lexicon forms, the conflict's
context-only aliases ("the army" in Sudan), and the people the article itself
introduces with a nationality ("Ukrainian Foreign Minister Oleh Marchenko" makes
a later "Marchenko said" a Ukrainian position).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Conflict, Lexicon

TITLE_WORDS = (
    "President|Prime Minister|Foreign Minister|Defence Minister|Defense Minister|Minister|"
    "Deputy Foreign Minister|Secretary of State|Secretary|Chancellor|Spokesman|Spokeswoman|"
    "spokesman|spokeswoman|envoy|Envoy|negotiator|chief negotiator|Ambassador|ambassador|"
    "General|Gen\\.|Commander|adviser|Adviser|official|leader|Leader|King|Emir|Crown Prince"
)
# "<party form> <title words> <First Last>"; an apposition ", First Last," also counts.
INTRODUCED = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{TITLE_WORDS}),?\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{1,2}}[A-Z][\w'’-]+)")
OFFICIAL_WORDS = re.compile(
    r"\b(minister|spokesman|spokeswoman|spokesperson|official|officials|adviser|envoy|envoys|"
    r"negotiator|negotiators|president|chancellor|ministry|cabinet|government|leader|leaders|"
    r"commander|delegation|ambassador|secretary)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PartyMention:
    party: str
    start: int  # offsets in the string searched
    end: int
    possessive: bool


class PartyFinder:
    def __init__(self, lexicon: Lexicon, conflict: Conflict | None = None) -> None:
        self.lexicon = lexicon
        self.forms = dict(lexicon.party_forms)
        if conflict:
            self.forms.update(conflict.aliases)
        self.people: dict[str, str] = {}
        self._compile()

    def _compile(self) -> None:
        names = sorted(set(self.forms) | set(self.people), key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self._pattern = re.compile(rf"(?<![\w-])({alternation})(?:(['’]s)|(?![\w]))")

    def learn_people(self, text: str) -> None:
        """Remember people the text introduces with a party ("Rwanda's foreign minister X")."""
        added = False
        for mention in self.find(text):
            m = INTRODUCED.match(text, mention.end)
            if not m:
                continue
            party = mention.party
            surname = m.group("name").split()[-1]
            if surname not in self.forms and surname not in self.people:
                self.people[surname] = party
                added = True
        if added:
            self._compile()

    def learn_person(self, name: str, party: str) -> None:
        """An actor the extractor resolved to a country: "Volodymyr Zelenskyy" (UA)."""
        surname = name.split()[-1] if name.split() else ""
        if surname and surname[0].isupper() and surname not in self.forms and surname not in self.people:
            self.people[surname] = party
            self._compile()

    def find(self, text: str) -> list[PartyMention]:
        out = []
        for m in self._pattern.finditer(text):
            form = m.group(1)
            party = self.forms.get(form) or self.people.get(form)
            if party:
                out.append(PartyMention(party, m.start(), m.end(), bool(m.group(2))))
        return out

    def is_commentary(self, text: str) -> bool:
        """The subject is an analyst, a resident ... whose words are not a party's position."""
        return any(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
                   for word in self.lexicon.nonparties)


def names_an_official(text: str) -> bool:
    return bool(OFFICIAL_WORDS.search(text))


def pick_conflict(lexicon: Lexicon, text: str) -> Conflict | None:
    """The conflict whose belligerents the article names most often."""
    finder = PartyFinder(lexicon)
    counts: dict[str, int] = {}
    for mention in finder.find(text):
        counts[mention.party] = counts.get(mention.party, 0) + 1
    best, best_score = None, 0
    for conflict in lexicon.conflicts:
        named = [counts.get(p, 0) for p in conflict.belligerents]
        score = sum(named) + 2 * sum(1 for n in named if n)  # both sides named beats one side often
        if score > best_score:
            best, best_score = conflict, score
    return best
