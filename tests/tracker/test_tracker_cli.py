"""`dateline proposals` on files: JSON shape, and a bad file reported without losing the rest."""
import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "articles"


def test_proposals_json_from_files_keeps_going_after_a_bad_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    run = subprocess.run([str(Path(sys.executable).parent / "dateline"), "proposals", "--text-only",
                          "--format", "json", str(DATA / "sudan_01.txt"), str(empty)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("\n") == 1 and "empty" in run.stderr
    data = json.loads(run.stdout)
    (proposal,) = data["proposals"]
    assert proposal["sponsor"] == "Saudi Arabia & United States"
    positions = {(s["party"], s["target"], s["position"]) for s in proposal["stances"]}
    assert ("Sudanese army", "proposal", "rejects") in positions
    assert {"id", "topic", "text", "figures"} <= set(proposal["provisions"][0])
