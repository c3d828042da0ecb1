"""Ranking place candidates with context: pure functions, no database.

A candidate's score adds up, in this order (weights below, tuned on
tests/geo/data/geocoding_cases.jsonl):

1. kind prior      a country name is a country; a city beats a same-named region
2. cue             "region"/"oblast" -> admin1, "district" -> a city section, ...
3. population      log10(population): big places are mentioned more
4. name quality    the place's own current name beats an alternate or former name
                   (Pokrovsk in Donetsk oblast, not the old name of Engels)
5. capital         capitals are the usual meaning of their names
6. context         country hint ("Russia's Krasnodar region"), the article's
                   countries, a qualifier ("Paris, Texas"), the dateline, a parent city
7. match kind      transliteration and fuzzy matches lose points
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from ..models import Place


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the article says around a mention (all optional)."""

    cue: str | None = None                  # "region" | "district" | "city" | "country"
    country_hint: str | None = None         # ISO2 named with the place ("Russia's Krasnodar")
    article_countries: tuple[str, ...] = ()  # ISO2, most confident first
    dateline_place: str | None = None       # "KYIV" from "KYIV, Nov 25 (Reuters) -"
    parent: Place | None = None             # for a district: the city it is in
    qualifier: str | None = None            # an admin1 or country named beside it ("North Darfur")
    # the actors' countries (RSF -> SD): weaker than article_countries, since an attacker's
    # country is seldom where the attack happened; they rank and admit variant spellings only
    side_countries: tuple[str, ...] = ()


class Candidate(NamedTuple):
    """One row of the places table (a NamedTuple: thousands are built per second)."""

    id: int
    name: str
    kind: str
    precision: str
    country: str | None
    admin1_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    parent: int | None
    capital: int         # 1 for a national capital
    quality: int          # 3 own name, 2 alternate, 1 transliteration variant, 0 fuzzy


@dataclass(frozen=True, slots=True)
class Scope:
    """Facts derived from the context once per mention: where the article is."""

    cue: str | None
    country_hint: str | None
    admin1: tuple[str, str] | None      # (country, admin1 code) from a qualifier
    article_countries: tuple[str, ...]
    anchor: Candidate | None            # the resolved dateline place
    parent: Place | None
    sides: tuple[str, ...] = ()          # the actors' countries (GeoContext.side_countries)


KIND_PRIOR = {"country": 12.0, "city": 3.5, "admin1": 2.0, "admin1city": 1.0, "admin2": 0.5,
              "district": 1.5}
CURATED_PRIOR = 7.5        # seas, rivers, named regions: chosen by hand, so trusted
CUE_BONUS = {
    "region": {"admin1": 7.0, "admin1city": 3.0, "region": 2.0, "admin2": 2.5, "country": -4.0,
               "city": -1.0},
    "district": {"district": 8.0, "admin2": 6.0, "city": 1.0, "admin1": -2.0, "country": -6.0},
    "city": {"city": 5.0, "district": 1.0, "country": -6.0, "admin1": -1.0},
    "country": {"country": 8.0},
}
# How often a country is named ranks the article's countries, but weakly: a city in the
# eighth country named (Geneva, CH) must still beat a small namesake in the second (US).
CONTEXT_RANK_BONUS = (3.0, 2.5, 2.0)
QUALITY_BONUS = {3: 1.5, 2: 0.0, 1: -1.5, 0: -3.0}


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def score(candidate: Candidate, scope: Scope) -> float:
    kind = candidate.kind
    total = KIND_PRIOR.get(kind, CURATED_PRIOR)
    if scope.cue:
        total += CUE_BONUS.get(scope.cue, {}).get(kind, 0.0)
    if kind in ("city", "district"):
        total += math.log10(candidate.population + 1)
    elif kind in ("admin1", "admin1city", "admin2"):
        total += 0.8 * math.log10(candidate.population + 1)
    total += QUALITY_BONUS[candidate.quality]
    if candidate.capital:
        total += 2.5
    total += _context(candidate, scope)
    return total


def _context(candidate: Candidate, scope: Scope) -> float:
    total = 0.0
    country = candidate.country
    if scope.country_hint:
        total += 5.0 if country == scope.country_hint else -3.0
    if scope.admin1:
        if (country, candidate.admin1_code) == scope.admin1:
            total += 6.0
        elif country == scope.admin1[0]:
            total += 1.0
        else:
            total -= 3.0
    if scope.article_countries and country:
        if country in scope.article_countries:
            rank = scope.article_countries.index(country)
            total += CONTEXT_RANK_BONUS[min(rank, len(CONTEXT_RANK_BONUS) - 1)]
        elif candidate.kind != "country":
            total -= 0.0 if country in scope.sides else 1.0
    elif country and country in scope.sides:
        total += 1.0
    elif scope.article_countries and candidate.kind not in KIND_PRIOR:
        total += 2.0  # seas and disputed regions belong to no country: in any article's context
    anchor = scope.anchor
    if anchor and anchor.id != candidate.id:
        # The dateline says where the reporter is, not where everything happens
        # (WASHINGTON datelines carry news from Geneva): only nearness counts.
        if (country and country == anchor.country and candidate.admin1_code
                and candidate.admin1_code == anchor.admin1_code):
            total += 1.0
        if _distance_km(anchor.lat, anchor.lon, candidate.lat, candidate.lon) < 150:
            total += 1.0
    parent = scope.parent
    if parent is not None:
        if parent.geonameid is not None and candidate.parent == parent.geonameid:
            total += 6.0
        elif parent.lat is not None and parent.lon is not None:
            km = _distance_km(parent.lat, parent.lon, candidate.lat, candidate.lon)
            total += 3.0 if km < 30 else (-2.0 if km > 100 else 0.0)
    return total


DOMINANCE = 8  # a city this many times larger than its namesakes is what the name means


def best(candidates: list[Candidate], scope: Scope) -> Candidate | None:
    """The top candidate; ties go to the larger population, then the smaller id (stable).

    A well-known city is not displaced by a small namesake in a country the
    article merely mentions ("US negotiators ... talks in Geneva" is Geneva,
    Switzerland): where one exact-name city dwarfs the others, it counts as being
    in the article's context too, as if its country led the article's countries.
    """
    if not candidates:
        return None
    cities = sorted((c for c in candidates if c.kind == "city" and c.quality >= 2),
                    key=lambda c: c.population, reverse=True)
    famous = None
    if (len(cities) >= 2 and cities[1].population * DOMINANCE < cities[0].population
            and cities[0].population >= 150_000 and scope.article_countries and not scope.country_hint
            and not scope.admin1 and scope.parent is None):
        famous = cities[0]
    in_context = Scope(scope.cue, scope.country_hint, scope.admin1,
                       ((famous.country,) if famous else ()) + scope.article_countries, scope.anchor, scope.parent,
                       scope.sides)

    def key(c: Candidate):
        return (score(c, in_context if c is famous else scope), c.population, -c.id)

    return max(candidates, key=key)
