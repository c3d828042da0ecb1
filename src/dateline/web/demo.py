"""`make demo`'s web part: gazetteer, example articles, then the server.

``run(host, port)`` builds the gazetteer when it is missing, ingests the
articles in ``examples/`` (written for the demo) into the demo database, and
serves the app until interrupted.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..settings import Settings

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def prepare(settings: Settings, examples: Path = EXAMPLES, *, gazetteer: bool = True) -> int:
    """Build what the demo needs; returns how many example articles were ingested."""
    from ..geo.build import build_gazetteer  # noqa: PLC0415 - heavy, only when needed
    from ..ingest.runner import run_ingest
    from ..store.db import open_engine

    if gazetteer and not settings.gazetteer_path.is_file():
        print(f"building the gazetteer at {settings.gazetteer_path} ...", file=sys.stderr)
        build_gazetteer(settings.gazetteer_path)
    engine = open_engine(settings.db_url)
    files = sorted(p for p in examples.glob("*") if p.suffix in (".txt", ".html", ".jsonl"))
    if not files:
        print(f"no example articles in {examples}", file=sys.stderr)
        return 0
    summary = run_ingest([str(p) for p in files], settings=settings, engine=engine)
    print(f"examples: ingested {summary.ingested}, already there {summary.duplicates}, "
          f"failed {summary.failed}, events {summary.events}", file=sys.stderr)
    return summary.ingested


def run(host: str = "127.0.0.1", port: int = 8000, *, settings: Settings | None = None) -> None:
    import uvicorn

    from .app import create_app

    settings = settings or Settings.load()
    prepare(settings)
    app = create_app(settings)
    print(f"dateline demo: open http://{host}:{port}/  (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
