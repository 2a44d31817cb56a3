"""The reminder engine: every kind from hand-built orders with an injected today, supersession, expiry,
idempotence, and that the seller's actions survive regeneration."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from core.book.models import Reminder
from core.reminders import mark_done, regenerate, snooze
from core.reminders.actions import add_manual
from core.settings import set_setting

D = dt.date


def tasks(session, kind: str | None = None) -> dict[str, Reminder]:
    q = select(Reminder)
    if kind:
        q = q.where(Reminder.kind == kind)
    return {r.rule_key: r for r in session.scalars(q)}


def only(session, kind: str) -> Reminder:
    found = list(tasks(session, kind).values())
    assert len(found) == 1, found
    return found[0]


def test_repurchase_due_lead_days_before_run_out(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=45, lead=3)
    make.order(c, D(2026, 3, 1), [(honey, 1)])
    regenerate(make.s, D(2026, 4, 10))
    r = only(make.s, "repurchase")
    assert r.due_date == D(2026, 4, 12)  # run-out 15 Apr − 3 lead days
    assert r.status == "open" and r.product_id == honey.id
    assert r.rule_key == f"repurchase:item:{r.order_item_id}"


def test_quantity_multiplies_the_cycle(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=45, lead=3)
    make.order(c, D(2026, 3, 2), [(honey, 2)])
    regenerate(make.s, D(2026, 5, 25))
    assert only(make.s, "repurchase").due_date == D(2026, 5, 28)  # 2 Mar + 90 days = 31 May − 3


def test_quantities_of_one_day_add_up(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=45, lead=3)
    make.order(c, D(2026, 3, 2), [(honey, 1)])
    make.order(c, D(2026, 3, 2), [(honey, 1)])
    regenerate(make.s, D(2026, 5, 25))
    r = only(make.s, "repurchase")
    assert r.due_date == D(2026, 5, 28)
    assert json.loads(r.facts_json)["qty"] == 2


def test_arrival_and_use_care(make):
    c = make.customer()
    mask = make.product("面膜30片", cycle=30, lead=3)
    make.order(c, D(2026, 4, 1), [(mask, 1)], delivered=D(2026, 4, 4))
    regenerate(make.s, D(2026, 4, 5))
    assert only(make.s, "arrival_care").due_date == D(2026, 4, 5)  # a day after arrival
    assert only(make.s, "use_care").due_date == D(2026, 4, 16)  # half of the 30-day cycle


def test_later_purchase_supersedes_earlier_tasks_but_keeps_done(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=30, lead=3)
    make.order(c, D(2026, 3, 1), [(honey, 1)], delivered=D(2026, 3, 3))
    regenerate(make.s, D(2026, 3, 20))
    first = tasks(make.s)
    assert {r.kind for r in first.values()} >= {"use_care", "repurchase"}
    use = only(make.s, "use_care")
    mark_done(make.s, use.id, "contacted", dt.datetime(2026, 3, 20, 10))
    make.order(c, D(2026, 3, 25), [(honey, 1)])
    regenerate(make.s, D(2026, 3, 26))
    after = tasks(make.s)
    assert after[use.rule_key].status == "done"
    old_repurchase = next(k for k in first if k.startswith("repurchase:"))
    assert after[old_repurchase].status == "superseded"
    regenerate(make.s, D(2026, 4, 18))  # the new run-out's reminder is written within the horizon
    open_repurchase = [r for r in tasks(make.s, "repurchase").values() if r.status == "open"]
    assert [r.due_date for r in open_repurchase] == [D(2026, 4, 21)]


def test_deleting_the_later_purchase_reopens_the_superseded_task(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=30, lead=3)
    make.order(c, D(2026, 3, 1), [(honey, 1)])
    regenerate(make.s, D(2026, 3, 20))
    key = only(make.s, "repurchase").rule_key
    later = make.order(c, D(2026, 3, 22), [(honey, 1)])
    regenerate(make.s, D(2026, 3, 22))
    assert tasks(make.s)[key].status == "superseded"
    make.s.delete(later)
    make.s.flush()
    regenerate(make.s, D(2026, 3, 23))
    assert tasks(make.s)[key].status == "open"


def test_winback_falling_due_expires_the_repurchase(make):
    c = make.customer()
    tea = make.product("红茶", cycle=30, lead=3)
    make.order(c, D(2026, 1, 1), [(tea, 1)])
    regenerate(make.s, D(2026, 1, 29))
    rep = only(make.s, "repurchase")
    assert rep.status == "open" and rep.due_date == D(2026, 1, 28)
    regenerate(make.s, D(2026, 3, 2))
    make.s.refresh(rep)
    assert rep.status == "expired"
    win = only(make.s, "winback")
    assert win.due_date == D(2026, 3, 2) and win.status == "open"  # run-out 31 Jan + one cycle


def test_tasks_long_overdue_expire_and_old_history_writes_nothing(make):
    c = make.customer()
    tea = make.product("红茶", cycle=30, lead=3)
    make.order(c, D(2024, 1, 1), [(tea, 1)], delivered=D(2024, 1, 3))
    regenerate(make.s, D(2026, 4, 10))
    assert tasks(make.s) == {}
    make.order(c, D(2026, 3, 1), [(tea, 1)], delivered=D(2026, 3, 3))
    regenerate(make.s, D(2026, 3, 10))
    use = only(make.s, "use_care")
    assert use.status == "open"
    set_setting(make.s, "reminder.expire_after_days", 10)
    regenerate(make.s, D(2026, 4, 1))  # use care was due 16 Mar: 16 days overdue
    make.s.refresh(use)
    assert use.status == "expired"


@pytest.mark.parametrize(("kind", "status", "dates", "today", "due"), [
    ("unpaid", "unpaid", {}, D(2026, 4, 10), D(2026, 4, 10)),
    ("unpaid_second", "unpaid", {}, D(2026, 4, 11), D(2026, 4, 11)),
    ("closed_care", "closed", {"closed": D(2026, 4, 12)}, D(2026, 4, 12), D(2026, 4, 12)),
    ("delayed_shipment", "paid", {"paid": D(2026, 4, 10)}, D(2026, 4, 12), D(2026, 4, 12)),
    ("shipped", "shipped", {"shipped": D(2026, 4, 11)}, D(2026, 4, 11), D(2026, 4, 11)),
    ("arrived", "delivered", {"shipped": D(2026, 4, 11), "delivered": D(2026, 4, 13)}, D(2026, 4, 13),
     D(2026, 4, 13)),
    ("refund", "refunded", {"closed": D(2026, 4, 14)}, D(2026, 4, 14), D(2026, 4, 14)),
])
def test_order_follow_ups(make, kind, status, dates, today, due):
    c = make.customer()
    soap = make.product("手工皂", cycle=None)
    refund = 9900 if status == "refunded" else 0
    make.order(c, D(2026, 4, 10), [(soap, 1)], status=status, refund_cents=refund, **dates)
    regenerate(make.s, today)
    r = only(make.s, kind)
    assert r.due_date == due and r.status == "open"
    assert r.rule_key.startswith(f"{kind}:order:")


def test_unpaid_reminder_gives_way_to_the_second_and_both_close_when_paid(make):
    c = make.customer()
    soap = make.product("手工皂", cycle=None)
    o = make.order(c, D(2026, 4, 10), [(soap, 1)], status="unpaid")
    regenerate(make.s, D(2026, 4, 10))
    first = only(make.s, "unpaid")
    regenerate(make.s, D(2026, 4, 11))
    make.s.refresh(first)
    assert first.status == "superseded"
    o.status, o.is_purchase, o.paid_at = "paid", True, dt.datetime(2026, 4, 11, 12)
    make.s.flush()
    regenerate(make.s, D(2026, 4, 11), customer_ids=[c.id])
    assert only(make.s, "unpaid_second").status == "superseded"


def test_solar_birthday_and_29_february(make):
    a = make.customer("甲", birth_month=4, birth_day=12)
    b = make.customer("乙", phone="13900139000", birth_month=2, birth_day=29)
    regenerate(make.s, D(2027, 2, 27))
    due = {r.customer_id: r.due_date for r in tasks(make.s, "birthday").values()}
    assert due == {b.id: D(2027, 2, 28)}
    regenerate(make.s, D(2027, 4, 1))
    assert tasks(make.s)[f"birthday:{a.id}:2027"].due_date == D(2027, 4, 12)


def test_lunar_birthday_moves_every_year(make):
    c = make.customer(birth_month=8, birth_day=15, birthday_lunar=True)  # 中秋
    regenerate(make.s, D(2025, 10, 1))
    assert tasks(make.s)[f"birthday:{c.id}:2025"].due_date == D(2025, 10, 6)
    regenerate(make.s, D(2026, 9, 20))
    assert tasks(make.s)[f"birthday:{c.id}:2026"].due_date == D(2026, 9, 25)


def test_last_purchase_care_only_when_nothing_else_is_planned(make):
    plain = make.customer("甲")
    planned = make.customer("乙", phone="13900139000")
    soap = make.product("手工皂", cycle=None)
    honey = make.product("蜂蜜500g", cycle=90, lead=3)
    make.order(plain, D(2026, 1, 1), [(soap, 1)])
    make.order(planned, D(2026, 1, 1), [(honey, 1)])
    regenerate(make.s, D(2026, 4, 1))
    owners = {r.customer_id: r.due_date for r in tasks(make.s, "last_purchase").values()}
    assert owners == {plain.id: D(2026, 4, 1)}


def test_coupon_expiry_first_and_last_reminder(make):
    c = make.customer()
    k = make.coupon(c, D(2026, 4, 20), kind="threshold", threshold_cents=20000)
    regenerate(make.s, D(2026, 4, 13))
    first = tasks(make.s)[f"coupon_expiry:{k.id}:7"]
    assert first.due_date == D(2026, 4, 13) and first.status == "open"
    regenerate(make.s, D(2026, 4, 19))
    make.s.refresh(first)
    assert first.status == "superseded"
    assert tasks(make.s)[f"coupon_expiry:{k.id}:1"].due_date == D(2026, 4, 19)
    k.used_at = dt.datetime(2026, 4, 19, 9)
    make.s.flush()
    regenerate(make.s, D(2026, 4, 19))
    assert tasks(make.s)[f"coupon_expiry:{k.id}:1"].status == "superseded"


def test_ten_regenerations_write_nothing_twice(make):
    c = make.customer(birth_month=4, birth_day=12)
    honey = make.product("蜂蜜500g", cycle=20, lead=3)
    make.order(c, D(2026, 4, 1), [(honey, 1)], delivered=D(2026, 4, 3))
    make.order(c, D(2026, 4, 9), [(honey, 1)], status="unpaid")
    make.coupon(c, D(2026, 4, 15))
    first = regenerate(make.s, D(2026, 4, 10))
    count = make.s.scalar(select(func.count()).select_from(Reminder))
    assert first.written == count > 3
    for _ in range(10):
        again = regenerate(make.s, D(2026, 4, 10))
        assert (again.written, again.superseded, again.expired) == (0, 0, 0)
    assert make.s.scalar(select(func.count()).select_from(Reminder)) == count


def test_snooze_done_and_manual_survive_regeneration(make):
    c = make.customer()
    honey = make.product("蜂蜜500g", cycle=20, lead=3)
    make.order(c, D(2026, 4, 1), [(honey, 1)], delivered=D(2026, 4, 8))
    regenerate(make.s, D(2026, 4, 10))  # arrival care due 9 Apr, use care 11 Apr
    arrival, use = only(make.s, "arrival_care"), only(make.s, "use_care")
    mark_done(make.s, arrival.id, "bought", dt.datetime(2026, 4, 10, 10))
    snooze(make.s, use.id, D(2026, 4, 15), dt.datetime(2026, 4, 10, 10))
    manual = add_manual(make.s, c.id, D(2026, 4, 17), "周五给她打电话")
    for _ in range(3):
        regenerate(make.s, D(2026, 4, 10))
    make.s.refresh(arrival)
    make.s.refresh(use)
    assert (arrival.status, arrival.outcome) == ("done", "bought")
    assert (use.status, use.snoozed_until) == ("snoozed", D(2026, 4, 15))
    assert make.s.get(Reminder, manual).status == "open"


def test_incremental_pass_touches_only_its_customers(make):
    a = make.customer("甲")
    b = make.customer("乙", phone="13900139000")
    soap = make.product("手工皂", cycle=None)
    make.order(a, D(2026, 4, 10), [(soap, 1)], status="unpaid")
    make.order(b, D(2026, 4, 10), [(soap, 1)], status="unpaid")
    regenerate(make.s, D(2026, 4, 10), customer_ids=[a.id])
    assert {r.customer_id for r in tasks(make.s).values()} == {a.id}
    regenerate(make.s, D(2026, 4, 10), customer_ids=[])
    regenerate(make.s, D(2026, 4, 10), customer_ids=[b.id])
    assert {r.customer_id for r in tasks(make.s).values()} == {a.id, b.id}


def test_switched_off_kind_is_not_written_nor_closed(make):
    c = make.customer()
    soap = make.product("手工皂", cycle=None)
    make.order(c, D(2026, 4, 10), [(soap, 1)], status="unpaid")
    regenerate(make.s, D(2026, 4, 10))
    unpaid = only(make.s, "unpaid")
    set_setting(make.s, "reminder.unpaid.enabled", False)
    set_setting(make.s, "reminder.coupon_expiry.enabled", False)
    make.coupon(c, D(2026, 4, 12))
    regenerate(make.s, D(2026, 4, 11))
    make.s.refresh(unpaid)
    assert unpaid.status == "open"
    assert tasks(make.s, "coupon_expiry") == {}


def test_deleted_customer_tasks_are_superseded(make):
    c = make.customer()
    soap = make.product("手工皂", cycle=None)
    make.order(c, D(2026, 4, 10), [(soap, 1)], status="unpaid")
    regenerate(make.s, D(2026, 4, 10))
    c.deleted_at = dt.datetime(2026, 4, 10, 12)
    make.s.flush()
    regenerate(make.s, D(2026, 4, 10))
    assert only(make.s, "unpaid").status == "superseded"


def test_notices_expire_after_a_few_days(make):
    c = make.customer()
    soap = make.product("手工皂", cycle=None)
    make.order(c, D(2026, 4, 1), [(soap, 1)], status="shipped", shipped=D(2026, 4, 2))
    regenerate(make.s, D(2026, 4, 2))
    shipped = only(make.s, "shipped")
    regenerate(make.s, D(2026, 4, 5))  # reminder.expire_notices_after_days: 3
    make.s.refresh(shipped)
    assert shipped.status == "open"
    regenerate(make.s, D(2026, 4, 6))
    make.s.refresh(shipped)
    assert shipped.status == "expired"
