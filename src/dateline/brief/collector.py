"""Python's cyclic garbage collector paused while a brief is built.

A 30-day brief at 1M events holds some 10^5 objects at once (the period's violent
events, their figures and claims, as rows then as counted lines), all alive until
the brief is returned. Each of those allocations counts towards a collection, and
the collections traversed the growing heap again and again: ~30% of the brief's CPU
time (issue 16, measured A/B in one process). Reference counting frees everything
as usual while paused; only reference cycles wait, and a brief makes none. The
collector is switched back on when the last brief being built in the process ends
(web requests build them on several threads), if it was on before the first began.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_building = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _building, _was_enabled
    with _lock:
        if _building == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _building += 1
    try:
        yield
    finally:
        with _lock:
            _building -= 1
            if _building == 0 and _was_enabled:
                gc.enable()
