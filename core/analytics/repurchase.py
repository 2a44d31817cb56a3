"""Repurchase metrics of DOMAIN.md §8 over a PurchaseDays snapshot (numpy only, no per-order loop).

Everything counts the purchase days inside the range [lo, hi] (epoch days), except what a definition
reaches outside it: the following period of a next-period rate, the N-day window after a first
purchase, and the previous purchase day of an interval come from the whole book.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.analytics.data import PurchaseDays, month_end, month_label, months_of, quarter_label, to_epoch_day
from core.analytics.dto import (
    NDAY_WINDOWS,
    Cohort,
    CohortWindow,
    CurvePoint,
    IntervalBin,
    IntervalDistribution,
    PeriodRate,
    PurchaseCountCurve,
)

if TYPE_CHECKING:
    import numpy as np

# Histogram bins of repurchase intervals (days, inclusive): fortnights up to half a year, then wider.
INTERVAL_EDGES: tuple[tuple[int, int | None], ...] = (
    *((lo, lo + 14) for lo in range(1, 180, 15)), (181, 365), (366, None),
)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def days_per_customer(data: PurchaseDays, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(customer ids, purchase days in the mask) for every customer with at least one."""
    import numpy as np

    ids, counts = np.unique(data.customer[mask], return_counts=True)
    return ids, counts


def repeat_buyers(counts: np.ndarray) -> int:
    return int((counts >= 2).sum())


def next_period_rates(data: PurchaseDays, mask: np.ndarray, today_day: int, quarterly: bool) -> tuple[PeriodRate, ...]:
    """Per month (or quarter) of the range: its buyers, and how many bought again in the next one.

    Rows are sorted by customer and day, so each (customer, period) pair is a run of rows and the
    customer came back when the next run is theirs and one period later — no search, no sort.
    """
    import numpy as np

    if not mask.any():
        return ()
    months = months_of(data.day)
    periods = months // 3 if quarterly else months
    new_pair = data.starts.copy()
    new_pair[1:] |= periods[1:] != periods[:-1]
    pair_of_row = np.cumsum(new_pair) - 1
    pair_customer, pair_period = data.customer[new_pair], periods[new_pair]
    came_back = np.zeros(len(pair_period), dtype=bool)
    came_back[:-1] = (pair_customer[1:] == pair_customer[:-1]) & (pair_period[1:] == pair_period[:-1] + 1)
    in_range = pair_of_row[mask]
    pairs = in_range[np.r_[True, in_range[1:] != in_range[:-1]]]
    period_of_pair = pair_period[pairs]
    first, last = int(period_of_pair.min()), int(period_of_pair.max())
    buyers = np.bincount(period_of_pair - first, minlength=last - first + 1)
    back = np.bincount(period_of_pair - first, weights=came_back[pairs], minlength=last - first + 1)
    result = []
    for offset in range(last - first + 1):
        period = first + offset
        next_last_month = (period + 1) * 3 + 2 if quarterly else period + 1
        result.append(PeriodRate(
            period=quarter_label(period) if quarterly else month_label(period),
            buyers=int(buyers[offset]), returned=int(back[offset]),
            rate=ratio(int(back[offset]), int(buyers[offset])),
            complete=to_epoch_day(month_end(next_last_month)) < today_day,
        ))
    return tuple(result)


def cohorts(data: PurchaseDays, mask: np.ndarray, today_day: int) -> tuple[Cohort, ...]:
    """30/60/90-day repurchase of customers whose first purchase day lies in the range, by its month."""
    import numpy as np

    first = mask & data.starts
    if not first.any():
        return ()
    first_days = data.day[first]
    gaps = np.where(data.next_day[first] >= 0, data.next_day[first] - first_days, np.iinfo(np.int64).max)
    months = months_of(first_days)
    lo = int(months.min())
    index = months - lo
    size = int(index.max()) + 1
    members = np.bincount(index, minlength=size)
    latest_first = np.full(size, -1, dtype=np.int64)
    np.maximum.at(latest_first, index, first_days)
    windows = {
        n: np.bincount(index, weights=gaps <= n, minlength=size).astype(np.int64) for n in NDAY_WINDOWS
    }
    result = []
    for offset in range(size):
        if not members[offset]:
            continue
        result.append(Cohort(
            month=month_label(lo + offset), customers=int(members[offset]),
            windows=tuple(
                CohortWindow(days=n, repurchased=int(windows[n][offset]),
                             rate=ratio(int(windows[n][offset]), int(members[offset])),
                             complete=int(latest_first[offset]) + n < today_day)
                for n in NDAY_WINDOWS
            ),
        ))
    return tuple(result)


def interval_gaps(data: PurchaseDays, mask: np.ndarray) -> np.ndarray:
    """Days since the previous purchase day, for every purchase day in the mask that has one."""
    later = mask & (data.prev_day >= 0)
    return data.day[later] - data.prev_day[later]


def interval_distribution(gaps: np.ndarray) -> IntervalDistribution:
    import numpy as np

    bins = []
    for low, high in INTERVAL_EDGES:
        inside = (gaps >= low) if high is None else ((gaps >= low) & (gaps <= high))
        bins.append(IntervalBin(low=low, high=high, count=int(inside.sum())))
    if not len(gaps):
        return IntervalDistribution(0, None, None, None, None, tuple(bins))
    p25, median, p75 = (float(v) for v in np.percentile(gaps, [25, 50, 75]))
    return IntervalDistribution(
        count=len(gaps), median_days=median, p25_days=p25, p75_days=p75,
        mean_days=float(gaps.mean()), bins=tuple(bins),
    )


def median_or_none(values: np.ndarray) -> float | None:
    import numpy as np

    return float(np.median(values)) if len(values) else None


# Points of the curve with fewer customers than this are not drawn at all (pure noise).
CURVE_SHOWN_MIN = 10
# The magic number needs at least this many counted points from it on.
MAGIC_MIN_POINTS = 2


def purchase_count_curve(counts: np.ndarray, min_customers: int, tolerance: float) -> PurchaseCountCurve:
    """P(k+1 | k) for each k with customers at ≥ k, and the magic number (docs/ANALYTICS.md).

    Points with at least `CURVE_SHOWN_MIN` (or `min_customers` if lower) customers are returned; a point
    *counts* (`supported`) when at least `min_customers` customers have ≥ k purchase days — with fewer, the
    share swings by chance and never decides anything. See `magic_number` for the rule and its reasons.
    """
    import numpy as np

    min_customers = max(int(min_customers), 1)
    if not len(counts):
        return PurchaseCountCurve((), None, tolerance, min_customers, "no_buyers")
    per_count = np.bincount(counts)
    at_least = np.cumsum(per_count[::-1])[::-1]  # at_least[k] = customers with ≥ k purchase days
    points = []
    for k in range(1, len(at_least)):
        if at_least[k] < min(min_customers, CURVE_SHOWN_MIN):
            break
        above = int(at_least[k + 1]) if k + 1 < len(at_least) else 0
        points.append(CurvePoint(k=k, customers_at_least_k=int(at_least[k]), customers_at_least_next=above,
                                 rate=above / int(at_least[k]), supported=bool(at_least[k] >= min_customers)))
    magic, reason = magic_number(points, tolerance)
    return PurchaseCountCurve(tuple(points), magic, tolerance, min_customers, reason)


def magic_number(points: list[CurvePoint], tolerance: float) -> tuple[int | None, str | None]:
    """(magic number, None) or (None, why there is none yet).

    Only supported points count. The curve has levelled off at k when no counted point from k on lies more
    than `tolerance` above P(k+1 | k) at k (a slow decline of the long tail does not undo it), with at least
    `MAGIC_MIN_POINTS` counted points from k on; the magic number is the smallest such k. Reasons for none:
    "too_few_customers" (fewer counted points than that), "flat_from_first" (levelled off from k = 1: a
    second purchase is as likely as any later one, so there is no number to pass), "not_flat" (the counted
    points keep rising).
    """
    counted = [p for p in points if p.supported]
    if len(counted) < MAGIC_MIN_POINTS:
        return None, "too_few_customers"
    for i in range(len(counted) - MAGIC_MIN_POINTS + 1):
        tail = counted[i:]
        if max(p.rate for p in tail) <= tail[0].rate + tolerance + 1e-9:
            if tail[0].k == 1:
                return None, "flat_from_first"
            return tail[0].k, None
    return None, "not_flat"
