from pathlib import Path

import pytest

from dateline.ingest.read import read_path
from dateline.models import Extraction

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parents[1].parent.parent / "shared" / "seed" / "article.txt"


def text_only(path: Path) -> Extraction:
    """The article with no extractor events: the tracker must work from the text alone."""
    return Extraction(read_path(path), ())


@pytest.fixture(scope="session")
def gold_articles() -> list[tuple[str, Extraction]]:
    return [(p.stem, text_only(p)) for p in sorted((DATA / "articles").glob("*.txt"))]


@pytest.fixture(scope="session")
def seed_extraction() -> tuple[Path, Extraction]:
    if not SEED.is_file():
        pytest.skip("seed article not present (../shared)")
    return SEED, text_only(SEED)
