"""Marketing rules with a fixed clock: segments and exclusions, campaigns, response report, coupons,
points, member levels."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from core.book.models import Complaint, ContactLog, Customer, PointsEntry, Reminder
from core.errors import ValidationError
from core.marketing import campaigns, levels, loyalty, report, segments
from core.marketing.loyalty import CouponSpec
from core.reminders.generate import regenerate
from core.reminders.today import today_list

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


@pytest.fixture
def pool(book, make_customer, make_order):
    """Five customers: a loyal buyer, a churned one-timer, a prospect, a do-not-disturb buyer, a complainer."""
    loyal = make_customer(name="王姐", phone="13800138000", province="浙江", tags=("宝妈",), birth_month=6,
                          source_channel="moments").id
    for day in ("2026-03-01", "2026-04-01", "2026-05-01"):
        make_order(loyal, day, [("蜂蜜500g", 2, 6800)])
    churned = make_customer(name="李哥", phone="138****8000", province="江苏").id
    make_order(churned, "2025-01-10", [("面膜", 1, 5000)])
    prospect = make_customer(name="小张", phone="13900139000", province="浙江").id
    blocked = make_customer(name="赵六", phone="13700137000", province="浙江", do_not_disturb=True).id
    make_order(blocked, "2026-05-20", [("蜂蜜500g", 1, 6800)])
    complainer = make_customer(name="钱七", phone="13600136000", province="浙江").id
    make_order(complainer, "2026-05-21", [("面膜", 1, 5000)])
    with book.session() as s:
        s.add(Complaint(customer_id=complainer, status="open", kind="quality"))
    return {"loyal": loyal, "churned": churned, "prospect": prospect, "blocked": blocked, "complainer": complainer}


def test_segment_filters_select_in_sql(book, pool):
    with book.session() as s:
        assert segments.customer_ids(s, {"provinces": ["浙江"], "min_purchase_days": 3}, TODAY) == (pool["loyal"],)
        assert segments.customer_ids(s, {"tags": ["宝妈"]}, TODAY) == (pool["loyal"],)
        assert segments.customer_ids(s, {"birthday_months": [6], "source_channels": ["moments"]}, TODAY) == (
            pool["loyal"],)
        assert segments.customer_ids(s, {"stages": ["prospect"]}, TODAY) == (pool["prospect"],)
        assert segments.customer_ids(s, {"last_purchase_to": "2025-12-31"}, TODAY) == (pool["churned"],)
        assert segments.customer_ids(s, {"min_spend_cents": 40000}, TODAY) == (pool["loyal"],)
        assert segments.customer_ids(s, {"max_aov_cents": 5000, "min_purchase_days": 1}, TODAY) == (pool["churned"],)
        # an empty value is no filter; without exclusions everyone is matched
        assert segments.customer_ids(s, {"categories": []}, TODAY, reachable_only=False) == tuple(sorted(pool.values()))
        assert segments.customer_ids(s, {"rfm": ["重要价值客户"]}, TODAY) == (pool["loyal"],)
        with pytest.raises(ValidationError):
            segments.filters(s, {"colour": ["red"]}, TODAY)


def test_exclusions_are_counted_and_applied(book, pool):
    with book.session() as s:
        counted = segments.count(s, {"provinces": ["浙江"]}, TODAY)
        assert counted.matched == 4
        assert counted.excluded["do_not_disturb"] == 1 and counted.excluded["open_complaint"] == 1
        assert counted.reachable == 2
        s.add(ContactLog(customer_id=pool["prospect"], at=dt.datetime(2026, 5, 28, 9), is_marketing=True,
                         purpose="marketing", result="contacted"))
        s.flush()
        capped = segments.count(s, {"provinces": ["浙江"]}, TODAY)
        assert capped.excluded["frequency_cap"] == 1 and capped.reachable == 1
        # the cap (7 days) has passed a week later
        assert segments.count(s, {"provinces": ["浙江"]}, TODAY + dt.timedelta(days=7)).excluded["frequency_cap"] == 0


def test_builtin_winback_segments(book, pool):
    with book.session() as s:
        saved = {seg.name: seg for seg in segments.list_segments(s, TODAY)}
        assert {"winback_never", "winback_low_value", "winback_loyal"} <= set(saved)
        assert saved["winback_never"].count.matched == 1
        assert segments.customer_ids(s, saved["winback_low_value"].definition, TODAY) == (pool["churned"],)
        assert saved["winback_loyal"].count.matched == 0
        seg_id = segments.save_segment(s, "浙江宝妈", {"provinces": ["浙江"], "tags": ["宝妈"]})
        with pytest.raises(ValidationError):
            segments.save_segment(s, "浙江宝妈", {})
        assert segments.get_segment(s, seg_id).definition == {"provinces": ["浙江"], "tags": ["宝妈"]}


def test_campaign_queue_send_opt_out_and_report(book, pool, make_order, tmp_path):
    spec = CouponSpec(kind="threshold", value_cents=2000, threshold_cents=20000, valid_days=14)
    with book.session() as s:
        cid = campaigns.create_campaign(s, "六月上新", {"provinces": ["浙江", "江苏"]},
                                        "{name}，送您{coupon}，{date}前有效，最爱的{product}也有货", TODAY, coupon=spec)
        assert campaigns.build_queue(s, cid, TODAY, NOW) == 3  # do-not-disturb and complainer left out
        rows = {r.customer_id: r for r in campaigns.queue(s, cid)}
        assert rows[pool["loyal"]].message == "王姐，送您满200减20优惠券，2026-06-15前有效，最爱的蜂蜜500g也有货"
        assert rows[pool["loyal"]].sms_ok and not rows[pool["churned"]].sms_ok
        assert campaigns.mark_sent(s, cid, [pool["loyal"], pool["churned"]], NOW, "sms") == 2
        assert campaigns.mark_sent(s, cid, [pool["loyal"]], NOW) == 0
        campaigns.opt_out(s, cid, pool["prospect"], NOW)
        assert s.get(Customer, pool["prospect"]).do_not_disturb
        assert campaigns.get_campaign(s, cid).sent == 2
        touches = s.query(ContactLog).filter_by(campaign_id=cid, is_marketing=True).count()
        assert touches == 2
    make_order(pool["loyal"], "2026-06-05", [("蜂蜜500g", 3, 6800)])   # inside the 7-day window
    make_order(pool["churned"], "2026-06-09", [("面膜", 1, 5000)])       # day 8: too late
    with book.session() as s:
        r = report.campaign_report(s, cid)
        assert (r.targets, r.contacted, r.responders, r.buyers, r.orders, r.revenue_cents) == (3, 2, 1, 1, 1, 20400)
        assert r.response_rate == 0.5 and r.conversion_rate == 0.5 and r.aov_cents == 20400
        mine = report.customer_marketing(s, pool["loyal"])
        assert (mine.times_marketed, mine.times_responded, mine.last_marketed) == (1, 1, NOW)
        sms = report.export_sms(campaigns.queue(s, cid), tmp_path / "sms.csv")
        report.export_report([r], tmp_path / "report.xlsx")
    lines = list(csv.reader(sms.open(encoding="utf-8-sig")))
    assert lines[0] == ["称呼", "手机号", "短信内容", "可收短信"] and len(lines) == 4
    assert any(line[1] == "138****8000" and line[3].startswith("否") for line in lines)
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(tmp_path / "report.xlsx")).get_sheet_by_index(0).to_python()
    assert sheet[1][0] == "六月上新" and sheet[1][7] == 204


def test_coupon_use_rules_and_expiry_reminder_in_today(book, pool, make_order):
    with book.session() as s:
        ids = loyalty.issue_to_customers(s, [pool["loyal"]], CouponSpec("threshold", 2000, 20000, valid_days=10), NOW)
        coupon_id = ids[pool["loyal"]]
        regenerate(s, dt.date(2026, 6, 4))
        due = today_list(s, dt.date(2026, 6, 4))
        assert [t.kind for t in due.tasks if t.customer_id == pool["loyal"]].count("coupon_expiry") == 1
        assert loyalty.coupon_text("discount", 0, 0, 88) == "8.8折卡"
    small = make_order(pool["loyal"], "2026-06-03", [("蜂蜜500g", 1, 6800)])
    big = make_order(pool["loyal"], "2026-06-04", [("蜂蜜500g", 3, 6800)])
    with book.session() as s:
        with pytest.raises(ValidationError) as refused:
            loyalty.use_coupon(s, coupon_id, small.id, NOW)
        assert refused.value.code == "coupon_below_threshold"
        loyalty.use_coupon(s, coupon_id, big.id, NOW)
        with pytest.raises(ValidationError):
            loyalty.use_coupon(s, coupon_id, big.id, NOW)


def test_points_ledger_follows_orders_and_redeems(book, pool, make_order):
    with book.session() as s:
        # order writes kept the spend lines in step: 3 orders × ¥136 × 1 point
        assert loyalty.points_balance(s, pool["loyal"]) == 408
        assert loyalty.sync_spend_points(s, [pool["loyal"]], NOW) == 0  # idempotent
    make_order(pool["loyal"], "2026-05-25", [("蜂蜜500g", 1, 6899)], status="refunded")
    with book.session() as s:
        assert loyalty.points_balance(s, pool["loyal"]) == 408  # not a purchase: no points
        assert loyalty.award_rule_points(s, pool["loyal"], "join", NOW) is not None
        assert loyalty.award_rule_points(s, pool["loyal"], "join", NOW) is None  # once
        loyalty.award_rule_points(s, pool["loyal"], "photo_review", NOW)
        assert loyalty.redeem_points(s, pool["loyal"], 200, NOW) == 200  # 100 points = ¥1
        assert loyalty.points_balance(s, pool["loyal"]) == 408 + 100 + 50 - 200
        with pytest.raises(ValidationError):
            loyalty.redeem_points(s, pool["loyal"], 10_000, NOW)
        lines = loyalty.ledger(s, pool["loyal"])
        assert lines[-1].balance == 358 and lines[-1].reason == "redeem"
        assert s.query(PointsEntry).filter_by(reason="spend", customer_id=pool["loyal"]).count() == 3


def test_member_levels_upgrade_and_congratulate(book, pool, make_order):
    with book.session() as s:
        silver = levels.save_level(s, "银卡", 1, min_purchases=2, discount_percent=98)
        gold = levels.save_level(s, "金卡", 2, min_spend_cents=50000, discount_percent=95)
        with pytest.raises(ValidationError):
            levels.save_level(s, "空", 3)
        assert levels.recompute_levels(s, TODAY) == 1
        assert s.get(Customer, pool["loyal"]).member_level_id == silver
        assert s.query(Reminder).filter_by(kind="level_up", customer_id=pool["loyal"]).count() == 1
    make_order(pool["loyal"], "2026-06-01", [("蜂蜜500g", 1, 20000)])
    with book.session() as s:
        # the order write upgraded the customer already (core.order_writes.after_orders_written)
        assert s.get(Customer, pool["loyal"]).member_level_id == gold
        assert levels.recompute_levels(s, TODAY) == 0
        assert s.query(Reminder).filter_by(kind="level_up").count() == 2
        assert segments.customer_ids(s, {"levels": [gold]}, TODAY) == (pool["loyal"],)
