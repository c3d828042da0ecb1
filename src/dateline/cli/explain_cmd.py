"""`dateline explain`: for each event, the rules and steps that made it; for each sentence
without an event, why (see dateline/extraction/explain.py)."""
from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from ..settings import Settings
from .options import date_option, format_option


def explain(
    path: Annotated[str, typer.Argument(help="A plain-text or HTML article; '-' reads standard input.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    format: format_option("text", "json") = "text",
) -> None:
    """Why each event was extracted (rule ids, steps) and why each other sentence gave none."""
    from ..extraction.pipeline import Extractor
    from ..ingest.read import read_path

    settings = Settings.load()
    article = read_path(path, published=date_option(published, "--published"), max_bytes=settings.max_input_bytes)
    explanation = Extractor.from_settings(settings).explain_article(article)
    if format == "json":
        sys.stdout.write(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explanation.to_text())


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
