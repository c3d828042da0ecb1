"""The timeline chart: events per period stacked by family, people killed as a line
on its own axis, over the data's whole range (or the filter's), as plain SVG shapes.
Each period is a link to the events of that period.

Periods are days up to ``DAILY_MAX`` days, then weeks (Monday first), then months,
so a three-year archive is still a chart of readable bars.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, select

from ..store import schema as s
from ..store.queries import EventFilter, event_conditions

# Plot area and margins (left: event counts, right: killed, bottom: dates).
WIDTH, HEIGHT = 720, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 48, 14, 40
DAILY_MAX, WEEKLY_MAX, MIN_DAYS = 120, 3 * 366, 14


@dataclass(frozen=True, slots=True)
class Segment:
    y: float
    height: float
    family: str
    count: int


@dataclass(frozen=True, slots=True)
class Period:
    """One bar: a day, a week or a month; ``href`` lists its events."""

    start: str
    end: str
    label: str
    x: float
    width: float
    events: int
    killed: int
    href: str
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    periods: list[Period]
    grain: str  # "day" | "week" | "month"
    top_events: int
    top_killed: int
    event_ticks: list[Tick]
    killed_ticks: list[Tick]
    date_ticks: list[Tick]
    killed_line: str  # SVG points of the killed line
    first: str
    last: str
    total_events: int
    total_killed: int
    width: int = WIDTH + LEFT + RIGHT
    height: int = HEIGHT + TOP + BOTTOM
    plot: tuple[int, int, int, int] = (LEFT, TOP, WIDTH, HEIGHT)


def daily_totals(engine: Engine, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events and people killed (lower bounds) by start day and family."""
    e = s.events
    query = (select(e.c.date_start, e.c.family, func.count().label("n"),
                    func.coalesce(func.sum(e.c.fatalities_min), 0).label("killed"))
             .where(e.c.date_start.is_not(None))
             .group_by(e.c.date_start, e.c.family))
    if conds := event_conditions(filters):
        query = query.where(and_(*conds))
    with engine.connect() as conn:
        return [{"day": r.date_start.isoformat(), "family": r.family, "count": r.n,
                 "killed": int(r.killed or 0)} for r in conn.execute(query)]


def date_range(engine: Engine) -> tuple[date | None, date | None]:
    """The first and last event start days (two index lookups, even at a million)."""
    e = s.events
    with engine.connect() as conn:
        first = conn.scalar(select(func.min(e.c.date_start)))
        last = conn.scalar(select(func.max(e.c.date_start)))
    return first, last


def _period_start(day: date, grain: str) -> date:
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day


def _next(start: date, grain: str) -> date:
    if grain == "week":
        return start + timedelta(days=7)
    if grain == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=1)


def _nice_top(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5 x 10^n)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def _ticks(top: int) -> list[Tick]:
    """0, half and the top of an axis (no repeats when the top is 1)."""
    values = sorted({0, top // 2, top})
    return [Tick(round(TOP + HEIGHT - HEIGHT * v / top, 1), str(v)) for v in values]


def _label(start: date, grain: str) -> str:
    if grain == "month":
        return start.strftime("%b %Y")
    return start.isoformat()


def build_chart(rows: list[dict[str, Any]], *, since: date | None = None,
                until: date | None = None, link: str = "/events") -> Chart | None:
    """The chart over [since or the first day, until or the last day]."""
    days = [date.fromisoformat(r["day"]) for r in rows if r["day"]]
    if not days:
        return None
    first, last = since or min(days), until or max(days)
    if (last - first).days + 1 < MIN_DAYS:  # a single busy day among its neighbours
        first = last - timedelta(days=MIN_DAYS - 1)
    span = (last - first).days + 1
    grain = "day" if span <= DAILY_MAX else "week" if span <= WEEKLY_MAX else "month"
    starts, cursor = [], _period_start(first, grain)
    while cursor <= last:
        starts.append(cursor)
        cursor = _next(cursor, grain)
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    killed: dict[date, int] = defaultdict(int)
    for r in rows:
        day = date.fromisoformat(r["day"]) if r["day"] else None
        if day is None or not first <= day <= last:
            continue
        key = _period_start(day, grain)
        counts[key][r["family"]] += r["count"]
        killed[key] += r.get("killed") or 0
    top_events = _nice_top(max((sum(c.values()) for c in counts.values()), default=1) or 1)
    top_killed = _nice_top(max(killed.values(), default=0) or 1)
    step = WIDTH / len(starts)
    periods, line = [], []
    for i, start in enumerate(starts):
        end = min(_next(start, grain) - timedelta(days=1), last)
        x = LEFT + i * step
        y, segments = float(TOP + HEIGHT), []
        for family, n in sorted(counts.get(start, {}).items()):
            h = HEIGHT * n / top_events
            y -= h
            segments.append(Segment(round(y, 1), round(h, 1), family, n))
        n_events, n_killed = sum(counts.get(start, {}).values()), killed.get(start, 0)
        label = _label(start, grain) if grain != "week" else f"week of {start.isoformat()}"
        periods.append(Period(start.isoformat(), end.isoformat(), label, round(x + 0.5, 1),
                              round(max(step - 1, 0.6), 1), n_events, n_killed,
                              f"{link}?since={start.isoformat()}&until={end.isoformat()}",
                              segments))
        line.append(f"{x + step / 2:.1f},{TOP + HEIGHT - HEIGHT * n_killed / top_killed:.1f}")
    date_ticks = [Tick(round(LEFT + i * step + step / 2, 1), _label(starts[i], grain))
                  for i in sorted({round(j * (len(starts) - 1) / 4) for j in range(5)})]
    return Chart(periods, grain, top_events, top_killed, _ticks(top_events), _ticks(top_killed),
                 date_ticks, " ".join(line), first.isoformat(), last.isoformat(),
                 sum(p.events for p in periods), sum(p.killed for p in periods))
