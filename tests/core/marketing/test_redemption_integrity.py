"""Coupons, points and member levels against order deletes, moves, merges and two writers at once."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from core.book.db import Book
from core.book.models import Customer
from core.customers import CustomerService
from core.dto import OrderInput, OrderItemInput, OrderRedemption
from core.marketing import loyalty
from core.marketing.loyalty import CouponSpec
from core.marketing.service import MarketingService
from core.orders import OrderService

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


def _order(customer_id: int, cents: int) -> OrderInput:
    return OrderInput(customer_id=customer_id, created_at=dt.datetime(2026, 6, 1, 11), status="paid",
                      items=(OrderItemInput(title="蜂蜜500g", quantity=1, unit_price_cents=cents),))


def test_deleting_an_order_takes_back_its_spend_points(book, make_customer):
    """Pre-existing: the spend line's order_id is set NULL by the delete and sync_spend_points only looks at
    lines with an order id, so the points of a deleted order stay in the balance."""
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    detail = orders.create(_order(customer, 10000))
    assert service.rewards(customer, TODAY).balance == 100  # 1 point per yuan
    orders.delete(detail.id)
    assert service.rewards(customer, TODAY).balance == 0


def test_an_order_moved_to_another_customer_moves_its_spend_points(book, make_customer):
    """Pre-existing: sync_spend_points sums the spend lines of an order over both customers, so the order's
    points stay with the customer it left and the new owner gets none."""
    service, orders = MarketingService(book), OrderService(book)
    first = make_customer(name="王姐", phone="13800138000").id
    second = make_customer(name="李哥", phone="13900139000").id
    detail = orders.create(_order(first, 10000))
    orders.update(detail.id, replace(_order(second, 10000)), detail.version)
    assert (service.rewards(first, TODAY).balance, service.rewards(second, TODAY).balance) == (0, 100)


def test_deleting_an_order_gives_back_the_points_and_coupon_used_on_it(book, make_customer):
    """New with redeem_on_order: the redeem line and the used coupon outlive the order they paid for."""
    service, orders = MarketingService(book), OrderService(book)
    service.set_points_rule("marketing.points_per_yuan", 0)  # no spend points: only the redemption counts
    customer = make_customer(name="王姐", phone="13800138000").id
    service.award_points(customer, "referral", NOW)  # 200 points
    coupon = service.issue_coupon(customer, CouponSpec("cash", 1000, valid_days=3650), NOW)
    detail = orders.create(_order(customer, 12000), OrderRedemption(coupon, 200))
    orders.delete(detail.id)
    assert service.rewards(customer, TODAY).balance == 200
    assert [k.id for k in service.open_coupons(customer, TODAY)] == [coupon]


def test_merging_two_customers_brings_the_kept_one_to_the_level_their_spend_reaches(book, make_customer,
                                                                                     make_order):
    """Pre-existing: merge moves orders and refreshes the figures but not the member level."""
    service = MarketingService(book)
    keep = make_customer(name="王姐", phone="13800138000").id
    other = make_customer(name="王姐", phone="13900139000").id
    make_order(keep, "2026-05-01", [("蜂蜜500g", 1, 30000)])
    make_order(other, "2026-05-02", [("蜂蜜500g", 1, 30000)])
    service.save_level("金卡", 1, TODAY, min_spend_cents=50000)
    gold = service.levels()[0].id
    CustomerService(book).merge(keep, other, backup=False)
    with book.session() as s:
        assert s.get(Customer, keep).total_spend_cents == 60000
        assert s.get(Customer, keep).member_level_id == gold


# --- two people on one shared book at once (PostgreSQL) -----------------------------------------------


@pytest.fixture
def other_book(book):
    other = Book.open(book.location, lock=False, daily_backup=False, backup_root=book.backup_root)
    yield other
    other.close()


def _run_both(first, second):
    def outcome(fn):
        try:
            return fn()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(2) as pool:
        return [f.result() for f in [pool.submit(outcome, first), pool.submit(outcome, second)]]


@pytest.mark.postgres
def test_one_coupon_is_not_used_on_two_orders_saved_at_once(book, other_book, make_customer, monkeypatch):
    """READ COMMITTED: both transactions read the coupon unused before either commits, both mark it used."""
    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    coupon = service.issue_coupon(customer, CouponSpec("cash", 1000, valid_days=3650), NOW)
    barrier, original = threading.Barrier(2, timeout=3), loyalty.coupon_cents_off

    def after_both_checked(*args):
        # Both meet here when both got past use_coupon (the bug); when the second waits inside use_coupon
        # for the first to commit (the fix), the first gives up waiting after 3 s and goes on.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return original(*args)

    monkeypatch.setattr(loyalty, "coupon_cents_off", after_both_checked)
    results = _run_both(lambda: OrderService(book).create(_order(customer, 12000), OrderRedemption(coupon)),
                        lambda: OrderService(other_book).create(_order(customer, 12000), OrderRedemption(coupon)))
    monkeypatch.undo()
    discounted = [o for o in OrderService(book).for_customer(customer) if o.discount_cents]
    assert len(discounted) == 1, results


@pytest.mark.postgres
def test_points_spent_on_two_orders_at_once_never_go_below_zero(book, other_book, make_customer, monkeypatch):
    """READ COMMITTED: both balance checks see 200 points before either redeem line is committed."""
    from core import rewards

    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    service.award_points(customer, "referral", NOW)  # 200 points
    barrier, original = threading.Barrier(2, timeout=3), rewards.points_balance

    def balance_then_wait(session, customer_id):
        value = original(session, customer_id)
        with contextlib.suppress(threading.BrokenBarrierError):  # see the coupon test above
            barrier.wait()
        return value

    monkeypatch.setattr(rewards, "points_balance", balance_then_wait)
    results = _run_both(lambda: OrderService(book).create(_order(customer, 12000), OrderRedemption(None, 200)),
                        lambda: OrderService(other_book).create(_order(customer, 12000), OrderRedemption(None, 200)))
    monkeypatch.undo()
    with book.session() as s:
        redeemed = -sum(line.delta for line in loyalty.ledger(s, customer) if line.reason == "redeem")
    assert redeemed <= 200, results
