"""ix_events_map also covers the map's points: event_id, type, country, place_precision

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 05:00:00

Why: the map's time slider asks for a short window in a zoomed box, which the
store answers with one point per event (store/map_point_rows.py) read through
the window's dates in ix_events_map. The box test was done in the index, but each
match then read its table row (~1.3 KB with the event JSON) for four small
columns: ~9 us a row, 784 rows = 7 of the 11 ms at 1M events. With the four
columns in the index no row is read. Rebuilt in place (same name, same leading
columns, so every plan that used it still does), then analysed: an index the
statistics do not know looked cheaper to SQLite than the small partial index
ix_events_multiday for the `since` filter's earliest start (a walk of all 1M
entries instead of none). ~10 s for 1M events on SQLite.
"""
from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

BEFORE = ["date_start", "date_end", "lat", "lon", "place_name", "family", "fatalities_min"]
AFTER = [*BEFORE, "event_id", "type", "country", "place_precision"]


def upgrade() -> None:
    _rebuild(AFTER)


def downgrade() -> None:
    _rebuild(BEFORE)


def _rebuild(columns: list[str]) -> None:
    op.drop_index("ix_events_map", table_name="events")
    op.create_index("ix_events_map", "events", columns)
    if op.get_bind().dialect.name == "sqlite":
        # Only where statistics exist: a database never analysed keeps none, and
        # every index is then judged alike.
        has_stats = op.get_bind().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
        if has_stats:
            op.execute("ANALYZE ix_events_map")
    else:
        op.execute("ANALYZE events")
