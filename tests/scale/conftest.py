"""Fixtures for the Ray tests: one local Ray (2 CPUs) per module, a database like a cluster's."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# A shared 2-core machine can be slow to start Ray's processes; wait longer than the
# default before calling the node dead (inherited by the CLI subprocesses too).
os.environ.setdefault("RAY_raylet_start_wait_time_s", "300")
os.environ.setdefault("RAY_gcs_rpc_server_connect_timeout_s", "120")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from db_fixtures import PG_URL, scratch_postgres  # noqa: E402


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def cluster_db_url(tmp_path_factory):
    """PostgreSQL when DATELINE_TEST_PG is set (what a cluster writes to), else SQLite."""
    if PG_URL:
        yield from scratch_postgres()
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('ray') / 'ray.sqlite'}"
