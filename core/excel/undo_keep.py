"""What an undo keeps of the rows the undone import created (core.excel.batches.undo_import).

A customer or an order the undone import created is deleted with it — unless something happened to it since:

- a later import (a batch after it, still ``done``) changed it or one of its children: an ``import_change`` line
  on the order, on one of its lines (``order_item``: a line it added or changed), on the customer, on one of
  their tags (``customer_tag``) or aliases (``customer_alias``);
- or a later import still done held it or one of its lines as its file says them, or behind them (an older export
  read after: core.excel.holds) — it vouches for them too;
- or the seller edited it in the app: its ``version`` is past what the imports account for (1 when created, one
  more for each change line of an import on it — an undo that recounts or restates a row it passes on records one
  for the import it passes to — one more again for each of those that was undone since).

Such a row is kept, with what the undone import gave it left as it is (its fields, the customer's tags and
aliases from that import), and counted (``UndoResult.rows_kept``). It belongs from then on to the first later
import that changed or held it (``KeptRows.owner``, its ``import_batch_id``): undoing that import in turn takes it
away, unless an import after that one holds it; a row the seller edited belongs to none. A kept order keeps its
customer. A kept
Douyin order whose lines are numbered loses the lines only the undone import gave (no later import changed or
held them, no edit of the seller touched them), so long as a line stays: its money is then its lines'
(sub_orders.recount_orders).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select, update

from core.book.dialect import in_chunks
from core.book.models import Customer, CustomerAlias, ImportBatch, ImportChange, Order, OrderItem
from core.excel.cleaning import status_behind
from core.excel.edits import CREATED, edited_since
from core.excel.holds import Held
from core.excel.sub_orders import line_behind
from core.order_fields import is_purchase_status

_WATCHED = ("orders", "order_item", "customer", "customer_tag", "customer_alias")


@dataclass(slots=True)
class KeptRows:
    """The undone batch's rows that stay: orders, customers, the aliases of those customers (their changes are
    not undone), and the lines of kept orders to delete (only the undone import gave them)."""

    orders: set[int] = field(default_factory=set)
    customers: set[int] = field(default_factory=set)
    aliases: set[int] = field(default_factory=set)
    lines_dropped: list[int] = field(default_factory=list)
    edited_orders: set[int] = field(default_factory=set)  # of the kept orders, those the seller edited
    # (table, id) of a kept row → the first later import that changed or held it, which it then belongs to (an undo
    # of that import takes it away, unless an import after that one holds it in turn); a row the seller edited
    # belongs to none
    owner: dict[tuple[str, int], int] = field(default_factory=dict)

    def by(self, table: str, row_id: int, later: int) -> None:
        """The row stays for the later import ``later`` (the first such import owns it)."""
        (self.orders if table == "orders" else self.customers).add(row_id)
        self.owner[(table, row_id)] = min(later, self.owner.get((table, row_id), later))

    def holds(self, table: str, row_id: int) -> bool:
        """Whether the undone batch's change of this row is left as it is (the row belongs to a kept one)."""
        if table in ("customer", "customer_tag"):
            return row_id in self.customers
        if table == "customer_alias":
            return row_id in self.aliases
        return table == "orders" and row_id in self.orders


