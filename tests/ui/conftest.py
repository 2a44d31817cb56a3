"""Fixtures for ui tests: isolated QSettings per test."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool


@pytest.fixture(autouse=True)
def _background_work_ends_with_the_test(qapp):
    """No worker may outlive its test: wait for the pool, deliver its last signals, collect."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()
    # Collect this test's garbage now (Qt wrappers die here, not in a later test), then move the survivors
    # out of the collector's sight: the next test's collection scans only what that test made. Collecting
    # the whole heap after every test was most of the UI suite's time.
    gc.collect()
    gc.freeze()


@pytest.fixture
def settings(tmp_path, qapp):
    """A QSettings stored in an ini file under tmp_path, never the user's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def wait_until_idle(qtbot, tasks, model=None):
    """Wait for the background queries of tasks (a TaskRunner) and, given a model, for its visible rows."""
    qtbot.waitUntil(lambda: tasks.active_count == 0, timeout=10_000)
    if model is not None:
        for row in range(min(model.rowCount(), 50)):
            model.index(row, 0).data()
        qtbot.waitUntil(lambda: tasks.active_count == 0, timeout=10_000)


@pytest.fixture
def launcher(qtbot, settings, monkeypatch):
    """A Launcher opening books on the calling thread; what it would tell the seller is kept in `.told`."""
    from ui.launcher import Launcher

    told = []
    launcher = Launcher(settings, None, open_in_background=False)
    monkeypatch.setattr(launcher, "_tell", lambda parent, message: told.append(message))
    launcher.told = told
    yield launcher
    launcher.shutdown()
    if launcher.welcome is not None:
        launcher.welcome.close()
