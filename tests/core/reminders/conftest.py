"""Fixtures for the reminder tests: small factories for hand-built rows in the shared `book`."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from core import customer_stats
from core.book.models import PURCHASE_STATUSES, Coupon, Customer, Order, OrderItem, Product


class Factory:
    """Builds customers, products, orders and coupons in one session (ids assigned by flush)."""

    _numbers = itertools.count(1)

    def __init__(self, session):
        self.s = session

    def customer(self, name: str = "王芳", **fields) -> Customer:
        c = Customer(name=name, phone=fields.pop("phone", "13800138000"), **fields)
        self.s.add(c)
        self.s.flush()
        return c

    def product(self, name: str = "蜂蜜500g", cycle: int | None = 45, lead: int = 3) -> Product:
        p = Product(name=name, cycle_days=cycle, lead_days=lead)
        self.s.add(p)
        self.s.flush()
        return p

    def order(self, customer: Customer, day: dt.date, items=(), status: str = "completed", *,
              delivered: dt.date | None = None, shipped: dt.date | None = None, paid: dt.date | None = None,
              closed: dt.date | None = None, refund_cents: int = 0, paid_cents: int = 9900) -> Order:
        at = dt.datetime.combine(day, dt.time(10, 0))
        o = Order(customer_id=customer.id, platform="wechat", platform_order_no=f"NO{next(self._numbers)}",
                  status=status, is_purchase=status in PURCHASE_STATUSES, created_at=at, order_date=day,
                  paid_at=_at(paid) if paid else (at if status != "unpaid" and status != "closed" else None),
                  shipped_at=_at(shipped), delivered_at=_at(delivered), closed_at=_at(closed),
                  paid_cents=paid_cents if status != "unpaid" else 0, goods_cents=paid_cents,
                  refund_cents=refund_cents)
        for product, qty in items:
            o.items.append(OrderItem(product_id=product.id, title=product.name, quantity=qty,
                                     unit_price_cents=paid_cents, amount_cents=paid_cents * qty))
        self.s.add(o)
        self.s.flush()
        customer_stats.refresh(self.s, [customer.id])
        return o

    def coupon(self, customer: Customer, expires: dt.date, value_cents: int = 2000, **fields) -> Coupon:
        k = Coupon(customer_id=customer.id, value_cents=value_cents, expires_on=expires, **fields)
        self.s.add(k)
        self.s.flush()
        return k


def _at(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time(15, 0)) if day else None


@pytest.fixture
def make(book):
    """A factory bound to one open session of the shared `book` fixture (committed at the end of the test)."""
    with book.session() as s:
        yield Factory(s)


@pytest.fixture
def factory():
    """The Factory class, for tests that manage their own sessions."""
    return Factory
