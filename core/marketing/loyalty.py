"""Coupons and points for marketing: coupon descriptions, issuing to a segment, using a coupon on an order,
the points rules (settings "marketing.points_*"), spend points kept in step with orders, redemption.

Writers take the caller's Session (one transaction) and reuse core.rewards (issue_coupon, add_points).
The points ledger is append-only: a changed or refunded order gets a correcting line, never an edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks, rowcount, table_of
from core.book.models import Coupon, Customer, Order, PointsEntry
from core.errors import NotFound, ValidationError
from core.rewards import add_points, issue_coupon, points_balance
from core.settings import get_settings

POINT_RULES = ("join", "photo_review", "referral")


@dataclass(frozen=True)
class CouponSpec:
    """What a campaign or a bulk issue gives: kind (COUPON_KIND_VALUES), value, threshold (满), discount
    percent (discount cards: 90 = 10 % off), valid for `valid_days` from the issue day."""

    kind: str = "cash"
    value_cents: int = 0
    threshold_cents: int = 0
    discount_percent: int | None = None
    valid_days: int = 30

    def to_dict(self) -> dict:
        return {"kind": self.kind, "value_cents": self.value_cents, "threshold_cents": self.threshold_cents,
                "discount_percent": self.discount_percent, "valid_days": self.valid_days}


@dataclass(frozen=True)
class CouponDTO:
    id: int
    customer_id: int
    kind: str
    value_cents: int
    threshold_cents: int
    discount_percent: int | None
    issued_at: dt.datetime
    expires_on: dt.date | None
    used_at: dt.datetime | None
    used_order_id: int | None
    source: str


@dataclass(frozen=True)
class PointsLine:
    id: int
    at: dt.datetime
    delta: int
    reason: str
    order_id: int | None
    note: str
    balance: int  # running balance after this line


def _yuan(cents: int) -> str:
    return f"{cents / 100:g}"


def coupon_text(kind: str, value_cents: int, threshold_cents: int = 0, discount_percent: int | None = None,
                language: str = "zh_CN") -> str:
    """How the coupon reads in a message ({coupon}): e.g. 满200减20优惠券 / a ¥20 off ¥200 coupon."""
    zh = language.startswith("zh")
    if kind == "threshold" and threshold_cents:
        return (f"满{_yuan(threshold_cents)}减{_yuan(value_cents)}优惠券" if zh
                else f"¥{_yuan(value_cents)} off ¥{_yuan(threshold_cents)} coupon")
    if kind == "free_shipping":
        return "包邮卡" if zh else "free-shipping card"
    if kind == "discount" and discount_percent:
        return (f"{discount_percent / 10:g}折卡" if zh else f"{100 - discount_percent}% off card")
    if kind == "birthday":
        return (f"{_yuan(value_cents)}元生日券" if zh else f"¥{_yuan(value_cents)} birthday coupon")
    return f"{_yuan(value_cents)}元优惠券" if zh else f"¥{_yuan(value_cents)} coupon"


def issue_from_spec(session: Session, customer_id: int, spec: CouponSpec, now: dt.datetime, *,
                    source: str = "manual", campaign_id: int | None = None) -> int:
    """Issue one coupon of `spec` to a customer, expiring `spec.valid_days` after today."""
    return issue_coupon(session, customer_id, kind=spec.kind, value_cents=spec.value_cents, issued_at=now,
                        expires_on=now.date() + dt.timedelta(days=spec.valid_days),
                        threshold_cents=spec.threshold_cents, discount_percent=spec.discount_percent,
                        source=source, campaign_id=campaign_id)


def issue_to_customers(session: Session, customer_ids, spec: CouponSpec, now: dt.datetime, *,
                       source: str = "manual", campaign_id: int | None = None) -> dict[int, int]:
    """Issue `spec` to each customer; returns customer id → coupon id."""
    return {cid: issue_from_spec(session, cid, spec, now, source=source, campaign_id=campaign_id)
            for cid in customer_ids}


def use_coupon(session: Session, coupon_id: int, order_id: int, now: dt.datetime) -> None:
    """Mark a coupon used on an order of the same customer.

    ValidationError: already used, expired on the order date, another customer's order, or an order below
    the threshold (goods amount). Open expiry reminders close at the next reminder regeneration.
    """
    coupon = session.get(Coupon, coupon_id)
    if coupon is None:
        raise NotFound("coupon_not_found", entity="coupon", id=coupon_id)
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound("order_not_found", entity="order", id=order_id)
    if coupon.used_at is not None:
        raise ValidationError("coupon_already_used", field="coupon", value=coupon_id)
    if order.customer_id != coupon.customer_id:
        raise ValidationError("coupon_other_customer", field="order", value=order_id)
    if coupon.expires_on is not None and order.order_date > coupon.expires_on:
        raise ValidationError("coupon_expired", field="coupon", value=coupon.expires_on.isoformat())
    if coupon.threshold_cents and order.goods_cents < coupon.threshold_cents:
        raise ValidationError("coupon_below_threshold", field="order", value=order.goods_cents)
    # Marked used only if still unused when written: on a shared book two orders saved at once both read it
    # unused above, and the second UPDATE waits for the first and then finds nothing to mark.
    marked = rowcount(session.execute(update(Coupon).where(Coupon.id == coupon_id, Coupon.used_at.is_(None))
                                      .values(used_at=now, used_order_id=order_id)
                                      .execution_options(synchronize_session=False)))
    if marked != 1:
        raise ValidationError("coupon_already_used", field="coupon", value=coupon_id)
    session.expire(coupon, ["used_at", "used_order_id"])


def coupon_cents_off(kind: str, value_cents: int, discount_percent: int | None, goods_cents: int,
                     postage_cents: int) -> int:
    """What a coupon takes off an order: its value; a free-shipping card the postage (or its value when
    it has one); a discount card (100 − percent) % of the goods."""
    if kind == "free_shipping":
        return value_cents or postage_cents
    if kind == "discount":
        return goods_cents * (100 - (discount_percent or 100)) // 100
    return value_cents


def points_cents(session: Session, points: int) -> int:
    """The cash value in fen of `points` ("marketing.points_per_yuan_redeemed" points per yuan)."""
    per_yuan = int(get_settings(session, "marketing.")["marketing.points_per_yuan_redeemed"])
    return points * 100 // per_yuan


def redeem_on_order(session: Session, order_id: int, coupon_id: int | None, points: int, now: dt.datetime, *,
                    lower_paid: bool) -> int:
    """Use a coupon and/or spend points on an order in the caller's transaction; the money they take off is
    added to the order's discount (and taken off its paid amount when `lower_paid`, i.e. paid was not
    typed), never below zero. Returns the fen taken off. Errors as use_coupon and redeem_points, and
    ValidationError "points_exceed_order" (detail `max`) for more points than it takes to pay what is left."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound("order_not_found", entity="order", id=order_id)
    off = 0
    if coupon_id is not None:
        use_coupon(session, coupon_id, order_id, now)
        coupon = session.get(Coupon, coupon_id)
        assert coupon is not None, "use_coupon raised NotFound for a missing coupon"
        off += coupon_cents_off(coupon.kind, coupon.value_cents, coupon.discount_percent, order.goods_cents,
                                order.postage_cents)
    payable = max(0, order.goods_cents + order.postage_cents - order.discount_cents)
    if points:
        per_yuan = int(get_settings(session, "marketing.")["marketing.points_per_yuan_redeemed"])
        needed = -(-max(0, payable - off) * per_yuan // 100)  # points that pay what is left, rounded up
        if points > needed:
            raise ValidationError("points_exceed_order", field="points", value=points, max=needed)
        off += redeem_points(session, order.customer_id, points, now, order_id=order_id)
    off = min(off, payable)
    order.discount_cents += off
    if lower_paid:
        order.paid_cents = max(0, order.paid_cents - off)
    session.flush()
    return off


def coupon_status(coupon: CouponDTO, today: dt.date) -> str:
    """"used", "expired" (past its expiry day) or "open"."""
    if coupon.used_at is not None:
        return "used"
    if coupon.expires_on is not None and coupon.expires_on < today:
        return "expired"
    return "open"


def coupons_of(session: Session, customer_id: int) -> list[CouponDTO]:
    rows = session.scalars(select(Coupon).where(Coupon.customer_id == customer_id).order_by(Coupon.issued_at.desc()))
    return [CouponDTO(k.id, k.customer_id, k.kind, k.value_cents, k.threshold_cents, k.discount_percent,
                      k.issued_at, k.expires_on, k.used_at, k.used_order_id, k.source) for k in rows]


def award_rule_points(session: Session, customer_id: int, rule: str, at: dt.datetime, note: str = "") -> int | None:
    """Points for an action (join, photo_review, referral) as set in "marketing.points_<rule>".

    Returns the ledger line id, or None when the rule gives 0 points. Joining is awarded once per customer.
    """
    if rule not in POINT_RULES:
        raise ValidationError("points_rule_unknown", field="rule", value=rule)
    points = int(get_settings(session, "marketing.")[f"marketing.points_{rule}"])
    if points <= 0:
        return None
    if rule == "join" and session.scalar(select(func.count()).where(
            PointsEntry.customer_id == customer_id, PointsEntry.reason == "join")):
        return None
    return add_points(session, customer_id, points, reason=rule, at=at, note=note)


def sync_spend_points(session: Session, customer_ids, at: dt.datetime) -> int:
    """Bring the "spend" lines of these customers' orders to floor(yuan paid − refunded) × points_per_yuan
    for purchases (0 for other orders), writing a correcting line where they differ. Returns lines written.

    Lines are kept per customer and order, so an order moved to another customer takes its points along
    (when both customers are synced, as an order update does). Orders brought in by an import
    (`import_batch_id` set) never earn spend points: history from a file is not new spending, so a
    customer's first new order after an import earns only for that order (their lines are left as they are).
    """
    rate = int(get_settings(session, "marketing.")["marketing.points_per_yuan"])
    ids = list(customer_ids)
    if not ids:
        return 0
    have: dict[tuple[int, int | None], int] = {(cid, oid): int(total) for cid, oid, total in session.execute(
        select(PointsEntry.customer_id, PointsEntry.order_id, func.sum(PointsEntry.delta))
        .where(PointsEntry.customer_id.in_(ids), PointsEntry.reason == "spend", PointsEntry.order_id.is_not(None))
        .group_by(PointsEntry.customer_id, PointsEntry.order_id))}
    want: dict[tuple[int, int | None], int] = {
        (cid, oid): max(0, (paid - refund) // 100) * rate if is_purchase else 0
        for oid, cid, is_purchase, paid, refund, batch in session.execute(
            select(Order.id, Order.customer_id, Order.is_purchase, Order.paid_cents, Order.refund_cents,
                   Order.import_batch_id)
            .where(Order.customer_id.in_(ids))) if batch is None}
    imported = set(session.scalars(select(Order.id).where(Order.customer_id.in_(ids),
                                                          Order.import_batch_id.is_not(None))))
    written = 0
    for customer_id, order_id in sorted(have.keys() | want.keys()):
        if order_id in imported:
            continue
        delta = want.get((customer_id, order_id), 0) - have.get((customer_id, order_id), 0)
        if delta:
            session.add(PointsEntry(customer_id=customer_id, delta=delta, reason="spend", at=at, order_id=order_id))
            written += 1
    session.flush()
    return written


def release_order(session: Session, order_id: int, at: dt.datetime) -> None:
    """Before an order is deleted: take back the points it earned, give back the points spent on it, and
    make the coupon used on it usable again (correcting ledger lines; the ledger is never edited)."""
    for customer_id, reason, total in session.execute(
            select(PointsEntry.customer_id, PointsEntry.reason, func.sum(PointsEntry.delta))
            .where(PointsEntry.order_id == order_id, PointsEntry.reason.in_(("spend", "redeem")))
            .group_by(PointsEntry.customer_id, PointsEntry.reason)):
        if total:
            session.add(PointsEntry(customer_id=customer_id, delta=-int(total), reason=reason, at=at,
                                    order_id=order_id, note="order deleted"))
    session.execute(update(Coupon).where(Coupon.used_order_id == order_id).values(used_at=None, used_order_id=None)
                    .execution_options(synchronize_session=False))
    session.flush()


def redeem_points(session: Session, customer_id: int, points: int, at: dt.datetime,
                  order_id: int | None = None, note: str = "") -> int:
    """Spend `points` (> 0) off an order; returns the cash value in fen ("marketing.points_per_yuan_redeemed"
    points per yuan). ValidationError when the balance is too small."""
    if points <= 0:
        raise ValidationError("points_zero", field="points", value=points)
    add_points(session, customer_id, -points, reason="redeem", at=at, order_id=order_id, note=note)
    return points_cents(session, points)


def ledger(session: Session, customer_id: int) -> list[PointsLine]:
    """Every ledger line in the order written (append-only), with the running balance."""
    rows = session.scalars(select(PointsEntry).where(PointsEntry.customer_id == customer_id)
                           .order_by(PointsEntry.id))
    balance, lines = 0, []
    for e in rows:
        balance += e.delta
        lines.append(PointsLine(e.id, e.at, e.delta, e.reason, e.order_id, e.note, balance))
    return lines


__all__ = [
    "CouponSpec",
    "award_rule_points",
    "coupon_cents_off",
    "coupon_status",
    "coupon_text",
    "issue_to_customers",
    "ledger",
    "points_balance",
    "redeem_on_order",
    "redeem_points",
    "sync_spend_points",
    "use_coupon",
]


def award_points_to(session: Session, customer_ids, points: int, at: dt.datetime, note: str) -> int:
    """One ledger line of `points` (reason "campaign", the note saying why) for each of these customers
    (customers in the recycle bin are skipped); returns lines written. ValidationError for points ≤ 0 or no
    reason given."""
    if points <= 0:
        raise ValidationError("points_zero", field="points", value=points)
    if not note.strip():
        raise ValidationError("points_reason_missing", field="note", value=note)
    alive = Customer.deleted_at.is_(None)
    written = 0
    for part in in_chunks(sorted(set(customer_ids))):
        ids = list(session.scalars(select(Customer.id).where(Customer.id.in_(part), alive)))
        if ids:
            session.execute(table_of(PointsEntry).insert(), [
                {"customer_id": cid, "delta": points, "reason": "campaign", "at": at, "note": note.strip()}
                for cid in ids])
            written += len(ids)
    return written
