"""The brief over PostgreSQL is the brief over SQLite: the same reports ingested and
fused into each (PostgreSQL reads the events' JSON parts one by one, SQLite in one
parse; both read the `part_of` column). Runs where DATELINE_TEST_PG points to a
server (CI starts one with scripts/ci-services.sh)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_db_fixtures import PG_URL, scratch_postgres  # noqa: E402

from brief_stores import FIXTURES, build_store  # noqa: E402
from dateline.brief import BriefRequest, build_brief  # noqa: E402

NIGHT = date(2025, 3, 14)
pytestmark = [pytest.mark.slow, pytest.mark.postgres,
              pytest.mark.skipif(not PG_URL, reason="DATELINE_TEST_PG is not set")]


@pytest.fixture
def pg_url():  # noqa: ANN201
    yield from scratch_postgres()


def test_the_brief_over_postgresql_is_the_brief_over_sqlite(barrage_store, pg_url, tmp_path):  # noqa: ANN001
    engine = build_store(FIXTURES / "barrage", tmp_path / "pg", url=pg_url)
    try:
        over_pg = build_brief(engine, BriefRequest(NIGHT, NIGHT)).to_dict()
    finally:
        engine.dispose()
    over_sqlite = build_brief(barrage_store, BriefRequest(NIGHT, NIGHT)).to_dict()
    assert over_pg["totals"] == over_sqlite["totals"]
    assert over_pg["nights"] == over_sqlite["nights"]
    assert over_pg == over_sqlite
