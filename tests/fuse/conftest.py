"""Fixtures of the fusion tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from fuse_helpers import GOLD_DIR


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR
