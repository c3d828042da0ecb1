"""`dateline proposals`: peace proposals, their versions, provisions and stances."""
from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from ..errors import DatelineError
from ..settings import Settings
from .options import DbOption, format_option


def proposals(
    files: Annotated[Optional[list[str]], typer.Argument(help="Articles to read directly "
                                                         "(no store needed).")] = None,
    db: DbOption = None,
    format: format_option("table", "json") = "table",
    text_only: Annotated[bool, typer.Option("--text-only", help="Skip the spaCy extractor: "
                                            "parties come from the text alone (fast).")] = False,
) -> None:
    """Track peace proposals: who supports, opposes or demands which provision."""
    from .. import tracker

    settings = Settings.load(db_url=db)
    if files:
        extractions = _read_files(files, settings, text_only=text_only)
    else:
        from ..store.db import open_engine
        from ..tracker.storage import stored_articles

        extractions = stored_articles(open_engine(settings.db_url))
    found = tracker.build(extractions)
    if format == "json":
        json.dump(tracker.to_dict(found), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    _print_table(found)


def _read_files(files: list[str], settings: Settings, *, text_only: bool):  # noqa: ANN202
    from ..ingest.read import read_path
    from ..models import Extraction

    extractor = None
    if not text_only:
        from ..extraction.pipeline import Extractor

        extractor = Extractor.from_settings(settings)
    out = []
    for name in files:
        try:
            article = read_path(name)
            out.append((name, extractor.extract_article(article) if extractor else Extraction(article, ())))
        except DatelineError as exc:  # one bad file loses nothing else
            print(f"dateline: error: {exc}", file=sys.stderr)
    return out


def _print_table(found) -> None:  # noqa: ANN001
    from rich.console import Console
    from rich.table import Table

    from .. import tracker

    console = Console()
    if not found:
        console.print("no proposals found")
    for proposal in found:
        console.print(f"[bold]{proposal.name}[/bold]  ({proposal.id})")
        versions = ", ".join(f"{v.label}" + (f" {v.points} points" if v.points else "") for v in proposal.versions)
        if versions:
            console.print(f"  versions: {versions}")
        grid = tracker.matrix(proposal)
        table = Table("party", *[t.rsplit("/", 1)[-1] for t in grid["targets"]])
        for party in grid["parties"]:
            cells = grid["cells"]
            table.add_row(party, *[cells[(party, t)].position if (party, t) in cells else ""
                                   for t in grid["targets"]])
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command("proposals")(proposals)
