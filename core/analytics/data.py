"""Loading purchase days from the book into numpy arrays, and the date arithmetic the metrics share.

One SQL query groups purchases (`orders.is_purchase`) by customer and `order_date`: each row is one
purchase day (DOMAIN.md §2) with its revenue (paid − refunded) and its number of orders. Customers in
the recycle bin are left out everywhere. Days are whole days since 1970-01-01 ("epoch days"), months
are months since 1970-01, quarters are quarters since 1970Q1, so every metric is integer numpy work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Integer, cast, func, literal, select
from sqlalchemy.orm import Session

from core.analytics.dto import DateRange
from core.models import Customer, Order, OrderItem

if TYPE_CHECKING:
    import numpy as np

EPOCH = dt.date(1970, 1, 1)
_JULIAN_EPOCH = 2440587.5  # julianday('1970-01-01')


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def epoch_days_sql(column, dialect: str):
    """Whole days from 1970-01-01 to a date column, in SQL (SQLite and PostgreSQL)."""
    if dialect == "sqlite":
        return cast(func.julianday(column) - literal(_JULIAN_EPOCH), Integer)
    return column - literal(EPOCH)


def to_epoch_day(day: dt.date) -> int:
    return (day - EPOCH).days


def from_epoch_day(days: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(days))


def month_label(month_index: int) -> str:
    year, month = divmod(int(month_index), 12)
    return f"{1970 + year:04d}-{month + 1:02d}"


def quarter_label(quarter_index: int) -> str:
    year, quarter = divmod(int(quarter_index), 4)
    return f"{1970 + year:04d}Q{quarter + 1}"


def month_index_of(day: dt.date) -> int:
    return (day.year - 1970) * 12 + day.month - 1


def month_start(month_index: int) -> dt.date:
    year, month = divmod(int(month_index), 12)
    return dt.date(1970 + year, month + 1, 1)


def month_end(month_index: int) -> dt.date:
    return month_start(month_index + 1) - dt.timedelta(days=1)


def parse_month(label: str) -> int:
    """"YYYY-MM" → month index."""
    year, month = label.split("-")
    return (int(year) - 1970) * 12 + int(month) - 1


def months_of(days: np.ndarray) -> np.ndarray:
    """Epoch days → month indexes (vectorised)."""
    import numpy as np

    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def _not_deleted():
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    return Order.customer_id.not_in(deleted)


@dataclass(frozen=True)
class PurchaseDays:
    """Every purchase day of the book, sorted by customer then day (one row per customer and day).

    Derived columns: `starts` marks a customer's first row, `rank` is the 1-based purchase-day number
    of the row within its customer, `first_day` the customer's first purchase day, `prev_day` the
    previous purchase day (-1 on the first), `next_day` the following one (-1 on the last).
    """

    customer: np.ndarray
    day: np.ndarray
    revenue: np.ndarray
    orders: np.ndarray
    starts: np.ndarray
    rank: np.ndarray
    first_day: np.ndarray
    prev_day: np.ndarray
    next_day: np.ndarray

    @property
    def empty(self) -> bool:
        return len(self.day) == 0

    def in_range(self, start: int, end: int) -> np.ndarray:
        return (self.day >= start) & (self.day <= end)


def purchase_days_query(dialect: str):
    """(customer id, epoch day, revenue, orders) per purchase day, sorted by customer and day."""
    day = epoch_days_sql(Order.order_date, dialect)
    return (
        select(Order.customer_id, day, func.sum(Order.paid_cents - Order.refund_cents), func.count())
        .where(Order.is_purchase.is_(True), _not_deleted())
        .group_by(Order.customer_id, Order.order_date)
        .order_by(Order.customer_id, Order.order_date)
    )


def load_purchase_days(session: Session) -> PurchaseDays:
    """All purchase days of customers not in the recycle bin (one grouped SQL query)."""
    import numpy as np

    rows = session.execute(purchase_days_query(dialect_of(session))).all()
    table = np.array(rows, dtype=np.int64).reshape(len(rows), 4)
    return _derive(table[:, 0], table[:, 1], table[:, 2], table[:, 3])


def _derive(customer, day, revenue, orders) -> PurchaseDays:
    import numpy as np

    n = len(day)
    starts = np.ones(n, dtype=bool)
    if n:
        starts[1:] = customer[1:] != customer[:-1]
    ends = np.ones(n, dtype=bool)
    if n:
        ends[:-1] = starts[1:]
    positions = np.arange(n, dtype=np.int64)
    first_pos = np.maximum.accumulate(np.where(starts, positions, 0)) if n else positions
    prev_day = np.full(n, -1, dtype=np.int64)
    next_day = np.full(n, -1, dtype=np.int64)
    if n:
        prev_day[1:] = day[:-1]
        next_day[:-1] = day[1:]
    prev_day[starts] = -1
    next_day[ends] = -1
    return PurchaseDays(
        customer=customer, day=day, revenue=revenue, orders=orders, starts=starts,
        rank=positions - first_pos + 1, first_day=day[first_pos] if n else day,
        prev_day=prev_day, next_day=next_day,
    )


@dataclass(frozen=True)
class ProductDays:
    """Purchase days per (product, customer), sorted by product, customer, day; `prev_day` as above."""

    product: np.ndarray
    customer: np.ndarray
    day: np.ndarray
    prev_day: np.ndarray


def product_days_query(dialect: str):
    """(product id, customer id, epoch day) per day a customer bought a product, sorted that way."""
    day = epoch_days_sql(Order.order_date, dialect)
    return (
        select(OrderItem.product_id, Order.customer_id, day)
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.is_purchase.is_(True), OrderItem.product_id.is_not(None), _not_deleted())
        .group_by(OrderItem.product_id, Order.customer_id, Order.order_date)
        .order_by(OrderItem.product_id, Order.customer_id, Order.order_date)
    )


def load_product_days(session: Session) -> ProductDays:
    """Days on which a customer bought a product (several orders of one day count once)."""
    import numpy as np

    rows = session.execute(product_days_query(dialect_of(session))).all()
    table = np.array(rows, dtype=np.int64).reshape(len(rows), 3)
    product, customer, days = table[:, 0], table[:, 1], table[:, 2]
    prev_day = np.full(len(days), -1, dtype=np.int64)
    if len(days):
        same = (product[1:] == product[:-1]) & (customer[1:] == customer[:-1])
        prev_day[1:] = np.where(same, days[:-1], -1)
    return ProductDays(product=product, customer=customer, day=days, prev_day=prev_day)


def resolve_range(date_range: DateRange, data: PurchaseDays, today: dt.date) -> tuple[int, int]:
    """The range as inclusive epoch days; open ends become the first purchase day / today."""
    start = date_range.start
    end = date_range.end
    lo = to_epoch_day(start) if start else (int(data.day.min()) if not data.empty else to_epoch_day(today))
    if end:
        hi = to_epoch_day(end)
    else:
        hi = max(to_epoch_day(today), int(data.day.max()) if not data.empty else 0)
    return lo, hi
