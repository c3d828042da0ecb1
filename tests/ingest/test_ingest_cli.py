"""The commands, run for real: kill -9 and resume, output formats, one-line errors."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_corpus import write_text_corpus
from sqlalchemy import func, select

from dateline.fuse.store_sync import unfused_article_ids
from dateline.store import db, queries
from dateline.store import schema as s

DATELINE = str(Path(sys.executable).with_name("dateline"))
HERE = Path(__file__).resolve().parent


def cli_env(url: str, extractor: str = "ingest_rule_extractor:RuleExtractor") -> dict[str, str]:
    env = dict(os.environ, DATELINE_DB=url, DATELINE_EXTRACTOR=extractor,
               PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    return env


def article_count(url: str) -> int:
    engine = db.create(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(s.articles)) or 0
    except Exception:  # noqa: BLE001 - the database may not exist yet
        return 0
    finally:
        engine.dispose()


def test_kill_9_after_a_batch_then_rerun_finishes_without_duplicates(db_url, tmp_path):
    total = 30
    write_text_corpus(tmp_path / "corpus", total)
    command = [DATELINE, "ingest", str(tmp_path / "corpus"), "--batch-size", "5", "--quiet"]
    slow = subprocess.Popen(command, env=cli_env(db_url, "ingest_rule_extractor:SlowRuleExtractor"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while article_count(db_url) < 5:  # wait for the first committed batch
        assert slow.poll() is None, slow.stderr.read().decode()
        assert time.monotonic() < deadline, "no batch was committed in 60 s"
        time.sleep(0.05)
    slow.send_signal(signal.SIGKILL)
    slow.wait()
    stored = article_count(db_url)
    assert slow.returncode == -signal.SIGKILL and 5 <= stored < total

    rerun = subprocess.run(command, env=cli_env(db_url), capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {total - stored}, duplicates {stored}," in rerun.stderr
    engine = db.open_engine(db_url)
    counts = queries.counts(engine)
    # The batch committed before the kill was never fused: the rerun fuses it first,
    # so the store ends as one uninterrupted run leaves it.
    assert unfused_article_ids(engine) == []
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    once = subprocess.run(command, env=cli_env(reference), capture_output=True, text=True,
                          timeout=120)
    assert once.returncode == 0, once.stderr
    expected = queries.counts(db.open_engine(reference))
    assert counts == expected
    assert counts["mentions"] == 2 * total and counts["events"] < counts["mentions"]
    assert {k: counts[k] for k in ("articles", "near_duplicates", "errors")} == {
        "articles": total, "near_duplicates": 0, "errors": 0}
    with engine.connect() as conn:  # every file once
        origins = conn.scalars(select(s.articles.c.origin)).all()
    assert len(set(origins)) == total


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cli")
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    write_text_corpus(tmp_path / "corpus", 6)
    done = subprocess.run([DATELINE, "ingest", str(tmp_path / "corpus"), str(tmp_path / "nope")],
                          env=cli_env(url), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # Reports 0 and 4 (Kharkiv) and 1 and 5 (Odesa) tell the same undated strikes: fused.
    assert ("ingested 6, duplicates 0, near-duplicates 0, failed 1, events 12, "
            "fused 12 new mentions into 8 new events") in done.stderr
    return url


def run(url: str, *args: str):  # noqa: ANN201
    """The command in-process (typer's runner): same code, no interpreter start-up."""
    from typer.testing import CliRunner

    from dateline.cli.main import app

    return CliRunner().invoke(app, list(args), env={"DATELINE_DB": url}, catch_exceptions=False)


def run_process(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([DATELINE, *args], env=cli_env(url), capture_output=True, text=True,
                          timeout=60)


def test_events_formats_and_filters(filled_db):
    out = run(filled_db, "events", "--format", "json", "--type", "attack", "--place", "kharkiv")
    data = json.loads(out.stdout)
    assert data["total"] == 1 and len(data["events"]) == 1
    event = data["events"][0]
    assert event["location"]["name"] == "Kharkiv" and event["source_count"] == 2
    assert {"article_id", "url", "title", "published", "claimed_by", "evidence"} <= \
        set(event["sources"][0])
    everything = json.loads(run(filled_db, "events", "--format", "json").stdout)
    assert everything["total"] == 8
    casualties = json.loads(run(filled_db, "events", "--format", "json", "--family", "violence",
                                "--type", "casualties", "--actor", "nobody").stdout)
    assert casualties["total"] == 0
    lines = run(filled_db, "events", "--format", "jsonl", "--country", "UA").stdout.splitlines()
    assert len(lines) == 8 and json.loads(lines[0])["id"].startswith("ev_")
    rows = list(csv.DictReader(io.StringIO(run(filled_db, "events", "--format", "csv").stdout)))
    assert len(rows) == 8 and rows[0]["country"] == "UA"
    geo = json.loads(run(filled_db, "events", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    table = run(filled_db, "events", "--limit", "2")
    assert table.exit_code == 0 and "2 of 8 events" in table.stdout


def test_articles_errors_and_db_upgrade(filled_db):
    found = json.loads(run(filled_db, "articles", "--search", "Odesa", "--format", "json").stdout)
    assert found["total"] == 2  # reports 1 and 5
    errors = json.loads(run(filled_db, "errors", "--format", "json").stdout)
    assert errors["total"] == 1 and errors["errors"][0]["kind"] == "missing"
    upgrade = run_process(filled_db, "db", "upgrade")
    from dateline.store.db import head_revision

    assert upgrade.returncode == 0 and f"revision {head_revision()}" in upgrade.stderr


def test_user_errors_are_one_line_with_exit_2(filled_db):
    bad = run_process(filled_db, "events", "--since", "yesterday")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip() == "dateline: error: --since 'yesterday' is not a date (YYYY-MM-DD)"
    sort = run_process(filled_db, "events", "--sort", "random")
    assert sort.returncode == 2 and len(sort.stderr.strip().splitlines()) == 1
