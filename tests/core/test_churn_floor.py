"""The churn threshold's floor (docs/ANALYTICS.md "Churn and dormancy"): the multiplier × the longer of the
customer's usual interval and the cycle of what they last bought; 180 days when neither is known; never
below 30 days. Stored stages, the SQL stage and `stage_of` agree."""

import dataclasses
import datetime as dt

from sqlalchemy import select

from core import customer_stats
from core.book.models import Customer
from core.customers import CustomerService
from core.dto import CustomerQuery, ProductInput
from core.products import ProductService

D = dt.date


def stage(book, customer_id: int, day: dt.date) -> str:
    """The stage as the list shows it on `day` (stored stages moved to that day)."""
    service = CustomerService(book)
    service.ensure_stages(day)
    return next(r.stage for r in service.list_page(CustomerQuery(today=day)) if r.id == customer_id)


def test_churn_days_rule():
    t = {"stage.churn_cycle_multiplier": 2, "stage.churn_default_days": 180, "stage.churn_min_days": 30}
    assert customer_stats.churn_days(None, None, t) == 180  # nothing known
    assert customer_stats.churn_days(1, None, t) == 30  # a next-day reorder: 2 days, lifted to the floor
    assert customer_stats.churn_days(1, 45, t) == 90  # the product lasts 45 days
    assert customer_stats.churn_days(100, 45, t) == 200  # their own rhythm is slower than the product
    assert customer_stats.churn_days(None, 80, t) == 160  # one purchase of goods lasting 80 days


def test_a_next_day_reorder_is_not_churn_three_days_later(book, make_customer, make_order):
    c = make_customer(name="急")
    make_order(c.id, "2026-03-01", items=(("散装", 1, 1000),))
    make_order(c.id, "2026-03-02", items=(("散装", 1, 1000),))  # interval 1 day, no product cycle
    assert stage(book, c.id, D(2026, 3, 5)) == "returning"
    # churn after max(2 × 1, 30) = 30 days, dormant after 22.5
    assert stage(book, c.id, D(2026, 3, 24)) == "returning"  # 22 days
    assert stage(book, c.id, D(2026, 3, 25)) == "dormant"  # 23 days
    assert stage(book, c.id, D(2026, 4, 1)) == "dormant"  # 30 days: not past the threshold yet
    assert stage(book, c.id, D(2026, 4, 2)) == "churned"  # 31 days


def test_the_product_cycle_lifts_the_floor(book, make_customer, make_order):
    honey = ProductService(book).create(ProductInput(name="蜂蜜", cycle_days=45))
    c = make_customer(name="蜜")
    make_order(c.id, "2026-03-01", items=((honey.id, 1, 5000),))
    make_order(c.id, "2026-03-02", items=((honey.id, 1, 5000),))
    # the last purchase day's honey lasts 45 days → churn after 90, dormant after 67.5
    assert stage(book, c.id, D(2026, 4, 2)) == "returning"
    assert stage(book, c.id, D(2026, 5, 8)) == "returning"  # 67 days
    assert stage(book, c.id, D(2026, 5, 9)) == "dormant"  # 68 days
    assert stage(book, c.id, D(2026, 5, 31)) == "dormant"  # 90 days
    assert stage(book, c.id, D(2026, 6, 1)) == "churned"


def test_one_purchase_customers_use_their_products_cycle(book, make_customer, make_order):
    honey = ProductService(book).create(ProductInput(name="蜂蜜", cycle_days=40))
    jars, plain = make_customer(name="两罐"), make_customer(name="无周期")
    make_order(jars.id, "2026-01-01", items=((honey.id, 2, 5000),))  # 2 jars × 40 days = 80 → churn 160
    make_order(plain.id, "2026-01-01", items=(("礼盒", 1, 5000),))  # no cycle → 180, dormant after 135
    with book.session() as s:
        assert s.get(Customer, jars.id).cycle_days == 80 and s.get(Customer, plain.id).cycle_days is None
    day = D(2026, 1, 1) + dt.timedelta(days=130)
    assert (stage(book, jars.id, day), stage(book, plain.id, day)) == ("dormant", "new")  # 130 > 120
    day = D(2026, 1, 1) + dt.timedelta(days=161)
    assert (stage(book, jars.id, day), stage(book, plain.id, day)) == ("churned", "dormant")


def test_changing_a_products_cycle_moves_its_buyers(book, make_customer, make_order):
    products = ProductService(book)
    mask = products.create(ProductInput(name="面膜"))
    c = make_customer(name="膜")
    make_order(c.id, "2026-01-01", items=((mask.id, 3, 5000),))
    day = D(2026, 1, 1) + dt.timedelta(days=170)
    assert stage(book, c.id, day) == "dormant"  # no cycle: 180 days, dormant after 135
    products.update(mask.id, dataclasses.replace(ProductInput(name="面膜"), cycle_days=20), mask.version)
    with book.session() as s:
        assert s.get(Customer, c.id).cycle_days == 60  # 3 boxes × 20 days
    assert stage(book, c.id, day) == "churned"  # 170 > 2 × 60
    products.delete(mask.id)
    with book.session() as s:
        assert s.get(Customer, c.id).cycle_days is None
    assert stage(book, c.id, day) == "dormant"


def test_sql_stage_equals_python_stage_with_cycles(book, make_customer, make_order):
    honey = ProductService(book).create(ProductInput(name="蜂蜜", cycle_days=45))
    people = [make_customer(name=f"客{i}") for i in range(4)]
    make_order(people[0].id, "2026-01-01", items=((honey.id, 2, 5000),))
    make_order(people[1].id, "2026-01-01")
    make_order(people[1].id, "2026-01-02")
    make_order(people[2].id, "2026-01-01", items=((honey.id, 1, 5000),))
    make_order(people[2].id, "2026-03-01", items=(("散装", 1, 100),))
    service = CustomerService(book)
    for offset in range(0, 300, 11):
        day = D(2026, 1, 1) + dt.timedelta(days=offset)
        service.ensure_stages(day)
        with book.session() as s:
            thresholds = customer_stats.stage_thresholds(s)
            rows = s.scalars(select(Customer)).all()
            stored = {r.id: r.stage for r in rows}
            computed = {r.id: customer_stats.stage_of(r.purchase_days, r.total_spend_cents, r.last_purchase_on,
                                                      r.typical_interval_days, day, thresholds, r.cycle_days)
                        for r in rows}
        assert stored == computed, day
