"""event_map_counts: located events counted per place, family and period, kept by triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 09:00:00

Why: the map aggregates by place beyond 5,000 points; at 1M events that GROUP BY
read ~330k index entries for a one-year world view (~1 s). This table holds the
counts per (grain, period, family, place, lat, lon):

    grain 'a'  every located event (period 0001-01-01): the undated map
    grain 'y'  single-day events by year (period = 1 January)
    grain 'm'  single-day events by month (period = the 1st)

so a date window is whole years + whole months from here, and its partial
months at the edges plus multi-day/undated events come from `events` itself
(store/map_points.py). Database triggers keep it, so every writer (ingest,
fusion, a benchmark loading rows by hand) keeps it right without knowing of it.

NB: a later migration that rebuilds `events` with batch_alter_table on SQLite
(copy and rename) drops these triggers and must create them again.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

KEY = "grain, period, lat, lon, place, family"
COLUMNS = f"{KEY}, n, fatalities, fatalities_known"
SIMPLE = "{r}.date_start IS NOT NULL AND ({r}.date_end IS NULL OR {r}.date_end = {r}.date_start)"
IRREGULAR = "date_start IS NULL OR date_end <> date_start"  # multi-day or no start
TRIGGER_COLUMNS = "date_start, date_end, family, place_name, lat, lon, fatalities_min"

# Period expressions per dialect; {r} is the row (NEW/OLD, a PL/pgSQL record, or a table).
PERIODS = {
    "sqlite": {"a": "'0001-01-01'", "y": "strftime('%Y-01-01', {r}.date_start)",
               "m": "strftime('%Y-%m-01', {r}.date_start)"},
    "postgresql": {"a": "DATE '0001-01-01'", "y": "date_trunc('year', {r}.date_start)::date",
                   "m": "date_trunc('month', {r}.date_start)::date"},
}


def _counted(dialect: str, row: str, sign: str, source: str = "") -> str:
    """A SELECT of this row's (grain, period, ...) keys with signed counts; with
    ``source`` (a FROM clause), of every row there."""
    known = f"({row}.fatalities_min IS NOT NULL)" + ("::int" if dialect == "postgresql" else "")
    parts = []
    for grain, period in PERIODS[dialect].items():
        where = f"{row}.lat IS NOT NULL AND {row}.lon IS NOT NULL"
        if grain != "a":
            where += " AND " + SIMPLE.format(r=row)
        # In the order of COLUMNS: the trigger inserts by position.
        parts.append(f"SELECT '{grain}' AS grain, {period.format(r=row)} AS period, "
                     f"{row}.lat AS lat, {row}.lon AS lon, "
                     f"coalesce({row}.place_name, '') AS place, {row}.family AS family, "
                     f"{sign} AS n, "
                     f"{sign} * coalesce({row}.fatalities_min, 0) AS fatalities, "
                     f"{sign} * {known} AS fatalities_known {source} WHERE {where}")
    return " UNION ALL ".join(parts)


def _apply(dialect: str, row: str, sign: str) -> str:
    """Add (sign 1) or take away (sign -1) one event row, then drop emptied counts."""
    t = "event_map_counts"
    # `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
    # No table alias: SQLite refuses one inside a trigger body.
    upsert = (f"INSERT INTO event_map_counts ({COLUMNS}) "
              f"SELECT * FROM ({_counted(dialect, row, sign)}) AS k WHERE true "
              f"ON CONFLICT ({KEY}) DO UPDATE SET n = {t}.n + excluded.n, "
              f"fatalities = {t}.fatalities + excluded.fatalities, "
              f"fatalities_known = {t}.fatalities_known + excluded.fatalities_known")
    prune = (f"DELETE FROM event_map_counts WHERE n = 0 AND family = {row}.family "
             f"AND place = coalesce({row}.place_name, '') AND lat = {row}.lat "
             f"AND lon = {row}.lon")
    return f"{upsert};\n{prune};\n"


def upgrade() -> None:
    op.create_table(
        'event_map_counts',
        sa.Column('grain', sa.String(1), nullable=False),
        sa.Column('period', sa.Date(), nullable=False),
        sa.Column('family', sa.String(16), nullable=False),
        sa.Column('place', sa.Text(), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.Column('fatalities', sa.Integer(), nullable=False),
        sa.Column('fatalities_known', sa.Integer(), nullable=False),
        # Place before family: one period's rows come out grouped by place, so the
        # map's GROUP BY place walks the key with no sort (store/map_points.py).
        sa.PrimaryKeyConstraint('grain', 'period', 'lat', 'lon', 'place', 'family',
                                name='pk_event_map_counts'),
        sqlite_with_rowid=False,  # the key is the table: one B-tree, covering every read
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER trg_event_map_counts_insert AFTER INSERT ON events "
                   f"BEGIN\n{_apply(dialect, 'NEW', '1')}END")
        op.execute("CREATE TRIGGER trg_event_map_counts_delete AFTER DELETE ON events "
                   f"BEGIN\n{_apply(dialect, 'OLD', '-1')}END")
        op.execute(f"CREATE TRIGGER trg_event_map_counts_update AFTER UPDATE OF {TRIGGER_COLUMNS} "
                   f"ON events BEGIN\n{_apply(dialect, 'OLD', '-1')}{_apply(dialect, 'NEW', '1')}END")
    elif dialect == "postgresql":
        op.execute("CREATE FUNCTION event_map_counts_apply(e events, sign integer) RETURNS void "
                   f"LANGUAGE plpgsql AS $$ BEGIN\n{_apply(dialect, 'e', 'sign')}END $$")
        op.execute("CREATE FUNCTION event_map_counts_trigger() RETURNS trigger LANGUAGE plpgsql "
                   "AS $$ BEGIN\n"
                   "IF TG_OP <> 'INSERT' THEN PERFORM event_map_counts_apply(OLD, -1); END IF;\n"
                   "IF TG_OP <> 'DELETE' THEN PERFORM event_map_counts_apply(NEW, 1); END IF;\n"
                   "RETURN NULL; END $$")
        op.execute("CREATE TRIGGER trg_event_map_counts AFTER INSERT OR DELETE OR UPDATE OF "
                   f"{TRIGGER_COLUMNS} ON events FOR EACH ROW "
                   "EXECUTE FUNCTION event_map_counts_trigger()")
    else:  # the store supports these two; say so rather than leave the map wrong
        raise NotImplementedError(f"event_map_counts triggers for {dialect}")
    # The events counted under grain 'a' only, for the map's date windows: few, so
    # a partial index holds them, covering what the map reads.
    op.create_index('ix_events_irregular', 'events',
                    ['date_start', 'date_end', 'lat', 'lon', 'family', 'place_name',
                     'fatalities_min'], unique=False,
                    sqlite_where=sa.text(IRREGULAR), postgresql_where=sa.text(IRREGULAR))
    # Backfill: the same keys as the triggers, grouped over the stored events.
    op.execute(f"INSERT INTO event_map_counts ({COLUMNS}) "
               f"SELECT {KEY}, sum(n), sum(fatalities), sum(fatalities_known) FROM ("
               f"{_counted(dialect, 'events', '1', 'FROM events')}) AS k GROUP BY {KEY}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_event_map_counts_{name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_event_map_counts ON events")
        op.execute("DROP FUNCTION IF EXISTS event_map_counts_trigger()")
        op.execute("DROP FUNCTION IF EXISTS event_map_counts_apply(events, integer)")
    op.drop_index('ix_events_irregular', table_name='events')
    op.drop_table('event_map_counts')
