"""After-sales services: complaints handled in five steps with compensation, and the facade the UI gets.

A complaint (DOMAIN.md §5) is opened from a customer or an order; its status goes open → resolved →
closed. Opening it creates the Today task `complaint:<id>:first_response`, due 24 hours later (setting
`aftersales.first_response_hours`); ticking any step records the first response and closes that task.
Compensation (step 4) by coupon or points really issues a coupon / a points ledger line (core.rewards) and
creates `complaint:<id>:follow_up`, due 7 days later (`aftersales.follow_up_days`); recording the
follow-up (step 5) closes it, and marking that task done from the Today list counts as step 5. Reviews
live in core.aftersales.reviews, lists and figures in core.aftersales.stats. Every call is one transaction
and returns DTOs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import rewards
from core.aftersales.dto import (
    COMPLAINT_STEPS,
    PRODUCT_COMPLAINT_KINDS,
    STEP_COMPENSATE,
    STEP_FOLLOW_UP,
    CaseFilter,
    ComplaintDTO,
    ComplaintStepDTO,
)
from core.aftersales.tasks import (
    CaseServiceBase,
    close_case_tasks,
    close_task,
    complaint_key,
    load_case,
    system_clock,
    today_list_follow_up,
    today_list_responses,
    upsert_task,
)
from core.book.models import (
    COMPENSATION_VALUES,
    COMPLAINT_KIND_VALUES,
    CONTACT_CHANNEL_VALUES,
    COUPON_KIND_VALUES,
    Complaint,
    ComplaintStep,
    ContactLog,
    Coupon,
    Customer,
    Reminder,
)
from core.errors import RejectedInput, ValidationError
from core.settings import get_settings

if TYPE_CHECKING:
    from core.book.db import Book


def complaint_settings(session: Session) -> dict:
    return get_settings(session, "aftersales.")


def _first_response_due(complaint: Complaint, settings: dict) -> dt.datetime:
    return complaint.opened_at + dt.timedelta(hours=int(settings["aftersales.first_response_hours"]))


def _complaint_dto(session: Session, complaint: Complaint, settings: dict) -> ComplaintDTO:
    customer_name = complaint_customer_name(session, complaint)
    follow_up_due = session.scalar(select(Reminder.due_date).where(
        Reminder.rule_key == complaint_key(complaint.id, "follow_up")))
    coupon_ids = tuple(session.scalars(select(Coupon.id).where(Coupon.complaint_id == complaint.id)
                                       .order_by(Coupon.id)))
    return ComplaintDTO(
        id=complaint.id, customer_id=complaint.customer_id, customer_name=customer_name,
        order_id=complaint.order_id, kind=complaint.kind,
        category="product" if complaint.kind in PRODUCT_COMPLAINT_KINDS else "service",
        channel=complaint.channel, description=complaint.description,
        evidence=tuple(json.loads(complaint.evidence_json or "[]")), status=complaint.status,
        opened_at=complaint.opened_at, first_response_due=_first_response_due(complaint, settings),
        first_response_at=first_response_at(session, complaint), compensation_type=complaint.compensation_type,
        compensation_cents=complaint.compensation_cents, compensation_points=complaint.compensation_points,
        compensated_at=complaint.compensated_at, follow_up_due=follow_up_due,
        resolution=complaint.resolution, resolved_at=complaint.resolved_at, closed_at=complaint.closed_at,
        steps=_steps(session, complaint),
        coupon_ids=coupon_ids, version=complaint.version,
    )


def _steps(session: Session, complaint: Complaint) -> tuple[ComplaintStepDTO, ...]:
    """The steps ticked in the complaint dialog, and step 5 when the seller did it from the Today list."""
    steps = [ComplaintStepDTO(step=row.step, code=COMPLAINT_STEPS[row.step - 1], done_at=row.done_at, note=row.note)
             for row in complaint.steps]
    if not any(step.step == STEP_FOLLOW_UP for step in steps):
        answered = today_list_follow_up(session, complaint.id)
        if answered is not None:
            steps.append(ComplaintStepDTO(step=STEP_FOLLOW_UP, code=COMPLAINT_STEPS[STEP_FOLLOW_UP - 1],
                                          done_at=answered[0], note=answered[1]))
    return tuple(sorted(steps, key=lambda step: step.step))


def first_response_at(session: Session, complaint: Complaint) -> dt.datetime | None:
    """When the complaint was first answered: in its dialog, or from the Today list."""
    if complaint.first_response_at is not None:
        return complaint.first_response_at
    return today_list_responses(session, [complaint.id]).get(complaint.id)


def complaint_customer_name(session: Session, complaint: Complaint) -> str:
    customer = session.get(Customer, complaint.customer_id)
    return (customer.name or customer.real_name) if customer else ""


class ComplaintService(CaseServiceBase):
    """Open, handle (five steps, compensation), resolve and close complaints."""

    # -- reading -----------------------------------------------------------------------------------
    def get(self, complaint_id: int) -> ComplaintDTO:
        with self._book.session() as s:
            return _complaint_dto(s, self._load(s, complaint_id), complaint_settings(s))

    def for_customer(self, customer_id: int) -> list[ComplaintDTO]:
        """The customer's complaints, newest first."""
        with self._book.session() as s:
            settings = complaint_settings(s)
            rows = s.scalars(select(Complaint).where(Complaint.customer_id == customer_id)
                             .order_by(Complaint.opened_at.desc(), Complaint.id.desc()))
            return [_complaint_dto(s, c, settings) for c in rows]

    # -- writing -----------------------------------------------------------------------------------
    def open(self, customer_id: int, *, kind: str, channel: str = "wechat", description: str = "",
             evidence: Iterable[str] = (), order_id: int | None = None,
             opened_at: dt.datetime | None = None) -> ComplaintDTO:
        """Record a new complaint and its first-response task. Raises ValidationError, NotFound."""
        self._check_choice("complaint_kind_invalid", kind, COMPLAINT_KIND_VALUES, "kind")
        self._check_choice("contact_channel_invalid", channel, CONTACT_CHANNEL_VALUES, "channel")
        with self._book.session() as s:
            customer = self._customer(s, customer_id)
            self._check_order(s, order_id, customer_id)
            complaint = Complaint(customer_id=customer.id, order_id=order_id, kind=kind, channel=channel,
                                  description=description.strip(), evidence_json=_evidence_json(evidence),
                                  status="open", opened_at=self._now(opened_at))
            s.add(complaint)
            s.flush()
            settings = complaint_settings(s)
            due = _first_response_due(complaint, settings)
            facts = _task_facts(complaint, customer.name, "first_response", due_at=due,
                                hours=settings["aftersales.first_response_hours"])
            upsert_task(s, complaint_key(complaint.id, "first_response"), kind="complaint",
                        customer_id=customer.id, due_date=due.date(), complaint_id=complaint.id,
                        order_id=order_id, facts=facts)
            return _complaint_dto(s, complaint, settings)

    def update(self, complaint_id: int, *, kind: str, channel: str, description: str,
               evidence: Iterable[str], order_id: int | None, version: int | None = None) -> ComplaintDTO:
        """Edit what the complaint is about. `version` (when given) must match, else ConflictError."""
        self._check_choice("complaint_kind_invalid", kind, COMPLAINT_KIND_VALUES, "kind")
        self._check_choice("contact_channel_invalid", channel, CONTACT_CHANNEL_VALUES, "channel")
        with self._book.session() as s:
            complaint = self._load(s, complaint_id, version)
            self._check_order(s, order_id, complaint.customer_id)
            complaint.kind, complaint.channel = kind, channel
            complaint.description = description.strip()
            complaint.evidence_json = _evidence_json(evidence)
            complaint.order_id = order_id
            s.flush()
            return _complaint_dto(s, complaint, complaint_settings(s))

    def tick_step(self, complaint_id: int, step: int, note: str = "",
                  at: dt.datetime | None = None) -> ComplaintDTO:
        """Mark one of the five steps done (again: updates its note). The first tick is the first
        response; step 5 is the follow-up and closes the follow-up task."""
        if not 1 <= step <= len(COMPLAINT_STEPS):
            raise ValidationError("complaint_step_invalid", field="step", value=step)
        with self._book.session() as s:
            complaint = self._load(s, complaint_id)
            self._require_status(complaint, ("open", "resolved"))
            self._tick(s, complaint, step, note, self._now(at))
            s.flush()
            return _complaint_dto(s, complaint, complaint_settings(s))

    def record_follow_up(self, complaint_id: int, note: str = "", at: dt.datetime | None = None) -> ComplaintDTO:
        """Step 5 (跟踪): the seller checked the customer is satisfied; closes the follow-up task."""
        return self.tick_step(complaint_id, STEP_FOLLOW_UP, note, at)

    def compensate(self, complaint_id: int, *, compensation_type: str, amount_cents: int = 0,
                   points: int = 0, coupon_kind: str = "cash", coupon_expires_on: dt.date | None = None,
                   note: str = "", at: dt.datetime | None = None) -> ComplaintDTO:
        """Step 4 (补偿): record the compensation once. A coupon or points compensation issues the coupon
        (expiring after `aftersales.coupon_valid_days` unless given) or the points; the follow-up task
        falls due `aftersales.follow_up_days` later."""
        self._check_choice("compensation_invalid", compensation_type, COMPENSATION_VALUES, "compensation_type")
        self._check_choice("coupon_kind_invalid", coupon_kind, COUPON_KIND_VALUES, "coupon_kind")
        if amount_cents < 0:
            raise ValidationError("amount_negative", field="amount_cents", value=amount_cents)
        if compensation_type == "points" and points <= 0:
            raise ValidationError("points_required", field="points", value=points)
        if compensation_type == "coupon" and amount_cents <= 0 and coupon_kind != "free_shipping":
            raise ValidationError("amount_required", field="amount_cents", value=amount_cents)
        now = self._now(at)
        with self._book.session() as s:
            complaint = self._load(s, complaint_id)
            self._require_status(complaint, ("open", "resolved"))
            if complaint.compensated_at is not None:
                raise RejectedInput("complaint_already_compensated", "This complaint was compensated already",
                                    complaint_id=complaint_id)
            settings = complaint_settings(s)
            complaint.compensation_type = compensation_type
            complaint.compensation_cents = amount_cents
            complaint.compensation_points = points if compensation_type == "points" else 0
            complaint.compensated_at = now
            if compensation_type == "coupon":
                valid_days = int(settings["aftersales.coupon_valid_days"])
                expires = coupon_expires_on or now.date() + dt.timedelta(days=valid_days)
                rewards.issue_coupon(s, complaint.customer_id, kind=coupon_kind, value_cents=amount_cents,
                                     issued_at=now, expires_on=expires, source="complaint",
                                     complaint_id=complaint.id, note=note)
            elif compensation_type == "points":
                rewards.add_points(s, complaint.customer_id, points, reason="compensation", at=now,
                                   complaint_id=complaint.id, order_id=complaint.order_id, note=note)
            self._tick(s, complaint, STEP_COMPENSATE, note, now)
            self._plan_follow_up(s, complaint, now, settings)
            s.flush()
            return _complaint_dto(s, complaint, settings)

    def resolve(self, complaint_id: int, resolution: str, at: dt.datetime | None = None) -> ComplaintDTO:
        """open → resolved with what was agreed; plans the follow-up if compensation did not."""
        now = self._now(at)
        with self._book.session() as s:
            complaint = self._load(s, complaint_id)
            self._require_status(complaint, ("open",))
            complaint.status = "resolved"
            complaint.resolution = resolution.strip()
            complaint.resolved_at = now
            settings = complaint_settings(s)
            self._plan_follow_up(s, complaint, now, settings)
            s.flush()
            return _complaint_dto(s, complaint, settings)

    def close(self, complaint_id: int, at: dt.datetime | None = None) -> ComplaintDTO:
        """open/resolved → closed; tasks still open are skipped (nothing left to do)."""
        now = self._now(at)
        with self._book.session() as s:
            complaint = self._load(s, complaint_id)
            self._require_status(complaint, ("open", "resolved"))
            complaint.status = "closed"
            complaint.closed_at = now
            close_case_tasks(s, at=now, complaint_id=complaint.id, status="skipped", outcome="case_closed")
            s.flush()
            return _complaint_dto(s, complaint, complaint_settings(s))

    def reopen(self, complaint_id: int) -> ComplaintDTO:
        """resolved/closed → open again (the customer came back with the same problem)."""
        with self._book.session() as s:
            complaint = self._load(s, complaint_id)
            self._require_status(complaint, ("resolved", "closed"))
            complaint.status = "open"
            complaint.resolved_at = None
            complaint.closed_at = None
            s.flush()
            return _complaint_dto(s, complaint, complaint_settings(s))

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _load(session: Session, complaint_id: int, version: int | None = None) -> Complaint:
        return load_case(session, Complaint, complaint_id, version)

    @staticmethod
    def _require_status(complaint: Complaint, allowed: tuple[str, ...]) -> None:
        if complaint.status not in allowed:
            raise RejectedInput("complaint_wrong_status", f"The complaint is {complaint.status}",
                                complaint_id=complaint.id, status=complaint.status)

    def _tick(self, s: Session, complaint: Complaint, step: int, note: str, now: dt.datetime) -> None:
        row = next((x for x in complaint.steps if x.step == step), None)
        from_today = today_list_follow_up(s, complaint.id) if step == STEP_FOLLOW_UP and row is None else None
        if row is None:  # step 5 done from the Today list keeps the time and words of that contact
            complaint.steps.append(ComplaintStep(step=step, done_at=from_today[0] if from_today else now,
                                                 note=note.strip() or (from_today[1] if from_today else "")))
        elif note.strip():
            row.note = note.strip()
        if complaint.first_response_at is None:
            answered = first_response_at(s, complaint)  # maybe from the Today list already
            complaint.first_response_at = answered or now
            close_task(s, complaint_key(complaint.id, "first_response"), at=now, outcome="contacted")
            if answered is None:
                self._log_contact(s, complaint, now, "first_response", note)
        if step == STEP_FOLLOW_UP and row is None and from_today is None:
            close_task(s, complaint_key(complaint.id, "follow_up"), at=now, outcome="contacted")
            self._log_contact(s, complaint, now, "follow_up", note)

    @staticmethod
    def _log_contact(s: Session, complaint: Complaint, now: dt.datetime, result: str, note: str) -> None:
        s.add(ContactLog(customer_id=complaint.customer_id, at=now, channel=complaint.channel,
                         purpose="aftersales", is_marketing=False, complaint_id=complaint.id,
                         result=result, note=note.strip()))

    @staticmethod
    def _plan_follow_up(s: Session, complaint: Complaint, now: dt.datetime, settings: dict) -> None:
        if any(x.step == STEP_FOLLOW_UP for x in complaint.steps):
            return
        due = now.date() + dt.timedelta(days=int(settings["aftersales.follow_up_days"]))
        customer_name = complaint_customer_name(s, complaint)
        upsert_task(s, complaint_key(complaint.id, "follow_up"), kind="complaint",
                    customer_id=complaint.customer_id, due_date=due, complaint_id=complaint.id,
                    order_id=complaint.order_id,
                    facts=_task_facts(complaint, customer_name, "follow_up", due_at=None))


