"""Mid/bad reviews: contact attempts, retry tasks, offers, outcomes, deadlines, risk buyers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.aftersales.reviews import ReviewService
from core.book.models import ContactLog, Coupon, Customer, Reminder
from core.errors import RejectedInput, ValidationError
from core.settings import set_setting
from tests.core.aftersales_support import FixedClock, add_customer, add_order, tasks_of

START = dt.datetime(2026, 3, 10, 9, 0)


@pytest.fixture
def clock():
    return FixedClock(START)


@pytest.fixture
def service(book, clock):
    return ReviewService(book, clock)


def test_whole_life_of_a_bad_review(book, clock, service):
    cid = add_customer(book, "小周")
    oid = add_order(book, cid, "2026-03-01")
    r = service.open(cid, platform="taobao", level="bad", review_date=dt.date(2026, 3, 8),
                     text="物流太慢，包装破了", reason="logistics", order_id=oid)
    assert r.change_deadline == dt.date(2026, 4, 7) and r.days_left == 28
    assert r.status == "open" and r.suggested_channel == "phone"
    k = f"review:{r.id}:"
    assert tasks_of(book, k) == {k + "contact": ("open", dt.date(2026, 3, 10), ""),
                                 k + "deadline_check": ("open", dt.date(2026, 4, 4), "")}
    with book.session() as s:
        facts = json.loads(s.scalar(select(Reminder.facts_json).where(Reminder.rule_key == k + "contact")))
    assert (facts["case"], facts["customer"], facts["level"], facts["due"]) == ("review", "小周", "bad", "2026-03-10")

    clock.advance(hours=1)
    r = service.log_attempt(r.id, channel="phone", result="no_answer", note="没接")
    assert r.suggested_channel == "wechat" and [a.result for a in r.attempts] == ["no_answer"]
    tasks = tasks_of(book, k)
    assert tasks[k + "contact"] == ("done", dt.date(2026, 3, 10), "no_answer")
    assert tasks[k + "retry:2026-03-11"] == ("open", dt.date(2026, 3, 11), "")

    clock.now = dt.datetime(2026, 3, 11, 20, 30)
    r = service.log_attempt(r.id, channel="wechat", result="reached", note="加了微信，愿意聊")
    assert tasks_of(book, k + "retry:")[k + "retry:2026-03-11"] == ("done", dt.date(2026, 3, 11), "contacted")
    assert r.days_left == 27
    with book.session() as s:
        log = s.scalars(select(ContactLog).where(ContactLog.bad_review_id == r.id).order_by(ContactLog.at)).all()
        assert [(x.channel, x.purpose, x.is_marketing) for x in log] == [("phone", "aftersales", False),
                                                                         ("wechat", "aftersales", False)]

    r = service.make_offer(r.id, offer_type="cash")
    assert (r.offer_type, r.offer_cents, r.offer_at) == ("cash", 1000, clock.now)
    with pytest.raises(RejectedInput):
        service.make_offer(r.id, offer_type="cash")

    clock.advance(days=1)
    r = service.record_outcome(r.id, "revised", temperament_note="讲道理，喜欢被重视")
    assert (r.status, r.outcome) == ("closed", "revised")
    assert {v[0] for v in tasks_of(book, k).values()} == {"done"}
    assert tasks_of(book, k)[k + "deadline_check"][2] == "revised"
    with book.session() as s:
        assert s.get(Customer, cid).personality.endswith("2026-03-12 讲道理，喜欢被重视")
    with pytest.raises(RejectedInput):
        service.log_attempt(r.id, channel="phone", result="reached")
    assert service.reopen(r.id).status == "open"


def test_coupon_and_free_shipping_offers_issue_coupons(book, service):
    cid = add_customer(book)
    mid = service.open(cid, platform="taobao", level="mid", review_date=START.date())
    r = service.make_offer(mid.id, offer_type="coupon")
    assert r.offer_cents == 500
    other = service.open(cid, platform="pinduoduo", level="bad", review_date=START.date())
    service.make_offer(other.id, offer_type="free_shipping")
    with book.session() as s:
        coupons = s.scalars(select(Coupon).order_by(Coupon.id)).all()
        assert [(c.kind, c.value_cents, c.source, c.bad_review_id) for c in coupons] == [
            ("cash", 500, "review", mid.id), ("free_shipping", 0, "review", other.id)]
        assert coupons[0].expires_on == dt.date(2026, 4, 9)


def test_deadline_per_platform_and_check_never_in_the_past(book, clock, service):
    cid = add_customer(book)
    with book.session() as s:
        set_setting(s, "aftersales.review_deadline_days", {"taobao": 30, "pinduoduo": 15})
    old = service.open(cid, platform="taobao", level="bad", review_date=dt.date(2026, 2, 8))
    assert old.change_deadline == dt.date(2026, 3, 10) and old.days_left == 0
    key = f"review:{old.id}:deadline_check"
    assert tasks_of(book, key)[key][1] == START.date()
    pdd = service.open(cid, platform="pinduoduo", level="mid", review_date=dt.date(2026, 3, 9))
    assert pdd.change_deadline == dt.date(2026, 3, 24)
    douyin = service.open(cid, platform="douyin", level="mid", review_date=dt.date(2026, 3, 9))
    assert douyin.change_deadline == dt.date(2026, 4, 8)  # the default for other platforms
    moved = service.update(pdd.id, platform="taobao", level="mid", review_date=dt.date(2026, 3, 9), text="t",
                           reason="quality", order_id=None)
    key = f"review:{pdd.id}:deadline_check"
    assert moved.change_deadline == dt.date(2026, 4, 8)
    assert tasks_of(book, key) == {key: ("open", dt.date(2026, 4, 5), "")}


def test_refused_ends_contact_without_retry_and_unreachable_outcome(book, service):
    cid = add_customer(book)
    r = service.open(cid, platform="taobao", level="bad", review_date=START.date())
    service.log_attempt(r.id, channel="phone", result="refused")
    assert not any(key.split(":")[2] == "retry" for key in tasks_of(book, f"review:{r.id}:"))
    r = service.record_outcome(r.id, "unreachable")
    assert r.status == "closed"


def test_bad_input(book, service):
    cid = add_customer(book)
    with pytest.raises(ValidationError):
        service.open(cid, platform="ebay", level="bad", review_date=START.date())
    with pytest.raises(ValidationError):
        service.open(cid, platform="taobao", level="awful", review_date=START.date())
    with pytest.raises(ValidationError) as err:
        service.open(cid, platform="taobao", level="bad", review_date=dt.date(2026, 3, 11))
    assert err.value.code == "review_date_future"
    r = service.open(cid, platform="taobao", level="bad", review_date=START.date())
    with pytest.raises(ValidationError):
        service.log_attempt(r.id, channel="phone", result="maybe")
    with pytest.raises(ValidationError):
        service.record_outcome(r.id, "forgotten")
    with pytest.raises(ValidationError):
        service.update_risk_check(r.id, {"is_a_robot": True}, {})


def test_professional_bad_reviewer_check_and_risk_warning(book, service):
    cid = add_customer(book, "可疑买家")
    r = service.open(cid, platform="taobao", level="bad", review_date=START.date(), text="假货！")
    assert r.risk_score == 0 and service.risk_warning(cid) is None
    r = service.update_risk_check(
        r.id, {"new_account": True, "refuses_platform_chat": True, "remote_address": True, "cheap_fragile": False},
        {"new_account": "注册 3 天", "remote_address": "新疆偏远乡镇"}, note="同一地址多个账号")
    assert r.risk_score == 3
    assert {s.name: (s.ticked, s.evidence) for s in r.signs}["new_account"] == (True, "注册 3 天")
    assert not r.customer_risk_buyer
    warning = service.set_risk_buyer(cid, True)
    assert warning.risk_buyer and warning.best_score == 3
    assert warning.signs == ("new_account", "refuses_platform_chat", "remote_address")
    assert warning.evidence == ("注册 3 天", "新疆偏远乡镇", "同一地址多个账号")
    assert service.get(r.id).customer_risk_buyer
    with book.session() as s:
        assert s.get(Customer, cid).risk_buyer is True
    second = service.open(cid, platform="taobao", level="bad", review_date=START.date())
    service.update_risk_check(second.id, {"new_account": True}, {"new_account": "注册 3 天"})
    assert service.risk_warning(cid).evidence == ("注册 3 天", "新疆偏远乡镇", "同一地址多个账号")  # no repeats
    assert service.set_risk_buyer(cid, False) is None
    assert service.risk_warning(cid) is None


def test_contacts_logged_from_the_today_list_count_as_attempts(book, service):
    cid = add_customer(book)
    r = service.open(cid, platform="taobao", level="bad", review_date=START.date())
    with book.session() as s:
        task_id = s.scalar(select(Reminder.id).where(Reminder.rule_key == f"review:{r.id}:contact"))
        for at, channel, result in ((START, "other", "snoozed"), (START + dt.timedelta(hours=1), "phone", "contacted")):
            s.add(ContactLog(customer_id=cid, at=at, channel=channel, purpose="aftersales", reminder_id=task_id,
                             bad_review_id=r.id, result=result))
    r = service.get(r.id)
    assert [(a.channel, a.result) for a in r.attempts] == [("phone", "contacted")]
    assert r.suggested_channel == "phone"  # the phone worked
