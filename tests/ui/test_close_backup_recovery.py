"""Issue #21: closing the window while the daily backup runs, and while the open undoes an import a killed process
left halfway. The backup hears the close's cancel between two of its blocks and keeps nothing — no backup, no
`.partial` — so the close does not wait for a big book's compression and the next open takes the day's backup
again; should the close give up waiting (a step that cannot stop, longer than its wait), the book closes under the
copy and nothing is lost either. The undo of an unfinished import commits whole or leaves its batch whole for the
next open. In every case the book closes after, nothing reaches sys.excepthook, the file is sound, no lock is left.

Real book files, a real backup folder, the real Launcher, offscreen."""

from __future__ import annotations

import functools
import gzip
import sys
import threading
import time

import pytest
from sqlalchemy import func, select

from core.book import backup, guard
from core.book.db import Book
from core.book.models import Customer, ImportBatch
from core.excel import batches
from core.excel.batches import recover_unfinished_imports
from core.excel.chunked import ImportRunning
from tests.ui.test_launch_jobs import FIXED, _book_with_stale_stages, _order
from ui import main_window
from ui.launcher import Launcher

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]  # seconds each: launches, held steps

BLOCK = 16 * 1024  # the backup's block in these tests: a small book still has dozens of them
BLOCK_S = 0.3  # each block compressed takes this long: the whole compression beyond 7 s


@pytest.fixture
def hooked(monkeypatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: seen.append(exc))
    return seen


@pytest.fixture
def events(monkeypatch) -> list[str]:
    """Notes "book closed" when a Book closes."""
    seen: list[str] = []
    real_close = Book.close
    monkeypatch.setattr(Book, "close", lambda book: (seen.append("book closed"), real_close(book))[-1])
    return seen


