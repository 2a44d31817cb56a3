"""core.background: a background thread's priority lowered, and only that thread's."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from core.background import BACKGROUND_NICE, lower_this_thread


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_only_the_calling_thread_is_lowered():
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = []

    def work() -> None:
        lower_this_thread()
        lower_this_thread()  # twice: still the same, never an error
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [max(before, BACKGROUND_NICE)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
