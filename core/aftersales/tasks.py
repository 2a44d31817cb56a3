"""After-sales plumbing: the services' base (book, clock, lookups) and their tasks in `reminder`.

Tasks have kinds `complaint` and `review` and unique rule keys: `complaint:<id>:first_response`,
`complaint:<id>:follow_up`, `review:<id>:contact`, `review:<id>:retry:<date>`,
`review:<id>:deadline_check`. Writing a task is idempotent: an open task is moved to its new due date,
a closed one is left as the seller closed it. The Today list reads `facts_json`
(`task`, `case`, ids, `customer`, `due`, `reason` …) to explain each row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.book.dialect import table_of
from core.book.models import ContactLog, Customer, Order, Reminder
from core.errors import ConflictError, NotFound, ValidationError

if TYPE_CHECKING:
    from core.book.db import Book

OPEN_TASK_STATUSES = ("open", "snoozed")


def complaint_key(complaint_id: int, task: str) -> str:
    return f"complaint:{complaint_id}:{task}"


def review_key(review_id: int, task: str) -> str:
    return f"review:{review_id}:{task}"


def upsert_task(
    session: Session,
    rule_key: str,
    *,
    kind: str,
    customer_id: int,
    due_date: dt.date,
    facts: dict[str, Any],
    complaint_id: int | None = None,
    bad_review_id: int | None = None,
    order_id: int | None = None,
) -> Reminder:
    """Create the task, or move an open one to `due_date` with new facts. Closed tasks stay closed."""
    facts = {**facts, "due": due_date.isoformat()}
    task = session.scalar(select(Reminder).where(Reminder.rule_key == rule_key))
    encoded = json.dumps(facts, ensure_ascii=False, default=str)
    if task is None:
        task = Reminder(rule_key=rule_key, kind=kind, customer_id=customer_id, due_date=due_date,
                        status="open", complaint_id=complaint_id, bad_review_id=bad_review_id,
                        order_id=order_id, facts_json=encoded)
        session.add(task)
    elif task.status in OPEN_TASK_STATUSES and (task.due_date != due_date or task.facts_json != encoded):
        task.due_date = due_date
        task.facts_json = encoded
        task.customer_id = customer_id
    session.flush()
    return task


def close_task(session: Session, rule_key: str, *, at: dt.datetime, status: str = "done",
               outcome: str = "") -> bool:
    """Close an open task (done/skipped/expired). Returns False when there is none open."""
    task = session.scalar(select(Reminder).where(Reminder.rule_key == rule_key))
    if task is None or task.status not in OPEN_TASK_STATUSES:
        return False
    task.status = status
    task.outcome = outcome
    task.closed_at = at
    return True


def close_case_tasks(session: Session, *, at: dt.datetime, complaint_id: int | None = None,
                     bad_review_id: int | None = None, status: str = "done", outcome: str = "",
                     prefix: str = "") -> int:
    """Close every open task of one case (those whose rule key starts with `prefix`, if given)."""
    query = select(Reminder).where(Reminder.status.in_(OPEN_TASK_STATUSES))
    if complaint_id is not None:
        query = query.where(Reminder.complaint_id == complaint_id)
    if bad_review_id is not None:
        query = query.where(Reminder.bad_review_id == bad_review_id)
    if prefix:
        query = query.where(Reminder.rule_key.startswith(prefix))
    closed = 0
    for task in session.scalars(query):
        task.status = status
        task.outcome = outcome
        task.closed_at = at
        closed += 1
    return closed


def case_tasks(session: Session, *, complaint_id: int | None = None,
               bad_review_id: int | None = None) -> list[Reminder]:
    """Every task of one case, oldest due first (within core only: ORM rows)."""
    query = select(Reminder)
    if complaint_id is not None:
        query = query.where(Reminder.complaint_id == complaint_id)
    if bad_review_id is not None:
        query = query.where(Reminder.bad_review_id == bad_review_id)
    return list(session.scalars(query.order_by(Reminder.due_date, Reminder.id)))


# Today-list results (contact_log) that mean the customer was reached.
REACHED_RESULTS = frozenset({"reached", "contacted", "bought", "declined"})


def today_list_responses(session: Session, complaint_ids: list[int]) -> dict[int, dt.datetime]:
    """Earliest contact recorded from the Today list per complaint (the seller answered there, not in the
    complaint dialog); such a contact counts as the first response."""
    if not complaint_ids:
        return {}
    rows = session.execute(select(ContactLog.complaint_id, func.min(ContactLog.at))
                           .where(ContactLog.complaint_id.in_(complaint_ids), ContactLog.reminder_id.is_not(None),
                                  ContactLog.result.in_(REACHED_RESULTS))
                           .group_by(ContactLog.complaint_id))
    return {complaint_id: at for complaint_id, at in rows if complaint_id is not None}


def today_list_follow_up(session: Session, complaint_id: int) -> tuple[dt.datetime, str] | None:
    """(when, note) of the first contact recorded from the Today list on the complaint's follow-up task that
    reached the customer: the seller did step 5 there, not in the complaint dialog. None if there is none."""
    row = session.execute(select(ContactLog.at, ContactLog.note)
                          .join(Reminder, Reminder.id == ContactLog.reminder_id)
                          .where(Reminder.rule_key == complaint_key(complaint_id, "follow_up"),
                                 ContactLog.result.in_(REACHED_RESULTS))
                          .order_by(ContactLog.at, ContactLog.id).limit(1)).first()
    return (row.at, row.note or "") if row is not None else None


def load_case(session: Session, model: type, case_id: int, version: int | None = None):
    """A complaint or review row by id. NotFound (`complaint_not_found` / `bad_review_not_found`) when
    missing; ConflictError when `version` is given and someone saved the row in the meantime."""
    entity = table_of(model).name
    row = session.get(model, case_id)
    if row is None:
        raise NotFound(f"{entity}_not_found", f"No {entity} {case_id}", id=case_id)
    if version is not None and row.version != version:
        raise ConflictError("conflict", entity=entity, id=case_id, expected_version=version,
                            actual_version=row.version)
    return row


def system_clock() -> dt.datetime:
    """The local wall clock without microseconds (the default clock of the services)."""
    return clock.now()


class CaseServiceBase:
    """What the complaint and review services share: the book, an injected clock, lookups."""

    def __init__(self, book: Book, clock: Callable[[], dt.datetime] = system_clock) -> None:
        self._book = book
        self._clock = clock

    def _now(self, at: dt.datetime | None = None) -> dt.datetime:
        return at if at is not None else self._clock()

    @staticmethod
    def _customer(session: Session, customer_id: int) -> Customer:
        customer = session.get(Customer, customer_id)
        if customer is None or customer.deleted_at is not None:
            raise NotFound("customer_not_found", f"No customer {customer_id}", customer_id=customer_id)
        return customer

    @staticmethod
    def _check_order(session: Session, order_id: int | None, customer_id: int) -> None:
        if order_id is None:
            return
        order = session.get(Order, order_id)
        if order is None:
            raise NotFound("order_not_found", f"No order {order_id}", order_id=order_id)
        if order.customer_id != customer_id:
            raise ValidationError("order_of_other_customer", field="order_id", value=order_id)

    @staticmethod
    def _check_choice(code: str, value: str, allowed: tuple[str, ...], field: str) -> None:
        if value not in allowed:
            raise ValidationError(code, f"{field} must be one of {', '.join(allowed)}", field=field, value=value)
