"""What fusion compares about a mention, computed once per mention."""
from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .claimants import normalise_claimant
from .records import Claimant, MentionRecord

PRECISE = ("point", "district", "city")


def fold_place(text: str | None) -> str | None:
    """'Kharkov' and 'Kharkiv', 'El-Fasher' and 'Al Fashir' fold to one key."""
    if not text:
        return None
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^(the|city of|town of)\s+", "", text)
    text = re.sub(r"\s+(region|oblast|province|governorate|district|city)$", "", text)
    return _place_aliases().get(text, text) or None


@lru_cache(maxsize=1)
def _place_aliases() -> dict[str, str]:
    raw = json.loads(resources.files(__package__).joinpath("data/places.json").read_text("utf-8"))
    return raw["aliases"]


@dataclass(frozen=True, slots=True)
class MentionFeatures:
    index: int
    record: MentionRecord
    family: str
    type: str
    subtype: str | None
    day: int                  # date ordinal: the event's start, else the publication date
    day_end: int
    dated: bool               # the mention itself carries a date
    place_key: str | None     # geonameid or folded canonical name
    place_names: frozenset[str]  # folded name and text: 'Kharkov' meets 'Kharkiv'
    place_precision: str | None
    country: str | None       # where, else the actor's or claimant's side
    admin1: str | None
    lat: float | None
    lon: float | None
    sides: frozenset[str]     # countries of actors and targets
    actor_sides: frozenset[str]
    claimant: Claimant
    block_countries: frozenset[str]  # place country and the sides involved
    fatalities: tuple[int | None, int | None] | None
    # A nationwide barrage and a city's strike told as its part are two linked events:
    # ``is_part`` when the article links this mention to a whole, ``is_whole`` when a
    # mention of the same article is linked to this one.
    is_part: bool = False
    is_whole: bool = False
    vector: Any = None


def _place_fields(record: MentionRecord) -> tuple[str | None, str | None, str | None,
                                                   str | None, float | None, float | None]:
    place = record.mention.location
    if place is None:
        return None, None, None, None, None, None
    if place.geonameid:
        key = f"g{place.geonameid}"
    else:
        key = fold_place(place.name) or fold_place(place.text)
    precision = place.precision or ("city" if place.lat is not None else None)
    return key, precision, place.country, fold_place(place.admin1), place.lat, place.lon


def build_features(records: list[MentionRecord]) -> list[MentionFeatures]:
    wholes = {f"{r.article_id}:{r.mention.part_of}" for r in records if r.mention.part_of}
    out = []
    for i, record in enumerate(records):
        m = record.mention
        start = m.date.start if m.date and m.date.start else None
        end = m.date.end if m.date and m.date.end else start
        anchor = start or record.published or date(1970, 1, 1)
        key, precision, country, admin1, lat, lon = _place_fields(record)
        claimant = normalise_claimant(m.claimed_by, actors=m.actors)
        actor_sides = frozenset(a.country for a in m.actors if a.country)
        sides = actor_sides | frozenset(t.country for t in m.targets if t.country)
        if country is None:
            country = next(iter(sorted(actor_sides)), None) or (
                claimant.side if claimant.side and len(claimant.side) == 2 else None)
        names = frozenset(n for n in (fold_place(m.location.name), fold_place(m.location.text))
                          if n) if m.location else frozenset()
        block = frozenset(c for c in (country, *sides) if c and len(c) == 2)
        fat = (m.fatalities.min, m.fatalities.max) if m.fatalities else None
        out.append(MentionFeatures(
            index=i, record=record, family=m.family, type=m.type, subtype=m.subtype,
            day=anchor.toordinal(), day_end=(end or anchor).toordinal(), dated=start is not None,
            place_key=key, place_names=names, block_countries=block, place_precision=precision, country=country, admin1=admin1,
            lat=lat, lon=lon, sides=sides, actor_sides=actor_sides, claimant=claimant,
            fatalities=fat, is_part=m.part_of is not None, is_whole=record.key in wholes))
    return out


def distance_km(a: MentionFeatures, b: MentionFeatures) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
