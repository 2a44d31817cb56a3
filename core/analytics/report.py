"""The whole Analytics page in one call: `compute_report(session, date_range, today)` → AnalyticsReport.

Also `report_to_json` (the `stats` command's output) and the per-product repurchase intervals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.analytics import repurchase, sales, segments
from core.analytics.data import (
    ProductDays,
    PurchaseDays,
    from_epoch_day,
    load_product_days,
    load_purchase_days,
    months_of,
    resolve_range,
    to_epoch_day,
)
from core.analytics.dto import AnalyticsReport, CountByKey, DateRange, ProductInterval, Summary
from core.book.models import Product
from core.errors import HuitoukeError
from core.progress import IsCancelled, Progress
from core.settings import get_settings

if TYPE_CHECKING:
    import numpy as np



class AnalyticsCancelled(HuitoukeError):
    """The caller cancelled the computation."""

    default_message = "Analytics computation cancelled"


@dataclass(frozen=True)
class BookData:
    """What the metrics read from the book; reusable while the book does not change (AnalyticsService)."""

    purchases: PurchaseDays
    provinces: sales.CustomerProvinces
    memo: dict = field(default_factory=dict, compare=False)  # stage and level counts, once per day

    @classmethod
    def load(cls, session: Session) -> BookData:
        return cls(load_purchase_days(session), sales.load_customer_provinces(session))

    def stage_counts(self, session: Session, today: dt.date) -> tuple[CountByKey, ...]:
        key = ("stages", today)
        if key not in self.memo:
            self.memo[key] = segments.stage_counts(session, today)
        return self.memo[key]

    def level_counts(self, session: Session) -> tuple[CountByKey, ...]:
        if "levels" not in self.memo:
            self.memo["levels"] = segments.level_counts(session)
        return self.memo["levels"]


@dataclass(frozen=True)
class Scope:
    """The purchase days of the book and the inclusive epoch-day range the metrics look at."""

    data: PurchaseDays
    provinces: sales.CustomerProvinces
    lo: int
    hi: int
    today_day: int
    mask: np.ndarray

    @property
    def as_of_day(self) -> int:
        """RFM recency is measured at the range end, or today if the range reaches past it."""
        return min(self.hi, self.today_day)

    @classmethod
    def load(cls, session: Session, date_range: DateRange, today: dt.date, book: BookData | None = None) -> Scope:
        """The scope of a range; `book` reuses what was read before (else it is read now)."""
        if book is None:
            book = BookData.load(session)
        data = book.purchases
        lo, hi = resolve_range(date_range, data, today)
        return cls(data=data, provinces=book.provinces, lo=lo, hi=hi, today_day=to_epoch_day(today),
                   mask=data.in_range(lo, hi))


def compute_report(session: Session, date_range: DateRange, today: dt.date,
                   progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
                   book: BookData | None = None) -> AnalyticsReport:
    """Every metric of DOMAIN.md §8 for the range (see core.analytics for what counts where).

    `book`: what was already read from this book (AnalyticsService caches it).
    """
    steps = 6

    def step(done: int, message: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise AnalyticsCancelled("analytics_cancelled")
        if progress is not None:
            progress(done, steps, message)

    step(0, "Reading purchases")
    if book is None:
        book = BookData.load(session)
    scope = Scope.load(session, date_range, today, book)
    data, mask = scope.data, scope.mask
    settings = get_settings(session, "analytics.")
    step(1, "Repurchase rates")
    ids, counts = repurchase.days_per_customer(data, mask)
    gaps = repurchase.interval_gaps(data, mask)
    stages = book.stage_counts(session, today)
    churned = next((s.customers for s in stages if s.key == "churned"), 0)
    summary = Summary(
        revenue_cents=int(data.revenue[mask].sum()), orders=int(data.orders[mask].sum()),
        buyers=len(ids), repeat_buyers=repurchase.repeat_buyers(counts),
        repeat_rate=repurchase.ratio(repurchase.repeat_buyers(counts), len(ids)),
        median_interval_days=repurchase.median_or_none(gaps), churned_customers=churned,
    )
    months = _month_bounds(scope)
    step(2, "Monthly figures")
    monthly = sales.monthly_figures(data, mask, *months, today_day=scope.today_day)
    next_month = repurchase.next_period_rates(data, mask, scope.today_day, quarterly=False)
    next_quarter = repurchase.next_period_rates(data, mask, scope.today_day, quarterly=True)
    cohorts = repurchase.cohorts(data, mask, scope.today_day)
    step(3, "Intervals")
    intervals = repurchase.interval_distribution(gaps)
    curve = repurchase.purchase_count_curve(
        counts, int(settings["analytics.curve_min_customers"]),
        float(settings["analytics.magic_tolerance_points"]) / 100)
    step(4, "Regions")
    province_rows = sales.province_figures(data, mask, scope.provinces)
    step(5, "Segments")
    rfm = segments.rfm_result(data, mask, scope.as_of_day, settings)
    levels = book.level_counts(session)
    step(6, "Done")
    return AnalyticsReport(
        range=DateRange(from_epoch_day(scope.lo), from_epoch_day(scope.hi)), today=today,
        summary=summary, months=monthly, next_month=next_month, next_quarter=next_quarter, cohorts=cohorts,
        intervals=intervals, curve=curve, provinces=province_rows, rfm=rfm,
        stages=stages, levels=levels,
    )


def _month_bounds(scope: Scope) -> tuple[int, int]:
    """First and last month of the monthly series: the range, trimmed to months that can hold data."""
    import numpy as np

    lo, hi = scope.lo, scope.hi
    if not scope.data.empty:
        lo = max(lo, int(scope.data.day.min()))
        hi = min(hi, max(int(scope.data.day.max()), scope.today_day))
    first, last = months_of(np.array([lo, hi], dtype=np.int64))
    return int(first), int(last)


def product_intervals(session: Session, date_range: DateRange, today: dt.date, book: BookData | None = None,
                      days: ProductDays | None = None) -> tuple[ProductInterval, ...]:
    """Median repurchase interval per product, where the later purchase day lies in the range.

    Most intervals first; products without an interval are left out. Kept out of `compute_report`
    because reading every order line costs about as much as the rest of the page together.
    """
    return product_intervals_in(session, Scope.load(session, date_range, today, book), days)


def product_intervals_in(session: Session, scope: Scope, days: ProductDays | None = None
                         ) -> tuple[ProductInterval, ...]:
    """`product_intervals` for a scope; `days`: product purchase days read before (else read now)."""
    import numpy as np

    if days is None:
        days = load_product_days(session)
    later = (days.prev_day >= 0) & (days.day >= scope.lo) & (days.day <= scope.hi)
    product = days.product[later]
    if not len(product):
        return ()
    gaps = days.day[later] - days.prev_day[later]
    order = np.lexsort((gaps, product))
    product, gaps = product[order], gaps[order]
    starts = np.flatnonzero(np.r_[True, product[1:] != product[:-1]])
    sizes = np.diff(np.r_[starts, len(product)])
    middle_low = gaps[starts + (sizes - 1) // 2]
    middle_high = gaps[starts + sizes // 2]
    medians = (middle_low + middle_high) / 2
    info = {pid: (name, cycle) for pid, name, cycle in session.execute(
        select(Product.id, Product.name, Product.cycle_days).where(Product.id.in_(product[starts].tolist())))}
    rows = [
        ProductInterval(product_id=int(pid), product_name=info.get(int(pid), ("", None))[0], count=int(size),
                        median_days=float(median), cycle_days=info.get(int(pid), ("", None))[1])
        for pid, size, median in zip(product[starts], sizes, medians, strict=True)
    ]
    return tuple(sorted(rows, key=lambda r: (-r.count, r.product_name)))


def product_intervals_to_json(rows: tuple[ProductInterval, ...]) -> list[dict[str, Any]]:
    return [{"product_id": p.product_id, "product": p.product_name, "count": p.count,
             "median_days": p.median_days, "cycle_days": p.cycle_days} for p in rows]


def report_to_json(report: AnalyticsReport) -> dict[str, Any]:
    """The `stats` command's JSON: the fields of issue #7 first, then everything else."""
    s = report.summary
    return {
        "from": report.range.start.isoformat() if report.range.start else None,
        "to": report.range.end.isoformat() if report.range.end else None,
        "today": report.today.isoformat(),
        "buyers": s.buyers,
        "repeat_buyers": s.repeat_buyers,
        "repeat_rate": s.repeat_rate,
        "orders": s.orders,
        "revenue": s.revenue_cents / 100,
        "revenue_cents": s.revenue_cents,
        "median_interval_days": s.median_interval_days,
        "magic_number": report.curve.magic_number,
        "magic_number_reason": report.curve.no_magic_reason,
        "curve_min_customers": report.curve.min_customers,
        "churned_customers": s.churned_customers,
        "next_month_rate": [{"month": r.period, "rate": r.rate, "buyers": r.buyers, "returned": r.returned,
                             "complete": r.complete} for r in report.next_month],
        "next_quarter_rate": [{"quarter": r.period, "rate": r.rate, "buyers": r.buyers,
                               "returned": r.returned, "complete": r.complete} for r in report.next_quarter],
        "rfm": dict(report.rfm.counts),
        "rfm_thresholds": {"recent_days": report.rfm.thresholds.recent_days,
                           "high_purchase_days": report.rfm.thresholds.high_purchase_days,
                           "high_spend_cents": report.rfm.thresholds.high_spend_cents,
                           "as_of": report.rfm.as_of.isoformat()},
        "monthly": [{"month": m.month, "revenue": m.revenue_cents / 100, "orders": m.orders, "buyers": m.buyers,
                     "new_buyers": m.new_buyers, "returning_buyers": m.returning_buyers,
                     "new_revenue": m.new_revenue_cents / 100,
                     "returning_revenue": m.returning_revenue_cents / 100,
                     "aov": m.aov_cents / 100, "repeat_rate": m.repeat_rate, "complete": m.complete}
                    for m in report.months],
        # a window still open has no final rate: `repurchased_Nd` is null and its count so far is in `windows`
        "cohorts": [{"month": c.month, "customers": c.customers, "complete": c.complete,
                     **{f"repurchased_{w.days}d": w.rate if w.complete else None for w in c.windows},
                     "windows": [{"days": w.days, "repurchased": w.repurchased, "rate": w.rate,
                                  "complete": w.complete} for w in c.windows]} for c in report.cohorts],
        "intervals": {"count": report.intervals.count, "median_days": report.intervals.median_days,
                      "bins": [{"low": b.low, "high": b.high, "count": b.count} for b in report.intervals.bins]},
        "purchase_count_curve": [{"k": p.k, "customers": p.customers_at_least_k, "rate": p.rate,
                                  "counted": p.supported} for p in report.curve.points],
        "provinces": [{"province": p.province, "buyers": p.buyers, "revenue": p.revenue_cents / 100}
                      for p in report.provinces],
        "stages": {s.key: s.customers for s in report.stages},
        "levels": [{"level": lv.label, "customers": lv.customers} for lv in report.levels],
    }
