"""event filter indexes carry date_end; partial index on multi-day events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 19:40:00

Why: the `since` filter reads date_end, so the family/country/type indexes
include it (the test happens in the index), and the few events spanning several
days get a partial index that bounds a date filter from below (store/queries.py);
the map gets a covering index over its date range.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

MULTIDAY_WHERE = "date_end > date_start"


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type')
        batch_op.drop_index('ix_events_family_date')
        batch_op.drop_index('ix_events_country_date')
        batch_op.create_index('ix_events_type_dates', ['type', 'date_start', 'date_end'],
                              unique=False)
        batch_op.create_index('ix_events_family_dates',
                              ['family', 'date_start', 'date_end', 'lat', 'lon'],
                              unique=False)
        batch_op.create_index('ix_events_country_dates', ['country', 'date_start', 'date_end'],
                              unique=False)
        batch_op.create_index('ix_events_map', ['date_start', 'date_end', 'lat', 'lon',
                                                'place_name', 'family', 'fatalities_min'],
                              unique=False)
        batch_op.create_index('ix_events_multiday', ['date_end', 'date_start'], unique=False,
                              sqlite_where=sa.text(MULTIDAY_WHERE),
                              postgresql_where=sa.text(MULTIDAY_WHERE))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_multiday')
        batch_op.drop_index('ix_events_map')
        batch_op.drop_index('ix_events_country_dates')
        batch_op.drop_index('ix_events_family_dates')
        batch_op.drop_index('ix_events_type_dates')
        batch_op.create_index('ix_events_country_date', ['country', 'date_start'], unique=False)
        batch_op.create_index('ix_events_family_date', ['family', 'date_start'], unique=False)
        batch_op.create_index('ix_events_type', ['type'], unique=False)
