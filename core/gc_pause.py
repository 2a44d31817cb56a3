"""Pause Python's cyclic garbage collector around bulk work.

A big import holds millions of container objects (the sheet's rows, then the plan's dicts); each full
collection walks all of them, and the allocation-driven collections of a 50,000-row import cost 0.7 s
of its 5 s. Nothing in that work relies on the cycle collector (reference counting frees what it drops), so
the collector is paused for its duration and runs again afterwards. Pauses nest and may come from several
threads: the collector is enabled again when the last one ends, and only if it was enabled before.

Some of that work does make cycles, though: each SQLAlchemy statement (a bound parameter and its clones refer to
each other), holding its values — an IN list of 500 ids. Paused, none was freed before the pause ended: the 100k
demo book's export read back into the book it came from (≈ 5,000 such statements looking its orders and customers
up) held ≈ 1.9 million objects of them, ≈ 170 MB, at the end of its rounds (issue #18, Build 3).
``collect_young`` frees them between the steps of a long pause (core.excel.chunked.Turns, at each commit;
core.free_memory.give_back).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


def collect_young() -> None:
    """While paused: free the cycles let go since the last collection, examining only the objects made since then
    (the two young generations: what is alive goes to the oldest, left for the collections after the pause)."""
    if _depth:
        gc.collect(1)


@contextmanager
def garbage_collector_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector disabled (see the module docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
