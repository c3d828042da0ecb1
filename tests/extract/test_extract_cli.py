"""`dateline extract` from the outside: JSON on stdout, one-line errors with exit 2."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("dateline")
ARTICLE = "Shelling Hits Border Town\n\nArtillery shelling killed two civilians in Kupiansk on Monday, the regional governor said.\n"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([str(BIN), *map(str, args)], input=stdin, capture_output=True, timeout=300)


@pytest.mark.slow
def test_extract_prints_the_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run("extract", path, "--published", "2025-11-25")
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["schema"] == "dateline.extract/1"
    assert out["article"]["title"] == "Shelling Hits Border Town"
    attack = next(e for e in out["events"] if e["type"] == "attack")
    assert attack["fatalities"]["min"] == 2 and attack["location"]["country"] == "UA"
    assert attack["date"]["start"] == "2025-11-24"


@pytest.mark.slow
def test_extract_reads_stdin():
    proc = run("extract", "-", "--published", "2025-11-25", stdin=ARTICLE.encode())
    assert proc.returncode == 0 and json.loads(proc.stdout)["events"]


def _assert_one_line_error(proc):
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode().strip()
    assert err and "\n" not in err and "Traceback" not in err, err


def test_missing_file():
    _assert_one_line_error(run("extract", "/nonexistent/article.txt"))


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    _assert_one_line_error(run("extract", tmp_path / "e.txt"))


def test_binary_file(tmp_path):
    (tmp_path / "b.bin").write_bytes(os.urandom(4096) + b"\x00" * 100)
    _assert_one_line_error(run("extract", tmp_path / "b.bin"))


def test_html_without_article(tmp_path):
    (tmp_path / "p.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    _assert_one_line_error(run("extract", tmp_path / "p.html"))


def test_huge_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # a sparse 100 MB file: above the documented 20 MB limit
        fh.truncate(100 * 1024 * 1024)
    proc = run("extract", big)
    _assert_one_line_error(proc)
    assert b"limit" in proc.stderr


def test_bad_published_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    _assert_one_line_error(run("extract", tmp_path / "a.txt", "--published", "yesterday"))


@pytest.mark.slow
def test_latin1_article_is_extracted(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Frappe sur Kharkiv\n\nMissiles hit a power plant in Kharkiv on Sunday, "
                      "the mayor said, calling it a d\u00e9lib\u00e9r\u00e9 attack.\n").encode("latin-1"))
    proc = run("extract", path, "--published", "2025-11-25")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "délibéré" in proc.stdout.decode()
