"""What follows every write of orders, in one place: `after_orders_written`.

Every path that writes orders — the order dialog's save and delete, a customer merge, an import and its undo —
calls it in the same transaction with the customers whose orders changed, so the derived figures (first/last
purchase, counts, spend, lifecycle stage), the reminders, the member levels and the spend points can never
drift apart from the orders. Spend points are the one step a caller may leave out: history brought in from a
file is not new spending (DOMAIN.md §7), and imported orders never earn them later either (a customer's first
new order after an import earns only for itself: core.marketing.loyalty.sync_spend_points).
The product suggestions follow through core.product_links. This module imports only the modules it drives, so
any service may call it without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from core import clock, customer_stats
from core.marketing import levels, loyalty
from core.product_links import CycleWatch, follow_product_write
from core.reminders import generate
from core.settings import local_today


def after_orders_written(session: Session, customer_ids: Iterable[int | None], *, today: dt.date | None = None,
                         now: dt.datetime | None = None, spend_points: bool = True, reminders: bool = True,
                         watch: CycleWatch | None = None, products: Iterable[int] = ()) -> None:
    """Bring everything derived from these customers' orders up to date (same transaction).

    `customer_ids` may hold None (an order without a customer) and repeats; customers that no longer exist are
    the caller's to leave out. With `watch` (taken before the write), the suggested cycles of `products` are
    refreshed too and the reminders follow through core.product_links (a product whose effective cycle moved
    has its buyers' tasks worked out again). `reminders=False` is for callers that regenerate the whole book's
    tasks themselves right after.
    """
    ids = sorted({int(cid) for cid in customer_ids if cid is not None})
    if not ids:
        return
    today = today or local_today(session)
    customer_stats.refresh(session, ids)
    if reminders and watch is not None:
        follow_product_write(session, watch, today, customers=ids, products=products)
    elif reminders:
        generate.after_write(session, ids, today)
    if spend_points:
        loyalty.sync_spend_points(session, ids, now or clock.now())
    levels.recompute_levels(session, today, ids)
