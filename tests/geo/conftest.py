"""Fixtures for the geo tests: one real gazetteer per session.

The default gazetteer (`make install` builds it) is used when it was built by the
current code and data; otherwise one is built once into a temporary folder.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import GazetteerError
from dateline.geo import Gazetteer
from dateline.geo.build import build_gazetteer
from dateline.settings import Settings


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    default = Settings.load().gazetteer_path
    try:
        gazetteer = Gazetteer.open(default)
        current = gazetteer.is_current()
        gazetteer.close()
        if current:
            return default
    except GazetteerError:
        pass
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_gazetteer(path)
    return path


@pytest.fixture(scope="session")
def gazetteer(gazetteer_path: Path) -> Gazetteer:
    return Gazetteer.open(gazetteer_path)
