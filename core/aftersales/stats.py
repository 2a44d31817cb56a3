"""After-sales lists and figures: the cases table (open first, filtered) and the statistics behind the charts.

Definitions: a complaint belongs to the month it was opened, a review to its review date; time to first
response = first step ticked − opened, in hours; review rescue rate = (revised + removed) ÷ all reviews of
the range; money spent = complaint compensation amounts by the month compensated plus review offers by the
month offered (points counted apart). Ranges are inclusive local dates; None = unbounded.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.aftersales.dto import (
    COMPLAINT_STATUS_VALUES,
    RESCUED_OUTCOMES,
    AftersalesStatsDTO,
    CaseFilter,
    CaseRowDTO,
    MonthCountDTO,
    MonthSpendDTO,
)
from core.aftersales.tasks import OPEN_TASK_STATUSES, CaseServiceBase, today_list_responses
from core.book.models import BadReview, Complaint, Customer, Order, Reminder
from core.settings import get_setting

_STATUS_RANK = {"open": 0, "resolved": 1, "closed": 2}
_SUMMARY_CHARS = 60


def _month(day: dt.date | dt.datetime) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _in_range(day: dt.date, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SUMMARY_CHARS else line[:_SUMMARY_CHARS - 1] + "…"


def _next_due(session: Session, column) -> dict[int, dt.date]:
    rows = session.execute(select(column, func.min(Reminder.due_date))
                           .where(column.is_not(None), Reminder.status.in_(OPEN_TASK_STATUSES))
                           .group_by(column))
    return {case_id: due for case_id, due in rows}


def case_rows(session: Session, case_filter: CaseFilter | None, today: dt.date) -> list[CaseRowDTO]:
    """Complaints and reviews matching the filter (None: all), in the caller's transaction: open cases
    first, then by next due date, then newest."""
    case_filter = case_filter or CaseFilter()
    rows: list[CaseRowDTO] = []
    if case_filter.kind in ("", "complaint"):
        rows += _complaint_rows(session, case_filter, today)
    if case_filter.kind in ("", "review"):
        rows += _review_rows(session, case_filter, today)
    rows.sort(key=lambda r: (r.opened_on, r.id), reverse=True)
    rows.sort(key=lambda r: (_STATUS_RANK.get(r.status, 3), r.next_due or dt.date.max))
    return rows


def _complaint_rows(s: Session, f: CaseFilter, today: dt.date) -> list[CaseRowDTO]:
    if f.status and f.status not in COMPLAINT_STATUS_VALUES:
        return []
    query = (select(Complaint, Customer.name, Customer.phone, Order.platform)
             .join(Customer, Customer.id == Complaint.customer_id)
             .outerjoin(Order, Order.id == Complaint.order_id))
    if f.status:
        query = query.where(Complaint.status == f.status)
    if f.platform:
        query = query.where(Order.platform == f.platform)
    if f.customer_id is not None:
        query = query.where(Complaint.customer_id == f.customer_id)
    if f.order_id is not None:
        query = query.where(Complaint.order_id == f.order_id)
    due = _next_due(s, Reminder.complaint_id)
    rows = []
    for c, name, phone, platform in s.execute(query):
        if not _in_range(c.opened_at.date(), f.date_from, f.date_to):
            continue
        next_due = due.get(c.id) if c.status != "closed" else None
        rows.append(CaseRowDTO(
            kind="complaint", id=c.id, customer_id=c.customer_id, customer_name=name, customer_phone=phone,
            platform=platform or "", subtype=c.kind, status=c.status, opened_on=c.opened_at.date(), next_due=next_due,
            overdue=next_due is not None and next_due < today, summary=_short(c.description),
            amount_cents=c.compensation_cents, outcome=c.compensation_type))
    return rows


def _review_rows(s: Session, f: CaseFilter, today: dt.date) -> list[CaseRowDTO]:
    if f.status == "resolved":
        return []
    query = (select(BadReview, Customer.name, Customer.phone)
             .join(Customer, Customer.id == BadReview.customer_id))
    if f.status:
        query = query.where(BadReview.status == f.status)
    if f.platform:
        query = query.where(BadReview.platform == f.platform)
    if f.customer_id is not None:
        query = query.where(BadReview.customer_id == f.customer_id)
    if f.order_id is not None:
        query = query.where(BadReview.order_id == f.order_id)
    if f.date_from is not None:
        query = query.where(BadReview.review_date >= f.date_from)
    if f.date_to is not None:
        query = query.where(BadReview.review_date <= f.date_to)
    due = _next_due(s, Reminder.bad_review_id)
    rows = []
    for r, name, phone in s.execute(query):
        next_due = due.get(r.id) if r.status == "open" else None
        rows.append(CaseRowDTO(
            kind="review", id=r.id, customer_id=r.customer_id, customer_name=name, customer_phone=phone,
            platform=r.platform, subtype=r.level, status=r.status, opened_on=r.review_date, next_due=next_due,
            overdue=next_due is not None and next_due < today, summary=_short(r.text),
            amount_cents=r.offer_cents, outcome=r.outcome))
    return rows


class CaseQueries(CaseServiceBase):
    """Read-only: the After-sales page's list and statistics."""

    def list_cases(self, case_filter: CaseFilter | None = None) -> list[CaseRowDTO]:
        """Complaints and reviews matching the filter: open cases first, then by next due date, newest."""
        with self._book.session() as s:
            return case_rows(s, case_filter, self._clock().date())

    def open_case_count(self) -> int:
        """Open complaints plus open reviews (the navigation counter)."""
        with self._book.session() as s:
            complaints = s.scalar(select(func.count()).select_from(Complaint).where(Complaint.status == "open"))
            reviews = s.scalar(select(func.count()).select_from(BadReview).where(BadReview.status == "open"))
            return int(complaints or 0) + int(reviews or 0)

    def statistics(self, date_from: dt.date | None = None, date_to: dt.date | None = None) -> AftersalesStatsDTO:
        """The figures of DOMAIN.md §5–6 over the range (see the module docstring for definitions)."""
        with self._book.session() as s:
            target_hours = float(get_setting(s, "aftersales.first_response_hours"))
            complaints = [c for c in s.scalars(select(Complaint))
                          if _in_range(c.opened_at.date(), date_from, date_to)]
            answered = today_list_responses(s, [c.id for c in complaints if c.first_response_at is None])
            responses = [(c.opened_at, c.first_response_at or answered.get(c.id)) for c in complaints]
            reviews = [r for r in s.scalars(select(BadReview)) if _in_range(r.review_date, date_from, date_to)]
            spend = self._spend(s, date_from, date_to)
        hours = tuple(round((answered_at - opened).total_seconds() / 3600, 2)
                      for opened, answered_at in sorted(responses, key=lambda pair: pair[0]) if answered_at)
        rescued = sum(r.outcome in RESCUED_OUTCOMES for r in reviews)
        outcomes = Counter(r.outcome or "pending" for r in reviews)
        return AftersalesStatsDTO(
            cases_per_month=_cases_per_month((c.opened_at for c in complaints), (r.review_date for r in reviews)),
            complaints_by_kind=tuple(sorted(Counter(c.kind for c in complaints).items(),
                                            key=lambda kv: (-kv[1], kv[0]))),
            response_hours=hours,
            median_response_hours=statistics.median(hours) if hours else None,
            within_target_share=sum(h <= target_hours for h in hours) / len(hours) if hours else None,
            reviews_total=len(reviews), reviews_rescued=rescued,
            rescue_rate=rescued / len(reviews) if reviews else None,
            outcomes=tuple(sorted(outcomes.items())),
            spend_per_month=spend,
        )

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _spend(s: Session, date_from: dt.date | None, date_to: dt.date | None) -> tuple[MonthSpendDTO, ...]:
        complaint_cents: Counter[str] = Counter()
        points: Counter[str] = Counter()
        review_cents: Counter[str] = Counter()
        for at, cents, pts in s.execute(select(Complaint.compensated_at, Complaint.compensation_cents,
                                               Complaint.compensation_points)
                                        .where(Complaint.compensated_at.is_not(None))):
            assert at is not None, "selected where compensated_at is set"
            if _in_range(at.date(), date_from, date_to):
                complaint_cents[_month(at)] += cents
                points[_month(at)] += pts
        # offers made before offer_at existed (imports, the demo book) count at the outcome or review date
        for offered, decided, reviewed, cents in s.execute(
                select(BadReview.offer_at, BadReview.outcome_at, BadReview.review_date, BadReview.offer_cents)
                .where(BadReview.offer_cents > 0)):
            day = (offered or decided or reviewed)
            day = day.date() if isinstance(day, dt.datetime) else day
            if _in_range(day, date_from, date_to):
                review_cents[_month(day)] += cents
        months = sorted(set(complaint_cents) | set(review_cents) | set(points))
        if not months:
            return ()
        return tuple(MonthSpendDTO(month=m, complaint_cents=complaint_cents[m], review_cents=review_cents[m],
                                   points=points[m]) for m in _months_between(months[0], months[-1]))


def _cases_per_month(complaint_times: Iterable[dt.datetime],
                     review_dates: Iterable[dt.date]) -> tuple[MonthCountDTO, ...]:
    complaints = Counter(_month(t) for t in complaint_times)
    reviews = Counter(_month(d) for d in review_dates)
    months = sorted(set(complaints) | set(reviews))
    if not months:
        return ()
    return tuple(MonthCountDTO(month=m, complaints=complaints[m], reviews=reviews[m])
                 for m in _months_between(months[0], months[-1]))
