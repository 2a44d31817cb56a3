"""Frozen DTOs and vocabularies of after-sales: complaints, mid/bad reviews, risk buyers, cases, statistics.

Codes are short English words; ui/ translates them. Money is integer fen, datetimes naive local.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.book.models import COMPLAINT_KIND_VALUES

PRODUCT_COMPLAINT_KINDS = COMPLAINT_KIND_VALUES[:6]  # quality … damaged (DOMAIN.md §5)
SERVICE_COMPLAINT_KINDS = COMPLAINT_KIND_VALUES[6:]  # attitude … other
# The five handling steps, numbered 1..5: 安抚道歉, 快速反应, 移情, 补偿, 跟踪.
COMPLAINT_STEPS = ("apologise", "respond", "empathise", "compensate", "follow_up")
STEP_COMPENSATE = 4
STEP_FOLLOW_UP = 5
COMPLAINT_STATUS_VALUES = ("open", "resolved", "closed")

REVIEW_LEVEL_VALUES = ("mid", "bad")
REVIEW_STATUS_VALUES = ("open", "closed")
REVIEW_OFFER_VALUES = ("cash", "coupon", "free_shipping", "gift", "level")
REVIEW_OUTCOME_VALUES = ("revised", "removed", "unchanged", "unreachable")
RESCUED_OUTCOMES = frozenset({"revised", "removed"})
# Result of one contact attempt: talked to the buyer, nobody answered (retry tomorrow), buyer refused to talk.
ATTEMPT_RESULT_VALUES = ("reached", "no_answer", "refused")
# The professional bad-reviewer signs of DOMAIN.md §6, in the order shown.
RISK_SIGNS = ("new_account", "refuses_platform_chat", "targets_new_shop", "cheap_fragile", "remote_address")
CASE_KIND_VALUES = ("complaint", "review")


@dataclass(frozen=True)
class ComplaintStepDTO:
    step: int  # 1..5
    code: str  # COMPLAINT_STEPS[step - 1]
    done_at: dt.datetime
    note: str


@dataclass(frozen=True)
class ComplaintDTO:
    id: int
    customer_id: int
    customer_name: str
    order_id: int | None
    kind: str
    category: str  # product or service
    channel: str
    description: str
    evidence: tuple[str, ...]
    status: str
    opened_at: dt.datetime
    first_response_due: dt.datetime
    first_response_at: dt.datetime | None
    compensation_type: str
    compensation_cents: int
    compensation_points: int
    compensated_at: dt.datetime | None
    follow_up_due: dt.date | None  # None until compensation or resolution sets it
    resolution: str
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    steps: tuple[ComplaintStepDTO, ...]
    coupon_ids: tuple[int, ...]
    version: int

    def step_done(self, step: int) -> ComplaintStepDTO | None:
        return next((s for s in self.steps if s.step == step), None)

    def first_response_overdue(self, now: dt.datetime) -> bool:
        """True while nobody has answered and the 24-hour (setting) promise has passed."""
        return self.first_response_at is None and self.status == "open" and now > self.first_response_due


@dataclass(frozen=True)
class ContactAttemptDTO:
    id: int
    at: dt.datetime
    channel: str
    result: str
    note: str


@dataclass(frozen=True)
class RiskSignDTO:
    name: str  # one of RISK_SIGNS
    ticked: bool
    evidence: str


@dataclass(frozen=True)
class ReviewDTO:
    id: int
    customer_id: int
    customer_name: str
    order_id: int | None
    platform: str
    level: str
    review_date: dt.date
    text: str
    reason: str
    attempts: tuple[ContactAttemptDTO, ...]
    suggested_channel: str  # phone first, WeChat once the phone has failed
    offer_type: str
    offer_cents: int
    offer_at: dt.datetime | None
    outcome: str
    outcome_at: dt.datetime | None
    change_deadline: dt.date | None
    days_left: int | None  # days from today to the deadline (negative once passed)
    status: str
    signs: tuple[RiskSignDTO, ...]
    risk_score: int  # ticked signs, 0..5
    evidence_note: str
    customer_risk_buyer: bool
    version: int


@dataclass(frozen=True)
class RiskWarningDTO:
    """Why a customer is flagged: shown on their record and when entering an order for them."""

    customer_id: int
    customer_name: str
    risk_buyer: bool
    best_score: int  # highest professional bad-reviewer score among their reviews
    signs: tuple[str, ...]  # every sign ticked on any of their reviews
    evidence: tuple[str, ...]  # evidence notes, one per line


@dataclass(frozen=True)
class CaseRowDTO:
    """One line of the After-sales page: a complaint or a review."""

    kind: str  # complaint, review
    id: int
    customer_id: int
    customer_name: str
    customer_phone: str
    platform: str
    subtype: str  # complaint kind, or review level
    status: str
    opened_on: dt.date
    next_due: dt.date | None  # earliest open task
    overdue: bool
    summary: str
    amount_cents: int  # compensation or offer
    outcome: str  # review outcome, or complaint compensation type


@dataclass(frozen=True)
class CaseFilter:
    kind: str = ""  # "", complaint, review
    status: str = ""  # "", open, resolved, closed
    platform: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    customer_id: int | None = None
    order_id: int | None = None


@dataclass(frozen=True)
class MonthCountDTO:
    month: str  # YYYY-MM
    complaints: int
    reviews: int


@dataclass(frozen=True)
class MonthSpendDTO:
    month: str
    complaint_cents: int
    review_cents: int
    points: int

    @property
    def total_cents(self) -> int:
        return self.complaint_cents + self.review_cents


@dataclass(frozen=True)
class AftersalesStatsDTO:
    cases_per_month: tuple[MonthCountDTO, ...]
    complaints_by_kind: tuple[tuple[str, int], ...]
    response_hours: tuple[float, ...]  # hours to first response, one per answered complaint
    median_response_hours: float | None
    within_target_share: float | None  # share answered within the first-response setting
    reviews_total: int
    reviews_rescued: int  # revised or removed
    rescue_rate: float | None  # rescued ÷ all reviews in the range
    outcomes: tuple[tuple[str, int], ...]
    spend_per_month: tuple[MonthSpendDTO, ...]
