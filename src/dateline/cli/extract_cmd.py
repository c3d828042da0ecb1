"""`dateline extract`, `dateline eval` and `dateline demo`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import Settings
from .options import date_option, format_option


def read_for_extraction(path: str, published: str | None):
    """The article at PATH (or standard input) and the extractor, as `extract` and `explain` read them."""
    from ..extraction.pipeline import Extractor
    from ..ingest.read import read_path

    settings = Settings.load()
    article = read_path(path, published=date_option(published, "--published"), max_bytes=settings.max_input_bytes)
    return article, Extractor.from_settings(settings)  # warns (stderr) when it falls back to sm


def extract(
    path: Annotated[str, typer.Argument(help="A plain-text or HTML article; '-' reads standard input.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    format: format_option("json", "table") = "json",
) -> None:
    """Extract the events of one article and print them (JSON: shared/contract/extract.md)."""
    article, extractor = read_for_extraction(path, published)
    result = extractor.extract_article(article)
    if format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from .render import print_events_table

        print_events_table(result)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of NAME.txt + NAME.gold.json files.")],
    scorer: Annotated[Optional[Path], typer.Option(help="score.py to use (default: ../shared/eval/score.py, else the built-in one).")] = None,
    verbose: Annotated[bool, typer.Option(help="List misses, extras and wrong slots.")] = False,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the summary here.")] = None,
) -> None:
    """Run extract over a gold folder and print the scorer's figures."""
    from ..evaluation import evaluate_dir

    summary = evaluate_dir(gold_dir, scorer=scorer, verbose=verbose)
    text = json.dumps(summary, indent=2)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")
    print(text)
    ev = summary["events"]
    print(f"events P {ev['precision']} R {ev['recall']} F1 {ev['f1']} "
          f"slot accuracy {summary['slot_accuracy']} quantities {summary['quantity_accuracy']}")


def demo(
    serve: Annotated[bool, typer.Option(help="Then ingest the examples and serve the web app.")] = False,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Extract the bundled example articles, print a summary table, optionally serve them."""
    from .render import run_demo

    run_demo(serve=serve, host=host, port=port)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("eval")(evaluate)
    app.command("demo")(demo)
