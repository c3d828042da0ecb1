"""Fusion is part of `dateline ingest`: several outlets' reports of one night, read
with the real extractor, become one event per real event with every source.

Inputs: the seed article and the real reports from ../shared (skipped when absent;
never copied into the repo), and three short reports of the seed's night written
for these tests (tests/fuse/outlets/).
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.fuse.store_sync import unfused_article_ids
from dateline.store import db, queries
from dateline.store.queries import EventFilter, list_events

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[3] / "shared"
OUTLETS = Path(__file__).resolve().parent / "outlets"
NIGHT = "2025-11-25"
OUTLET_URLS = {"kyiv_night_wire": "https://wire.example/kyiv-night",
               "kyiv_night_daily": "https://daily.example/kyiv-strike",
               "kyiv_night_radio": "https://radio.example/news/kyiv"}
SEED_URL = "https://seed.example/zelenskyy-us-visit"

if not (SHARED / "seed" / "article.txt").is_file():
    pytest.skip("../shared/seed is not here", allow_module_level=True)


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _seed_row() -> dict:
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    return {"url": SEED_URL, "published": NIGHT, "text": text}


def _outlet_rows() -> list[dict]:
    return [{"url": url, "published": NIGHT,
             "text": (OUTLETS / f"{name}.txt").read_text(encoding="utf-8")}
            for name, url in OUTLET_URLS.items()]


def _real_rows() -> list[dict]:
    rows = []
    for gold in sorted((SHARED / "real").glob("*.gold.json")):
        text_path = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        published = json.loads(gold.read_text(encoding="utf-8")).get("publication_date")
        rows.append({"url": f"https://real.example/{text_path.stem}", "published": published,
                     "text": text_path.read_text(encoding="utf-8")})
    return rows


def _dateline(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _all_events(url: str) -> list[dict]:
    found, total = list_events(db.open_engine(url), EventFilter(), limit=10_000)
    assert len(found) == total
    return found


def _night(events: list[dict]) -> list[dict]:
    """The night's violence and airspace events in Ukraine, Romania and Moldova."""
    return [e for e in events
            if (e.get("date") or {}).get("start") == NIGHT
            and e["family"] in ("violence", "airspace", "movement")
            and (e.get("location") or {}).get("country") in ("UA", "RO", "MD")]


def _one(events: list[dict], **where) -> dict:
    found = [e for e in events if all(_get(e, k) == v for k, v in where.items())]
    assert len(found) == 1, (where, [(e["id"], e["type"], _get(e, "place")) for e in found])
    return found[0]


def _get(event: dict, key: str):  # noqa: ANN202
    if key == "place":
        return (event.get("location") or {}).get("name")
    return event.get(key)


def _urls(event: dict) -> set[str]:
    return {s["url"] for s in event["sources"]}


@pytest.fixture(scope="module")
def day_of_reporting(tmp_path_factory) -> str:
    """`dateline ingest` alone, once: the seed, the three outlets and every real report."""
    tmp = tmp_path_factory.mktemp("day")
    url = f"sqlite:///{tmp / 'day.sqlite'}"
    rows = [_seed_row(), *_outlet_rows()]
    if (SHARED / "real").is_dir():
        rows += _real_rows()
    _dateline("-q", "ingest", str(_jsonl(tmp / "day.jsonl", rows)), "--db", url)
    return url


def test_one_strike_told_by_four_outlets_is_one_event_with_every_source(day_of_reporting):
    night = _night(_all_events(day_of_reporting))
    kyiv = _one(night, type="attack", place="Kyiv")
    assert _urls(kyiv) == {SEED_URL, *OUTLET_URLS.values()}
    assert kyiv["source_count"] == 4 and kyiv["mention_count"] == 4
    assert "at least six" in kyiv["fatalities"]["text"].lower()
    # The drones over Romania, the jets it scrambled and the debris in Moldova: one each.
    incursion = _one(night, type="airspace_violation", place="Romania")
    assert _urls(incursion) == {SEED_URL, OUTLET_URLS["kyiv_night_wire"]}
    scramble = _one(night, type="military_movement", place="Romania")
    assert _urls(scramble) == {SEED_URL, OUTLET_URLS["kyiv_night_wire"]}
    debris = _one(night, type="airspace_violation", place="Moldova")
    assert _urls(debris) == {SEED_URL, OUTLET_URLS["kyiv_night_radio"]}
    # No place is told twice on that night.
    places = Counter((e["type"], _get(e, "place")) for e in night)
    assert max(places.values()) == 1, places


