"""Two `dateline ingest` processes fusing into one database at once: reports of
the same night, split between them, still end as one event per real event with
every outlet as a source (store_sync's fusion lock: BEGIN IMMEDIATE on SQLite,
an advisory lock on PostgreSQL).

One report is given to both. Both processes are real (the CLI, the real extractor, a real SQLite file or a
scratch PostgreSQL database). Each holds its fusion open for a few seconds
between reading and writing (DATELINE_FUSE_HOLD_SECONDS), so the two fusions
overlap whatever the machine's speed: without the lock both read the store
before either wrote, and the Kyiv strike came out as two events with half the
sources each.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_db_fixtures import backend_params, db_url_for  # noqa: E402

from dateline.fuse.store_sync import HOLD_ENV, unfused_article_ids  # noqa: E402
from dateline.store import db  # noqa: E402
from dateline.store.queries import EventFilter, list_events  # noqa: E402

pytestmark = pytest.mark.slow

OUTLETS = Path(__file__).resolve().parent / "outlets"
NIGHT = "2025-11-25"
URLS = {"kyiv_night_wire": "https://wire.example/kyiv-night",
        "kyiv_night_daily": "https://daily.example/kyiv-strike",
        "kyiv_night_radio": "https://radio.example/news/kyiv"}
CLI = [sys.executable, "-c", "from dateline.cli.main import main; main()"]


@pytest.fixture(params=backend_params())
def db_url(request, tmp_path):  # noqa: ANN001, ANN201
    yield from db_url_for(request.param, tmp_path)


def _reports(path: Path, names: list[str]) -> Path:
    rows = [{"url": URLS[name], "published": NIGHT,
             "text": (OUTLETS / f"{name}.txt").read_text(encoding="utf-8")} for name in names]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_two_ingest_processes_fuse_one_night_into_one_event_per_real_event(db_url, tmp_path):
    db.open_engine(db_url).dispose()  # the schema made once, not raced by both
    env = {**os.environ, HOLD_ENV: "4"}
    # Overlapping: the daily's report is in both (one run stores it, the other
    # finds it stored); the wire's and the radio's each in one.
    splits = (["kyiv_night_wire", "kyiv_night_daily"], ["kyiv_night_daily", "kyiv_night_radio"])
    runs = [subprocess.Popen(
        [*CLI, "-q", "ingest", str(_reports(tmp_path / f"part{k}.jsonl", names)),
         "--db", db_url], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for k, names in enumerate(splits)]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, (out, err)

    engine = db.open_engine(db_url)
    assert unfused_article_ids(engine) == []
    events, total = list_events(engine, EventFilter(), limit=10_000)
    assert len(events) == total
    night = [e for e in events if (e.get("date") or {}).get("start") == NIGHT]
    kyiv = [e for e in night
            if e["type"] == "attack" and (e.get("location") or {}).get("name") == "Kyiv"]
    assert len(kyiv) == 1, [(e["id"], sorted(s["url"] for s in e["sources"])) for e in kyiv]
    assert {s["url"] for s in kyiv[0]["sources"]} == set(URLS.values())
    assert kyiv[0]["mention_count"] == 3
    # No real event of the night is told twice, and every mention is in one event.
    told = Counter((e["type"], (e.get("location") or {}).get("name")) for e in night)
    assert max(told.values()) == 1, told
    assert sum(e["mention_count"] for e in events) == _mentions(engine)


def _mentions(engine) -> int:  # noqa: ANN001
    from sqlalchemy import func, select

    from dateline.store import schema as s

    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(s.event_mentions))


def test_a_fusion_waits_past_the_busy_timeout_for_another_writer(tmp_path):
    """On SQLite the fusion lock is the write lock: while another connection holds
    it longer than busy_timeout, the fusion keeps asking instead of failing, and
    then reads what the other committed."""
    import sqlite3
    import threading
    import time

    from sqlalchemy import event, func, select

    from dateline.fuse.store_sync import _fusion_transaction
    from dateline.store import schema as s

    path = tmp_path / "locked.sqlite"
    engine = db.open_engine(f"sqlite:///{path}")
    engine.dispose()
    event.listen(engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA busy_timeout=300"))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO sources (name, kind) VALUES ('held.example', 'site')")
    threading.Timer(2.0, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    with _fusion_transaction(engine) as conn:
        waited = time.monotonic() - started
        seen = conn.scalar(select(func.count()).select_from(s.sources))
    other.close()
    assert waited >= 1.5 and seen == 1