def rows_kept(session, batch_id: int, held: Held) -> KeptRows:
    """The rows created by batch ``batch_id`` that a later import changed or ``held`` or the seller changed since
    (module docstring), with the import each passes to (``KeptRows.owner``)."""
    kept = KeptRows()
    created_orders = set(session.scalars(select(Order.id).where(Order.import_batch_id == batch_id)))
    created_customers = set(session.scalars(select(Customer.id).where(Customer.import_batch_id == batch_id)))
    if not created_orders and not created_customers:
        return kept
    later_items: dict[int, int] = {}  # line → the first later import that changed or held it
    aliases: dict[int, int] = {}
    later = select(ImportChange.table_name, ImportChange.row_id, ImportChange.batch_id).join(
        ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
        ImportBatch.id > batch_id, ImportBatch.status == "done", ImportChange.table_name.in_(_WATCHED))
    for table, row_id, later_id in session.execute(later):
        if table == "orders" and row_id in created_orders:
            kept.by("orders", row_id, later_id)
        elif table == "order_item":
            later_items[row_id] = min(later_id, later_items.get(row_id, later_id))
        elif table in ("customer", "customer_tag") and row_id in created_customers:
            kept.by("customer", row_id, later_id)
        elif table == "customer_alias":
            aliases[row_id] = min(later_id, aliases.get(row_id, later_id))
    for table, rows, tables in (("orders", created_orders, ("orders",)),
                                ("customer", created_customers, ("customer", "customer_tag"))):
        for row_id in rows:
            for name in tables:
                if (holder := held.holder(name, row_id)) is not None:
                    kept.by(table, row_id, holder)
    if held.any("order_item"):
        for item_id in held.ids_in("order_item", _lines_of(session, created_orders)):
            holder = held.holder("order_item", item_id)
            assert holder is not None
            later_items[item_id] = min(holder, later_items.get(item_id, holder))
    for item_id, order_id in _of(session, OrderItem.order_id, OrderItem.id, set(later_items)).items():
        if order_id in created_orders:
            kept.by("orders", order_id, later_items[item_id])
    for alias_id, customer_id in _of(session, CustomerAlias.customer_id, CustomerAlias.id, set(aliases)).items():
        if customer_id in created_customers:
            kept.by("customer", customer_id, aliases[alias_id])
    edited_orders = _edited(session, Order, "orders", batch_id)
    kept.orders |= edited_orders
    kept.edited_orders = edited_orders
    edited_customers = _edited(session, Customer, "customer", batch_id)
    kept.customers |= edited_customers
    for order_id, customer_id in _of(session, Order.customer_id, Order.id, kept.orders).items():
        if customer_id in created_customers:  # a kept order keeps its customer
            kept.customers.add(customer_id)
            if order_id not in edited_orders and (owner := kept.owner.get(("orders", order_id))) is not None:
                kept.by("customer", customer_id, owner)
    for table, edited in (("orders", edited_orders), ("customer", edited_customers)):
        for row_id in edited:
            kept.owner.pop((table, row_id), None)
    kept.aliases = {alias_id for ids in in_chunks(sorted(kept.customers)) for alias_id in session.scalars(
        select(CustomerAlias.id).where(CustomerAlias.customer_id.in_(ids)))}
    kept.lines_dropped = _lines_only_it_gave(session, kept.orders - edited_orders, set(later_items))
    return kept


def _lines_of(session, order_ids: set[int]) -> list[int]:
    """The ids of these orders' lines."""
    return [item_id for chunk in in_chunks(sorted(order_ids))
            for item_id in session.scalars(select(OrderItem.id).where(OrderItem.order_id.in_(chunk)))]


def _of(session, column, key, ids: set[int]) -> dict[int, int]:
    """key → column for the rows of these ids (one query a chunk)."""
    return {row_id: value for chunk in in_chunks(sorted(ids))
            for row_id, value in session.execute(select(key, column).where(key.in_(chunk)))}


def _edited(session, model, table: str, batch_id: int) -> set[int]:
    """The rows the batch created whose version is past what the imports that changed them account for."""
    versions = dict(session.execute(select(model.id, model.version).where(
        model.import_batch_id == batch_id, model.version > 1)).all())
    return edited_since(session, table, versions)


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


