"""The seed (read from ../shared) plus our own reports of 25 Nov 2025, through the real
pipeline and fusion: the brief of that day, from the library, the CLI and the web app."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from fastapi.testclient import TestClient

from dateline.brief import BriefRequest, build_brief
from dateline.settings import Settings
from dateline.web import create_app

DAY = date(2025, 11, 25)
pytestmark = pytest.mark.slow
CLI = [sys.executable, "-c", "from dateline.cli.main import main; main()"]


@pytest.fixture(scope="module")
def brief(seed_day_store):  # noqa: ANN001, ANN201
    return build_brief(seed_day_store, BriefRequest(DAY, DAY))


def test_launch_totals_of_the_night(brief):
    drones, missiles = brief.totals.launched["drones"], brief.totals.launched["missiles"]
    assert 460 <= drones.min and drones.max <= 470  # 'over 460' (seed) and 464 (ours), not summed
    assert "over 460" in drones.text and "464" in drones.text
    assert (missiles.min, missiles.max) == (22, 22)
    (night,) = [n for n in brief.nights if n.country == "UA"]
    assert len(night.claims["launched.drones"]) == 2  # both reports, side by side


def test_the_kyiv_strike_with_its_dead_and_sources(brief):
    kyiv = [i for i in brief.items if i.place == "Kyiv" and i.family == "violence"]
    assert len(kyiv) == 1
    strike = kyiv[0]
    assert strike.fatalities.min >= 6 and strike.source_count == 2
    assert {c.quantity.text for c in strike.fatality_claims} >= {"at least six deaths"}
    violence = next(s for s in brief.sections if s.key == "violence")
    assert violence.regions[0].event_ids[0] == strike.event_id  # the worst region first
    assert brief.totals.fatalities.min >= 6


def test_the_sections_of_the_round_up(brief):
    keys = [s.key for s in brief.sections]
    assert keys[0] == "violence" and {"airspace", "diplomacy", "statements", "territory"} <= set(keys)
    airspace = next(s for s in brief.sections if s.key == "airspace")
    assert {brief.item(e).country for e in airspace.event_ids} >= {"RO", "MD"}
    # Undated statements of that day's articles belong to that day.
    statements = next(s for s in brief.sections if s.key == "statements")
    assert any(brief.item(e).quote for e in statements.event_ids)
    # Each party's latest stance on the plan the seed discusses, from the tracker.
    assert {"Russia", "Ukraine"} <= {s.party for s in brief.stances}
    assert all(s.sentence and s.url.startswith("/articles/") for s in brief.stances)


def test_the_brief_page_names_kyiv(seed_day_store, tmp_path):  # noqa: ANN001
    settings = Settings.load(user_file=tmp_path / "none.toml", db_url=str(seed_day_store.url))
    with TestClient(create_app(settings, engine=seed_day_store)) as client:
        page = client.get("/brief?date=2025-11-25")
        assert page.status_code == 200 and "Kyiv" in page.text
        assert 'href="/events/ev_' in page.text and 'id="brief-map"' in page.text
        assert 'data-section="stances"' in page.text
        assert "Situation brief: 25 Nov 2025" in page.text
        linked = page.text.split('class="event-link" href="', 1)[1].split('"', 1)[0]
        assert client.get(linked).status_code == 200
        api = client.get("/api/brief", params={"date": "2025-11-25", "country": "UA"}).json()
        assert api["schema"] == "dateline.brief/1" and api["countries"] == ["UA"]
        assert all(i["country"] in ("UA", None) or i["family"] in ("diplomacy", "proposal", "statement")
                   for i in api["items"])
        md = client.get("/brief?date=2025-11-25&format=md")
        assert md.headers["content-type"].startswith("text/markdown") and "Kyiv" in md.text
        assert client.get("/brief?date=25/11/2025").status_code == 400
        assert client.get("/brief.css").headers["content-type"].startswith("text/css")
        assert 'href="/brief"' in client.get("/").text  # linked from the dashboard


def test_the_cli_prints_each_format(seed_day_store, tmp_path):  # noqa: ANN001
    db = str(seed_day_store.url)
    out = subprocess.run([*CLI, "brief", "--db", db, "--date", "2025-11-25", "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert data["totals"]["launched"]["missiles"]["min"] == 22
    page = tmp_path / "brief.html"
    subprocess.run([*CLI, "brief", "--db", db, "--since", "2025-11-24", "--until", "2025-11-26",
                    "--format", "html", "-o", str(page)], check=True, capture_output=True)
    html = page.read_text(encoding="utf-8")
    assert "@media print" in html and "Kyiv" in html and "<script" not in html
    md = subprocess.run([*CLI, "brief", "--db", db, "--country", "UA"], capture_output=True,
                        text=True, check=True).stdout  # no date: the latest day with events
    assert md.startswith("# Situation brief: 25 Nov 2025 · UA")
    bad = subprocess.run([*CLI, "brief", "--db", db, "--date", "yesterday"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "--date" in bad.stderr
