"""How many tasks are due on a day: open reminders due by then, and snoozed ones whose snooze has ended."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, or_, select

from core.models import Reminder


def due_task_count(book, day: dt.date) -> int:
    """The number the tray shows (one short read-only transaction)."""
    due = or_(and_(Reminder.status == "open", Reminder.due_date <= day),
              and_(Reminder.status == "snoozed", Reminder.snoozed_until <= day))
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(Reminder).where(due)) or 0
