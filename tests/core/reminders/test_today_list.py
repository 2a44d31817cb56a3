"""The Today list: order, exclusions, why-not-listed, actions with the contact log, suggested cycles, CLI."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from core.book.db import Book
from core.book.models import BadReview, Complaint, ContactLog, Reminder
from core.reminders import (
    add_manual,
    due_count,
    mark_done,
    regenerate,
    skip,
    snooze,
    today_list,
    upcoming,
    why_not_listed,
)
from core.reminders.cycles import (
    MAX_SUGGESTED_DAYS,
    MIN_SUGGESTED_DAYS,
    adopt_cycle,
    compute_suggestions,
    suggested_cycles,
)
from core.reminders.report import read_today
from core.reminders.today import contact_window
from core.settings import set_setting

D = dt.date
TODAY = D(2026, 4, 10)
NOW = dt.datetime(2026, 4, 10, 10, 30)


def _shop(make):
    """One customer with a repurchase due today (marketing) and an unpaid order (not marketing)."""
    c = make.customer("王芳", wechat_id="wangfang88")
    honey = make.product("蜂蜜500g", cycle=45, lead=3)
    make.order(c, D(2026, 3, 1), [(honey, 1)])  # run-out 15 Apr, repurchase due 12 Apr
    make.order(c, D(2026, 4, 10), [(honey, 1)], status="unpaid")
    return c, honey


def kinds(listed) -> list[str]:
    return [t.kind for t in listed.tasks]


def test_overdue_first_then_by_kind_with_reason_and_message(make):
    _shop(make)
    set_setting(make.s, "shop_name", "小蜜蜂农场")
    regenerate(make.s, D(2026, 4, 13))
    listed = today_list(make.s, D(2026, 4, 13), now=NOW)
    first = listed.tasks[0]
    assert first.overdue_days > 0
    assert [t.overdue_days > 0 for t in listed.tasks] == sorted((t.overdue_days > 0 for t in listed.tasks),
                                                                reverse=True)
    rep = next(t for t in listed.tasks if t.kind == "repurchase")
    assert rep.reason == "买了 蜂蜜500g ×1，3月1日；预计4月15日左右用完"
    assert "王芳" in rep.message and "4月15日" in rep.message and "{" not in rep.message
    assert (rep.customer_name, rep.phone, rep.wechat_id) == ("王芳", "13800138000", "wangfang88")
    assert listed.total == len(listed.tasks) and listed.overdue >= 1


def test_upcoming_and_counter(make):
    _shop(make)
    regenerate(make.s, TODAY)
    assert [t.kind for t in upcoming(make.s, TODAY, 7)] == ["unpaid_second", "repurchase"]
    assert due_count(make.s, TODAY) == len(today_list(make.s, TODAY).tasks) == 2  # unpaid, use care


def test_do_not_disturb_hides_marketing_but_not_sales(make):
    c, _ = _shop(make)
    regenerate(make.s, D(2026, 4, 12))
    assert set(kinds(today_list(make.s, D(2026, 4, 12)))) >= {"repurchase"}
    c.do_not_disturb = True
    make.s.flush()
    listed = kinds(today_list(make.s, D(2026, 4, 12)))
    assert "repurchase" not in listed and "unpaid_second" in listed
    assert "do_not_disturb" in [r.code for r in why_not_listed(make.s, c.id, D(2026, 4, 12))]


def test_open_complaint_or_bad_review_hides_marketing(make):
    c, _ = _shop(make)
    regenerate(make.s, D(2026, 4, 12))
    complaint = Complaint(customer_id=c.id, status="open")
    make.s.add(complaint)
    make.s.flush()
    assert "repurchase" not in kinds(today_list(make.s, D(2026, 4, 12)))
    complaint.status = "resolved"
    review = BadReview(customer_id=c.id, review_date=D(2026, 4, 11), status="open")
    make.s.add(review)
    make.s.flush()
    assert "repurchase" not in kinds(today_list(make.s, D(2026, 4, 12)))
    assert "open_review" in [r.code for r in why_not_listed(make.s, c.id, D(2026, 4, 12))]
    review.status = "closed"
    make.s.flush()
    assert "repurchase" in kinds(today_list(make.s, D(2026, 4, 12)))


def test_why_not_listed_names_the_last_closed_task(make):
    c = make.customer()
    for key, closed_at, status, outcome in (("a", dt.datetime(2026, 4, 3, 9), "done", "bought"),
                                            ("b", dt.datetime(2026, 4, 8, 16), "skipped", "declined"),
                                            ("c", None, "done", "")):
        make.s.add(Reminder(rule_key=f"manual:{key}", kind="manual", customer_id=c.id, due_date=D(2026, 4, 1),
                            status=status, outcome=outcome, closed_at=closed_at))
    make.s.flush()
    closed = next(r for r in why_not_listed(make.s, c.id, TODAY) if r.code == "closed")
    assert (closed.kind, closed.date, closed.details) == ("manual", D(2026, 4, 8),
                                                          {"status": "skipped", "outcome": "declined"})


def test_frequency_cap_and_loyal_customers(make):
    c, _ = _shop(make)
    regenerate(make.s, D(2026, 4, 12))
    make.s.add(ContactLog(customer_id=c.id, at=dt.datetime(2026, 4, 8, 15), is_marketing=True,
                          purpose="marketing", result="contacted"))
    make.s.flush()
    assert "repurchase" not in kinds(today_list(make.s, D(2026, 4, 12)))  # 7-day cap
    cap = next(r for r in why_not_listed(make.s, c.id, D(2026, 4, 12)) if r.code == "frequency_cap")
    assert cap.date == D(2026, 4, 15)
    set_setting(make.s, "stage.loyal_min_purchase_days", 1)  # now loyal: 3-day cap
    assert "repurchase" in kinds(today_list(make.s, D(2026, 4, 12)))


def test_done_logs_the_contact_and_leaves_the_list(make):
    c, _ = _shop(make)
    regenerate(make.s, D(2026, 4, 12))
    rep = next(t for t in today_list(make.s, D(2026, 4, 12)).tasks if t.kind == "repurchase")
    result = mark_done(make.s, rep.id, "contacted", NOW, message=rep.message, version=rep.version)
    assert result.status == "done"
    log = make.s.get(ContactLog, result.contact_log_id)
    assert (log.customer_id, log.reminder_id, log.result, log.is_marketing, log.message) == (
        c.id, rep.id, "contacted", True, rep.message)
    assert rep.id not in [t.id for t in today_list(make.s, D(2026, 4, 12)).tasks]


def test_no_answer_comes_back_tomorrow_and_snooze_and_skip(make):
    _shop(make)
    regenerate(make.s, D(2026, 4, 12))
    rep = next(t for t in today_list(make.s, D(2026, 4, 12)).tasks if t.kind == "repurchase")
    mark_done(make.s, rep.id, "no_answer", dt.datetime(2026, 4, 12, 11))
    assert rep.id not in [t.id for t in today_list(make.s, D(2026, 4, 12)).tasks]
    assert rep.id in [t.id for t in today_list(make.s, D(2026, 4, 13)).tasks]  # no_answer is not a touch
    snooze(make.s, rep.id, D(2026, 4, 16), dt.datetime(2026, 4, 13, 9))
    assert rep.id not in [t.id for t in today_list(make.s, D(2026, 4, 15)).tasks]
    assert rep.id in [t.id for t in today_list(make.s, D(2026, 4, 16)).tasks]
    skip(make.s, rep.id, dt.datetime(2026, 4, 16, 9))
    assert make.s.get(Reminder, rep.id).status == "skipped"
    results = [log.result for log in make.s.scalars(select(ContactLog).order_by(ContactLog.id))]
    assert results == ["no_answer", "snoozed", "skipped"]


def test_manual_task_and_aftersales_tasks_are_listed(make):
    c, _ = _shop(make)
    rid = add_manual(make.s, c.id, TODAY, "周五给她打电话")
    make.s.add(Reminder(rule_key="complaint:1:followup", kind="complaint", customer_id=c.id,
                        due_date=D(2026, 2, 1), status="open"))
    make.s.flush()
    regenerate(make.s, TODAY)
    listed = today_list(make.s, TODAY)
    manual = next(t for t in listed.tasks if t.id == rid)
    assert manual.reason == "周五给她打电话"
    assert "complaint" in kinds(listed)  # after-sales tasks never age out


def test_contact_windows():
    assert contact_window(dt.datetime(2026, 4, 10, 10, 0)).label == "09:30–12:00"
    assert contact_window(dt.datetime(2026, 4, 10, 12, 30)).label == "14:00–18:00"
    late = contact_window(dt.datetime(2026, 4, 10, 23, 0))
    assert (late.day, late.label, late.is_now) == (D(2026, 4, 11), "09:30–12:00", False)


def test_suggested_cycle_needs_five_intervals(make):
    honey = make.product("蜂蜜500g", cycle=45)
    for i, gaps in enumerate([(30, 32), (28, 30), (31,)]):
        c = make.customer(f"客{i}", phone=f"1390013900{i}")
        day = D(2025, 1, 1)
        make.order(c, day, [(honey, 1)])
        for gap in gaps:
            day += dt.timedelta(days=gap)
            make.order(c, day, [(honey, 1)])
    (suggestion,) = suggested_cycles(make.s)
    assert (suggestion.suggested_days, suggestion.intervals, suggestion.cycle_days) == (30, 5, 45)
    assert suggested_cycles(make.s, min_intervals=6) == []
    adopt_cycle(make.s, honey.id, 30)
    assert suggested_cycles(make.s)[0].differs is False


def test_suggested_cycle_merges_one_restock_and_stays_between_a_week_and_a_year(make):
    """Days under SAME_RESTOCK_DAYS apart are one restock (split parcels); suggestions stay within 7..365 days."""
    jerky, tissue, gift = make.product("牛肉干", cycle=None), make.product("纸巾", cycle=None), make.product("礼盒", cycle=None)
    start = D(2025, 3, 1)

    def buys(name: str, phone: str, product, *days_and_quantities: tuple[int, int]) -> None:
        c = make.customer(name, phone=phone)
        for offset, qty in days_and_quantities:
            make.order(c, start + dt.timedelta(days=offset), [(product, qty)])

    # 1 + 1 + 1 on three days in a row (two split parcels, then a forgotten bag), the next bag 30 days later:
    # one restock of 3 bags lasting 30 days → 10 days a bag (not 1, 1 and 30)
    buys("甲", "13900000001", jerky, (0, 1), (1, 1), (2, 1), (30, 1))
    buys("乙", "13900000002", jerky, (0, 2), (20, 1), (22, 1))  # 2 bags, 20 days: 10; then one restock of 2
    # a pack every 4 days (five intervals): 4 days a pack, never suggested below a week
    buys("丙", "13900000003", tissue, *((4 * i, 1) for i in range(6)))
    buys("丁", "13900000004", gift, (0, 1), (500, 1))  # bought again after 500 days: at most a year
    found = compute_suggestions(make.s)
    assert found[jerky.id] == (10, 2)
    assert found[tissue.id] == (MIN_SUGGESTED_DAYS, 5) and MIN_SUGGESTED_DAYS == 7
    assert found[gift.id] == (MAX_SUGGESTED_DAYS, 1) and MAX_SUGGESTED_DAYS == 365
    (tissue_suggestion,) = suggested_cycles(make.s)  # the only one resting on five intervals
    assert (tissue_suggestion.product, tissue_suggestion.suggested_days) == ("纸巾", 7)


def test_command_line_rows(tmp_path, factory):
    book = Book.open(tmp_path / "cli.book", create=True, backup_root=tmp_path / "backups")
    with book.session() as s:
        _shop(factory(s))
    book.close()
    rows = read_today(str(tmp_path / "cli.book"), "2026-04-12")
    # use care (due 16 Mar) is overtaken by the repurchase due today: one product-cycle task per product
    assert {r["kind"] for r in rows} == {"repurchase", "unpaid_second"}
    assert set(rows[0]) == {"rank", "customer", "phone", "kind", "due", "overdue_days", "reason", "message"}
    assert [r["rank"] for r in rows] == [1, 2] and rows[0]["kind"] == "unpaid_second"  # 催付 first


def test_saving_an_order_updates_that_customers_tasks(book, make_customer, make_order):
    from core.settings import local_today

    customer = make_customer(name="李娜", phone="13700137000")
    with book.session() as s:
        today = local_today(s)
    make_order(customer.id, today.isoformat(), status="unpaid")
    with book.session() as s:
        assert [t.kind for t in today_list(s, today).tasks] == ["unpaid"]


def test_main_today_command(tmp_path, factory, capsys):
    from core.cli import main

    book = Book.open(tmp_path / "m.book", create=True, backup_root=tmp_path / "backups")
    with book.session() as s:
        _shop(factory(s))
    book.close()
    assert main(["today", "--book", str(tmp_path / "m.book"), "--date", "2026-04-12", "--json"]) == 0
    assert {r["kind"] for r in json.loads(capsys.readouterr().out)} == {"repurchase", "unpaid_second"}
    assert main(["today", "--book", str(tmp_path / "m.book"), "--date", "12.4.2026"]) == 2
