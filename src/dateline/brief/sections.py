"""The brief's sections: which events go where, in what order, and the cap per section.

    violence     by region (admin1, else the place), the region with most dead first
    territory    front-line changes, with who claims (claimed_by) and who denies (disputed_by)
    airspace     airspace violations, and the responses (scrambles, deployments)
    diplomacy    meetings held and planned, visits, proposals, agreements
    statements   statements, those quoting their speaker first
    other        protests and anything else
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from ..store.brief_reads import EventRow
from .counting import casualty_total
from .model import Item, Region, Section

SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (  # key, title, families
    ("violence", "Violence by region", ("violence",)),
    ("territory", "Front line", ("territory",)),
    ("airspace", "Airspace violations and responses", ("airspace", "movement")),
    ("diplomacy", "Diplomacy", ("diplomacy", "proposal")),
    ("statements", "Statements", ("statement",)),
    ("other", "Other events", ("protest", "other")),
)


def _deaths(item: Item) -> int:
    q = item.fatalities
    if q is None or item.scope == "cumulative":
        return -1
    return max(v for v in (q.min, q.max, 0) if v is not None)


def _weight(item: Item) -> tuple:
    """Worst first: dead, then injured, then sources; then by date and id (stable)."""
    injured = item.injured.min if item.injured and item.injured.min else 0
    return (-_deaths(item), -injured, -item.source_count,
            item.date.isoformat() if item.date else "9999", item.event_id)


def region_of(item: Item) -> str:
    if item.precision == "country" or (item.region is None and item.place is None):
        return f"{item.place or item.country or 'Unlocated'}, nationwide"
    return item.region or item.place or "Unlocated"


def build_sections(violence: Sequence[Item], others: dict[str, tuple[Sequence[EventRow], int]],
                   parents: dict[str, str], *, per_section: int) -> list[Section]:
    """The sections: violence from the period's Items (its figures are counted), the
    others from the lines the store chose and ordered (``others[key] = (rows, total)``)."""
    sections = []
    for key, title, _families in SECTIONS:
        if key == "violence":
            if violence:
                sections.append(_violence(list(violence), parents, title, per_section))
            continue
        rows, total = others.get(key, ((), 0))
        if rows:
            sections.append(Section(key, title, tuple(r.event_id for r in rows[:per_section]),
                                    total))
    return sections


def _violence(items: list[Item], parents: dict[str, str], title: str, cap: int) -> Section:
    by_region: dict[tuple[str, str | None], list[Item]] = defaultdict(list)
    for item in items:
        by_region[(region_of(item), item.country)].append(item)

    def worst(entry: tuple[tuple[str, str | None], list[Item]]) -> tuple:
        # Ordering by the regions' highest claimed dead, summed (cheap); the shown
        # regions' totals are then counted by the rules (a barrage's dead shared once).
        (name, _), members = entry
        dead = sum(max(_deaths(i), 0) for i in members) if any(_deaths(i) >= 0 for i in members) else -1
        return (-dead, -len(members), name)

    shown, left = [], cap
    for (name, country), members in sorted(by_region.items(), key=worst):
        if left <= 0:
            break
        members.sort(key=_weight)
        take = tuple(i.event_id for i in members[:left])
        shown.append(Region(name, country, casualty_total(members, parents, "fatalities",
                                                          words=False), take))
        left -= len(take)
    return Section("violence", title, tuple(e for r in shown for e in r.event_ids), len(items),
                   tuple(shown))
