"""ui/tasks.py: results, errors, progress and cancellation arrive on the GUI thread."""

import os
import sys
import threading

import pytest

from ui.tasks import Task, TaskRunner


def _double(value):
    return value * 2, threading.current_thread().name


def _fail():
    raise ValueError("bad input")


def _count(total, progress, is_cancelled):
    for done in range(1, total + 1):
        progress(done, total, f"step {done}")
    return total


def _until_cancelled(started, is_cancelled):
    started.set()
    while not is_cancelled():
        threading.Event().wait(0.005)
    return "stopped"


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait(5000)


def test_result_is_delivered_on_the_gui_thread(qtbot, runner):
    seen = []
    task = Task(_double, 21)
    task.succeeded.connect(lambda result: seen.append((result, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        runner.start(task)
    (value, worker_name), on_gui_thread = seen[0]
    assert value == 42
    assert worker_name != threading.main_thread().name
    assert on_gui_thread


def test_error_is_delivered_as_the_exception(qtbot, runner):
    task = Task(_fail)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], ValueError)


def test_progress_is_reported_in_order(qtbot, runner):
    steps = []
    task = Task(_count, 3)
    task.progressed.connect(lambda done, total, message: steps.append((done, total, message)))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        runner.start(task)
    assert blocker.args == [3]
    qtbot.waitUntil(lambda: len(steps) == 3)
    assert steps == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_cancel_stops_the_function_and_reports_cancelled(qtbot, runner):
    started = threading.Event()
    task = Task(_until_cancelled, started)
    succeeded = []
    task.succeeded.connect(succeeded.append)
    runner.start(task)
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    qtbot.waitUntil(lambda: task.done)
    assert succeeded == []
    assert runner.active_count == 0


def test_unhandled_failure_goes_to_the_excepthook(qtbot, runner, monkeypatch):
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: hooked.append(exc))
    task = runner.run(_fail)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert len(hooked) == 1 and isinstance(hooked[0], ValueError)


def _read_closed_book():
    from core.errors import BookClosed

    raise BookClosed("book_closed")


def test_a_task_that_meets_a_closed_book_reports_cancelled_not_a_failure(qtbot, runner, monkeypatch):
    """The window closed while a read ran (#21): nobody wants its result, no error dialog."""
    hooked, failed = [], []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: hooked.append(exc))
    task = runner.prepare(_read_closed_book)
    task.failed.connect(failed.append)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        runner.start(task)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert hooked == [] and failed == []


def test_run_connects_callbacks(qtbot, runner):
    results = []
    task = runner.run(_double, 5, on_success=results.append)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert results[0][0] == 10


STRESS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication
from ui.tasks import TaskRunner
app = QCoreApplication([])
seen = []

def work(progress):
    for i in range(30000):
        progress(i, 30000, "")
    return None

runner = TaskRunner()
task = runner.run(work, on_progress=lambda d, t, m: seen.append(d), on_success=lambda r: app.quit())
app.exec()
print("PROGRESS", len(seen))
"""


def test_many_progress_signals_from_a_worker_do_not_crash_the_process():
    """PySide6 6.12.0 aborts after ~20k cross-thread emits (a refcount bug); the pinned Qt must not."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    out = subprocess.run([sys.executable, "-c", STRESS], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "PROGRESS 30000" in out.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_background_jobs_run_at_a_lowered_priority_and_the_shared_pool_and_watched_jobs_do_not(qtbot, runner):
    """The lane's background jobs (regeneration, daily backup) leave the cores to the GUI thread and the reads; the
    jobs the seller watches (the import) keep the normal priority."""
    from core.background import BACKGROUND_NICE
    from ui.tasks import BackgroundRunner

    def nice() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    background, watched = BackgroundRunner(lowered=True), BackgroundRunner(lowered=False)
    try:
        got = []
        for count, each in enumerate((background, runner, watched), 1):
            each.run(nice, on_success=got.append)
            qtbot.waitUntil(lambda count=count: len(got) == count, timeout=5000)
        assert got[0] >= BACKGROUND_NICE and got[1] < BACKGROUND_NICE and got[2] < BACKGROUND_NICE
    finally:
        for each in (background, watched):
            each.cancel_all()
            each.wait(5000)
