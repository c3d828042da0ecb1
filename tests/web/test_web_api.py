"""The JSON API against a real SQLite store (FastAPI TestClient)."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

from dateline.store.queries import EventFilter, get_event
from dateline.web.queries_extra import map_features


def _ids_by_place(client, **params):  # noqa: ANN001, ANN003, ANN202
    body = client.get("/api/events", params=params).json()
    return sorted((e["location"] or {}).get("name") for e in body["events"]), body["total"]


def test_events_list_shape_and_total(client):  # noqa: ANN001
    body = client.get("/api/events").json()
    assert body["total"] == 4 and body["total_is_lower_bound"] is False
    paged = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 4 and not paged["total_is_lower_bound"]  # counted: not the last page
    event = body["events"][0]
    assert {"id", "type", "family", "sources", "source_count", "evidence", "location"} <= set(event)
    assert event["sources"][0]["evidence"]["sentence"] in event["evidence"]["sentence"]


def test_event_filters(client):  # noqa: ANN001
    assert _ids_by_place(client, family="diplomacy") == (["Geneva"], 1)
    assert _ids_by_place(client, country="CH") == (["Geneva"], 1)
    assert _ids_by_place(client, place="odes")[1] == 2
    assert _ids_by_place(client, actor="russian") == (["Kharkiv"], 1)
    assert _ids_by_place(client, since="2025-03-05")[1] == 2
    assert _ids_by_place(client, until="2025-03-03")[1] == 2
    assert _ids_by_place(client, text="ceasefire") == (["Geneva"], 1)
    assert _ids_by_place(client, type="attack", country="UA")[1] == 3
    assert _ids_by_place(client, bbox="30,45,32,47") == (["Odesa", "Odesa"], 2)


def test_sorting_and_paging(client):  # noqa: ANN001
    by_killed = client.get("/api/events", params={"sort": "fatalities"}).json()["events"]
    assert [e["fatalities"]["min"] for e in by_killed[:3]] == [5, 3, 2]
    page1 = client.get("/api/events", params={"limit": 2, "sort": "date"}).json()
    page2 = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()
    assert page1["total"] == page2["total"] == 4
    assert not {e["id"] for e in page1["events"]} & {e["id"] for e in page2["events"]}
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_bad_filters_are_one_line_errors(client):  # noqa: ANN001
    r = client.get("/api/events", params={"since": "yesterday"})
    assert r.status_code == 400 and r.json()["detail"] == "since: 'yesterday' is not a date (YYYY-MM-DD)"
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 400
    assert client.get("/api/events/ev_missing").status_code == 404


def test_one_event_has_sources_evidence_and_audit(client):  # noqa: ANN001
    event_id = client.get("/api/events", params={"place": "Kharkiv"}).json()["events"][0]["id"]
    body = client.get(f"/api/events/{event_id}").json()
    assert body["mentions"][0]["mention"]["evidence"]["sentence"].startswith("A missile strike")
    assert body["mentions"][0]["title"] == "Strike on Kharkiv kills three"
    assert body["audit"] == []


def test_review_needs_a_token_and_keeps_the_extraction(client, auth, store):  # noqa: ANN001
    event_id = client.get("/api/events", params={"place": "Kharkiv"}).json()["events"][0]["id"]
    url = f"/api/events/{event_id}/review"
    assert client.post(url, json={"action": "confirm"}).status_code == 401
    bad = client.post(url, json={"action": "confirm"}, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    r = client.post(url, json={"action": "edit", "note": "governor later said 4",
                               "edits": {"fatalities_min": "4", "fatalities_max": 4}}, headers=auth)
    assert r.status_code == 200, r.text
    shown = client.get(f"/api/events/{event_id}").json()
    assert shown["fatalities"]["min"] == 4
    assert shown["review"]["state"] == "edited" and shown["review"]["by"] == "analyst"
    assert shown["review"]["original"]["fatalities_min"] == 3
    assert get_event(store["engine"], event_id)["fatalities"]["min"] == 3  # the store keeps it
    client.post(url, json={"action": "confirm", "note": "checked"}, headers=auth)
    audit = client.get(f"/api/events/{event_id}/audit").json()["audit"]
    assert [a["action"] for a in audit] == ["edit", "confirm"]
    assert audit[0]["before"] is None and audit[0]["after"]["edits"]["fatalities_min"] == 4
    assert audit[1]["before"]["state"] == "edited" and audit[1]["after"]["state"] == "confirmed"
    bad_edit = client.post(url, json={"action": "edit", "edits": {"fatalities_min": "many"}},
                           headers=auth)
    assert bad_edit.status_code == 400 and "whole number" in bad_edit.json()["detail"]
    unknown = client.post(url, json={"action": "edit", "edits": {"confidence": "1"}}, headers=auth)
    assert unknown.status_code == 400


def test_token_from_password(client):  # noqa: ANN001
    from web_fixtures import PASSWORD

    assert client.post("/api/tokens", json={"name": "analyst", "password": "wrong"}).status_code == 401
    token = client.post("/api/tokens", json={"name": "analyst", "password": PASSWORD}).json()["token"]
    event_id = client.get("/api/events").json()["events"][0]["id"]
    r = client.post(f"/api/events/{event_id}/review", json={"action": "reject"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["state"] == "rejected"


def test_article_search_and_detail(client, store):  # noqa: ANN001
    body = client.get("/api/articles", params={"q": "rubble"}).json()
    assert body["total"] == 1 and body["articles"][0]["title"] == "Strike on Kharkiv kills three"
    assert client.get("/api/articles", params={"q": "\"unbalanced OR"}).status_code == 200
    article = client.get(f"/api/articles/{store['article_ids'][0]}").json()
    assert len(article["extraction"]["events"]) == 2 and article["text"].startswith("Strike")
    assert client.get("/api/articles/99999").status_code == 404


def test_stats_places_actors(client):  # noqa: ANN001
    body = client.get("/api/stats").json()
    assert body["totals"]["events"] == 4 and body["totals"]["articles"] == 3
    day = {(r["day"], r["family"], r["country"]): r["count"] for r in body["by_day"]}
    assert day[("2025-03-03", "violence", "UA")] == 1 and day[("2025-03-03", "diplomacy", "CH")] == 1
    places = {p["name"]: p["events"] for p in client.get("/api/places").json()["places"]}
    assert places == {"Odesa": 2, "Kharkiv": 1, "Geneva": 1}
    actors = client.get("/api/actors", params={"q": "russ"}).json()["actors"]
    assert actors == [{"name": "Russian forces", "role": "actor", "mentions": 1}]


def test_exports(client):  # noqa: ANN001
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv").text)))
    assert len(rows) == 4 and {"event_date", "id"} - set(rows[0]) == {"event_date"}
    assert {"date_start", "place", "country", "lat", "lon", "fatalities_min", "evidence"} <= set(rows[0])
    geo = client.get("/api/export.geojson", params={"country": "CH"}).json()
    assert geo["features"][0]["geometry"]["coordinates"] == [6.14, 46.2]
    lines = client.get("/api/export.jsonl").text.splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["id"]
    r = client.get("/api/export.parquet", params={"family": "violence"})
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == 3 and sorted(table.column("fatalities_min").to_pylist()) == [2, 3, 5]
    assert client.get("/api/export.xml").status_code in (404, 422)


def test_map_geojson_bbox_filters_and_aggregation(client, store):  # noqa: ANN001
    world = client.get("/api/map.geojson", params={"bbox": "-180,-90,180,90"}).json()
    assert world["total"] == 4 and not world["aggregated"]
    names = {f["properties"]["place"] for f in world["features"]}
    assert names == {"Kharkiv", "Geneva", "Odesa"}
    europe_west = client.get("/api/map.geojson", params={"bbox": "0,40,20,50"}).json()
    assert [f["properties"]["place"] for f in europe_west["features"]] == ["Geneva"]
    violent = client.get("/api/map.geojson", params={"family": "violence"}).json()
    assert violent["total"] == 3
    grouped = map_features(store["engine"], EventFilter(), limit=2)
    assert grouped["aggregated"] and grouped["total"] == 4
    assert grouped["features"][0]["properties"] == {"place": "Odesa", "family": "violence",
                                                    "fatalities": 7, "count": 2}
    assert len(grouped["features"]) == 2


def test_openapi_and_docs(client):  # noqa: ANN001
    spec = client.get("/api/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/export.{fmt}" in spec["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_proposals_json(client):  # noqa: ANN001
    body = client.get("/api/proposals").json()
    assert "proposals" in body and isinstance(body["proposals"], list)
