"""Stores for the brief tests, filled by the real pipeline: our own short reports
(tests/brief/fixtures, written for these tests) ingested with the spaCy extractor and
gazetteer, then fused (lexical similarity: deterministic and quick)."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"


def build_store(folder: Path, db_path: Path, url: str | None = None):  # noqa: ANN201 - an Engine
    """Ingest every file of ``folder`` with the real extractor, then fuse the store
    (a SQLite file at ``db_path``, or the database at ``url``)."""
    from dateline.fuse.engine import Fuser
    from dateline.fuse.similarity import LexicalModel
    from dateline.fuse.store_sync import fuse_store
    from dateline.ingest.runner import run_ingest
    from dateline.settings import Settings
    from dateline.store.db import open_engine

    url = url or f"sqlite:///{db_path}"
    settings = Settings.load(user_file=db_path.parent / "none.toml", db_url=url,
                             extractor="dateline.extraction.pipeline:Extractor")
    engine = open_engine(url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = run_ingest([str(folder)], settings=settings, engine=engine)
    assert summary.failed == 0, summary.failures
    fuse_store(engine, Fuser(LexicalModel()))
    return engine


def seed_day_folder(tmp: Path) -> Path:
    """The seed (read from ../shared, never copied into the repository) beside our own
    reports of the same night."""
    folder = tmp / "nov25"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    for path in (FIXTURES / "nov25").iterdir():
        shutil.copy(path, folder / path.name)
    return folder
