"""Which way round a numeric date is read: day first outside the US, else ambiguous.

"05/06/2025" is 5 June in Nairobi and May 6 in Washington. The extractor sets the
convention once per article (from the dateline's country, else the outlet's
country-code domain) with ``date_convention``; ``find_times`` reads it. Where
neither tells, an ambiguous numeric date is kept at lower precision (a span over
both readings), never guessed; "13/05/2025" and "05/13/2025" need no convention.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Countries whose press writes month first (the US and the states in free association
# with it, and the Philippines); everywhere else writes day first.
MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW"})
# Country-code domains that are sold as generic names and say nothing about the outlet.
_GENERIC_TLDS = frozenset({"co", "io", "tv", "me", "fm", "am", "ly", "ai", "cc", "ws", "to", "gg", "eu", "un"})
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:?#]+)", re.I)

DAY_FIRST: ContextVar[bool | None] = ContextVar("dateline_day_first", default=None)


def country_of_url(url: str | None) -> str | None:
    """ISO2 of an outlet's country-code domain ("bbc.co.uk" -> GB), None for .com and the like."""
    match = _HOST.match(url or "")
    if not match:
        return None
    tld = match.group("host").lower().rstrip(".").rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_TLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


def day_first_for(country: str | None, url: str | None = None) -> bool | None:
    """True (day first), False (month first) or None (unknown: ambiguous dates stay coarse)."""
    code = country or country_of_url(url)
    if not code:
        return None
    return code.upper() not in MONTH_FIRST


@contextmanager
def date_convention(day_first: bool | None) -> Iterator[None]:
    """Read numeric dates in this block with the given convention (per article)."""
    token = DAY_FIRST.set(day_first)
    try:
        yield
    finally:
        DAY_FIRST.reset(token)
