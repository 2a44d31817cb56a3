"""Complaints: the whole life with a fixed clock, tasks opened and closed, compensation issuing coupons/points."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from core import rewards
from core.aftersales.service import ComplaintService
from core.book.models import Complaint, ContactLog, Coupon, PointsEntry, Reminder
from core.errors import ConflictError, NotFound, RejectedInput, ValidationError
from core.settings import set_setting
from tests.core.aftersales_support import FixedClock, add_customer, add_order, tasks_of

START = dt.datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def clock():
    return FixedClock(START)


@pytest.fixture
def service(book, clock):
    return ComplaintService(book, clock)


def test_whole_life_of_a_complaint(book, clock, service):
    cid = add_customer(book, "王芳")
    oid = add_order(book, cid, "2026-02-27")
    c = service.open(cid, kind="quality", channel="wechat", description="蜂蜜结晶了，怀疑有问题",
                     evidence=["/photos/a.jpg", " "], order_id=oid)
    assert (c.status, c.category, c.evidence, c.customer_name) == ("open", "product", ("/photos/a.jpg",), "王芳")
    assert c.first_response_due == dt.datetime(2026, 3, 3, 10, 0)
    key = f"complaint:{c.id}:first_response"
    assert tasks_of(book, f"complaint:{c.id}:") == {key: ("open", dt.date(2026, 3, 3), "")}
    with book.session() as s:
        task = s.scalar(select(Reminder).where(Reminder.rule_key == key))
        facts = json.loads(task.facts_json)
        assert (task.kind, task.customer_id, task.complaint_id, task.order_id) == ("complaint", cid, c.id, oid)
    assert facts["customer"] == "王芳" and facts["task"] == "first_response" and facts["due"] == "2026-03-03"
    assert "24 hours" in facts["reason"]
    assert not c.first_response_overdue(START + dt.timedelta(hours=23))
    assert c.first_response_overdue(START + dt.timedelta(hours=24, minutes=1))

    clock.advance(hours=3)
    c = service.tick_step(c.id, 1, "电话道歉")
    assert c.first_response_at == dt.datetime(2026, 3, 2, 13, 0)
    assert not c.first_response_overdue(START + dt.timedelta(days=2))
    assert tasks_of(book, key)[key] == ("done", dt.date(2026, 3, 3), "contacted")
    service.tick_step(c.id, 2, "确认是正常结晶")
    c = service.tick_step(c.id, 3)
    assert [s.code for s in c.steps] == ["apologise", "respond", "empathise"]

    clock.advance(hours=2)
    c = service.compensate(c.id, compensation_type="coupon", amount_cents=1000, note="下次用")
    assert c.compensation_type == "coupon" and c.compensated_at == dt.datetime(2026, 3, 2, 15, 0)
    assert c.step_done(4) is not None and c.follow_up_due == dt.date(2026, 3, 9)
    with book.session() as s:
        coupon = s.scalar(select(Coupon).where(Coupon.complaint_id == c.id))
        assert (coupon.customer_id, coupon.kind, coupon.value_cents, coupon.source) == (cid, "cash", 1000, "complaint")
        assert coupon.expires_on == dt.date(2026, 4, 1)
    assert c.coupon_ids == (coupon.id,)
    with pytest.raises(RejectedInput) as err:
        service.compensate(c.id, compensation_type="coupon", amount_cents=1000)
    assert err.value.code == "complaint_already_compensated"

    c = service.resolve(c.id, "换新一瓶并送优惠券")
    assert c.status == "resolved" and c.follow_up_due == dt.date(2026, 3, 9)
    with pytest.raises(RejectedInput):
        service.resolve(c.id, "again")

    clock.now = dt.datetime(2026, 3, 9, 20, 0)
    c = service.record_follow_up(c.id, "她很满意")
    assert c.step_done(5).done_at == clock.now
    assert tasks_of(book, f"complaint:{c.id}:follow_up")[f"complaint:{c.id}:follow_up"][0] == "done"
    c = service.close(c.id)
    assert c.status == "closed" and c.closed_at == clock.now
    with book.session() as s:
        results = s.scalars(select(ContactLog.result).where(ContactLog.complaint_id == c.id)
                            .order_by(ContactLog.at)).all()
        assert results == ["first_response", "follow_up"]
    assert all(status == "done" for status, _, _ in tasks_of(book, "complaint:").values())
    assert service.reopen(c.id).status == "open"


def test_points_compensation_writes_the_ledger_and_setting_moves_follow_up(book, clock, service):
    cid = add_customer(book)
    with book.session() as s:
        set_setting(s, "aftersales.follow_up_days", 3)
        set_setting(s, "aftersales.first_response_hours", 2)
    c = service.open(cid, kind="slow_shipping")
    assert c.category == "service" and c.first_response_due == START + dt.timedelta(hours=2)
    c = service.compensate(c.id, compensation_type="points", points=200)
    assert c.compensation_points == 200 and c.follow_up_due == dt.date(2026, 3, 5)
    # compensating counts as the first response
    assert c.first_response_at == START
    with book.session() as s:
        entry = s.scalar(select(PointsEntry).where(PointsEntry.complaint_id == c.id))
        assert (entry.delta, entry.reason, entry.customer_id) == (200, "compensation", cid)
        assert rewards.points_balance(s, cid) == 200


def test_follow_up_planned_by_resolution_without_compensation(book, clock, service):
    cid = add_customer(book)
    c = service.open(cid, kind="attitude")
    clock.advance(days=1)
    c = service.resolve(c.id, "道歉了")
    assert c.follow_up_due == dt.date(2026, 3, 10)


def test_closing_skips_open_tasks_and_first_response_overdue_stays_in_list(book, clock, service):
    cid = add_customer(book)
    c = service.open(cid, kind="logistics")
    clock.advance(days=2)
    c = service.close(c.id)
    key = f"complaint:{c.id}:first_response"
    assert tasks_of(book, key)[key] == ("skipped", dt.date(2026, 3, 3), "case_closed")
    with pytest.raises(RejectedInput):
        service.tick_step(c.id, 1)


def test_bad_input_writes_nothing(book, service):
    cid = add_customer(book)
    other = add_customer(book, "李雷")
    foreign_order = add_order(book, other, "2026-02-01")
    with pytest.raises(ValidationError):
        service.open(cid, kind="bad_kind")
    with pytest.raises(ValidationError) as err:
        service.open(cid, kind="quality", order_id=foreign_order)
    assert err.value.code == "order_of_other_customer"
    with pytest.raises(NotFound):
        service.open(9999, kind="quality")
    with pytest.raises(NotFound) as missing:
        service.get(9999)
    assert missing.value.code == "complaint_not_found"
    with book.session() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 0
        assert s.scalar(select(func.count()).select_from(Reminder)) == 0
    c = service.open(cid, kind="damaged")
    with pytest.raises(ValidationError):
        service.tick_step(c.id, 6)
    with pytest.raises(ValidationError):
        service.compensate(c.id, compensation_type="points", points=0)
    with pytest.raises(ValidationError):
        service.compensate(c.id, compensation_type="coupon", amount_cents=0)
    assert service.get(c.id).compensated_at is None


def test_update_and_for_customer(book, clock, service):
    cid = add_customer(book)
    first = service.open(cid, kind="other")
    clock.advance(hours=1)
    second = service.open(cid, kind="quality", description="x")
    updated = service.update(first.id, kind="colour_difference", channel="phone", description=" 颜色不对 ",
                             evidence=["a.png"], order_id=None, version=first.version)
    assert (updated.kind, updated.channel, updated.description) == ("colour_difference", "phone", "颜色不对")
    assert [c.id for c in service.for_customer(cid)] == [second.id, first.id]
    with pytest.raises(ConflictError):
        service.update(first.id, kind="other", channel="phone", description="", evidence=[], order_id=None,
                       version=first.version)


def test_rewards_validate(book):
    cid = add_customer(book)
    at = START
    with book.session() as s:
        with pytest.raises(ValidationError):
            rewards.issue_coupon(s, cid, kind="gold", value_cents=100, issued_at=at)
        with pytest.raises(ValidationError):
            rewards.issue_coupon(s, cid, kind="cash", value_cents=100, issued_at=at, expires_on=dt.date(2026, 1, 1))
        with pytest.raises(NotFound):
            rewards.add_points(s, 999, 10, reason="manual", at=at)
        rewards.add_points(s, cid, 50, reason="join", at=at)
        with pytest.raises(ValidationError) as err:
            rewards.add_points(s, cid, -60, reason="redeem", at=at)
        assert err.value.code == "points_insufficient"
        rewards.add_points(s, cid, -50, reason="redeem", at=at)
        assert rewards.points_balance(s, cid) == 0


def test_first_response_recorded_from_the_today_list_counts(book, clock, service):
    from core.aftersales.stats import CaseQueries

    cid = add_customer(book)
    c = service.open(cid, kind="quality")
    with book.session() as s:
        task = s.scalar(select(Reminder).where(Reminder.rule_key == f"complaint:{c.id}:first_response"))
        task.status = "done"
        s.add(ContactLog(customer_id=cid, at=START + dt.timedelta(hours=5), channel="wechat", purpose="aftersales",
                         reminder_id=task.id, complaint_id=c.id, result="contacted"))
    c = service.get(c.id)
    assert c.first_response_at == START + dt.timedelta(hours=5)
    assert not c.first_response_overdue(START + dt.timedelta(days=3))
    assert CaseQueries(book, clock).statistics().response_hours == (5.0,)
    clock.advance(days=1)
    assert service.tick_step(c.id, 1, "电话道歉").first_response_at == START + dt.timedelta(hours=5)


def test_settings_saved_validated_and_used(book, clock):
    from core.aftersales.service import AftersalesService

    svc = AftersalesService(book, clock)
    assert svc.settings()["aftersales.first_response_hours"] == 24
    saved = svc.save_settings({"aftersales.first_response_hours": 12,
                               "aftersales.review_deadline_days": {"taobao": 15}})
    assert saved["aftersales.review_deadline_days"] == {"taobao": 15}
    for bad in ({"aftersales.follow_up_days": 0}, {"aftersales.review_deadline_days": {"ebay": 3}},
                {"aftersales.review_reasons": []}, {"aftersales.nonsense": 1}, {"stage.churn_default_days": 9},
                {"aftersales.first_response_hours": 12, "aftersales.coupon_valid_days": "30"}):
        with pytest.raises(ValidationError):
            svc.save_settings(bad)
    assert svc.settings()["aftersales.coupon_valid_days"] == 30
    cid = add_customer(book)
    assert svc.complaints.open(cid, kind="other").first_response_due == START + dt.timedelta(hours=12)
    review = svc.reviews.open(cid, platform="taobao", level="mid", review_date=START.date())
    assert review.days_left == 15


def test_follow_up_done_from_the_today_list_counts_as_step_five(book, clock, service):
    from core.reminders.actions import mark_done

    cid = add_customer(book, "李香")
    c = service.open(cid, kind="quality", channel="wechat", description="瓶子漏了")
    c = service.compensate(c.id, compensation_type="partial_refund", amount_cents=500)
    key = f"complaint:{c.id}:follow_up"
    with book.session() as s:
        task_id = s.scalar(select(Reminder.id).where(Reminder.rule_key == key))
        mark_done(s, task_id, "no_answer", dt.datetime(2026, 3, 9, 9, 0))  # not reached: not done yet
    assert service.get(c.id).step_done(5) is None
    clock.now = dt.datetime(2026, 3, 10, 11, 0)
    with book.session() as s:
        mark_done(s, task_id, "contacted", clock.now, note="她说很好用")
    c = service.get(c.id)
    assert (c.step_done(5).done_at, c.step_done(5).note) == (clock.now, "她说很好用")
    assert [step.step for step in c.steps] == [4, 5]
    c = service.resolve(c.id, "退了五元")  # does not plan another follow-up
    assert tasks_of(book, key)[key][0] == "done"
    clock.advance(hours=2)
    c = service.record_follow_up(c.id)  # ticked in the dialog afterwards: the Today contact stays the record
    assert (c.step_done(5).done_at, c.step_done(5).note) == (dt.datetime(2026, 3, 10, 11, 0), "她说很好用")
    with book.session() as s:
        follow_ups = s.scalar(select(func.count()).select_from(ContactLog).where(
            ContactLog.complaint_id == c.id, ContactLog.reminder_id.is_not(None), ContactLog.result == "contacted"))
        dialog_logs = s.scalars(select(ContactLog.result).where(ContactLog.complaint_id == c.id,
                                                                ContactLog.reminder_id.is_(None))).all()
    assert follow_ups == 1 and "follow_up" not in dialog_logs
