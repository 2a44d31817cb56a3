"""A day's list, not a backlog: ranking, daily capacity, true group totals, bulk skip / snooze, expiry by kind.

Fixed clock: TODAY is injected everywhere; nothing reads the wall clock.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from core.aftersales.tasks import complaint_key, upsert_task
from core.book.models import Complaint, ContactLog, Reminder
from core.reminders import regenerate, today_list
from core.reminders.actions import skip_many, snooze_many
from core.reminders.today import day_list, listed_ids
from core.settings import set_setting

D = dt.date
TODAY = D(2026, 5, 20)
NOW = dt.datetime(2026, 5, 20, 10, 0)


def _book(make):
    """五个顾客 (names say who they are):
    大客户 spent ¥5,000 and her honey repurchase is due today; 小客户 spent ¥99, same; 催付 has an unpaid
    order placed today; 投诉 opened a complaint yesterday, first response due today; 老茶客 spent ¥8,000
    and her tea's use care is 3 days late."""
    honey = make.product("蜂蜜500g", cycle=30, lead=3)
    tea = make.product("普洱茶", cycle=60, lead=3)
    soap = make.product("手工皂", cycle=None)
    big = make.customer("大客户", phone="13800000001")
    make.order(big, TODAY - dt.timedelta(days=27), [(honey, 1)], paid_cents=500000)
    small = make.customer("小客户", phone="13800000002")
    make.order(small, TODAY - dt.timedelta(days=27), [(honey, 1)], paid_cents=9900)
    unpaid = make.customer("催付", phone="13800000003")
    make.order(unpaid, TODAY, [(soap, 1)], status="unpaid", paid_cents=3900)
    tea_lover = make.customer("老茶客", phone="13800000004")
    make.order(tea_lover, TODAY - dt.timedelta(days=33), [(tea, 1)], paid_cents=800000)
    angry = make.customer("投诉", phone="13800000005")
    complaint = Complaint(customer_id=angry.id, kind="damaged", status="open",
                          opened_at=dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(15, 0)))
    make.s.add(complaint)
    make.s.flush()
    upsert_task(make.s, complaint_key(complaint.id, "first_response"), kind="complaint", customer_id=angry.id,
                due_date=TODAY, complaint_id=complaint.id, facts={"case": "complaint", "task": "first_response"})
    regenerate(make.s, TODAY)


def test_time_critical_first_then_today_by_value_then_overdue(make):
    _book(make)
    listed = today_list(make.s, TODAY, now=NOW)
    assert [(t.customer_name, t.kind) for t in listed.tasks] == [
        ("催付", "unpaid"), ("投诉", "complaint"),  # time-critical: 催付 (60 × ¥50 floor) before the complaint (50 × ¥50)
        ("大客户", "repurchase"), ("小客户", "repurchase"),  # due today: the ¥5,000 customer first
        ("老茶客", "use_care"),  # overdue: last, however valuable
    ]
    assert [t.rank for t in listed.tasks] == [1, 2, 3, 4, 5]
    assert [t.overdue_days for t in listed.tasks] == [0, 0, 0, 0, 3]


def test_the_day_s_list_stops_at_the_capacity_and_group_totals_count_everything(make):
    _book(make)
    set_setting(make.s, "reminder.daily_capacity", 3)
    day = day_list(make.s, TODAY)
    assert [t.customer_name for t in day.tasks] == ["催付", "投诉", "大客户"]
    assert (day.total, day.day_count, day.overdue) == (5, 3, 1)
    # the repurchase group counts both tasks although one is shown
    assert day.group_total("repurchase") == 2 and day.group_total("use_care") == 1
    assert sum(g.total for g in day.groups) == 5
    rest = today_list(make.s, TODAY, limit=None, offset=3)
    assert [(t.rank, t.customer_name) for t in rest.tasks] == [(4, "小客户"), (5, "老茶客")]


