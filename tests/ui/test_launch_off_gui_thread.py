"""Launch to idle without a stall (issue #21): from start-up until the Today list and its regeneration are shown,
the book is never read or written on the GUI thread, and the page used last is not built under Today."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import event
from sqlalchemy.engine import Engine

from core.dto import ProductInput
from core.products import ProductService
from ui import settings as keys
from ui.launcher import Launcher


def _statements_on_the_gui_thread(seen: list[str]):
    def record(_conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(" ".join(statement.split()[:4]))

    return record


def test_from_launch_to_idle_no_book_statement_runs_on_the_gui_thread(qtbot, settings, book, make_customer,
                                                                      make_order):
    today = dt.date.today()
    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=30))
    for number in range(3):
        customer = make_customer(name=f"客{number}", phone=f"1380013800{number}")
        make_order(customer.id, (today - dt.timedelta(days=31)).isoformat(), [(honey.id, 1, 6800)])
    book.close()
    settings.setValue(keys.LAST_PAGE, "customers")  # the page used last: not built while Today shows
    seen: list[str] = []
    record = _statements_on_the_gui_thread(seen)
    event.listen(Engine, "before_cursor_execute", record)
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(book.path))
        qtbot.waitUntil(lambda: launcher.window.session is not None, timeout=20_000)
        window = launcher.window
        assert window.current_key() == "today" and "customers" not in window._pages
        today_page = window.page("today")
        qtbot.waitUntil(lambda: today_page._loaded_once and not today_page._regenerating, timeout=20_000)
        qtbot.waitUntil(lambda: launcher.health.last_problems == (), timeout=20_000)  # the full check passed
        assert window.session.tasks.wait(20_000) and window.session.lane.wait(20_000)
        qtbot.wait(50)  # results delivered to the GUI thread
        assert today_page.task_items(), "the regenerated Today list is shown"
    finally:
        event.remove(Engine, "before_cursor_execute", record)
        launcher.shutdown()
    assert seen == []
