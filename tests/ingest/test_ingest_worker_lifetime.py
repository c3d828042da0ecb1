"""Finding 9 (issue 17): the workers of a killed `dateline ingest --workers 2` die with
it instead of living on with a loaded model each."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest_corpus import write_text_corpus

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                     if line.startswith("State:"))
    except (OSError, StopIteration):
        return False
    return "Z" not in state.split()[1]  # a zombie has ended; only its entry remains


def test_workers_die_with_a_killed_ingest(tmp_path):  # noqa: ANN001
    write_text_corpus(tmp_path / "corpus", 200)
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{HERE}",
           "DATELINE_EXTRACTOR": "ingest_rule_extractor:SlowRuleExtractor"}
    parent = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli.main import main; main()", "ingest",
         str(tmp_path / "corpus"), "--workers", "2", "--db", str(tmp_path / "w.sqlite")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            assert parent.poll() is None, "the ingest ended before its workers were seen"
            workers = [c for c in _children(parent.pid) if _alive(c)]
            time.sleep(0.1)
        assert len(workers) >= 2, workers
        time.sleep(0.5)  # the workers have loaded and are working
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
    finally:
        for pid in _children(parent.pid):
            os.kill(pid, signal.SIGKILL)
    for pid in survivors:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived the killed ingest"
