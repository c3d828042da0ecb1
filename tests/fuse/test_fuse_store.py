"""Fusion over a real SQLite store: incremental, ids kept, sources per article."""
import json
from datetime import date

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from dateline.fuse.engine import Fuser
from dateline.fuse.similarity import LexicalModel
from dateline.fuse.store_sync import fuse_store
from dateline.models import (
    Actor, Article, EventMention, Evidence, Extraction, Place, Quantity, TimeSpan,
)
from dateline.store import ArticleRecord, StoreWriter, get_event, open_engine
from dateline.store import schema as s

from fuse_helpers import KHARKIV, KYIV


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


UKRAINE = Place(text="across Ukraine", name="Ukraine", country="UA", lat=49.0, lon=32.0,
                precision="country")


def _report(n: int, mentions: list[tuple[str, str, Place, int, str | None]]) -> ArticleRecord:
    """An article whose sentences are the mentions' evidence: (id, sentence, place, toll, part_of)."""
    text = f"Night of strikes, report {n}\n\n" + " ".join(m[1] for m in mentions) + "\n"
    day = date(2025, 11, 25)
    events = []
    for key, sentence, place, toll, part_of in mentions:
        start = text.index(sentence)
        events.append(EventMention(
            id=key, type="attack", subtype="missile_drone_strike",
            evidence=Evidence(sentence, start, start + len(sentence)),
            date=TimeSpan(day, day, "overnight"), location=place, actors=(Actor("Russia", "RU"),),
            fatalities=Quantity(toll, None, "at_least", f"at least {toll}"), part_of=part_of))
    article = Article(text=text, title=f"Night of strikes, report {n}", published=day,
                      url=f"https://outlet{n}.example/night")
    return ArticleRecord(article=article, extraction=Extraction(article, tuple(events)),
                         content_hash=f"night{n}", raw_hash=f"rnight{n}", origin=f"outlet{n}")


def test_a_barrage_and_its_city_strike_stay_two_events_counted_once(engine):
    """One outlet links Kyiv's strike to the nationwide barrage (part_of), another tells
    both without the link: two events, linked, and the dead are added up once."""
    writer, fuser = StoreWriter(engine), Fuser(LexicalModel())
    writer.write_batch([
        _report(1, [("e1", "Russia's overnight barrage killed at least ten people across Ukraine.",
                     UKRAINE, 10, None),
                    ("e2", "In Kyiv, Russian missiles and drones killed at least six people.",
                     KYIV, 6, "e1")]),
        _report(2, [("e1", "At least six people were killed by Russian missiles and drones in Kyiv.",
                     KYIV, 6, None),
                    ("e2", "Russian strikes killed at least ten people across Ukraine overnight.",
                     UKRAINE, 10, None)]),
    ])
    fuse_store(engine, fuser)
    with engine.connect() as conn:
        rows = {r.place_name: r for r in conn.execute(select(s.events))}
    assert set(rows) == {"Ukraine", "Kyiv"}
    whole, part = get_event(engine, rows["Ukraine"].event_id), get_event(engine, rows["Kyiv"].event_id)
    assert whole["source_count"] == part["source_count"] == 2
    assert part["part_of"] == whole["id"] and whole["parts"] == [part["id"]]
    # The words stay as told; the columns totals add up hold the barrage's dead less Kyiv's.
    assert whole["fatalities"]["text"] == "at least 10" and whole["fatalities"]["min"] == 10
    assert whole["counted"] == {"fatalities": {"min": 4, "max": None}}
    assert rows["Ukraine"].fatalities_min == 4 and rows["Kyiv"].fatalities_min == 6
    with engine.connect() as conn:
        assert conn.scalar(select(func.sum(s.events.c.fatalities_min))) == 10

    # A third outlet raises Kyiv's toll: the barrage's own share shrinks, the total holds.
    writer.write_batch([_report(3, [("e1", "The toll in Kyiv rose to at least eight after the Russian attack.",
                                     KYIV, 8, None)])])
    fuse_store(engine, fuser)
    with engine.connect() as conn:
        after = {r.place_name: r.fatalities_min for r in conn.execute(select(s.events))}
    assert after == {"Ukraine": 2, "Kyiv": 8}


def test_a_whole_never_absorbs_a_part_even_placed_in_the_same_city():
    """The geocoder may put a nationwide barrage in the capital it names: the barrage
    one article links its Kyiv strike to, and another article's Kyiv strike told as
    part of a barrage, share place, day and words, yet stay two events."""
    from dataclasses import replace

    from fuse_helpers import make_record

    day = "2025-11-25"
    whole = make_record("1", day, "Russia's missiles and drones struck Kyiv and other cities overnight.",
                        mention_id="e1", place=KYIV)
    other = make_record("1", day, "Drones hit Lviv overnight.", mention_id="e2",
                        place=Place(text="Lviv", name="Lviv", country="UA", lat=49.84, lon=24.03,
                                    precision="city"))
    part = make_record("2", day, "Russian missiles and drones struck Kyiv overnight.",
                       mention_id="e2", place=KYIV)
    barrage = make_record("2", day, "Russia launched dozens of missiles at Ukraine.", mention_id="e1",
                          place=UKRAINE)
    other = replace(other, mention=replace(other.mention, part_of="e1"))
    part = replace(part, mention=replace(part.mention, part_of="e1"))
    result = Fuser(LexicalModel()).fuse([whole, other, part, barrage])
    event_of = result.event_of()
    assert event_of[whole.key] != event_of[part.key]
    assert event_of[whole.key] == event_of[barrage.key]  # the two barrages are one
    by_id = {ev.id: ev for ev in result.events}
    assert by_id[event_of[part.key]].representative.part_of == event_of[barrage.key]
    assert by_id[event_of[other.key]].representative.part_of == event_of[whole.key]
