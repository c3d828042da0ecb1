from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_db_fixtures import backend_params, db_url_for  # noqa: E402

from ingest_helpers import LoopbackSite  # noqa: E402



@pytest.fixture(params=backend_params())
def db_url(request, tmp_path):
    yield from db_url_for(request.param, tmp_path)


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'dateline.sqlite'}"


@pytest.fixture(autouse=True)
def _rule_extractor_importable(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent))


@pytest.fixture
def site():
    server = LoopbackSite()
    yield server
    server.close()
