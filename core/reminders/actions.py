"""What the seller does with a task: done with an outcome, snooze, skip, add a manual task.

Every action writes one contact_log row (channel, purpose, result, the message sent). Outcomes:
contacted, bought, declined close the task as done; no_answer keeps it and shows it again tomorrow.
Regeneration never undoes these (core.reminders.generate only refreshes open and snoozed rows).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

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
