"""Issue #21: what the launch starts once the book passed its full check, and at which priority. The stored stages
are brought to the session's day as a lane job in short transactions (a save meanwhile is served between two of
them); the first Today rows are read for the session's day; the check after opening, the stages and the import
run at the normal priority, the regeneration, the daily backup and the daily check at a lowered one."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
import threading

import pytest

from core import customer_stats
from core.book import backup, guard
from core.book.db import Book
from core.customer_stats import stages_current
from core.customers import CustomerService
from core.dto import CustomerInput
from core.reminders.service import ReminderService
from tests.ui.lane_spy import LaneSpy
from ui.book_lane import BookLane
from ui.launcher import Launcher
from ui.text.reminders import short_date

pytestmark = pytest.mark.sqlite_only
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")

FIXED = dt.date(2031, 3, 5)  # the session's day: not the machine's


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def _noting_nice(fn, seen: list, name: str):
    """fn, noting (name, the calling thread's nice value) first; its signature kept (the lane reads it)."""

    @functools.wraps(fn)
    def noted(*args, **kwargs):
        seen.append((name, _nice()))
        return fn(*args, **kwargs)

    return noted


@pytest.fixture
def held_full_check(monkeypatch):
    """The book's full check waits until the test sets this event."""
    release = threading.Event()
    real = guard.integrity_problems

    def integrity_problems(path, *, full=True):
        if full:
            release.wait(30)
        return real(path, full=full)

    monkeypatch.setattr(guard, "integrity_problems", integrity_problems)
    yield release
    release.set()


def _book_with_stale_stages(path, make_order_in, count: int = 3) -> None:
    book = Book.open(path, create=True)
    try:
        customers = CustomerService(book)
        for number in range(count):
            make_order_in(book, customers.create(CustomerInput(name=f"客{number}")).id)
        customers.ensure_stages(dt.date(2026, 1, 1))  # stored for a day long gone
    finally:
        book.close()


def _order(book, customer_id) -> None:
    from core.dto import OrderInput, OrderItemInput
    from core.orders import OrderService

    day = FIXED - dt.timedelta(days=100)
    OrderService(book).create(OrderInput(
        customer_id=customer_id, status="completed", created_at=dt.datetime.combine(day, dt.time(10)),
        items=(OrderItemInput(title="蜂蜜500g", quantity=1, unit_price_cents=6800),)))


@linux_only
def test_after_the_check_the_stages_move_to_the_sessions_day_on_the_lane_and_only_background_work_is_lowered(
        qtbot, settings, tmp_path, monkeypatch, held_full_check):
    path = tmp_path / "shop.book"
    _book_with_stale_stages(path, _order)
    seen: list = []
    monkeypatch.setattr(customer_stats, "update_stages_in_chunks",
                        _noting_nice(customer_stats.update_stages_in_chunks, seen, "stages"))
    monkeypatch.setattr(Book, "verify", _noting_nice(Book.verify, seen, "check"))
    monkeypatch.setattr(ReminderService, "regenerate", _noting_nice(ReminderService.regenerate, seen, "regenerate"))
    monkeypatch.setattr(backup, "daily_backup_if_due", _noting_nice(backup.daily_backup_if_due, seen, "backup"))
    normal = _nice()
    launcher = Launcher(settings, None, today=lambda: FIXED)
    try:
        launcher.start(str(path))
        qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.session is not None, timeout=20_000)
        page = launcher.window.page("today")
        qtbot.waitUntil(lambda: short_date(FIXED) in page.title_label.text(), timeout=20_000)  # the session's day
        lane = launcher.window.session.lane
        spy = LaneSpy(lane, monkeypatch).watch(CustomerService, "ensure_stages_in_chunks")
        held_full_check.set()
        qtbot.waitUntil(lambda: {"stages", "regenerate", "backup"} <= {name for name, _ in seen}, timeout=20_000)
        qtbot.waitUntil(lambda: not lane.busy, timeout=20_000)
        assert spy.ran_on_lane("ensure_stages_in_chunks")
        with launcher.book.session() as s:
            assert stages_current(s, FIXED)
        launcher.health.check_now(background=True)  # the daily check
        qtbot.waitUntil(lambda: [name for name, _ in seen].count("check") == 2, timeout=20_000)
        niced: dict[str, int] = {}
        for name, nice in seen:  # each job's first run (a pass may run again after the daily check started)
            niced.setdefault(name, nice)
        assert niced["check"] == niced["stages"] == normal  # the first save waits for the check; lists for the stages
        assert niced["regenerate"] > normal and niced["backup"] > normal
        assert [nice for name, nice in seen if name == "check"][1] == niced["regenerate"]  # the daily check: nobody waits
        names = [name for name, _ in seen]
        assert names.index("backup") > names.index("regenerate")
    finally:
        launcher.shutdown()


def test_a_save_is_served_between_two_transactions_of_the_stages_pass(qtbot, book, make_customer, make_order):
    ids = [make_customer(name=f"客{number}").id for number in range(3)]
    for cid in ids:
        make_order(cid, "2026-05-01")
    customers = CustomerService(book)
    customers.ensure_stages(dt.date(2026, 6, 1))
    lane, turns, saved = BookLane(), [], threading.Event()
    own_turn = lane.write_turn

    @contextlib.contextmanager
    def turn():
        turns.append(threading.get_native_id())
        if len(turns) == 2:  # the target recorded, before the first chunk: the seller saves
            assert saved.wait(10)
        with own_turn():
            yield

    lane.write_turn = turn  # type: ignore[method-assign]
    finished, served = [], []
    lane.run_job(customers.ensure_stages_in_chunks, FIXED, background=False, on_success=finished.append)
    qtbot.waitUntil(lambda: len(turns) == 2, timeout=10_000)

    def save():
        customers.set_do_not_disturb([ids[0]], True)
        saved.set()
        return "saved"

    lane.save(save, on_success=served.append)
    qtbot.waitUntil(lambda: served == ["saved"], timeout=10_000)
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert finished[0] > 0 and len(turns) == 3  # the target, one chunk, the last
    with book.session() as s:
        assert stages_current(s, FIXED)
    assert lane.wait(5000)


@linux_only
def test_the_import_dialogs_job_runs_at_the_normal_priority(qtbot, book, tmp_path, monkeypatch):
    from tests.core.excel.files import write_xlsx
    from ui.dialogs import import_dialog
    from ui.tasks import TaskRunner

    seen: list = []
    monkeypatch.setattr(import_dialog, "run_import", _noting_nice(import_dialog.run_import, seen, "import"))
    path = write_xlsx(tmp_path / "客户.xlsx", {"s": [["姓名", "电话"], ["阿香", "13512345678"]]})
    lane, tasks = BookLane(), TaskRunner()
    dialog = import_dialog.ImportDialog(book, tasks, str(path), "zh_CN", lane=lane)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet_list.count() > 0, timeout=10_000)
    with qtbot.waitSignal(dialog.book_changed, timeout=20_000):
        dialog.import_button.click()
    assert seen == [("import", _nice())]  # the seller watches its progress bar
    lane.run_job(_nice, background=True, on_success=lambda value: seen.append(("regeneration's pool", value)))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen[1][1] > _nice()
    assert lane.wait(5000) and tasks.wait(5000)
