"""With the real spaCy extractor: the stored contract equals what extraction gave,
and two workers store what one stores."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from ingest_corpus import write_text_corpus
from test_ingest_runner import stored_rows

from dateline.ingest import pipeline
from dateline.ingest.read import read_path
from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from dateline.store import db, queries

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("dateline.extraction.pipeline") is None,
                       reason="the extractor is not there yet"),
]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "article.txt"


def test_real_extraction_round_trips_and_workers_agree(tmp_path):
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 3)
    if SEED.is_file():
        shutil.copy(SEED, corpus / "seed.txt")
    rows = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.sqlite'}"
        settings = Settings.load(db_url=url, extractor="dateline.extraction.pipeline:Extractor")
        engine = db.open_engine(url)
        summary = run_ingest([str(corpus)], settings=settings, engine=engine, workers=workers)
        assert summary.failed == 0 and summary.ingested == len(list(corpus.iterdir()))
        rows.append(stored_rows(engine))
        if workers == 1:
            assert summary.events > 0
            # The in-process run left its extractor loaded: compare the contract JSON.
            for article in queries.list_articles(engine, limit=10)[0]:
                expected = pipeline._extractor.extract_article(read_path(article["origin"]))
                assert queries.get_article(engine, article["id"])["extraction"] == \
                    expected.to_dict()
    assert rows[0] == rows[1]
