"""Finding 10 (issue 17): the web tables come from the Alembic migrations (one schema
mechanism); a database whose web tables were made by the old create_all upgrades
in place; the empty stub packages are gone."""
from __future__ import annotations

import importlib.util
from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect, insert, select

from dateline.store import db
from dateline.web import auth_schema as t
from dateline.web.accounts import _token_hash, user_for_token

WEB_TABLES = {"users", "api_tokens", "reviews", "audit_log"}


def test_a_new_database_gets_the_web_tables_from_the_migrations(tmp_path):  # noqa: ANN001
    engine = db.open_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert WEB_TABLES <= set(inspect(engine).get_table_names())
    assert db.current_revision(engine) == db.head_revision()
    index = {i["name"] for i in inspect(engine).get_indexes("audit_log")}
    assert "ix_audit_log_event" in index


def test_web_tables_made_by_create_all_upgrade_in_place(tmp_path):  # noqa: ANN001
    engine = db.create(f"sqlite:///{tmp_path / 'old.sqlite'}")
    db.upgrade(engine, "0004")
    t.metadata.create_all(engine)  # what the web app did at startup before migration 0006
    made = datetime(2026, 1, 2, tzinfo=UTC)
    with engine.begin() as conn:
        user_id = conn.execute(insert(t.users).values(name="old", password_hash="x",
                                                      created_at=made)
                               .returning(t.users.c.id)).scalar_one()
        conn.execute(insert(t.api_tokens).values(user_id=user_id, token_hash=_token_hash("tok"),
                                                 kind="api", created_at=made, expires_at=None))
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        expires = conn.scalar(select(t.api_tokens.c.expires_at))
        assert conn.scalar(select(t.users.c.name)) == "old"  # kept
    expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)
    assert expires == made + timedelta(days=90)  # a never-ending token now ends
    assert user_for_token(engine, "tok", kind="api") is None  # and that end has passed


def test_the_stub_packages_are_gone():
    assert importlib.util.find_spec("dateline.api") is None
    assert importlib.util.find_spec("dateline.reading") is None
    assert not hasattr(t, "create_tables")
