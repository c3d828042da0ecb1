"""`dateline ingest --engine ray` stores what the local engine stores, and survives
a lost worker without duplicate rows."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from scale_helpers import build_corpus, duplicate_rows, snapshot

from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from dateline.store import db, queries

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("scale") / "corpus")


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    """The reference: the local engine (one process, fusing each batch), on SQLite, with
    the batch size the Ray run uses (fusion is incremental, batch by batch)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.sqlite'}"
    settings = Settings.load(db_url=url)
    engine = db.open_engine(url)
    summary = run_ingest([str(corpus)], settings=settings, engine=engine, workers=1,
                         batch_size=3)
    return summary, snapshot(engine)


@pytest.fixture(scope="module")
def ray_run(ray_local, corpus, cluster_db_url, tmp_path_factory):
    """`dateline ingest --engine ray --workers 2` on the corpus; the first actor batch
    kills its worker process (as a lost node would), so Ray must restart and retry."""
    from dateline.cli.main import main
    from dateline.scale.worker import CRASH_ONCE_ENV

    marker = tmp_path_factory.mktemp("crash") / "crashed"
    mp = pytest.MonkeyPatch()
    mp.setenv(CRASH_ONCE_ENV, str(marker))
    mp.setattr(sys, "argv", ["dateline", "ingest", str(corpus), "--db", cluster_db_url,
                             "--engine", "ray", "--workers", "2", "--batch-size", "3", "-q"])
    capture = io.StringIO()
    mp.setattr(sys, "stderr", capture)
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        mp.undo()
    assert exit_.value.code == 0, capture.getvalue()
    return capture.getvalue(), db.open_engine(cluster_db_url), marker


def test_ray_stores_exactly_what_the_local_engine_stores(local_run, ray_run):
    local_summary, local_rows = local_run
    _, engine, marker = ray_run
    assert marker.is_file(), "the crash hook never fired: no worker was lost"
    assert local_summary.to_dict() == {
        "ingested": 9, "duplicates": 1, "near_duplicates": 1, "failed": 2,
        "events": local_summary.events, "fused_mentions": local_summary.events,
        "events_created": local_summary.events_created}
    assert local_summary.events > local_summary.events_created > 9
    ray_rows = snapshot(engine)
    # Article by article: the stored contract JSON (events, places, quotes) is identical.
    assert ray_rows["contract"].keys() == local_rows["contract"].keys()
    for origin, contract in local_rows["contract"].items():
        assert ray_rows["contract"][origin] == contract, origin
    assert ray_rows == local_rows
    assert any(c["quotes"] for c in ray_rows["contract"].values())
    assert ray_rows["places"] and ray_rows["fused_events"]
    # The outlets' night is fused the same way on both: one Kyiv strike, three sources.
    kyiv = [e for e in queries.list_events(engine, queries.EventFilter(place="Kyiv",
                                                                       types=("attack",)))[0]
            if e["location"]["name"] == "Kyiv"]
    assert len(kyiv) == 1 and kyiv[0]["source_count"] == 3


def test_a_lost_worker_leaves_no_duplicate_rows(ray_run):
    _, engine, _ = ray_run
    assert duplicate_rows(engine) == {"articles": 0, "mentions": 0}


def test_the_closing_summary_names_engine_and_workers(local_run, ray_run):
    local_summary, _ = local_run
    stderr, _, _ = ray_run
    lines = stderr.strip().splitlines()
    failed = [Path(line.split(": ")[1]).name for line in lines if line.startswith("failed:")]
    assert sorted(failed) == ["zz_binary.txt", "zz_empty.txt"], stderr
    s = local_summary
    assert lines[-1].startswith(
        f"ingested {s.ingested}, duplicates {s.duplicates}, near-duplicates {s.near_duplicates}, "
        f"failed {s.failed}, events {s.events}, fused {s.events} new mentions into "
        f"{s.events_created} new events")
    assert "(engine ray, 2 workers, " in lines[-1]
