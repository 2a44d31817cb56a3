"""The MarketingService calls behind the loyalty screens: levels edited and deleted, points rules, coupons
issued to a segment or a customer, coupon and points used on an order in the order's own transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from core.book.models import Coupon, Customer, PointsEntry, Reminder
from core.dto import OrderInput, OrderItemInput, OrderRedemption
from core.errors import ValidationError
from core.marketing import levels, segments
from core.marketing.loyalty import CouponSpec
from core.marketing.service import MarketingService
from core.orders import OrderService

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


def _order(customer_id: int, cents: int, day: str = "2026-06-01", postage: int = 0) -> OrderInput:
    return OrderInput(customer_id=customer_id, created_at=dt.datetime.fromisoformat(f"{day} 11:00"),
                      status="paid", items=(OrderItemInput(title="蜂蜜500g", quantity=1, unit_price_cents=cents),),
                      postage_cents=postage)


def test_level_save_recomputes_everyone_and_delete_moves_members_down(book, make_customer, make_order):
    service = MarketingService(book)
    big = make_customer(name="王姐", phone="13800138000").id
    make_order(big, "2026-05-01", [("蜂蜜500g", 1, 60000)])
    small = make_customer(name="李哥", phone="13900139000").id
    make_order(small, "2026-05-02", [("蜂蜜500g", 1, 5000)])
    assert service.save_level("银卡", 1, TODAY, min_purchases=1, discount_percent=98) == 2
    silver = service.levels()[0].id
    assert service.save_level("金卡", 2, TODAY, min_spend_cents=50000, discount_percent=95) == 1
    with book.session() as s:
        gold = s.get(Customer, big).member_level_id
        assert s.get(Customer, small).member_level_id == silver
        # defining levels is not a change the customers made: no congratulate task (Today is not flooded)
        assert s.query(Reminder).filter_by(kind="level_up").count() == 0
    with pytest.raises(ValidationError) as taken:
        service.save_level("金卡", 3, TODAY, min_purchases=9)
    assert taken.value.code == "level_name_taken"
    # renaming a level keeps its own name free for itself
    service.save_level("金卡", 2, TODAY, min_spend_cents=50000, discount_percent=90, level_id=gold)
    assert service.delete_level(gold) == 1
    with book.session() as s:
        assert s.get(Customer, big).member_level_id == silver  # down to what is left, no new task
        assert s.query(Reminder).filter_by(kind="level_up").count() == 0
    assert [lv.name for lv in service.levels()] == ["银卡"]


def test_points_rules_are_checked_and_drive_awards(book, make_customer):
    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    service.set_points_rule("marketing.points_referral", 300)
    assert service.points_rules()["marketing.points_referral"] == 300
    for key, value in (("marketing.points_join", -1), ("marketing.points_per_yuan_redeemed", 0),
                       ("marketing.cap", 1)):
        with pytest.raises(ValidationError):
            service.set_points_rule(key, value)
    service.award_points(customer, "referral", NOW, "介绍了小张")
    assert service.redeem_points(customer, 100, NOW, "换购小样") == 100  # 100 points = ¥1
    rewards = service.rewards(customer, TODAY)
    assert [(line.reason, line.delta, line.balance, line.note) for line in rewards.ledger] == [
        ("referral", 300, 300, "介绍了小张"), ("redeem", -100, 200, "换购小样")]
    assert rewards.balance == 200


def test_issue_coupon_to_segment_respects_exclusions(book, make_customer):
    service = MarketingService(book)
    make_customer(name="王姐", phone="13800138000", province="浙江")
    make_customer(name="赵六", phone="13700137000", province="浙江", do_not_disturb=True)
    make_customer(name="李哥", phone="13600136000", province="江苏")
    definition = {"provinces": ["浙江"]}
    assert service.count(definition, TODAY).reachable == 1
    assert service.issue_coupon_to_segment(definition, CouponSpec("threshold", 2000, 20000, valid_days=10),
                                           TODAY, NOW) == 1
    with book.session() as s:
        coupon = s.query(Coupon).one()
        assert (coupon.threshold_cents, coupon.expires_on) == (20000, dt.date(2026, 6, 11))


def test_coupon_statuses_and_open_coupons(book, make_customer):
    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    short = service.issue_coupon(customer, CouponSpec("cash", 500, valid_days=2), NOW)
    long = service.issue_coupon(customer, CouponSpec("free_shipping", 0, valid_days=30), NOW)
    statuses = {k.id: status for k, status in service.rewards(customer, dt.date(2026, 6, 5)).coupons}
    assert statuses == {short: "expired", long: "open"}
    assert [k.id for k in service.open_coupons(customer, dt.date(2026, 6, 5))] == [long]


def test_coupon_and_points_used_on_a_new_order(book, make_customer):
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    service.award_points(customer, "referral", NOW)  # 200 points
    coupon = service.issue_coupon(customer, CouponSpec("threshold", 2000, 10000), NOW)
    detail = orders.create(_order(customer, 12000), OrderRedemption(coupon, 200))
    # ¥20 coupon + 200 points (¥2) off ¥120
    assert (detail.discount_cents, detail.paid_cents) == (2200, 9800)
    assert service.open_coupons(customer, TODAY) == []
    with book.session() as s:
        redeem = s.query(PointsEntry).filter_by(reason="redeem").one()
        assert (redeem.delta, redeem.order_id) == (-200, detail.id)
    # spend points follow what was paid after the redemption: floor(98) × 1
    assert service.rewards(customer, TODAY).balance == 98


def test_refused_redemption_saves_nothing(book, make_customer):
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    coupon = service.issue_coupon(customer, CouponSpec("threshold", 2000, 20000), NOW)
    with pytest.raises(ValidationError) as refused:
        orders.create(_order(customer, 12000), OrderRedemption(coupon, 0))
    assert refused.value.code == "coupon_below_threshold"
    with pytest.raises(ValidationError) as poor:
        orders.create(_order(customer, 12000), OrderRedemption(None, 50))
    assert poor.value.code == "points_insufficient"
    assert orders.for_customer(customer) == []
    assert len(service.open_coupons(customer, TODAY)) == 1


def test_discount_and_free_shipping_cards_on_an_edited_order(book, make_customer):
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    detail = orders.create(_order(customer, 10000, postage=800))
    card = service.issue_coupon(customer, CouponSpec("discount", 0, discount_percent=90), NOW)
    edited = orders.update(detail.id, _order(customer, 10000, postage=800), detail.version, OrderRedemption(card))
    assert (edited.discount_cents, edited.paid_cents) == (1000, 9800)  # 10 % of the goods
    shipping = service.issue_coupon(customer, CouponSpec("free_shipping", 0), NOW)
    typed = orders.create(replace(_order(customer, 5000, postage=800), paid_cents=5800), OrderRedemption(shipping))
    assert (typed.discount_cents, typed.paid_cents) == (800, 5800)  # a typed paid amount stays as typed


def test_segment_list_keys_accept_a_single_value(book, make_customer):
    make_customer(name="小张", phone="13900139000")
    with book.session() as s:
        assert segments.validate_definition({"stages": "prospect", "levels": 0}) == {"stages": ["prospect"],
                                                                                     "levels": [0]}
        assert len(segments.customer_ids(s, {"stages": "prospect"}, TODAY)) == 1
        with pytest.raises(ValidationError):
            segments.validate_definition({"stages": {"a": 1}})
        assert levels.list_levels(s) == []


def test_points_worth_more_than_the_order_are_refused(book, make_customer):
    service, orders = MarketingService(book), OrderService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    for rule in ("referral", "join", "photo_review"):
        service.award_points(customer, rule, NOW)  # 200 + 100 + 50 = 350 points, ¥3.50 at 100 a yuan
    coupon = service.issue_coupon(customer, CouponSpec("cash", 900), NOW)
    # A ¥10 order less the ¥9 coupon leaves ¥1: 100 points pay it, 101 would be lost.
    with pytest.raises(ValidationError) as refused:
        orders.create(_order(customer, 1000), OrderRedemption(coupon, 101))
    assert refused.value.code == "points_exceed_order" and refused.value.details["max"] == 100
    assert orders.for_customer(customer) == [] and service.rewards(customer, TODAY).balance == 350
    detail = orders.create(_order(customer, 1000), OrderRedemption(coupon, 100))
    assert (detail.discount_cents, detail.paid_cents) == (1000, 0)
