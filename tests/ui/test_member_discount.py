"""The member discount on the order dialog (#22): suggested from the customer's level, applied only when the
seller accepts it."""

from __future__ import annotations

import datetime as dt

from core.customers import CustomerService
from core.marketing.service import MarketingService
from core.orders import OrderService
from ui.dialogs.order import OrderDialog

TODAY = dt.date(2026, 6, 1)


def test_member_discount_is_suggested_and_applied_when_accepted(qtbot, book, make_customer, make_order):
    marketing, orders = MarketingService(book), OrderService(book)
    member = make_customer(name="王姐").id
    make_order(member, "2026-05-01", [("蜂蜜500g", 1, 5000)])
    marketing.save_level("金卡", 1, TODAY, min_purchases=1, discount_percent=95)
    dialog = OrderDialog(orders, CustomerService(book), [], customer_id=member, marketing=marketing)
    qtbot.addWidget(dialog)
    dialog.items_table.removeRow(0)  # the empty row of a new order
    dialog.add_item(title="蜂蜜500g", quantity=2, unit_price_cents=10000)
    assert not dialog.member_discount.isHidden()
    # ¥200 of goods at 95 % → ¥10 off, suggested but not applied
    assert dialog.member_discount.text_label.text() == "金卡: pays 95 % of the goods → −¥10.00"
    assert dialog.discount_edit.cents() == 0
    dialog.member_discount.apply_button.click()
    assert dialog.discount_edit.cents() == 1000
    assert dialog.totals_label.text() == "Goods ¥200.00 · to pay ¥190.00"
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    assert orders.get(saved.args[0].id).discount_cents == 1000


def test_no_member_discount_line_without_a_discounting_level(qtbot, book, make_customer, make_order):
    marketing = MarketingService(book)
    plain = make_customer(name="李哥").id
    make_order(plain, "2026-05-01", [("蜂蜜500g", 1, 5000)])
    marketing.save_level("银卡", 1, TODAY, min_purchases=1)  # 100 %: no discount
    dialog = OrderDialog(OrderService(book), CustomerService(book), [], customer_id=plain, marketing=marketing)
    qtbot.addWidget(dialog)
    assert dialog.member_discount.isHidden()
