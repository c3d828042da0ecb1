"""`part_of` links as the events.part_of column (migration 0007): written by fusion
and by ingest without fusion, backfilled for stores made before it; and the brief's
one-parse read of the period's violent events (SQLite) against the JSON columns read."""
from __future__ import annotations

import sqlite3
import warnings
from datetime import date, datetime, timezone

import pytest
from alembic import command
from sqlalchemy import insert, inspect, select, text, update

from dateline.store import brief_reads, db
from dateline.store import schema as s

from brief_stores import FIXTURES

NIGHT = date(2025, 3, 14)


def _links(engine) -> dict[str, str | None]:  # noqa: ANN001
    with engine.connect() as conn:
        return {r.place_name: r.part_of for r in conn.execute(
            select(s.events.c.place_name, s.events.c.part_of))}


def _ids(engine) -> dict[str, str]:  # noqa: ANN001
    with engine.connect() as conn:
        return {r.place_name: r.event_id for r in conn.execute(
            select(s.events.c.place_name, s.events.c.event_id))}


@pytest.mark.slow
def test_fusion_writes_the_link_beside_the_event(barrage_store):  # noqa: ANN001
    ids, links = _ids(barrage_store), _links(barrage_store)
    assert links == {"Odesa": ids["Ukraine"], "Ukraine": None}
    with barrage_store.connect() as conn:
        told = conn.scalar(select(s.events.c.data["part_of"].as_string())
                           .where(s.events.c.place_name == "Odesa"))
    assert told == ids["Ukraine"]  # the column is the fused JSON's link


@pytest.mark.slow
@pytest.mark.parametrize("json_link", [True, False], ids=["fused-json", "through-mentions"])
def test_migration_backfills_the_links_of_an_older_store(barrage_store, tmp_path, json_link):  # noqa: ANN001
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(barrage_store.url.database) as source, sqlite3.connect(path) as copy:
        source.backup(copy)  # with what the write-ahead log holds
    engine = db.create(f"sqlite:///{path}")
    config = db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    assert "part_of" not in {c["name"] for c in inspect(engine).get_columns("events")}
    if not json_link:  # a store fused before fusion kept the link in its JSON
        with engine.begin() as conn:
            conn.execute(text("UPDATE events SET data = json_set(data, '$.part_of', NULL)"))
    db.upgrade(engine)
    assert _links(engine) == _links(barrage_store)
    engine.dispose()


@pytest.mark.slow
def test_ingest_without_fusion_links_each_reports_strike_to_its_barrage(tmp_path):  # noqa: ANN001
    from dateline.ingest.runner import run_ingest
    from dateline.settings import Settings

    url = f"sqlite:///{tmp_path / 'unfused.sqlite'}"
    settings = Settings.load(user_file=tmp_path / "none.toml", db_url=url,
                             extractor="dateline.extraction.pipeline:Extractor")
    engine = db.open_engine(url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_ingest([str(FIXTURES / "barrage")], settings=settings, engine=engine, fuse=False)
    m = s.event_mentions
    with engine.connect() as conn:
        told = {(r.article_id, r.mention_key): r.event_id
                for r in conn.execute(select(m.c.article_id, m.c.mention_key, m.c.event_id))}
        parts = conn.execute(select(m.c.article_id, m.c.event_id, m.c.data["part_of"].as_string()
                                    .label("whole"), s.events.c.part_of)
                             .join(s.events, s.events.c.event_id == m.c.event_id)
                             .where(m.c.data["part_of"].as_string().is_not(None))).all()
    assert len(parts) == 3  # each outlet's Odesa strike
    for r in parts:  # its own report's barrage, each an unfused event of its own
        assert r.part_of == told[(r.article_id, r.whole)]
    violence = brief_reads.period_violence(engine, NIGHT, NIGHT)
    assert {v.event_id: v.part_of for v in violence if v.part_of} == \
        {r.event_id: r.part_of for r in parts}
    # Unfused events are read whole from their mentions by either read.
    assert all(v.complete for v in violence)
    assert violence == brief_reads.period_violence(engine, NIGHT, NIGHT, packed=False)


def _fused(event_id: str, data: dict, **columns) -> dict:  # noqa: ANN003
    row = {"event_id": event_id, "type": "attack", "family": "violence", "status": "reported",
           "scope": "incident", "date_start": NIGHT, "date_end": NIGHT, "country": "UA",
           "confidence": 0.7, "search_text": "", "data": data, "part_of": None,
           "updated_at": datetime.now(timezone.utc)}
    return {**row, **columns}


def test_the_one_parse_read_gives_what_the_json_columns_give(tmp_path):
    """Hand-made fused events whose JSON has what a month of events can hold: quotes
    with quotation marks and non-Latin letters, a vague figure, several figures, none,
    and an event whose JSON fusion has not written yet (no mention to read it from)."""
    engine = db.open_engine(f"sqlite:///{tmp_path / 'read.sqlite'}")
    claim = {"claimant": {"label": "Міська рада"}, "quantity": {"min": 4, "max": 4,
                                                                 "qualifier": "exact",
                                                                 "text": "4 people"}}
    vague = {"claimant": {"label": "Police"}, "quantity": {"min": None, "max": None,
                                                           "qualifier": "vague", "text": "dozens"}}
    rows = [
        _fused("ev_a", {"mention_count": 2, "source_count": 2, "quote": 'He said "never"',
                        "location": {"precision": "city"}, "part_of": "ev_b",
                        "figures": [{"kind": "fatalities", "claims": [claim, vague]},
                                    {"kind": "weapons.drones", "claims": [claim]}]},
               place_name="Odesa", part_of="ev_b"),
        _fused("ev_b", {"mention_count": 1, "source_count": 1, "quote": None,
                        "location": {"precision": "country"}, "figures": []},
               place_name="Ukraine"),
        _fused("ev_c", {"mention_count": 1, "location": {}}, place_name="Kharkiv"),
        _fused("ev_d", {}, place_name="Lviv"),
    ]
    with engine.begin() as conn:
        conn.execute(insert(s.events), rows)
        conn.execute(update(s.events).where(s.events.c.event_id == "ev_d")
                     .values(date_start=None, date_end=None, first_published=NIGHT))
    packed = brief_reads.period_violence(engine, NIGHT, NIGHT, packed=True)
    columns = brief_reads.period_violence(engine, NIGHT, NIGHT, packed=False)
    assert sorted(packed, key=lambda r: r.event_id) == sorted(columns, key=lambda r: r.event_id)
    by_id = {r.event_id: r for r in packed}
    assert set(by_id) == {"ev_a", "ev_b", "ev_c", "ev_d"}
    assert by_id["ev_a"].data["quote"] == 'He said "never"' and by_id["ev_a"].part_of == "ev_b"
    assert by_id["ev_a"].data["figures"][0]["claims"][0]["claimant"]["label"] == "Міська рада"
    assert by_id["ev_c"].data["figures"] == [] and by_id["ev_d"].complete is False
