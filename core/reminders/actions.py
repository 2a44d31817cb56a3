"""What the seller does with a task: done with an outcome, snooze, skip (one task or a whole group), add a
manual task.

Every action writes one contact_log row (channel, purpose, result, the message sent). Outcomes:
contacted, bought, declined close the task as done; no_answer keeps it and shows it again tomorrow.
Regeneration never undoes these (core.reminders.generate only refreshes open and snoozed rows).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks
from core.book.models import CONTACT_CHANNEL_VALUES, ContactLog, Customer, Reminder
from core.errors import ConflictError, NotFound, ValidationError
from core.reminders.kinds import MARKETING_KINDS, OPEN_STATUSES

OUTCOMES = ("contacted", "no_answer", "bought", "declined")
SNOOZE_CHOICES = (1, 3, 7)
_SALES_KINDS = frozenset({"unpaid", "unpaid_second", "closed_care"})
_AFTERSALES_KINDS = frozenset({"complaint", "review"})


@dataclass(frozen=True)
class ActionResult:
    reminder_id: int
    status: str
    snoozed_until: dt.date | None
    outcome: str
    contact_log_id: int


def purpose_of(kind: str) -> str:
    """contact_log.purpose for a task kind: marketing, sales, aftersales or care."""
    if kind in MARKETING_KINDS:
        return "marketing"
    if kind in _SALES_KINDS:
        return "sales"
    if kind in _AFTERSALES_KINDS:
        return "aftersales"
    return "care"


def mark_done(session: Session, reminder_id: int, outcome: str, now: dt.datetime, *, channel: str = "wechat",
              message: str = "", note: str = "", version: int | None = None) -> ActionResult:
    """Record a contact with `outcome`; no_answer re-schedules the task for tomorrow."""
    if outcome not in OUTCOMES:
        raise ValidationError("reminder_bad_outcome", field="outcome", value=outcome)
    r = _open_task(session, reminder_id, version)
    r.outcome = outcome
    if outcome == "no_answer":
        r.status, r.snoozed_until = "snoozed", now.date() + dt.timedelta(days=1)
    else:
        r.status, r.closed_at = "done", now
    return _log(session, r, now, channel=channel, result=outcome, message=message, note=note, contact=True)


def snooze(session: Session, reminder_id: int, until: dt.date, now: dt.datetime, *, note: str = "",
           version: int | None = None) -> ActionResult:
    """Hide the task until `until` (a day after today)."""
    if until <= now.date():
        raise ValidationError("reminder_snooze_past", field="until", value=until.isoformat())
    r = _open_task(session, reminder_id, version)
    r.status, r.snoozed_until = "snoozed", until
    return _log(session, r, now, channel="other", result="snoozed", note=note or until.isoformat(), contact=False)


def skip(session: Session, reminder_id: int, now: dt.datetime, *, note: str = "",
         version: int | None = None) -> ActionResult:
    """Close the task without contacting the customer."""
    r = _open_task(session, reminder_id, version)
    r.status, r.closed_at, r.outcome = "skipped", now, "skipped"
    return _log(session, r, now, channel="other", result="skipped", note=note, contact=False)


def skip_many(session: Session, reminder_ids: list[int], now: dt.datetime, *, note: str = "") -> int:
    """Skip every still-open task of `reminder_ids` (a group of the Today list), one contact-log line each,
    in the caller's transaction; tasks closed in the meantime are passed over. Returns how many were skipped."""
    done = 0
    for r in _still_open(session, reminder_ids):
        r.status, r.closed_at, r.outcome = "skipped", now, "skipped"
        _log(session, r, now, channel="other", result="skipped", note=note, contact=False)
        done += 1
    return done


def snooze_many(session: Session, reminder_ids: list[int], until: dt.date, now: dt.datetime, *,
                note: str = "") -> int:
    """Snooze every still-open task of `reminder_ids` until `until` (after today), one contact-log line each.
    Nothing is closed: the tasks come back on `until`. Returns how many were snoozed."""
    if until <= now.date():
        raise ValidationError("reminder_snooze_past", field="until", value=until.isoformat())
    done = 0
    for r in _still_open(session, reminder_ids):
        r.status, r.snoozed_until = "snoozed", until
        _log(session, r, now, channel="other", result="snoozed", note=note or until.isoformat(), contact=False)
        done += 1
    return done


def _still_open(session: Session, reminder_ids: list[int]) -> list[Reminder]:
    rows: list[Reminder] = []
    for chunk in in_chunks(sorted(set(reminder_ids))):
        rows += session.scalars(select(Reminder).where(Reminder.id.in_(chunk),
                                                       Reminder.status.in_(OPEN_STATUSES))).all()
    return rows


def add_manual(session: Session, customer_id: int, due: dt.date, title: str, note: str = "") -> int:
    """A task the seller writes ("call her on Friday"); returns its id. Never touched by regeneration."""
    title = (title or "").strip()
    if not title:
        raise ValidationError("reminder_title_empty", field="title", value=title)
    if session.get(Customer, customer_id) is None:
        raise NotFound("customer_missing", entity="customer", id=customer_id)
    r = Reminder(rule_key=f"manual:{uuid.uuid4().hex}", kind="manual", customer_id=customer_id, due_date=due,
                 title=title[:300], note=note, status="open", facts_json="{}")
    session.add(r)
    session.flush()
    return r.id


def _open_task(session: Session, reminder_id: int, version: int | None) -> Reminder:
    r = session.get(Reminder, reminder_id)
    if r is None:
        raise NotFound("reminder_missing", entity="reminder", id=reminder_id)
    if version is not None and r.version != version:
        raise ConflictError("reminder_changed", entity="reminder", id=reminder_id,
                            expected_version=version, actual_version=r.version)
    if r.status not in OPEN_STATUSES:
        raise ConflictError("reminder_closed", entity="reminder", id=reminder_id, status=r.status)
    return r


def _log(session: Session, r: Reminder, now: dt.datetime, *, channel: str, result: str, message: str = "",
         note: str = "", contact: bool) -> ActionResult:
    if channel not in CONTACT_CHANNEL_VALUES:
        raise ValidationError("contact_bad_channel", field="channel", value=channel)
    purpose = purpose_of(r.kind)
    entry = ContactLog(customer_id=r.customer_id, at=now, channel=channel, purpose=purpose,
                       is_marketing=contact and purpose == "marketing", reminder_id=r.id,
                       complaint_id=r.complaint_id, bad_review_id=r.bad_review_id, result=result,
                       message=message, note=note)
    session.add(entry)
    session.flush()
    return ActionResult(r.id, r.status, r.snoozed_until, r.outcome, entry.id)
