"""Fast tests: work units, the missing-Ray error, a cluster refusing SQLite."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scale_helpers import build_corpus

from dateline.errors import ConfigError
from dateline.ingest.sources import iter_sources
from dateline.models import ArticleError
from dateline.scale.units import work_units

REPO = Path(__file__).resolve().parents[2]


def test_units_read_in_order_give_the_local_documents(tmp_path):
    corpus = build_corpus(tmp_path / "c")
    (tmp_path / "feed.jsonl").write_text('{"text": "Headline\\n\\nBody text here."}\n')
    specs = [str(corpus), str(tmp_path / "missing.txt"), str(tmp_path / "*.jsonl"),
             "https://example.org/a"]
    units = list(work_units(specs))
    assert units[:len(list(corpus.iterdir()))] == sorted(str(p) for p in corpus.iterdir())
    assert units[-3:] == [str(tmp_path / "missing.txt"), str(tmp_path / "feed.jsonl"),
                          "https://example.org/a"]
    local = [d for d in iter_sources(specs[:3], fetcher=None, max_bytes=10**6)]
    per_unit = [d for u in units[:-1] for d in iter_sources([u], fetcher=None, max_bytes=10**6)]
    assert per_unit == local
    assert isinstance(per_unit[-2], ArticleError) and per_unit[-2].kind == "missing"


def test_without_ray_the_cli_exits_2_with_how_to_install(tmp_path):
    # sys.modules["ray"] = None makes every `import ray` fail, as on a machine without it.
    code = ("import sys; sys.modules['ray'] = None\n"
            "from dateline.cli.main import main\n"
            f"sys.argv = ['dateline', 'ingest', {str(tmp_path)!r}, '--engine', 'ray',"
            f" '--db', {str(tmp_path / 'x.sqlite')!r}]\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "DATELINE_HOME": str(tmp_path)},
                          timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dateline: error: --engine ray needs Ray")
    assert "pip install 'dateline[ray]'" in lines[0]
    assert not (tmp_path / "x.sqlite").exists()


def test_local_engine_refuses_a_ray_address(tmp_path, monkeypatch, capsys):
    from dateline.cli.main import main

    monkeypatch.setattr(sys, "argv", ["dateline", "ingest", str(tmp_path), "--ray-address",
                                      "auto", "--db", str(tmp_path / "x.sqlite")])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip() == "dateline: error: --ray-address needs --engine ray"


def test_a_cluster_run_refuses_sqlite(tmp_path):
    pytest.importorskip("ray")
    from dateline.scale.runner import run_ingest_ray
    from dateline.settings import Settings
    from dateline.store import db

    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    with pytest.raises(ConfigError, match="needs a PostgreSQL store"):
        run_ingest_ray([str(tmp_path)], settings=Settings.load(db_url=url),
                       engine=db.open_engine(url), ray_address="ray://head:10001")


def test_the_actor_skips_stored_inputs_and_passes_errors_through(tmp_path, monkeypatch):
    """ExtractActor in this process (no Ray): what a batch call returns, in order."""
    pytest.importorskip("pyarrow")
    from dateline.ingest import dedup
    from dateline.ingest.runner import run_ingest
    from dateline.ingest.sources import RawDocument
    from dateline.scale.worker import ExtractActor, decode, encode, items_table
    from dateline.settings import Settings
    from dateline.store import db

    monkeypatch.syspath_prepend(str(REPO / "tests" / "ingest"))
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    settings = Settings.load(db_url=url, extractor="rule_extractor:RuleExtractor")
    stored = tmp_path / "stored.txt"
    stored.write_text("Kharkiv shelled\n\nRussian forces shelled Kharkiv overnight.\n")
    run_ingest([str(stored)], settings=settings, engine=db.open_engine(url))
    fresh = RawDocument(name="fresh.txt", text="Odesa struck\n\nMissiles struck Odesa at dawn.\n",
                        content_type="text/plain")
    again = RawDocument(name="again.txt", data=stored.read_bytes())
    missing = ArticleError("gone.txt", "gone.txt: no such file", "missing")
    actor = ExtractActor(settings)
    out = [decode(b) for b in actor(items_table([encode(x) for x in (fresh, again, missing)]))
           .column("item").to_pylist()]
    assert [o.kind for o in out] == ["done", "stored", "error"]
    assert out[0].raw_hash == dedup.raw_hash(fresh.payload)
    assert out[0].result.extraction.events[0].type == "attack"
    assert out[1].raw_hash == dedup.raw_hash(stored.read_bytes()) and out[1].result is None
    assert out[2].result == missing


def test_nothing_outside_scale_imports_ray():
    import ast

    package = REPO / "src" / "dateline"
    offenders = []
    for path in package.rglob("*.py"):
        if path.is_relative_to(package / "scale"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            if any(n == "ray" or n.startswith("ray.") for n in names):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
