"""One shape per event type, drawn once as SVG symbols in every page (base.html):
list rows, the event page, the map's markers and its legend all ``<use>`` the same
symbol, so a shape means the same thing everywhere. Colour comes from the family
(CSS ``color``), the shape from the type, so both read without the other.

Paths are in a 20 x 20 box centred on (10, 10).
"""
from __future__ import annotations

TYPE_SHAPES: dict[str, tuple[str, str]] = {
    # type: (label for the legend, path)
    "attack": ("attack (strike, shelling)",
               "M10 0 L12.6 6.2 L19.5 5.4 L14.6 10 L19.5 14.6 L12.6 13.8 L10 20 L7.4 13.8 "
               "L0.5 14.6 L5.4 10 L0.5 5.4 L7.4 6.2 Z"),
    "clash": ("clash", "M3 1 L10 8 L17 1 L19 3 L12 10 L19 17 L17 19 L10 12 L3 19 L1 17 L8 10 "
                       "L1 3 Z"),
    "casualties": ("casualties", "M7 1 H13 V7 H19 V13 H13 V19 H7 V13 H1 V7 H7 Z"),
    "territorial_change": ("territorial change", "M3 1 H5 V19 H3 Z M5 2 L19 7 L5 12 Z"),
    "airspace_violation": ("airspace violation", "M10 1 L19 18 L10 14 L1 18 Z"),
    "military_movement": ("military movement", "M1 3 L9 3 L17 10 L9 17 L1 17 L9 10 Z"),
    "diplomatic_meeting": ("diplomatic meeting",
                           "M7 4 A6 6 0 1 0 7 16 A6 6 0 1 0 7 4 Z M13 4 A6 6 0 1 0 13 16 "
                           "A6 6 0 1 0 13 4 Z"),
    "visit": ("visit", "M10 19 L4 10 A6.5 6.5 0 1 1 16 10 Z"),
    "agreement": ("agreement", "M2 2 H18 V18 H2 Z"),
    "proposal": ("proposal", "M10 1 L19 8 L15.5 19 L4.5 19 L1 8 Z"),
    "statement": ("statement", "M2 2 H18 V14 H9 L4 19 V14 H2 Z"),
    "protest": ("protest", "M5 1 H15 L19 10 L15 19 H5 L1 10 Z"),
    "other": ("other", "M10 1 L19 10 L10 19 L1 10 Z"),
}


def shape_id(event_type: str | None) -> str:
    """The symbol id for a type (unknown types share "other")."""
    return f"shape-{event_type if event_type in TYPE_SHAPES else 'other'}"
