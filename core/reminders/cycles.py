"""Per-product suggested cycle: the median real interval between a customer's purchase days of a product.

A suggestion needs at least `reminder.suggest_min_intervals` (default 5) intervals over all customers.
The seller adopts it with `adopt_cycle`; regenerate reminders afterwards (complete pass).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.book.dialect import RawSql
from core.book.models import Product
from core.errors import NotFound, ValidationError
from core.settings import get_setting


@dataclass(frozen=True)
class SuggestedCycle:
    product_id: int
    product: str
    cycle_days: int | None  # configured
    suggested_days: int  # median real interval
    intervals: int

    @property
    def differs(self) -> bool:
        return self.cycle_days != self.suggested_days


def suggested_cycles(session: Session, product_ids: Iterable[int] | None = None,
                     min_intervals: int | None = None) -> list[SuggestedCycle]:
    """Products with enough repurchase intervals, with their median interval (by product name)."""
    if min_intervals is None:
        min_intervals = int(get_setting(session, "reminder.suggest_min_intervals"))
    ids = None if product_ids is None else sorted({int(i) for i in product_ids})
    only = "" if ids is None else f" AND oi.product_id IN ({', '.join(str(i) for i in ids) or 'NULL'})"
    q = RawSql.of(session)
    rows = session.execute(text(f"""
        SELECT product_id, {q.days_between("day", "prev")} FROM (
            SELECT oi.product_id AS product_id, o.order_date AS day,
                   LAG(o.order_date) OVER (PARTITION BY o.customer_id, oi.product_id ORDER BY o.order_date) AS prev
            FROM order_item oi JOIN orders o ON o.id = oi.order_id
            WHERE o.is_purchase = {q.true()} AND oi.product_id IS NOT NULL{only}
            GROUP BY o.customer_id, oi.product_id, o.order_date) AS purchase_days
        WHERE prev IS NOT NULL
    """))
    gaps: dict[int, list[int]] = defaultdict(list)
    for product_id, gap in rows:
        gaps[product_id].append(gap)
    enough = {pid: g for pid, g in gaps.items() if len(g) >= min_intervals}
    if not enough:
        return []
    products = {p.id: p for p in session.query(Product).filter(Product.id.in_(list(enough)))}
    result = [SuggestedCycle(pid, products[pid].name, products[pid].cycle_days, round(statistics.median(g)), len(g))
              for pid, g in enough.items() if pid in products]
    return sorted(result, key=lambda s: s.product)


def adopt_cycle(session: Session, product_id: int, days: int) -> None:
    """Set the product's cycle to `days` (the suggestion the seller accepted)."""
    if days <= 0:
        raise ValidationError("cycle_not_positive", field="cycle_days", value=days)
    product = session.get(Product, product_id)
    if product is None:
        raise NotFound("product_missing", entity="product", id=product_id)
    product.cycle_days = days