def test_the_barrage_and_the_city_strike_stay_two_linked_events(day_of_reporting):
    events = _all_events(day_of_reporting)
    night = _night(events)
    barrage = _one(night, type="attack", place="Ukraine")
    kyiv = _one(night, type="attack", place="Kyiv")
    assert kyiv["id"] != barrage["id"]
    assert kyiv["part_of"] == barrage["id"] and kyiv["id"] in barrage["parts"]
    regions = {_get(e, "place") for e in night if e.get("part_of") == barrage["id"]}
    assert {"Kyiv", "Kharkiv Oblast", "Dnipropetrovsk Oblast", "Chernihiv Oblast",
            "Cherkasy Oblast"} <= regions
    assert {"22 missiles"} <= {q["text"] for q in barrage["weapons"].values()}
    assert len(_urls(barrage)) >= 2


def test_real_reports_of_different_events_are_not_merged(day_of_reporting):
    """The real reports tell different events on different days: fusion must leave
    every event of theirs with its own article as its only source."""
    if not (SHARED / "real").is_dir():
        pytest.skip("../shared/real is not here")
    events = _all_events(day_of_reporting)
    real = [e for e in events if any("real.example" in (s["url"] or "") for s in e["sources"])]
    assert len(real) > 100
    mixed = [(e["id"], e["type"], sorted(_urls(e))) for e in real if len(_urls(e)) > 1]
    assert mixed == []
    engine = db.open_engine(day_of_reporting)
    assert unfused_article_ids(engine) == []
    counts = queries.counts(engine)
    assert counts["events"] < counts["mentions"]


def test_export_csv_keeps_the_wording_and_the_acled_plover_codes(day_of_reporting):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.settings import Settings
    from dateline.web import create_app

    settings = Settings.load(db_url=day_of_reporting)
    with TestClient(create_app(settings)) as client:
        response = client.get("/api/export.csv", params={"place": "Kyiv", "type": "attack"})
    assert response.status_code == 200
    rows = [r for r in csv.DictReader(io.StringIO(response.text)) if r["date_start"] == NIGHT]
    kyiv = [r for r in rows if r["place"] == "Kyiv"]
    assert len(kyiv) == 1
    assert "at least six" in kyiv[0]["fatalities_text"].lower()
    assert kyiv[0]["fatalities_min"] == "6" and kyiv[0]["fatalities_max"] == ""
    assert (kyiv[0]["acled_event_type"], kyiv[0]["acled_sub_event_type"],
            kyiv[0]["plover_type"]) == ("Explosions/Remote violence",
                                        "Shelling/artillery/missile attack", "ASSAULT")
    assert kyiv[0]["source_count"] == "4"


def test_no_fuse_then_a_fused_run_ends_as_one_fused_run(day_of_reporting, tmp_path):
    """The seed alone, then the outlets with --no-fuse (raw mentions, one event each),
    then a fused run with nothing new: the store ends as ingesting them together does,
    and the seed's events keep their ids."""
    url = f"sqlite:///{tmp_path / 'steps.sqlite'}"
    seed = _jsonl(tmp_path / "seed.jsonl", [_seed_row()])
    _dateline("-q", "ingest", str(seed), "--db", url)
    first = {(e["type"], _get(e, "place")): e for e in _night(_all_events(url))}
    kyiv_id = first[("attack", "Kyiv")]["id"]

    _dateline("-q", "ingest", str(_jsonl(tmp_path / "outlets.jsonl", _outlet_rows())),
              "--db", url, "--no-fuse")
    engine = db.open_engine(url)
    counts = queries.counts(engine)
    raw = unfused_article_ids(engine)
    assert raw == [2, 3, 4]
    assert len(_one(_night(_all_events(url)), id=kyiv_id)["sources"]) == 1

    _dateline("-q", "ingest", str(seed), "--db", url)  # a duplicate: fuses the leftovers
    assert unfused_article_ids(engine) == []
    assert queries.counts(engine)["mentions"] == counts["mentions"]
    steps = {e["id"]: (e["type"], _get(e, "place"), sorted(_urls(e)), e.get("part_of"))
             for e in _night(_all_events(url))}
    together = {e["id"]: (e["type"], _get(e, "place"), sorted(_urls(e)), e.get("part_of"))
                for e in _night(_all_events(day_of_reporting))}
    assert steps == together
    assert steps[kyiv_id][2] == sorted({SEED_URL, *OUTLET_URLS.values()})
