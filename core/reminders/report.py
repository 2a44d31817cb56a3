"""The `today` command: regenerate, then print the Today list as JSON (or plain lines) for scripts.

JSON: a list of {"customer", "phone", "kind", "due", "overdue_days", "reason", "message"} for everything
due on or before the date and still open, in the Today list's order. Phones are printed unmasked.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TextIO

from sqlalchemy.orm import Session

from core.reminders.generate import local_today, regenerate_in_chunks
from core.reminders.today import today_list


def today_rows(session: Session, today: dt.date, language: str | None = None) -> list[dict]:
    """The Today list as plain dicts (the JSON of the command line)."""
    listed = today_list(session, today, language=language, mask_phones=False)
    return [
        {"customer": t.customer_name, "phone": t.phone, "kind": t.kind, "due": t.effective_due.isoformat(),
         "overdue_days": t.overdue_days, "reason": t.reason, "message": t.message}
        for t in listed.tasks
    ]


def run_today(book_location: str, date: str | None = None, as_json: bool = False, *,
              language: str | None = None, out: TextIO | None = None) -> int:
    """`python main.py today --book B [--date YYYY-MM-DD] [--json]`; returns the exit code."""
    from core.book.db import Book
    from core.errors import ValidationError

    out = out or sys.stdout
    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError as e:
        raise ValidationError("bad_date", f"Not a date (YYYY-MM-DD): {date}", field="date", value=date) from e
    with Book.open(book_location, lock=False, daily_backup=False, program="huitouke today") as book:
        with book.session() as s:
            today = day or local_today(s)
        regenerate_in_chunks(book.engine, today)  # beside the app: its saves wait one chunk at most
        with book.session() as s:
            rows = today_rows(s, today, language)
    if as_json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for row in rows:
        late = f" +{row['overdue_days']}d" if row["overdue_days"] else ""
        out.write(f"{row['due']}{late}  {row['kind']:<16} {row['customer']}  {row['phone']}\n"
                  f"    {row['reason']}\n    {row['message']}\n")
    if not rows:
        out.write("Nothing due.\n")
    return 0
