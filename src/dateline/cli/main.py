"""The `dateline` command. Each command group lives in its own module of this
package and exposes ``register(app)``; add new modules to COMMAND_MODULES.

Commands print one line on stderr and exit 2 on a DatelineError (no traceback).
"""
from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from ..errors import DatelineError
from .options import configure_logging

# Modules of dateline.cli that add commands (each defines register(app)).
COMMAND_MODULES = [
    "extract_cmd",   # extract, eval, demo
    "explain_cmd",   # explain
    "geo_cmd",       # gazetteer build / lookup
    "ingest_cmd",    # ingest, events, articles, errors, db upgrade
    "serve_cmd",     # serve, user add
    "fuse_cmd",      # fuse
    "tracker_cmd",   # proposals
    "brief_cmd",     # brief
]

app = typer.Typer(help="dateline: news reports of war and diplomacy, made into data.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def _root(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="More log lines on stderr (-vv: debug).")] = 0,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Errors and results only: no warnings, no progress bars.")] = False,
) -> None:
    """Logging is configured here, once, for every command."""
    configure_logging(verbose, quiet)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(app)


_register_all()


def main() -> None:
    try:
        app()
    except DatelineError as exc:
        print(f"dateline: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        sys.exit(130)
