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
