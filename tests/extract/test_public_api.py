"""The documented API, `dateline.extract(text)`, works on every call: no subpackage can
shadow it, whichever modules were imported before, and a one-paragraph text is all body."""
from __future__ import annotations

import importlib
import pkgutil

import dateline

NOTE = ("On 4 May 2023, militants ambushed a police patrol near the town of Karvana, "
        "killing three officers.")


def _import_every_module() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(dateline.__path__, prefix="dateline."):
        if ".migrations.versions." in info.name or info.name.endswith(".env"):
            continue   # Alembic scripts run inside Alembic's context, not as imports
        importlib.import_module(info.name)
        names.append(info.name)
    return names


def test_extract_is_callable_twice_and_after_importing_every_submodule(extractor):
    first = dateline.extract(NOTE, published="2023-05-06")
    second = dateline.extract(NOTE, published="2023-05-06")
    assert first.to_dict()["events"] == second.to_dict()["events"]
    imported = _import_every_module()
    assert "dateline.extraction.pipeline" in imported and len(imported) > 50
    assert callable(dateline.extract)
    third = dateline.extract(NOTE, published="2023-05-06")
    assert third.to_dict()["events"] == first.to_dict()["events"]


def test_a_one_paragraph_note_is_a_body_with_its_event(extractor):
    events = dateline.extract(NOTE, published="2023-05-06").to_dict()["events"]
    assert [e["type"] for e in events if e["type"] in ("attack", "clash")]
    event = events[0]
    assert event["fatalities"]["min"] == 3
    assert event["date"]["start"] == "2023-05-04"


def test_a_one_line_flash_without_final_stop_is_a_body_too(extractor):
    flash = "Gunmen attack army post in Dadri district, killing four soldiers"
    events = dateline.extract(flash, published="2023-05-06").to_dict()["events"]
    assert any(e["type"] == "attack" and (e["fatalities"] or {}).get("min") == 4 for e in events)


def test_a_headline_with_a_body_is_still_a_headline(extractor):
    text = "Talks resume\n\nEnvoys met in Vienna on Tuesday to discuss the ceasefire.\n"
    result = dateline.extract(text, published="2023-05-06").to_dict()
    assert result["article"]["title"] == "Talks resume"
