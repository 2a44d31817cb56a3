"""Paste from chat end to end: Ctrl+Shift+V in the main window, and the buttons of the two dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from core.customers import CustomerService, book_counts
from core.dto import ProductInput
from core.orders import OrderService
from core.products import ProductService
from ui.dialogs.customer import CustomerDialog
from ui.dialogs.order import OrderDialog
from ui.dialogs.paste import PasteDialog
from ui.main_window import MainWindow
from ui.session import Session

MESSAGE = "老板你好 张三 13800138000 浙江省杭州市西湖区文三路100号5幢301 青梅酒两瓶 蜂蜜一瓶 共216元 谢谢"


@pytest.fixture
def products(book):
    service = ProductService(book)
    service.create(ProductInput(name="青梅酒", price_cents=8800))
    service.create(ProductInput(name="土蜂蜜 500g", price_cents=4000))
    return service


@pytest.fixture
def modal(monkeypatch):
    """Runs modal dialogs without blocking: each exec() calls the given handler with the dialog."""
    handlers: dict[type, object] = {}
    seen: dict[type, list] = {}

    def install(cls, handler):
        handlers[cls] = handler

        def exec_(dialog):
            seen.setdefault(cls, []).append(dialog)
            handler(dialog)
            return dialog.result()

        monkeypatch.setattr(cls, "exec", exec_)

    install.seen = seen
    return install


def _accept(dialog):
    dialog.accept()


def _reject(dialog):
    dialog.reject()


def _window(qtbot, book, settings):
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: dt.date(2026, 11, 23))
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    return window


def test_ctrl_shift_v_is_the_paste_shortcut(qtbot, book, settings):
    window = _window(qtbot, book, settings)

    assert window.paste_action.shortcut() == QKeySequence("Ctrl+Shift+V")
    menus = {action.menu().objectName() or action.text(): action.menu() for action in window.menuBar().actions()}
    assert any(window.paste_action in menu.actions() for menu in menus.values())


def test_the_shortcut_works_from_anywhere_and_creates_customer_and_order(qtbot, book, settings, products, modal):
    QGuiApplication.clipboard().setText(MESSAGE)
    modal(PasteDialog, _accept)
    modal(OrderDialog, lambda dialog: dialog.save())
    window = _window(qtbot, book, settings)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.search_box.setFocus()

    qtbot.keyClick(window.search_box, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    customer = CustomerService(book).find_by_phone("13800138000")[0]
    assert (customer.name, customer.province) == ("张三", "浙江省")
    order = OrderService(book).for_customer(customer.id)[0]
    assert [(item.product_name or item.title, item.quantity, item.unit_price_cents) for item in order.items] == [
        ("青梅酒", 2, 8800), ("土蜂蜜 500g", 1, 4000)]
    assert order.paid_cents == 21600
    detail = OrderService(book).get(order.id)  # the order keeps where it was sent
    assert (detail.receiver_name, detail.receiver_phone) == ("张三", "13800138000")
    assert detail.receiver_address.startswith("浙江省杭州市西湖区文三路100号")
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 customers · 1 orders"), timeout=5000)


def test_the_order_dialog_opened_by_paste_has_the_items(qtbot, book, settings, products, modal):
    modal(PasteDialog, _accept)
    modal(OrderDialog, _reject)
    window = _window(qtbot, book, settings)
    QGuiApplication.clipboard().setText(MESSAGE)

    window.paste_from_chat()

    order_dialog = modal.seen[OrderDialog][0]
    assert [item.quantity for item in order_dialog.item_inputs()] == [2, 1]
    assert order_dialog.paid_edit.cents() == 21600
    assert (order_dialog.receiver_name_edit.text(), order_dialog.receiver_phone_edit.text()) == ("张三", "13800138000")
    assert order_dialog.customer_id == CustomerService(book).find_by_phone("13800138000")[0].id


def test_cancelling_the_paste_dialog_saves_nothing(qtbot, book, settings, modal):
    modal(PasteDialog, _reject)
    window = _window(qtbot, book, settings)
    QGuiApplication.clipboard().setText(MESSAGE)

    window.paste_from_chat()

    assert CustomerService(book).find_by_phone("13800138000") == []
    assert OrderDialog not in modal.seen


def test_a_known_phone_updates_that_customer_instead_of_adding_one(qtbot, book, settings, make_customer, modal):
    existing = make_customer(name="老张", phone="13800138000", district="上城区", address_detail="解放路1号")
    modal(PasteDialog, _accept)
    window = _window(qtbot, book, settings)
    QGuiApplication.clipboard().setText("张三 13800138000 浙江省杭州市西湖区文三路100号")

    window.paste_from_chat()

    rows = CustomerService(book).find_by_phone("13800138000")
    assert [row.id for row in rows] == [existing.id]
    assert CustomerService(book).get(existing.id).fields.address_detail == "文三路100号"


def test_the_customer_dialog_button_fills_the_form(qtbot, book, modal):
    customers = CustomerService(book)
    dialog = CustomerDialog(customers, OrderService(book), [])
    qtbot.addWidget(dialog)
    modal(PasteDialog, _accept)
    QGuiApplication.clipboard().setText(MESSAGE)

    dialog.paste_button.click()

    data = dialog.customer_input()
    assert (data.name, data.phone, data.province, data.city, data.district, data.address_detail) == (
        "张三", "13800138000", "浙江省", "杭州市", "西湖区", "文三路100号5幢301")
    assert customers.find_by_phone("13800138000") == []  # nothing saved until the dialog's own Save


def test_the_customer_dialog_warns_when_the_pasted_phone_is_taken(qtbot, book, make_customer, modal):
    make_customer(name="老张", phone="13800138000")
    dialog = CustomerDialog(CustomerService(book), OrderService(book), [])
    qtbot.addWidget(dialog)
    modal(PasteDialog, _accept)
    QGuiApplication.clipboard().setText(MESSAGE)

    dialog.paste_button.click()

    assert "老张" in dialog.phone_hint.text()


def test_the_order_dialog_button_fills_items_and_finds_the_customer(qtbot, book, products, make_customer, modal):
    existing = make_customer(name="张三", phone="13800138000")
    dialog = OrderDialog(OrderService(book), CustomerService(book), products.list())
    qtbot.addWidget(dialog)
    modal(PasteDialog, _accept)
    QGuiApplication.clipboard().setText(MESSAGE)

    dialog.paste_button.click()

    assert dialog.customer_id == existing.id
    assert "张三" in dialog.customer_label.text()
    assert [(item.product_id is not None, item.quantity) for item in dialog.item_inputs()] == [(True, 2), (True, 1)]
    assert dialog.save()
    assert OrderService(book).for_customer(existing.id)[0].paid_cents == 21600


def test_the_order_dialog_keeps_its_chosen_customer(qtbot, book, products, make_customer, modal):
    chosen = make_customer(name="李四", phone="13900139000")
    dialog = OrderDialog(OrderService(book), CustomerService(book), products.list(), customer_id=chosen.id)
    qtbot.addWidget(dialog)
    modal(PasteDialog, _accept)
    QGuiApplication.clipboard().setText(MESSAGE)

    dialog.paste_button.click()

    assert dialog.customer_id == chosen.id
    assert modal.seen[PasteDialog][0].customer is None
    assert CustomerService(book).find_by_phone("13800138000") == []


def _order_sent_to_mum(qtbot, book, products, make_customer):
    """An order saved from a new order dialog with a receiver typed in; (orders, its detail, a dialog on it)."""
    customer = make_customer(name="老张", phone="13800138000")
    orders = OrderService(book)
    dialog = OrderDialog(orders, CustomerService(book), products.list(), customer_id=customer.id)
    qtbot.addWidget(dialog)
    dialog.add_item(None, "青梅酒", 1, 8800)
    dialog.set_receiver("老张的妈妈", "13900139000", "湖南省长沙市岳麓区麓山路1号")
    assert dialog.save()
    saved = orders.get(orders.for_customer(customer.id)[0].id)
    again = OrderDialog(orders, CustomerService(book), products.list(), detail=saved)
    qtbot.addWidget(again)
    return orders, saved, again


def test_the_receiver_of_an_order_is_edited_in_its_dialog(qtbot, book, products, make_customer):
    orders, saved, again = _order_sent_to_mum(qtbot, book, products, make_customer)
    assert (saved.receiver_name, saved.receiver_phone, saved.receiver_address) == (
        "老张的妈妈", "13900139000", "湖南省长沙市岳麓区麓山路1号")
    assert again.receiver_name_edit.text() == "老张的妈妈"
    again.receiver_address_edit.setText("路" * 500)  # the dialog holds no more than the order keeps
    assert len(again.receiver_address_edit.text()) == 400
    again.receiver_address_edit.setText("湖南省长沙市天心区")
    assert again.save()
    assert orders.get(saved.id).receiver_address == "湖南省长沙市天心区"


def test_pasting_a_message_without_an_address_keeps_the_orders_ship_to_address(qtbot, book, products,
                                                                                make_customer):
    from core.smartpaste.parser import parse_message

    _orders, _saved, again = _order_sent_to_mum(qtbot, book, products, make_customer)
    parsed = parse_message("老张 13800138000 再来两瓶青梅酒", ["青梅酒"])
    assert not parsed.address
    again.fill_from_message(parsed)
    assert (again.receiver_name_edit.text(), again.receiver_phone_edit.text(), again.receiver_address_edit.text()) == (
        "老张", "13800138000", "湖南省长沙市岳麓区麓山路1号")
