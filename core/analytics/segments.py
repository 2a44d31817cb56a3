"""Customer segments: RFM (DOMAIN.md §8), lifecycle stage counts and member level counts.

RFM is computed over the buyers of the range as of `as_of` (the range end, or today if earlier):
R = days from the last purchase day to `as_of` (small is good), F = purchase days, M = revenue
(paid − refunded). Thresholds come from the book settings "analytics.rfm_*"; a high-spend threshold
of None means "the median spend of these buyers".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.analytics.data import PurchaseDays, dialect_of, from_epoch_day
from core.analytics.dto import RFM_SEGMENT_NAMES, RFM_SEGMENTS, CountByKey, RfmResult, RfmThresholds
from core.book.models import Customer, MemberLevel
from core.customer_stats import STAGES, stage_counts_query, stage_sql, stage_thresholds
from core.settings import get_settings

if TYPE_CHECKING:
    import datetime as dt

    import numpy as np

_SEGMENT_INDEX = {key: RFM_SEGMENT_NAMES.index(name) for key, name in RFM_SEGMENTS.items()}


def rfm_settings(session: Session) -> dict:
    return get_settings(session, "analytics.rfm_")


def rfm_table(data: PurchaseDays, mask: np.ndarray, as_of_day: int, settings: dict
              ) -> tuple[np.ndarray, np.ndarray, RfmThresholds]:
    """(buyer ids, index into RFM_SEGMENT_NAMES per buyer, the thresholds used)."""
    import numpy as np

    customer = data.customer[mask]
    recent_days = int(settings["analytics.rfm_recent_days"])
    high_days = int(settings["analytics.rfm_high_purchase_days"])
    fixed_spend = settings["analytics.rfm_high_spend_cents"]
    if not len(customer):
        spend_threshold = int(fixed_spend) if fixed_spend is not None else 0
        thresholds = RfmThresholds(recent_days, high_days, spend_threshold, fixed_spend is None)
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64), thresholds
    starts = np.flatnonzero(np.r_[True, customer[1:] != customer[:-1]])
    ids = customer[starts]
    frequency = np.diff(np.r_[starts, len(customer)])
    spend = np.add.reduceat(data.revenue[mask], starts)
    last = np.maximum.reduceat(data.day[mask], starts)
    if fixed_spend is None:
        spend_threshold = math.ceil(float(np.median(spend)))  # integer fen: spend ≥ median
    else:
        spend_threshold = int(fixed_spend)
    recent = (as_of_day - last) <= recent_days
    high_f = frequency >= high_days
    high_m = spend >= spend_threshold
    lookup = np.zeros(8, dtype=np.int64)
    for (r, f, m), index in _SEGMENT_INDEX.items():
        lookup[r * 4 + f * 2 + m] = index
    segment = lookup[recent.astype(np.int64) * 4 + high_f * 2 + high_m]
    return ids, segment, RfmThresholds(recent_days, high_days, spend_threshold, fixed_spend is None)


def rfm_result(data: PurchaseDays, mask: np.ndarray, as_of_day: int, settings: dict) -> RfmResult:
    import numpy as np

    _ids, segment, thresholds = rfm_table(data, mask, as_of_day, settings)
    counts = np.bincount(segment, minlength=len(RFM_SEGMENT_NAMES))
    return RfmResult(thresholds=thresholds, as_of=from_epoch_day(as_of_day),
                     counts={name: int(counts[i]) for i, name in enumerate(RFM_SEGMENT_NAMES)})


def _stage_column(session: Session, today: dt.date):
    return stage_sql(today, stage_thresholds(session), dialect_of(session))


def stage_counts(session: Session, today: dt.date) -> tuple[CountByKey, ...]:
    """Customers (not in the recycle bin) per lifecycle stage, every stage listed."""
    rows = dict(session.execute(stage_counts_query(today, stage_thresholds(session), dialect_of(session))).all())
    return tuple(CountByKey(key=s, label=s, customers=int(rows.get(s, 0))) for s in STAGES)


def customers_in_stage(session: Session, stage: str, today: dt.date) -> tuple[int, ...]:
    """Ids of the customers (not in the recycle bin) in a lifecycle stage today."""
    query = (select(Customer.id).where(Customer.deleted_at.is_(None), _stage_column(session, today) == stage)
             .order_by(Customer.id))
    return tuple(session.scalars(query))


def level_counts(session: Session) -> tuple[CountByKey, ...]:
    """Customers per member level (by rank), then those without a level (key "")."""
    counts = dict(session.execute(
        select(Customer.member_level_id, func.count()).where(Customer.deleted_at.is_(None))
        .group_by(Customer.member_level_id)
    ).all())
    levels = session.execute(select(MemberLevel.id, MemberLevel.name).order_by(MemberLevel.rank, MemberLevel.id))
    result = [CountByKey(key=str(level_id), label=name, customers=int(counts.get(level_id, 0)))
              for level_id, name in levels]
    result.append(CountByKey(key="", label="", customers=int(counts.get(None, 0))))
    return tuple(result)


def customers_in_level(session: Session, level_key: str) -> tuple[int, ...]:
    """Ids of customers at a member level (key as in level_counts; "" = no level)."""
    level = Customer.member_level_id.is_(None) if level_key == "" else Customer.member_level_id == int(level_key)
    return tuple(session.scalars(
        select(Customer.id).where(Customer.deleted_at.is_(None), level).order_by(Customer.id)))
