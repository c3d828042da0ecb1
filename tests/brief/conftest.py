"""Fixtures of the brief tests: real SQLite stores filled by the real pipeline."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from brief_stores import FIXTURES, SEED, build_store, seed_day_folder  # noqa: E402


@pytest.fixture(scope="session")
def barrage_store(tmp_path_factory):  # noqa: ANN001, ANN201
    """One night's barrage told by three 'outlets' (our own writing)."""
    return build_store(FIXTURES / "barrage", tmp_path_factory.mktemp("barrage") / "brief.sqlite")


@pytest.fixture(scope="session")
def seed_day_store(tmp_path_factory):  # noqa: ANN001, ANN201
    """The seed plus our own reports of 25 Nov 2025."""
    if not SEED.is_file():
        pytest.skip("../shared/seed/article.txt is not beside the repository")
    tmp = tmp_path_factory.mktemp("seedday")
    return build_store(seed_day_folder(tmp), tmp / "brief.sqlite")
