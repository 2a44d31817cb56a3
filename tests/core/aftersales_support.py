"""Test support for after-sales: a fixed clock and a hand-built book (customers and orders via the ORM)."""

from __future__ import annotations

import datetime as dt

from core import customer_stats
from core.book.models import PURCHASE_STATUSES, Customer, Order


class FixedClock:
    """A clock the test moves by hand: `clock()` returns now; `advance(hours=…, days=…)` moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def add_customer(book, name: str = "王芳", **fields) -> int:
    with book.session() as s:
        customer = Customer(name=name, **fields)
        s.add(customer)
        s.flush()
        return customer.id


def add_order(book, customer_id: int, day: str, *, platform: str = "taobao", paid_cents: int = 6800,
              status: str = "completed", order_no: str | None = None) -> int:
    created = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10, 0))
    with book.session() as s:
        order = Order(customer_id=customer_id, platform=platform, platform_order_no=order_no, status=status,
                      is_purchase=status in PURCHASE_STATUSES, created_at=created, order_date=created.date(),
                      paid_at=created, paid_cents=paid_cents, goods_cents=paid_cents)
        s.add(order)
        s.flush()
        customer_stats.refresh(s, [customer_id])
        return order.id


def tasks_of(book, prefix: str) -> dict[str, tuple]:
    """rule_key -> (status, due_date, outcome) of every task whose key starts with prefix."""
    from sqlalchemy import select

    from core.book.models import Reminder

    with book.session() as s:
        rows = s.scalars(select(Reminder).where(Reminder.rule_key.startswith(prefix)))
        return {r.rule_key: (r.status, r.due_date, r.outcome) for r in rows}
