"""The options several commands share, declared once, and how their values are parsed.

A command takes ``db: DbOption = None`` or ``engine: EngineOption = Engine.local``
and gets the same flag, help and type as every other command; ``--format`` is
``format_option("table", "json")`` with the formats that command
prints. Logging is set up once, by the root callback (``-v`` / ``-q``).
"""
from __future__ import annotations

import logging
import sys
from datetime import date
from enum import Enum
from typing import Annotated, Any, Optional

import typer

from ..errors import InputError

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Database URL or SQLite path (default: DATELINE_DB or the user data dir).")]


class Engine(str, Enum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="local (processes on this machine) or ray (needs the ray extra).")]


def format_option(*formats: str) -> Any:  # noqa: ANN401 - an Annotated type
    """The ``--format`` option of a command that prints ``formats``: one flag, one help
    text, choices checked by the parser. Compare the value as a string (``fmt == "json"``)."""
    choices = Enum("Format", {name: name for name in formats}, type=str)  # type: ignore[misc]
    return Annotated[choices, typer.Option("--format", help=f"Output format: {', '.join(formats)}.")]


def date_option(value: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD flag value, or a one-line InputError naming the flag."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{flag} {value!r} is not a date (YYYY-MM-DD)") from exc


# -- logging -------------------------------------------------------------------------
class _Formatter(logging.Formatter):
    """'dateline: warning: ...' -- the shape of the CLI's own error lines."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == "py.warnings":  # "path:line: UserWarning: text" -> "text"
            message = message.split("Warning: ", 1)[-1].strip().splitlines()[0]
        elif record.levelno < logging.WARNING:
            message = f"{record.name}: {message}"
        text = f"dateline: {record.levelname.lower()}: {message}"
        if record.exc_info and record.levelno < logging.WARNING:
            text += "\n" + self.formatException(record.exc_info)
        return text


def configure_logging(verbose: int = 0, quiet: bool = False) -> int:
    """Warnings on stderr by default, INFO with -v, DEBUG with -vv, errors only with -q.

    Python warnings (``warnings.warn``, e.g. "using the smaller spaCy model") go
    through the same handler, so they are shown or hidden with the rest, never
    silenced by one command and not another. Returns the level set.
    """
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(
        verbose, logging.DEBUG)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_dateline", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._dateline = True  # type: ignore[attr-defined]
    handler.setFormatter(_Formatter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return level


def is_quiet() -> bool:
    """True after ``dateline -q``: progress bars and notes stay off too."""
    return logging.getLogger().level >= logging.ERROR
