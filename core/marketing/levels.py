"""Member levels (DOMAIN.md §7): thresholds by spend or purchase days, a discount, automatic upgrades.

A customer holds the highest-ranked level whose spend threshold or purchase-days threshold they reach
(a None threshold does not apply). An upgrade earned by purchases (an order write) writes a `level_up` task
("congratulate") due today; rule_key `level_up:<customer>:<level>` keeps it to one task per level reached.
Defining or editing levels, imports and their undo move customers without a task (not a change the customer
made: it would flood Today); the task is a notice and expires like one (reminder.expire_notices_after_days).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks, table_of
from core.book.models import Customer, MemberLevel, Reminder
from core.errors import NotFound, ValidationError


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


def recompute_levels(session: Session, today: dt.date, customer_ids=None, *, congratulate: bool = True) -> int:
    """Set each customer's level (all when None); upgrades create a level_up task unless ``congratulate`` is False
    (an import: history is not an upgrade the customer just made, and a copy of a book read back from its export
    was congratulated in its source). Returns upgrades.

    Reads four columns per customer and writes only the customers whose level changes (a whole 100k book
    in well under a second), so it can follow every order write and every edit of the levels."""
    levels = list_levels(session)
    if not levels:
        return 0
    by_id = {lv.id: lv for lv in levels}
    session.flush()  # the figures just written by the caller are what counts
    table = table_of(Customer)
    query = select(table.c.id, table.c.total_spend_cents, table.c.purchase_days, table.c.member_level_id).where(
        table.c.deleted_at.is_(None))
    wanted = None if customer_ids is None else sorted(set(customer_ids))
    changes: list[dict] = []
    upgraded: list[tuple[int, LevelDTO, LevelDTO | None]] = []
    for part in [None] if wanted is None else in_chunks(wanted):
        rows = session.execute(query if part is None else query.where(table.c.id.in_(part)))
        for customer_id, spend, days, level_id in rows:
            new = level_for(levels, spend, days)
            new_id = new.id if new else None
            if new_id == level_id:
                continue
            changes.append({"cid": customer_id, "level": new_id})
            old = by_id.get(level_id)
            if new is not None and (old is None or new.rank > old.rank):
                upgraded.append((customer_id, new, old))
    if changes:
        session.execute(update(table).where(table.c.id == bindparam("cid")).values(member_level_id=bindparam("level"))
                        .execution_options(synchronize_session=False), changes)
        changed = {change["cid"] for change in changes}
        for loaded in list(session.identity_map.values()):  # loaded customers must see their new level
            if isinstance(loaded, Customer) and loaded.id in changed:
                session.expire(loaded, ["member_level_id"])
    if congratulate:
        _congratulate(session, upgraded, today)
    return len(upgraded)


def _congratulate(session: Session, upgraded: list[tuple[int, LevelDTO, LevelDTO | None]], today: dt.date) -> None:
    """A level_up task per upgrade, unless that customer was already congratulated on that level."""
    keys = {f"level_up:{customer_id}:{new.id}": (customer_id, new, old) for customer_id, new, old in upgraded}
    for part in in_chunks(list(keys)):
        for key in session.scalars(select(Reminder.rule_key).where(Reminder.rule_key.in_(part))):
            keys.pop(key, None)
    session.add_all(
        Reminder(rule_key=key, kind="level_up", customer_id=customer_id, due_date=today, status="open",
                 facts_json=json.dumps({"level": new.name, "previous": old.name if old else "",
                                        "discount_percent": new.discount_percent}, ensure_ascii=False))
        for key, (customer_id, new, old) in keys.items())
    session.flush()


@dataclass(frozen=True)
class MemberDiscount:
    """A member level's price: the customer pays `percent` % of the goods (95 = 5 % off)."""

    level: str
    percent: int

    def cents_off(self, goods_cents: int) -> int:
        """What the discount takes off goods worth `goods_cents` (rounded to the fen, never negative)."""
        return max(0, goods_cents - round(goods_cents * self.percent / 100))


def member_discount(session: Session, customer_id: int) -> MemberDiscount | None:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.member_level_id is None:
        return None
    level = session.get(MemberLevel, customer.member_level_id)
    if level is None or level.discount_percent >= 100:
        return None
    return MemberDiscount(level.name, level.discount_percent)


def level_name(session: Session, customer_id: int) -> str:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.member_level_id is None:
        return ""
    level = session.get(MemberLevel, customer.member_level_id)
    return level.name if level else ""
