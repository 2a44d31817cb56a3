"""Derived customer figures, kept right after every write: purchase dates, days, count, spend.

Definitions (DOMAIN.md §2): a purchase is an order with `is_purchase` (paid, not closed or fully
refunded); its date is `order_date`; several purchases on one day are one purchase day; spend is paid
minus refunded over purchases. `typical_interval_days` is the median gap between purchase days; `cycle_days`
is how long the goods of the
last purchase day last (the longest product cycle × quantity among its items).
The lifecycle stage depends on today's date: `stage_of` / `stage_sql` compute it for any day, and
`Customer.stage` stores it as of one day and one set of thresholds (the setting STAGE_BASIS) so that lists
filter and sort on an index.

Churn threshold (`churn_days`, docs/ANALYTICS.md "Churn and dormancy"): the multiplier (2) × the longer of
the customer's usual interval and the cycle of what they last bought; 180 days when neither is known; never
below `stage.churn_min_days` (30). Dormant starts at `stage.dormant_fraction` (¾) of it. `refresh` keeps the
stored stage of the customers it recomputes; `update_stages`
brings every customer to a new day or new thresholds (writing only the rows whose stage changed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from itertools import pairwise

from sqlalchemy import bindparam, case, func, literal, null, select, update
from sqlalchemy.orm import Session

from core.book.dialect import (
    days_since_sql,
    dialect_of,
    in_chunks,
    lock_rows_for_update,
    one_at_a_time,
    rowcount,
    table_of,
)
from core.book.models import Customer, Order, OrderItem, Product, Setting
from core.book.turns import WriteTurn
from core.settings import DEFAULTS, get_settings, set_setting

__all__ = [
    "NO_FIGURES",
    "NO_PURCHASES",
    "STAGES",
    "churn_days",
    "days_since_sql",
    "figures_of_new_customers",
    "refresh",
    "refresh_cycles",
    "refresh_stages",
    "stage_of",
    "stage_sql",
    "stage_thresholds",
    "stages_current",
    "update_stages",
    "update_stages_in_chunks",
]

STAGES = ("prospect", "new", "returning", "loyal", "dormant", "churned")
# Setting holding {"date": ISO date, "thresholds": {...}}: what every stored Customer.stage is right for.
STAGE_BASIS = "derived.stage_basis"
# Set while update_stages_in_chunks runs (the basis it brings the book to): writers of figures meanwhile store
# their customers' stages for it, so a chunk already written is not left behind by a save made after it.
STAGE_BASIS_NEXT = "derived.stage_basis_next"
CHUNK_STAGES = 5_000  # customers per transaction of update_stages_in_chunks
_DAY_ZERO = dt.date(2200, 1, 1)
_ZERO_ORDINAL = _DAY_ZERO.toordinal()
# The derived figure columns, in the order `_figures` gives them, as a customer without purchases has them.
NO_FIGURES = {"first_purchase_on": None, "last_purchase_on": None, "purchase_days": 0, "purchase_count": 0,
              "total_spend_cents": 0, "avg_order_cents": 0, "typical_interval_days": None}
NO_PURCHASES = tuple(NO_FIGURES.values())


def refresh(session: Session, customer_ids: Iterable[int] | None = None) -> int:
    """Recompute the derived figures of these customers (all when None). Returns how many rows changed.

    Only rows whose figures differ from what is stored are written (a full pass on an unchanged book
    writes nothing); customers who no longer have any purchase are reset to "no purchases".

    Runs inside the caller's transaction; does not bump `version` (derived figures are not edits). On a
    shared book the customers' rows are locked first, so two people writing orders for the same customer
    at once both end up counted.
    """
    table, orders = table_of(Customer), table_of(Order)
    # One row per customer and purchase day (whole days counted back from a fixed date: integers that
    # subtract without building date objects), in the order of the index on (customer, is_purchase, day).
    day_number = days_since_sql(_DAY_ZERO, orders.c.order_date, dialect_of(session))
    per_day = (
        select(orders.c.customer_id, day_number, func.count(),
               func.coalesce(func.sum(orders.c.paid_cents - orders.c.refund_cents), 0))
        .where(orders.c.is_purchase.is_(True))
        .group_by(orders.c.customer_id, orders.c.is_purchase, orders.c.order_date)
        .order_by(orders.c.customer_id, orders.c.is_purchase, orders.c.order_date)
    )
    chunks: list[list[int] | None]
    if customer_ids is None:
        chunks = [None]
    else:
        chunks = list(in_chunks(sorted(set(customer_ids))))
    stored_cols = (table.c.id, *(table.c[name] for name in NO_FIGURES))
    changed = 0
    for chunk in chunks:
        lock_rows_for_update(session, table, chunk)
        q, stored_q = per_day, select(*stored_cols)
        if chunk is not None:
            q = q.where(orders.c.customer_id.in_(chunk))
            stored_q = stored_q.where(table.c.id.in_(chunk))
        else:
            # Rows with no purchase days and no purchases are already right; only read the others.
            stored_q = stored_q.where(table.c.purchase_days != 0)
        figures = _figures(session.execute(q))
        stored = {row[0]: tuple(row[1:]) for row in session.execute(stored_q)}
        rows = []
        for cid, new in figures.items():
            if stored.get(cid) != new:
                rows.append(dict(zip(("cid", "first", "last", "days", "count", "spend", "avg", "interval"),
                                     (cid, *new), strict=True)))
        lost = [cid for cid, old in stored.items() if cid not in figures and old != NO_PURCHASES]
        for part in in_chunks(lost):
            session.execute(
                update(table).where(table.c.id.in_(part)).values(**NO_FIGURES)
                .execution_options(synchronize_session=False)
            )
        if rows:
            stmt = (
                update(table).where(table.c.id == bindparam("cid"))
                .values(first_purchase_on=bindparam("first"), last_purchase_on=bindparam("last"),
                        purchase_days=bindparam("days"), purchase_count=bindparam("count"),
                        total_spend_cents=bindparam("spend"), avg_order_cents=bindparam("avg"),
                        typical_interval_days=bindparam("interval"))
            )
            session.execute(stmt.execution_options(synchronize_session=False), rows)
        changed += len(rows) + len(lost)
        changed += _write_cycles(session, chunk)
    refresh_stages(session, None if customer_ids is None else sorted(set(customer_ids)))
    return changed


def refresh_cycles(session: Session, customer_ids: Iterable[int]) -> int:
    """Recompute `cycle_days` of these customers and bring their stored stage in line; returns rows changed.

    For writers that insert customers with their figures before their orders and items exist (the
    importer): `refresh` does this itself for the customers it recomputes.
    """
    ids = sorted(set(customer_ids))
    changed = sum(_write_cycles(session, chunk) for chunk in in_chunks(ids))
    refresh_stages(session, ids)
    return changed


def _write_cycles(session: Session, chunk: list[int] | None) -> int:
    """Store the cycle of each customer's last purchase day (chunk None = every customer); rows changed.

    One correlated lookup per customer through the index on orders (customer, is_purchase, order_date): on a
    100k book about twice as fast as joining every purchase's items, which SQLite's planner prefers."""
    table, orders = table_of(Customer), table_of(Order)
    items, products = table_of(OrderItem), table_of(Product)
    lasting = (select(func.max(products.c.cycle_days * case((items.c.quantity > 1, items.c.quantity), else_=1)))
               .select_from(orders.join(items, items.c.order_id == orders.c.id)
                            .join(products, products.c.id == items.c.product_id))
               .where(orders.c.customer_id == table.c.id, orders.c.is_purchase.is_(True),
                      orders.c.order_date == table.c.last_purchase_on, products.c.cycle_days > 0)
               .scalar_subquery())
    # No product with a cycle (a new book's first import): the lookup would find nothing for anyone.
    cycles = session.execute(select(products.c.id).where(products.c.cycle_days > 0).limit(1)).first() is not None
    q = select(table.c.id, table.c.cycle_days, lasting if cycles else null())
    if chunk is not None:
        q = q.where(table.c.id.in_(chunk))
    else:
        q = q.where(table.c.last_purchase_on.is_not(None) | table.c.cycle_days.is_not(None))
    rows = [{"cid": cid, "cycle": None if new is None else int(new)}
            for cid, stored, new in session.execute(q).all() if stored != (None if new is None else int(new))]
    if rows:
        stmt = update(table).where(table.c.id == bindparam("cid")).values(cycle_days=bindparam("cycle"))
        session.execute(stmt.execution_options(synchronize_session=False), rows)
    return len(rows)


def refresh_stages(session: Session, customer_ids: list[int] | None) -> int:
    """Bring the stored stage of these customers (all when None) in line with their figures, as of the day
    and thresholds every other stored stage is right for (or, while update_stages_in_chunks moves them, the one
    it moves them to). Returns rows changed."""
    basis = _setting(session, STAGE_BASIS_NEXT) or _stored_basis(session)
    if basis is None:
        return 0
    # a basis stored before a threshold existed (an upgraded book) counts it at its default
    thresholds = {**{k: v for k, v in DEFAULTS.items() if k.startswith("stage.")}, **basis["thresholds"]}
    return _write_stages(session, dt.date.fromisoformat(basis["date"]), thresholds, customer_ids)


def figures_of_new_customers(purchases: Iterable[tuple[int, dt.date, int]]) -> dict[int, tuple]:
    """The figure columns `refresh` would write for customers whose every order is among these, by key: their
    values in the order of NO_FIGURES (NO_PURCHASES for a customer without any purchase).

    `purchases` are (customer key, order_date, paid − refunded) of the orders with is_purchase, any order;
    a key with no purchase is simply absent (its figures are the column defaults). Lets a bulk writer insert
    new customers with their figures instead of inserting and then updating them (same definitions: the
    grouping by purchase day below feeds the very `_figures` that `refresh` uses).
    """
    per_day: dict[tuple[int, int], list[int]] = {}  # [purchases, spend] by (key, the day's ordinal)
    for key, day, spend in purchases:
        counted = per_day.setdefault((key, day.toordinal()), [0, 0])
        counted[0] += 1
        counted[1] += spend
    # (by key, then day: the keys' own order, compared at C speed; days before _DAY_ZERO from the ordinals)
    return _figures([(key, _ZERO_ORDINAL - ordinal, count, spend)
                     for (key, ordinal), (count, spend) in sorted(per_day.items())])


def stages_current(session: Session, today: dt.date) -> bool:
    """Whether every stored Customer.stage is right for `today` and the current thresholds."""
    return _stored_basis(session) == _basis(today, stage_thresholds(session))


def update_stages(session: Session, today: dt.date) -> int:
    """Make every stored Customer.stage right for `today` and the current thresholds; returns rows changed.

    Call it first thing in its own transaction: it takes the book's turn for this pass (one_at_a_time),
    then checks again, so two windows crossing midnight together do the work once. Rows whose stage
    did not change are not written; `version` and `updated_at` are left alone (a stage is not an edit).
    """
    one_at_a_time(session, "customer_stages")
    basis = _basis(today, stage_thresholds(session))
    if _stored_basis(session) == basis:
        return 0
    changed = _write_stages(session, today, basis["thresholds"], None)
    set_setting(session, STAGE_BASIS, basis)
    _drop_setting(session, STAGE_BASIS_NEXT)  # a chunked pass running meanwhile stops at its next chunk
    return changed


def update_stages_in_chunks(sessions: Callable[[], AbstractContextManager[Session]], today: dt.date, *,
                            write_turn: WriteTurn | None = None,
                            chunk_customers: int = CHUNK_STAGES,
                            is_cancelled: Callable[[], bool] | None = None) -> int:
    """`update_stages` in short transactions of `chunk_customers` customers (by id range), for the app's pass
    after opening: a save waits for one chunk, not the whole pass (100k book, 3 months on, load 6.5: a save waited
    40–47 ms at worst, 575–708 ms beside one transaction; docs/PERFORMANCE.md).

    `sessions()` gives one transaction (Book.session); each runs inside `write_turn()` when given (the app's
    book lane: waiting saves go first). The first records the target basis (STAGE_BASIS_NEXT): `refresh_stages`
    uses it, so a customer saved between two chunks gets the stage this pass leaves, whichever chunk holds them.
    The last stores it as STAGE_BASIS. A pass that finds its target replaced (another pass, or `update_stages`
    for new thresholds) stops there: that one writes every stage. Each write transaction takes the book's turn
    for stages first (one_at_a_time, as `update_stages`), so another program's pass cannot land between a
    chunk's check of its target and its write. One killed halfway leaves STAGE_BASIS as it was, so the next call
    does the whole pass again; so does one whose `is_cancelled()` turned true (checked between two chunks: the app
    closing), which stops there, every chunk before it committed. Returns the rows changed."""
    turn = write_turn or contextlib.nullcontext
    with sessions() as session:
        basis = _basis(today, stage_thresholds(session))
        if _stored_basis(session) == basis and session.get(Setting, STAGE_BASIS_NEXT) is None:
            return 0
    with turn(), sessions() as session:
        one_at_a_time(session, "customer_stages")
        # the last id read where the target is recorded: a customer saved after it stores the target's stage
        top = session.scalar(select(func.max(Customer.id))) or 0
        set_setting(session, STAGE_BASIS_NEXT, basis)
    changed = 0
    for low in range(0, top, chunk_customers):
        if is_cancelled is not None and is_cancelled():
            return changed  # STAGE_BASIS_NEXT stays: the next call does the whole pass again
        with turn(), sessions() as session:
            one_at_a_time(session, "customer_stages")  # the target checked and the chunk written in one turn
            if _setting(session, STAGE_BASIS_NEXT) != basis:
                return changed
            changed += _write_stages(session, today, basis["thresholds"], None,
                                     within=(low, low + chunk_customers))
    with turn(), sessions() as session:
        one_at_a_time(session, "customer_stages")
        if _setting(session, STAGE_BASIS_NEXT) == basis:
            set_setting(session, STAGE_BASIS, basis)
            _drop_setting(session, STAGE_BASIS_NEXT)
    return changed


def _basis(today: dt.date, thresholds: dict) -> dict:
    return json.loads(json.dumps({"date": today.isoformat(), "thresholds": thresholds}, sort_keys=True))


def _stored_basis(session: Session) -> dict | None:
    return _setting(session, STAGE_BASIS)


def _setting(session: Session, key: str) -> dict | None:
    row = session.get(Setting, key)
    return json.loads(row.value_json) if row is not None else None


def _drop_setting(session: Session, key: str) -> None:
    row = session.get(Setting, key)
    if row is not None:
        session.delete(row)


def _write_stages(session: Session, day: dt.date, thresholds: dict, customer_ids: list[int] | None,
                  within: tuple[int, int] | None = None) -> int:
    """Store the stage of these customers (all when None; `within`: ids low < id <= high) for `day`."""
    table = table_of(Customer)
    stage = stage_sql(day, thresholds, dialect_of(session))
    stmt = (update(table).where(table.c.stage != stage).values(stage=stage, updated_at=table.c.updated_at)
            .execution_options(synchronize_session=False))
    if within is not None:
        stmt = stmt.where(table.c.id > within[0], table.c.id <= within[1])
    if customer_ids is None:
        return rowcount(session.execute(stmt))
    return sum(rowcount(session.execute(stmt.where(table.c.id.in_(chunk))))
               for chunk in in_chunks(customer_ids))


def _figures(rows) -> dict[int, tuple]:
    """Per customer: (first, last purchase date, purchase days, purchases, spend, average order, median gap
    in days between purchase days or None) from rows (customer, days before `_DAY_ZERO`, purchases that
    day, spend that day) ordered by customer, then date."""
    result: dict[int, tuple] = {}

    def close(cid, days: list[int], count: int, spend) -> None:
        median = None
        if len(days) > 1:
            gaps = sorted([earlier - later for earlier, later in pairwise(days)])
            middle = len(gaps) // 2  # (statistics.median's, spelled out: called for every customer)
            median = round(gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2)
        result[cid] = (dt.date.fromordinal(_ZERO_ORDINAL - days[0]), dt.date.fromordinal(_ZERO_ORDINAL - days[-1]),
                       len(days), count, spend, round(spend / count) if count else 0, median)

    days: list[int] = []
    current, count, spend = None, 0, 0
    for cid, before, day_count, day_spend in rows:
        if cid != current:
            if days:
                close(current, days, count, spend)
            current, days, count, spend = cid, [], 0, 0
        days.append(before)
        count += day_count
        spend += day_spend
    if days:
        close(current, days, count, spend)
    return result


def stage_thresholds(session: Session) -> dict:
    return get_settings(session, "stage.")


def stage_of(purchase_days: int, spend_cents: int, last_purchase: dt.date | None, interval: int | None,
             today: dt.date, thresholds: dict, cycle: int | None = None) -> str:
    """The lifecycle stage of DOMAIN.md §1 (prospect, new, returning, loyal, dormant, churned).

    `interval`: the customer's usual days between purchase days; `cycle`: how long their last purchase
    lasts (Customer.cycle_days). Both feed the churn threshold (`churn_days`).
    """
    if not purchase_days or last_purchase is None:
        return "prospect"
    churn = churn_days(interval, cycle, thresholds)
    since = (today - last_purchase).days
    if since > churn:
        return "churned"
    if since > churn * thresholds["stage.dormant_fraction"]:
        return "dormant"
    if (purchase_days >= thresholds["stage.loyal_min_purchase_days"]
            or spend_cents >= thresholds["stage.loyal_min_spend_cents"]):
        return "loyal"
    return "returning" if purchase_days >= 2 else "new"


def churn_days(interval: int | None, cycle: int | None, thresholds: dict) -> float:
    """Days without a purchase after which a buyer is churned.

    The multiplier × the longer of their usual interval and the cycle of their last purchase; the default
    (180) when neither is known; never below `stage.churn_min_days`.
    """
    known = [days for days in (interval, cycle) if days]
    if not known:
        return thresholds["stage.churn_default_days"]
    return max(max(known) * thresholds["stage.churn_cycle_multiplier"], thresholds["stage.churn_min_days"])


def stage_sql(today: dt.date, thresholds: dict, dialect: str = "sqlite"):
    """A SQL expression equal to `stage_of` for the customer row (for filters and counts in SQL)."""
    c = Customer
    interval, cycle = func.coalesce(c.typical_interval_days, 0), func.coalesce(c.cycle_days, 0)
    longer = case((interval >= cycle, interval), else_=cycle)
    scaled = longer * thresholds["stage.churn_cycle_multiplier"]
    floor = thresholds["stage.churn_min_days"]
    churn = case(
        (longer == 0, literal(thresholds["stage.churn_default_days"])),
        (scaled < floor, literal(floor)),
        else_=scaled,
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


def stage_counts_query(today: dt.date, thresholds: dict, dialect: str):
    """(stage, customers) rows of the customers not in the recycle bin, their stage for `today`; grouped over a
    subquery so PostgreSQL sees one expression, not two copies of the CASE with different bind parameters."""
    inner = (select(stage_sql(today, thresholds, dialect).label("stage"))
             .where(Customer.deleted_at.is_(None)).subquery())
    return select(inner.c.stage, func.count()).group_by(inner.c.stage)
