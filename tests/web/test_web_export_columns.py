"""/api/export.* keeps the list's sort and the figures' wording."""
from __future__ import annotations

import csv
import io
import json


def test_exports_keep_sort(client):  # noqa: ANN001
    def ids(fmt: str, **params) -> list[str]:  # noqa: ANN003
        body = client.get(f"/api/export.{fmt}", params=params).text
        if fmt == "csv":
            return [r["id"] for r in csv.DictReader(io.StringIO(body))]
        return [json.loads(line)["id"] for line in body.splitlines()]

    listed = [e["id"] for e in client.get("/api/events", params={"sort": "fatalities"})
              .json()["events"]]
    assert ids("csv", sort="fatalities") == listed == ids("jsonl", sort="fatalities")
    oldest_first = ids("csv")
    assert ids("csv", sort="-date") == [e["id"] for e in client.get(
        "/api/events", params={"sort": "-date"}).json()["events"]] != oldest_first
    assert client.get("/api/export.csv", params={"sort": "random"}).status_code == 422


def test_csv_export_has_the_wording_and_the_codebook_columns(client):  # noqa: ANN001
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv").text)))
    assert {"fatalities_text", "injured_text", "acled_event_type", "acled_sub_event_type",
            "plover_type"} <= set(rows[0])
    killed = [r for r in rows if r["fatalities_min"]]
    assert killed and all(r["fatalities_text"].endswith(" people") for r in killed)
    assert {r["plover_type"] for r in rows if r["type"] == "attack"} == {"ASSAULT"}


def test_add_fuses_a_second_report_into_the_stored_event(client):  # noqa: ANN001
    """/add goes through the ingest's batch writer, so it fuses as `dateline ingest` does:
    a second outlet's report of a strike joins the event, it does not add one."""
    import re

    from web_fixtures import PASSWORD

    def csrf(html: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    login = client.post("/login", data={"name": "analyst", "password": PASSWORD,
                                        "csrf_token": csrf(client.get("/login").text)},
                        follow_redirects=False)
    assert login.status_code == 303
    token = csrf(client.get("/add").text)
    reports = ["Port hit at dawn\n\nRussian shelling struck the Odesa port at dawn, officials said.",
               "Odesa port shelled\n\nShelling struck the port of Odesa at dawn, the navy said."]
    for text in reports:
        r = client.post("/add", data={"text": text, "published": "2025-04-02", "csrf_token": token},
                        follow_redirects=False)
        assert r.status_code == 303, r.text
    found = client.get("/api/events", params={"since": "2025-04-02", "place": "Odesa"}).json()
    assert found["total"] == 1
    event = found["events"][0]
    assert event["source_count"] == 2 and event["mention_count"] == 2
