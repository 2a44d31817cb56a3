"""Issue #21: closing the window while a chunked import runs on the book lane. The import hears the close's cancel
between two of its transactions and undoes what it committed (or, when the book closed first, leaves a running batch
that the next open undoes); nothing reaches sys.excepthook and the file is sound."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from sqlalchemy import func, select

from core.book import guard
from core.book.db import Book
from core.book.models import Customer, ImportBatch, Order
from core.excel import chunked
from core.excel.batches import recover_unfinished_imports
from tests.core.excel.files import taobao_rows, write_csv
from tests.ui.test_launch_jobs import FIXED
from ui.dialogs.import_dialog import ImportDialog
from ui.launcher import Launcher

pytestmark = pytest.mark.sqlite_only

ROWS = 3000
CHUNK_S = 0.2  # each transaction of the import takes this long: the import runs far beyond the close wait


def _counts(path) -> tuple[int, int, list[str]]:
    with Book.open(path, daily_backup=False) as book, book.session() as s:
        return (s.scalar(select(func.count()).select_from(Customer)), s.scalar(select(func.count()).select_from(Order)),
                list(s.scalars(select(ImportBatch.status))))


@pytest.mark.parametrize("close_at", [3, 15])  # chunks committed: the rows; the reminders (of 17 in all)
def test_closing_the_window_mid_import_stops_and_undoes_it(qtbot, settings, tmp_path, monkeypatch, close_at):
    path = tmp_path / "shop.book"
    Book.open(path, create=True).close()
    sheet = write_csv(tmp_path / "orders.csv", taobao_rows(ROWS))
    chunks, slow = [], threading.Event()
    slow.set()
    real_next = chunked.Turns.next

    def slow_next(turns):
        chunks.append(time.monotonic())
        if slow.is_set():
            time.sleep(CHUNK_S)
        return real_next(turns)

    monkeypatch.setattr(chunked.Turns, "due", lambda turns: True)  # a transaction per step
    monkeypatch.setattr(chunked.Turns, "next", slow_next)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))
    launcher = Launcher(settings, None, today=lambda: FIXED)
    try:
        launcher.start(str(path))
        qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.session is not None, timeout=30_000)
        session = launcher.window.session
        dialog = ImportDialog(session.book, session.tasks, str(sheet), "zh_CN", parent=launcher.window,
                              lane=session.lane)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.sheet_list.count() > 0, timeout=30_000)
        dialog.start_import(dry_run=False)
        qtbot.waitUntil(lambda: len(chunks) >= close_at, timeout=60_000)
        started, at_close = time.monotonic(), len(chunks)
        launcher.shutdown()
        took = time.monotonic() - started
        assert len(chunks) - at_close <= 1  # the import heard the cancel at the end of the chunk under way
        assert took < 8, took
    finally:
        slow.clear()
    qtbot.wait(50)  # queued signals of the ended jobs delivered
    assert hooked == []
    assert guard.integrity_problems(path, full=True) == []
    customers, orders, batches = _counts(path)
    if "running" in batches:  # the book closed before the undo: the next open undoes it
        with Book.open(path, daily_backup=False) as book:
            recover_unfinished_imports(book, FIXED)
        customers, orders, batches = _counts(path)
    assert (customers, orders) == (0, 0)
    assert "running" not in batches and "done" not in batches
