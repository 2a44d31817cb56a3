"""Main window: navigation over the page registry, global search, shortcuts, remembered state."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QScrollArea

from core.customers import book_counts
from tests.ui.conftest import wait_until_idle
from ui.main_window import MainWindow
from ui.models.customers import Column
from ui.pages.marketing import MarketingPage
from ui.pages.registry import PAGES
from ui.session import Session

TODAY = dt.date(2026, 11, 23)


def _window(qtbot, book, settings):
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, book, settings):
    window = _window(qtbot, book, settings)
    yield window
    window.session.tasks.wait(10_000)


def test_navigation_lists_every_page_in_registry_order(window):
    keys = [window.navigation.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.navigation.count())]
    assert keys == ["today", "customers", "orders", "aftersales", "analytics", "marketing", "settings"]
    assert keys == [spec.key for spec in PAGES]


def test_pages_are_built_when_first_shown(window):
    assert set(window._pages) == {"customers"}  # the default first page
    page = window.show_page("marketing")
    assert isinstance(page, MarketingPage)
    assert window.stack.currentWidget() is page


def test_global_search_filters_the_customers_page(qtbot, window, make_customer):
    make_customer(name="张伟", phone="13800138000")
    make_customer(name="李娜")
    window.show_page("settings")
    window.search_box.setText("zw")
    qtbot.waitUntil(lambda: window.current_key() == "customers", timeout=2000)
    page = window.page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    wait_until_idle(qtbot, window.session.tasks, page.model)
    assert page.model.index(0, Column.NAME).data() == "张伟"


def test_shortcuts_are_the_documented_ones(window):
    assert window.new_customer_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.import_action.shortcut() == QKeySequence("Ctrl+O")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")


def test_new_customer_action_opens_the_dialog_on_the_customers_page(window, monkeypatch):
    opened = []
    page = window.page("customers")
    monkeypatch.setattr(page, "new_customer", lambda: opened.append(True))
    window.show_page("orders")
    window.new_customer_action.trigger()
    assert opened == [True] and window.current_key() == "customers"


def test_status_bar_shows_book_path_and_counts(qtbot, window, book, make_customer):
    make_customer(name="张伟")
    window.refresh_counts()
    assert window.book_label.text() == str(book.path)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 customers · 0 orders"), timeout=5000)


def test_import_is_handed_to_the_import_handler(qtbot, book, settings):
    received = []
    session = Session(book=book, book_path=str(book.path), settings=settings)
    window = MainWindow(session, counts=lambda: book_counts(book), import_handler=received.append)
    qtbot.addWidget(window)
    window.import_file("/tmp/客户.xlsx")
    assert received == ["/tmp/客户.xlsx"]
    session.tasks.wait(10_000)


def test_last_page_geometry_and_columns_are_remembered(qtbot, book, settings):
    first = _window(qtbot, book, settings)
    first.resize(700, 500)  # within the 800×600 offscreen screen
    first.show_page("orders")
    first.page("customers").table.set_column_shown(Column.CITY, True)
    first.save_state()
    second = _window(qtbot, book, settings)
    assert second.current_key() == "orders"
    assert second.size().width() == 700
    assert not second.page("customers").table.horizontalHeader().isSectionHidden(Column.CITY)
    for window in (first, second):
        window.session.tasks.wait(10_000)


def test_analytics_click_through_opens_the_customer_list_with_only_those_customers(qtbot, window, make_customer):
    wanted = make_customer(name="张伟")
    make_customer(name="李娜")
    analytics = window.show_page("analytics")
    analytics.customers_requested.emit((wanted.id,), "重要价值客户")
    assert window.current_key() == "customers"
    page = window.page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.customer_id(0) == wanted.id
    assert "重要价值客户" in page.only_label.text()
    page.show_all_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)


def test_the_settings_page_scrolls_instead_of_growing_the_window(qtbot, window):
    page = window.show_page("settings")
    window.resize(1100, 640)
    window.show()
    qtbot.waitExposed(window)
    assert window.height() == 640 and page.minimumSizeHint().height() < 400
    scroll_bar = page.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0)  # the sections are taller, and reachable by scrolling