def test_bulk_skip_and_snooze_of_a_group_lose_nothing(make):
    _book(make)
    ids = listed_ids(make.s, TODAY, "repurchase")
    assert len(ids) == 2
    assert snooze_many(make.s, ids, TODAY + dt.timedelta(days=3), NOW) == 2
    assert today_list(make.s, TODAY).group_total("repurchase") == 0
    back = today_list(make.s, TODAY + dt.timedelta(days=3))
    assert back.group_total("repurchase") == 2  # they come back on the day chosen
    assert skip_many(make.s, listed_ids(make.s, TODAY, "use_care"), NOW) == 1
    assert skip_many(make.s, ids, NOW) == 2  # snoozed tasks can be skipped too
    assert skip_many(make.s, ids, NOW) == 0  # closed ones are passed over
    statuses = make.s.execute(select(Reminder.status, func.count()).where(Reminder.id.in_(ids))
                              .group_by(Reminder.status)).all()
    assert statuses == [("skipped", 2)]
    logs = [log.result for log in make.s.scalars(select(ContactLog).order_by(ContactLog.id))]
    assert logs == ["snoozed", "snoozed", "skipped", "skipped", "skipped"]


def test_a_birthday_wish_expires_after_the_birthday_week(make):
    c = make.customer("寿星", birth_month=5, birth_day=14)
    regenerate(make.s, TODAY)  # birthday 14 May, six days ago: still the birthday week
    wish = make.s.scalars(select(Reminder).where(Reminder.kind == "birthday")).one()
    assert [t.kind for t in today_list(make.s, TODAY).tasks] == ["birthday"]
    assert today_list(make.s, TODAY).tasks[0].overdue_days == 6
    regenerate(make.s, TODAY + dt.timedelta(days=1))
    make.s.refresh(wish)
    assert wish.status == "expired" and today_list(make.s, TODAY + dt.timedelta(days=1)).total == 0
    assert c.id == wish.customer_id


def test_a_birthday_long_past_is_never_written(make):
    make.customer("寿星", birth_month=5, birth_day=1)
    regenerate(make.s, TODAY)
    assert make.s.scalar(select(func.count()).select_from(Reminder)) == 0


def test_closed_order_and_arrival_notices_expire_after_a_few_days(make):
    c = make.customer("关单")
    soap = make.product("手工皂", cycle=None)
    make.order(c, D(2026, 5, 15), [(soap, 1)], status="closed", closed=D(2026, 5, 16))
    make.order(c, D(2026, 5, 10), [(soap, 1)], status="delivered", shipped=D(2026, 5, 12), delivered=D(2026, 5, 16))
    regenerate(make.s, D(2026, 5, 19))  # three days after: still listed
    assert sorted(t.kind for t in today_list(make.s, D(2026, 5, 19)).tasks) == ["arrived", "closed_care"]
    set_setting(make.s, "reminder.expire_notices_after_days", 2)  # the setting moves the limit
    regenerate(make.s, D(2026, 5, 19))
    assert today_list(make.s, D(2026, 5, 19)).total == 0
    assert {r.status for r in make.s.scalars(select(Reminder))} == {"expired"}


def test_why_not_listed_tells_a_task_below_the_day_s_list(make):
    from core.reminders import why_not_listed

    _book(make)
    set_setting(make.s, "reminder.daily_capacity", 2)
    small = next(t for t in today_list(make.s, TODAY).tasks if t.customer_name == "小客户")
    first = today_list(make.s, TODAY).tasks[0]
    assert next(r.code for r in why_not_listed(make.s, small.customer_id, TODAY)) == "listed_later"
    assert next(r.code for r in why_not_listed(make.s, first.customer_id, TODAY)) == "listed"


def test_a_unpaid_reminder_a_few_days_late_expires(make):
    c = make.customer("拍了没付")
    soap = make.product("手工皂", cycle=None)
    make.order(c, D(2026, 5, 15), [(soap, 1)], status="unpaid")  # second reminder due 16 May
    regenerate(make.s, D(2026, 5, 19))
    assert [(t.kind, t.overdue_days) for t in today_list(make.s, D(2026, 5, 19)).tasks] == [("unpaid_second", 3)]
    regenerate(make.s, D(2026, 5, 20))
    assert today_list(make.s, D(2026, 5, 20)).total == 0
    assert {r.kind: r.status for r in make.s.scalars(select(Reminder))} == {"unpaid_second": "expired"}
