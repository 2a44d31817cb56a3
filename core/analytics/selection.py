"""Click-through: the customer ids behind a bar, a cell or a segment of the Analytics page.

Each function answers with the same definitions as the metric it stands behind, so the number on the
chart equals the number of ids returned. `customers_for(session, selection, date_range, today)` is the
one entry point the UI uses; a `Selection` names the chart element.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from core.analytics import repurchase, sales, segments
from core.analytics.data import months_of, parse_month
from core.analytics.dto import RFM_SEGMENT_NAMES, DateRange
from core.analytics.report import BookData, Scope
from core.errors import ValidationError
from core.settings import get_settings

if TYPE_CHECKING:
    import numpy as np

SELECTION_KINDS = (
    "buyers", "repeat_buyers", "month_buyers", "month_new", "month_returning", "month_repeat",
    "next_month_returned", "next_quarter_returned", "cohort", "cohort_repurchased", "interval",
    "purchase_days_at_least", "province", "rfm", "stage", "level",
)


@dataclass(frozen=True)
class Selection:
    """A chart element: `kind` from SELECTION_KINDS, `key` what it is (month "YYYY-MM", quarter "YYYYQn",
    province, segment name, stage code, level key, k, or "low-high" days), `days` the N of an N-day cell.
    """

    kind: str
    key: str = ""
    days: int = 0


def customers_for(session: Session, selection: Selection, date_range: DateRange, today: dt.date,
                  book: BookData | None = None) -> tuple[int, ...]:
    """Sorted ids of the customers behind `selection` (ValidationError for an unknown kind).

    `book`: what was already read from this book (AnalyticsService caches it).
    """
    kind, key = selection.kind, selection.key
    if kind == "stage":
        return segments.customers_in_stage(session, key, today)
    if kind == "level":
        return segments.customers_in_level(session, key)
    if kind not in SELECTION_KINDS:
        raise ValidationError("unknown_selection", field="kind", value=kind)
    scope = Scope.load(session, date_range, today, book)
    data, mask = scope.data, scope.mask
    if kind == "province":
        return _ids(sales.customers_in_province(data, mask, scope.provinces, key))
    if kind == "rfm":
        return customers_in_rfm_segment_of(scope, get_settings(session, "analytics."), key)
    return _ids(_customers(scope, selection))


def customers_in_rfm_segment(session: Session, segment: str, date_range: DateRange, today: dt.date
                             ) -> tuple[int, ...]:
    """Buyers of the range in one of the eight RFM segments (named as in DOMAIN.md §8)."""
    return customers_for(session, Selection("rfm", segment), date_range, today)


def customers_in_stage(session: Session, stage: str, today: dt.date) -> tuple[int, ...]:
    """Customers in a lifecycle stage today (core.customer_stats.STAGES code)."""
    return segments.customers_in_stage(session, stage, today)


def customers_in_rfm_segment_of(scope: Scope, settings: dict, segment: str) -> tuple[int, ...]:
    if segment not in RFM_SEGMENT_NAMES:
        raise ValidationError("unknown_rfm_segment", field="segment", value=segment)
    ids, index, _thresholds = segments.rfm_table(scope.data, scope.mask, scope.as_of_day, settings)
    return _ids(ids[index == RFM_SEGMENT_NAMES.index(segment)])


def _customers(scope: Scope, selection: Selection) -> np.ndarray:
    import numpy as np

    data, mask, kind, key = scope.data, scope.mask, selection.kind, selection.key
    if kind == "buyers":
        return data.customer[mask]
    if kind in ("repeat_buyers", "purchase_days_at_least"):
        ids, counts = repurchase.days_per_customer(data, mask)
        return ids[counts >= (2 if kind == "repeat_buyers" else int(key))]
    if kind == "interval":
        low, _, high = key.partition("-")
        later = mask & (data.prev_day >= 0)
        gap = data.day - data.prev_day
        inside = later & (gap >= int(low)) & ((gap <= int(high)) if high else True)
        return data.customer[inside]
    months = months_of(data.day)
    if kind in ("next_month_returned", "next_quarter_returned"):
        quarterly = kind == "next_quarter_returned"
        periods = months // 3 if quarterly else months
        period = _parse_quarter(key) if quarterly else parse_month(key)
        buyers = np.unique(data.customer[mask & (periods == period)])
        return buyers[np.isin(buyers, data.customer[periods == period + 1])]
    if kind in ("cohort", "cohort_repurchased"):
        first = mask & data.starts & (months == parse_month(key))
        if kind == "cohort":
            return data.customer[first]
        repurchased = first & (data.next_day >= 0) & (data.next_day - data.day <= selection.days)
        return data.customer[repurchased]
    in_month = mask & (months == parse_month(key))
    if kind == "month_buyers":
        return data.customer[in_month]
    if kind == "month_repeat":
        ids, counts = np.unique(data.customer[in_month], return_counts=True)
        return ids[counts >= 2]
    is_new = months_of(data.first_day) == months
    return data.customer[in_month & (is_new if kind == "month_new" else ~is_new)]


def _parse_quarter(label: str) -> int:
    year, quarter = label.upper().split("Q")
    return (int(year) - 1970) * 4 + int(quarter) - 1


def _ids(values) -> tuple[int, ...]:
    import numpy as np

    return tuple(int(v) for v in np.unique(values))
