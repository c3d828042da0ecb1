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

_APOSTROPHES = "'\u2019\u2018`\u02bc\u02b9\u00b4\u02bb"
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


def fold(text: str) -> str:
    """Lower case, accents off, apostrophes removed, other punctuation -> space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u0131", "i").replace("\u00df", "ss").replace("\u0142", "l")
    text = text.replace("\u00f8", "o").replace("\u0111", "d").replace("\u00e6", "ae")
    text = text.lower()
    text = _POSSESSIVE.sub("", text.replace("\u2019", "'").strip())
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


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
    key = name_key(text).replace(" ", "")
    for old, new in _LOOSE_RULES:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


# Words that say what kind of place a name is; the value is the cue they give.
CUE_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "krai": "region", "kray": "region", "province": "region", "provinces": "region",
    "governorate": "region", "state": "region", "prefecture": "region",
    "republic": "region", "territory": "region",
    "district": "district", "districts": "district", "raion": "district",
    "rayon": "district", "neighbourhood": "district", "neighborhood": "district",
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
