"""The garbage collector pause around brief building: off inside, restored after,
however briefs nest or overlap on threads, and left off if it was off before."""
from __future__ import annotations

import gc
import threading

from dateline.brief.collector import collector_paused


def test_paused_inside_and_restored_after_nested_and_overlapping_builds():
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_request() -> None:
        with collector_paused():
            seen.append(gc.isenabled())
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other_request)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
        with collector_paused():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other request is still building its brief
    release.set()
    thread.join(5)
    assert seen == [False] and gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
