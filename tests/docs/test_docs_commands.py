"""Docs checked by tests (after datasette/sqlite-utils): every command of `dateline`
is documented in the README or docs/, and every doc the README links to exists."""
from __future__ import annotations

import re
from pathlib import Path

import typer.main

from dateline.cli.main import app

REPO = Path(__file__).resolve().parents[2]


def _docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))])


def test_every_command_is_documented():
    command = typer.main.get_command(app)
    text = _docs_text()
    for name in command.commands:
        assert f"dateline {name}" in text, f"`dateline {name}` is not in the README or docs/"


def test_readme_links_point_to_files():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|examples)/[^)#]+)\)", readme):
        assert (REPO / target).is_file(), target
