"""AnalyticsService: the analytics of one book, each call one short read-only transaction.

This is what ui/ runs in the background (through ui/tasks.py): plain calls with `progress` and
`is_cancelled`, DTOs back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.analytics.dto import AnalyticsReport, DateRange, ProductInterval
from core.analytics.report import Progress, compute_report, product_intervals
from core.analytics.selection import Selection, customers_for

if TYPE_CHECKING:
    from core.db import Book


class AnalyticsService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def report(self, date_range: DateRange, today: dt.date, progress: Progress | None = None,
               is_cancelled: Callable[[], bool] | None = None) -> AnalyticsReport:
        """Every metric of the Analytics page for the range (core.analytics.compute_report)."""
        with self.book.session() as s:
            return compute_report(s, date_range, today, progress, is_cancelled)

    def product_intervals(self, date_range: DateRange, today: dt.date) -> tuple[ProductInterval, ...]:
        with self.book.session() as s:
            return product_intervals(s, date_range, today)

    def customers_for(self, selection: Selection, date_range: DateRange, today: dt.date) -> tuple[int, ...]:
        """Ids of the customers behind a chart element (same definitions as the chart)."""
        with self.book.session() as s:
            return customers_for(s, selection, date_range, today)
