"""Background work on a QThreadPool: core functions run off the GUI thread, results come back as signals.

Contract (the Orange3/calibre pattern): the function is plain Python from core and knows nothing about Qt.
If it declares parameters named ``progress`` and/or ``is_cancelled`` it receives
``progress(done, total, message)`` and ``is_cancelled() -> bool``. A function that meets a closed book
(core.errors.BookClosed: the window closed while it ran) reports ``cancelled``: nobody wants its result. Every signal of a task is emitted from
the worker thread and delivered through a queued connection, so slots run on the GUI thread; workers never
touch widgets.
"""

import functools
import inspect
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.errors import BookClosed

log = logging.getLogger(__name__)


class Task(QObject):
    """One call of a function on the pool. Connect to its signals before calling ``TaskRunner.start``.

    Exactly one of ``succeeded(result)``, ``failed(exception)`` or ``cancelled()`` is emitted, then
    ``finished()``. A task whose ``is_cancelled()`` turned true reports ``cancelled`` even if the function
    returned or raised afterwards.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any):
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()
        parameters = inspect.signature(fn).parameters
        if "progress" in parameters:
            self._kwargs["progress"] = self._report_progress
        if "is_cancelled" in parameters:
            self._kwargs["is_cancelled"] = self.is_cancelled
        self.done = False

    def cancel(self) -> None:
        """Ask the function to stop; it notices the next time it calls ``is_cancelled()``."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report_progress(self, done: int, total: int, message: str = "") -> None:
        self._emit(self.progressed, int(done), int(total), str(message))

    def _emit(self, signal, *args) -> None:
        """Emit, unless the Qt side of this task is already gone (its window closed at shutdown):
        then nobody is listening and the worker just finishes; it is also told to stop."""
        try:
            signal.emit(*args)
        except RuntimeError:
            self._cancel.set()

    def run(self) -> None:
        """Runs on a worker thread."""
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:
            if self.is_cancelled() or isinstance(exc, BookClosed):
                self._emit(self.cancelled)
            else:
                log.warning("background task %s failed", getattr(self._fn, "__qualname__", self._fn), exc_info=exc)
                self._emit(self.failed, exc)
        else:
            if self.is_cancelled():
                self._emit(self.cancelled)
            else:
                self._emit(self.succeeded, result)
        self._emit(self.finished)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish.

    A task nobody listens to for ``failed`` hands its exception to ``sys.excepthook`` (which shows the
    unexpected-error dialog), so no failure goes unseen.
    """

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None, *, threads: int = 0):
        """On ``pool`` (default: the global one), or, given ``threads``, on a pool of its own of that many."""
        super().__init__(parent)
        if threads:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Create a task for ``fn(*args, **kwargs)``, connect the given callbacks and start it."""
        task = self.prepare(fn, *args, on_success=on_success, on_error=on_error, on_progress=on_progress, **kwargs)
        self.start(task)
        return task

    def prepare(self, fn: Callable[..., Any], *args: Any, on_success: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None,
                on_progress: Callable[[int, int, str], None] | None = None, **kwargs: Any) -> Task:
        """The task ``run`` would start, with its callbacks connected, not yet started."""
        task = Task(fn, *args, **kwargs)
        if on_success:
            task.succeeded.connect(on_success)
        if on_progress:
            task.progressed.connect(on_progress)
        task.failed.connect(on_error or report_unhandled)
        return task

    def track(self, task: Task) -> None:
        """Keep task alive (and counted in ``active_count``) until it finishes."""
        self._running.add(task)
        task.finished.connect(lambda: self._on_task_finished(task))

    def start(self, task: Task) -> None:
        self.track(task)
        # A plain callable, not a QRunnable subclass: PySide owns the wrapper it makes, so no Python
        # object is freed by Qt (or by us) while a pool thread still runs it.
        self._pool.start(self._body(task))

    def _body(self, task: Task) -> Callable[[], None]:
        """What a pool thread calls to run task (the hook a subclass changes: BackgroundRunner lowers the thread)."""
        return task.run

    def _on_task_finished(self, task: Task) -> None:
        task.done = True
        self._running.discard(task)

    @property
    def active_count(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used at shutdown and in tests); True if it became idle."""
        return self._pool.waitForDone(msecs)


def wait_all(waits: Iterable[Callable[[int], bool]], msecs: int = -1) -> bool:
    """Call each wait(msecs) in turn, with what is left of one deadline (``msecs`` in all; -1: none); True if every
    one became idle in time."""
    deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
    for wait in waits:
        left = -1 if deadline is None else max(0, round((deadline - time.monotonic()) * 1000))
        if not wait(left):
            return False
    return True


def report_unhandled(exc: BaseException) -> None:
    """An error no code expects (not a HuitoukeError): to the unexpected-error dialog (sys.excepthook, main.py)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


class BackgroundRunner(TaskRunner):
    """A TaskRunner for long jobs on a pool of its own (they never hold the shared pool's threads, which serve the
    reads the seller waits for). ``lowered``, an explicit choice: its threads run at a lowered priority
    (core.background) — for work nobody waits for (the reminder regeneration, the daily backup), so the GUI
    thread and the reads get a core first — or at the normal one — for a job the seller watches or waits for
    (the import with its progress bar, the stages brought to today after the open's check). Two runners, not one
    switched per job: a lowered thread cannot be raised again (Linux lets only a privileged process do that)."""

    def __init__(self, parent: QObject | None = None, threads: int = 2, *, lowered: bool):
        super().__init__(parent=parent, threads=threads)
        self.lowered = lowered

    def _body(self, task: Task) -> Callable[[], None]:
        return functools.partial(_lowered, task) if self.lowered else task.run


def _lowered(task: Task) -> None:
    from core.background import lower_this_thread

    lower_this_thread()
    task.run()
