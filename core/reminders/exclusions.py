"""Why a customer is not in today's list: each rule that keeps their tasks out, as coded facts.

Codes (ui/ turns them into sentences): listed, deleted, do_not_disturb, open_complaint, open_review,
frequency_cap (last_contact, allowed_from), kind_disabled (kind), too_old (kind, due), snoozed (kind,
until), closed (kind, status, on), next_task (kind, due), no_tasks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.book.models import BadReview, Complaint, ContactLog, Customer, Reminder
from core.errors import NotFound
from core.reminders.kinds import ENGINE_KINDS, MARKETING_KINDS, OPEN_STATUSES, enabled_kinds, expiry_days
from core.reminders.today import day_list, today_list
from core.settings import get_settings


@dataclass(frozen=True)
class NotListedReason:
    code: str
    kind: str = ""
    date: dt.date | None = None
    details: dict = field(default_factory=dict)


def why_not_listed(session: Session, customer_id: int, today: dt.date) -> tuple[NotListedReason, ...]:
    """The rules keeping this customer's tasks out of `today`'s list ("listed" first if some are in)."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound("customer_missing", entity="customer", id=customer_id)
    if customer.deleted_at is not None:
        return (NotListedReason("deleted"),)
    reasons: list[NotListedReason] = []
    listed = today_list(session, today, customer_id=customer_id, limit=0)
    if listed.total:
        shown = sum(t.customer_id == customer_id for t in day_list(session, today, mask_phones=True).tasks)
        # "listed_later": due, but ranked below the day's list (the seller finds them under "More")
        reasons.append(NotListedReason("listed" if shown else "listed_later", details={"count": listed.total}))
    reasons += _marketing_blocks(session, customer, today)
    reasons += _task_states(session, customer_id, today)
    return tuple(reasons)


def _marketing_blocks(session: Session, customer: Customer, today: dt.date) -> list[NotListedReason]:
    reasons = []
    if customer.do_not_disturb:
        reasons.append(NotListedReason("do_not_disturb"))
    if session.scalar(select(func.count()).where(Complaint.customer_id == customer.id, Complaint.status == "open")):
        reasons.append(NotListedReason("open_complaint"))
    if session.scalar(select(func.count()).where(BadReview.customer_id == customer.id, BadReview.status == "open")):
        reasons.append(NotListedReason("open_review"))
    settings = get_settings(session, "reminder.")
    stage = get_settings(session, "stage.")
    loyal = (customer.purchase_days >= stage["stage.loyal_min_purchase_days"]
             or customer.total_spend_cents >= stage["stage.loyal_min_spend_cents"])
    cap = int(settings["reminder.cap_days_loyal" if loyal else "reminder.cap_days"])
    last = session.scalar(select(func.max(ContactLog.at)).where(
        ContactLog.customer_id == customer.id, ContactLog.is_marketing.is_(True), ContactLog.result != "no_answer"))
    if last is not None and last.date() > today - dt.timedelta(days=cap):
        allowed = last.date() + dt.timedelta(days=cap)
        reasons.append(NotListedReason("frequency_cap", date=allowed,
                                       details={"last_contact": last.date().isoformat(), "cap_days": cap}))
    return reasons


def _task_states(session: Session, customer_id: int, today: dt.date) -> list[NotListedReason]:
    settings = get_settings(session, "reminder.")
    switched_on = set(enabled_kinds(settings))
    tasks = session.scalars(select(Reminder).where(Reminder.customer_id == customer_id)
                            .order_by(Reminder.due_date)).all()
    reasons = []
    for r in tasks:
        if r.status == "open" and r.due_date <= today:
            if r.kind in ENGINE_KINDS and r.kind not in switched_on:
                reasons.append(NotListedReason("kind_disabled", r.kind, r.due_date))
            elif r.kind in ENGINE_KINDS and r.due_date < today - dt.timedelta(days=expiry_days(settings, r.kind) or 0):
                reasons.append(NotListedReason("too_old", r.kind, r.due_date))
        elif r.status == "snoozed" and r.snoozed_until and r.snoozed_until > today:
            reasons.append(NotListedReason("snoozed", r.kind, r.snoozed_until))
    closed = [(r, r.closed_at) for r in tasks if r.status not in OPEN_STATUSES and r.closed_at is not None]
    if closed:
        last, closed_at = max(closed, key=lambda pair: pair[1])
        reasons.append(NotListedReason("closed", last.kind, closed_at.date(),
                                       {"status": last.status, "outcome": last.outcome}))
    upcoming = [r for r in tasks if r.status == "open" and r.due_date > today]
    if upcoming:
        reasons.append(NotListedReason("next_task", upcoming[0].kind, upcoming[0].due_date,
                                       {"marketing": upcoming[0].kind in MARKETING_KINDS}))
    if not tasks:
        reasons.append(NotListedReason("no_tasks"))
    return reasons
