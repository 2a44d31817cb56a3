"""Mid and bad reviews (DOMAIN.md §6): contact attempts, offers, outcomes, deadlines, risk buyers.

Recording a review creates the Today tasks `review:<id>:contact` (due today: speed matters most) and
`review:<id>:deadline_check` (due `aftersales.review_deadline_check_days` before the platform's change
deadline — `aftersales.review_deadline_days` per platform, Taobao 30 days after the review). Each contact
attempt is a contact_log line (phone first, then WeChat); an unanswered attempt closes today's task and
creates `review:<id>:retry:<tomorrow>`. An outcome (revised, removed, unchanged, unreachable) closes the
review and all its tasks. The five professional bad-reviewer signs are ticked with evidence; their count is
the score; `set_risk_buyer` flags the customer, and `risk_warning` says why wherever they appear.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import rewards
from core.aftersales.dto import (
    ATTEMPT_RESULT_VALUES,
    REVIEW_LEVEL_VALUES,
    REVIEW_OFFER_VALUES,
    REVIEW_OUTCOME_VALUES,
    RISK_SIGNS,
    ContactAttemptDTO,
    ReviewDTO,
    RiskSignDTO,
    RiskWarningDTO,
)
from core.aftersales.tasks import (
    REACHED_RESULTS,
    CaseServiceBase,
    close_case_tasks,
    load_case,
    review_key,
    upsert_task,
)
from core.book.models import CONTACT_CHANNEL_VALUES, PLATFORM_VALUES, BadReview, ContactLog, Customer
from core.errors import RejectedInput, ValidationError
from core.settings import get_settings

# Today-list results that are no contact attempt.
_NOT_ATTEMPTS = ("snoozed", "skipped")
# Offers that hand the buyer a coupon row: a cash coupon, or a free-shipping card for next time.
_COUPON_OFFERS = {"coupon": "cash", "free_shipping": "free_shipping"}


def change_deadline(review_date: dt.date, platform: str, settings: Mapping) -> dt.date:
    """The last day the buyer can still change the review on this platform."""
    per_platform = settings["aftersales.review_deadline_days"] or {}
    days = per_platform.get(platform, settings["aftersales.review_deadline_default_days"])
    return review_date + dt.timedelta(days=int(days))


def default_offer_cents(level: str, settings: Mapping) -> int:
    """The usual offer: 5 yuan for a mid review, 10 for a bad one (settings)."""
    key = "aftersales.review_offer_mid_cents" if level == "mid" else "aftersales.review_offer_bad_cents"
    return int(settings[key])


def _signs(review: BadReview) -> tuple[RiskSignDTO, ...]:
    evidence = json.loads(review.sign_evidence_json or "{}")
    return tuple(RiskSignDTO(name=name, ticked=bool(getattr(review, f"sign_{name}")),
                             evidence=evidence.get(name, "")) for name in RISK_SIGNS)


def _attempts(session: Session, review_id: int) -> tuple[ContactAttemptDTO, ...]:
    """Contact attempts: logged here or from the Today list (its snoozes and skips are not attempts)."""
    rows = session.scalars(select(ContactLog).where(ContactLog.bad_review_id == review_id,
                                                    ContactLog.result.not_in(_NOT_ATTEMPTS))
                           .order_by(ContactLog.at, ContactLog.id))
    return tuple(ContactAttemptDTO(id=r.id, at=r.at, channel=r.channel, result=r.result, note=r.note)
                 for r in rows)


def _suggested_channel(attempts: tuple[ContactAttemptDTO, ...]) -> str:
    phone_failed = any(a.channel == "phone" and a.result not in REACHED_RESULTS for a in attempts)
    return "wechat" if phone_failed else "phone"


def _review_dto(session: Session, review: BadReview, today: dt.date) -> ReviewDTO:
    customer = session.get(Customer, review.customer_id)
    signs = _signs(review)
    attempts = _attempts(session, review.id)
    deadline = review.change_deadline
    return ReviewDTO(
        id=review.id, customer_id=review.customer_id,
        customer_name=(customer.name or customer.real_name) if customer else "", order_id=review.order_id,
        platform=review.platform, level=review.level, review_date=review.review_date, text=review.text,
        reason=review.reason, attempts=attempts, suggested_channel=_suggested_channel(attempts),
        offer_type=review.offer_type, offer_cents=review.offer_cents, offer_at=review.offer_at,
        outcome=review.outcome, outcome_at=review.outcome_at, change_deadline=deadline,
        days_left=(deadline - today).days if deadline else None, status=review.status, signs=signs,
        risk_score=sum(s.ticked for s in signs), evidence_note=review.evidence_note,
        customer_risk_buyer=bool(customer and customer.risk_buyer), version=review.version,
    )


def _facts(review: BadReview, customer_name: str, task: str, reason: str) -> dict:
    return {"case": "review", "task": task, "review_id": review.id, "platform": review.platform,
            "level": review.level, "review_date": review.review_date.isoformat(), "customer": customer_name,
            "change_deadline": review.change_deadline.isoformat() if review.change_deadline else "",
            "reason": reason}


class ReviewService(CaseServiceBase):
    """Record and rescue mid/bad reviews; professional bad-reviewer check and risk-buyer flag."""

    # -- reading -----------------------------------------------------------------------------------
    def get(self, review_id: int) -> ReviewDTO:
        with self._book.session() as s:
            return _review_dto(s, self._load(s, review_id), self._clock().date())

    def for_customer(self, customer_id: int) -> list[ReviewDTO]:
        """The customer's reviews, newest first."""
        today = self._clock().date()
        with self._book.session() as s:
            rows = s.scalars(select(BadReview).where(BadReview.customer_id == customer_id)
                             .order_by(BadReview.review_date.desc(), BadReview.id.desc()))
            return [_review_dto(s, r, today) for r in rows]

    def reasons(self) -> list[str]:
        """The seller's list of review reasons (codes of the defaults, or their own words)."""
        with self._book.session() as s:
            return list(get_settings(s, "aftersales.")["aftersales.review_reasons"])

    def default_offer(self, level: str) -> int:
        with self._book.session() as s:
            return default_offer_cents(level, get_settings(s, "aftersales."))

    # -- writing -----------------------------------------------------------------------------------
    def open(self, customer_id: int, *, platform: str, level: str, review_date: dt.date, text: str = "",
             reason: str = "", order_id: int | None = None) -> ReviewDTO:
        """Record a mid/bad review with its contact-today and deadline-check tasks."""
        self._check_fields(platform, level)
        today = self._clock().date()
        if review_date > today:
            raise ValidationError("review_date_future", field="review_date", value=review_date.isoformat())
        with self._book.session() as s:
            customer = self._customer(s, customer_id)
            self._check_order(s, order_id, customer_id)
            settings = get_settings(s, "aftersales.")
            review = BadReview(customer_id=customer_id, order_id=order_id, platform=platform, level=level,
                               review_date=review_date, text=text.strip(), reason=reason.strip(),
                               change_deadline=change_deadline(review_date, platform, settings), status="open")
            s.add(review)
            s.flush()
            upsert_task(s, review_key(review.id, "contact"), kind="review", customer_id=customer_id,
                        due_date=today, bad_review_id=review.id, order_id=order_id,
                        facts=_facts(review, customer.name, "contact", "New review: contact the buyer today"))
            self._plan_deadline_check(s, review, customer.name, settings, today)
            return _review_dto(s, review, today)

    def update(self, review_id: int, *, platform: str, level: str, review_date: dt.date, text: str,
               reason: str, order_id: int | None, version: int | None = None) -> ReviewDTO:
        """Edit the review; a new platform or date moves the deadline and its check task."""
        self._check_fields(platform, level)
        today = self._clock().date()
        with self._book.session() as s:
            review = self._load(s, review_id, version)
            self._check_order(s, order_id, review.customer_id)
            settings = get_settings(s, "aftersales.")
            review.platform, review.level, review.review_date = platform, level, review_date
            review.text, review.reason, review.order_id = text.strip(), reason.strip(), order_id
            review.change_deadline = change_deadline(review_date, platform, settings)
            s.flush()
            if review.status == "open":
                self._plan_deadline_check(s, review, self._customer_name(s, review), settings, today)
            return _review_dto(s, review, today)

    def log_attempt(self, review_id: int, *, channel: str, result: str, note: str = "",
                    at: dt.datetime | None = None) -> ReviewDTO:
        """One contact attempt, written to the contact log. `no_answer` moves the contact to tomorrow
        (`review:<id>:retry:<date>`); `reached` or `refused` closes the open contact tasks."""
        self._check_choice("contact_channel_invalid", channel, CONTACT_CHANNEL_VALUES, "channel")
        self._check_choice("attempt_result_invalid", result, ATTEMPT_RESULT_VALUES, "result")
        now = self._now(at)
        with self._book.session() as s:
            review = self._load(s, review_id)
            self._require_open(review)
            s.add(ContactLog(customer_id=review.customer_id, at=now, channel=channel, purpose="aftersales",
                             is_marketing=False, bad_review_id=review.id, result=result, note=note.strip()))
            outcome = "contacted" if result == "reached" else ("declined" if result == "refused" else "no_answer")
            for task in ("contact", "retry:"):
                close_case_tasks(s, at=now, bad_review_id=review.id, outcome=outcome,
                                 prefix=review_key(review.id, task))
            if result == "no_answer":
                tomorrow = now.date() + dt.timedelta(days=1)
                name = self._customer_name(s, review)
                upsert_task(s, review_key(review.id, f"retry:{tomorrow.isoformat()}"), kind="review",
                            customer_id=review.customer_id, due_date=tomorrow, bad_review_id=review.id,
                            order_id=review.order_id,
                            facts=_facts(review, name, "retry", f"No answer on {channel}: try again"))
            s.flush()
            return _review_dto(s, review, now.date())

    def make_offer(self, review_id: int, *, offer_type: str, amount_cents: int | None = None,
                   note: str = "", at: dt.datetime | None = None) -> ReviewDTO:
        """What the buyer was offered; the amount defaults to 5 yuan (mid) / 10 yuan (bad). A coupon or
        free-shipping offer issues the coupon (valid `aftersales.coupon_valid_days`)."""
        self._check_choice("offer_invalid", offer_type, REVIEW_OFFER_VALUES, "offer_type")
        now = self._now(at)
        with self._book.session() as s:
            review = self._load(s, review_id)
            self._require_open(review)
            if review.offer_at is not None:
                raise RejectedInput("review_already_offered", "An offer was made already", review_id=review_id)
            settings = get_settings(s, "aftersales.")
            cents = default_offer_cents(review.level, settings) if amount_cents is None else amount_cents
            if offer_type == "free_shipping" and amount_cents is None:
                cents = 0
            if cents < 0:
                raise ValidationError("amount_negative", field="amount_cents", value=cents)
            review.offer_type, review.offer_cents, review.offer_at = offer_type, cents, now
            if offer_type in _COUPON_OFFERS:
                rewards.issue_coupon(
                    s, review.customer_id, kind=_COUPON_OFFERS[offer_type], value_cents=cents, issued_at=now,
                    expires_on=now.date() + dt.timedelta(days=int(settings["aftersales.coupon_valid_days"])),
                    source="review", bad_review_id=review.id, note=note)
            s.flush()
            return _review_dto(s, review, now.date())

    def record_outcome(self, review_id: int, outcome: str, *, temperament_note: str = "",
                       at: dt.datetime | None = None) -> ReviewDTO:
        """Close the review with its outcome and every open task; a temperament note ("firm, do not
        push") is appended to the customer's personality notes for next time."""
        self._check_choice("outcome_invalid", outcome, REVIEW_OUTCOME_VALUES, "outcome")
        now = self._now(at)
        with self._book.session() as s:
            review = self._load(s, review_id)
            self._require_open(review)
            review.outcome, review.outcome_at, review.status = outcome, now, "closed"
            close_case_tasks(s, at=now, bad_review_id=review.id, outcome=outcome)
            if temperament_note.strip():
                customer = s.get(Customer, review.customer_id)
                assert customer is not None, "a review's customer is never deleted while it exists"
                line = f"{now.date().isoformat()} {temperament_note.strip()}"
                customer.personality = f"{customer.personality}\n{line}".strip()
            s.flush()
            return _review_dto(s, review, now.date())

    def reopen(self, review_id: int) -> ReviewDTO:
        """A closed review back to open (e.g. the buyer answers after all); outcome cleared."""
        today = self._clock().date()
        with self._book.session() as s:
            review = self._load(s, review_id)
            if review.status != "closed":
                raise RejectedInput("review_wrong_status", "The review is open", review_id=review_id)
            review.status, review.outcome, review.outcome_at = "open", "", None
            s.flush()
            return _review_dto(s, review, today)

    # -- professional bad-reviewer check and risk buyers -------------------------------------------
    def update_risk_check(self, review_id: int, signs: Mapping[str, bool], evidence: Mapping[str, str],
                          note: str = "") -> ReviewDTO:
        """Tick the five signs (unknown names rejected) with an evidence note each; the score is the
        number ticked. Does not flag the customer: the seller decides with `set_risk_buyer`."""
        unknown = (set(signs) | set(evidence)) - set(RISK_SIGNS)
        if unknown:
            raise ValidationError("risk_sign_invalid", field="signs", value=sorted(unknown)[0])
        with self._book.session() as s:
            review = self._load(s, review_id)
            for name in RISK_SIGNS:
                if name in signs:
                    setattr(review, f"sign_{name}", bool(signs[name]))
            stored = json.loads(review.sign_evidence_json or "{}")
            stored.update({k: v.strip() for k, v in evidence.items()})
            review.sign_evidence_json = json.dumps({k: v for k, v in stored.items() if v}, ensure_ascii=False)
            review.evidence_note = note.strip()
            s.flush()
            return _review_dto(s, review, self._clock().date())

    def set_risk_buyer(self, customer_id: int, flagged: bool) -> RiskWarningDTO | None:
        """Flag (or clear) the customer as a risk buyer; returns their warning, None when cleared."""
        with self._book.session() as s:
            customer = self._customer(s, customer_id)
            customer.risk_buyer = flagged
            s.flush()
            return risk_warning_in(s, customer_id)

    def risk_warning(self, customer_id: int) -> RiskWarningDTO | None:
        """Why this customer is a risk buyer, or None when they are not flagged."""
        with self._book.session() as s:
            return risk_warning_in(s, customer_id)

    # -- helpers -----------------------------------------------------------------------------------
    def _check_fields(self, platform: str, level: str) -> None:
        self._check_choice("platform_invalid", platform, PLATFORM_VALUES, "platform")
        self._check_choice("review_level_invalid", level, REVIEW_LEVEL_VALUES, "level")

    @staticmethod
    def _load(session: Session, review_id: int, version: int | None = None) -> BadReview:
        return load_case(session, BadReview, review_id, version)

    @staticmethod
    def _require_open(review: BadReview) -> None:
        if review.status != "open":
            raise RejectedInput("review_wrong_status", "The review is closed", review_id=review.id)

    @staticmethod
    def _customer_name(s: Session, review: BadReview) -> str:
        customer = s.get(Customer, review.customer_id)
        return customer.name if customer else ""

    @staticmethod
    def _plan_deadline_check(s: Session, review: BadReview, name: str, settings: Mapping, today: dt.date) -> None:
        if review.change_deadline is None:
            return
        before = int(settings["aftersales.review_deadline_check_days"])
        due = max(today, review.change_deadline - dt.timedelta(days=before))
        reason = f"The buyer can change the review until {review.change_deadline.isoformat()}: check it"
        upsert_task(s, review_key(review.id, "deadline_check"), kind="review", customer_id=review.customer_id,
                    due_date=due, bad_review_id=review.id, order_id=review.order_id,
                    facts=_facts(review, name, "deadline_check", reason))


def risk_warning_in(session: Session, customer_id: int) -> RiskWarningDTO | None:
    """The risk-buyer warning inside a caller's transaction (None when the customer is not flagged)."""
    customer = session.get(Customer, customer_id)
    if customer is None or not customer.risk_buyer:
        return None
    best, ticked, notes = 0, [], []
    for review in session.scalars(select(BadReview).where(BadReview.customer_id == customer_id)
                                  .order_by(BadReview.review_date)):
        signs = _signs(review)
        best = max(best, sum(x.ticked for x in signs))
        ticked += [x.name for x in signs if x.ticked and x.name not in ticked]
        notes += [x.evidence for x in signs if x.ticked and x.evidence and x.evidence not in notes]
        if review.evidence_note and review.evidence_note not in notes:
            notes.append(review.evidence_note)
    return RiskWarningDTO(customer_id=customer_id, customer_name=customer.name or customer.real_name,
                          risk_buyer=True, best_score=best, signs=tuple(ticked), evidence=tuple(notes))

