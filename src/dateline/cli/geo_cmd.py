"""`dateline gazetteer build` and `dateline gazetteer lookup`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from ..settings import Settings

gazetteer_app = typer.Typer(help="The offline GeoNames gazetteer: build it, look names up.",
                            no_args_is_help=True)


@gazetteer_app.command("build")
def build(
    path: Annotated[Optional[Path], typer.Option("--path", help="Where to write it (default: the gazetteer_path setting).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print nothing but errors.")] = False,
) -> None:
    """Build the gazetteer SQLite file from the packaged GeoNames data (offline)."""
    from ..geo.build import build_gazetteer

    target = path or Settings.load().gazetteer_path
    say = None if quiet else (lambda step: print(f"gazetteer: {step}", file=sys.stderr))
    summary = build_gazetteer(target, progress=say)
    if not quiet:
        print(json.dumps({"path": str(target), **summary}))


@gazetteer_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name as written, e.g. 'Kharkiv region'.")],
    cue: Annotated[Optional[str], typer.Option(help="region, district, city or country.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO2 country the text names with the place.")] = None,
    article_countries: Annotated[Optional[str], typer.Option(help="Comma-separated ISO2 codes of the article.")] = None,
    dateline: Annotated[Optional[str], typer.Option(help="The article's dateline place.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="List the top candidates, best first.")] = False,
    path: Annotated[Optional[Path], typer.Option("--path", help="Gazetteer file (default: the setting).")] = None,
) -> None:
    """Resolve one place name and print the Place as JSON (null when unknown)."""
    from ..geo import Gazetteer, GeoContext

    if cue not in (None, "region", "district", "city", "country"):
        raise InputError(f"--cue must be region, district, city or country, not {cue!r}")
    gazetteer = Gazetteer.open(path or Settings.load().gazetteer_path)
    codes = tuple(c.strip().upper() for c in (article_countries or "").split(",") if c.strip())
    context = GeoContext(cue=cue, country_hint=country.upper() if country else None,
                         article_countries=codes, dateline_place=dateline)
    if all_:
        places = gazetteer.lookup(name, context=context, limit=10)
        print(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2))
        return
    place = gazetteer.resolve(name, context=context)
    out = None if place is None else {**place.to_dict(), "relation": place.relation}
    print(json.dumps(out, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
