"""Orders page, order dialog and products: saving, filters, and Qt's model contract."""

import datetime as dt

import pytest

from core.customers import CustomerService
from core.dto import OrderQuery, ProductInput
from core.orders import OrderService
from core.products import ProductService
from ui.models.orders import Column, OrdersModel
from ui.models.products import ProductsModel
from ui.pages.orders import OrdersPage

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def honey(book):
    return ProductService(book).create(ProductInput(name="蜂蜜500g", category="蜂蜜", price_cents=6800, cycle_days=45))


@pytest.fixture
def page(qtbot, book, settings, honey):
    page = OrdersPage(OrderService(book), ProductService(book), CustomerService(book), settings, lambda: TODAY)
    qtbot.addWidget(page)
    return page


def test_order_and_product_models_pass_qt_model_tester(qtmodeltester, book, honey, make_customer, make_order):
    customer = make_customer(name="张伟")
    make_order(customer.id, "2026-03-01")
    make_order(customer.id, "2026-04-01", status="unpaid")
    qtmodeltester.check(OrdersModel(OrderService(book)))
    qtmodeltester.check(ProductsModel(ProductService(book)))


def test_order_dialog_saves_items_from_products_and_free_text(qtbot, book, page, honey, make_customer):
    customer = make_customer(name="张伟")
    dialog = page.order_dialog(None, customer.id)
    qtbot.addWidget(dialog)
    product_box = dialog.items_table.cellWidget(0, 0)
    product_box.setCurrentIndex(product_box.findData(honey.id))
    dialog.items_table.cellWidget(0, 1).setValue(2)
    row = dialog.add_item(title="赠品小样", unit_price_cents=0)
    assert row == 1
    dialog.postage_edit.set_cents(1000)
    dialog.discount_edit.set_cents(500)
    assert "¥141.00" in dialog.totals_label.text()
    assert dialog.save(), dialog.error_label.text()
    order = OrderService(book).for_customer(customer.id)[0]
    assert [(item.product_id, item.title, item.quantity) for item in order.items] == [
        (honey.id, "蜂蜜500g", 2), (None, "赠品小样", 1)]
    assert order.paid_cents == 13600 + 1000 - 500
    assert page.orders_model.rowCount() == 1
    assert page.orders_model.index(0, Column.CUSTOMER).data() == "张伟"


def test_order_dialog_refuses_an_order_without_customer(qtbot, page):
    dialog = page.order_dialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.error_label.text()


def test_filters_by_status_product_customer_and_date(book, page, honey, make_customer, make_order):
    zhang, li = make_customer(name="张伟"), make_customer(name="李娜")
    make_order(zhang.id, "2026-11-01", [(honey.id, 1, 6800)])
    make_order(li.id, "2026-06-01", [("面膜", 1, 5000)], status="unpaid")
    page.refresh()
    assert page.orders_model.rowCount() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData("unpaid"))
    assert page.orders_model.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.product_filter.setCurrentIndex(page.product_filter.findData(honey.id))
    assert [page.orders_model.index(0, Column.CUSTOMER).data()] == ["张伟"]
    page.product_filter.setCurrentIndex(0)
    page.set_customer_filter(li.id)
    assert page.orders_model.query == OrderQuery(customer_id=li.id)
    assert page.orders_model.rowCount() == 1
    page.set_customer_filter(None)
    page.from_check.setChecked(True)
    assert page.orders_model.rowCount() == 1  # only the last 30 days


def test_product_dialog_saves_cycle_and_lead_days(qtbot, book, page):
    dialog = page.product_dialog(None)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("面膜30片")
    dialog.category_edit.setText("护肤")
    dialog.price_edit.set_cents(9900)
    dialog.cycle_box.setValue(30)
    dialog.lead_box.setValue(5)
    assert dialog.save()
    saved = next(p for p in ProductService(book).list() if p.name == "面膜30片")
    assert (saved.cycle_days, saved.lead_days, saved.price_cents) == (30, 5, 9900)
    assert page.products_model.rowCount() == 2
    assert page.product_filter.findText("面膜30片") > 0
