"""Issue #21: closing the app while a long chunked job runs. The stage pass brought to today after the open stops
between two of its transactions when the window closes; the book is closed only once it stopped, nothing reaches
sys.excepthook, the file is sound, and the next open does the whole pass again."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from core import customer_stats
from core.book import guard
from core.book.db import Book
from core.customer_stats import stages_current
from core.customers import CustomerService
from tests.ui.test_launch_jobs import FIXED, _book_with_stale_stages, _order
from ui.launcher import Launcher

pytestmark = pytest.mark.sqlite_only

CUSTOMERS = 40
CHUNK_S = 0.25  # each one-customer chunk of the pass takes this long: the whole pass ~10 s, beyond any wait


def test_closing_the_window_mid_pass_stops_the_stage_pass_before_the_book_closes(
        qtbot, settings, tmp_path, monkeypatch):
    path = tmp_path / "shop.book"
    _book_with_stale_stages(path, _order, count=CUSTOMERS)
    events: list[str] = []
    chunks, ended, slow = [], threading.Event(), threading.Event()
    slow.set()
    real_pass, real_write, real_close = (customer_stats.update_stages_in_chunks, customer_stats._write_stages,
                                         Book.close)

    def one_customer_chunks(*args, **kwargs):
        try:
            return real_pass(*args, **{**kwargs, "chunk_customers": 1})
        finally:
            events.append("pass ended")
            ended.set()

    def slow_write(*args, **kwargs):
        chunks.append(time.monotonic())
        if slow.is_set():
            time.sleep(CHUNK_S)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(customer_stats, "update_stages_in_chunks", one_customer_chunks)
    monkeypatch.setattr(customer_stats, "_write_stages", slow_write)
    monkeypatch.setattr(Book, "close", lambda book: (events.append("book closed"), real_close(book))[-1])
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))
    launcher = Launcher(settings, None, today=lambda: FIXED)
    try:
        launcher.start(str(path))
        qtbot.waitUntil(lambda: len(chunks) >= 2, timeout=30_000)  # the pass is under way
        started = time.monotonic()
        launcher.shutdown()
        took = time.monotonic() - started
        assert ended.is_set(), "the book was closed while the stage pass still ran"
        assert events.index("pass ended") < events.index("book closed")
        assert len(chunks) < CUSTOMERS  # stopped halfway, not run to its end
        assert took < 5, took
    finally:
        slow.clear()
        ended.wait(30)  # (before the fix) let the orphaned pass end before the next test
    qtbot.wait(50)  # queued signals of the ended jobs delivered
    assert hooked == []
    assert guard.integrity_problems(path, full=True) == []
    book = Book.open(path)
    try:
        with book.session() as s:
            assert not stages_current(s, FIXED)  # the pass stopped halfway: the basis was not stored
        CustomerService(book).ensure_stages_in_chunks(FIXED)  # as the next open does
        with book.session() as s:
            assert stages_current(s, FIXED)
    finally:
        book.close()
