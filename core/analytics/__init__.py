"""Repurchase analytics (DOMAIN.md §8): numbers only, Qt-free, SQL + numpy over purchase days.

Every metric counts purchases (`orders.is_purchase`) and purchase days (one per customer and
`order_date`) inside the chosen date range; the customer's first purchase (new vs returning, cohorts),
the previous purchase day (intervals), the following period (next-period rates) and the N-day window
after a first purchase reach outside it. Customers in the recycle bin are left out.

Entry points: `compute_report` (the whole page), `product_intervals` (per product, separately),
`report_to_json` (the `stats` command), and the
click-through functions `customers_for`, `customers_in_rfm_segment`, `customers_in_stage`.
"""

from core.analytics.dto import (
    NDAY_WINDOWS,
    RFM_SEGMENT_NAMES,
    RFM_SEGMENTS,
    AnalyticsReport,
    DateRange,
)
from core.analytics.report import (
    AnalyticsCancelled,
    compute_report,
    product_intervals,
    product_intervals_to_json,
    report_to_json,
)
from core.analytics.selection import (
    SELECTION_KINDS,
    Selection,
    customers_for,
    customers_in_rfm_segment,
    customers_in_stage,
)
from core.analytics.service import AnalyticsService
from core.analytics.stats import stats_command

__all__ = [
    "NDAY_WINDOWS",
    "RFM_SEGMENTS",
    "RFM_SEGMENT_NAMES",
    "SELECTION_KINDS",
    "AnalyticsCancelled",
    "AnalyticsReport",
    "AnalyticsService",
    "DateRange",
    "Selection",
    "compute_report",
    "customers_for",
    "customers_in_rfm_segment",
    "customers_in_stage",
    "product_intervals",
    "product_intervals_to_json",
    "report_to_json",
    "stats_command",
]
