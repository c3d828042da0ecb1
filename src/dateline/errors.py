"""The exception tree. Every error dateline raises on purpose is a DatelineError,
so the CLI can print one line and exit 2 without a traceback.

    DatelineError
    ├── InputError            bad input: missing, empty, binary, too large, undecodable
    │   └── FetchError        a URL could not be fetched (HTTP error, refused address, timeout)
    ├── GazetteerError        the gazetteer file is missing or corrupt (names the rebuild command)
    ├── StoreError            the database cannot be opened or migrated
    └── ConfigError           a setting is invalid, or an optional extra is not installed
"""
from __future__ import annotations


class DatelineError(Exception):
    """Base of every deliberate dateline error; its message is one line for the user."""


class InputError(DatelineError):
    pass


class FetchError(InputError):
    pass


class GazetteerError(DatelineError):
    pass


class StoreError(DatelineError):
    pass


class ConfigError(DatelineError):
    pass
