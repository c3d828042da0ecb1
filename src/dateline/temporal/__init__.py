"""Time expressions in a sentence -> TimeSpan, resolved against an anchor date.

The anchor is the publication date, else the dateline's date; without one,
relative expressions stay unresolved (start/end None) but keep their words.

Resolution rules (a cascade: the first expression found in the sentence wins,
explicit dates before relative ones):
1. explicit dates: "March 3", "3 March 2025", "Nov. 25", "2025-11-25";
2. ranges: "from Friday night into Saturday" -> Friday..Saturday;
3. weekdays: "on Tuesday" -> that weekday on or before the anchor;
4. anchor-day words: overnight, pre-dawn, this morning, today, tonight, last night;
   "yesterday" -> anchor - 1; "that night", "the same day" -> the day the article told
   before (left unresolved here, filled with the news day by ``extract.assemble``);
5. coarse: "last week" (week), "earlier this month" / "in November" (month),
   "in 2023" (year), "in the coming days" / "next week" (future, low precision, no start).
News forms (temporal/news.py): numeric dates read with the article's convention
(temporal/convention.py: day first outside the US, else ambiguous and coarse), ISO
timestamps, ages ("a 5-day-old ceasefire" dates its start), "three days ago", "the
day before yesterday", "last weekend", and offsets from another date ("a week before
March 10", "a week before last Friday").
The verb "may" is never read as a month: May counts only as "May 3", "3 May",
"in May", "early/late/mid May" or "May 2025".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import TimeSpan
from .convention import date_convention, day_first_for
from .news import NEWS_PATTERNS, offset_before, resolve_news, shift

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_DAY2 = r"(?:\s*[-–]\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"
_NEWS = dict(NEWS_PATTERNS)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _NEWS["iso"]),
    ("numeric", _NEWS["numeric"]),
    ("month_day", re.compile(rf"\b(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_DAY2}\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_DAY2}\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)),
    ("range", re.compile(rf"\bfrom\s+(?P<a>{_WD})(?:\s+(?:night|evening|morning))?\s+(?:into|to|until|through)\s+(?P<b>{_WD})\b", re.I)),
    ("ago", _NEWS["ago"]),
    ("day_before_yesterday", _NEWS["day_before_yesterday"]),
    ("past_hours", _NEWS["past_hours"]),
    ("few_ago", _NEWS["few_ago"]),
    ("from_now", _NEWS["from_now"]),
    ("tomorrow", _NEWS["tomorrow"]),
    ("weekend", _NEWS["weekend"]),
    ("weekday", re.compile(rf"\b(?:(?:the\s+)?(?:early|small|first)\s+hours\s+of\s+)?(?:(?P<pre>on|last|early|late|since|by|next|this\s+coming|coming)\s+)?(?P<wd>{_WD})(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    ("anchor_day", re.compile(r"\b(overnight|pre-dawn|predawn|this morning|earlier today|today|tonight|last night|this evening|this afternoon|early hours)\b", re.I)),
    ("same_day", re.compile(r"\b(that|the same) (night|day|morning|evening|afternoon)\b", re.I)),
    # "a wave the night before": the night before the report ("the night before the vote" is an offset)
    ("yesterday", re.compile(r"\b(yesterday|the previous (?:day|night|evening)|a day earlier|"
                             r"the (?:night|evening) before(?!\s+(?:last|the|this|\w+day\b|(?-i:[A-Z0-9]))))\b", re.I)),
    # an age dates the start of what it qualifies; any other time in the sentence dates the event
    ("age", _NEWS["age"]),
    ("last_week", re.compile(r"\b(last week|earlier this week|this week|past week)\b", re.I)),
    ("this_month", re.compile(r"\b(earlier this month|this month|last month)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:(?:in|since|during|by|until|end of|beginning of)\s+(?:(?:early|late|mid)(?:-|\s+))?"
                            rf"|(?:early|late|mid)(?:-|\s+))(?P<mon>{_MON})(?:\s+(?P<year>\d{{4}}))?\b", re.I)),
    ("month_year", re.compile(rf"\b(?P<mon>{_MON})\s+(?P<year>\d{{4}})\b", re.I)),
    ("this_year", re.compile(r"\b(earlier this year|last year|(?<!later )this year|in recent years|years ago|months ago)\b", re.I)),
    ("in_year", re.compile(r"\b(?:in|during|throughout|by|until|early|late|mid-?)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-/–]\s*\d)", re.I)),
    ("future", re.compile(r"\b((?:in|over|within|during) the (?:coming|next|following) (?:few )?(?:days|weeks|months)|"
                          r"the coming (?:days|weeks|months)|next (?:week|month|year)|later this (?:week|month|year)|"
                          r"in the near future|soon)\b", re.I)),
]
RANK = {kind: i for i, (kind, _) in enumerate(PATTERNS)}


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    span: TimeSpan
    kind: str


def _month_number(token: str) -> int | None:
    token = token.lower().rstrip(".")
    for i, name in enumerate(MONTHS, start=1):
        if name.startswith(token[:3]) and (len(token) >= 3):
            return i
    return None


def _guess_year(month: int, day: int, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    year = anchor.year
    # A date far after the anchor is last year's ("Dec. 30" in a January article).
    try:
        if date(year, month, day) - anchor > timedelta(days=60):
            year -= 1
    except ValueError:
        return None
    return year


def _weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _day(d: date | None, text: str) -> TimeSpan:
    return TimeSpan(d, d, text, "day")


def resolve(kind: str, m: re.Match[str], anchor: date | None) -> TimeSpan | None:
    text = m.group(0)
    if kind in _NEWS:
        return resolve_news(kind, m, anchor)
    if kind in ("month_day", "day_month"):
        mon, day = _month_number(m["mon"]), int(m["day"])
        if mon is None or not 1 <= day <= 31:
            return None
        if mon == 5 and kind == "month_day" and m["mon"][0] == "m":
            return None  # lower-case "may 3" is a verb before a number, not a date
        year = int(m["year"]) if m["year"] else _guess_year(mon, day, anchor)
        if year is None:
            return TimeSpan(None, None, text, "day")
        try:
            first = date(year, mon, day)
            day2 = int(m["day2"]) if m["day2"] else None
            if day2 and day < day2 <= 31:  # "March 3-4": both days
                return TimeSpan(first, first.replace(day=day2), text, "day")
            return _day(first, text)
        except ValueError:
            return None
    if kind == "range":
        if anchor is None:
            return TimeSpan(None, None, text, "day")
        a = _weekday_on_or_before(anchor, WEEKDAYS.index(m["a"].lower()))
        b = _weekday_on_or_before(anchor, WEEKDAYS.index(m["b"].lower()))
        if b < a:
            a -= timedelta(days=7)
        return TimeSpan(a, b, text, "day")
    if kind == "weekday":
        if not m["wd"][0].isupper():
            return None
        if anchor is None:
            return TimeSpan(None, None, text, "day")
        target = WEEKDAYS.index(m["wd"].lower())
        d = _weekday_on_or_before(anchor, target)
        pre = " ".join((m["pre"] or "").lower().split())
        if pre == "last" and d == anchor:
            d -= timedelta(days=7)
        elif pre in ("next", "coming", "this coming"):  # "next Tuesday": the first one after the anchor
            d = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
        if text.lower().endswith("night"):
            # "Monday night" runs into Tuesday: either day is the night's date
            return TimeSpan(d, d + timedelta(days=1), text, "day")
        return _day(d, text)
    if kind == "anchor_day":
        return _day(anchor, text)
    if kind == "same_day":
        return TimeSpan(None, None, text, "day")  # the day told before: resolved by the article (news day)
    if kind == "yesterday":
        return _day(anchor - timedelta(days=1) if anchor else None, text)
    if kind == "last_week":
        if anchor is None:
            return TimeSpan(None, None, text, "week")
        if "last" in text.lower() or "past" in text.lower():
            return TimeSpan(anchor - timedelta(days=anchor.weekday() + 7),
                            anchor - timedelta(days=anchor.weekday() + 1), text, "week")
        return TimeSpan(anchor - timedelta(days=anchor.weekday()), anchor, text, "week")
    if kind == "this_month":
        if anchor is None:
            return TimeSpan(None, None, text, "month")
        if text.lower().startswith("last"):
            first = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
            return TimeSpan(first, anchor.replace(day=1) - timedelta(days=1), text, "month")
        return TimeSpan(anchor.replace(day=1), anchor, text, "month")
    if kind in ("in_month", "month_year"):
        mon = _month_number(m["mon"])
        if mon is None:
            return None
        if mon == 5 and m["mon"][0] == "m":
            return None
        year = int(m["year"]) if m["year"] else (_guess_year(mon, 1, anchor) if anchor else None)
        if year is None:
            return TimeSpan(None, None, text, "month")
        first = date(year, mon, 1)
        last = (first.replace(day=28) + timedelta(days=4))
        last = last - timedelta(days=last.day)
        return TimeSpan(first, last, text, "month")
    if kind == "this_year":
        if anchor is None:
            return TimeSpan(None, None, text, "year")
        low = text.lower()
        if low.startswith("last year"):
            return TimeSpan(date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), text, "year")
        if "ago" in low or "recent years" in low:
            return TimeSpan(None, anchor, text, "year")
        return TimeSpan(date(anchor.year, 1, 1), anchor, text, "year")
    if kind == "in_year":
        year = int(m["year"])
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), text, "year")
    if kind == "future":
        return TimeSpan(None, None, text, "week")
    return None


def find_times(sentence: str, anchor: date | None) -> list[TimeMention]:
    """Every time expression in a sentence, in text order, overlapping ones dropped."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = resolve(kind, m, anchor)
            if span is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeMention(m.start(), m.end(), span, kind))
    return sorted(_with_offsets(sentence, found), key=lambda t: t.start)