def take_later_states(session, batch_id: int, held: Held, keep: KeptRows, changes, moved: list[dict]) -> set[int]:
    """The rows the undone import created (kept) or changed whose state a later import still done gave behind the
    book's (an older export read after it: ``Held.behind``, the furthest on of them) take the state that import said
    of them when it is what remains (an order created: no refund when that import gave none, as it would read
    alone): a row the undone import created (or owns: a kept order and its lines, whatever
    it put back came from an import undone before), when no later import changed its state or held it as it is; a
    row it changed, when that state is further on than the one put back (as the older export would have moved it on,
    read alone) and no import after it changed the row. That import then records the change (``moved``: its undo
    puts the state back). Returns the orders whose lines took a state (their status is then their lines')."""
    created_orders = keep.orders - keep.edited_orders
    changed = {(change.table_name, change.row_id): change.old_values_json == CREATED for change in changes
               if change.table_name in ("orders", "order_item")}
    scope = {("orders", order_id): True for order_id in created_orders}
    behind = {table: held.behind(table, partial(_further, table)) for table in ("orders", "order_item")}
    if behind["order_item"]:
        scope.update((("order_item", item_id), True) for item_id in _lines_of(session, created_orders))
    for key, created in changed.items():  # (a row of an order the undone import now owns: its own, whatever it put
        scope.setdefault(key, created)  # back came from an import undone before)
    found = {(table, row_id): (later, values, scope[(table, row_id)]) for table in ("orders", "order_item")
             for row_id, (later, values) in behind[table].items() if (table, row_id) in scope}
    if not found:
        return set()
    since = _later_changes(session, batch_id, found)
    restated: set[int] = set()
    for (table, row_id), (later, values, created) in found.items():
        model, state = (Order, "status") if table == "orders" else (OrderItem, "line_state")
        if table == "orders" and "status" in values:
            values = {**values, "is_purchase": is_purchase_status(values["status"])}
            if created:  # an export without a refund (no such column) gives the order it creates none
                values.setdefault("refund_cents", 0)
        columns = model.__table__.c
        row = session.execute(select(*[columns[name] for name in values]).where(model.id == row_id)).one_or_none()
        if row is None:
            continue
        before = dict(zip(values, row, strict=True))
        now = before[state]
        if values.get(state) in (None, now):
            continue
        if created:
            if (table, row_id) in since or state in held.fields(table, row_id):
                continue  # a later import changed it, or held it as it is
        elif since.get((table, row_id), 0) > later or (
                _behind(table, now, values[state])):
            continue
        moved.append({"batch_id": later, "table_name": table, "row_id": row_id,
                      "old_values_json": json.dumps(before, ensure_ascii=False),
                      "new_values_json": json.dumps(values, ensure_ascii=False)})
        if table == "orders":
            session.execute(update(Order).where(Order.id == row_id).values(**values, version=Order.version + 1))
        else:
            session.execute(update(OrderItem).where(OrderItem.id == row_id).values(**values))
            restated.update(session.scalars(select(OrderItem.order_id).where(OrderItem.id == row_id)))
    return restated


def _further(table: str, one: dict, other: dict) -> bool:
    """Whether the state ``one`` says of a row is further on than what ``other`` says (their row of ``table``)."""
    state = "status" if table == "orders" else "line_state"
    return one.get(state) is not None and other.get(state) is not None and _behind(table, one[state], other[state])


def _behind(table: str, now: str, state: str) -> bool:
    return status_behind(now, state) if table == "orders" else line_behind(now, state)


def _later_changes(session, batch_id: int, rows) -> dict[tuple[str, int], int]:
    """(table, row id) → the newest import after ``batch_id``, still done, that changed it, for these rows."""
    newest: dict[tuple[str, int], int] = {}
    for table in ("orders", "order_item"):
        ids = sorted(row_id for name, row_id in rows if name == table)
        for chunk in in_chunks(ids):
            query = select(ImportChange.row_id, ImportChange.batch_id).join(
                ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
                ImportBatch.id > batch_id, ImportBatch.status == "done", ImportChange.table_name == table,
                ImportChange.row_id.in_(chunk))
            for row_id, later in session.execute(query):
                newest[(table, row_id)] = max(later, newest.get((table, row_id), 0))
    return newest
