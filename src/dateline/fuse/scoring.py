"""Blocking (which mentions are compared at all) and the pair score.

Blocking keeps fusion near-linear: a mention is compared only with mentions of
the same family, in the same country (or with no known country), within a
few days. The pair score then weighs place, time, participants, type,
figures and evidence-sentence similarity; some differences veto a pair.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from .features import PRECISE, MentionFeatures, distance_km
from .similarity import SentenceModel

# Days two mentions of one event may lie apart, per family (reports of talks or
# captures are dated loosely; strikes are dated to the day, overnight = +1).
DEFAULT_WINDOWS = {"violence": 2, "territory": 3, "diplomacy": 3, "statement": 1,
                   "airspace": 2, "movement": 2, "proposal": 3, "protest": 2, "other": 1}
# Cosine values that mean "unrelated" and "same event" for each sentence model.
TEXT_SCALE = {"minilm": (0.25, 0.75), "lexical": (0.02, 0.45)}


@dataclass(frozen=True, slots=True)
class FusionParams:
    threshold: float = 0.55          # average-link score needed to merge two clusters
    near_km: float = 15.0            # same place
    max_km: float = 30.0             # a district or point this far off may still match
    windows: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_WINDOWS))
    weights: dict[str, float] = field(default_factory=lambda: {
        "place": 0.28, "time": 0.17, "text": 0.30, "participants": 0.10,
        "type": 0.10, "figures": 0.05})


def candidate_pairs(feats: list[MentionFeatures], params: FusionParams) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of one family, within its date window, sharing a country.

    A mention's countries are its place's and its sides' (a border clash told
    from Kabul and from Islamabad shares AF and PK); a mention with none is
    compared with every mention of its family in the window. Each pair is
    produced once, by its lower index.
    """
    buckets: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    countries_on: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in feats:
        for c in f.block_countries or ("?",):
            buckets[(f.family, c, f.day)].append(f.index)
            countries_on[(f.family, f.day)].add(c)
    for f in feats:
        window = params.windows.get(f.family, 1)
        seen: set[int] = set()
        for day in range(f.day - window, f.day + window + 1):
            if f.block_countries:
                keys = [*f.block_countries, "?"]
            else:
                keys = list(countries_on.get((f.family, day), ()))
            for c in keys:
                for j in buckets.get((f.family, c, day), ()):
                    if j > f.index and j not in seen:
                        seen.add(j)
                        yield f.index, j


def place_score(a: MentionFeatures, b: MentionFeatures, params: FusionParams) -> float | None:
    """1 same place ... 0; None vetoes the pair (two different places)."""
    km = distance_km(a, b)
    if a.country and b.country and a.country != b.country:
        # Two countries: one event only across a border, a few km apart.
        return 0.8 if km is not None and km <= params.near_km else None
    if a.place_key is None or b.place_key is None:
        return 0.5
    if a.place_key == b.place_key or (a.place_names & b.place_names):
        return 1.0
    pa, pb = a.place_precision or "city", b.place_precision or "city"
    if pa in PRECISE and pb in PRECISE:
        if km is None:
            return None  # two different named places, no coordinates to say they are near
        if km <= params.near_km:
            return 0.9
        # A district or point may be geocoded a little off; two towns are two events.
        coarse = "district" in (pa, pb) or "point" in (pa, pb)
        return 0.6 if coarse and km <= params.max_km else None
    if "country" in (pa, pb):
        return 0.35  # a nationwide report and a local one: related, rarely the same event
    # A region and a place in it (or the same region named two ways).
    region_a = a.admin1 if pa in PRECISE else a.place_key
    region_b = b.admin1 if pb in PRECISE else b.place_key
    if region_a and region_b and region_a == region_b:
        return 0.7
    return None if (pa == "region" and pb == "region") else 0.3


# Families whose incidents are dated to the day: two dated reports more than a
# day apart (overnight strikes straddle midnight) tell two incidents.
DAY_EXACT_FAMILIES = frozenset({"violence", "airspace", "movement"})


def time_score(a: MentionFeatures, b: MentionFeatures) -> float | None:
    gap = max(0, max(a.day, b.day) - min(a.day_end, b.day_end))
    if gap > 1 and a.dated and b.dated and a.family in DAY_EXACT_FAMILIES:
        return None
    score = {0: 1.0, 1: 0.75, 2: 0.45, 3: 0.3}.get(gap, 0.1)
    if not (a.dated and b.dated):
        score = min(score, 0.8)  # a publication date only bounds the event
    return score


def participants_score(a: MentionFeatures, b: MentionFeatures) -> float | None:
    if a.family == "statement":
        # A statement is its speaker's: two speakers, two statements.
        if a.claimant.key != "unattributed" and b.claimant.key != "unattributed":
            return 1.0 if a.claimant.key == b.claimant.key else None
    if not a.sides or not b.sides:
        return 0.5
    shared = len(a.sides & b.sides) / len(a.sides | b.sides)
    if a.type == "attack" and b.type == "attack" and a.actor_sides and b.actor_sides \
            and not (a.actor_sides & b.actor_sides):
        return None  # one side's strike and the other side's are two events
    return shared


def type_score(a: MentionFeatures, b: MentionFeatures) -> float:
    if a.type != b.type:
        return 0.5
    if a.subtype and b.subtype and a.subtype != b.subtype:
        return 0.75
    return 1.0


def figures_score(a: MentionFeatures, b: MentionFeatures) -> float:
    if a.fatalities is None or b.fatalities is None:
        return 0.5
    lo = max(x for x in (a.fatalities[0], b.fatalities[0], 0) if x is not None)
    highs = [x for x in (a.fatalities[1], b.fatalities[1]) if x is not None]
    # Tolls rise and sides disagree: an incompatible figure is weak evidence only.
    return 1.0 if not highs or lo <= min(highs) else 0.3


def text_score(a: MentionFeatures, b: MentionFeatures, model: SentenceModel) -> float:
    if a.vector is None or b.vector is None:
        return 0.5
    lo, hi = TEXT_SCALE.get(model.name, (0.0, 1.0))
    cos = model.similarity(a.vector, b.vector)
    return min(1.0, max(0.0, (cos - lo) / (hi - lo)))


def pair_score(a: MentionFeatures, b: MentionFeatures, model: SentenceModel,
               params: FusionParams) -> float:
    """Weighted agreement in [0, 1]; 0 when a hard difference rules the pair out."""
    place = place_score(a, b, params)
    participants = participants_score(a, b)
    when = time_score(a, b)
    if place is None or participants is None or when is None:
        return 0.0
    parts = {"place": place, "time": when, "text": text_score(a, b, model),
             "participants": participants, "type": type_score(a, b),
             "figures": figures_score(a, b)}
    w = params.weights
    return sum(w[k] * v for k, v in parts.items()) / sum(w.values())
