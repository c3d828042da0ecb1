"""Date forms beyond "on Tuesday" / "March 3": numeric and ISO dates, ages, "ago",
offsets from another date. Used by ``temporal.find_times``.

* numeric  "13/05/2025", "05/13/2025", "21.02.24", "2024/02/21": parsed by the
  field library (dateparser) with the article's convention (convention.py); a
  reading that only the convention could settle, and none is known, becomes a
  span over both readings at month precision rather than a guess;
* iso      "2019-08-01", "2019-08-01T14:30:00Z": the date as written (the clock
  time and zone are not moved across midnight: the writer's day is the day);
* age      "a 5-day-old ceasefire", "the two-week-old truce", "in its third day":
  the thing began that long before the anchor, so the span dates its start;
* ago      "three days ago", "a week ago", "a fortnight ago", "a few days ago" (a
  span, coarser), "the past 24 hours"; "tomorrow", "two weeks from now";
* offset   "a week before March 10", "two days after last Friday", "the day
  before the vote on March 3": another date expression shifted (``shift_offsets``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..models import TimeSpan
from .convention import DAY_FIRST

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_N = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)"
_ORD = r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_UNIT = r"(?:day|week|month|year|fortnight)"
# Things whose age dates their start (a person's or a building's age dates nothing)
_AGED = (r"(?:ceasefire|cease-fire|truce|war|conflict|fighting|offensive|siege|blockade|strike|protests?|"
         r"uprising|deal|agreement|accord|pact|government|campaign|operation|standoff|crisis|occupation|"
         r"invasion|insurgency|rebellion|lockdown|curfew|shutdown|movement|talks|pause|moratorium|ban|"
         r"state of emergency|emergency)\b")
UNIT_PRECISION = {"day": "day", "week": "week", "fortnight": "week", "month": "month", "year": "year"}

NEWS_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])")),
    ("numeric", re.compile(r"(?<![\d/.-])(?:(?P<y1>\d{4})(?P<s1>[/.])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
                           r"|(?P<a>\d{1,2})(?P<s2>[/.-])(?P<b>\d{1,2})(?P=s2)(?P<y2>\d{4}|\d{2}))(?![\d/-]|\.\d)")),
    # only the age of a truce, a war or a siege: "a 24-year-old protester" is a person
    ("age", re.compile(rf"\b(?P<n>{_N})[- ](?P<unit>{_UNIT})s?[- ]old\s+(?:[\w-]+\s+)?{_AGED}"
                       rf"|\b(?:entered|entering|enters|in|into)\s+its\s+(?P<ord>{_ORD})\s+(?P<unit2>day|week)\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>{_UNIT})s?\s+ago\b", re.I)),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("past_hours", re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<h>24|48|72)\s+hours\b", re.I)),
    ("few_ago", re.compile(rf"\b(?P<q>a\s+couple\s+of|a\s+few|several|few)\s+(?P<unit>{_UNIT})s\s+ago\b", re.I)),
    ("from_now", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>{_UNIT})s?\s+from\s+(?:now|today)\b", re.I)),
    ("tomorrow", re.compile(r"\b(?:the day after )?tomorrow\b", re.I)),
    ("weekend", re.compile(r"\b(?P<which>last|this past|this|over the|at the|during the)\s+weekend\b", re.I)),
]
# "a week before" / "two days after" / "the day before" right in front of another date
OFFSET = re.compile(rf"(?:\b(?P<n>{_N})\s+(?P<unit>{_UNIT})s?|\bthe\s+(?P<unit1>day|week|month))\s+"
                    r"(?P<dir>before|after|prior\s+to|earlier\s+than|later\s+than)\s+(?:the\s+\w+\s+(?:on|of)\s+)?$", re.I)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def _months_back(anchor: date, months: int) -> date:
    year, month = divmod(anchor.year * 12 + anchor.month - 1 - months, 12)
    return date(year, month + 1, 1)


def _month_span(first: date, text: str) -> TimeSpan:
    last = (first.replace(day=28) + timedelta(days=4))
    return TimeSpan(first, last - timedelta(days=last.day), text, "month")


def back(anchor: date, n: int, unit: str, text: str) -> TimeSpan:
    """The span ``n`` units before the anchor, at the unit's precision."""
    unit = unit.lower()
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit == "day":
        d = anchor - timedelta(days=n)
        return TimeSpan(d, d, text, "day")
    if unit == "week":
        d = anchor - timedelta(days=7 * n)
        return TimeSpan(d - timedelta(days=3), d + timedelta(days=3), text, "week")
    if unit == "month":
        return _month_span(_months_back(anchor, n), text)
    return TimeSpan(date(anchor.year - n, 1, 1), date(anchor.year - n, 12, 31), text, "year")


