"""Splitting an article into sentences, clauses and list items, with offsets.

Offsets always refer to the article text, so ``text[start:end]`` is the
evidence sentence. spaCy is not used here (only ``extract`` imports it): the
splitter is a small rule set that is good enough for wire copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words ending in a period that do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "co", "corp", "u.s", "u.k", "u.n", "e.g", "i.e",
}
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(\s+(?:million|billion))?(?![\w])")
QUOTE = re.compile(r"[\"“]([^\"”]{2,})[\"”]")


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of the article text: ``text[start:end] == value``."""

    value: str
    start: int
    end: int


def _paragraph_spans(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    if paragraphs:
        return list(paragraphs)
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            spans.append((start, pos + len(line.rstrip())))
        pos += len(line)
    return spans


def sentences(text: str, paragraphs: tuple[tuple[int, int], ...] = ()) -> list[Piece]:
    """Sentences of each paragraph; a paragraph never shares a sentence with the next."""
    out: list[Piece] = []
    for p_start, p_end in _paragraph_spans(text, paragraphs):
        start = p_start
        for m in SENTENCE_END.finditer(text, p_start, p_end):
            word = re.search(r"([\w.]+)[.!?]?$", text[start:m.start() + 1])
            if m.group(0).startswith(".") and word and (
                    word.group(1).lower().rstrip(".") in ABBREVIATIONS
                    or re.fullmatch(r"[A-Z]", word.group(1).rstrip("."))):
                continue
            out.append(_piece(text, start, m.end()))
            start = m.end()
        if text[start:p_end].strip():
            out.append(_piece(text, start, p_end))
    return [p for p in out if p.value]


def _piece(text: str, start: int, end: int) -> Piece:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(text[start:end], start, end)


# Clause boundaries: a semicolon, "but", "while", "whereas", ", with ...", an
# ", -ing" reporting verb, and "and" before a verb that opens a new predicate.
CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+but\s+|,\s+while\s+|\s+while\s+|,\s+whereas\s+|,\s+though\s+|,\s+although\s+"
    r"|,\s+with\s+(?=\w+(?:\s+\w+){0,6}\s+(?:saying|warning|calling|arguing|noting)\b)"
    r"|,\s+(?=(?:saying|noting|calling|arguing|warning|adding)\b)"
    r"|\s+and\s+(?=(?:(?:has|have|had|still|also|then|later|formally|was|is)\s+)?"
    r"(?:said|called|urged|demanded|insisted|warned|declared|rejected|opposed|backed|supported|"
    r"welcomed|accepted|pushed|pressed|viewed|criticised|criticized|described|stressed|"
    r"refused|agreed|endorsed|added|would|will)\b)")


def clauses(sentence: Piece) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in CLAUSE_BREAK.finditer(sentence.value):
        if m.start() > pos:
            out.append(Piece(sentence.value[pos:m.start()], sentence.start + pos,
                             sentence.start + m.start()))
        pos = m.end()
    if pos < len(sentence.value):
        out.append(Piece(sentence.value[pos:], sentence.start + pos, sentence.end))
    return out


ITEM_BREAK = re.compile(
    r",(?!\d{3})\s*(?:and\s+|or\s+)?|;\s*|\s+and\s+|\s+or\s+|\s+as well as\s+|\s+followed by\s+"
    r"|\s+while\s+|\s+as part of\s+|\s+that also\s+|\s+(?:also\s+)?(?:includes|commits|requires|"
    r"replaces it with|creates)\s+")


def items(text: str, offset: int = 0) -> list[Piece]:
    """List items of an enumeration ("A, B and C"), as pieces of the article text."""
    out, pos = [], 0
    for m in ITEM_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            out.append(_piece_from(text, pos, m.start(), offset))
        pos = m.end()
    if text[pos:].strip():
        out.append(_piece_from(text, pos, len(text), offset))
    return out


def _piece_from(text: str, start: int, end: int, offset: int) -> Piece:
    value = text[start:end]
    lead = len(value) - len(value.lstrip())
    value = value.strip().rstrip(".")
    return Piece(value, offset + start + lead, offset + start + lead + len(value))


def figures(text: str) -> tuple[int, ...]:
    """Numbers written in digits: '800,000 troops' -> (800000,); '2 million' -> (2000000,)."""
    out = []
    for m in NUMBER.finditer(text):
        if re.match(r"\d{1,2}(st|nd|rd|th)\b", text[m.start():m.start() + 4]):
            continue
        value = int(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").strip()
        value *= {"million": 1_000_000, "billion": 1_000_000_000}.get(scale, 1)
        out.append(value)
    return tuple(out)


def quotes(text: str) -> list[str]:
    return [m.group(1).strip().rstrip(",.") for m in QUOTE.finditer(text)]
