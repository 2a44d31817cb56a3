"""The demo seller has been working the Today list: past tasks done, skipped or snoozed, with contact-log lines.

`work_the_list(session, rng, today)` runs after the demo's rows are in: it writes the after-sales tasks of
the open cases as the services write them (core.aftersales.planning), brings the reminders up to date
(core.reminders.generate.regenerate), then settles the tasks that fell due before today the way a seller
who opens the app most days would have: nearly everything older than a week was handled, most of the
last week too, and a few of the last two days are still waiting. A handled task is done (contacted,
bought or declined — a contact-log line at a good hour of the day it fell due or soon after), skipped, or
(within the last week) snoozed to one of the coming days. Tasks due today stay open: they are the day's list.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.aftersales.planning import plan_open_cases
from core.demo.orders import ts
from core.reminders.actions import purpose_of
from core.reminders.generate import regenerate
from core.reminders.kinds import AFTERSALES_KINDS

# Share of the tasks still open, by how many days late they are (up to the day: share).
_STILL_OPEN = ((2, 0.3), (7, 0.08), (10**6, 0.01))
_DONE = (("contacted", 55), ("bought", 25), ("declined", 10))
_CHANNELS = (("wechat", 80), ("phone", 15), ("sms", 5))
# Good hours to contact (DOMAIN.md §4): (start minute, end minute) of the day.
_WINDOWS = ((9 * 60 + 30, 12 * 60), (14 * 60, 18 * 60), (20 * 60, 22 * 60))


@dataclass(frozen=True)
class Worked:
    done: int
    skipped: int
    snoozed: int
    still_open: int


def work_the_list(session: Session, rng: random.Random, today: dt.date) -> Worked:
    """Plan the open cases' tasks, regenerate reminders for `today`, and settle the past (module docstring)."""
    plan_open_cases(session)
    regenerate(session, today)
    rows = session.execute(text(
        "SELECT id, kind, customer_id, complaint_id, bad_review_id, COALESCE(snoozed_until, due_date) FROM reminder "
        "WHERE status IN ('open', 'snoozed') AND COALESCE(snoozed_until, due_date) < :today ORDER BY id"),
        {"today": today.isoformat()}).all()
    updates, logs = [], []
    counts = {"done": 0, "skipped": 0, "snoozed": 0, "open": 0}
    for rid, kind, cid, complaint_id, review_id, eff in rows:
        due = eff if isinstance(eff, dt.date) else dt.date.fromisoformat(str(eff)[:10])
        late = (today - due).days
        if rng.random() < next(share for days, share in _STILL_OPEN if late <= days):
            counts["open"] += 1
            continue
        day = due + dt.timedelta(days=0 if rng.random() < 0.7 or late <= 1 else rng.randint(1, min(late - 1, 3)))
        at = _moment(rng, day)
        purpose = purpose_of(kind)
        r = rng.random()
        if kind in AFTERSALES_KINDS or r < 0.72:
            outcome = _pick(rng, _DONE) if kind not in AFTERSALES_KINDS else "contacted"
            status, until, channel, result, contact = "done", None, _pick(rng, _CHANNELS), outcome, True
        elif r < 0.9 or late > 7:
            status, until, channel, result, contact, outcome = "skipped", None, "other", "skipped", False, "skipped"
        else:
            until = today + dt.timedelta(days=rng.randint(1, 6))
            status, channel, result, contact, outcome = "snoozed", "other", "snoozed", False, ""
        counts[status] += 1
        updates.append({"id": rid, "status": status, "outcome": outcome, "until": until.isoformat() if until else None,
                        "closed": None if until else ts(at), "at": ts(at)})
        logs.append({"customer_id": cid, "at": ts(at), "channel": channel, "purpose": purpose,
                     "is_marketing": contact and purpose == "marketing", "reminder_id": rid,
                     "complaint_id": complaint_id, "bad_review_id": review_id, "result": result,
                     "note": until.isoformat() if until else ""})
    if updates:
        session.execute(text(
            "UPDATE reminder SET status = :status, outcome = :outcome, snoozed_until = COALESCE(:until, snoozed_until), "
            "closed_at = :closed, updated_at = :at, version = version + 1 WHERE id = :id"), updates)
        session.execute(text(
            "INSERT INTO contact_log (customer_id, at, channel, purpose, is_marketing, reminder_id, complaint_id, "
            "bad_review_id, result, message, note) VALUES (:customer_id, :at, :channel, :purpose, :is_marketing, "
            ":reminder_id, :complaint_id, :bad_review_id, :result, '', :note)"), logs)
    return Worked(counts["done"], counts["skipped"], counts["snoozed"], counts["open"])


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    """A moment in one of the day's good contact windows."""
    start, end = rng.choice(_WINDOWS)
    minute = rng.randrange(start, end)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]
