from __future__ import annotations

import pytest
from store_db_fixtures import backend_params, db_url_for


@pytest.fixture(params=backend_params())
def db_url(request, tmp_path):
    yield from db_url_for(request.param, tmp_path)
