"""Per-month sales trend, new vs returning buyers and the province distribution (numpy over purchase days).

A buyer is new in a month when their first purchase day ever falls in that month, returning when it
is earlier. The monthly repeat rate counts buyers with ≥ 2 purchase days inside the month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.analytics.data import PurchaseDays, fetch_rows, month_end, month_label, months_of, to_epoch_day
from core.analytics.dto import MonthFigures, ProvinceFigures
from core.analytics.repurchase import ratio
from core.book.models import Customer

if TYPE_CHECKING:
    import numpy as np


def monthly_figures(data: PurchaseDays, mask: np.ndarray, first_month: int, last_month: int,
                    today_day: int | None = None) -> tuple[MonthFigures, ...]:
    """One MonthFigures per calendar month from `first_month` to `last_month` (month indexes).

    A month whose last day is not before `today_day` (epoch day) is still running: `complete` False.
    """
    import numpy as np

    size = last_month - first_month + 1
    if size <= 0:
        return ()
    months = months_of(data.day[mask]) - first_month
    customers = data.customer[mask]
    revenue = data.revenue[mask]
    is_new = months_of(data.first_day[mask]) == months + first_month
    keep = (months >= 0) & (months < size)
    months, customers, revenue, is_new = months[keep], customers[keep], revenue[keep], is_new[keep]

    def per_month(weights=None):
        return np.bincount(months, weights=weights, minlength=size)

    revenue_m = per_month(revenue)
    new_revenue = per_month(np.where(is_new, revenue, 0))
    orders = per_month(data.orders[mask][keep])
    # rows are sorted by customer and day, so each (customer, month) pair is a run of rows
    new_pair = np.ones(len(months), dtype=bool)
    new_pair[1:] = (customers[1:] != customers[:-1]) | (months[1:] != months[:-1])
    first_row = np.flatnonzero(new_pair)
    days_in_month = np.diff(np.r_[first_row, len(months)])
    key_month = months[first_row]
    buyers = np.bincount(key_month, minlength=size)
    new_buyers = np.bincount(key_month, weights=is_new[first_row], minlength=size)
    repeaters = np.bincount(key_month, weights=days_in_month >= 2, minlength=size)
    result = []
    for i in range(size):
        revenue_i, orders_i, buyers_i = int(revenue_m[i]), int(orders[i]), int(buyers[i])
        result.append(MonthFigures(
            month=month_label(first_month + i), revenue_cents=revenue_i, orders=orders_i, buyers=buyers_i,
            aov_cents=round(revenue_i / orders_i) if orders_i else 0,
            new_buyers=int(new_buyers[i]), returning_buyers=buyers_i - int(new_buyers[i]),
            new_revenue_cents=int(new_revenue[i]), returning_revenue_cents=revenue_i - int(new_revenue[i]),
            repeat_buyers=int(repeaters[i]), repeat_rate=ratio(int(repeaters[i]), buyers_i),
            complete=today_day is None or to_epoch_day(month_end(first_month + i)) < today_day,
        ))
    return tuple(result)


@dataclass(frozen=True)
class CustomerProvinces:
    """The province of every customer not in the recycle bin: sorted ids, a code per id into `labels`."""

    ids: np.ndarray
    codes: np.ndarray
    labels: tuple[str, ...]

    def codes_of(self, customers: np.ndarray) -> np.ndarray:
        """The province code of each customer id ("" for ids not found)."""
        import numpy as np

        unknown = self.labels.index("")
        if not len(self.ids):
            return np.full(len(customers), unknown, dtype=np.int64)
        position = np.minimum(np.searchsorted(self.ids, customers), len(self.ids) - 1)
        return np.where(self.ids[position] == customers, self.codes[position], unknown)


def load_customer_provinces(session: Session) -> CustomerProvinces:
    import numpy as np

    rows = fetch_rows(session, select(Customer.id, Customer.province)
                      .where(Customer.deleted_at.is_(None)).order_by(Customer.id))
    names = [(r[1] or "").strip() for r in rows]
    labels, inverse = np.unique(np.array([*names, ""], dtype=str), return_inverse=True)
    return CustomerProvinces(ids=np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)),
                             codes=inverse[:-1].astype(np.int64), labels=tuple(str(x) for x in labels))


def province_figures(data: PurchaseDays, mask: np.ndarray, provinces: CustomerProvinces) -> tuple[ProvinceFigures, ...]:
    """Buyers and revenue per province over the range, most buyers first ("" = unknown province)."""
    import numpy as np

    if not mask.any():
        return ()
    customer = data.customer[mask]
    code = provinces.codes_of(customer)
    size = len(provinces.labels)
    revenue = np.bincount(code, weights=data.revenue[mask], minlength=size)
    buyers = np.bincount(code[np.unique(customer, return_index=True)[1]], minlength=size)
    rows = [
        ProvinceFigures(province=label, buyers=int(buyers[i]), revenue_cents=int(revenue[i]))
        for i, label in enumerate(provinces.labels) if buyers[i]
    ]
    return tuple(sorted(rows, key=lambda r: (r.province == "", -r.buyers, -r.revenue_cents, r.province)))


def customers_in_province(data: PurchaseDays, mask: np.ndarray, provinces: CustomerProvinces, province: str) -> np.ndarray:
    """Buyers of the range whose province is `province` ("" = unknown)."""
    import numpy as np

    buyers = np.unique(data.customer[mask])
    if province not in provinces.labels:
        return buyers[:0]
    return buyers[provinces.codes_of(buyers) == provinces.labels.index(province)]
