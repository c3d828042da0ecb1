"""One spec per event family, registered once and read by every later step.

A new family, or a new type in one, touches this file (and its component module and rules
in patterns/triggers.jsonl): the components run in registry order, merging and dating read
their policies from here, and the subtypes a family may give are checked against
``models.SUBTYPES``.

    spec = FAMILIES["violence"]
    spec.types, spec.component, spec.concrete, spec.merges, spec.same_day_only
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import FAMILIES as TYPE_FAMILY
from ..models import SUBTYPES
from .components.airspace import AirspaceComponent
from .components.coercion import CoercionComponent
from .components.common import FamilyComponent
from .components.diplomacy import DiplomacyComponent
from .components.movement import MovementComponent
from .components.proposals import ProposalComponent
from .components.protest import ProtestComponent
from .components.statements import StatementComponent
from .components.territory import TerritoryComponent
from .components.violence import ViolenceComponent


@dataclass(frozen=True)
class FamilySpec:
    name: str
    types: tuple[str, ...]
    component: type[FamilyComponent]
    concrete: bool          # something happened on the ground (a statement may report it)
    merges: bool            # mentions in several sentences may be one event
    same_day_only: bool     # mentions dated by their own words more than a day apart never merge
    dated_by_default: bool  # an undated incident takes the news day

    @property
    def subtypes(self) -> dict[str, tuple[str, ...]]:
        return {t: SUBTYPES.get(t, ()) for t in self.types}


_SPECS = [
    FamilySpec("violence", ("attack", "clash", "casualties"), ViolenceComponent,
               concrete=True, merges=True, same_day_only=False, dated_by_default=True),
    FamilySpec("territory", ("territorial_change",), TerritoryComponent,
               concrete=True, merges=True, same_day_only=True, dated_by_default=True),
    FamilySpec("airspace", ("airspace_violation",), AirspaceComponent,
               concrete=True, merges=True, same_day_only=True, dated_by_default=True),
    FamilySpec("movement", ("military_movement",), MovementComponent,
               concrete=True, merges=True, same_day_only=True, dated_by_default=True),
    FamilySpec("diplomacy", ("diplomatic_meeting", "visit", "agreement"), DiplomacyComponent,
               concrete=False, merges=True, same_day_only=False, dated_by_default=False),
    FamilySpec("proposal", ("proposal",), ProposalComponent,
               concrete=False, merges=False, same_day_only=False, dated_by_default=False),
    FamilySpec("statement", ("statement",), StatementComponent,
               concrete=False, merges=False, same_day_only=False, dated_by_default=True),
    FamilySpec("protest", ("protest",), ProtestComponent,
               concrete=False, merges=True, same_day_only=False, dated_by_default=True),
    FamilySpec("other", ("other",), CoercionComponent,
               concrete=False, merges=False, same_day_only=False, dated_by_default=True),
]

# Registered as spaCy factories "dateline_<family>" by extraction.nlp, in this order.
FAMILIES: dict[str, FamilySpec] = {spec.name: spec for spec in _SPECS}


def spec_of(family: str) -> FamilySpec | None:
    return FAMILIES.get(family)


def check_registry() -> None:
    """Every contract type belongs to exactly one registered family, as models.FAMILIES says."""
    seen: dict[str, str] = {}
    for spec in _SPECS:
        for t in spec.types:
            if t in seen:
                raise ValueError(f"type {t} is in two families: {seen[t]} and {spec.name}")
            if TYPE_FAMILY.get(t) != spec.name:
                raise ValueError(f"type {t}: models.FAMILIES says {TYPE_FAMILY.get(t)}, the registry {spec.name}")
            seen[t] = spec.name
    missing = set(TYPE_FAMILY) - set(seen)
    if missing:
        raise ValueError(f"types with no family spec: {sorted(missing)}")


check_registry()
