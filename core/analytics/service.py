"""AnalyticsService: the analytics of one book, each call one short read-only transaction.

This is what ui/ runs in the background (through ui/tasks.py): plain calls with `progress` and
`is_cancelled`, DTOs back. What was read from the book (purchase days, provinces, product purchase
days) is kept between calls while the book's signature (core.analytics.data.book_signature) stays
the same, so changing the range or clicking through does not read 500k orders again; `invalidate()`
drops it (the page calls it when another page changed the book, and on Refresh).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from core.analytics.data import book_signature, load_product_days
from core.analytics.dto import AnalyticsReport, DateRange, ProductInterval
from core.analytics.report import BookData, compute_report, product_intervals
from core.analytics.selection import Selection, customers_for
from core.progress import IsCancelled, Progress

if TYPE_CHECKING:
    from core.book.db import Book


class AnalyticsService:
    def __init__(self, book: Book) -> None:
        self.book = book
        self._lock = threading.Lock()  # calls run on worker threads; the cache is shared
        self._signature: tuple | None = None
        self._cache: dict[str, Any] = {}

    def invalidate(self) -> None:
        """Forget what was read; the next call reads the book again."""
        with self._lock:
            self._signature = None
            self._cache = {}

    def _cached(self, session: Session, key: str, load: Callable[[Session], Any]) -> Any:
        signature = book_signature(session)
        with self._lock:
            if signature != self._signature:
                self._signature, self._cache = signature, {}
            if key in self._cache:
                return self._cache[key]
        value = load(session)
        with self._lock:
            if signature == self._signature:
                self._cache[key] = value
        return value

    def book_data(self, session: Session) -> BookData:
        return self._cached(session, "book", BookData.load)

    def report(self, date_range: DateRange, today: dt.date, progress: Progress | None = None,
               is_cancelled: IsCancelled | None = None) -> AnalyticsReport:
        """Every metric of the Analytics page for the range (core.analytics.compute_report)."""
        with self.book.session() as s:
            return compute_report(s, date_range, today, progress, is_cancelled, book=self.book_data(s))

    def product_intervals(self, date_range: DateRange, today: dt.date) -> tuple[ProductInterval, ...]:
        with self.book.session() as s:
            return product_intervals(s, date_range, today, book=self.book_data(s),
                                     days=self._cached(s, "product_days", load_product_days))

    def customers_for(self, selection: Selection, date_range: DateRange, today: dt.date) -> tuple[int, ...]:
        """Ids of the customers behind a chart element (same definitions as the chart)."""
        with self.book.session() as s:
            return customers_for(s, selection, date_range, today, book=self.book_data(s))
