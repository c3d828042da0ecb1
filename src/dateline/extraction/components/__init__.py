"""One component module per event family, all with the same shape (see common.FamilyComponent)."""
from .airspace import AirspaceComponent
from .coercion import CoercionComponent
from .diplomacy import DiplomacyComponent
from .movement import MovementComponent
from .proposals import ProposalComponent
from .protest import ProtestComponent
from .statements import StatementComponent
from .territory import TerritoryComponent
from .violence import ViolenceComponent

# Registered as spaCy factories "dateline_<family>" by dateline.extraction.nlp, in this order.
FAMILY_COMPONENTS = {
    "violence": ViolenceComponent,
    "territory": TerritoryComponent,
    "airspace": AirspaceComponent,
    "movement": MovementComponent,
    "diplomacy": DiplomacyComponent,
    "proposal": ProposalComponent,
    "statement": StatementComponent,
    "protest": ProtestComponent,
    "other": CoercionComponent,
}
