"""Opening the database: engine per URL, Alembic migrations run in-process.

A new empty database is upgraded automatically; an existing one that is behind
the packaged migrations is refused with the command that fixes it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import ConfigError, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
MMAP_BYTES = 2**31  # SQLite caps it at its compile-time maximum (~2 GB on Linux)
WRITE_WAIT_SECONDS = 600  # how long a writer waits for SQLite's write lock in all


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def create(url: str) -> Engine:
    """An Engine for a SQLite path/URL or a postgresql+psycopg:// URL."""
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True, json_serializer=_compact_json)
    except ModuleNotFoundError as exc:  # psycopg lives in the postgres extra
        raise ConfigError(f"database driver {exc.name!r} is missing: "
                          "pip install 'dateline[postgres]'") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"bad database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _compact_json(value: object) -> str:
    # No spaces after separators, UTF-8 kept as is: about 10% smaller JSON columns.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
    cursor = dbapi_connection.cursor()
    # WAL lets readers (web app) run while an ingest writes; NORMAL is safe with WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Reads through the OS page cache instead of copying each page into the
    # connection's own 2 MB cache: a 30-day window of the map index (~3 MB at 1M
    # events) no longer falls out of that cache between requests (docs/web.md).
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cursor.close()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction for a read-then-write, committed on success and rolled back
    on any error. On SQLite it holds the write lock from its start (BEGIN
    IMMEDIATE): in WAL mode a deferred transaction that read before another
    process committed cannot write after it (SQLITE_BUSY at once, no busy wait),
    which would stop a concurrent `dateline ingest`. Each attempt waits one busy_timeout
    (30 s); another writer (a fusion of a large batch) may hold the lock longer,
    so attempts go on for WRITE_WAIT_SECONDS."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            _begin_immediate(conn)
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _begin_immediate(conn: Connection) -> None:
    # pysqlite begins lazily and deferred; after this it issues no BEGIN of its own.
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            conn.rollback()  # the failed BEGIN leaves SQLAlchemy's transaction open


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Apply the packaged migrations up to ``revision``; return the new revision."""
    config = _alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {engine.url.render_as_string()}: {exc}") from exc
    return current_revision(engine) or ""


def open_engine(url: str) -> Engine:
    """Create the engine and make sure the schema is current (auto-upgrading a new database)."""
    engine = create(url)
    try:
        revision = current_revision(engine)
        if revision is None:
            tables = set(inspect(engine).get_table_names())
            if tables - {"alembic_version"}:
                raise StoreError(f"{engine.url.render_as_string(hide_password=True)} holds "
                                 "tables that are not a dateline database")
            upgrade(engine)
        elif revision != head_revision():
            raise StoreError(f"database is at revision {revision}, this dateline needs "
                             f"{head_revision()}: run `dateline db upgrade`")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {engine.url.render_as_string()}: "
                         f"{str(exc).splitlines()[0]}") from exc
    return engine
