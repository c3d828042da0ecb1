"""`dateline gazetteer lookup`: JSON out; a missing or corrupt file is one line and exit 2."""
import json
import subprocess
import sys
from pathlib import Path

DATELINE = str(Path(sys.executable).with_name("dateline"))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([DATELINE, "gazetteer", *args], capture_output=True, text=True, timeout=60)


def test_lookup_prints_the_place_as_json(gazetteer_path):
    result = _run("lookup", "Donetsk Oblast", "--path", str(gazetteer_path))
    assert result.returncode == 0, result.stderr
    place = json.loads(result.stdout)
    assert (place["geonameid"], place["precision"], place["country"]) == (709716, "region", "UA")


def test_lookup_with_context_options(gazetteer_path):
    result = _run("lookup", "Georgia", "--country", "us", "--cue", "region", "--path", str(gazetteer_path))
    assert json.loads(result.stdout)["geonameid"] == 4197000
    result = _run("lookup", "Washington", "--all", "--path", str(gazetteer_path))
    ranked = json.loads(result.stdout)
    assert ranked[0]["geonameid"] == 4140963 and len(ranked) > 3


def test_lookup_of_an_unknown_place_prints_null(gazetteer_path):
    result = _run("lookup", "Atlantis", "--path", str(gazetteer_path))
    assert (result.returncode, result.stdout.strip()) == (0, "null")


def test_corrupt_gazetteer_is_one_line_naming_the_rebuild_command(tmp_path):
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    result = _run("lookup", "Kyiv", "--path", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "dateline gazetteer build" in lines[0] and str(bad) in lines[0]


def test_missing_gazetteer_is_one_line_naming_the_rebuild_command(tmp_path):
    result = _run("lookup", "Kyiv", "--path", str(tmp_path / "nope.sqlite"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "dateline gazetteer build" in result.stderr


def test_an_empty_sqlite_file_is_refused_too(tmp_path):
    import sqlite3

    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.commit()
    result = _run("lookup", "Kyiv", "--path", str(path))
    assert result.returncode == 2 and "dateline gazetteer build" in result.stderr


def test_bad_cue_is_a_clear_error(gazetteer_path):
    result = _run("lookup", "Kyiv", "--cue", "planet", "--path", str(gazetteer_path))
    assert result.returncode == 2 and "--cue" in result.stderr
