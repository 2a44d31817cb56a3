"""The Today page's first read on the pool must not reach a page that is gone by then."""

from __future__ import annotations

import datetime as dt
import sys
import threading

import shiboken6

from core.customers import CustomerService
from core.reminders.service import ReminderService
from ui.pages.today import TodayPage
from ui.tasks import TaskRunner

TODAY = dt.date(2026, 4, 12)
NOW = dt.datetime(2026, 4, 12, 10, 30)


def test_a_first_read_that_finishes_after_the_page_is_gone_is_dropped(qtbot, book, monkeypatch):
    """The on_success closure of page_activated is not tied to the page (unlike a bound slot), so when the
    book is switched while the first read runs (Launcher._close_current deletes the window without waiting
    for the pool), _show runs on a deleted widget and the error goes to sys.excepthook (the crash dialog)."""
    reminders, release = ReminderService(book), threading.Event()
    original = reminders.day_list

    def slow_today_list(*args, **kwargs):
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(reminders, "day_list", slow_today_list)
    monkeypatch.setattr(reminders, "regenerate", lambda *args, **kwargs: None)
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: errors.append(exc))
    tasks = TaskRunner()
    page = TodayPage(reminders, CustomerService(book), tasks, lambda: TODAY, lambda: NOW)
    page.page_activated()
    shiboken6.delete(page)  # the window (and the page) deleted while the read runs
    release.set()
    tasks.wait(10_000)
    qtbot.wait(100)  # deliver the queued succeeded signal
    assert errors == []
