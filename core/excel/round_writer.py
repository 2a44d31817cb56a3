"""What the writer (core.excel.writer) does differently for an import in rounds (core.excel.rounds): the orders of
each round inserted as they come, and the products that their lines' titles call for created once every round was
read — as one plan's titles resolved at once would have created them — their lines then given them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks
from core.book.models import Order, OrderItem
from core.excel.chunked import ANALYZE_AFTER, fresh_statistics
from core.excel.plan import ImportPlan, OrderDraft
from core.excel.rounds import Rounds


@dataclass(slots=True)
class NewOrders:
    """Orders of the plan the book does not have yet: their drafts and, position for position, the order
    table's columns to insert."""

    drafts: list[OrderDraft]
    columns: dict[str, list[Any]]


def no_orders() -> NewOrders:
    """The new orders of an import in rounds when its people are written: none yet (their figures come after)."""
    return NewOrders([], {name: [] for name in ("order_date", "paid_cents", "refund_cents", "is_purchase")})


def in_rounds(session: Session, plan: ImportPlan) -> Rounds | None:
    """The plan's rounds, if it is written in rounds. A book that got orders since the plan was made (a shared book)
    takes every round's orders as one plan's (what an import in rounds leaves out is the lookup of its orders)."""
    rounds = plan.rounds
    if not isinstance(rounds, Rounds):
        return None
    if session.execute(select(Order.id).limit(1)).first() is None:
        return rounds
    plan.orders = [draft for drafts in rounds for draft in drafts]
    plan.rounds = None
    return None


def link_created(session: Session, batch_id: int, created: dict[str, int]) -> None:
    """The lines of the batch's orders whose title had no product until now (``created``: title → product) get it.
    On PostgreSQL the tables the rounds filled are analyzed first (chunked.fresh_statistics): planned as for the
    empty tables they were, the join of 120,000 lines with the batch's orders ran for over ten minutes (seen in CI)."""
    if not created:
        return
    fresh_statistics(session, ANALYZE_AFTER)  # (an import in rounds is always a large one)
    ours = select(Order.id).where(Order.import_batch_id == batch_id)
    for titles in in_chunks(sorted(created)):
        session.execute(update(OrderItem).where(OrderItem.product_id.is_(None), OrderItem.title.in_(titles),
                                                OrderItem.order_id.in_(ours))
                        .values(product_id=case({title: created[title] for title in titles}, value=OrderItem.title))
                        .execution_options(synchronize_session=False))
