"""The launch shows the first Today rows before the book's quick check is over (issue #21: first rows ≤ 1 s on a
100k book), and a damaged book is still never used (issue #20): while the check runs the window is read-only, and
a failing check closes the book and leads to its backups, as a book found damaged while opening does."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from core.book import guard
from core.dto import ProductInput
from core.products import ProductService
from core.reminders.service import ReminderService
from tests.core.book_files import break_table
from ui.launcher import Launcher

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def held_quick_check(monkeypatch):
    """The book's quick check waits until the test sets this event (it takes a second on a 100k book)."""
    release = threading.Event()
    real = guard.integrity_problems

    def integrity_problems(path, *, full=True):
        if not full:
            release.wait(30)
        return real(path, full=full)

    monkeypatch.setattr(guard, "integrity_problems", integrity_problems)
    yield release
    release.set()


def _book_with_today_rows(book, make_customer, make_order):
    today = dt.date.today()
    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=30))
    for number in range(3):
        customer = make_customer(name=f"客{number}", phone=f"1380013800{number}")
        make_order(customer.id, (today - dt.timedelta(days=31)).isoformat(), [(honey.id, 1, 6800)])
    ReminderService(book).regenerate(today)
    assert ReminderService(book).day_list(today).tasks
    book.close()
    return book.path


def _rows_painted(qtbot, launcher):
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.session is not None, timeout=20_000)
    page = launcher.window.page("today")
    qtbot.waitUntil(lambda: bool(page.task_items()), timeout=20_000)
    qtbot.waitUntil(lambda: launcher.launch_gate.shown, timeout=20_000)  # painted (ui.launch_gate.after_paint)
    return page


def test_rows_shown_before_a_failing_quick_check_then_the_book_closes_and_its_backups_are_offered(
        qtbot, settings, book, make_customer, make_order, held_quick_check, monkeypatch):
    path = _book_with_today_rows(book, make_customer, make_order)
    break_table(path, "order_item")  # quick_check fails; the Today list still reads
    before = path.read_bytes()
    launcher = Launcher(settings, None)
    clicked = []

    def click_backups(box):
        clicked.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    monkeypatch.setattr(launcher.health, "confirm", click_backups)
    try:
        launcher.start(str(path))
        page = _rows_painted(qtbot, launcher)
        window = launcher.window
        # read-only while the check runs: no action, no page switch, no search, nothing started on the book
        assert not window.navigation.isEnabled() and not window.search_box.isEnabled()
        assert not page.copy_button.isEnabled() and not page.regenerate_button.isEnabled()
        page.tree.setCurrentItem(page.task_items()[0])
        page.mark_done("contacted")
        page.copy_and_mark_contacted()
        assert window.session.lane.active_count == 0 and window.session.tasks.active_count == 0
        assert not page._regenerating and launcher.book.state == "checking"
        held_quick_check.set()
        qtbot.waitUntil(lambda: launcher.health.dialog is not None, timeout=20_000)
        assert launcher.window is None and launcher.book is None and launcher.welcome is not None
        assert clicked and "closed for writing" in clicked[0]
        dialog = launcher.health.dialog
        qtbot.addWidget(dialog)
        assert "failed its check" in dialog.status_label.text()
        assert dialog.book_path == path.resolve()
    finally:
        held_quick_check.set()
        launcher.shutdown()
        if launcher.welcome is not None:
            launcher.welcome.close()
    assert path.read_bytes() == before  # never written


def test_rows_shown_before_a_passing_quick_check_then_the_window_is_ready(qtbot, settings, book, make_customer,
                                                                          make_order, held_quick_check):
    path = _book_with_today_rows(book, make_customer, make_order)
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(path))
        page = _rows_painted(qtbot, launcher)
        assert not launcher.window.navigation.isEnabled() and page.awaiting_launch
        held_quick_check.set()
        qtbot.waitUntil(lambda: launcher.window.navigation.isEnabled(), timeout=20_000)
        assert not page.awaiting_launch and page.copy_button.isEnabled()
        qtbot.waitUntil(lambda: launcher.health.last_problems == (), timeout=20_000)  # the full check ran after
        assert page._regenerating  # started once the full check passed: before, its temporary tables were refused
        qtbot.waitUntil(lambda: not page._regenerating, timeout=20_000)
        assert page.task_items() and "database" not in page.summary_label.text()
    finally:
        launcher.shutdown()


def test_the_daily_backup_waits_for_the_launch_regeneration(qtbot, settings, book, make_customer, make_order,
                                                            monkeypatch):
    """Both at once took both cores of a 2-core machine (GUI stalls up to 300 ms on a 100k book): the daily
    backup starts once the launch regeneration is over, not when the full check passed."""
    from core.book import backup
    from ui.pages.today import TodayPage

    path = _book_with_today_rows(book, make_customer, make_order)
    events = []
    real_backup, real_over = backup.daily_backup_if_due, TodayPage._regeneration_over

    def daily_backup_if_due(*args, **kwargs):
        events.append("backup")
        return real_backup(*args, **kwargs)

    def regeneration_over(self):
        events.append("regenerated")
        real_over(self)

    monkeypatch.setattr(backup, "daily_backup_if_due", daily_backup_if_due)
    monkeypatch.setattr(TodayPage, "_regeneration_over", regeneration_over)
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(path))
        qtbot.waitUntil(lambda: "backup" in events, timeout=20_000)
        assert events == ["regenerated", "backup"]
        qtbot.waitUntil(lambda: bool(backup.list_backups(path, root=launcher.book.backup_root)), timeout=20_000)
        qtbot.waitUntil(lambda: not launcher.window.session.lane.busy, timeout=20_000)  # with the lane's jobs
    finally:
        launcher.shutdown()
