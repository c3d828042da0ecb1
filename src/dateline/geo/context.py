"""Country context: which candidates a text about one country may mean, and what to
answer when the gazetteer lacks the place. Pure functions, no database.

Real reporting names small places (a Darfur village, a Somali district town) whose
names are shared by villages abroad; GeoNames often lacks the local place and has
only the namesake. A text about one country therefore decides:

* a candidate in the text's countries (the article's countries, the dateline's,
  a country or admin1 named beside the place) is always preferred;
* a candidate elsewhere wins only with evidence: it is a country, a curated sea
  or region, a national capital, or a place big enough to be what the name
  usually means (``NOTABLE_POPULATION``); a small namesake abroad is never the
  answer (the caller keeps the precision the text does give, see ``framed_place``);
* mention texts that are no place at all (a fragment cut at a parenthesis,
  "Saudi Arabia's state" cut from "state television", an armed group's name)
  resolve to nothing.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..models import Place
from .ranking import KIND_PRIOR, Candidate, Scope

# A city abroad this big is what its name usually means even in another country's
# story ("talks in Jeddah" in a Sudan report); below it, a namesake abroad needs the
# text's own evidence (a country or region named with it).
NOTABLE_POPULATION = 50_000
# An admin1 area abroad (summed population of its places) that big is notable too
# ("Krasnodar region" in a Ukraine story that never names Russia).
NOTABLE_AREA_POPULATION = 1_000_000

# Words a cut fragment ends on: "Saudi Arabia's state" (state television),
# "Hiran (" (a parenthesis), "the Gaza health" (ministry).
_FRAGMENT_CHARS = re.compile(r"[()\[\]{}\"“”]")
_WATER = re.compile(r"\b(?:sea|gulf|strait|straits|ocean|bay|channel|lake|river)\b", re.I)
_POSSESSIVE_THEN_WORD = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<word>[a-z][\w-]*)$")


def context_countries(scope: Scope) -> frozenset[str]:
    """The countries the text is about, as far as the scope tells."""
    countries = set(scope.article_countries)
    if scope.country_hint:
        countries.add(scope.country_hint)
    if scope.admin1:
        countries.add(scope.admin1[0])
    if scope.anchor is not None and scope.anchor.country:
        countries.add(scope.anchor.country)
    return frozenset(countries)


def is_curated(candidate: Candidate) -> bool:
    return candidate.kind not in KIND_PRIOR


def in_countries(candidate: Candidate, countries: frozenset[str]) -> bool:
    """In the text's countries; seas and regions without a country fit any text."""
    return candidate.country in countries or (candidate.country is None and is_curated(candidate))


def is_notable(candidate: Candidate) -> bool:
    """A place known well enough abroad to be meant without the text saying where."""
    if candidate.kind == "country" or is_curated(candidate) or candidate.capital:
        return True
    if candidate.quality < 2:
        return False  # a transliteration or a fuzzy match abroad is never evidence
    if candidate.kind in ("city", "district"):
        return candidate.population >= NOTABLE_POPULATION
    if candidate.kind in ("admin1", "admin1city"):
        # a province's own full name is seldom an accident ("the Gaza Strip" in an Israel story)
        return candidate.quality == 3 or candidate.population >= NOTABLE_AREA_POPULATION
    return False  # an admin2 abroad (a Romanian or Nigerian district) is never a guess


def foreign_without_evidence(candidate: Candidate, scope: Scope) -> bool:
    """True when a text about some countries would be placed in another one on a name alone."""
    countries = context_countries(scope)
    if not countries or in_countries(candidate, countries):
        return False
    return not is_notable(candidate)


def is_fragment(mention: str) -> bool:
    """Text that cannot be a place name as written: cut at a bracket or quote, or an
    owner's possessive followed by a common lower-case word ("Saudi Arabia's state")."""
    if _FRAGMENT_CHARS.search(mention):
        return True
    match = _POSSESSIVE_THEN_WORD.match(mention.strip())
    return bool(match and " " not in match.group("word"))


def framed_place(text: str, frame: Place | None, country_place: Place | None) -> Place:
    """A place the gazetteer lacks (or would only find abroad), kept at the precision
    the text gives: the admin1 or city named with it, else its country, else text only.

    The coordinates are the frame's, and ``precision`` says how coarse they are, so a
    map draws an area, not a false point; ``name`` stays None (no GeoNames entry)."""
    if _WATER.search(text):
        # a sea or gulf the gazetteer lacks lies in no country's interior: no point to draw
        return Place(text=text, country=country_place.country if country_place else None, precision="region")
    if frame is not None and frame.lat is not None and frame.precision != "country":
        admin1 = frame.admin1 or (frame.name if frame.precision == "region" else None)
        return Place(text=text, name=None, country=frame.country, admin1=admin1,
                     lat=frame.lat, lon=frame.lon, geonameid=None,
                     precision=frame.precision, relation=frame.relation)
    if country_place is not None:
        return replace(country_place, text=text, name=None, geonameid=None, relation=None,
                       sublocations=())
    return Place(text=text)


# The share of a text's resolved places that must lie in one country for the text
# to be "about" it (a Somalia report names Somali places, plus a Washington or two).
TEXT_COUNTRY_SHARE = 0.5


def text_country(place_countries: list[str]) -> str | None:
    """The country most of a text's places are in, when it holds at least half of them."""
    if not place_countries:
        return None
    counts: dict[str, int] = {}
    for code in place_countries:
        counts[code] = counts.get(code, 0) + 1
    code, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return code if n / len(place_countries) >= TEXT_COUNTRY_SHARE else None
