"""Downloads of filtered events: CSV (ACLED-like columns), GeoJSON, JSON lines, Parquet."""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from ..errors import ConfigError
from ..store import render
from ..store.queries import EventFilter, list_events
from .reviews import reviews_for, with_review

PAGE = 1000
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


def iter_events(engine: Engine, filters: EventFilter, *, limit: int,
                sort: str = "date") -> Iterator[dict[str, Any]]:
    """Filtered events page by page in ``sort`` order (default oldest first), reviews
    applied, at most ``limit``."""
    offset = 0
    while offset < limit:
        page, _ = list_events(engine, filters, limit=min(PAGE, limit - offset), offset=offset,
                              sort=sort)
        if not page:
            return
        reviews = reviews_for(engine, [e["id"] for e in page])
        for event in page:
            yield with_review(event, reviews.get(event["id"]))
        offset += len(page)


def export(engine: Engine, filters: EventFilter, fmt: str, *, limit: int,
           sort: str = "date") -> bytes:
    events = list(iter_events(engine, filters, limit=limit, sort=sort))
    if fmt == "csv":
        return render.events_csv(events).encode()
    if fmt == "jsonl":
        return render.jsonl(events).encode()
    if fmt == "geojson":
        return json.dumps(render.events_geojson(events), ensure_ascii=False).encode()
    if fmt == "parquet":
        return _parquet([render.flat_event(e) for e in events])
    raise ValueError(fmt)


def _parquet(rows: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ConfigError("Parquet export needs pyarrow: pip install 'dateline[export]'") from exc
    columns = {name: [row[name] for row in rows] for name in render.CSV_FIELDS}
    types = {"lat": pa.float64(), "lon": pa.float64(), "confidence": pa.float64(),
             "fatalities_min": pa.int64(), "fatalities_max": pa.int64(),
             "injured_min": pa.int64(), "injured_max": pa.int64(), "source_count": pa.int64()}
    schema = pa.schema([(n, types.get(n, pa.string())) for n in render.CSV_FIELDS])
    table = pa.table({n: pa.array(v, type=schema.field(n).type) for n, v in columns.items()},
                     schema=schema)
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()
