"""The calling thread's scheduling priority lowered for background work (the book's checks, the reminder
regeneration, the daily backup), so that on a busy 2-core machine the GUI thread gets a core first
(docs/PERFORMANCE.md, launch: stalls of the GUI thread with none of its own work in them).

Only for threads that do nothing but background work: a lowered thread is not raised again (Linux lets only a
privileged process do that), and on Linux a thread it starts inherits its priority.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

BACKGROUND_NICE = 10  # Linux: a nice-10 thread gets about a tenth of the core a nice-0 thread wants


def lower_this_thread() -> None:
    """Best effort (Linux: the thread's nice value; Windows: below normal; elsewhere nothing)."""
    with contextlib.suppress(Exception):
        if sys.platform.startswith("linux"):
            tid = threading.get_native_id()
            if os.getpriority(os.PRIO_PROCESS, tid) < BACKGROUND_NICE:
                os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICE)  # this thread only (Linux)
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # THREAD_PRIORITY_BELOW_NORMAL
