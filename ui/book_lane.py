"""One lane for book work (the Anki model, adapted to SQLite's single writer): the open book's writes from
the window run one at a time on one worker thread, results delivered on the GUI thread.

- ``lane.save(fn, …)`` (and ``lane.run``): the seller's writes — a Today action, a dialog's Save — one at a
  time, in order, on the lane's own thread.
- ``lane.run_job(fn, …, background=…)``: a long job on a pool of its own (ui.tasks.BackgroundRunner), the
  priority chosen where it is started: ``background=True`` at a lowered priority for work nobody waits for (the
  complete reminder regeneration; the daily backup runs on that pool too), ``background=False`` at the normal
  one for a job the seller watches or waits for (the import, the stages brought to today). A job whose
  function declares ``write_turn`` receives ``lane.write_turn`` and runs each of its short transactions
  inside it (core.reminders.generate.regenerate_in_chunks): while a save waits or runs, the job waits;
  while the job's transaction runs, a save waits here (not in SQLite's busy handler, which sleeps in steps
  of up to 100 ms). So a save waits for one chunk at most — without that hand-over SQLite's busy handler
  let it starve while chunk followed chunk (5–7 s measured on the 100k book) — and the job's long reading
  phase, which takes no write lock, never delays a save at all.
  A job whose function declares ``in_turn`` (the reminder regeneration) receives ``lane.in_turn`` instead and
  hands each write transaction to it: the transaction then runs on the lane's own thread, in line with the
  saves, at the normal priority — inside a write turn of the lowered job thread, a busy machine's other
  programs left the transaction so little of a core that a save waited 120–290 ms for it (docs/PERFORMANCE.md).
"""

import contextlib
import functools
import inspect
import threading
from collections.abc import Callable, Iterator
from typing import Any

from ui.tasks import BackgroundRunner, Task, TaskRunner, wait_all

SAVE_PASS_TIMEOUT_S = 30  # the longest one side waits for the other (a stuck save cannot stop a job, nor back)


class BookLane(TaskRunner):
    """The serial writer of one open book; see the module docstring. ``jobs`` runs the background jobs (at a
    lowered priority), ``watched_jobs`` those the seller watches or waits for (at the normal one)."""

    def __init__(self, parent=None):
        super().__init__(parent=parent, threads=1)
        self.jobs = BackgroundRunner(parent=self, lowered=True)
        self.watched_jobs = BackgroundRunner(parent=self, lowered=False)
        self._idle = threading.Condition()
        self._saves = 0  # waiting or running
        self._turns = 0  # jobs inside one of their write transactions

    def save(self, fn: Callable[..., Any], *args: Any, on_success: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Task:
        """Run the seller's write fn(*args, **kwargs) on the lane; callbacks on the GUI thread."""
        return self.run(fn, *args, on_success=on_success, on_error=on_error, **kwargs)

    def start(self, task: Task) -> None:
        with self._idle:
            self._saves += 1
        super().start(task)

    def _body(self, task: Task) -> Callable[[], None]:
        return functools.partial(self._run_save, task)

    def _run_save(self, task: Task) -> None:
        with self._idle:  # let the job's transaction running end (a wait here, not in SQLite's busy handler)
            self._idle.wait_for(lambda: self._turns == 0, SAVE_PASS_TIMEOUT_S)
        try:
            task.run()
        finally:
            with self._idle:
                self._saves -= 1
                self._idle.notify_all()

    def run_job(self, fn: Callable[..., Any], *args: Any, background: bool, **kwargs: Any) -> Task:
        """Run a long job, handing it ``in_turn`` or ``write_turn`` if it takes one; ``background``: at a lowered
        priority (work nobody waits for) or not (a job the seller watches or waits for)."""
        parameters = inspect.signature(fn).parameters
        if "in_turn" in parameters:
            kwargs["in_turn"] = self.in_turn
        elif "write_turn" in parameters:
            kwargs["write_turn"] = self.write_turn
        return (self.jobs if background else self.watched_jobs).run(fn, *args, **kwargs)

    def in_turn(self, fn: Callable[[], Any]) -> Any:
        """Run a job's write transaction fn() on the lane's own thread, after the saves already waiting (saves
        that come meanwhile wait for it); the job's thread waits for it and gets its result or its exception.
        Should the lane not start it within SAVE_PASS_TIMEOUT_S (stopped, or a stuck save), the job runs it
        itself."""
        state = {"started": False}
        lock, done, box = threading.Lock(), threading.Event(), {}

        def run() -> None:
            with lock:
                if state["started"]:  # taken back by the job
                    return
                state["started"] = True
            try:
                box["result"] = fn()
            except BaseException as exc:  # raised again on the job's thread
                box["error"] = exc
            finally:
                done.set()

        self._pool.start(run)
        if not done.wait(SAVE_PASS_TIMEOUT_S):
            with lock:
                mine = not state["started"]
                state["started"] = True
            if mine:
                return fn()
            done.wait()
        if "error" in box:
            raise box["error"]
        return box["result"]

    @contextlib.contextmanager
    def write_turn(self) -> Iterator[None]:
        """Around each write transaction of a job: it starts when no save waits or runs; saves that come
        meanwhile wait for it to end."""
        with self._idle:
            self._idle.wait_for(lambda: self._saves == 0, SAVE_PASS_TIMEOUT_S)
            self._turns += 1
        try:
            yield
        finally:
            with self._idle:
                self._turns -= 1
                self._idle.notify_all()

    @property
    def busy(self) -> bool:
        """Whether a save or a job is still running (or its result not yet delivered)."""
        return bool(self.active_count or self.jobs.active_count or self.watched_jobs.active_count)

    def cancel_all(self) -> None:
        super().cancel_all()
        self.jobs.cancel_all()
        self.watched_jobs.cancel_all()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the jobs and the saves are done, ``msecs`` in all (-1: no limit); True if they are."""
        return wait_all((self.jobs.wait, self.watched_jobs.wait, super().wait), msecs)
