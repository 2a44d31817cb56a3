"""The tray's due count: open reminders due by the day, snoozed ones whose snooze ended, nothing else."""

import datetime as dt

from core.due_tasks import due_task_count
from core.models import Reminder

DAY = dt.date(2026, 11, 23)


def _reminder(session, customer_id, key, due, status="open", snoozed_until=None):
    session.add(Reminder(rule_key=key, kind="repurchase", customer_id=customer_id, due_date=due, status=status,
                         snoozed_until=snoozed_until))


def test_counts_open_due_and_overdue_and_ended_snoozes_only(book, make_customer):
    customer = make_customer(name="张三")
    with book.session() as s:
        _reminder(s, customer.id, "due-today", DAY)
        _reminder(s, customer.id, "overdue", DAY - dt.timedelta(days=5))
        _reminder(s, customer.id, "tomorrow", DAY + dt.timedelta(days=1))
        _reminder(s, customer.id, "done", DAY, status="done")
        _reminder(s, customer.id, "skipped", DAY, status="skipped")
        _reminder(s, customer.id, "snooze-ended", DAY - dt.timedelta(days=3), "snoozed", DAY)
        _reminder(s, customer.id, "still-snoozed", DAY - dt.timedelta(days=3), "snoozed", DAY + dt.timedelta(days=2))
    assert due_task_count(book, DAY) == 3
    assert due_task_count(book, DAY + dt.timedelta(days=2)) == 5


def test_an_empty_book_has_nothing_due(book):
    assert due_task_count(book, DAY) == 0
