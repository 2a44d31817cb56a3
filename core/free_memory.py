"""Give the memory a big step let go back to the system (issue #18, Build 3: an import's memory stays bounded).

CPython frees a list or a dict of more than 512 bytes to the C library's heap, which keeps it for the next
allocation: between the steps of a huge import (its reading walk, its people, each round of its orders) tens of
megabytes of the step before stay in the process's resident memory, free but held, and the next step's peak sits
on top of them (the 100k demo book's export read back: ≈ 50 MB free in the heap at the end of the reading walk).
``give_back`` asks glibc to return them (``malloc_trim``); elsewhere (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

from core.gc_pause import collect_young

_trim: Callable[[int], int] | None = None
_looked = False


def give_back() -> None:
    """Free the cycles let go while the collector is paused (core.gc_pause.collect_young), then return the C heap's
    free memory to the system where the C library can (glibc); else nothing."""
    global _trim, _looked
    collect_young()
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                _trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
            except (OSError, AttributeError):  # (not glibc: musl has no malloc_trim)
                _trim = None
    if _trim is not None:
        _trim(0)
