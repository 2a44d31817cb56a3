"""What an undo keeps of the rows the undone import created (core.excel.batches.undo_import).

A customer or an order the undone import created is deleted with it — unless something happened to it since:

- a later import (a batch after it, still ``done``) changed it or one of its children: an ``import_change`` line
  on the order, on one of its lines (``order_item``: a line it added or changed), on the customer, on one of
  their tags (``customer_tag``) or aliases (``customer_alias``);
- or the seller edited it in the app: its ``version`` is past what the imports account for (1 when created, one
  more for each import that changed it, one more again for each of those that was undone since).

Such a row is kept, with what the undone import gave it left as it is (its fields, the customer's tags and
aliases from that import), and counted (``UndoResult.rows_kept``). A kept order keeps its customer. A kept
Douyin order whose lines are numbered loses the lines only the undone import gave (no later import and no edit
of the seller touched them), so long as a line stays: its money is then its lines' (sub_orders.recount_orders).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from core.book.dialect import in_chunks
from core.book.models import Customer, CustomerAlias, ImportBatch, ImportChange, Order, OrderItem
from core.excel.writer import CREATED

_WATCHED = ("orders", "order_item", "customer", "customer_tag", "customer_alias")


@dataclass(slots=True)
class KeptRows:
    """The undone batch's rows that stay: orders, customers, the aliases of those customers (their changes are
    not undone), and the lines of kept orders to delete (only the undone import gave them)."""

    orders: set[int] = field(default_factory=set)
    customers: set[int] = field(default_factory=set)
    aliases: set[int] = field(default_factory=set)
    lines_dropped: list[int] = field(default_factory=list)

    def holds(self, table: str, row_id: int) -> bool:
        """Whether the undone batch's change of this row is left as it is (the row belongs to a kept one)."""
        if table in ("customer", "customer_tag"):
            return row_id in self.customers
        if table == "customer_alias":
            return row_id in self.aliases
        return table == "orders" and row_id in self.orders


def rows_kept(session, batch_id: int) -> KeptRows:
    """The rows created by batch ``batch_id`` that a later import or the seller changed since (module docstring)."""
    kept = KeptRows()
    created_orders = set(session.scalars(select(Order.id).where(Order.import_batch_id == batch_id)))
    created_customers = set(session.scalars(select(Customer.id).where(Customer.import_batch_id == batch_id)))
    if not created_orders and not created_customers:
        return kept
    later_items: set[int] = set()
    later = select(ImportChange.table_name, ImportChange.row_id).join(
        ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
        ImportBatch.id > batch_id, ImportBatch.status == "done", ImportChange.table_name.in_(_WATCHED))
    aliases: set[int] = set()
    for table, row_id in session.execute(later):
        if table == "orders" and row_id in created_orders:
            kept.orders.add(row_id)
        elif table == "order_item":
            later_items.add(row_id)
        elif table in ("customer", "customer_tag") and row_id in created_customers:
            kept.customers.add(row_id)
        elif table == "customer_alias":
            aliases.add(row_id)
    item_orders = _of(session, OrderItem.order_id, OrderItem.id, later_items)
    kept.orders.update(order_id for order_id in item_orders.values() if order_id in created_orders)
    kept.customers.update(customer_id for customer_id in _of(session, CustomerAlias.customer_id, CustomerAlias.id,
                                                              aliases).values() if customer_id in created_customers)
    edited_orders = _edited(session, Order, "orders", batch_id)
    kept.orders |= edited_orders
    kept.customers |= _edited(session, Customer, "customer", batch_id)
    kept.customers.update(created_customers.intersection(_of(session, Order.customer_id, Order.id, kept.orders).values()))
    kept.aliases = {alias_id for ids in in_chunks(sorted(kept.customers)) for alias_id in session.scalars(
        select(CustomerAlias.id).where(CustomerAlias.customer_id.in_(ids)))}
    kept.lines_dropped = _lines_only_it_gave(session, kept.orders - edited_orders, later_items)
    return kept


def _of(session, column, key, ids: set[int]) -> dict[int, int]:
    """key → column for the rows of these ids (one query a chunk)."""
    return {row_id: value for chunk in in_chunks(sorted(ids))
            for row_id, value in session.execute(select(key, column).where(key.in_(chunk)))}


def _edited(session, model, table: str, batch_id: int) -> set[int]:
    """The rows the batch created whose version is past what the imports that changed them account for."""
    versions = dict(session.execute(select(model.id, model.version).where(
        model.import_batch_id == batch_id, model.version > 1)).all())
    if not versions:
        return set()
    expected: Counter[int] = Counter(dict.fromkeys(versions, 1))
    for chunk in in_chunks(sorted(versions)):
        query = select(ImportChange.row_id, ImportBatch.status).join(
            ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
            ImportChange.table_name == table, ImportChange.row_id.in_(chunk), ImportChange.old_values_json != CREATED)
        for row_id, status in session.execute(query):
            expected[row_id] += 2 if status == "undone" else 1
    return {row_id for row_id, version in versions.items() if version > expected[row_id]}


def _lines_only_it_gave(session, order_ids: set[int], later_items: set[int]) -> list[int]:
    """The lines of these kept orders (numbered Douyin lines only) that no later import added or changed, when
    at least one line of the order stays."""
    dropped: list[int] = []
    lines: dict[int, list[tuple[int, str | None]]] = {}
    for chunk in in_chunks(sorted(order_ids)):
        for item_id, order_id, ref in session.execute(select(OrderItem.id, OrderItem.order_id, OrderItem.line_ref)
                                                      .where(OrderItem.order_id.in_(chunk))):
            lines.setdefault(order_id, []).append((item_id, ref))
    for have in lines.values():
        if not all(ref for _item_id, ref in have):
            continue
        gone = [item_id for item_id, _ref in have if item_id not in later_items]
        if len(gone) < len(have):
            dropped.extend(gone)
    return dropped

