"""A cycle only suggested from the order history is marked in the product list and the product dialog until
the seller confirms it; confirming it (a product write) fills the open Today page by itself (issue #17)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core.customers import book_counts
from core.dto import ProductInput
from core.products import ProductService
from ui.main_window import MainWindow
from ui.models.products import Column
from ui.session import Session

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def shop(book, make_customer, make_order):
    """Two customers bought 洋槐蜂蜜 2 jars at a time, 80 days apart: 40 days a jar, from 2 intervals only."""
    ProductService(book).create(ProductInput(name="洋槐蜂蜜 500g"))
    for i in range(2):
        customer = make_customer(name=f"客{i}", phone=f"1390000000{i}")
        for day in ("2026-01-07", "2026-03-28"):  # run-out 16 Jun: repurchase due 13 Jun
            make_order(customer.id, day, [("【包邮】洋槐蜂蜜500g", 2, 6800)])
    return book


def _repurchase_rows(page):
    return [item.text(0) for item in page.task_items()
            if page._by_id[item.data(0, Qt.ItemDataRole.UserRole)].kind == "repurchase"]


def test_suggested_cycle_marked_then_confirmed_and_today_follows(qtbot, shop, settings):
    session = Session(book=shop, book_path=str(shop.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(shop))
    qtbot.addWidget(window)
    today = window.show_page("today")
    session.tasks.wait(5000)
    today.reload()
    assert _repurchase_rows(today) == []  # 2 intervals: a suggestion, not yet a basis for reminders

    orders = window.page("orders")
    model = orders.products_model
    cell = model.index(0, Column.CYCLE_DAYS)
    assert model.data(cell) == "40 (suggested)"
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    assert "2 repurchase intervals" in model.data(cell, Qt.ItemDataRole.ToolTipRole)

    dialog = orders.product_dialog(0)
    qtbot.addWidget(dialog)
    assert "40 days per unit" in dialog.suggestion_label.text() and "Not confirmed" in dialog.suggestion_label.text()
    assert dialog.cycle_box.value() == 0 and dialog.cycle_box.text() == "not set"
    dialog.use_suggestion()
    assert dialog.save()

    assert model.data(model.index(0, Column.CYCLE_DAYS)) == "40"
    assert model.data(model.index(0, Column.CYCLE_DAYS), Qt.ItemDataRole.FontRole) is None
    # no "Update reminders" click: the save regenerated the buyers' tasks and the Today page reloaded
    assert sorted(_repurchase_rows(today)) == ["客0", "客1"]
    session.tasks.wait(3000)
