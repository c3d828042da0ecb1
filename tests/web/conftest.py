"""Fixtures for the web tests: a real SQLite store with hand-written articles, the
app over it (FastAPI TestClient), an analyst with a token."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # so the ingest runner can import web_fixtures:FixtureExtractor
    sys.path.insert(0, str(HERE))

from fastapi.testclient import TestClient  # noqa: E402

from dateline.store.db import open_engine  # noqa: E402
from dateline.web import create_app  # noqa: E402
from dateline.web.accounts import add_user, new_token  # noqa: E402

import web_fixtures  # noqa: E402

# In web_fixtures, not here: `from conftest import ...` in a test module finds
# whichever conftest was imported first (tests/store's when both folders run).
from web_fixtures import PASSWORD, make_settings  # noqa: E402


@pytest.fixture()
def store(tmp_path):  # noqa: ANN001, ANN201
    settings = make_settings(tmp_path)
    engine = open_engine(settings.db_url)
    ids = web_fixtures.fill_store(engine)
    user = add_user(engine, "analyst", PASSWORD)
    token = new_token(engine, user)
    return {"settings": settings, "engine": engine, "article_ids": ids, "token": token,
            "tmp": tmp_path}


@pytest.fixture()
def client(store):  # noqa: ANN001, ANN201
    with TestClient(create_app(store["settings"], engine=store["engine"])) as c:
        yield c


@pytest.fixture()
def auth(store):  # noqa: ANN001, ANN201
    return {"Authorization": f"Bearer {store['token']}"}