def _evidence_json(evidence: Iterable[str]) -> str:
    return json.dumps([p.strip() for p in evidence if p and p.strip()], ensure_ascii=False)


def _task_facts(complaint: Complaint, customer_name: str, task: str, *, due_at: dt.datetime | None,
                hours: int = 24) -> dict:
    """What the Today list needs to explain a complaint task (plus an English reason for the CLI)."""
    opened = complaint.opened_at.strftime("%Y-%m-%d %H:%M")
    if task == "first_response":
        reason = f"Complaint ({complaint.kind}) opened {opened}: answer within {hours} hours"
    else:
        reason = f"Complaint ({complaint.kind}) opened {opened}: check the customer is satisfied"
    facts = {"case": "complaint", "task": task, "complaint_id": complaint.id, "complaint_kind": complaint.kind,
             "customer": customer_name, "opened_at": complaint.opened_at.isoformat(sep=" "), "reason": reason}
    if due_at is not None:
        facts["due_at"] = due_at.isoformat(sep=" ")
    if complaint.compensation_type:
        facts["compensation"] = complaint.compensation_type
    return facts


class AftersalesService:
    """The after-sales services a page needs, sharing one book and one clock."""

    def __init__(self, book: Book, clock: Callable[[], dt.datetime] = system_clock) -> None:
        from core.aftersales.reviews import ReviewService
        from core.aftersales.stats import CaseQueries

        self.complaints = ComplaintService(book, clock)
        self.reviews = ReviewService(book, clock)
        self.cases = CaseQueries(book, clock)
        self._book = book
        self._clock = clock

    def export_cases(self, path, case_filter: CaseFilter | None = None, language: str = "zh_CN"):
        """Write the cases the filter selects to an .xlsx file (the book exporter's after-sales sheet)."""
        from core.excel.export import export_book

        return export_book(self._book, path, what="aftersales", language=language, today=self._clock().date(),
                           case_filter=case_filter)

    def settings(self) -> dict:
        """Every `aftersales.` setting (defaults filled in)."""
        with self._book.session() as s:
            return complaint_settings(s)

    def save_settings(self, values: dict) -> dict:
        """Validate and store `aftersales.` settings (only the keys given); returns them all.

        Counts must be whole numbers ≥ 0 (hours and days ≥ 1 where a zero would make no sense), the
        per-platform deadlines a mapping of known platforms to days ≥ 1, the reasons a non-empty list.
        Raises ValidationError (field = the key) and writes nothing then.
        """
        from core.book.models import PLATFORM_VALUES
        from core.settings import DEFAULTS, set_setting

        for key, value in values.items():
            if key not in DEFAULTS or not key.startswith("aftersales."):
                raise ValidationError("setting_unknown", field=key, value=str(value))
            _check_setting(key, value, PLATFORM_VALUES)
        with self._book.session() as s:
            for key, value in values.items():
                set_setting(s, key, value)
            s.flush()
            return complaint_settings(s)


_AT_LEAST_ONE = ("aftersales.first_response_hours", "aftersales.follow_up_days",
                 "aftersales.review_deadline_default_days", "aftersales.coupon_valid_days")


def _check_setting(key: str, value, platforms: tuple[str, ...]) -> None:
    def bad() -> ValidationError:
        return ValidationError("setting_invalid", field=key, value=str(value))

    if key == "aftersales.review_deadline_days":
        if not isinstance(value, dict) or any(p not in platforms or not isinstance(d, int) or isinstance(d, bool)
                                              or d < 1 for p, d in value.items()):
            raise bad()
    elif key == "aftersales.review_reasons":
        if not isinstance(value, list) or not value or any(not isinstance(r, str) or not r.strip() for r in value):
            raise bad()
    elif not isinstance(value, int) or isinstance(value, bool) or value < (1 if key in _AT_LEAST_ONE else 0):
        raise bad()
