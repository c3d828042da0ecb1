"""Date arithmetic of the map's counts table: a date window as whole years, months
and dekads (days 1-10, 11-20, 21-end), which ``event_map_counts`` holds, and the
edge days it does not, which are read from ``events`` (store/map_points.py)."""
from __future__ import annotations

from datetime import date, timedelta

Span = tuple[date, date]  # first and last day, both included


def cover(lo: date, hi: date) -> tuple[list[Span], list[Span], list[Span], list[Span]]:
    """[lo, hi] as period starts of whole years, of whole months, of whole dekads,
    and edge days.

    Periods are spans of their first days (as stored in ``period``); at most one
    span of years, two of months (before and after it), two of dekads, and the
    days of the partial dekads at each end (at most 10 a side).
    """
    years, months, days = _cover_months(lo, hi)
    dekads, edge = [], []
    for span in days:
        whole, rest = _dekads(*span)
        dekads += whole
        edge += rest
    return years, months, dekads, edge


def _cover_months(lo: date, hi: date) -> tuple[list[Span], list[Span], list[Span]]:
    if lo > hi:
        return [], [], []
    first_year = lo if (lo.month, lo.day) == (1, 1) else _year_after(lo)
    end_year = hi.year if (hi.month, hi.day) == (12, 31) else hi.year - 1
    if first_year is not None and first_year.year <= end_year:
        lead_m, lead_d = _months(lo, first_year - timedelta(days=1)) if lo < first_year \
            else ([], [])
        tail_m, tail_d = _months(date(end_year + 1, 1, 1), hi) if end_year < date.max.year \
            else ([], [])
        return [(first_year, date(end_year, 1, 1))], lead_m + tail_m, lead_d + tail_d
    months, days = _months(lo, hi)
    return [], months, days


def _months(lo: date, hi: date) -> tuple[list[Span], list[Span]]:
    if lo > hi:
        return [], []
    first = lo if lo.day == 1 else _month_after(lo)
    after_hi = _month_after(hi)  # the 1st of the month after hi's
    last = hi.replace(day=1) if after_hi is None or after_hi - timedelta(days=1) == hi \
        else _month_before(hi.replace(day=1))
    if first is None or last is None or first > last:
        return [], [(lo, hi)]
    days = []
    if lo < first:
        days.append((lo, first - timedelta(days=1)))
    end_of_last = _month_after(last)
    if end_of_last is not None and end_of_last <= hi:
        days.append((end_of_last, hi))
    return [(first, last)], days


def _dekads(lo: date, hi: date) -> tuple[list[Span], list[Span]]:
    """[lo, hi] as one span of whole dekads' starts and the days around it."""
    first = lo if lo.day in (1, 11, 21) else _dekad_after(lo)
    after_hi = _dekad_after(hi)
    last = _dekad_of(hi) if after_hi is None or after_hi - timedelta(days=1) == hi \
        else _dekad_before(_dekad_of(hi))
    if first is None or last is None or first > last:
        return [], [(lo, hi)]
    days = []
    if lo < first:
        days.append((lo, first - timedelta(days=1)))
    end_of_last = _dekad_after(last)
    if end_of_last is not None and end_of_last <= hi:
        days.append((end_of_last, hi))
    return [(first, last)], days


def _dekad_of(d: date) -> date:
    """The first day of ``d``'s dekad: the 1st, 11th or 21st."""
    return d.replace(day=1 if d.day <= 10 else 11 if d.day <= 20 else 21)


def _dekad_after(d: date) -> date | None:
    start = _dekad_of(d)
    return start.replace(day=start.day + 10) if start.day < 21 else _month_after(start)


def _dekad_before(start: date) -> date | None:
    if start.day > 1:
        return start.replace(day=start.day - 10)
    return None if start == date.min else _dekad_of(start - timedelta(days=1))


def _starts(grain: str, first: date, last: date) -> list[date]:
    """The period starts from ``first`` to ``last`` (at most 61 of them)."""
    starts: list[date] = []
    step = {"y": _year_after, "m": _month_after, "d": _dekad_after}[grain]
    day: date | None = first
    while day is not None and day <= last and len(starts) <= 60:
        starts.append(day)
        day = step(day)
    return starts


def _year_after(d: date) -> date | None:
    return date(d.year + 1, 1, 1) if d.year < date.max.year else None


def _month_after(d: date) -> date | None:
    if d.month < 12:
        return date(d.year, d.month + 1, 1)
    return date(d.year + 1, 1, 1) if d.year < date.max.year else None


def _month_before(d: date) -> date | None:
    if d.month > 1:
        return date(d.year, d.month - 1, 1)
    return date(d.year - 1, 12, 1) if d.year > date.min.year else None
