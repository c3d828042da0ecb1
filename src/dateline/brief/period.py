"""Which days a brief covers, from --date or --since/--until (CLI and web alike)."""
from __future__ import annotations

from datetime import date, timedelta

from ..errors import InputError


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from exc


def resolve_period(day: date | None, since: date | None, until: date | None, *,
                   latest: date | None, today: date | None = None) -> tuple[date, date]:
    """One day, or since..until; with neither, the latest day with events (else today).
    ``until`` alone covers the week ending then; ``since`` alone runs to the latest day."""
    today = today or date.today()
    if day and (since or until):
        raise InputError("give either a date or a since/until period, not both")
    if day:
        return day, day
    if since and until:
        return since, until
    if until:
        return until - timedelta(days=6), until
    if since:
        return since, max(since, latest or since)
    last = latest or today
    return last, last
