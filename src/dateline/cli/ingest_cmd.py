"""`dateline ingest`, `events`, `articles`, `errors` and `db upgrade`."""
from __future__ import annotations

import json
import sys
import time
from typing import Annotated, Optional

import typer

from ..errors import InputError
from ..settings import Settings
from .options import DbOption, Engine, EngineOption, date_option, format_option, is_quiet

EventFormat = format_option("table", "csv", "json", "jsonl", "geojson")
ListFormat = format_option("table", "json", "jsonl")


def _engine(db: str | None, **overrides):  # noqa: ANN003, ANN202
    from ..store.db import open_engine

    settings = Settings.load(db_url=db, **overrides)
    return settings, open_engine(settings.db_url)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, feeds, "
                                                 ".jsonl or .warc(.gz) archives.")],
    db: DbOption = None,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Worker processes (default 1; "
                                                   "with --engine ray: every Ray CPU).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Inputs per committed batch.")] = 25,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching private and "
                                                "loopback addresses.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar "
                                        "(`dateline -q` also hides warnings).")] = False,
    engine_name: EngineOption = Engine.local,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to join "
                                                       "(default: start Ray here).")] = None,
    fuse: Annotated[bool, typer.Option("--fuse/--no-fuse", help="Fuse each stored batch into "
                                       "events (--no-fuse: one raw event per mention, for "
                                       "`dateline fuse` later).")] = True,
) -> None:
    """Read, extract, store and fuse articles; running it again adds nothing twice."""
    quiet = quiet or is_quiet()
    if engine_name is Engine.ray:
        from ..scale.command import ingest_on_ray

        ingest_on_ray(sources, db=db, workers=workers, batch_size=batch_size,
                      allow_private=allow_private, quiet=quiet, ray_address=ray_address,
                      fuse=fuse)
        return
    if ray_address:
        raise InputError("--ray-address needs --engine ray")
    workers = workers or 1
    from ..ingest.progress import ProgressReporter
    from ..ingest.runner import run_ingest

    settings, engine = _engine(db, allow_private=allow_private or None)
    reporter = ProgressReporter(sources, quiet=quiet)
    started = time.monotonic()
    with reporter:
        summary = run_ingest(sources, settings=settings, engine=engine, workers=workers,
                             batch_size=batch_size, fuse=fuse, on_progress=reporter.update)
        reporter.update(summary, force=True)
    elapsed = time.monotonic() - started
    for failure in summary.failures[:20]:
        print(f"failed: {failure.reason}", file=sys.stderr)
    if len(summary.failures) > 20:
        print(f"... and {len(summary.failures) - 20} more (see `dateline errors`)", file=sys.stderr)
    print(f"{summary.describe(fused=fuse)} ({elapsed:.1f}s)", file=sys.stderr)


def events(
    db: DbOption = None,
    type_: Annotated[Optional[list[str]], typer.Option("--type", help="Event type.")] = None,
    family: Annotated[Optional[list[str]], typer.Option(help="Event family.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(help="ISO2 country.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Place name (substring).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor name (substring).")] = None,
    since: Annotated[Optional[str], typer.Option(help="From YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Until YYYY-MM-DD.")] = None,
    status: Annotated[Optional[list[str]], typer.Option(help="reported/claimed/...")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence.")] = None,
    fmt: EventFormat = "table",
    limit: Annotated[int, typer.Option(min=1)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    sort: Annotated[str, typer.Option(help="-date, date, fatalities, confidence, -published")] = "-date",
) -> None:
    """List stored events (fused: one per real event, with every source), filtered."""
    from ..store import render
    from ..store.queries import EventFilter, list_events

    filters = EventFilter(types=tuple(type_ or ()), families=tuple(family or ()),
                          countries=tuple(country or ()), statuses=tuple(status or ()),
                          place=place, actor=actor, since=date_option(since, "--since"),
                          until=date_option(until, "--until"), text=text)
    _, engine = _engine(db)
    found, total = list_events(engine, filters, limit=limit, offset=offset, sort=sort)
    if fmt == "json":
        print(json.dumps({"events": found, "total": total}, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        sys.stdout.write(render.jsonl(found))
    elif fmt == "csv":
        sys.stdout.write(render.events_csv(found))
    elif fmt == "geojson":
        print(json.dumps(render.events_geojson(found), ensure_ascii=False))
    else:
        _events_table(found, total)


def _events_table(found: list[dict], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..store.render import flat_event

    table = Table(title=f"{len(found)} of {total} events", show_lines=False)
    for column in ("date", "type", "status", "place", "cc", "killed", "src", "evidence"):
        table.add_column(column, overflow="fold")
    for event in found:
        row = flat_event(event)
        killed = row["fatalities_text"] or ("" if row["fatalities_min"] is None
                                            else str(row["fatalities_min"]))
        table.add_row(row["date_start"] or "", f"{row['type']}/{row['subtype'] or '-'}",
                      row["status"], row["place"] or "", row["country"] or "", killed,
                      str(row["source_count"]), (row["evidence"] or "")[:120])
    Console().print(table)


def articles(
    db: DbOption = None,
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Full-text search.")] = None,
    fmt: ListFormat = "table",
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
) -> None:
    """List stored articles (full-text search with --search)."""
    from ..store.queries import list_articles

    _, engine = _engine(db)
    found, total = list_articles(engine, q=search, limit=limit, offset=offset)
    _print_list(found, total, "articles", fmt,
                ("id", "published", "title", "source", "event_count", "duplicate_of"))


def errors(
    db: DbOption = None,
    fmt: ListFormat = "table",
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """Inputs that failed during ingest, with the reason."""
    from ..store.queries import list_errors

    _, engine = _engine(db)
    found, total = list_errors(engine, limit=limit)
    _print_list(found, total, "errors", fmt, ("kind", "attempts", "reason"))


def _print_list(found: list[dict], total: int, key: str, fmt: str,
                columns: tuple[str, ...]) -> None:
    if fmt == "json":
        print(json.dumps({key: found, "total": total}, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        from ..store.render import jsonl

        sys.stdout.write(jsonl(found))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} of {total} {key}")
    for column in columns:
        table.add_column(column, overflow="fold")
    for item in found:
        table.add_row(*("" if item.get(c) is None else str(item.get(c)) for c in columns))
    Console().print(table)


db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Apply the packaged migrations to the database."""
    from ..store.db import create, upgrade

    settings = Settings.load(db_url=db)
    revision = upgrade(create(settings.db_url))
    print(f"database at revision {revision}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(events)
    app.command()(articles)
    app.command()(errors)
    app.add_typer(db_app, name="db")
