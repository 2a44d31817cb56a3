"""AnalyticsService: the analytics of one book, each call one short read-only transaction.

This is what ui/ runs in the background (through ui/tasks.py): plain calls with `progress` and
`is_cancelled`, DTOs back. The purchase days read from the book are kept between calls while the
book's signature (core.analytics.data.book_signature) stays the same, so changing the range or
clicking through does not read 500k orders again; `invalidate()` drops them (the page calls it when
another page changed the book, and on Refresh).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from core.analytics.data import PurchaseDays, book_signature, load_purchase_days
from core.analytics.dto import AnalyticsReport, DateRange, ProductInterval
from core.analytics.report import Progress, compute_report, product_intervals
from core.analytics.selection import Selection, customers_for

if TYPE_CHECKING:
    from core.db import Book


class AnalyticsService:
    def __init__(self, book: Book) -> None:
        self.book = book
        self._lock = threading.Lock()  # calls run on worker threads; the cache is shared
        self._cached: tuple[tuple, PurchaseDays] | None = None

    def invalidate(self) -> None:
        """Forget the cached purchase days; the next call reads them again."""
        with self._lock:
            self._cached = None

    def purchase_days(self, session: Session) -> PurchaseDays:
        signature = book_signature(session)
        with self._lock:
            if self._cached is not None and self._cached[0] == signature:
                return self._cached[1]
        data = load_purchase_days(session)
        with self._lock:
            self._cached = (signature, data)
        return data

    def report(self, date_range: DateRange, today: dt.date, progress: Progress | None = None,
               is_cancelled: Callable[[], bool] | None = None) -> AnalyticsReport:
        """Every metric of the Analytics page for the range (core.analytics.compute_report)."""
        with self.book.session() as s:
            return compute_report(s, date_range, today, progress, is_cancelled, data=self.purchase_days(s))

    def product_intervals(self, date_range: DateRange, today: dt.date) -> tuple[ProductInterval, ...]:
        with self.book.session() as s:
            return product_intervals(s, date_range, today, data=self.purchase_days(s))

    def customers_for(self, selection: Selection, date_range: DateRange, today: dt.date) -> tuple[int, ...]:
        """Ids of the customers behind a chart element (same definitions as the chart)."""
        with self.book.session() as s:
            return customers_for(s, selection, date_range, today, data=self.purchase_days(s))
