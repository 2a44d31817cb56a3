"""Member level-up tasks (#22): only an upgrade earned by purchases makes one, its reason and message name the
new level, and it expires like other notices (reminder.expire_notices_after_days, 7 days)."""

from __future__ import annotations

import datetime as dt
import json

from core.book.models import Customer, Reminder
from core.marketing.service import MarketingService
from core.reminders.generate import regenerate
from core.reminders.reasons import format_reason
from core.reminders.today import today_list
from core.settings import get_settings
from core.templates import default_body, render

DAY = dt.date(2026, 6, 1)


def level_tasks(book):
    with book.session() as s:
        return [(r.customer_id, r.rule_key, r.status) for r in s.query(Reminder).filter_by(kind="level_up")
                .order_by(Reminder.id)]


def test_defining_levels_does_not_flood_today_and_only_real_upgrades_make_a_task(book, make_customer, make_order):
    service = MarketingService(book)
    big, small = make_customer(name="王姐").id, make_customer(name="李哥").id
    make_order(big, "2026-05-01", [("蜂蜜500g", 1, 60000)])
    make_order(small, "2026-05-02", [("蜂蜜500g", 1, 10000)])
    service.save_level("银卡", 1, DAY, min_purchases=2, discount_percent=98)
    assert service.save_level("金卡", 2, DAY, min_spend_cents=50000, discount_percent=95) == 1  # 王姐 moved up
    assert level_tasks(book) == []  # defining levels is not a change the customer made
    gold, silver = (lv.id for lv in sorted(service.levels(), key=lambda lv: -lv.rank))
    make_order(small, "2026-06-01", [("蜂蜜500g", 1, 10000)])  # a second purchase day → 银卡
    assert level_tasks(book) == [(small, f"level_up:{small}:{silver}", "open")]
    make_order(small, "2026-06-01", [("蜂蜜500g", 1, 1000)], hour=15)  # same level: nothing new
    assert len(level_tasks(book)) == 1
    make_order(small, "2026-06-02", [("蜂蜜500g", 1, 40000)])  # ¥510 in all → 金卡
    assert [key for _, key, _ in level_tasks(book)] == [f"level_up:{small}:{silver}", f"level_up:{small}:{gold}"]
    with book.session() as s:
        assert s.get(Customer, small).member_level_id == gold


def test_reason_and_message_name_the_new_level(book, make_customer, make_order):
    service = MarketingService(book)
    service.save_level("银卡会员", 1, DAY, min_purchases=2)
    service.save_level("金卡会员", 2, DAY, min_spend_cents=50000)
    c = make_customer(name="小周").id
    make_order(c, "2026-06-01", [("蜂蜜500g", 1, 10000)])
    make_order(c, "2026-06-02", [("蜂蜜500g", 1, 10000)])
    make_order(c, "2026-06-03", [("蜂蜜500g", 1, 40000)])
    with book.session() as s:
        due = s.query(Reminder).filter_by(kind="level_up").first().due_date  # the day of the order write
        tasks = {t.reason: t for t in today_list(s, due, language="zh_CN").tasks if t.kind == "level_up"}
        facts = [json.loads(r.facts_json) for r in s.query(Reminder).filter_by(kind="level_up").order_by(Reminder.id)]
    assert set(tasks) == {"会员升级为银卡会员", "会员升级为金卡会员（原银卡会员）"}
    assert "恭喜您升级为" in tasks["会员升级为金卡会员（原银卡会员）"].message
    assert "金卡会员" in tasks["会员升级为金卡会员（原银卡会员）"].message
    assert format_reason("level_up", facts[-1], "en", DAY) == "Member level up to 金卡会员 (was 银卡会员)"
    assert render(default_body("level_up", "en"), {"name": "Anna", "shop": "Bee", "level": "Gold"}).text.startswith(
        "Congratulations Anna, you are now a Gold member at Bee!")


def test_a_level_up_task_expires_like_other_notices(book, make_customer, make_order):
    service = MarketingService(book)
    service.save_level("银卡", 1, DAY, min_purchases=2)
    c = make_customer(name="小周").id
    make_order(c, "2026-06-01", [("蜂蜜500g", 1, 10000)])
    make_order(c, "2026-06-02", [("蜂蜜500g", 1, 10000)])
    with book.session() as s:
        due = s.query(Reminder).filter_by(kind="level_up").one().due_date  # the day of the order write
        notice_days = get_settings(s, "reminder.")["reminder.expire_notices_after_days"]
        last, later = due + dt.timedelta(days=notice_days), due + dt.timedelta(days=notice_days + 1)
        assert any(t.kind == "level_up" for t in today_list(s, last).tasks)  # as late as a notice lives: listed
        assert not any(t.kind == "level_up" for t in today_list(s, later).tasks)
        regenerate(s, later)
    assert level_tasks(book)[0][2] == "expired"
