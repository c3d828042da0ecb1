"""dateline's types in the vocabularies analysts already use: ACLED's event type and
sub-event type, and PLOVER's event category.

The table is docs/codebook.md's "In ACLED's and PLOVER's terms" (a test keeps the
two equal). A subtype's row wins over its type's row (subtype None); an empty
string means the other codebook has no category that fits, so the export leaves
the cell empty rather than guess.
"""
from __future__ import annotations

from dataclasses import dataclass

ACLED_REMOTE = "Explosions/Remote violence"
ACLED_BATTLES = "Battles"
ACLED_STRATEGIC = "Strategic developments"
ACLED_VAC = "Violence against civilians"


@dataclass(frozen=True, slots=True)
class Categories:
    acled_event_type: str
    acled_sub_event_type: str
    plover_type: str


# (type, subtype or None) -> categories
CROSSWALK: dict[tuple[str, str | None], Categories] = {
    ("attack", None): Categories(ACLED_VAC, "Attack", "ASSAULT"),
    ("attack", "air_strike"): Categories(ACLED_REMOTE, "Air/drone strike", "ASSAULT"),
    ("attack", "drone_strike"): Categories(ACLED_REMOTE, "Air/drone strike", "ASSAULT"),
    ("attack", "missile_strike"): Categories(ACLED_REMOTE, "Shelling/artillery/missile attack",
                                             "ASSAULT"),
    ("attack", "missile_drone_strike"): Categories(ACLED_REMOTE,
                                                   "Shelling/artillery/missile attack", "ASSAULT"),
    ("attack", "shelling"): Categories(ACLED_REMOTE, "Shelling/artillery/missile attack",
                                       "ASSAULT"),
    ("attack", "bombing"): Categories(ACLED_REMOTE, "Remote explosive/landmine/IED", "ASSAULT"),
    ("attack", "ground_raid"): Categories(ACLED_VAC, "Attack", "ASSAULT"),
    ("attack", "abduction"): Categories(ACLED_VAC, "Abduction/forced disappearance", "ASSAULT"),
    ("attack", "sexual_violence"): Categories(ACLED_VAC, "Sexual violence", "ASSAULT"),
    ("clash", None): Categories(ACLED_BATTLES, "Armed clash", "ASSAULT"),
    ("clash", "armed_clash"): Categories(ACLED_BATTLES, "Armed clash", "ASSAULT"),
    ("casualties", None): Categories("", "", ""),
    ("territorial_change", None): Categories(ACLED_BATTLES, "Armed clash", "ASSAULT"),
    ("territorial_change", "withdrawal"): Categories(
        ACLED_STRATEGIC, "Non-violent transfer of territory", "RETREAT"),
    ("airspace_violation", None): Categories(ACLED_STRATEGIC, "Other", ""),
    ("military_movement", None): Categories(ACLED_STRATEGIC, "Other", "MOBILIZE"),
    ("military_movement", "base_established"): Categories(ACLED_STRATEGIC, "Headquarters or base established",
                                                           "MOBILIZE"),
    ("diplomatic_meeting", None): Categories(ACLED_STRATEGIC, "Other", "CONSULT"),
    ("visit", None): Categories(ACLED_STRATEGIC, "Other", "CONSULT"),
    ("proposal", None): Categories(ACLED_STRATEGIC, "Other", "AGREE"),
    ("agreement", None): Categories(ACLED_STRATEGIC, "Agreement", "AGREE"),
    ("statement", None): Categories("", "", ""),
    ("statement", "denial"): Categories("", "", "REJECT"),
    ("statement", "accusation"): Categories("", "", "ACCUSE"),
    ("statement", "warning"): Categories("", "", "THREATEN"),
    ("protest", None): Categories("Protests", "", "PROTEST"),
    ("other", None): Categories("", "", ""),
    ("other", "arrest"): Categories(ACLED_STRATEGIC, "Arrests", "COERCE"),
    ("other", "weapons_seized"): Categories(ACLED_STRATEGIC, "Disrupted weapons use", "COERCE"),
}
NONE = Categories("", "", "")


def categories(event_type: str | None, subtype: str | None = None) -> Categories:
    """The ACLED and PLOVER categories of a dateline type and subtype."""
    if event_type is None:
        return NONE
    return (CROSSWALK.get((event_type, subtype)) or CROSSWALK.get((event_type, None)) or NONE)
