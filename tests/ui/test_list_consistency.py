"""The customer list never shows rows of another query: Today actions, searches and scrolling interleaved
in the real window (its pages, its background runner), every row shown checked against the book.

The runner gets a one-thread pool so that the background reads finish in the order they were asked for,
which is the order that showed the unfiltered rows under the count of a search (issue #21)."""

import datetime as dt
import random

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from sqlalchemy import select

from core.book.models import Customer
from core.customers import CustomerService, book_counts
from core.dto import CustomerQuery, ProductInput
from core.products import ProductService
from core.reminders.service import ReminderService
from ui.main_window import MainWindow
from ui.models.customers import ID_ROLE, Column
from ui.session import Session
from ui.tasks import TaskRunner

TODAY = dt.date(2026, 4, 12)
SEARCHES = ("ddm", "", "客户1", "丁", "kh02", "ddm")


@pytest.fixture
def shop(book, make_customer, make_order):
    """10 customers whose names read ddm, 250 others; 40 of them bought honey on 1 Mar (due today)."""
    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=42))
    for number in range(10):
        make_customer(name=f"丁大梅{number}")
    for number in range(250):
        customer = make_customer(name=f"客户{number:03d}")
        if number % 6 == 0:
            make_order(customer.id, "2026-03-01", [(honey.id, 1, 6800)])
    ReminderService(book).regenerate(TODAY)
    return book


@pytest.fixture
def window(qtbot, shop, settings):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    session = Session(book=shop, book_path=str(shop.path), settings=settings, tasks=TaskRunner(pool),
                      today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(shop))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    yield window
    session.tasks.wait(10_000)
    pool.waitForDone(10_000)


def _names(book) -> dict[int, str]:
    with book.session() as s:
        return dict(s.execute(select(Customer.id, Customer.name)).all())


def _settle(qtbot, window) -> None:
    """Let every background read finish and its results arrive (the window paints meanwhile)."""
    for _ in range(3):
        qtbot.waitUntil(lambda: window.session.tasks.active_count == 0 and not window.session.lane.busy,
                        timeout=10_000)
        QCoreApplication.processEvents()


def _check_shown(page, names: dict[int, str]) -> tuple[int, int]:
    """Every row the table shows now is the customer the model holds at that row.
    Returns (rows showing a customer, rows in view)."""
    model, table = page.model, page.table
    first = max(table.rowAt(0), 0)
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    checked = 0
    for row in range(first, last + 1):
        shown = model.index(row, Column.NAME).data()
        if shown is None:
            continue  # its page is being read: empty cells, not someone else's
        held = model.customer_id(row)
        assert model.index(row, Column.NAME).data(ID_ROLE) == held, row
        assert shown == names[held], (row, shown, names[held])
        checked += 1
    assert page.count_label.text() == f"{model.rowCount():,} customers"
    return checked, last - first + 1


def _check_settled(qtbot, window, page, names, search: str) -> None:
    _settle(qtbot, window)
    page.table.viewport().repaint()
    _settle(qtbot, window)
    expected = CustomerService(window.session.book).ids(
        CustomerQuery(text=search, sort="last_purchase_on", descending=True, today=TODAY))
    assert [page.model.customer_id(row) for row in range(page.model.rowCount())] == expected
    checked, in_view = _check_shown(page, names)
    assert checked == in_view and (in_view > 0) == bool(expected)  # settled: every row in view shows its customer


def _today_action(qtbot, window) -> bool:
    today = window.show_page("today")
    _settle(qtbot, window)
    if not today.task_items():
        return False
    today.tree.setCurrentItem(today.task_items()[0])
    today.copy_and_mark_contacted()
    return True


def _search(window, text: str) -> None:
    window.search_box.setText(text)
    window._search_timer.stop()
    window._on_search_timer_timeout()  # what the timer does after the typing pause


@pytest.mark.slow
def test_search_right_after_a_today_action_shows_the_searched_rows(qtbot, window, shop):
    names = _names(shop)
    customers = window.page("customers")
    _settle(qtbot, window)
    assert _today_action(qtbot, window)
    _settle(qtbot, window)  # the customers page (hidden) reloaded after the action
    _search(window, "ddm")
    _check_shown(customers, names)
    _check_settled(qtbot, window, customers, names, "ddm")
    assert customers.model.rowCount() == 10
    assert {customers.model.index(row, Column.NAME).data() for row in range(10)} == {f"丁大梅{n}" for n in range(10)}
    # double-click opens the customer whose name the row shows
    opened = []
    customers.open_customer = opened.append
    customers._on_table_double_clicked(customers.model.index(3, Column.NAME))
    assert names[opened[0]] == customers.model.index(3, Column.NAME).data()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [6, 9, 11])  # each of these showed a wrong row before the fix
def test_interleaved_actions_searches_and_scrolling_never_show_a_wrong_row(qtbot, window, shop, seed):
    names = _names(shop)
    customers = window.page("customers")
    rng = random.Random(seed)
    search = ""
    _settle(qtbot, window)
    for _ in range(40):
        step = rng.choice(("today", "search", "search", "scroll", "events", "settle"))
        if step == "today":
            _today_action(qtbot, window)
            if rng.random() < 0.5:
                _settle(qtbot, window)
        elif step == "search":
            search = rng.choice(SEARCHES)
            _search(window, search)
        elif step == "scroll":
            window.show_page("customers")
            if customers.model.rowCount():
                row = rng.randrange(customers.model.rowCount())
                customers.table.scrollTo(customers.model.index(row, 0))
        elif step == "events":
            for _ in range(rng.randrange(1, 6)):
                QCoreApplication.processEvents()
        else:
            _settle(qtbot, window)
        if window.current_key() == "customers":
            customers.table.viewport().repaint()
            _check_shown(customers, names)
    window.show_page("customers")
    _check_settled(qtbot, window, customers, names, search)
