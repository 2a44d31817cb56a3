"""Birthdays: this year's (solar or lunar 农历) birthday of each customer as a solar date.

Lunar birthdays are converted with the calendar table of core.reminders.lunar (1900–2099). A lunar day 30 in a
29-day month falls on day 29; a solar 29 February falls on 28 February in common years.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.reminders.lunar import to_solar


@functools.lru_cache(maxsize=4096)
def lunar_to_solar(year: int, month: int, day: int) -> dt.date | None:
    """The solar date of lunar `month`/`day` in lunar `year` (None if the month does not exist)."""
    for d in range(day, max(day - 2, 0), -1):
        try:
            return to_solar(year, month, d)
        except ValueError:
            continue
    return None


def solar_birthday(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            return dt.date(year, 2, 28)
        return None


def occurrences(month: int, day: int, lunar: bool, around: dt.date) -> list[tuple[int, dt.date]]:
    """(birthday year, solar date) for the years around `around` (last, this and next year)."""
    result = []
    for year in (around.year - 1, around.year, around.year + 1):
        date = lunar_to_solar(year, month, day) if lunar else solar_birthday(year, month, day)
        if date is not None:
            result.append((year, date))
    return result


def next_birthday(month: int, day: int, lunar: bool, today: dt.date) -> dt.date | None:
    """The first birthday on or after `today`."""
    upcoming = [d for _, d in occurrences(month, day, lunar, today) if d >= today]
    return min(upcoming) if upcoming else None


def birthday_rows(session: Session, today: dt.date, days_before: int, lo: dt.date, hi: dt.date,
                  customer_ids: list[int] | None) -> list[dict]:
    """Wanted birthday tasks (rule_key, customer_id, due_date, facts_json) due within [lo, hi]."""
    scope = "" if customer_ids is None else " AND id IN (SELECT customer_id FROM _rem_scope)"
    rows = session.execute(text(
        "SELECT id, birth_month, birth_day, birthday_lunar, birth_year FROM customer "
        f"WHERE deleted_at IS NULL AND birth_month IS NOT NULL AND birth_day IS NOT NULL{scope}"))
    wanted = []
    for cid, month, day, lunar, birth_year in rows:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        for year, date in occurrences(month, day, bool(lunar), today):
            due = date - dt.timedelta(days=days_before)
            if lo <= due <= hi:
                facts = {"birthday_on": date.isoformat(), "lunar": bool(lunar), "month": month, "day": day}
                if birth_year:
                    facts["age"] = date.year - birth_year
                wanted.append({"rule_key": f"birthday:{cid}:{year}", "customer_id": cid,
                               "due_date": due.isoformat(),
                               "facts_json": json.dumps(facts, ensure_ascii=False, separators=(",", ":"))})
    return wanted
