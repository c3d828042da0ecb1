"""Query results as text: CSV, JSON lines and GeoJSON (shared by the CLI and web downloads)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..crosswalk import categories

# Figures keep their wording ("at least six") next to the numbers; the ACLED and
# PLOVER columns follow docs/codebook.md ("In ACLED's and PLOVER's terms").
CSV_FIELDS = ("id", "type", "subtype", "family", "status", "date_start", "date_end",
              "place", "country", "admin1", "lat", "lon", "actors", "targets",
              "fatalities_min", "fatalities_max", "fatalities_text",
              "injured_min", "injured_max", "injured_text", "scope",
              "claimed_by", "confidence", "source_count",
              "acled_event_type", "acled_sub_event_type", "plover_type", "urls", "evidence")


def flat_event(event: dict[str, Any]) -> dict[str, Any]:
    """One row per event, lists joined with '; ' -- for spreadsheets."""
    date = event.get("date") or {}
    loc = event.get("location") or {}
    fatalities = event.get("fatalities") or {}
    injured = event.get("injured") or {}
    coded = categories(event.get("type"), event.get("subtype"))
    # An analyst's edit of a figure replaces the report's wording of it.
    edited = {name.split("_")[0] for name in ((event.get("review") or {}).get("edits") or {})}
    return {
        "id": event["id"], "type": event["type"], "subtype": event.get("subtype"),
        "family": event.get("family"), "status": event.get("status"),
        "date_start": date.get("start"), "date_end": date.get("end"),
        "place": loc.get("name") or loc.get("text"), "country": loc.get("country"),
        "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "actors": "; ".join(a["name"] for a in event.get("actors", [])),
        "targets": "; ".join(t["name"] for t in event.get("targets", [])),
        "fatalities_min": fatalities.get("min"), "fatalities_max": fatalities.get("max"),
        "fatalities_text": None if "fatalities" in edited else fatalities.get("text"),
        "injured_min": injured.get("min"), "injured_max": injured.get("max"),
        "injured_text": None if "injured" in edited else injured.get("text"),
        "scope": event.get("scope"), "claimed_by": event.get("claimed_by"),
        "confidence": event.get("confidence"), "source_count": event.get("source_count"),
        "acled_event_type": coded.acled_event_type or None,
        "acled_sub_event_type": coded.acled_sub_event_type or None,
        "plover_type": coded.plover_type or None,
        "urls": "; ".join(s["url"] for s in event.get("sources", []) if s.get("url")),
        "evidence": (event.get("evidence") or {}).get("sentence"),
    }


# A text cell starting with one of these is a formula to Excel, LibreOffice and Google
# Sheets (=HYPERLINK(...) sends the reader's data away); numbers are left alone.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with ' (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def events_csv(events: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: spreadsheet_safe(v) for k, v in flat_event(event).items()})
    return out.getvalue()


def jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def events_geojson(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection; events without coordinates keep a null geometry."""
    features = []
    for event in events:
        loc = event.get("location") or {}
        geometry = None
        if loc.get("lat") is not None and loc.get("lon") is not None:
            geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
        features.append({"type": "Feature", "id": event["id"], "geometry": geometry,
                         "properties": event})
    return {"type": "FeatureCollection", "features": features}
