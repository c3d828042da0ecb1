"""docs/codebook.md's ACLED/PLOVER table and src/dateline/crosswalk.py say the same,
and the exports carry it with the figures' wording."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from dateline.crosswalk import CROSSWALK, Categories, categories
from dateline.store import render

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def _doc_table() -> dict[tuple[str, str | None], Categories]:
    text = CODEBOOK.read_text(encoding="utf-8")
    section = text.split("## In ACLED's and PLOVER's terms", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not cells[0].startswith("`"):
            continue
        event_type = cells[0].strip("`")
        subtype = None if cells[1] == "—" else cells[1].strip("`")
        rows[(event_type, subtype)] = Categories(cells[2], cells[3], cells[4])
    return rows


def test_the_codebook_table_is_the_crosswalk():
    assert _doc_table() == CROSSWALK


def test_every_type_and_subtype_of_the_codebook_is_mapped():
    text = CODEBOOK.read_text(encoding="utf-8")
    types_table = text.split("## Types and subtypes", 1)[1].split("\n\n", 2)[1]
    for line in types_table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        event_type = cells[0].strip("`")
        assert (event_type, None) in CROSSWALK, event_type
        for subtype in re.findall(r"`(\w+)`", cells[2]):
            assert categories(event_type, subtype) != Categories("", "", "") or \
                CROSSWALK[(event_type, None)] == Categories("", "", ""), (event_type, subtype)


def test_a_subtype_row_wins_and_unknown_types_stay_empty():
    assert categories("attack", "drone_strike").acled_sub_event_type == "Air/drone strike"
    assert categories("attack", "something_new") == CROSSWALK[("attack", None)]
    assert categories("territorial_change", "withdrawal").plover_type == "RETREAT"
    assert categories("no_such_type") == categories(None) == Categories("", "", "")


def test_csv_rows_keep_the_wording_and_the_codes():
    event = {"id": "ev_1", "type": "attack", "subtype": "missile_drone_strike",
             "fatalities": {"min": 6, "max": None, "qualifier": "at_least",
                            "text": "at least six deaths"},
             "injured": {"min": 20, "max": 20, "qualifier": "exact", "text": "wounding 20"},
             "sources": [{"url": "https://a.example/1"}]}
    edited = {**event, "review": {"edits": {"injured_min": 25}}}
    rows = list(csv.DictReader(io.StringIO(render.events_csv([event, edited]))))
    assert rows[0]["fatalities_text"] == "at least six deaths"
    assert rows[0]["injured_text"] == "wounding 20"
    assert (rows[0]["acled_event_type"], rows[0]["acled_sub_event_type"], rows[0]["plover_type"]) \
        == ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT")
    # An analyst's edit of a figure replaces the report's words for it; the other stays.
    assert rows[1]["injured_text"] == "" and rows[1]["fatalities_text"] == "at least six deaths"
    statement = render.flat_event({"id": "ev_2", "type": "statement", "subtype": "position"})
    assert (statement["acled_event_type"], statement["plover_type"]) == (None, None)
