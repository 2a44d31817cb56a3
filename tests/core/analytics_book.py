"""A small shop book whose analytics figures are worked out by hand (tests/core/test_analytics.py)."""

from __future__ import annotations

import datetime as dt

from core.analytics import DateRange
from core.book.models import PURCHASE_STATUSES, Customer, MemberLevel, Order, OrderItem, Product
from core.customer_stats import refresh
from core.settings import set_setting

D = dt.date
TODAY = D(2026, 3, 15)
Q1 = DateRange(D(2026, 1, 1), D(2026, 3, 15))


def add_customer(s, name, province="", deleted=False, level=None):
    c = Customer(name=name, province=province, member_level_id=level,
                 deleted_at=dt.datetime(2026, 3, 1) if deleted else None)
    s.add(c)
    s.flush()
    return c.id


def add_order(s, customer_id, day, paid_yuan, status="completed", refund_yuan=0, products=()):
    order = Order(customer_id=customer_id, status=status, is_purchase=status in PURCHASE_STATUSES,
                  created_at=dt.datetime.combine(day, dt.time(10, 0)), order_date=day,
                  paid_cents=round(paid_yuan * 100), refund_cents=round(refund_yuan * 100))
    order.items = [OrderItem(product_id=p, title="x") for p in products]
    s.add(order)
    s.flush()


def fill_shop(book) -> dict[str, int]:
    """The hand-computed book.

    A (浙江, 金卡): Jan 5 two orders 100 + 50 (one purchase day, 150); Jan 20 80 with 20 refunded (60);
       Feb 10 100; an unpaid order Jan 25 (not a purchase). Days Jan 5, Jan 20, Feb 10 → gaps 15, 21.
    B (广东): Dec 1 2025 200; Jan 10 100; a fully refunded order Jan 12 (not a purchase). Gap Jan 10 − Dec 1 = 40.
    C (广东): Feb 1 50; a closed order the same day (not a purchase).
    D (no province): Mar 1 30.
    E (浙江): only an unpaid order — a prospect.
    F: in the recycle bin, Jan 15 500 — left out of everything.
    G (浙江): Jun 1 2025 20 — churned by today (287 days > 180).
    Products: honey bought by A on Jan 5 (in both orders: one day), Feb 10, by B on Dec 1, Jan 10;
    mask bought by A on Jan 5, Jan 20 and by C on Feb 1.
    """
    with book.session() as s:
        gold = MemberLevel(name="金卡", rank=1)
        honey, mask = Product(name="蜂蜜", cycle_days=45), Product(name="面膜", cycle_days=30)
        s.add_all([gold, honey, mask])
        s.flush()
        ids = {
            "A": add_customer(s, "阿珍", "浙江", level=gold.id), "B": add_customer(s, "小白", "广东"),
            "C": add_customer(s, "陈晨", "广东"), "D": add_customer(s, "丁丁"),
            "E": add_customer(s, "鄂尔", "浙江"), "F": add_customer(s, "费费", "浙江", deleted=True),
            "G": add_customer(s, "高歌", "浙江"),
        }
        add_order(s, ids["A"], D(2026, 1, 5), 100, products=[honey.id])
        add_order(s, ids["A"], D(2026, 1, 5), 50, status="paid", products=[honey.id, mask.id])
        add_order(s, ids["A"], D(2026, 1, 20), 80, status="partial_refund", refund_yuan=20, products=[mask.id])
        add_order(s, ids["A"], D(2026, 2, 10), 100, status="delivered", products=[honey.id])
        add_order(s, ids["A"], D(2026, 1, 25), 999, status="unpaid", products=[honey.id])
        add_order(s, ids["B"], D(2025, 12, 1), 200, products=[honey.id])
        add_order(s, ids["B"], D(2026, 1, 10), 100, status="shipped", products=[honey.id])
        add_order(s, ids["B"], D(2026, 1, 12), 300, status="refunded", refund_yuan=300, products=[honey.id])
        add_order(s, ids["C"], D(2026, 2, 1), 50, products=[mask.id])
        add_order(s, ids["C"], D(2026, 2, 1), 70, status="closed", products=[honey.id])
        add_order(s, ids["D"], D(2026, 3, 1), 30, products=[None])
        add_order(s, ids["E"], D(2026, 2, 5), 40, status="unpaid")
        add_order(s, ids["F"], D(2026, 1, 15), 500, products=[honey.id])
        add_order(s, ids["G"], D(2025, 6, 1), 20)
        set_setting(s, "analytics.curve_min_customers", 1)
        refresh(s)
    return ids


