"""event_map_counts: located events counted per place, family and period, kept by triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 09:00:00

Why: the map aggregates by place beyond 5,000 points; at 1M events that GROUP BY
read ~330k index entries for a one-year world view (~1 s). This table holds the
counts per (grain, period, family, place, lat, lon), each place also under
family '*' (every family, with its most frequent family in top_family, so the
unfiltered map reads one row per place, not one per place and family):

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

KEY = "grain, period, family, lat, lon, place"
COLUMNS = f"{KEY}, n, fatalities, fatalities_known"
SIMPLE = "{r}.date_start IS NOT NULL AND ({r}.date_end IS NULL OR {r}.date_end = {r}.date_start)"
IRREGULAR = "date_start IS NULL OR date_end <> date_start"  # multi-day or no start
TRIGGER_COLUMNS = "date_start, date_end, family, place_name, lat, lon, fatalities_min"
SORTED_INDEXES = {  # as 0002 made them, before the sort keys
    'ix_events_type_dates': ['type', 'date_start', 'date_end'],
    'ix_events_family_dates': ['family', 'date_start', 'date_end', 'lat', 'lon'],
    'ix_events_country_dates': ['country', 'date_start', 'date_end'],
}
SORT_KEYS = ['fatalities_min', 'event_id']
ALL = "*"  # the family of the rows counting every family

# Period expressions per dialect; {r} is the row (NEW/OLD, a PL/pgSQL record, or a table).
PERIODS = {
    "sqlite": {"a": "'0001-01-01'", "y": "strftime('%Y-01-01', {r}.date_start)",
               "m": "strftime('%Y-%m-01', {r}.date_start)"},
    "postgresql": {"a": "DATE '0001-01-01'", "y": "date_trunc('year', {r}.date_start)::date",
                   "m": "date_trunc('month', {r}.date_start)::date"},
}


def _where(row: str, grain: str) -> str:
    where = f"{row}.lat IS NOT NULL AND {row}.lon IS NOT NULL"
    return where if grain == "a" else f"{where} AND {SIMPLE.format(r=row)}"


def _counted(dialect: str, row: str, sign: str, source: str = "") -> str:
    """A SELECT of this row's keys (its family's and the all-family '*' ones, per
    grain) with signed counts; with ``source`` (a FROM clause), of every row there."""
    known = f"({row}.fatalities_min IS NOT NULL)" + ("::int" if dialect == "postgresql" else "")
    parts = []
    for grain, period in PERIODS[dialect].items():
        for family in (f"{row}.family", f"'{ALL}'"):
            # In the order of COLUMNS: the trigger inserts by position.
            parts.append(f"SELECT '{grain}' AS grain, {period.format(r=row)} AS period, "
                         f"{family} AS family, {row}.lat AS lat, {row}.lon AS lon, "
                         f"coalesce({row}.place_name, '') AS place, {sign} AS n, "
                         f"{sign} * coalesce({row}.fatalities_min, 0) AS fatalities, "
                         f"{sign} * {known} AS fatalities_known {source} "
                         f"WHERE {_where(row, grain)}")
    return " UNION ALL ".join(parts)


def _top_family(t: str) -> str:
    """The family with most events among a '*' row's per-family rows (ties: by name)."""
    return (f"(SELECT f.family FROM event_map_counts AS f WHERE f.grain = {t}.grain "
            f"AND f.period = {t}.period AND f.family <> '{ALL}' AND f.lat = {t}.lat "
            f"AND f.lon = {t}.lon AND f.place = {t}.place ORDER BY f.n DESC, f.family LIMIT 1)")


def _apply(dialect: str, row: str, sign: str) -> str:
    """Add (sign 1) or take away (sign -1) one event row, drop emptied counts and
    set the top family of the '*' rows it touched."""
    t = "event_map_counts"
    # `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
    # No table alias: SQLite refuses one inside a trigger body.
    sql = [f"INSERT INTO event_map_counts ({COLUMNS}) "
           f"SELECT * FROM ({_counted(dialect, row, sign)}) AS k WHERE true "
           f"ON CONFLICT ({KEY}) DO UPDATE SET n = {t}.n + excluded.n, "
           f"fatalities = {t}.fatalities + excluded.fatalities, "
           f"fatalities_known = {t}.fatalities_known + excluded.fatalities_known"]
    place = (f"lat = {row}.lat AND lon = {row}.lon AND place = coalesce({row}.place_name, '')")
    for grain, period in PERIODS[dialect].items():
        here = f"grain = '{grain}' AND period = {period.format(r=row)} AND {place}"
        sql.append(f"DELETE FROM event_map_counts WHERE {here} AND n = 0")
        sql.append(f"UPDATE event_map_counts SET top_family = {_top_family(t)} "
                   f"WHERE {here} AND family = '{ALL}' AND {_where(row, grain)}")
    return "".join(f"{statement};\n" for statement in sql)


def upgrade() -> None:
    op.create_table(
        'event_map_counts',
        sa.Column('grain', sa.String(1), nullable=False),
        sa.Column('period', sa.Date(), nullable=False),
        sa.Column('family', sa.String(16), nullable=False),  # or '*': every family
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('place', sa.Text(), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.Column('fatalities', sa.Integer(), nullable=False),
        sa.Column('fatalities_known', sa.Integer(), nullable=False),
        sa.Column('top_family', sa.String(16), nullable=True),  # on '*' rows: most events
        # One period's rows of one family (or '*') lie together, ordered by place: the
        # map reads a range and needs no GROUP BY for a single period.
        sa.PrimaryKeyConstraint('grain', 'period', 'family', 'lat', 'lon', 'place',
                                name='pk_event_map_counts'),
        sqlite_with_rowid=False,  # the key is the table: one B-tree, covering every read
    )
    # A place's rows of every family in one period, for its '*' row's top_family.
    op.create_index('ix_event_map_counts_place', 'event_map_counts',
                    ['grain', 'period', 'lat', 'lon', 'place', 'n'], unique=False)
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
    # The filter indexes carry the sort keys a list pages by, so sorting the matches
    # (by fatalities, say) and paging their ids reads no table row (store/queries.py).
    # (Plain index operations: a batch that rebuilt `events` would drop the triggers.)
    for name, columns in SORTED_INDEXES.items():
        op.drop_index(name, table_name='events')
        op.create_index(name, 'events', [*columns, *SORT_KEYS], unique=False)
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
    t = "event_map_counts"
    op.execute(f"UPDATE event_map_counts SET top_family = {_top_family(t)} WHERE family = '{ALL}'")


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
    for name, columns in SORTED_INDEXES.items():
        op.drop_index(name, table_name='events')
        op.create_index(name, 'events', columns, unique=False)
    op.drop_index('ix_event_map_counts_place', table_name='event_map_counts')
    op.drop_table('event_map_counts')
