"""The dashboard's timeline: stacked bars by day and family, as plain SVG shapes."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WIDTH, HEIGHT, MAX_DAYS, MIN_DAYS = 720, 160, 60, 14


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    family: str
    day: str
    count: int


def timeline_bars(rows: list[dict[str, Any]]) -> tuple[list[Bar], list[str], int]:
    """Bars for the last MAX_DAYS dated days; returns bars, the days shown and the top count."""
    by_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        if row["day"]:
            by_day[row["day"]][row["family"]] += row["count"]
    if not by_day:
        return [], [], 0
    # A continuous run of days (empty ones too) ending at the last dated event, so a
    # single busy day is one bar among its neighbours, not the whole chart.
    last = date.fromisoformat(max(by_day))
    first = max(date.fromisoformat(min(by_day)), last - timedelta(days=MAX_DAYS - 1))
    first = min(first, last - timedelta(days=MIN_DAYS - 1))
    days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    top = max(sum(by_day[d].values()) for d in days if d in by_day)
    step = WIDTH / len(days)
    bars: list[Bar] = []
    for i, day in enumerate(days):
        y = float(HEIGHT)
        for family, count in sorted(by_day.get(day, {}).items()):
            h = HEIGHT * count / top
            y -= h
            bars.append(Bar(round(i * step + 1, 1), round(y, 1), round(max(step - 2, 1), 1),
                            round(h, 1), family, day, count))
    return bars, days, top
