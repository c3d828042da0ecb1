"""Shared test helpers: where the repository and ../shared are, and one extractor per session."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV_GOLD = REPO / "tests" / "fixtures" / "dev"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seed" / "article.txt").is_file():
        pytest.skip("../shared (seed article and scorer) is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline (spaCy model + gazetteer), loaded once for the whole session."""
    from dateline.extraction.pipeline import Extractor
    from dateline.settings import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Extractor.from_settings(Settings.load())
