"""`dateline fuse`: fuse the store's new event mentions; `dateline fuse-eval`: score fusion."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..settings import Settings
from .options import DbOption

SimilarityOption = Annotated[str, typer.Option(
    "--similarity", help="Sentence similarity: auto (MiniLM if installed), minilm or lexical.")]


def register(app: typer.Typer) -> None:
    app.command("fuse")(fuse)
    app.command("fuse-eval")(fuse_eval)


def fuse(
    db: DbOption = None,
    similarity: SimilarityOption = "auto",
) -> None:
    """Merge reports of the same event across articles (incremental: existing ids are kept)."""
    from ..fuse.engine import Fuser
    from ..fuse.store_sync import fuse_store
    from ..store.db import open_engine

    settings = Settings.load(db_url=db)
    report = fuse_store(open_engine(settings.db_url), Fuser.from_settings(settings, similarity=similarity))
    typer.echo(json.dumps(report.to_dict()))


def fuse_eval(
    gold_dir: Annotated[Path, typer.Argument(help="Folder with gold.json and its articles.")],
    similarity: SimilarityOption = "auto",
    end_to_end: Annotated[bool, typer.Option(help="Also run the extractor and score its mentions.")] = False,
) -> None:
    """Score fusion on a gold set: pairwise and B-cubed F1 (JSON)."""
    from ..fuse.engine import Fuser
    from ..fuse.evaluate import evaluate_end_to_end, evaluate_gold_mentions

    fuser = Fuser.from_settings(Settings.load(), similarity=similarity)

    def run(records):  # noqa: ANN001, ANN202
        return fuser.fuse(records).event_of()

    out = {"similarity": fuser.model.name,
           "gold_mentions": evaluate_gold_mentions(gold_dir, run).to_dict()}
    if end_to_end:
        from ..extraction.pipeline import Extractor
        from ..ingest.read import read_text

        extractor = Extractor.from_settings(Settings.load())

        def extract(article):  # noqa: ANN001, ANN202
            return extractor.extract_article(read_text(article.text, published=article.published)).events

        scores, matched = evaluate_end_to_end(gold_dir, extract, run)
        out["end_to_end"] = {**scores.to_dict(), "gold_mentions_matched": matched}
    typer.echo(json.dumps(out, indent=1))
