"""The web app's tables (users, api_tokens, reviews, audit_log) under Alembic

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 02:00:00

Why: they were made by ``MetaData.create_all`` when the web app started, beside
the migrations -- two schema mechanisms, and a schema change to them could never
reach an existing database. Databases the web app has already opened hold them
(made by create_all, same columns): those tables are kept as they are, the others
created. API tokens made before tokens expired (``expires_at`` NULL) are given 90
days from their creation, since a token with no end is now refused.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "users" not in existing:
        op.create_table(
            "users",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("name", sa.String(64), nullable=False, unique=True),
            sa.Column("password_hash", sa.Text, nullable=False),
            sa.Column("created_at", TZ, nullable=False))
    if "api_tokens" not in existing:
        op.create_table(
            "api_tokens",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("created_at", TZ, nullable=False),
            sa.Column("expires_at", TZ))
    else:
        tokens = sa.table("api_tokens", sa.column("kind", sa.String),
                          sa.column("created_at", TZ), sa.column("expires_at", TZ))
        rows = op.get_bind().execute(sa.select(tokens.c.created_at)
                                     .where(tokens.c.expires_at.is_(None))
                                     .distinct()).scalars().all()
        from datetime import timedelta  # noqa: PLC0415 - only for this backfill

        for created in rows:  # few rows: one UPDATE per distinct creation time
            op.get_bind().execute(sa.update(tokens)
                                  .where(tokens.c.expires_at.is_(None),
                                         tokens.c.created_at == created)
                                  .values(expires_at=created + timedelta(days=90)))
    if "reviews" not in existing:
        op.create_table(
            "reviews",
            sa.Column("event_id", sa.String(40), primary_key=True),
            sa.Column("state", sa.String(16), nullable=False),
            sa.Column("edits", sa.JSON, nullable=False),
            sa.Column("note", sa.Text),
            sa.Column("user_name", sa.String(64), nullable=False),
            sa.Column("updated_at", TZ, nullable=False))
    if "audit_log" not in existing:
        op.create_table(
            "audit_log",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("event_id", sa.String(40), nullable=False),
            sa.Column("user_name", sa.String(64), nullable=False),
            sa.Column("at", TZ, nullable=False),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("note", sa.Text),
            sa.Column("before", sa.JSON),
            sa.Column("after", sa.JSON))
        op.create_index("ix_audit_log_event", "audit_log", ["event_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_event", table_name="audit_log")
    for table in ("audit_log", "reviews", "api_tokens", "users"):
        op.drop_table(table)