def _noting_end(monkeypatch, owner, name: str, events: list[str], ended: threading.Event) -> None:
    real = getattr(owner, name)

    @functools.wraps(real)  # its signature kept: the Task reads is_cancelled from it
    def noted(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        finally:
            events.append(f"{name} ended")
            ended.set()

    monkeypatch.setattr(owner, name, noted)


def _leftovers(path, root) -> list[str]:
    folder = backup.backup_dir_for(path, root, create=False)
    return sorted(p.name for p in folder.glob("*")) if folder.exists() else []


def _customers(path) -> int:
    with Book.open(path, daily_backup=False) as book, book.session() as s:
        return s.scalar(select(func.count()).select_from(Customer))


def _after_the_close(path, root, hooked) -> None:
    """What every close leaves: nothing hooked, a sound file, no lock held, nothing half written."""
    assert hooked == []
    assert guard.integrity_problems(path, full=True) == []
    with Book.open(path, daily_backup=False) as book:  # the book's lock was released
        running = ImportRunning(book)
        assert running.acquire(0)  # so was the import's
        running.release()
    assert not [name for name in _leftovers(path, root) if ".partial" in name]


def _launched(qtbot, settings, path, events: list[str], until) -> Launcher:
    """The app opening `path` as main.py starts it, once `until()` is true."""
    events.clear()  # the books closed while setting up
    launcher = Launcher(settings, None, today=lambda: FIXED)
    launcher.start(str(path))
    qtbot.waitUntil(until, timeout=60_000)
    return launcher


def _slow_compression(monkeypatch, blocks: list, slow: threading.Event) -> None:
    monkeypatch.setattr(backup, "_BLOCK", BLOCK)
    real_write = gzip.GzipFile.write

    def slow_write(gz, data):
        blocks.append(time.monotonic())
        if slow.is_set():
            time.sleep(BLOCK_S)
        return real_write(gz, data)

    monkeypatch.setattr(gzip.GzipFile, "write", slow_write)


def test_closing_the_window_during_the_daily_backup_abandons_it_and_the_next_open_takes_it(
        qtbot, settings, tmp_path, monkeypatch, hooked, events):
    path = tmp_path / "shop.book"
    _book_with_stale_stages(path, _order)
    blocks, slow, ended = [], threading.Event(), threading.Event()
    slow.set()
    _slow_compression(monkeypatch, blocks, slow)
    _noting_end(monkeypatch, backup, "daily_backup_if_due", events, ended)
    launcher = _launched(qtbot, settings, path, events, lambda: len(blocks) >= 2)  # the backup is compressing
    try:
        root = launcher.book.backup_root
        whole = path.stat().st_size // BLOCK
        started = time.monotonic()
        launcher.shutdown()
        took = time.monotonic() - started
        assert ended.is_set(), "the book was closed while the backup still ran"
        assert events.index("daily_backup_if_due ended") < events.index("book closed")
        assert len(blocks) < whole  # stopped halfway: the close did not wait for the whole compression
        assert took < 5, took  # the whole compression: beyond 7 s
    finally:
        slow.clear()
        ended.wait(30)
    qtbot.wait(50)  # queued signals of the ended jobs delivered
    _after_the_close(path, root, hooked)
    assert not [b for b in backup.list_backups(path, root=root) if b.reason == backup.DAILY]  # nothing kept
    assert _customers(path) == 3
    taken = backup.daily_backup_if_due(path, root=root)  # as the next open does
    assert taken is not None and backup.backup_problems(taken.path) == []


def test_a_close_that_gives_up_waiting_for_the_backup_loses_nothing(
        qtbot, settings, tmp_path, monkeypatch, hooked, events):
    """The copy itself (SQLite's backup API in one step) cannot stop: on a slow disk it may outlast the close's wait.
    The book then closes under it; the copy reads on its own connection, hears the cancel after it, removes its
    `.partial` files and keeps nothing."""
    path = tmp_path / "shop.book"
    _book_with_stale_stages(path, _order)
    copying, release, ended = threading.Event(), threading.Event(), threading.Event()
    real_copy = backup._copy_sqlite

    def held_copy(src, dst):
        real_copy(src, dst)
        copying.set()
        release.wait(30)

    monkeypatch.setattr(backup, "_copy_sqlite", held_copy)
    monkeypatch.setattr(main_window, "CLOSE_WAIT_MS", 300)
    _noting_end(monkeypatch, backup, "daily_backup_if_due", events, ended)
    launcher = _launched(qtbot, settings, path, events, copying.is_set)
    try:
        root = launcher.book.backup_root
        assert [name for name in _leftovers(path, root) if name.endswith("daily.book.partial")]  # the raw copy
        launcher.shutdown()
        assert events == ["book closed"]  # the close gave up waiting: the copy still runs
        assert _customers(path) == 3  # the book opens beside the running copy, whole
    finally:
        release.set()
        assert ended.wait(30)
    qtbot.wait(50)
    _after_the_close(path, root, hooked)
    assert not [b for b in backup.list_backups(path, root=root) if b.reason == backup.DAILY]
    assert _customers(path) == 3


def _book_with_unfinished_imports(path, count: int) -> None:
    """As killed imports leave it (core.excel.chunked): `running` batches, each with a customer of its own."""
    with Book.open(path, create=True, daily_backup=False) as book, book.session() as s:
        s.add(Customer(name="老客"))
        for number in range(1, count + 1):
            s.add(ImportBatch(id=number, file_name=f"big{number}.csv", status="running"))
            s.flush()
            s.add(Customer(name=f"半个导入{number}", import_batch_id=number))


def _state(path) -> tuple[int, dict[int, str]]:
    with Book.open(path, daily_backup=False) as book, book.session() as s:
        return (s.scalar(select(func.count()).select_from(Customer)),
                {batch.id: batch.status for batch in s.scalars(select(ImportBatch))})


GIVES_UP_MS = 300  # a close whose wait is shorter than one undo


@pytest.mark.parametrize("close_wait_ms, undone_at_close", [(main_window.CLOSE_WAIT_MS, {1, 2}), (GIVES_UP_MS, {1})])
def test_closing_the_window_while_the_open_undoes_an_unfinished_import(
        qtbot, settings, tmp_path, monkeypatch, hooked, events, close_wait_ms, undone_at_close):
    """Each batch is undone in one transaction on the lane. The close waits for the undo (the first case: both
    batches undone before the book closes); a close that gives up waiting (the second: its wait shorter than one
    undo) closes the book under the transaction under way, which still commits whole, and the next batch, meeting
    the closed book, is left whole for the next open."""
    path = tmp_path / "shop.book"
    _book_with_unfinished_imports(path, 2)
    undoing, ended = threading.Event(), threading.Event()
    real_after = batches.after_orders_written

    def slow_after(*args, **kwargs):  # inside the undo's transaction
        undoing.set()
        time.sleep(1.0)
        return real_after(*args, **kwargs)

    monkeypatch.setattr(batches, "after_orders_written", slow_after)
    monkeypatch.setattr(main_window, "CLOSE_WAIT_MS", close_wait_ms)
    _noting_end(monkeypatch, batches, "recover_unfinished_imports", events, ended)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *args: pytest.fail("told after the window closed"))
    launcher = _launched(qtbot, settings, path, events, undoing.is_set)
    try:
        root = launcher.book.backup_root
        launcher.shutdown()
    finally:
        assert ended.wait(30)
    qtbot.wait(50)
    if close_wait_ms != GIVES_UP_MS:
        assert events.index("recover_unfinished_imports ended") < events.index("book closed")
    _after_the_close(path, root, hooked)
    customers, statuses = _state(path)
    assert {batch for batch, status in statuses.items() if status == "undone"} == undone_at_close
    assert {batch for batch, status in statuses.items() if status == "running"} == {1, 2} - undone_at_close
    assert customers == 1 + 2 - len(undone_at_close)  # each batch whole: undone, or its customer still there
    with Book.open(path, daily_backup=False) as book:  # the next open undoes what is left
        assert recover_unfinished_imports(book, FIXED) == sorted({1, 2} - undone_at_close)
    assert _state(path) == (1, {1: "undone", 2: "undone"})
