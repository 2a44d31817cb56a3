"""Issuing coupons and points to a customer: the small shared writers after-sales and marketing use.

Both functions run inside the caller's transaction (they take a Session) and return the new row's id.
Points live in a ledger (`points_ledger`): the balance is always the sum of its lines, never a stored number.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.book.dialect import lock_rows_for_update
from core.book.models import COUPON_KIND_VALUES, Coupon, Customer, PointsEntry
from core.errors import NotFound, ValidationError


def _require_customer(session: Session, customer_id: int) -> None:
    if session.get(Customer, customer_id) is None:
        raise NotFound("customer_not_found", f"No customer {customer_id}", customer_id=customer_id)


def issue_coupon(
    session: Session,
    customer_id: int,
    *,
    kind: str,
    value_cents: int,
    issued_at: dt.datetime,
    expires_on: dt.date | None = None,
    threshold_cents: int = 0,
    discount_percent: int | None = None,
    source: str = "manual",
    complaint_id: int | None = None,
    bad_review_id: int | None = None,
    campaign_id: int | None = None,
    note: str = "",
) -> int:
    """Give `customer_id` a coupon; returns its id.

    `kind` is one of COUPON_KIND_VALUES; `value_cents` ≥ 0 (a free-shipping card may be 0); `source`
    says why (manual, campaign, complaint, review). Raises ValidationError or NotFound (customer).
    """
    if kind not in COUPON_KIND_VALUES:
        raise ValidationError("coupon_kind_invalid", field="kind", value=kind)
    if value_cents < 0 or threshold_cents < 0:
        raise ValidationError("coupon_value_invalid", field="value_cents", value=value_cents)
    if expires_on is not None and expires_on < issued_at.date():
        raise ValidationError("coupon_expiry_invalid", field="expires_on", value=expires_on.isoformat())
    _require_customer(session, customer_id)
    coupon = Coupon(
        customer_id=customer_id, kind=kind, value_cents=value_cents, threshold_cents=threshold_cents,
        discount_percent=discount_percent, issued_at=issued_at, expires_on=expires_on, source=source,
        complaint_id=complaint_id, bad_review_id=bad_review_id, campaign_id=campaign_id, note=note,
    )
    session.add(coupon)
    session.flush()
    return coupon.id


def add_points(
    session: Session,
    customer_id: int,
    delta: int,
    *,
    reason: str,
    at: dt.datetime,
    order_id: int | None = None,
    complaint_id: int | None = None,
    note: str = "",
) -> int:
    """Write one ledger line of `delta` points (negative to redeem); returns its id.

    `reason` is a short code (spend, join, photo_review, referral, redeem, compensation, manual).
    Raises ValidationError for a zero delta or a redemption beyond the balance, NotFound for the customer.
    """
    if delta == 0:
        raise ValidationError("points_zero", field="delta", value=delta)
    _require_customer(session, customer_id)
    if delta < 0:
        # Spending: the customer's row is locked first, so two redemptions at once on a shared book take
        # turns and the second sees the first one's line in the balance.
        lock_rows_for_update(session, Customer.__table__, [customer_id])
        if points_balance(session, customer_id) + delta < 0:
            raise ValidationError("points_insufficient", field="delta", value=delta)
    entry = PointsEntry(customer_id=customer_id, delta=delta, reason=reason, at=at, order_id=order_id,
                        complaint_id=complaint_id, note=note)
    session.add(entry)
    session.flush()
    return entry.id


def points_balance(session: Session, customer_id: int) -> int:
    """The customer's points: the sum of their ledger."""
    total = session.scalar(select(func.coalesce(func.sum(PointsEntry.delta), 0))
                           .where(PointsEntry.customer_id == customer_id))
    return int(total or 0)
