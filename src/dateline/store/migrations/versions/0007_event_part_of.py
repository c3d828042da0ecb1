"""events.part_of: the barrage (event id) a strike belongs to, as a column

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 05:00:00

Why: the situation brief counts a barrage and its ``part_of`` strikes' dead once and
takes launches from the barrage alone, so it needs every link of a period. They were
read back through the mentions (a mention's ``part_of`` names another mention of the
same article: a join of event_mentions with itself per brief, ~15% of a 30-day brief
at 1M events). Ingest and fusion now write the link beside the event (issue 16).

Backfill, in this order: a fused event's own JSON ``part_of`` (fusion's choice: the
whole most of its mentions point to), then, for events still without one, the link
the brief read until now (the first article whose mention of the event is part of a
mention of another event). A plain ADD COLUMN and partial index: the map-count
triggers of 0003/0004 on ``events`` stay in place (they fire on other columns).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

LINKED = "part_of IS NOT NULL"

_json = sa.JSON(none_as_null=True)
events = sa.table("events", sa.column("event_id", sa.String), sa.column("part_of", sa.String),
                  sa.column("data", _json))
mentions = sa.table("event_mentions", sa.column("article_id", sa.Integer),
                    sa.column("mention_key", sa.String), sa.column("event_id", sa.String),
                    sa.column("data", _json))


def upgrade() -> None:
    op.add_column('events', sa.Column('part_of', sa.String(length=40), nullable=True))
    # Few events are parts: a partial index finds the parts of a merged-away whole.
    op.create_index('ix_events_part_of', 'events', ['part_of'], unique=False,
                    sqlite_where=sa.text(LINKED), postgresql_where=sa.text(LINKED))
    own = events.c.data["part_of"].as_string()
    op.execute(sa.update(events).where(own.is_not(None), own != "").values(part_of=own))
    child, parent = mentions.alias("child"), mentions.alias("parent")
    through_mentions = (
        sa.select(parent.c.event_id)
        .select_from(child.join(parent, sa.and_(
            parent.c.article_id == child.c.article_id,
            parent.c.mention_key == child.c.data["part_of"].as_string())))
        .where(child.c.event_id == events.c.event_id, parent.c.event_id != events.c.event_id)
        .order_by(child.c.article_id).limit(1).scalar_subquery())
    told_as_part = sa.select(mentions.c.event_id).where(
        mentions.c.data["part_of"].as_string().is_not(None))
    op.execute(sa.update(events).where(events.c.part_of.is_(None),
                                       events.c.event_id.in_(told_as_part))
               .values(part_of=through_mentions))


def downgrade() -> None:
    op.drop_index('ix_events_part_of', table_name='events')
    # In place (SQLite >= 3.35 drops a column without copying the table), so the
    # map-count triggers survive, as they do the upgrade.
    op.drop_column('events', 'part_of')
