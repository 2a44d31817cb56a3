"""Member levels (DOMAIN.md §7): thresholds by spend or purchase days, a discount, automatic upgrades.

A customer holds the highest-ranked level whose spend threshold or purchase-days threshold they reach
(a None threshold does not apply). An upgrade writes a `level_up` task ("congratulate") due today;
rule_key `level_up:<customer>:<level>` keeps it to one task per level reached.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFound, ValidationError
from core.models import Customer, MemberLevel, Reminder


@dataclass(frozen=True)
class LevelDTO:
    id: int
    name: str
    rank: int
    min_spend_cents: int | None
    min_purchases: int | None
    discount_percent: int


def list_levels(session: Session) -> list[LevelDTO]:
    rows = session.scalars(select(MemberLevel).order_by(MemberLevel.rank, MemberLevel.id))
    return [LevelDTO(r.id, r.name, r.rank, r.min_spend_cents, r.min_purchases, r.discount_percent) for r in rows]


def save_level(session: Session, name: str, rank: int, *, min_spend_cents: int | None = None,
               min_purchases: int | None = None, discount_percent: int = 100, level_id: int | None = None) -> int:
    """Create or update a level; ValidationError without a name, with a name another level has, without any
    threshold, or a discount outside 1–100 (percent of the price paid)."""
    if not name.strip():
        raise ValidationError("level_name_empty", field="name", value=name)
    taken = session.scalar(select(MemberLevel.id).where(MemberLevel.name == name.strip()))
    if taken is not None and taken != level_id:
        raise ValidationError("level_name_taken", field="name", value=name.strip())
    if min_spend_cents is None and min_purchases is None:
        raise ValidationError("level_threshold_missing", field="min_spend_cents", value=None)
    if not 1 <= discount_percent <= 100:
        raise ValidationError("level_discount_invalid", field="discount_percent", value=discount_percent)
    row = session.get(MemberLevel, level_id) if level_id else MemberLevel()
    if row is None:
        raise NotFound("level_not_found", entity="member_level", id=level_id)
    row.name, row.rank, row.discount_percent = name.strip(), rank, discount_percent
    row.min_spend_cents, row.min_purchases = min_spend_cents, min_purchases
    session.add(row)
    session.flush()
    return row.id


def delete_level(session: Session, level_id: int) -> int:
    """Delete a level; its members move to the highest remaining level they reach (no congratulate task:
    it is not an upgrade). Returns how many customers held the level."""
    row = session.get(MemberLevel, level_id)
    if row is None:
        raise NotFound("level_not_found", entity="member_level", id=level_id)
    members = list(session.scalars(select(Customer).where(Customer.member_level_id == level_id)))
    session.delete(row)
    session.flush()
    remaining = list_levels(session)
    for customer in members:
        new = level_for(remaining, customer.total_spend_cents, customer.purchase_days)
        customer.member_level_id = new.id if new else None
    session.flush()
    return len(members)


def level_for(levels: list[LevelDTO], spend_cents: int, purchase_days: int) -> LevelDTO | None:
    """The highest-ranked level reached (levels as from list_levels)."""
    reached = [lv for lv in levels
               if (lv.min_spend_cents is not None and spend_cents >= lv.min_spend_cents)
               or (lv.min_purchases is not None and purchase_days >= lv.min_purchases)]
    return max(reached, key=lambda lv: (lv.rank, lv.id)) if reached else None


def recompute_levels(session: Session, today: dt.date, customer_ids=None) -> int:
    """Set each customer's level (all when None); upgrades create a level_up task. Returns upgrades."""
    levels = list_levels(session)
    if not levels:
        return 0
    by_id = {lv.id: lv for lv in levels}
    query = select(Customer).where(Customer.deleted_at.is_(None))
    if customer_ids is not None:
        query = query.where(Customer.id.in_(list(customer_ids)))
    upgrades = 0
    for customer in session.scalars(query):
        new = level_for(levels, customer.total_spend_cents, customer.purchase_days)
        new_id = new.id if new else None
        if new_id == customer.member_level_id:
            continue
        old = by_id.get(customer.member_level_id)
        customer.member_level_id = new_id
        if new is not None and (old is None or new.rank > old.rank):
            upgrades += 1
            _congratulate(session, customer.id, new, old, today)
    session.flush()
    return upgrades


def _congratulate(session: Session, customer_id: int, new: LevelDTO, old: LevelDTO | None, today: dt.date) -> None:
    key = f"level_up:{customer_id}:{new.id}"
    if session.scalar(select(Reminder.id).where(Reminder.rule_key == key)) is not None:
        return
    facts = {"level": new.name, "previous": old.name if old else "", "discount_percent": new.discount_percent}
    session.add(Reminder(rule_key=key, kind="level_up", customer_id=customer_id, due_date=today, status="open",
                         facts_json=json.dumps(facts, ensure_ascii=False)))


def level_name(session: Session, customer_id: int) -> str:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.member_level_id is None:
        return ""
    level = session.get(MemberLevel, customer.member_level_id)
    return level.name if level else ""
