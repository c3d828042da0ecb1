"""Place-name keys: how a written name is reduced before it is looked up.

Two keys per name, both built by the same functions at build and lookup time:

* ``name_key`` folds case, accents, apostrophes, hyphens, a leading "the" and a
  possessive: "Kup'yans'k" -> "kupyansk", "Nagorno-Karabakh" -> "nagorno karabakh".
* ``loose_key`` also merges the usual transliteration variants of Cyrillic and
  Arabic names (y/i/j, kh/h, zh/z, doubled letters, spaces), so Kupiansk and
  Kupyansk, or Zaporizhzhia and Zaporizhia, meet.

``split_cue`` takes a cue word off a mention ("Kharkiv region" -> ("Kharkiv",
"region")) so the cue can steer ranking.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'\u2019\u2018`\u02bc\u02b9\u00b4\u02bb"
# Letters NFKD does not take apart, and curly apostrophes made straight.
_LETTERS = str.maketrans({"\u0131": "i", "\u00df": "ss", "\u0142": "l", "\u0141": "l",
                          "\u00f8": "o", "\u00d8": "o", "\u0111": "d", "\u0110": "d",
                          "\u00e6": "ae", "\u00c6": "ae", "\u0153": "oe",
                          **{mark: "'" for mark in _APOSTROPHES}})
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


@lru_cache(maxsize=300_000)
def fold(text: str) -> str:
    """Lower case, accents off (ASCII out), apostrophes removed, other punctuation -> space."""
    text = text.translate(_LETTERS)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _POSSESSIVE.sub("", text.lower().strip()).replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=300_000)
def name_key(text: str) -> str:
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return key


_LOOSE_RULES = (
    ("kh", "h"), ("zh", "z"), ("sch", "sh"), ("shch", "sh"), ("tch", "ch"), ("ts", "c"),
    ("yi", "i"), ("iy", "i"), ("yy", "i"), ("y", "i"), ("j", "i"), ("w", "v"),
    ("ou", "u"), ("ph", "f"), ("q", "k"), ("ck", "k"), ("ie", "e"),
)
_DOUBLED = re.compile(r"(.)\1+")


def loose_key(text: str) -> str:
    """A coarser key for transliteration variants (only used when name_key finds nothing)."""
    return loose_from_key(name_key(text))


@lru_cache(maxsize=300_000)
def loose_from_key(key: str) -> str:
    """loose_key of a name that is already a name_key."""
    key = key.replace(" ", "")
    for old, new in _LOOSE_RULES:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    # Arabic names end in -ah or -a by transliteration (Hodeidah, Hodeida).
    return key[:-1] if len(key) > 4 and key.endswith("h") and key[-2] in "aeiou" else key


# Words that say what kind of place a name is; the value is the cue they give.
CUE_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "krai": "region", "kray": "region", "province": "region", "provinces": "region",
    "governorate": "region", "state": "region", "prefecture": "region",
    "republic": "region", "territory": "region",
    "district": "district", "districts": "district", "raion": "district",
    "rayon": "district", "neighbourhood": "district", "neighborhood": "district",
    "neighbourhoods": "district", "neighborhoods": "district", "raions": "district",
    "quarter": "district", "borough": "district", "county": "district",
    "municipality": "district", "hromada": "district",
    "city": "city", "town": "city", "village": "city", "settlement": "city",
    "country": "country",
}
_LEADING_CUE = re.compile(
    r"^(?:the\s+)?(?P<cue>city|town|village|region|province|district|state|oblast)\s+of\s+",
    re.IGNORECASE)


def split_cue(text: str) -> tuple[str, str | None]:
    """("Kharkiv region" | "the region of Kharkiv") -> ("Kharkiv", "region")."""
    stripped = text.strip()
    match = _LEADING_CUE.match(stripped)
    if match:
        return stripped[match.end():].strip(), CUE_WORDS[match.group("cue").lower()]
    words = stripped.split()
    if len(words) >= 2:
        last = fold(words[-1])
        if last in CUE_WORDS:
            return " ".join(words[:-1]), CUE_WORDS[last]
    return stripped, None


# Type words that local and GeoNames names carry ("Kharkivska oblast",
# "North Darfur State"); the bare name is indexed too.
TYPE_SUFFIXES = (
    " autonomous okrug", " urban district", " oblast", " oblast'", " region", " province",
    " governorate", " state", " krai", " kray", " raion", " rayon", " district",
    " county", " prefecture", " municipality", " city", " republic", " territory",
)


def bare_name(key: str) -> str:
    """'kharkiv oblast' -> 'kharkiv'; unchanged when no type word ends the key."""
    for suffix in TYPE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)].strip()
    return key
