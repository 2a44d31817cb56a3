"""Per-product suggested cycle (per unit: the interval after a restock divided by the quantity bought, days
under SAME_RESTOCK_DAYS apart being one restock; kept within MIN_SUGGESTED_DAYS..MAX_SUGGESTED_DAYS) and the
effective cycle reminders use.

A suggestion is shown with the number of intervals it rests on; it drives reminders only with at least
`reminder.suggest_min_intervals` (default 5) intervals over all customers. The seller adopts it with
`adopt_cycle` (ProductService.confirm_cycle also regenerates the reminders); stored suggestions are kept by
core.product_links.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

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


def effective_cycle_sql(session: Session, alias: str = "") -> str:
    """SQL for a product row's effective cycle: the seller's `cycle_days`, else the suggestion when it rests on
    at least `reminder.suggest_min_intervals` intervals, else NULL (docs/PRODUCTS.md)."""
    p = f"{alias}." if alias else ""
    minimum = int(get_setting(session, "reminder.suggest_min_intervals"))
    return (f"COALESCE({p}cycle_days, CASE WHEN {p}suggestion_basis >= {minimum} "
            f"THEN {p}suggested_cycle_days END)")


def effective_cycles(session: Session) -> dict[int, int | None]:
    """Every product's effective cycle by id."""
    return dict(session.execute(text(f"SELECT id, {effective_cycle_sql(session)} FROM product")).all())


# Purchase days of a product fewer than this many days apart are one restock (split parcels, a forgotten item,
# a second order in the same promotion): their quantities add up and no interval is counted between them.
SAME_RESTOCK_DAYS = 3
# A suggestion stays within these bounds: below a week a reminder would nag the customer weekly (the goods
# sold this way last longer per unit); above a year the "interval" is a lapsed customer come back.
MIN_SUGGESTED_DAYS = 7
MAX_SUGGESTED_DAYS = 365


def compute_suggestions(session: Session, product_ids: Iterable[int] | None = None) -> dict[int, tuple[int, int]]:
    """(per-unit suggested cycle, intervals) of every product with at least one interval (read only).

    Per customer and product, purchase days with their quantities summed, and days fewer than
    SAME_RESTOCK_DAYS apart taken together as one restock (from its first day); each interval between two
    consecutive restocks is divided by the quantity of the first (2 jars, next purchase 80 days later: 40);
    the suggestion is the median, rounded and kept within MIN_SUGGESTED_DAYS..MAX_SUGGESTED_DAYS."""
    q = RawSql.of(session)
    ids = None if product_ids is None else sorted({int(i) for i in product_ids})
    only = "" if ids is None else f" AND oi.product_id IN ({', '.join(str(i) for i in ids) or 'NULL'})"
    # The purchase days of each customer and product in order, with their quantities; the restocks and the
    # intervals between them are walked here (four nested window functions in SQL took three times as long).
    # Whole days between two days are the difference of their day numbers cut towards zero, as SQL's CAST. The rows
    # are walked as the cursor gives them, never all held (the 100k demo book: ≈ 600,000 rows, ≈ 80 MB as a list).
    rows = session.execute(text(f"""
        SELECT o.customer_id, oi.product_id, {q.day_number("o.order_date")}, SUM(oi.quantity)
        FROM order_item oi JOIN orders o ON o.id = oi.order_id
        WHERE o.is_purchase = {q.true()} AND oi.product_id IS NOT NULL{only}
        GROUP BY o.customer_id, oi.product_id, o.order_date
        ORDER BY o.customer_id, oi.product_id, o.order_date
    """))
    per_unit: dict[int, list[float]] = defaultdict(list)
    last: tuple[int, int] = (0, 0)  # (customer, product) of the restocks below
    restocks: list[list] = []  # [first day, quantity] of each restock of that customer and product
    previous_day = None
    for customer_id, product_id, day, qty in rows:
        if (customer_id, product_id) != last:
            if len(restocks) > 1:
                per_unit[last[1]].extend(_intervals(restocks))
            last, restocks, previous_day = (customer_id, product_id), [], None
        if previous_day is None or int(day - previous_day) >= SAME_RESTOCK_DAYS:
            restocks.append([day, qty])
        else:
            restocks[-1][1] += qty
        previous_day = day
    if len(restocks) > 1:
        per_unit[last[1]].extend(_intervals(restocks))
    return {pid: (min(MAX_SUGGESTED_DAYS, max(MIN_SUGGESTED_DAYS, round(statistics.median(gaps)))), len(gaps))
            for pid, gaps in per_unit.items()}


def _intervals(restocks: list[list]) -> list[float]:
    """Each interval between two consecutive restocks, per unit of the first."""
    return [int(following - start) / max(int(qty or 1), 1)
            for (start, qty), (following, _qty) in pairwise(restocks)]


def suggested_cycles(session: Session, product_ids: Iterable[int] | None = None,
                     min_intervals: int | None = None) -> list[SuggestedCycle]:
    """Products with enough repurchase intervals, with their per-unit suggested cycle (by product name)."""
    if min_intervals is None:
        min_intervals = int(get_setting(session, "reminder.suggest_min_intervals"))
    enough = {pid: found for pid, found in compute_suggestions(session, product_ids).items()
              if found[1] >= min_intervals}
    if not enough:
        return []
    products = {p.id: p for p in session.query(Product).filter(Product.id.in_(list(enough)))}
    result = [SuggestedCycle(pid, products[pid].name, products[pid].cycle_days, days, basis)
              for pid, (days, basis) in enough.items() if pid in products]
    return sorted(result, key=lambda s: s.product)


def adopt_cycle(session: Session, product_id: int, days: int) -> None:
    """Set the product's cycle to `days` (the suggestion the seller accepted)."""
    if days <= 0:
        raise ValidationError("cycle_not_positive", field="cycle_days", value=days)
    product = session.get(Product, product_id)
    if product is None:
        raise NotFound("product_missing", entity="product", id=product_id)
    product.cycle_days = days
