"""event_map_counts: a dekad grain (days 1-10, 11-20, 21-end of each month)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 12:00:00

Why: a map window whose dates are off month boundaries read its partial months
(up to ~60 days) from `events`: at 1M events a world window from 10 February to
20 May read ~36,000 edge-day events (~300 ms p95). With dekads counted too, a
window is whole years + months + dekads from the counts table, and only the days
of partial dekads (at most 9 at each end) from `events`.

    grain 'd'  single-day events by dekad (period = the 1st, 11th or 21st)

Why dekads and not days: at that density a place sees ~0.3 events a day, so a
per-(place, day) count has almost as many rows as the events it counts (15,694
for 18,270 events in 20 days of February, measured on the 1M benchmark
database) and would not cut the reads; a dekad row counts ~3 events per place.

The triggers (SQLite) and the trigger function (PostgreSQL) of 0003 are made
again with the new grain, and the dekad rows are backfilled from `events`.
"""
from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

KEY = "grain, period, family, lat, lon, place"
COLUMNS = f"{KEY}, n, fatalities, fatalities_known"
SIMPLE = "{r}.date_start IS NOT NULL AND ({r}.date_end IS NULL OR {r}.date_end = {r}.date_start)"
TRIGGER_COLUMNS = "date_start, date_end, family, place_name, lat, lon, fatalities_min"
ALL = "*"

# Period expressions per dialect; {r} is the row (NEW/OLD, a PL/pgSQL record, or a table).
PERIODS = {
    "sqlite": {"a": "'0001-01-01'", "y": "strftime('%Y-01-01', {r}.date_start)",
               "m": "strftime('%Y-%m-01', {r}.date_start)",
               "d": "strftime('%Y-%m-', {r}.date_start) || CASE "
                    "WHEN strftime('%d', {r}.date_start) < '11' THEN '01' "
                    "WHEN strftime('%d', {r}.date_start) < '21' THEN '11' ELSE '21' END"},
    "postgresql": {"a": "DATE '0001-01-01'", "y": "date_trunc('year', {r}.date_start)::date",
                   "m": "date_trunc('month', {r}.date_start)::date",
                   "d": "(date_trunc('month', {r}.date_start)::date + CASE "
                        "WHEN extract(day FROM {r}.date_start) < 11 THEN 0 "
                        "WHEN extract(day FROM {r}.date_start) < 21 THEN 10 ELSE 20 END)"},
}
GRAINS_0003 = ("a", "y", "m")
GRAINS = ("a", "y", "m", "d")


def _where(row: str, grain: str) -> str:
    where = f"{row}.lat IS NOT NULL AND {row}.lon IS NOT NULL"
    return where if grain == "a" else f"{where} AND {SIMPLE.format(r=row)}"


def _counted(dialect: str, grains: tuple[str, ...], row: str, sign: str,
             source: str = "") -> str:
    """As in 0003: a SELECT of this row's keys (its family's and '*', per grain)
    with signed counts; with ``source`` (a FROM clause), of every row there."""
    known = f"({row}.fatalities_min IS NOT NULL)" + ("::int" if dialect == "postgresql" else "")
    parts = []
    for grain in grains:
        period = PERIODS[dialect][grain]
        for family in (f"{row}.family", f"'{ALL}'"):
            parts.append(f"SELECT '{grain}' AS grain, {period.format(r=row)} AS period, "
                         f"{family} AS family, {row}.lat AS lat, {row}.lon AS lon, "
                         f"coalesce({row}.place_name, '') AS place, {sign} AS n, "
                         f"{sign} * coalesce({row}.fatalities_min, 0) AS fatalities, "
                         f"{sign} * {known} AS fatalities_known {source} "
                         f"WHERE {_where(row, grain)}")
    return " UNION ALL ".join(parts)


def _top_family(t: str) -> str:
    return (f"(SELECT f.family FROM event_map_counts AS f WHERE f.grain = {t}.grain "
            f"AND f.period = {t}.period AND f.family <> '{ALL}' AND f.lat = {t}.lat "
            f"AND f.lon = {t}.lon AND f.place = {t}.place ORDER BY f.n DESC, f.family LIMIT 1)")


def _apply(dialect: str, grains: tuple[str, ...], row: str, sign: str) -> str:
    """As in 0003, for ``grains``: add or take away one event row, drop emptied
    counts, set the top family of the '*' rows it touched."""
    t = "event_map_counts"
    sql = [f"INSERT INTO event_map_counts ({COLUMNS}) "
           f"SELECT * FROM ({_counted(dialect, grains, row, sign)}) AS k WHERE true "
           f"ON CONFLICT ({KEY}) DO UPDATE SET n = {t}.n + excluded.n, "
           f"fatalities = {t}.fatalities + excluded.fatalities, "
           f"fatalities_known = {t}.fatalities_known + excluded.fatalities_known"]
    place = f"lat = {row}.lat AND lon = {row}.lon AND place = coalesce({row}.place_name, '')"
    for grain in grains:
        period = PERIODS[dialect][grain]
        here = f"grain = '{grain}' AND period = {period.format(r=row)} AND {place}"
        sql.append(f"DELETE FROM event_map_counts WHERE {here} AND n = 0")
        sql.append(f"UPDATE event_map_counts SET top_family = {_top_family(t)} "
                   f"WHERE {here} AND family = '{ALL}' AND {_where(row, grain)}")
    return "".join(f"{statement};\n" for statement in sql)


def _triggers(grains: tuple[str, ...]) -> None:
    """(Re)create what keeps the counts, for ``grains``."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_event_map_counts_{name}")
        op.execute("CREATE TRIGGER trg_event_map_counts_insert AFTER INSERT ON events "
                   f"BEGIN\n{_apply(dialect, grains, 'NEW', '1')}END")
        op.execute("CREATE TRIGGER trg_event_map_counts_delete AFTER DELETE ON events "
                   f"BEGIN\n{_apply(dialect, grains, 'OLD', '-1')}END")
        op.execute(f"CREATE TRIGGER trg_event_map_counts_update AFTER UPDATE OF {TRIGGER_COLUMNS} "
                   f"ON events BEGIN\n{_apply(dialect, grains, 'OLD', '-1')}"
                   f"{_apply(dialect, grains, 'NEW', '1')}END")
    elif dialect == "postgresql":  # the trigger calls this function: replacing it is enough
        op.execute("CREATE OR REPLACE FUNCTION event_map_counts_apply(e events, sign integer) "
                   "RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
                   f"{_apply(dialect, grains, 'e', 'sign')}END $$")
    else:
        raise NotImplementedError(f"event_map_counts triggers for {dialect}")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _triggers(GRAINS)
    # Backfill the dekad rows: the same keys as the triggers, grouped over the events.
    op.execute(f"INSERT INTO event_map_counts ({COLUMNS}) "
               f"SELECT {KEY}, sum(n), sum(fatalities), sum(fatalities_known) FROM ("
               f"{_counted(dialect, ('d',), 'events', '1', 'FROM events')}) AS k GROUP BY {KEY}")
    t = "event_map_counts"
    op.execute(f"UPDATE event_map_counts SET top_family = {_top_family(t)} "
               f"WHERE grain = 'd' AND family = '{ALL}'")


def downgrade() -> None:
    _triggers(GRAINS_0003)
    op.execute("DELETE FROM event_map_counts WHERE grain = 'd'")
