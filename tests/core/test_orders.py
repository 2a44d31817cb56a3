"""Orders with items; purchases, purchase days and derived customer figures kept right after writes."""

import datetime as dt

import pytest

from core.customers import CustomerService
from core.dto import OrderInput, OrderItemInput, OrderQuery, ProductInput
from core.errors import ConflictError, ValidationError
from core.orders import OrderService
from core.products import ProductService


def test_amounts_default_from_items_postage_and_discount(book, make_customer):
    c = make_customer(name="张伟")
    o = OrderService(book).create(OrderInput(
        customer_id=c.id, created_at=dt.datetime(2026, 3, 2, 21, 30), status="paid",
        items=(OrderItemInput(title="蜂蜜500g", quantity=2, unit_price_cents=6800),
               OrderItemInput(title="面膜", quantity=1, unit_price_cents=9900)),
        postage_cents=1000, discount_cents=500))
    assert o.goods_cents == 2 * 6800 + 9900
    assert o.paid_cents == o.goods_cents + 1000 - 500
    assert o.order_date == dt.date(2026, 3, 2) and o.is_purchase


def test_derived_figures_count_purchase_days_and_exclude_non_purchases(book, make_customer, make_order):
    c = make_customer(name="张伟")
    make_order(c.id, "2026-01-01", items=(("蜂蜜", 1, 5000),), hour=9)
    make_order(c.id, "2026-01-01", items=(("面膜", 1, 3000),), hour=20)  # same day: one purchase day
    make_order(c.id, "2026-02-15", items=(("蜂蜜", 1, 5000),), status="partial_refund", refund_cents=1000)
    make_order(c.id, "2026-03-01", items=(("蜂蜜", 1, 5000),), status="refunded")
    make_order(c.id, "2026-03-02", items=(("蜂蜜", 1, 5000),), status="closed")
    make_order(c.id, "2026-03-03", items=(("蜂蜜", 1, 5000),), status="unpaid")
    d = CustomerService(book).get(c.id)
    assert d.purchase_count == 3
    assert d.purchase_days == 2
    assert d.total_spend_cents == 5000 + 3000 + 5000 - 1000
    assert d.first_purchase_on == dt.date(2026, 1, 1) and d.last_purchase_on == dt.date(2026, 2, 15)
    assert d.typical_interval_days == 45
    assert d.avg_order_cents == round(12000 / 3)


def test_editing_and_deleting_orders_keeps_figures_right(book, make_customer, make_order):
    a = make_customer(name="甲")
    b = make_customer(name="乙")
    o = make_order(a.id, "2026-01-01", items=(("蜂蜜", 1, 5000),))
    service = OrderService(book)
    moved = service.update(o.id, OrderInput(customer_id=b.id, created_at=o.created_at, status="completed",
                                            items=(OrderItemInput(title="蜂蜜", quantity=2, unit_price_cents=5000),)),
                           expected_version=o.version)
    customers = CustomerService(book)
    assert customers.get(a.id).purchase_days == 0 and customers.get(b.id).total_spend_cents == 10000
    with pytest.raises(ConflictError):
        service.update(o.id, OrderInput(customer_id=b.id, created_at=o.created_at), expected_version=o.version)
    service.delete(moved.id)
    assert customers.get(b.id).purchase_days == 0 and customers.get(b.id).last_purchase_on is None


def test_platform_order_number_is_unique_per_platform(book, make_customer, make_order):
    c = make_customer(name="张伟")
    make_order(c.id, "2026-01-01", platform="taobao", platform_order_no="351531314732935790")
    make_order(c.id, "2026-01-01", platform="pinduoduo", platform_order_no="351531314732935790")
    with pytest.raises(ValidationError) as err:
        make_order(c.id, "2026-01-02", platform="taobao", platform_order_no="351531314732935790")
    assert err.value.code == "order_no_taken"
    assert OrderService(book).count(OrderQuery()) == 2


@pytest.mark.parametrize("bad", [
    {"items": (OrderItemInput(title="蜂蜜", quantity=0),)},
    {"items": (OrderItemInput(title="蜂蜜", quantity=1, unit_price_cents=-1),)},
    {"items": (OrderItemInput(title="  "),)},
    {"status": "lost"},
    {"postage_cents": -100},
])
def test_invalid_orders_are_refused_and_nothing_written(book, make_customer, bad):
    c = make_customer(name="张伟")
    service = OrderService(book)
    with pytest.raises(ValidationError):
        service.create(OrderInput(customer_id=c.id, created_at=dt.datetime(2026, 1, 1), **bad))
    assert service.count(OrderQuery()) == 0


