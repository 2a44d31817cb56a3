"""The `today` command's data: regenerate, then the day's list as plain rows (core.cli prints them).

The day's list is the first `reminder.daily_capacity` tasks of the Today ranking; `--all` prints every
open task due on or before the date, in the same order (so the day's list is its head).
JSON: a list of {"rank", "customer", "phone", "kind", "due", "overdue_days", "reason", "message"}; `rank`
is the position in the whole ranking (1 first). Phones are printed unmasked.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from core.reminders.generate import regenerate_in_chunks
from core.reminders.today import day_list, today_list
from core.settings import local_today


def today_rows(session: Session, today: dt.date, language: str | None = None, everything: bool = False) -> list[dict]:
    """The day's list (every task due when `everything`) as plain dicts (the JSON of the command line)."""
    read = today_list if everything else day_list
    listed = read(session, today, language=language, mask_phones=False)
    return [
        {"rank": t.rank, "customer": t.customer_name, "phone": t.phone, "kind": t.kind,
         "due": t.effective_due.isoformat(), "overdue_days": t.overdue_days, "reason": t.reason, "message": t.message}
        for t in listed.tasks
    ]


def read_today(book_location: str, date: str | None = None, *, language: str | None = None,
               everything: bool = False) -> list[dict]:
    """`today` of the command line: regenerate (in short transactions, beside the app), then the day's list
    (every task due when `everything`) as `today_rows` gives it. `date`: YYYY-MM-DD, default the book's today."""
    from core.book.db import Book

    with Book.open(book_location, lock=False, daily_backup=False, program="huitouke today") as book:
        with book.session() as s:
            today = _day(s, date)
        regenerate_in_chunks(book.engine, today)  # beside the app: its saves wait one chunk at most
        with book.session() as s:
            return today_rows(s, today, language, everything)


def read_lapsed(book_location: str, date: str | None = None) -> dict[str, int]:
    """{stage: customers} of the dormant and churned customers on an empty day (core.reminders.today.with_lapsed;
    {} when tasks are due): what the command line says after "Nothing due."."""
    from core.book.db import Book

    with Book.open(book_location, lock=False, daily_backup=False, program="huitouke today") as book, \
            book.session() as s:
        return dict(day_list(s, _day(s, date)).lapsed)


def _day(session: Session, date: str | None) -> dt.date:
    """The day asked for (YYYY-MM-DD; `bad_date` otherwise), else the book's today."""
    from core.errors import ValidationError

    try:
        return dt.date.fromisoformat(date) if date else local_today(session)
    except ValueError as e:
        raise ValidationError("bad_date", f"Not a date (YYYY-MM-DD): {date}", field="date", value=date) from e
