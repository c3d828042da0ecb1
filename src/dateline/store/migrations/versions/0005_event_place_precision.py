"""events.place_precision: how coarse an event's point is

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 02:00:00

Why: an event the text places only at its country (or a village the gazetteer lacks,
drawn at its region) has coordinates, but they are no precise point; the map reads
this column to draw it differently (issue 14). The event JSON already carries
``location.precision``; rows written before this revision keep NULL (unknown) until
they are written again. A plain ADD COLUMN (no batch copy), so the map-count
triggers of 0003/0004 on ``events`` stay in place.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('place_precision', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('place_precision')
