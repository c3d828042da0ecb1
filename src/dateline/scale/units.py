"""Work units: what the driver hands to Ray, so reading happens on the workers.

A unit is one spec the ingest sources understand on their own: a single file
(plain text, HTML, JSONL, feed or WARC archive) or a URL. The driver only lists
folders and globs (cheap); the workers open, decompress and split the units with
the same ``iter_sources`` the local engine uses, in the same order.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..ingest.sources import expand_spec, is_url


def work_units(specs: Iterable[str]) -> Iterator[str]:
    """Specs split into single files and URLs, in the order the local engine reads them.

    A spec that matches nothing stays a unit of its own: the worker turns it into
    the same "no such file" error the local engine records.
    """
    for spec in specs:
        if is_url(spec):
            yield spec
            continue
        paths = expand_spec(spec)
        if paths is None:
            yield spec
            continue
        for path in paths:
            yield str(path)
