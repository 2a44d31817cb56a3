"""Loading purchase days from the book into numpy arrays, and the date arithmetic the metrics share.

One SQL read of the orders, grouped in numpy by customer and `order_date` over purchases
(`orders.is_purchase`): each row is one purchase day (DOMAIN.md §2) with its revenue (paid − refunded)
and its number of orders. Customers in
the recycle bin are left out everywhere. Days are whole days since 1970-01-01 ("epoch days"), months
are months since 1970-01, quarters are quarters since 1970Q1, so every metric is integer numpy work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Date, Integer, cast, func, literal_column, select
from sqlalchemy.orm import Session

from core.analytics.dto import DateRange
from core.book.models import Customer, Order, OrderItem

if TYPE_CHECKING:
    import numpy as np

EPOCH = dt.date(1970, 1, 1)
_JULIAN_EPOCH = 2440587.5  # julianday('1970-01-01')


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def epoch_days_sql(column, dialect: str):
    """Whole days from 1970-01-01 to a date column, in SQL (SQLite and PostgreSQL)."""
    if dialect == "sqlite":
        return cast(func.julianday(column) - literal_column(repr(_JULIAN_EPOCH)), Integer)
    return column - literal_column("DATE '1970-01-01'", type_=Date)


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


def fetch_rows(session: Session, query) -> list[tuple]:
    """Run a SELECT (binds rendered inline) on the session's DBAPI cursor; plain tuples back.

    The big reads skip SQLAlchemy's Row objects: building them costs more than the query itself.
    """
    sql = str(query.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    dbapi_connection = session.connection().connection.dbapi_connection
    assert dbapi_connection is not None, "an open session has a live DBAPI connection"
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def fetch_int_table(session: Session, query, columns: int) -> np.ndarray:
    """A SELECT of integer columns as an (n, columns) int64 array."""
    import itertools

    import numpy as np

    rows = fetch_rows(session, query)
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=len(rows) * columns)
    return flat.reshape(len(rows), columns)


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


def orders_query(dialect: str, with_id: bool = False):
    """(customer id, is_purchase, epoch day, paid − refunded) of every order of a customer not in the
    recycle bin, sorted by customer, is_purchase, day (`with_id`: the order id first, sorted by id).

    No WHERE on is_purchase and no GROUP BY: on SQLite this reads the covering index
    ix_orders_customer_purchase in order (0.2 s for 500k orders) where a filtered, grouped query
    jumps through the table and sorts (3×–5× slower). numpy keeps the purchases and groups the days.
    """
    columns = [Order.customer_id, cast(Order.is_purchase, Integer), epoch_days_sql(Order.order_date, dialect),
               Order.paid_cents - Order.refund_cents]
    if with_id:
        return select(Order.id, *columns).where(_not_deleted()).order_by(Order.id)
    return select(*columns).where(_not_deleted()).order_by(Order.customer_id, Order.is_purchase, Order.order_date)


def load_purchase_days(session: Session) -> PurchaseDays:
    """All purchase days of customers not in the recycle bin (one SQL read, grouped in numpy)."""
    import numpy as np

    table = fetch_int_table(session, orders_query(dialect_of(session)), 4)
    table = table[table[:, 1] == 1]
    customer, day, revenue = table[:, 0], table[:, 2], table[:, 3]
    new_day = np.ones(len(day), dtype=bool)
    if len(day):
        new_day[1:] = (customer[1:] != customer[:-1]) | (day[1:] != day[:-1])
    first_rows = np.flatnonzero(new_day)
    return _derive(
        customer[first_rows], day[first_rows],
        np.add.reduceat(revenue, first_rows) if len(first_rows) else revenue,
        np.diff(np.r_[first_rows, len(day)]),
    )


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


def items_query():
    """(order id, product id) of every order line naming a product."""
    return select(OrderItem.order_id, OrderItem.product_id).where(OrderItem.product_id.is_not(None))


def load_product_days(session: Session) -> ProductDays:
    """Days on which a customer bought a product (several orders or lines of one day count once).

    Order lines are joined to their purchases in numpy (a SQL join of 700k lines to their orders costs
    seconds on SQLite: one random lookup per line).
    """
    import numpy as np

    orders = fetch_int_table(session, orders_query(dialect_of(session), with_id=True), 5)
    orders = orders[orders[:, 2] == 1]  # purchases, sorted by id
    items = fetch_int_table(session, items_query(), 2)
    order_id, product = items[:, 0], items[:, 1]
    if len(orders):
        position = np.minimum(np.searchsorted(orders[:, 0], order_id), len(orders) - 1)
        purchase = orders[position, 0] == order_id
    else:
        position, purchase = np.zeros(len(order_id), dtype=np.int64), np.zeros(len(order_id), dtype=bool)
    rows = position[purchase]
    product, customer, days = product[purchase], orders[rows, 1], orders[rows, 3]
    order = np.lexsort((days, customer, product))
    product, customer, days = product[order], customer[order], days[order]
    keep = np.ones(len(days), dtype=bool)
    if len(days):
        keep[1:] = (product[1:] != product[:-1]) | (customer[1:] != customer[:-1]) | (days[1:] != days[:-1])
    product, customer, days = product[keep], customer[keep], days[keep]
    prev_day = np.full(len(days), -1, dtype=np.int64)
    if len(days):
        same = (product[1:] == product[:-1]) & (customer[1:] == customer[:-1])
        prev_day[1:] = np.where(same, days[:-1], -1)
    return ProductDays(product=product, customer=customer, day=days, prev_day=prev_day)


def book_signature(session: Session) -> tuple:
    """Cheap figures that change when purchases change (orders written, customer figures refreshed,
    customers edited, deleted or restored): what was read may be reused while they stay equal."""
    orders = session.execute(select(func.count(), func.max(Order.id))).one()
    customers = session.execute(select(
        func.count(), func.sum(Customer.purchase_days), func.sum(Customer.purchase_count),
        func.sum(Customer.total_spend_cents), func.count(Customer.deleted_at), func.max(Customer.last_purchase_on),
        func.min(Customer.first_purchase_on), func.sum(Customer.typical_interval_days),
        func.max(Customer.updated_at),
    )).one()
    return (*orders, *customers)


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
