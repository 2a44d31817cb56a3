"""The seller's segment thresholds: RFM (DOMAIN.md §8) and lifecycle stages (§1, docs/ANALYTICS.md).

`ThresholdService` reads them, suggests values from the book, counts customers per segment for values not
saved yet (the Settings section's live counts), and saves them after checking every value (a bad value is a
ValidationError naming the setting; nothing is saved). Saving moves every stored stage to the new thresholds.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.analytics import segments
from core.analytics.data import book_signature, load_purchase_days, to_epoch_day
from core.analytics.dto import RFM_SEGMENT_NAMES
from core.book.dialect import dialect_of
from core.customer_stats import STAGES, stage_counts_query, update_stages
from core.errors import ValidationError
from core.settings import DEFAULTS, get_settings, phones_masked, set_setting

if TYPE_CHECKING:
    from core.book.db import Book

# Every threshold with its kind and allowed range (spend in fen; None allowed where the default is None).
LIMITS: dict[str, tuple[type, float, float]] = {
    "analytics.rfm_recent_days": (int, 1, 3650),
    "analytics.rfm_high_purchase_days": (int, 2, 100),
    "analytics.rfm_high_spend_cents": (int, 1, 10**10),
    "stage.loyal_min_purchase_days": (int, 2, 100),
    "stage.loyal_min_spend_cents": (int, 1, 10**10),
    "stage.churn_default_days": (int, 7, 3650),
    "stage.churn_cycle_multiplier": (float, 1, 10),
    "stage.churn_min_days": (int, 1, 3650),
    "stage.dormant_fraction": (float, 0.1, 0.95),
}
KEYS = tuple(LIMITS)


@dataclass(frozen=True)
class SegmentCounts:
    """Customers per lifecycle stage (all customers, today) and per RFM segment (every buyer, today)."""

    stages: dict[str, int]
    rfm: dict[str, int]
    median_spend_cents: int | None


def validate(values: dict[str, Any]) -> dict[str, Any]:
    """The values with numbers of the right kind; ValidationError(threshold_invalid, field, value) otherwise."""
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in LIMITS:
            raise ValidationError("threshold_unknown", field=key, value=value)
        kind, low, high = LIMITS[key]
        if value is None and DEFAULTS[key] is None:
            clean[key] = None
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValidationError("threshold_invalid", field=key, value=value)
        if kind is int and value != int(value):
            raise ValidationError("threshold_invalid", field=key, value=value)
        if not low <= value <= high:
            raise ValidationError("threshold_invalid", field=key, value=value)
        clean[key] = kind(value)
    return clean


class ThresholdService:
    def __init__(self, book: Book) -> None:
        self.book = book
        self._days: tuple[tuple, Any] | None = None  # (book signature, PurchaseDays)

    def current(self) -> dict[str, Any]:
        """Every threshold as the book has it (defaults filled in)."""
        with self.book.session() as s:
            values = get_settings(s, "analytics.rfm_") | get_settings(s, "stage.")
        return {key: values[key] for key in KEYS}

    def _purchase_days(self, session):
        signature = book_signature(session)
        if self._days is None or self._days[0] != signature:
            self._days = (signature, load_purchase_days(session))
        return self._days[1]

    def suggested(self, today: dt.date) -> dict[str, Any]:
        """Values read off the book (docs/ANALYTICS.md "Thresholds"), the defaults where it has too little.

        R: twice the book's median repurchase interval (30–365 days); F: 2; M: the median spend (None);
        loyal: the purchase days and spend reached by the top quarter of repeat buyers (at least 3 days);
        churn without interval or cycle: twice the median interval (60–365 days); the rest as the defaults.
        """
        import numpy as np

        suggestion = {key: DEFAULTS[key] for key in KEYS}
        with self.book.session() as s:
            data = self._purchase_days(s)
        mask = data.day <= to_epoch_day(today)
        later = mask & (data.prev_day >= 0)
        gaps = data.day[later] - data.prev_day[later]
        if len(gaps) >= 20:
            median = float(np.median(gaps))
            suggestion["analytics.rfm_recent_days"] = int(min(max(round(2 * median), 30), 365))
            suggestion["stage.churn_default_days"] = int(min(max(round(2 * median), 60), 365))
        ids, counts = np.unique(data.customer[mask], return_counts=True)
        repeat = counts >= 2
        if repeat.sum() >= 20:
            spend = np.bincount(np.searchsorted(ids, data.customer[mask]), weights=data.revenue[mask])
            suggestion["stage.loyal_min_purchase_days"] = int(max(3, math.ceil(np.percentile(counts[repeat], 75))))
            suggestion["stage.loyal_min_spend_cents"] = int(math.ceil(np.percentile(spend[repeat], 75) / 100) * 100)
        return suggestion

    def counts(self, values: dict[str, Any], today: dt.date) -> SegmentCounts:
        """Customers per stage and per RFM segment if `values` (saved or not) were the thresholds."""
        import numpy as np

        clean = validate(values)
        with self.book.session() as s:
            thresholds = get_settings(s, "stage.") | {k: v for k, v in clean.items() if k.startswith("stage.")}
            rows = dict(s.execute(stage_counts_query(today, thresholds, dialect_of(s))).all())
            data = self._purchase_days(s)
            rfm = get_settings(s, "analytics.rfm_") | {k: v for k, v in clean.items() if k.startswith("analytics.rfm_")}
        mask = data.day <= to_epoch_day(today)
        result = segments.rfm_result(data, mask, to_epoch_day(today), rfm)
        median = None
        if mask.any():
            starts = np.flatnonzero(np.r_[True, data.customer[mask][1:] != data.customer[mask][:-1]])
            median = math.ceil(float(np.median(np.add.reduceat(data.revenue[mask], starts))))
        return SegmentCounts(stages={stage: int(rows.get(stage, 0)) for stage in STAGES},
                             rfm={name: result.counts[name] for name in RFM_SEGMENT_NAMES}, median_spend_cents=median)

    def phone_masking(self) -> bool:
        """The setting privacy.mask_phones: lists, read-only views and exports show 138****8000."""
        with self.book.session() as s:
            return phones_masked(s)

    def set_phone_masking(self, masked: bool) -> None:
        with self.book.session() as s:
            set_setting(s, "privacy.mask_phones", bool(masked))

    def save(self, values: dict[str, Any], today: dt.date) -> int:
        """Check and store the thresholds, then move every stored stage to them; returns customers whose
        stage changed."""
        clean = validate(values)
        with self.book.session() as s:
            for key, value in clean.items():
                set_setting(s, key, value)
        with self.book.session() as s:
            return update_stages(s, today)

