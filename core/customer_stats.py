"""Derived customer figures, kept right after every write: purchase dates, days, count, spend.

Definitions (DOMAIN.md §2): a purchase is an order with `is_purchase` (paid, not closed or fully
refunded); its date is `order_date`; several purchases on one day are one purchase day; spend is paid
minus refunded over purchases. `typical_interval_days` is the median gap between purchase days.
The lifecycle stage depends on today's date, so it is computed by `stage_of` / `stage_sql`, not stored.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable

from sqlalchemy import and_, bindparam, case, func, literal, select, update
from sqlalchemy.orm import Session

from core.dialect import days_since_sql, lock_rows_for_update
from core.models import Customer, Order
from core.settings import get_settings

__all__ = ["STAGES", "days_since_sql", "refresh", "stage_of", "stage_sql", "stage_thresholds"]

STAGES = ("prospect", "new", "returning", "loyal", "dormant", "churned")
_CHUNK = 500


def _ids_chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def refresh(session: Session, customer_ids: Iterable[int] | None = None) -> int:
    """Recompute the derived figures of these customers (all when None). Returns how many changed rows.

    Runs inside the caller's transaction; does not bump `version` (derived figures are not edits). On a
    shared book the customers' rows are locked first, so two people writing orders for the same customer
    at once both end up counted.
    """
    table = Customer.__table__
    purchase = and_(Order.is_purchase.is_(True))
    agg = (
        select(
            Order.customer_id,
            func.min(Order.order_date),
            func.max(Order.order_date),
            func.count(func.distinct(Order.order_date)),
            func.count(Order.id),
            func.coalesce(func.sum(Order.paid_cents - Order.refund_cents), 0),
        )
        .where(purchase)
        .group_by(Order.customer_id)
    )
    days_q = (
        select(Order.customer_id, Order.order_date).where(purchase)
        .group_by(Order.customer_id, Order.order_date).order_by(Order.customer_id, Order.order_date)
    )
    if customer_ids is None:
        chunks = [None]
    else:
        chunks = list(_ids_chunks(sorted(set(customer_ids))))
    changed = 0
    for chunk in chunks:
        lock_rows_for_update(session, table, chunk)
        a, d = agg, days_q
        if chunk is not None:
            a = a.where(Order.customer_id.in_(chunk))
            d = d.where(Order.customer_id.in_(chunk))
        figures = {row[0]: row[1:] for row in session.execute(a)}
        intervals = _median_intervals(session.execute(d))
        reset = update(table).values(
            first_purchase_on=None, last_purchase_on=None, purchase_days=0, purchase_count=0,
            total_spend_cents=0, avg_order_cents=0, typical_interval_days=None,
        )
        if chunk is not None:
            session.execute(reset.where(table.c.id.in_(chunk)).where(table.c.purchase_days != 0))
        else:
            session.execute(reset.where(table.c.purchase_days != 0))
        rows = [
            {
                "cid": cid, "first": first, "last": last, "days": days, "count": count, "spend": spend,
                "avg": round(spend / count) if count else 0, "interval": intervals.get(cid),
            }
            for cid, (first, last, days, count, spend) in figures.items()
        ]
        if rows:
            stmt = (
                update(table).where(table.c.id == bindparam("cid"))
                .values(first_purchase_on=bindparam("first"), last_purchase_on=bindparam("last"),
                        purchase_days=bindparam("days"), purchase_count=bindparam("count"),
                        total_spend_cents=bindparam("spend"), avg_order_cents=bindparam("avg"),
                        typical_interval_days=bindparam("interval"))
            )
            session.execute(stmt.execution_options(synchronize_session=False), rows)
            changed += len(rows)
    return changed


def _median_intervals(rows) -> dict[int, int]:
    """Median gap in days between consecutive purchase days, per customer with ≥ 2 purchase days."""
    result: dict[int, int] = {}
    current, prev, gaps = None, None, []
    for cid, day in rows:
        if cid != current:
            if gaps:
                result[current] = round(statistics.median(gaps))
            current, prev, gaps = cid, None, []
        if prev is not None:
            gaps.append((day - prev).days)
        prev = day
    if current is not None and gaps:
        result[current] = round(statistics.median(gaps))
    return result


def stage_thresholds(session: Session) -> dict:
    return get_settings(session, "stage.")


def stage_of(purchase_days: int, spend_cents: int, last_purchase: dt.date | None, interval: int | None,
             today: dt.date, thresholds: dict) -> str:
    """The lifecycle stage of DOMAIN.md §1 (prospect, new, returning, loyal, dormant, churned)."""
    if not purchase_days or last_purchase is None:
        return "prospect"
    churn = _churn_days(interval, thresholds)
    since = (today - last_purchase).days
    if since > churn:
        return "churned"
    if since > churn * thresholds["stage.dormant_fraction"]:
        return "dormant"
    if (purchase_days >= thresholds["stage.loyal_min_purchase_days"]
            or spend_cents >= thresholds["stage.loyal_min_spend_cents"]):
        return "loyal"
    return "returning" if purchase_days >= 2 else "new"


def _churn_days(interval: int | None, thresholds: dict) -> float:
    if interval:
        return interval * thresholds["stage.churn_cycle_multiplier"]
    return thresholds["stage.churn_default_days"]


def stage_sql(today: dt.date, thresholds: dict, dialect: str = "sqlite"):
    """A SQL expression equal to `stage_of` for the customer row (for filters and counts in SQL)."""
    c = Customer
    churn = case(
        (c.typical_interval_days.is_not(None), c.typical_interval_days * thresholds["stage.churn_cycle_multiplier"]),
        else_=literal(thresholds["stage.churn_default_days"]),
    )
    since = days_since_sql(today, c.last_purchase_on, dialect)
    return case(
        (c.purchase_days == 0, literal("prospect")),
        (since > churn, literal("churned")),
        (since > churn * thresholds["stage.dormant_fraction"], literal("dormant")),
        ((c.purchase_days >= thresholds["stage.loyal_min_purchase_days"])
         | (c.total_spend_cents >= thresholds["stage.loyal_min_spend_cents"]), literal("loyal")),
        (c.purchase_days >= 2, literal("returning")),
        else_=literal("new"),
    )
