"""The one vocabulary of long work in core (DESIGN.md "Data flow").

A long job takes `progress(done, total, message)` and `is_cancelled()`, both optional and both Qt-free
(ui/tasks.py passes ones that post to the GUI thread). `message` is a short English phase word for logs
(the UI shows its own translated phase names). A cancelled job raises `core.errors.Cancelled` (or a
subclass with its own code) and leaves the book as it was: the job's transaction is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]


def no_progress(_done: int, _total: int, _message: str) -> None:
    """The progress callback of a caller that does not watch."""
    return None


def never_cancelled() -> bool:
    """The cancel check of a caller that cannot cancel."""
    return False
