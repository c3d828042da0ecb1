"""Database fixtures for store and ingest tests: a SQLite file, or a scratch
PostgreSQL database on the server DATELINE_TEST_PG points to (CI starts one
with scripts/ci-services.sh); postgres cases skip only when it is unset."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("DATELINE_TEST_PG")


def backend_params() -> list:
    return ["sqlite", pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="DATELINE_TEST_PG is not set")])]


def scratch_postgres() -> Iterator[str]:
    """A new empty database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL
    name = f"dl_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str) -> None:
    """DROP DATABASE ... WITH (FORCE) ends our own sessions, but not an autovacuum worker that
    happens to be on the scratch database (it runs as the server's superuser, which our role may
    not signal): wait for it to finish and try again, for up to ~15 s."""
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError, ProgrammingError

    for attempt in range(30):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except (OperationalError, ProgrammingError):
            if attempt == 29:
                raise
            time.sleep(0.5)


def db_url_for(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'dateline.sqlite'}"
    else:
        yield from scratch_postgres()
