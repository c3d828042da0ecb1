"""`dateline explain`: for each event, the rules and steps that made it; for each sentence
without an event, why (see dateline/extraction/explain.py)."""
from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from .extract_cmd import read_for_extraction
from .options import format_option


def explain(
    path: Annotated[str, typer.Argument(help="A plain-text or HTML article; '-' reads standard input.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    format: format_option("text", "json") = "text",
) -> None:
    """Why each event was extracted (rule ids, steps) and why each other sentence gave none."""
    article, extractor = read_for_extraction(path, published)
    explanation = extractor.explain_article(article)
    if format == "json":
        sys.stdout.write(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(explanation.to_text())


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
