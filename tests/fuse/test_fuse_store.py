"""Fusion over a real SQLite store: incremental, ids kept, sources per article."""
import json
from datetime import date

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from dateline.fuse.engine import Fuser
from dateline.fuse.similarity import LexicalModel
from dateline.fuse.store_sync import fuse_store
from dateline.models import Actor, Article, EventMention, Evidence, Extraction, Quantity, TimeSpan
from dateline.store import ArticleRecord, StoreWriter, get_event, open_engine
from dateline.store import schema as s

from fuse_helpers import KHARKIV


def _article(n: int, published: str, sentence: str, toll: int, claimed_by: str) -> ArticleRecord:
    text = f"Headline {n}\n\n{sentence}\n"
    start = text.index(sentence)
    day = date.fromisoformat("2025-10-14")
    mention = EventMention(
        id="e1", type="attack", subtype="drone_strike",
        evidence=Evidence(sentence, start, start + len(sentence)),
        date=TimeSpan(day, day, "overnight"), location=KHARKIV, actors=(Actor("Russia", "RU"),),
        fatalities=Quantity(toll, None, "at_least", f"at least {toll}"), claimed_by=claimed_by)
    article = Article(text=text, title=f"Headline {n}", published=date.fromisoformat(published),
                      url=f"https://site{n}.example/a")
    return ArticleRecord(article=article, extraction=Extraction(article, (mention,)),
                         content_hash=f"c{n}", raw_hash=f"r{n}", origin=f"https://site{n}.example/a")


@pytest.fixture
def engine(tmp_path):
    return open_engine(f"sqlite:///{tmp_path / 'fuse.sqlite'}")


def test_fuse_store_incremental(engine):
    writer, fuser = StoreWriter(engine), Fuser(LexicalModel())
    writer.write_batch([
        _article(1, "2025-10-14", "Russian drones struck an apartment block in Kharkiv, killing at least six.", 6,
                 "Oleh Syniehubov"),
        _article(2, "2025-10-14", "At least six people died when Russian drones hit a Kharkiv apartment block.", 6,
                 "Kharkiv governor Oleh Syniehubov"),
    ])
    report = fuse_store(engine, fuser)
    assert report.new_mentions == 2 and report.events_created == 1
    with engine.connect() as conn:
        (event_id,) = conn.scalars(select(s.events.c.event_id)).all()
    event = get_event(engine, event_id)
    assert event["source_count"] == 2 and {x["article_id"] for x in event["sources"]} == {1, 2}

    # Nothing new: nothing changes.
    assert fuse_store(engine, fuser).new_mentions == 0

    # A later report raises the toll: same id, one more source, the revision recorded.
    writer.write_batch([_article(3, "2025-10-15", "The toll of the Russian drone strike on Kharkiv rose to at least seven.",
                                 7, "Oleh Syniehubov")])
    report = fuse_store(engine, fuser)
    assert report.new_mentions == 1 and report.events_created == 0
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(s.events)) == 1
    event = get_event(engine, event_id)
    assert event["source_count"] == 3
    assert event["revisions"][0]["after"] == {"min": 7, "max": None}
    assert event["revisions"][0]["as_of"] == "2025-10-15"


def test_fuse_cli(engine, tmp_path):
    from dateline.cli.main import app

    StoreWriter(engine).write_batch([_article(1, "2025-10-14", "Russian drones struck Kharkiv.", 6, "Oleh Syniehubov")])
    url = str(engine.url)
    result = CliRunner().invoke(app, ["fuse", "--db", url, "--similarity", "lexical"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new_mentions"] == 1
    bad = CliRunner().invoke(app, ["fuse", "--db", url, "--similarity", "bogus"])
    assert bad.exit_code != 0
