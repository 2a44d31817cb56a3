"""What the writer (core.excel.writer) does differently for an import in rounds (core.excel.rounds): the orders of
each round inserted as they come, and the products that their lines' titles call for created once every round was
read — as one plan's titles resolved at once would have created them — their lines then given them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks
from core.book.models import Customer, Order, OrderItem
from core.excel.chunked import ANALYZE_AFTER, fresh_statistics
from core.excel.id_map import IdSet, RefMap
from core.excel.plan import ImportPlan, OrderDraft
from core.excel.rounds import Rounds
from core.free_memory import give_back

if TYPE_CHECKING:
    from core.excel.matching import BookIndex


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
    """The plan's rounds, if it is written in rounds. Its people are written in rounds too (``people_in_rounds``)
    into a book without customers; else they are made at once (held packed: core.excel.packed_people), to be matched
    against the book's. Into a book with orders, each round's orders are looked up there (``Rounds.in_book``:
    core.excel.round_book) — unless the file's rows are its orders' lines (``Rounds.summed``, a book that got orders
    since the plan was made: rounds.wanted), then every round's orders are taken as one plan's."""
    rounds = plan.rounds
    if not isinstance(rounds, Rounds):
        return None
    if rounds.people is not None and session.execute(select(Customer.id).limit(1)).first() is not None:
        plan.people, rounds.people = rounds.people.all(), None
    if session.execute(select(Order.id).limit(1)).first() is None:
        return rounds
    if not rounds.summed:
        rounds.in_book = True
        return rounds
    plan.orders = [draft for drafts in rounds for draft in drafts]
    plan.rounds = None
    return None


def people_in_rounds(writer: Any, index: BookIndex, rounds: Rounds) -> list[int]:
    """The customer ids of the people of an import in rounds into a book without customers (``in_rounds``), made
    and written ``rounds.ROUND_ROWS`` people at a time (BookWriter._write_people each time) as one plan writes them
    all: every tag first (in name order), then each round's customers in order (the same ids), their tags, aliases
    and points; the referrers once all are written (one may name a later round's customer). ``writer``: the
    core.excel.writer.BookWriter (which imports this module)."""
    people = rounds.people
    assert people is not None
    writer.tag_ids(people.tags)
    ids: list[int] = []
    created, created_ids, refs = IdSet(), IdSet(), RefMap()  # (held compactly to the last history row: id_map)
    referrers: list[tuple[int, str]] = []
    for drafts in people.in_rounds():
        writer.plan.people = drafts
        known = writer._write_people(index, no_orders(), rounds)
        assert not writer.counts.proposals, "a book without customers has none to propose"
        created.update(len(ids) + position for position in writer._created)
        created_ids.update(writer._created_ids)
        refs.update(writer._created_refs)
        referrers += [(known[position], person.fields["referrer_ref"]) for position, person in enumerate(drafts)
                      if person.fields.get("referrer_ref")]
        ids += known
        writer.plan.people = []
        del drafts
        give_back()
    writer._created, writer._created_ids, writer._created_refs = created, created_ids, refs
    writer.counts.customers_created = len(created)
    referred = {customer_id: refs[ref] for customer_id, ref in referrers if refs.get(ref) not in (None, customer_id)}
    for batch in in_chunks(list(referred)):  # (those of one round were given theirs: own_export)
        for customer_id, current in writer.session.execute(
                select(Customer.id, Customer.referred_by_id).where(Customer.id.in_(batch))).all():
            if current is None:
                writer.session.execute(update(Customer).where(Customer.id == customer_id)
                                       .values(referred_by_id=referred[customer_id]))
    return ids


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
