"""Finding mentions of a proposal in a sentence: "the US proposal", "a previous draft of
the 28-point plan", "Washington's peace plan", "the modified version", "a plan from the
Quad". Each mention carries what its words say: sponsors, version (original or
revision), number of points.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .parties import PartyFinder

TOKEN = re.compile(r"\w[\w'’-]*(?:\.\w[\w'’-]*)*")
COUNTED = re.compile(r"^(\d+|[a-z]+)-(point|article|clause|step|section|page)$", re.IGNORECASE)
PHASED = re.compile(r"^(\d+|[a-z]+)-(phase|stage|part)$", re.IGNORECASE)
AFTER_SPONSOR = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?(?:so-called\s+)?")
POSSESSIVE = re.compile(r"(['’]s|['’])$")


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int  # offsets in the article
    end: int
    head: str
    sponsors: tuple[str, ...] = ()
    version: str | None = None  # "original" | "revision" | None
    points: int | None = None
    weak: bool = False
    implicit: bool = False  # made from "X proposed ..." with no proposal noun


def _number(word: str, lexicon: Lexicon) -> int | None:
    if word.isdigit():
        return int(word)
    return lexicon.terms["number_words"].get(word.lower())


def _sponsors_in(word: str, finder: PartyFinder) -> tuple[str, ...] | None:
    """Parties named by one modifier word: "US-led", "Qatari-Egyptian", "Washington's"."""
    word = POSSESSIVE.sub("", word)
    parts = word.split("-")
    suffixes = ("led", "brokered", "backed", "drafted", "sponsored", "mediated", "proposed",
                "written", "authored", "aligned")
    if len(parts) > 1 and parts[-1].lower() in suffixes:
        parts = parts[:-1]
    found = []
    for part in parts:
        hits = finder.find(part)
        if not hits or hits[0].start != 0 or hits[0].end < len(POSSESSIVE.sub("", part)):
            return None
        found.append(hits[0].party)
    return tuple(dict.fromkeys(found))


def find_mentions(sentence: str, offset: int, lexicon: Lexicon, finder: PartyFinder) -> list[Mention]:
    terms = lexicon.terms
    heads, weak = set(terms["heads"]), set(terms["weak_heads"])
    tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(sentence)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0].lower().rstrip(".")
        if word not in heads or (i + 1 < len(tokens) and tokens[i + 1][0].lower().rstrip(".") in heads):
            i += 1
            continue
        mention = _mention_at(sentence, tokens, i, lexicon, finder, word in weak)
        if mention:
            mentions.append(mention)
        i += 1
    merged = _merge_of(sentence, mentions)
    return [_shift(m, offset) for m in merged]


def _mention_at(sentence: str, tokens: list[tuple[str, int, int]], h: int, lexicon: Lexicon,
                finder: PartyFinder, weak: bool) -> Mention | None:
    terms = lexicon.terms
    sponsors: list[str] = []
    version = None
    points = None
    start = tokens[h][1]
    has_det = False
    j = h - 1
    while j >= 0 and h - j <= 6:
        raw = tokens[j][0]
        low = raw.lower()
        if low in terms["determiners"]:
            start, has_det = tokens[j][1], True
            break
        # two-word party forms ("White House's", "United States'")
        two = f"{tokens[j - 1][0]} {raw}" if j > 0 else None
        found = _sponsors_in(two, finder) if two else None
        step = 2 if found else 1
        found = found or _sponsors_in(raw, finder)
        if found:
            sponsors[:0] = list(found)
        elif low in terms["original_modifiers"]:
            version = version or "original"
        elif low in terms["revision_modifiers"]:
            version = version or "revision"
        elif COUNTED.match(low):
            points = _number(COUNTED.match(low).group(1), lexicon)
        elif low in terms["kind_words"] or PHASED.match(low) or low in ("so-called", "mediators'",
                                                                        "negotiators'", "mediators"):
            pass
        else:
            break
        start = tokens[j - step + 1][1]
        j -= step
    end = tokens[h][2]
    # "a plan from the so-called Quad", "a proposal by African Union mediators"
    after = AFTER_SPONSOR.match(sentence, end)
    if after:
        hits = finder.find(sentence[after.end():after.end() + 40])
        if hits and hits[0].start == 0:
            sponsors.append(hits[0].party)
            end = after.end() + hits[0].end
    if weak and not (has_det or sponsors or version or points):
        return None
    return Mention(sentence[start:end], start, end, tokens[h][0].lower(),
                   tuple(dict.fromkeys(sponsors)), version, points, weak)


def _merge_of(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """'a previous draft' + 'of the 28-point plan' -> one mention."""
    out: list[Mention] = []
    for m in mentions:
        if out and re.fullmatch(r"\s+of\s+", sentence[out[-1].end:m.start]):
            prev = out.pop()
            m = Mention(sentence[prev.start:m.end], prev.start, m.end, m.head,
                        tuple(dict.fromkeys(prev.sponsors + m.sponsors)),
                        prev.version or m.version, prev.points or m.points, False)
        out.append(m)
    return out


def _shift(m: Mention, offset: int) -> Mention:
    return Mention(m.text, m.start + offset, m.end + offset, m.head, m.sponsors, m.version,
                   m.points, m.weak, m.implicit)


def sponsor_verb(sentence: str, lexicon: Lexicon) -> re.Match[str] | None:
    verbs = sorted(lexicon.terms["sponsor_verbs"], key=len, reverse=True)
    return re.search(r"\b(" + "|".join(re.escape(v) for v in verbs) + r")\b", sentence)