def _with_offsets(sentence: str, found: list[TimeMention]) -> list[TimeMention]:
    """"a week before March 10": the date moved by the offset written in front of it."""
    out = []
    for t in found:
        offset = offset_before(sentence, t.start)
        if offset is not None and not any(o is not t and offset[0] < o.end <= t.start for o in found):
            start, n, unit, sign = offset
            moved = shift(t.span, n, unit, sign, sentence[start:t.end])
            if moved is not None:
                t = TimeMention(start, t.end, moved, t.kind)
        out.append(t)
    return out


def best_time(sentence: str, anchor: date | None) -> TimeSpan | None:
    """The most specific time expression of a sentence (explicit beats relative)."""
    times = find_times(sentence, anchor)
    if not times:
        return None
    dated = [t for t in times if t.span.start is not None] or times
    return min(dated, key=lambda t: RANK[t.kind]).span


EXPLICIT_KINDS = frozenset({"iso", "numeric", "month_day", "day_month"})


def explicit_day(mentions: list[TimeMention], anchor: date | None) -> TimeSpan | None:
    """The last date written out in full among ``mentions`` ("On 21 February 2024"), at day
    precision and not after the anchor: it dates the undated events told after it."""
    found = None
    for t in mentions:
        span = t.span
        if t.kind in EXPLICIT_KINDS and span.precision == "day" and span.start is not None \
                and (anchor is None or span.start <= anchor):
            found = span
    return found


__all__ = ["TimeMention", "best_time", "date_convention", "day_first_for", "explicit_day", "find_times",
           "resolve"]
