"""Alembic environment: dateline runs migrations programmatically (store/db.py)
and hands over an open connection in ``config.attributes["connection"]``."""
from __future__ import annotations

from alembic import context

from dateline.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - dateline always passes a connection
    raise RuntimeError("dateline migrations run through `dateline db upgrade`")

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
