"""Option values shared by several commands, parsed one way."""
from __future__ import annotations

from datetime import date

from ..errors import InputError


def date_option(value: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD flag value, or a one-line InputError naming the flag."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{flag} {value!r} is not a date (YYYY-MM-DD)") from exc
