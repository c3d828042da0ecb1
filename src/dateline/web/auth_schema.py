"""The web app's own tables: users, API tokens, reviews of events and the audit log.

They live on their own MetaData, beside the store's tables, and are made by the
store's Alembic migrations (0005) like every other table: the store's
``events.data`` -- the extraction as made -- is never written here. A review keeps the analyst's current verdict and edits; every
change also appends an audit row with the values before and after.

    users        analysts who may review and add articles (argon2 password hashes)
    api_tokens   bearer tokens and browser sessions (only a SHA-256 of each is kept)
    reviews      one row per reviewed event: state, field edits, note, who, when
    audit_log    every review change: who, when, action, note, before, after
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # api | session
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)

reviews = Table(
    "reviews", metadata,
    Column("event_id", String(40), primary_key=True),  # events.event_id (store's table)
    Column("state", String(16), nullable=False),  # confirmed | rejected | edited
    Column("edits", JSON, nullable=False),  # field -> reviewed value
    Column("note", Text),
    Column("user_name", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(16), nullable=False),
    Column("note", Text),
    Column("before", JSON),
    Column("after", JSON),
    Index("ix_audit_log_event", "event_id", "at"),
)

