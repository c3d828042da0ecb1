"""The store keeps every field of the contract, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from dateline.models import (Actor, Article, Dateline, Evidence, EventMention, Extraction, Place,
                             Quantity, Quote, Span, Target, TimeSpan)
from dateline.store import db, queries
from dateline.store.writer import ArticleRecord, StoreWriter, event_id_for

TEXT = ("Drones hit a port overnight\n\n"
        "ODESA, Nov. 20 — Russian drones struck the port of Odesa overnight, "
        "killing at least 3 people, the regional governor said. "
        "Moscow denied targeting civilians.\n\n"
        "\u201cThe port will keep working,\u201d the governor said.\n")


def rich_extraction() -> Extraction:
    sentence = "Russian drones struck the port of Odesa overnight, killing at least 3 people, the regional governor said."
    start = TEXT.index(sentence)
    article = Article(text=TEXT, title="Drones hit a port overnight", byline="A. Writer",
                      published=date(2025, 11, 20), dateline=Dateline("Odesa", date(2025, 11, 20)),
                      url="https://news.example.org/odesa-port", site="news.example.org",
                      paragraphs=((0, 27), (29, 180)))
    attack = EventMention(
        id="e1", type="attack", subtype="drone_strike", status="reported",
        evidence=Evidence(sentence, start, start + len(sentence), (Span(TEXT[:27], 0, 27),)),
        disputed_by=("Moscow",),
        date=TimeSpan(date(2025, 11, 19), date(2025, 11, 20), "overnight", "day"),
        location=Place("Odesa", "Odesa", "UA", "Odeska", 46.48, 30.72, 698740, "city",
                       sublocations=(Place("the port", "Port of Odesa", "UA", None, 46.49, 30.74,
                                           None, "point"),)),
        actors=(Actor("Russia", "RU"),), targets=(Target("port", "UA", "infrastructure"),),
        civilian_targeting=True,
        weapons={"drones": Quantity(None, None, "vague", "drones")},
        weapon_types={"shahed": Quantity(12, 12, "exact", "12 Shahed")},
        intercepted={"drones": Quantity(None, 10, "at_most", "up to 10")},
        fatalities=Quantity(3, None, "at_least", "at least 3"),
        injured=Quantity(36, 36, "about", "about 36"),
        scope="incident", part_of=None, claimed_by="regional governor", quote=None,
        confidence=0.8765)
    denial = EventMention(
        id="e2", type="statement", subtype="denial", status="claimed",
        evidence=Evidence("Moscow denied targeting civilians.", TEXT.index("Moscow denied"),
                          TEXT.index("Moscow denied") + 34),
        actors=(Actor("Moscow", "RU"),), part_of="e1", claimed_by="Moscow", quote="x",
        scope="cumulative")
    quote_start = TEXT.index("The port")
    quote = Quote("the governor", "The port will keep working,", quote_start, quote_start + 27, "e2")
    return Extraction(article=article, events=(attack, denial), quotes=(quote,))


def store_one(engine, extraction: Extraction) -> int:
    record = ArticleRecord(article=extraction.article, extraction=extraction,
                           content_hash="c" * 64, raw_hash="r" * 64, origin="fixture")
    return StoreWriter(engine).write_batch([record]).article_ids[0]


def test_new_database_is_migrated_to_head(db_url):
    engine = db.open_engine(db_url)
    assert db.current_revision(engine) == db.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "event_mentions", "events", "actors", "places", "quotes", "sources",
            "ingest_errors"} <= tables


def test_every_contract_field_survives_a_round_trip(db_url):
    engine = db.open_engine(db_url)
    extraction = rich_extraction()
    article_id = store_one(engine, extraction)
    stored = queries.get_article(engine, article_id)
    assert stored["extraction"] == extraction.to_dict()
    assert stored["text"] == TEXT
    assert stored["paragraphs"] == [(0, 27), (29, 180)]


def test_events_carry_contract_fields_and_sources(db_url):
    engine = db.open_engine(db_url)
    extraction = rich_extraction()
    article_id = store_one(engine, extraction)
    found, total = queries.list_events(engine, limit=10, sort="confidence")
    assert total == 2
    attack = found[0]
    expected = extraction.events[0].to_dict()
    assert {k: v for k, v in attack.items() if k not in ("id", "family", "sources", "source_count")} \
        == {k: v for k, v in expected.items() if k != "id"}
    assert attack["id"] == event_id_for("c" * 64, "e1")
    assert attack["source_count"] == 1
    assert attack["sources"] == [{
        "article_id": article_id, "url": "https://news.example.org/odesa-port",
        "title": "Drones hit a port overnight", "published": "2025-11-20",
        "claimed_by": "regional governor", "evidence": expected["evidence"], "mention_id": "e1"}]
    assert queries.get_event(engine, attack["id"]) == attack
    assert queries.get_event(engine, "nope") is None


FILTER_CASES = [
    (queries.EventFilter(types=("attack",)), {"e1"}),
    (queries.EventFilter(families=("statement",)), {"e2"}),
    (queries.EventFilter(countries=("ua",)), {"e1"}),
    (queries.EventFilter(place="odes"), {"e1"}),
    (queries.EventFilter(place="port of"), {"e1"}),  # a sublocation
    (queries.EventFilter(actor="moscow"), {"e2"}),
    (queries.EventFilter(since=date(2025, 11, 20)), {"e1"}),
    (queries.EventFilter(until=date(2025, 11, 18)), set()),
    (queries.EventFilter(statuses=("claimed",)), {"e2"}),
    (queries.EventFilter(text="DENIED targeting"), {"e2"}),
    (queries.EventFilter(text="50%_"), set()),  # LIKE wildcards are escaped
    (queries.EventFilter(bbox=(30.0, 46.0, 31.0, 47.0)), {"e1"}),
]


def test_event_filters(db_url):
    engine = db.open_engine(db_url)  # one database for all cases: scratch ones cost seconds
    store_one(engine, rich_extraction())
    for filters, expected in FILTER_CASES:
        found, total = queries.list_events(engine, filters)
        assert {e["sources"][0]["mention_id"] for e in found} == expected, filters
        assert total == len(expected), filters


def test_article_search_stats_and_errors(db_url):
    from dateline.models import ArticleError

    engine = db.open_engine(db_url)
    article_id = store_one(engine, rich_extraction())
    writer = StoreWriter(engine)
    writer.write_errors([ArticleError("bad.bin", "bad.bin: binary input", "unreadable")])
    writer.write_errors([ArticleError("bad.bin", "bad.bin: binary input", "unreadable")])
    assert queries.list_articles(engine, q="port")[1] == 1
    assert queries.list_articles(engine, q='drones" *')[0][0]["id"] == article_id
    assert queries.list_articles(engine, q="tanks")[1] == 0
    assert sorted(queries.stats(engine), key=str) == sorted([
            {"day": "2025-11-19", "family": "violence", "country": "UA", "count": 1},
            {"day": None, "family": "statement", "country": None, "count": 1}], key=str)
    errors, total = queries.list_errors(engine)
    assert total == 1 and errors[0]["attempts"] == 2 and errors[0]["kind"] == "unreadable"


def test_old_database_is_refused_until_upgraded(tmp_path):
    from dateline.errors import StoreError

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = db.open_engine(url)
    with engine.begin() as conn:  # pretend it was made by an older dateline
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000old'")
    with pytest.raises(StoreError, match="dateline db upgrade"):
        db.open_engine(url)


def test_an_article_another_writer_stored_first_is_skipped(db_url):
    """Two ingests racing: the batch is retried without the article stored meanwhile."""
    from dataclasses import replace

    engine = db.open_engine(db_url)
    first = ArticleRecord(article=rich_extraction().article, extraction=rich_extraction(),
                          content_hash="a" * 64, raw_hash="1" * 64, origin="one")
    other = replace(first, content_hash="b" * 64, raw_hash="2" * 64, origin="two")
    StoreWriter(engine).write_batch([first])  # the other writer
    result = StoreWriter(engine).write_batch([first, other])
    assert result.raced == ["a" * 64] and result.articles == 1 and result.events == 2
    assert queries.counts(engine)["articles"] == 2 and queries.counts(engine)["events"] == 4


def test_map_points_say_how_precise_they_are(db_url):
    """A country-level event is no precise point: the map reads location.precision (issue 14)."""
    import json
    from dataclasses import replace

    from dateline.store.map_points import map_features, map_geojson

    engine = db.open_engine(db_url)
    extraction = rich_extraction()
    nationwide = replace(extraction.events[0], id="e3", location=Place(
        "Ukraine", "Ukraine", "UA", None, 49.0, 32.0, 690791, "country"))
    store_one(engine, replace(extraction, events=(*extraction.events, nationwide)))
    by_place = {f["properties"]["place"]: f["properties"]["precision"]
                for f in map_features(engine, queries.EventFilter())["features"]}
    assert by_place == {"Odesa": "city", "Ukraine": "country"}
    text = json.loads(map_geojson(engine, queries.EventFilter()))
    assert {f["properties"]["place"]: f["properties"]["precision"] for f in text["features"]} == by_place
    found, _ = queries.list_events(engine, queries.EventFilter(countries=("ua",)))
    assert {e["location"]["precision"] for e in found} == {"city", "country"}
