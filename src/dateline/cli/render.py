"""Readable tables (rich) for `dateline extract --format table` and `dateline demo`."""
from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..models import Extraction, Quantity

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _q(q: Quantity | None) -> str:
    return q.text if q else ""


def events_table(result: Extraction) -> Table:
    table = Table(title=result.article.title, show_lines=False, expand=True)
    for column in ("id", "type", "status", "date", "place", "who", "source", "counts", "evidence"):
        table.add_column(column, overflow="fold")
    for e in result.events:
        place = ""
        if e.location:
            place = e.location.name or e.location.text
            if e.location.country:
                place += f" ({e.location.country})"
        counts = ", ".join(x for x in (
            *(q.text for q in e.weapons.values()),
            f"dead {_q(e.fatalities)}" if e.fatalities else "",
            f"hurt {_q(e.injured)}" if e.injured else "") if x)
        date = e.date.start.isoformat() if e.date and e.date.start else (e.date.text if e.date else "")
        table.add_row(e.id, e.type + (f"/{e.subtype}" if e.subtype else ""), e.status, date, place,
                      ", ".join(a.name for a in e.actors), e.claimed_by or "", counts,
                      e.evidence.sentence[:90] + ("…" if len(e.evidence.sentence) > 90 else ""))
    return table


def print_events_table(result: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(events_table(result))


def run_demo(*, serve: bool = False, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Extract the bundled example articles, print their events, then optionally serve them."""
    from ..extraction.pipeline import Extractor
    from ..ingest.read import read_path

    console = Console()
    files = sorted(EXAMPLES.glob("*.txt"))
    if not files:
        console.print(f"[red]no example articles in {EXAMPLES}[/red]")
        sys.exit(2)
    with console.status("loading the language model and the gazetteer…"):
        extractor = Extractor.from_settings()
    total = 0
    for path in files:
        result = extractor.extract_article(read_path(path))
        total += len(result.events)
        print_events_table(result, console)
    console.print(f"[bold]{len(files)} example articles, {total} events[/bold] "
                  f"(`dateline extract FILE` prints the full JSON)")
    if serve:
        from ..web.demo import run

        run(host, port)
