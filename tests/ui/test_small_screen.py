"""Everything fits a 1366×768 laptop (1366×728 left by the taskbar), in Chinese, with a filled book:
the window's first size, every page (the window cannot be made smaller than its largest page) and the dialogs."""

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog

from core.customers import CustomerService, book_counts
from core.marketing.service import MarketingService
from tests.ui import test_screenshots as shots
from tests.ui.conftest import wait_until_idle
from ui.dialogs.about import AboutDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.loyalty_settings import LoyaltySettingsDialog
from ui.dialogs.merge import MergeDialog
from ui.dialogs.recycle_bin import RecycleBinDialog
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.pages.registry import PAGES
from ui.session import Session
from ui.widgets.fit import FRAME, SMALL_SCREEN, fits, fitted_size

TODAY = dt.date(2026, 11, 23)
zh_cn, filled_book = shots.zh_cn, shots.filled_book  # the fixtures of the screenshots


def test_the_first_window_size_fits_the_screen():
    laptop = QRect(0, 0, SMALL_SCREEN.width(), SMALL_SCREEN.height())
    size = fitted_size(DEFAULT_SIZE, laptop)
    assert fits(size) and size.width() == DEFAULT_SIZE.width()  # only as much smaller as needed
    assert size.height() + FRAME.height() == SMALL_SCREEN.height()
    assert fitted_size(DEFAULT_SIZE, QRect(0, 0, 1920, 1040)) == DEFAULT_SIZE


def test_the_window_opens_inside_the_available_screen(qtbot, book, settings):
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() + FRAME.width() <= max(available.width(), window.minimumSizeHint().width() + FRAME.width())
    assert window.height() + FRAME.height() <= available.height()
    session.tasks.wait(5000)


@pytest.mark.slow
def test_every_page_and_dialog_fits_a_1366x768_screen(qtbot, request, settings):
    request.getfixturevalue("zh_cn")
    filled_book = request.getfixturevalue("filled_book")
    session = Session(book=filled_book, book_path=str(filled_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(filled_book))
    qtbot.addWidget(window)
    window.show()
    for spec in PAGES:
        page = window.show_page(spec.key)
        wait_until_idle(qtbot, session.tasks)
        assert fits(page.minimumSizeHint()), (spec.key, page.minimumSizeHint())
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()  # with every page built
    customers_page = window.page("customers")
    wait_until_idle(qtbot, session.tasks, customers_page.model)
    first, second = customers_page.model.customer_id(0), customers_page.model.customer_id(1)
    orders_page = window.page("orders")
    wait_until_idle(qtbot, session.tasks, orders_page.orders_model)
    customers = CustomerService(filled_book)
    dialogs = {
        "customer": customers_page.customer_dialog(first),
        "order": orders_page.order_dialog(orders_page.orders_model.order(0).id),
        "merge": MergeDialog(customers, customers.get(first), customers.get(second)),
        "recycle bin": RecycleBinDialog(customers, settings, lambda: TODAY),
        "import": ImportDialog(filled_book, session.tasks, None, "zh_CN"),
        "loyalty": LoyaltySettingsDialog(MarketingService(filled_book), lambda: TODAY),
        "about": AboutDialog(str(filled_book.path), None),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        assert fits(dialog.minimumSizeHint()), (name, dialog.minimumSizeHint())
        assert fits(dialog.size()), (name, dialog.size())
        assert isinstance(dialog, QDialog)
    wait_until_idle(qtbot, session.tasks)
