"""Time expressions against an anchor date (no model needed)."""
from datetime import date

from dateline.temporal import best_time, find_times

ANCHOR = date(2025, 11, 25)  # a Tuesday


def test_weekday_on_or_before_anchor():
    assert best_time("officials confirmed on Tuesday", ANCHOR).start == ANCHOR
    assert best_time("the strike on Sunday", ANCHOR).start == date(2025, 11, 23)


def test_overnight_and_predawn_are_the_anchor_day():
    for phrase in ("overnight", "in a pre-dawn attack", "this morning"):
        span = best_time(f"Drones hit the city {phrase}", ANCHOR)
        assert span.start == span.end == ANCHOR


def test_range_from_night_into_day():
    span = best_time("from Friday night into Saturday", ANCHOR)
    assert (span.start, span.end) == (date(2025, 11, 21), date(2025, 11, 22))


def test_future_is_low_precision_without_a_day():
    span = best_time("he may travel in the coming days", ANCHOR)
    assert span.start is None and span.precision == "week"


def test_month_and_explicit_dates():
    assert best_time("at the earliest date in November", ANCHOR).start == date(2025, 11, 1)
    assert best_time("on March 3, 2025", ANCHOR).start == date(2025, 3, 3)


def test_the_verb_may_is_not_a_month():
    assert find_times("Russia may strike again", ANCHOR) == []
    assert find_times("officials said they may meet 3 delegations", ANCHOR) == []


def test_without_anchor_relative_dates_stay_unresolved():
    span = best_time("on Tuesday", None)
    assert span.start is None and span.text == "on Tuesday"
