"""`dateline brief`: the situation brief of a day or period, as Markdown, HTML or JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import Settings
from .options import DbOption, format_option

FORMATS = ("md", "html", "json")


def register(app: typer.Typer) -> None:
    app.command("brief")(brief)


def brief(
    day: Annotated[Optional[str], typer.Option("--date", help="The day (YYYY-MM-DD); default: the latest day with events.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day of a period.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day of a period.")] = None,
    country: Annotated[Optional[list[str]], typer.Option("--country", help="ISO2 country (repeatable).")] = None,
    fmt: format_option(*FORMATS) = "md",
    base_url: Annotated[str, typer.Option("--base-url", help="Prefix of event links, e.g. http://127.0.0.1:8000.")] = "",
    per_section: Annotated[int, typer.Option("--per-section", help="Lines shown per section (totals count every event).")] = 40,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    db: DbOption = None,
) -> None:
    """What happened in a day or period: totals counted once, sections, every line sourced."""
    from ..brief import BriefRequest, build_brief
    from ..brief.period import parse_day, resolve_period
    from ..store import brief_reads
    from ..store.db import open_engine

    fmt = getattr(fmt, "value", fmt)   # the parser gives the choice as an Enum member
    engine = open_engine(Settings.load(db_url=db).db_url)
    start, end = resolve_period(parse_day(day, "--date"), parse_day(since, "--since"),
                                parse_day(until, "--until"), latest=brief_reads.latest_day(engine))
    result = build_brief(engine, BriefRequest(start, end, tuple(country or ()), per_section))
    if fmt == "json":
        from ..brief.render import to_json
        text = to_json(result) + "\n"
    elif fmt == "html":
        from ..brief.html import standalone
        text = standalone(result, base_url=base_url)
    else:
        from ..brief.render import to_markdown
        text = to_markdown(result, base_url=base_url)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)
