"""A coupon used while editing an order in the order dialog."""

from __future__ import annotations

import datetime as dt

from core.customers import CustomerService
from core.dto import OrderInput, OrderItemInput
from core.marketing.loyalty import CouponSpec
from core.marketing.service import MarketingService
from core.orders import OrderService
from ui.dialogs.order import OrderDialog

NOW = dt.datetime(2026, 6, 1, 10, 0)


def test_a_coupon_used_on_an_edited_order_lowers_what_is_paid_as_the_dialog_shows(qtbot, book, make_customer):
    """The edit dialog fills Paid with the stored amount, so OrderService.update gets a typed paid and
    redeem_on_order(lower_paid=False) adds the coupon to the discount without taking it off what was paid."""
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    detail = orders.create(OrderInput(customer_id=customer, created_at=dt.datetime(2026, 6, 1, 11), status="paid",
                                      items=(OrderItemInput(title="蜂蜜500g", quantity=1, unit_price_cents=12000),)))
    service.issue_coupon(customer, CouponSpec("cash", 2000, valid_days=3650), NOW)
    dialog = OrderDialog(orders, CustomerService(book), [], detail=detail, marketing=service)
    qtbot.addWidget(dialog)
    dialog.rewards.coupon_box.setCurrentIndex(1)
    assert dialog.totals_label.text() == "Goods ¥120.00 · coupon and points −¥20.00 · to pay ¥100.00"
    assert dialog.save()
    saved = orders.get(detail.id)
    assert (saved.discount_cents, saved.paid_cents) == (2000, 10000)
