"""Frozen result records of the repurchase analytics (numbers only; ui/ formats and draws them).

Money is integer fen. Rates are floats in [0, 1], or None when there is nothing to divide by.
Months are "YYYY-MM", quarters "YYYYQn".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The eight RFM segments of DOMAIN.md §8, keyed by (recent, high frequency, high money).
RFM_SEGMENTS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): "重要价值客户",
    (False, True, True): "重要保持客户",
    (True, False, True): "重要发展客户",
    (False, False, True): "重要挽留客户",
    (True, True, False): "一般价值客户",
    (False, True, False): "一般保持客户",
    (True, False, False): "一般发展客户",
    (False, False, False): "一般挽留客户",
}
RFM_SEGMENT_NAMES: tuple[str, ...] = tuple(RFM_SEGMENTS.values())
NDAY_WINDOWS: tuple[int, ...] = (30, 60, 90)


@dataclass(frozen=True)
class DateRange:
    """Inclusive local-date range; None on a side means open (the book's first / last purchase)."""

    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Summary:
    """Headline figures over the purchases in the range (DOMAIN.md §8)."""

    revenue_cents: int
    orders: int
    buyers: int
    repeat_buyers: int
    repeat_rate: float | None
    median_interval_days: float | None
    churned_customers: int


@dataclass(frozen=True)
class MonthFigures:
    """One calendar month: sales trend, new vs returning buyers, monthly repeat rate."""

    month: str
    revenue_cents: int
    orders: int
    buyers: int
    aov_cents: int
    new_buyers: int
    returning_buyers: int
    new_revenue_cents: int
    returning_revenue_cents: int
    repeat_buyers: int
    repeat_rate: float | None
    complete: bool = True  # False for the month still running (today is in it or before its end)


@dataclass(frozen=True)
class PeriodRate:
    """Next-period repurchase: of the buyers of `period`, how many bought again in the next period.

    `complete` is False while the next period has not ended yet (the rate can still rise).
    """

    period: str
    buyers: int
    returned: int
    rate: float | None
    complete: bool


@dataclass(frozen=True)
class CohortWindow:
    """N-day repurchase of one cohort: members with a second purchase day within `days` of the first."""

    days: int
    repurchased: int
    rate: float | None
    complete: bool


@dataclass(frozen=True)
class Cohort:
    """Customers whose first purchase day falls in `month` (and in the range)."""

    month: str
    customers: int
    windows: tuple[CohortWindow, ...]

    @property
    def complete(self) -> bool:
        """Every window of every member has elapsed: the cohort's figures are final."""
        return all(w.complete for w in self.windows)


@dataclass(frozen=True)
class IntervalBin:
    """Repurchase intervals of `low`..`high` days (inclusive; `high` None = no upper end)."""

    low: int
    high: int | None
    count: int


@dataclass(frozen=True)
class IntervalDistribution:
    """Days between consecutive purchase days, counted where the later day lies in the range."""

    count: int
    median_days: float | None
    p25_days: float | None
    p75_days: float | None
    mean_days: float | None
    bins: tuple[IntervalBin, ...]


@dataclass(frozen=True)
class ProductInterval:
    """Repurchase interval of one product (purchase days of the same customer buying it)."""

    product_id: int
    product_name: str
    count: int
    median_days: float | None
    cycle_days: int | None


@dataclass(frozen=True)
class CurvePoint:
    """P(k+1 | k): of the customers with ≥ k purchase days, the share with ≥ k+1."""

    k: int
    customers_at_least_k: int
    customers_at_least_next: int
    rate: float
    supported: bool = True  # enough customers at k for the point to count (PurchaseCountCurve.min_customers)


@dataclass(frozen=True)
class PurchaseCountCurve:
    """The curve, its magic number, and when there is none, why (`no_magic_reason`: no_buyers,
    too_few_customers, flat_from_first, not_flat — core.analytics.repurchase.magic_number)."""

    points: tuple[CurvePoint, ...]
    magic_number: int | None
    tolerance: float
    min_customers: int = 1
    no_magic_reason: str | None = None


@dataclass(frozen=True)
class ProvinceFigures:
    province: str  # "" = unknown
    buyers: int
    revenue_cents: int


@dataclass(frozen=True)
class RfmThresholds:
    """R ≤ recent_days is recent; F ≥ high_purchase_days is high; M ≥ high_spend_cents is high."""

    recent_days: int
    high_purchase_days: int
    high_spend_cents: int
    spend_is_median: bool


@dataclass(frozen=True)
class RfmResult:
    thresholds: RfmThresholds
    as_of: dt.date
    counts: dict[str, int] = field(default_factory=dict)  # every segment name, in RFM_SEGMENT_NAMES order


@dataclass(frozen=True)
class CountByKey:
    """A count under a key: a lifecycle stage code, or a member level (key = level id, "" = none)."""

    key: str
    label: str
    customers: int


@dataclass(frozen=True)
class AnalyticsReport:
    """Everything the Analytics page shows for one range, computed in one pass."""

    range: DateRange
    today: dt.date
    summary: Summary
    months: tuple[MonthFigures, ...]
    next_month: tuple[PeriodRate, ...]
    next_quarter: tuple[PeriodRate, ...]
    cohorts: tuple[Cohort, ...]
    intervals: IntervalDistribution
    curve: PurchaseCountCurve
    provinces: tuple[ProvinceFigures, ...]
    rfm: RfmResult
    stages: tuple[CountByKey, ...]
    levels: tuple[CountByKey, ...]
