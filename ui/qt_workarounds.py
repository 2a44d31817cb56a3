"""Work-arounds for bugs of the pinned Qt binding, applied once when the ui package is imported.

PySide6 6.12.0 on Python 3.11: every ``SignalInstance.emit()`` called from Python returns ``True``
without taking a reference to it, so each emit lowers the reference count of ``True`` by one. A fresh
interpreter holds only ~600 references to ``True``; after that many emits the process aborts with
"Fatal Python error: bool_dealloc" (measured: 2,000 emits in a loop, or the ui test suite). Python
3.12 made ``True``/``False`` immortal, which hides the bug there. We do the same by hand: their
reference counts are raised by 2**40 so they can never reach zero. tests/ui/test_qt_workarounds.py
shows the crash without this (on 6.12.0) and its absence with it; main pins 6.11.3, which lacks the bug,
so this is a guard for anyone still on 6.12.0 and can go once that pin is installed everywhere.
"""

import ctypes
import sys

_IMMORTAL = 1 << 40


def immortalise_booleans() -> None:
    """Make True and False effectively immortal on Pythons where they are not (before 3.12)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False):
        if sys.getrefcount(value) < _IMMORTAL:
            ctypes.c_ssize_t.from_address(id(value)).value += _IMMORTAL
