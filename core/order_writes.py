"""What follows every write of orders, in one place: `after_orders_written`.

Every path that writes orders — the order dialog's save and delete, a customer merge, an import and its undo —
calls it in the same transaction with the customers whose orders changed, so the derived figures (first/last
purchase, counts, spend, lifecycle stage), the reminders, the member levels and the spend points can never
drift apart from the orders. History brought in from a file (`history=True`) earns no spend points — it is not
new spending (DOMAIN.md §7), and imported orders never earn them later either (core.marketing.loyalty
.sync_spend_points) — and congratulates nobody on a member level.
The product suggestions follow through core.product_links. This module imports only the modules it drives, so
any service may call it without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from core import clock, customer_stats
from core.marketing import levels, loyalty
from core.product_links import CycleWatch, follow_product_write
from core.reminders import generate
from core.settings import local_today


def after_orders_written(session: Session, customer_ids: Iterable[int | None], *, today: dt.date | None = None,
                         now: dt.datetime | None = None, history: bool = False, reminders: bool = True,
                         watch: CycleWatch | None = None, products: Iterable[int] | None = (),
                         figures_known: Iterable[int] = (), link_new: bool = False, relink_all: bool = False,
                         create_products: bool = True, on_created: Callable[[int], None] | None = None) -> None:
    """Bring everything derived from these customers' orders up to date (same transaction).

    `customer_ids` may hold None (an order without a customer) and repeats; customers that no longer exist are
    the caller's to leave out. `figures_known`: customers among them whose figures the caller wrote itself (new
    customers an import inserted with them): only their cycle is computed. With `watch` (taken before the
    write), the suggested cycles of `products` (every product: None) are refreshed too and the reminders follow through
    core.product_links (a product whose effective cycle moved has its buyers' tasks worked out again;
    `link_new` / `relink_all` / `create_products` / `on_created` as there). `history`: orders brought in from a file (an import or its
    undo) — history is not new spending and not an upgrade the customer just made: no spend points, no level-up
    task. `reminders=False` is for callers that regenerate the whole book's tasks themselves right after.
    """
    ids = sorted({int(cid) for cid in customer_ids if cid is not None})
    if not ids and watch is None:
        return
    today = today or local_today(session)
    known = {int(cid) for cid in figures_known}
    if recompute := [cid for cid in ids if cid not in known]:
        customer_stats.refresh(session, recompute)
    if known:
        customer_stats.refresh_cycles(session, sorted(known))
    if reminders and watch is not None:
        follow_product_write(session, watch, today, customers=ids, products=products, link_new=link_new,
                             relink_all=relink_all, create_products=create_products, on_created=on_created)
    elif reminders:
        generate.after_write(session, ids, today)
    if not ids:
        return  # (lines moved by the product step: their customers were regenerated there)
    if not history:
        loyalty.sync_spend_points(session, ids, now or clock.now())
    levels.recompute_levels(session, today, ids, congratulate=not history)