@lru_cache(maxsize=4096)
def _parse(text: str, order: str) -> date | None:
    """The field library's reading of an absolute numeric date in one order (None if invalid)."""
    import dateparser  # imported on first use: most sentences carry no numeric date

    parsed = dateparser.parse(text, languages=["en"], settings={
        "DATE_ORDER": order, "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _numeric(m: re.Match[str]) -> TimeSpan | None:
    text = m.group(0)
    if m["y1"]:
        d = _parse(text, "YMD")
        return TimeSpan(d, d, text, "day") if d else None
    a, b = int(m["a"]), int(m["b"])
    if m["s2"] == "-" and len(m["y2"]) == 2:
        return None  # "10-12-25" is more often a score or a range than a date
    day_first = _parse(text, "DMY") if 1 <= b <= 12 else None
    month_first = _parse(text, "MDY") if 1 <= a <= 12 else None
    if day_first and month_first and day_first != month_first:
        convention = DAY_FIRST.get()
        if convention is None:  # 05/06/2025 with no convention known: both readings, coarse
            low, high = sorted((day_first, month_first))
            return TimeSpan(low, high, text, "month")
        chosen = day_first if convention else month_first
    else:
        chosen = day_first or month_first
    return TimeSpan(chosen, chosen, text, "day") if chosen else None


def resolve_news(kind: str, m: re.Match[str], anchor: date | None) -> TimeSpan | None:
    text = m.group(0)
    if kind == "iso":
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return TimeSpan(d, d, text, "day")
    if kind == "numeric":
        return _numeric(m)
    if kind in ("age", "ago"):
        n = _count(m["n"] or m.groupdict().get("ord") or "")
        unit = (m["unit"] or m.groupdict().get("unit2") or "day").lower()
        if n is None or n > 400:
            return None
        if m.groupdict().get("ord"):
            n -= 1  # "in its third day": it began two days before
        if anchor is None:
            return TimeSpan(None, None, text, UNIT_PRECISION[unit])
        return back(anchor, n, unit, text)
    if kind == "past_hours":  # "the past 24 hours": the day before and the anchor day
        d = anchor - timedelta(days=int(m["h"]) // 24) if anchor else None
        return TimeSpan(d, anchor, text, "day")
    if kind == "few_ago":
        unit = m["unit"].lower()
        if anchor is None:
            return TimeSpan(None, None, text, UNIT_PRECISION[unit])
        if m["q"].lower().endswith("couple of"):
            return back(anchor, 2, unit, text)
        # "a few days ago": two to five days back, no single day
        low, high = back(anchor, 5, unit, text), back(anchor, 2, unit, text)
        coarser = {"day": "week", "week": "month", "fortnight": "month", "month": "year", "year": "year"}[unit]
        return TimeSpan(low.start, high.end, text, coarser)
    if kind == "from_now":
        n = _count(m["n"])
        if n is None or anchor is None:
            return TimeSpan(None, None, text, "day")
        moved = shift(TimeSpan(anchor, anchor, text, "day"), n, m["unit"], 1, text)
        return moved
    if kind == "day_before_yesterday":
        d = anchor - timedelta(days=2) if anchor else None
        return TimeSpan(d, d, text, "day")
    if kind == "tomorrow":
        d = anchor + timedelta(days=2 if text.lower().startswith("the day after") else 1) if anchor else None
        return TimeSpan(d, d, text, "day")
    if kind == "weekend":
        if anchor is None:
            return TimeSpan(None, None, text, "day")
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if m["which"].lower() == "last" and anchor.weekday() in (5, 6):
            saturday -= timedelta(days=7)
        return TimeSpan(saturday, saturday + timedelta(days=1), text, "day")
    return None


def shift(span: TimeSpan, n: int, unit: str, sign: int, text: str) -> TimeSpan | None:
    """``span`` moved by n units (sign -1 for "before"), keeping its precision."""
    if span.start is None:
        return TimeSpan(None, None, text, span.precision)
    unit = unit.lower()
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit in ("day", "week"):
        delta = timedelta(days=n * (7 if unit == "week" else 1)) * sign
        return TimeSpan(span.start + delta, (span.end or span.start) + delta, text, span.precision)
    if unit == "month":
        first = _months_back(span.start, -sign * n)
        try:
            d = first.replace(day=span.start.day)
        except ValueError:
            return _month_span(first, text)
        return TimeSpan(d, d, text, span.precision) if span.precision == "day" else _month_span(first, text)
    return None


def offset_before(sentence: str, start: int) -> tuple[int, int, str, int] | None:
    """(prefix start, n, unit, sign) when "a week before" / "two days after" ends at ``start``."""
    m = OFFSET.search(sentence[max(0, start - 60):start])
    if not m:
        return None
    n = _count(m["n"]) if m["n"] else 1
    if n is None:
        return None
    sign = 1 if m["dir"].lower().startswith(("after", "later")) else -1
    return max(0, start - 60) + m.start(), n, (m["unit"] or m["unit1"]), sign
