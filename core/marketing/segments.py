"""Customer segments: a JSON filter definition evaluated in SQL, the marketing exclusions, saved segments.

A definition is a dict; every key is optional and all given keys must hold (AND):
  tags [names, any of] · provinces [..] · cities [..] · stages [customer_stats.STAGES codes] ·
  rfm [RFM segment names of DOMAIN.md §8, as of today over all purchases] · levels [level ids; 0 = none] ·
  last_purchase_from / last_purchase_to ["YYYY-MM-DD", inclusive] · min/max_purchase_days ·
  min/max_spend_cents · min/max_aov_cents · products [product ids, bought at least once] ·
  categories [product categories, bought at least once] · birthday_months [1-12] · source_channels [..].
A list key given one bare value (e.g. "stages": "churned") means that one-element list.
Exclusions (DOMAIN.md §4) always apply to whom marketing reaches: do_not_disturb, open_complaint,
open_review, risk_buyer, frequency_cap (a marketing contact within `reminder.cap_days`, or
`reminder.cap_days_loyal` for loyal customers: the Today list's own rule and settings).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, text
from sqlalchemy.orm import Session

from core.analytics.dto import RFM_SEGMENTS
from core.book.dialect import RawSql
from core.book.models import (
    BadReview,
    Complaint,
    Customer,
    CustomerTag,
    Order,
    OrderItem,
    Product,
    Segment,
    Tag,
)
from core.customer_stats import stage_sql, stage_thresholds
from core.errors import NotFound, ValidationError
from core.settings import get_settings

EXCLUSIONS = ("do_not_disturb", "open_complaint", "open_review", "risk_buyer", "frequency_cap")
LIST_KEYS = ("tags", "provinces", "cities", "stages", "rfm", "levels", "products", "categories",
             "birthday_months", "source_channels")
RANGE_KEYS = ("min_purchase_days", "max_purchase_days", "min_spend_cents", "max_spend_cents",
              "min_aov_cents", "max_aov_cents")
DATE_KEYS = ("last_purchase_from", "last_purchase_to")
# DOMAIN.md §7: churn win-back by value, shipped as ready segments (name = code; ui/ translates it).
BUILTIN_SEGMENTS: dict[str, dict] = {
    "winback_never": {"stages": ["prospect"]},
    "winback_low_value": {"stages": ["churned"], "min_purchase_days": 1, "max_purchase_days": 2,
                          "max_aov_cents": "setting:marketing.winback_low_aov_cents"},
    "winback_loyal": {"stages": ["churned"], "min_purchase_days": 3},
}


@dataclass(frozen=True)
class SegmentCount:
    """matched: customers the filter selects; excluded: per exclusion code, how many of them it holds
    back (one customer may count under several); reachable: matched minus everyone excluded."""

    matched: int
    excluded: dict[str, int]
    reachable: int


@dataclass(frozen=True)
class SegmentDTO:
    id: int
    name: str
    definition: dict
    builtin: bool
    count: SegmentCount | None = None


def validate_definition(definition: dict) -> dict:
    """The definition cleaned (empty values dropped); ValidationError for unknown keys or bad values."""
    clean: dict = {}
    for key, value in definition.items():
        if value in (None, "", [], ()):
            continue
        if key in LIST_KEYS:
            if isinstance(value, (str, int)):
                value = [value]  # a single value, as segments saved by the one-value builder may hold
            if not isinstance(value, (list, tuple)):
                raise ValidationError("segment_value_invalid", field=key, value=str(value))
            clean[key] = list(value)
        elif key in RANGE_KEYS:
            if isinstance(value, str) and value.startswith("setting:"):
                clean[key] = value
                continue
            try:
                clean[key] = int(value)
            except (TypeError, ValueError):
                raise ValidationError("segment_value_invalid", field=key, value=str(value)) from None
        elif key in DATE_KEYS:
            try:
                clean[key] = dt.date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise ValidationError("segment_value_invalid", field=key, value=str(value)) from None
        else:
            raise ValidationError("segment_key_unknown", field=key, value=str(value))
    return clean


def _resolve(session: Session, value):
    if isinstance(value, str) and value.startswith("setting:"):
        return int(get_settings(session, "marketing.")[value.removeprefix("setting:")])
    return value


def rfm_sql(session: Session, names: list[str], today: dt.date):
    """Buyers in these RFM segments as of `today` over all their purchases (thresholds: analytics.rfm_*)."""
    settings = get_settings(session, "analytics.rfm_")
    spend = settings["analytics.rfm_high_spend_cents"]
    if spend is None:
        spends = list(session.scalars(select(Customer.total_spend_cents).where(
            Customer.deleted_at.is_(None), Customer.purchase_days > 0)))
        spend = statistics.median(spends) if spends else 0
    recent_from = today - dt.timedelta(days=int(settings["analytics.rfm_recent_days"]))
    recent = Customer.last_purchase_on >= recent_from
    high_f = Customer.purchase_days >= int(settings["analytics.rfm_high_purchase_days"])
    high_m = Customer.total_spend_cents >= spend
    wanted = []
    for (r, f, m), name in RFM_SEGMENTS.items():
        if name in names:
            wanted.append(and_(recent if r else ~recent, high_f if f else ~high_f, high_m if m else ~high_m))
    return and_(Customer.purchase_days > 0, or_(*wanted) if wanted else false())


def filters(session: Session, definition: dict, today: dt.date) -> list[ColumnElement[bool]]:
    """SQL conditions on Customer for a definition (recycle bin always left out)."""
    d = validate_definition(definition)
    c = Customer
    f: list[ColumnElement[bool]] = [c.deleted_at.is_(None)]
    if "tags" in d:
        f.append(c.id.in_(select(CustomerTag.customer_id).join(Tag, Tag.id == CustomerTag.tag_id)
                          .where(Tag.name.in_(d["tags"]))))
    if "provinces" in d:
        f.append(c.province.in_(d["provinces"]))
    if "cities" in d:
        f.append(c.city.in_(d["cities"]))
    if "stages" in d:
        f.append(stage_sql(today, stage_thresholds(session), session.get_bind().dialect.name).in_(d["stages"]))
    if "rfm" in d:
        f.append(rfm_sql(session, d["rfm"], today))
    if "levels" in d:
        ids = [int(v) for v in d["levels"] if int(v)]
        level = c.member_level_id.in_(ids)
        f.append(or_(level, c.member_level_id.is_(None)) if 0 in [int(v) for v in d["levels"]] else level)
    if "last_purchase_from" in d:
        f.append(c.last_purchase_on >= dt.date.fromisoformat(d["last_purchase_from"]))
    if "last_purchase_to" in d:
        f.append(c.last_purchase_on <= dt.date.fromisoformat(d["last_purchase_to"]))
    bounds = {"purchase_days": c.purchase_days, "spend_cents": c.total_spend_cents, "aov_cents": c.avg_order_cents}
    for name, column in bounds.items():
        if f"min_{name}" in d:
            f.append(column >= _resolve(session, d[f"min_{name}"]))
        if f"max_{name}" in d:
            f.append(column <= _resolve(session, d[f"max_{name}"]))
    bought = select(Order.customer_id).join(OrderItem, OrderItem.order_id == Order.id).where(Order.is_purchase.is_(True))
    if "products" in d:
        f.append(c.id.in_(bought.where(OrderItem.product_id.in_([int(p) for p in d["products"]]))))
    if "categories" in d:
        f.append(c.id.in_(bought.join(Product, Product.id == OrderItem.product_id)
                          .where(Product.category.in_(d["categories"]))))
    if "birthday_months" in d:
        f.append(c.birth_month.in_([int(m) for m in d["birthday_months"]]))
    if "source_channels" in d:
        f.append(c.source_channel.in_(d["source_channels"]))
    return f


def exclusion_sql(session: Session, code: str, today: dt.date):
    """A condition on Customer true when exclusion `code` holds back the customer today."""
    c = Customer
    if code == "do_not_disturb":
        return c.do_not_disturb.is_(True)
    if code == "risk_buyer":
        return c.risk_buyer.is_(True)
    if code == "open_complaint":
        return c.id.in_(select(Complaint.customer_id).where(Complaint.status == "open"))
    if code == "open_review":
        return c.id.in_(select(BadReview.customer_id).where(BadReview.status == "open"))
    if code == "frequency_cap":
        return c.id.in_(capped_customers_sql(session, today))
    raise ValidationError("exclusion_unknown", field="exclusion", value=code)


def capped_customers_sql(session: Session, today: dt.date):
    """Customers marketed within the frequency cap of their value tier (the Today list's rule)."""
    from core.reminders.today import frequency_cap_params, frequency_capped_sql

    sql = RawSql.of(session)
    params = frequency_cap_params(sql, today, get_settings(session, "reminder."), get_settings(session, "stage."))
    return text(frequency_capped_sql(sql)).bindparams(**params)


def count(session: Session, definition: dict, today: dt.date) -> SegmentCount:
    """Matched, held back per exclusion, and reachable customers of a definition today."""
    where = filters(session, definition, today)
    columns: list[ColumnElement[Any]] = [func.count()]
    conditions = [exclusion_sql(session, code, today) for code in EXCLUSIONS]
    columns += [func.coalesce(func.sum(cond_as_int(cond)), 0) for cond in conditions]
    columns.append(func.coalesce(func.sum(cond_as_int(or_(*conditions))), 0))
    row = session.execute(select(*columns).select_from(Customer).where(*where)).one()
    matched, *per, any_excluded = (int(v) for v in row)
    return SegmentCount(matched, dict(zip(EXCLUSIONS, per, strict=True)), matched - any_excluded)


def cond_as_int(condition):
    from sqlalchemy import case

    return case((condition, 1), else_=0)


def customer_ids(session: Session, definition: dict, today: dt.date, *, reachable_only: bool = True
                 ) -> tuple[int, ...]:
    """Sorted ids the definition selects; with `reachable_only` the exclusions are applied."""
    where = filters(session, definition, today)
    if reachable_only:
        where += [~exclusion_sql(session, code, today) for code in EXCLUSIONS]
    return tuple(session.scalars(select(Customer.id).where(*where).order_by(Customer.id)))


def ensure_builtin_segments(session: Session) -> None:
    """Write the win-back segments of DOMAIN.md §7 once (the seller may edit their definitions)."""
    have = set(session.scalars(select(Segment.name).where(Segment.builtin.is_(True))))
    for name, definition in BUILTIN_SEGMENTS.items():
        if name not in have:
            session.add(Segment(name=name, definition_json=json.dumps(definition), builtin=True))
    session.flush()


def save_segment(session: Session, name: str, definition: dict, segment_id: int | None = None) -> int:
    """Create or update a saved segment; returns its id. ValidationError for an empty or taken name."""
    name = name.strip()
    if not name:
        raise ValidationError("segment_name_empty", field="name", value=name)
    clean = validate_definition(definition)
    taken = session.scalar(select(Segment.id).where(Segment.name == name))
    if taken is not None and taken != segment_id:
        raise ValidationError("segment_name_taken", field="name", value=name)
    row = session.get(Segment, segment_id) if segment_id else Segment(name=name, builtin=False)
    if row is None:
        raise NotFound("segment_not_found", entity="segment", id=segment_id)
    row.name, row.definition_json = name, json.dumps(clean, ensure_ascii=False)
    session.add(row)
    session.flush()
    return row.id


def delete_segment(session: Session, segment_id: int) -> None:
    row = session.get(Segment, segment_id)
    if row is None:
        raise NotFound("segment_not_found", entity="segment", id=segment_id)
    session.delete(row)


def list_segments(session: Session, today: dt.date, *, with_counts: bool = True) -> list[SegmentDTO]:
    """Saved segments, built-in ones first, each with its live count today."""
    ensure_builtin_segments(session)
    rows = session.scalars(select(Segment).order_by(Segment.builtin.desc(), Segment.name)).all()
    result = []
    for row in rows:
        definition = json.loads(row.definition_json)
        result.append(SegmentDTO(row.id, row.name, definition, row.builtin,
                                 count(session, definition, today) if with_counts else None))
    return result


def get_segment(session: Session, segment_id: int) -> SegmentDTO:
    row = session.get(Segment, segment_id)
    if row is None:
        raise NotFound("segment_not_found", entity="segment", id=segment_id)
    return SegmentDTO(row.id, row.name, json.loads(row.definition_json), row.builtin)