def test_items_link_to_products_and_filters_work(book, make_customer, make_order):
    products = ProductService(book)
    honey = products.create(ProductInput(name="蜂蜜500g", cycle_days=45, price_cents=6800))
    c = make_customer(name="张伟")
    make_order(c.id, "2026-01-01", items=((honey.id, 2, 6800),))
    make_order(c.id, "2026-02-01", items=(("面膜", 1, 3000),), status="unpaid")
    service = OrderService(book)
    rows = service.list_page(OrderQuery(product_id=honey.id))
    assert [r.items_summary for r in rows] == ["蜂蜜500g ×2"]
    assert service.count(OrderQuery(statuses=("unpaid",))) == 1
    assert service.count(OrderQuery(date_from=dt.date(2026, 1, 15))) == 1
    detail = service.for_customer(c.id)
    assert [o.items[0].product_name for o in detail] == ["", "蜂蜜500g"]


def test_text_filter_ignores_ascii_case_on_every_engine(book, make_customer, make_order):
    c = make_customer(name="张伟")
    make_order(c.id, "2026-01-01", tracking_no="SF1234567890", platform_order_no="TB-AbC-9")
    make_order(c.id, "2026-01-02", tracking_no="YT555")
    service = OrderService(book)
    assert service.count(OrderQuery(text="sf123")) == 1
    assert service.count(OrderQuery(text="abc")) == 1
    assert service.count(OrderQuery(text="%")) == 0  # wildcards stay literal


def test_product_validation_and_unique_names(book):
    products = ProductService(book)
    products.create(ProductInput(name="蜂蜜500g", cycle_days=45))
    with pytest.raises(ValidationError):
        products.create(ProductInput(name="蜂蜜500g"))
    with pytest.raises(ValidationError):
        products.create(ProductInput(name="茶", cycle_days=0))
    assert [p.name for p in products.list()] == ["蜂蜜500g"]


def test_full_refresh_writes_only_changed_rows_and_resets_lost_purchases(book, make_customer, make_order):
    from sqlalchemy import update

    from core import customer_stats
    from core.book.models import Customer, Order

    a, b, c = make_customer(name="甲"), make_customer(name="乙"), make_customer(name="丙")
    make_order(a.id, "2026-01-01", items=(("蜂蜜", 1, 5000),))
    make_order(a.id, "2026-01-31", items=(("蜂蜜", 1, 5000),))
    gone = make_order(b.id, "2026-02-01", items=(("面膜", 1, 3000),))
    with book.session() as s:
        assert customer_stats.refresh(s) == 0  # everything already right: nothing written
        # Figures drift behind the service's back: b's only order vanishes, a's spend is wrong.
        s.execute(update(Order).where(Order.id == gone.id).values(is_purchase=False))
        s.execute(update(Customer).where(Customer.id == a.id).values(total_spend_cents=1))
        assert customer_stats.refresh(s) == 2
        assert customer_stats.refresh(s) == 0
    customers = CustomerService(book)
    assert customers.get(a.id).total_spend_cents == 10000 and customers.get(a.id).typical_interval_days == 30
    lost = customers.get(b.id)
    assert (lost.purchase_days, lost.purchase_count, lost.total_spend_cents, lost.last_purchase_on) == (0, 0, 0, None)
    assert customers.get(c.id).purchase_days == 0


def test_receiver_and_shipping_texts_longer_than_their_columns_are_refused(book, make_customer):
    c = make_customer(name="张伟")
    service = OrderService(book)
    base = dict(customer_id=c.id, created_at=dt.datetime(2026, 3, 2, 21, 30), status="paid",
                items=(OrderItemInput(title="蜂蜜", quantity=1, unit_price_cents=6800),))
    kept = service.create(OrderInput(**base, receiver_name="张" * 100, receiver_address="路" * 400))
    assert (len(kept.receiver_name), len(kept.receiver_address)) == (100, 400)
    for name, limit in (("receiver_address", 400), ("receiver_phone", 40), ("carrier", 50)):
        with pytest.raises(ValidationError) as err:
            service.create(OrderInput(**base, **{name: "1" * (limit + 1)}))
        assert (err.value.code, err.value.details["field"], err.value.details["limit"]) == ("text_too_long", name, limit)
    assert len(service.for_customer(c.id)) == 1


def test_a_refund_above_what_was_paid_is_refused_and_the_order_left_as_it_was(book, make_customer, make_order):
    """Removing the line that was refunded kept its refund on the smaller order: the customer's spend went below
    zero (hostile testing: a Douyin sub-order refunded, then removed in the app)."""
    customer = make_customer(name="王芳", phone="13800138000")
    order = make_order(customer.id, "2026-03-01", items=(("面霜", 1, 10000), ("精华", 1, 20000)),
                       status="partial_refund", refund_cents=20000)
    service = OrderService(book)
    edited = OrderInput(customer_id=customer.id, created_at=order.created_at, status="partial_refund",
                        items=(OrderItemInput(title="面霜", quantity=1, unit_price_cents=10000),), refund_cents=20000)
    with pytest.raises(ValidationError) as refused:
        service.update(order.id, edited, expected_version=order.version)
    assert refused.value.code == "refund_above_paid"
    assert refused.value.details["value"] == "200.00" and refused.value.details["limit"] == "100.00"
    kept = service.get(order.id)
    assert (kept.paid_cents, kept.refund_cents, len(kept.items)) == (30000, 20000, 2)
    assert CustomerService(book).get(customer.id).total_spend_cents == 10000
