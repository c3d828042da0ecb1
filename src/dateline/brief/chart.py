"""The brief's chart as plain SVG geometry: events per day as bars, deaths per day as
a line on its own scale (a day of 40 events and 3 deaths must show both)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .model import Day

WIDTH, HEIGHT = 720, 140


@dataclass(frozen=True, slots=True)
class DayBar:
    x: float
    y: float
    width: float
    height: float
    day: str
    events: int
    deaths: int
    death_y: float  # where the deaths line passes over this day


@dataclass(frozen=True, slots=True)
class DayChart:
    bars: tuple[DayBar, ...]
    deaths_line: str  # SVG polyline points
    top_events: int
    top_deaths: int
    width: int = WIDTH
    height: int = HEIGHT


def day_chart(days: Sequence[Day]) -> DayChart:
    if not days:
        return DayChart((), "", 0, 0)
    top_events = max(d.events for d in days) or 1
    top_deaths = max(d.deaths for d in days) or 1
    step = WIDTH / len(days)
    bars = []
    for k, d in enumerate(days):
        h = HEIGHT * d.events / top_events
        bars.append(DayBar(round(k * step + 1, 1), round(HEIGHT - h, 1),
                           round(max(step - 2, 1), 1), round(h, 1), d.day.isoformat(),
                           d.events, d.deaths,
                           round(HEIGHT - (HEIGHT - 6) * d.deaths / top_deaths - 3, 1)))
    line = " ".join(f"{b.x + b.width / 2:.1f},{b.death_y}" for b in bars)
    return DayChart(tuple(bars), line, max(d.events for d in days), max(d.deaths for d in days))
