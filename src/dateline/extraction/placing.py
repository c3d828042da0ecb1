"""Where the text places its events, with the text's country context (issue 14).

The extractor's PlaceResolver takes these steps from ContextPlacing; the rules
themselves live in geo/context.py:

* ``widen_context``   the countries of the regions a text names are its countries;
* ``region_beside``   "Tawila, North Darfur": the admin1 written after a place picks it;
* ``drop_non_places`` an armed group's name or a cut fragment is no event place;
* ``frame_unresolved`` a village the gazetteer lacks keeps the precision of its area;
* ``place_in_text_country`` an unplaced incident is in the text's country (precision country);
* ``place_at_the_one_site`` an incident placed only at its country is at the one town where the
  text tells violence in that country, when there is exactly one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..geo.context import text_country
from ..models import Place
from .merge import CONCRETE


class ContextPlacing:
    """Mixed into PlaceResolver: needs ``geo``, ``context_countries``, ``resolve`` and ``country_place``."""

    def widen_context(self, all_facts, resolved: dict[tuple[int, int], Place | None]) -> None:
        """The countries of the regions the text names ("North Darfur") are its countries too:
        places first resolved to a namesake outside them are resolved again."""
        areas = Counter(pl.country for pl in resolved.values()
                        if pl is not None and pl.country and pl.geonameid and pl.precision == "region")
        extra = tuple(c for c, _ in areas.most_common() if c not in self.context_countries)
        if not extra:
            return
        self.context_countries += extra
        for f in all_facts:
            for p in f.places:
                place = resolved.get(p.key)
                if place is not None and place.geonameid and place.precision != "country" \
                        and place.country not in self.context_countries and p.cue != "district":
                    resolved[p.key] = self.resolve(p)

    def is_place_text(self, text: str) -> bool:
        return self.geo is None or not hasattr(self.geo, "is_place_text") or self.geo.is_place_text(text)

    def drop_non_places(self, drafts, resolved: dict[tuple[int, int], Place | None]) -> None:
        """An armed group's name or a cut fragment is no event place: the draft takes the
        next real place of its sentence, else none."""
        for d in drafts:
            if d.place is None or resolved.get(d.place.key) is not None or self.is_place_text(d.place.text):
                continue
            d.place = next((q for q in d.facts.places if resolved.get(q.key) is not None
                            and not q.is_modifier and resolved[q.key].precision != "country"), None)

    def frame_unresolved(self, all_facts, resolved: dict[tuple[int, int], Place | None], drafts=()) -> None:
        """A place the gazetteer lacks keeps the precision the text gives (geo.context.framed_place):
        the area named with it, a city named right after it ("Al-Mawasi, west of Khan Younis"),
        else its country; a war between two sides of one country (RSF and SAF) is in that country."""
        if self.geo is None or not hasattr(self.geo, "framed_place"):
            return
        civil = civil_war_country(drafts)
        for f in all_facts:
            for p in f.places:
                place = resolved.get(p.key)
                if place is None or place.lat is not None or place.precision is not None:
                    continue
                # the nearest place named after it first ("Booco, Hiraan region"), then any before it
                others = sorted((q for q in f.places if q is not p), key=lambda q: (q.start < p.start, abs(q.start - p.end)))
                frame = next((resolved[q.key] for q in others if _frames(resolved.get(q.key), place, q.start - p.end)), None)
                code = place.country or (frame.country if frame else None) or civil
                country = self.country_place(None, country=code, text=p.text) if code else None
                resolved[p.key] = self.geo.framed_place(p.text, frame, country)

    def place_in_text_country(self, events: list, resolved: dict[tuple[int, int], Place | None]) -> list:
        """An incident the text places nowhere happened in the country the text is about (the
        country of most of its places), at precision "country": never a point, but never lost
        to the map's country filter either."""
        code = text_country([p.country for p in resolved.values() if p is not None and p.country])
        if code is None:
            return events
        out = []
        for e in events:
            if e.location is None and e.family in CONCRETE and e.scope == "incident":
                place = self.country_place(None, country=code, text=code)
                if place is not None:
                    e = replace(e, location=replace(place, text=place.name or code))
            out.append(e)
        return out


_BESIDE = re.compile(r"^[\w\s'’-]{0,20},[\w\s,'’-]*$")


def region_beside(p, places, resolved: dict[tuple[int, int], Place | None], text: str) -> str | None:
    """The admin1 written right after a place, after a comma ("Tawila, North Darfur";
    "X village, Y locality, North Darfur state"): it picks which namesake is meant."""
    for q in places:
        if q is p or q.start < p.end or q.start - p.end > 60 or not _BESIDE.match(text[p.end:q.start]):
            continue
        place = resolved.get(q.key)
        if place is not None and place.precision == "region" and place.geonameid:
            return q.text
    return None


def _frames(candidate: Place | None, place: Place, gap: int) -> bool:
    """Whether a resolved place of the same sentence can stand for an unknown one's area."""
    if candidate is None or not candidate.geonameid or place.country not in (None, candidate.country):
        return False
    if candidate.precision in ("region", "district"):
        return True
    return candidate.precision == "city" and 0 <= gap <= 40  # "X, west of Khan Younis": right after it


def civil_war_country(drafts) -> str | None:
    """The one country of every actor when two or more differently named actors share it."""
    names: dict[str, str] = {}
    for d in drafts:
        for a in d.actors:
            if a.country:
                names[a.name.lower()] = a.country
    countries = set(names.values())
    return countries.pop() if len(names) >= 2 and len(countries) == 1 else None


SITE_TYPES = {"attack", "clash", "casualties", "territorial_change"}
SITE_PRECISIONS = ("point", "district", "city")


def named_target_country(cluster) -> bool:
    """'Russia attacked Ukraine overnight': the country itself is what was hit, not a frame."""
    return any(d.nationwide or (d.place is not None and d.trigger is not None and d.place.root.dep_ == "dobj"
                                and d.place.root.head.i == d.trigger.i) for d in cluster.drafts)


def place_at_the_one_site(events: list, all_facts, resolved: dict[tuple[int, int], Place | None],
                          keep: set[str] = frozenset()) -> list:
    """'at least 50 people were killed in the airstrike' placed at Myanmar, while the text tells
    'the attack in the Sagaing area' elsewhere: the incident is at the one site the text names
    for violence in that country. Barrages (weapons counted) stay country-wide, and two or more
    sites leave the country as it is."""
    sites: dict[str, dict] = {}
    for f in all_facts:
        if f.is_heading or not any(t.type in SITE_TYPES and not t.weak for t in f.triggers):
            continue
        for p in f.places:
            place = resolved.get(p.key)
            if place is None or p.is_modifier or not place.country:
                continue
            # a village the gazetteer lacks keeps its area's precision ("Elbe" framed by "Gedo region")
            framed = place.precision == "region" and p.cue in (None, "city") and (not place.name or (
                p.text.lower() not in place.name.lower() and place.name.lower() not in p.text.lower()))
            if place.precision in SITE_PRECISIONS or framed:
                key = str(place.geonameid or place.name or p.text).lower()
                sites.setdefault(place.country, {}).setdefault(key, replace(place, text=p.text))
    out = []
    for e in events:
        here = e.location
        if e.type in SITE_TYPES and e.scope == "incident" and not e.weapons and here is not None and e.id not in keep \
                and here.precision == "country" and len(sites.get(here.country, {})) == 1:
            e = replace(e, location=next(iter(sites[here.country].values())))
        out.append(e)
    return out
