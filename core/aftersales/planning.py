"""The after-sales tasks a book's open cases call for, written exactly as the services write them.

`plan_open_cases(session)` is for books whose cases were written in bulk (the demo): for every open
complaint and review it writes the tasks ComplaintService / ReviewService would have written while the
seller worked the case, with the same rule keys and facts:
- a complaint: the first-response task, due `aftersales.first_response_hours` after it was opened
  (ComplaintService.open), closed when it was answered (its first step);
- a complaint compensated (step 4) without its follow-up (step 5): the follow-up task, due
  `aftersales.follow_up_days` after the compensation (ComplaintService.compensate);
- a review: the contact task, due on the review's day (ReviewService.open), closed as the seller's first
  attempt that reached the buyer closed it (ReviewService.log_attempt); and the check before the
  platform's change deadline.
Idempotent (upsert_task), inside the caller's transaction. Returns how many cases were planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.aftersales.reviews import ReviewService, _facts
from core.aftersales.service import _first_response_due, _task_facts, complaint_settings
from core.aftersales.tasks import close_case_tasks, close_task, complaint_key, review_key, upsert_task
from core.book.models import BadReview, Complaint, ComplaintStep, ContactLog, Customer

# Contact-log results of a review attempt that reached the buyer (the demo writes "contacted").
_REACHED = ("reached", "contacted", "refused")


def plan_open_cases(session: Session, complaint_ids: Collection[int] | None = None,
                    review_ids: Collection[int] | None = None) -> int:
    """Write the tasks of every open complaint and review (see the module docstring); with ``complaint_ids``
    / ``review_ids``, of those cases only (a copy of the book imported from our export)."""
    settings = complaint_settings(session)
    names = _names(session)
    planned = 0
    complaints = select(Complaint).where(Complaint.status == "open")
    reviews = select(BadReview).where(BadReview.status == "open")
    if complaint_ids is not None or review_ids is not None:
        complaints = complaints.where(Complaint.id.in_(list(complaint_ids or ())))
        reviews = reviews.where(BadReview.id.in_(list(review_ids or ())))
    for complaint in session.scalars(complaints.order_by(Complaint.id)):
        name = names.get(complaint.customer_id, "")
        due = _first_response_due(complaint, settings)
        upsert_task(session, complaint_key(complaint.id, "first_response"), kind="complaint",
                    customer_id=complaint.customer_id, due_date=due.date(), complaint_id=complaint.id,
                    order_id=complaint.order_id,
                    facts=_task_facts(complaint, name, "first_response", due_at=due,
                                      hours=settings["aftersales.first_response_hours"]))
        if complaint.first_response_at is not None:  # answered: the first step closed it (ComplaintService._tick)
            close_task(session, complaint_key(complaint.id, "first_response"), at=complaint.first_response_at,
                       outcome="contacted")
        if complaint.compensated_at is not None and not _has_follow_up(session, complaint.id):
            follow_up_days = int(settings["aftersales.follow_up_days"])
            follow_up = complaint.compensated_at.date() + dt.timedelta(days=follow_up_days)
            upsert_task(session, complaint_key(complaint.id, "follow_up"), kind="complaint",
                        customer_id=complaint.customer_id, due_date=follow_up, complaint_id=complaint.id,
                        order_id=complaint.order_id, facts=_task_facts(complaint, name, "follow_up", due_at=None))
        planned += 1
    for review in session.scalars(reviews.order_by(BadReview.id)):
        name = names.get(review.customer_id, "")
        upsert_task(session, review_key(review.id, "contact"), kind="review", customer_id=review.customer_id,
                    due_date=review.review_date, bad_review_id=review.id, order_id=review.order_id,
                    facts=_facts(review, name, "contact", "New review: contact the buyer today"))
        ReviewService._plan_deadline_check(session, review, name, settings, review.review_date)
        reached = session.scalar(select(func.min(ContactLog.at)).where(
            ContactLog.bad_review_id == review.id, ContactLog.result.in_(_REACHED)))
        if reached is not None:
            close_case_tasks(session, at=reached, bad_review_id=review.id, outcome="contacted",
                             prefix=review_key(review.id, "contact"))
        planned += 1
    session.flush()
    return planned


def _names(session: Session) -> dict[int, str]:
    """Names of the customers with an open case (one read)."""
    ids = select(Complaint.customer_id).where(Complaint.status == "open").union(
        select(BadReview.customer_id).where(BadReview.status == "open"))
    return dict(session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all())


def _has_follow_up(session: Session, complaint_id: int) -> bool:
    return session.execute(select(func.count()).select_from(ComplaintStep).where(
        ComplaintStep.complaint_id == complaint_id, ComplaintStep.step == 5)).scalar_one() > 0
