"""Items of an item-level detail file (Taobao 宝贝明细) added to orders already in the book.

A detail file carries no customer: each line names an order (platform + 订单编号) and one item of it.
Lines of an order created by the same import were joined to it already (core.excel.importer). For an
order already in the book:

- lines already on the order (same title, specification and quantity, counted as a multiset) are left
  alone, so importing the same detail file again adds nothing;
- when the order has exactly one item and none of several lines of the file is that item, the item is the
  order report's summary line (宝贝标题 + 宝贝总数量 of the whole order): the first line replaces it and the
  other lines are added;
- otherwise a line of the file left is a line of the order left of the same title and specification (the
  seller changed its quantity in the app: their line stands for the file's, whole) and the lines still missing
  are added — unless the seller removed them in the app (``seller_removed``: every line of the order is one of the
  file's, amount included — its lines came from a detail file, a summary line has the whole order's quantity and
  goods —, and the seller saved the order since the imports): then none is added back; nothing is removed.

The order's paid follows what the seller changed (``seller_lines_paid``, before the order rows are compared:
core.excel.writer): an order whose lines the seller changed is paid as much more or less than the file says as
they changed its lines by, so its lines, goods and paid agree whether the same file comes again or a newer one.

An order already in the book that comes again as several rows that are its lines (a Douyin export's
sub-orders: ``OrderDraft.rows_are_lines``) and whose lines have no numbers in the book (imported before
migration 0006; numbered ones are merged by core.excel.sub_orders) gets the lines it lacks (compared as above) when the file has at
least that many lines more than the order: an earlier export held some of its sub-orders only. When more
lines are missing than that (the seller edited a line in the book) nothing is added: a line already in the
book is never added twice, and the same file imported again adds nothing. The order's goods amount grows by
the added lines when it was the sum of its lines.

Every added item and every replaced value is recorded in ``import_change`` so undoing the batch removes
exactly what it added and puts the summary line back. Lines whose order is in neither the book nor the
same import are skipped rows (code ``order_not_in_book``) naming file, sheet, row and the order-number
column.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from core.book.models import Order, OrderItem
from core.excel.edits import edited_since
from core.excel.holds import Holds
from core.excel.matching import ExistingOrder, chunks
from core.excel.plan import ImportPlan, OrderDraft
from core.excel.records import RowError

_COLUMNS = ("title", "sku_spec", "quantity", "unit_price_cents", "amount_cents", "product_id")
_HELD = _COLUMNS[:5]  # what a line of the file vouches for (core.excel.holds)


# what an import records of a line it adds to a book order: an undo removes the line of that order that still says
# so (the seller did not edit it since), whatever its id (the app saves an order's lines anew: core.excel.batches)
ADDED_LINE = ("order_id", "title", "sku_spec", "quantity", "unit_price_cents", "amount_cents", "line_ref",
              "line_state")


class Record(Protocol):
    """Keeps for undo a row created (``old`` None) or a change: the values replaced, and those written."""

    def __call__(self, table: str, row_id: int, old: dict[str, Any] | None,
                 new: dict[str, Any] | None = None) -> None: ...


@dataclass(slots=True)
class DetailOutcome:
    """What the detail lines did to orders already in the book. ``orders_updated`` / ``orders_unchanged``
    count only orders that the same import did not also bring as order rows (those are counted there)."""

    items_added: int = 0
    items_replaced: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0


def _line_key(values: Mapping[str, Any]) -> tuple[str, str, int]:
    return values["title"], values["sku_spec"], values["quantity"]


def _line_values(item: Mapping[str, Any], link: Callable[[str], int | None]) -> dict[str, Any]:
    """The order_item columns of one detail line (the amount is price × quantity when not given)."""
    title, quantity = item.get("product_title", ""), item.get("quantity", 1)
    unit_price = item.get("unit_price_cents", 0)
    return {"title": title, "sku_spec": item.get("sku_spec", ""), "quantity": quantity,
            "unit_price_cents": unit_price, "amount_cents": item.get("amount_cents", unit_price * quantity),
            "product_id": link(title)}


def attach_detail_items(session: Session, plan: ImportPlan, book_orders: Mapping[tuple[str, str], ExistingOrder],
                        link: Callable[[str], int | None], record: Record, touched: set[int],
                        unchanged: Collection[int] = (), holds: Holds | None = None) -> DetailOutcome:
    """Add the plan's detail lines, and the lines of its orders of line rows, to ``book_orders`` (the orders the
    book held before this import) as the module docstring says; report the lines of unknown orders in
    ``plan.errors``. ``record(table, row_id, old_values or None)`` keeps what undo needs; customers whose orders
    changed are added to ``touched``. ``unchanged``: the ids of those orders the import counted unchanged (one
    that gets lines is counted updated instead). The book lines a line of the file is go to ``holds``
    (core.excel.holds), with the values it gives as the book has them: an undo of the import that added them keeps
    them for this one."""
    outcome = DetailOutcome()
    imported = {(order.platform, order.platform_order_no) for order in plan.orders} if plan.detail_items else set()
    found = {key: book_orders[key] for key in plan.detail_items if key in book_orders}
    _report_unknown(plan, [key for key in plan.detail_items if key not in found and key not in imported])
    lines = {key: draft.items for draft in plan.orders
             if draft.rows_are_lines and not draft.lines_written and len(draft.items) > 1
             and (key := (draft.platform, draft.platform_order_no)) in book_orders and key not in found}
    current = _current_items(session, [order.id for order in found.values()]
                             + [book_orders[key].id for key in lines])
    added: list[dict[str, Any]] = []
    grown: dict[int, tuple[int, int]] = {}  # order id → its lines' amount before, the added lines' amount
    wants = {key: [_line_values(item, link) for item in plan.detail_items[key]] for key in found}
    removed = seller_removed(session, {order.id: (current.get(order.id, []), wants[key]) for key, order in found.items()})
    for key, order in found.items():
        wanted = wants[key]
        have = current.get(order.id, [])
        missing = _missing(wanted, have, holds, summary=True)
        replaced = bool(missing) and len(have) == 1 and len(missing) == len(wanted)
        if missing and not replaced and order.id in removed:
            missing = []  # lines the seller removed in the app: not added back
        if replaced:
            _replace(session, have[0], missing.pop(0), record)
            outcome.items_replaced += 1
        added.extend({"order_id": order.id, **values} for values in missing)
        outcome.items_added += len(missing)
        if replaced or missing:
            touched.add(order.customer_id)
            outcome.orders_updated += key not in imported
        else:
            outcome.orders_unchanged += key not in imported
    for key, items in lines.items():
        order = book_orders[key]
        have = current.get(order.id, [])
        missing = _missing([_line_values(item, _no_link) for item in items], have, holds)
        if not missing or len(missing) > len(items) - len(have):
            continue  # every line is there, or the book's lines cannot be told from the file's: nothing added
        added.extend({"order_id": order.id, **values, "product_id": link(values["title"])} for values in missing)
        grown[order.id] = (sum(line["amount_cents"] for line in have), sum(line["amount_cents"] for line in missing))
        outcome.items_added += len(missing)
        touched.add(order.customer_id)
        if order.id in unchanged:
            outcome.orders_updated += 1
            outcome.orders_unchanged -= 1
    for batch in chunks(added):
        ids = session.scalars(insert(OrderItem).returning(OrderItem.id, sort_by_parameter_order=True), batch)
        for item_id, values in zip(ids, batch, strict=True):
            record("order_item", item_id, None, {name: values.get(name) for name in ADDED_LINE})
    _grow_goods(session, grown, record)
    return outcome


def _grow_goods(session: Session, grown: Mapping[int, tuple[int, int]], record: Record) -> None:
    """The goods amount of each order of ``grown`` that was the sum of its lines grows by the lines added."""
    for batch in chunks(grown):
        for order_id, goods in session.execute(select(Order.id, Order.goods_cents).where(Order.id.in_(batch))).all():
            before, more = grown[order_id]
            if goods == before and more:
                record("orders", order_id, {"goods_cents": goods}, {"goods_cents": goods + more})
                session.execute(update(Order).where(Order.id == order_id)
                                .values(goods_cents=goods + more, version=Order.version + 1))


def _missing(wanted: list[dict[str, Any]], have: list[dict[str, Any]], holds: Holds | None = None,
             summary: bool = False) -> list[dict[str, Any]]:
    """The wanted lines the order does not have (title, specification and quantity, as a multiset; then a wanted
    line left is a book line left of the same title and specification: the seller changed its quantity in the
    app, and their line stands for the file's); each book line that is one of them goes to ``holds``, with the
    values the wanted line gives as the line has them. ``summary``: an order of one line that none of several
    wanted lines is by title, specification and quantity has the order report's summary line: all are missing."""
    on_order: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for line in have:
        on_order.setdefault(_line_key(line), []).append(line)
    missing = []
    for values in wanted:
        if same := on_order.get(_line_key(values)):
            _held(same.pop(0), values, holds)
        else:
            missing.append(values)
    if summary and len(have) == 1 and len(missing) == len(wanted) > 1:
        return missing  # the order report's summary line (replaced by the first)
    left = [line for lines in on_order.values() for line in lines]
    for values in list(missing):  # a line whose quantity the seller changed in the app stands for the file's
        if same := [line for line in left if (line["title"], line["sku_spec"]) == (values["title"], values["sku_spec"])]:
            left.remove(same[0])
            missing.remove(values)
            _held(same[0], values, holds)
    return missing


def seller_removed(session: Session, orders: Mapping[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> set[int]:
    """Of these orders (id → the book's lines, the file's lines: title, sku_spec, quantity, amount_cents), those
    that lack lines of the file because the seller removed them in the app: every book line is one of the file's,
    amount included (``_each_a_line_of``: the order's lines came from a detail file, not the order report's summary
    line), the file has more, and the seller saved the order since the imports (core.excel.edits.edited_since: an
    order never edited lacking a line got it from an export that did not hold it)."""
    subset = [order_id for order_id, (have, wanted) in orders.items()
              if len(wanted) > len(have) and _each_a_line_of(have, wanted)]
    versions = {order_id: version for chunk in chunks(subset) for order_id, version in
                session.execute(select(Order.id, Order.version).where(Order.id.in_(chunk)))}
    return edited_since(session, "orders", versions)


def _each_a_line_of(have: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> bool:
    """Whether every book line is a line of the file, its amount included (each a different one)."""
    left = [(line["title"], line["sku_spec"], line["quantity"], line["amount_cents"]) for line in wanted]
    for line in have:
        key = (line["title"], line["sku_spec"] or "", line["quantity"], line["amount_cents"])
        if key not in left:
            return False
        left.remove(key)
    return bool(have)


def _held(line: dict[str, Any], values: dict[str, Any], holds: Holds | None) -> None:
    if holds is not None:
        holds.hold("order_item", line["id"], [name for name in _HELD if line[name] == values[name]])


def seller_lines_paid(session: Session, known: Sequence[tuple[ExistingOrder, OrderDraft]]) -> None:
    """An order of the book whose lines the seller changed in the app (its goods are its lines', and their amount is
    not the file's) is, read again, paid as much more or less than the file says as the seller changed its lines'
    amount by (the order dialog's paid follows the goods: core.orders), as a Douyin line is
    (line_states.counted_state): the same file changes nothing and the order's paid and lines agree, while a newer
    word of the file on its paid applies, moved the same. The change is that of all its lines when each line of the
    file is one of them by title and specification (a line of the seller's own counts; a summary line, the order
    report's, stands for all), else (the file has lines the book lacks: an earlier export held some of them only,
    the others are added; not when they are lines the seller removed, ``seller_removed``) that of the lines of the
    book the file's are. An order unpaid in the book and the file
    keeps the paid the seller left (nothing paid yet). Sets the drafts' ``paid_cents`` before the writer compares
    them (``BookWriter._update_order``); orders merged by their numbered lines (core.excel.sub_orders) are left."""
    drafts = {existing.id: draft for existing, draft in known if not draft.lines_written and draft.items
              and draft.fields.get("paid_cents") is not None}
    lines: dict[int, list[tuple[str, str, int, bool, int]]] = {}
    for batch in chunks(drafts):
        query = select(OrderItem.order_id, OrderItem.title, OrderItem.sku_spec, OrderItem.amount_cents,
                       OrderItem.line_ref, OrderItem.line_state, OrderItem.quantity).where(OrderItem.order_id.in_(batch))
        for order_id, title, spec, amount, ref, state, quantity in session.execute(query):
            lines.setdefault(order_id, []).append((title, spec or "", amount or 0, bool(ref or state), quantity))
    removed = seller_removed(session, {order_id: (
        [{"title": title, "sku_spec": spec, "quantity": quantity, "amount_cents": amount}
         for title, spec, amount, _numbered, quantity in have],
        [_line_values(item, _no_link) for item in drafts[order_id].items])
        for order_id, have in lines.items() if not drafts[order_id].rows_are_lines})
    for batch in chunks(list(lines)):
        orders = select(Order.id, Order.status, Order.paid_cents, Order.goods_cents).where(Order.id.in_(batch))
        for order_id, status, paid, goods in session.execute(orders):
            have, draft = lines[order_id], drafts[order_id]
            if goods != sum(line[2] for line in have) or any(line[3] for line in have):
                continue  # goods not its lines' (typed), or a platform's numbered lines (core.excel.sub_orders)
            left, paired, new = list(have), 0, False
            for item in draft.items:
                line = next((line for line in left if line[:2] == (item.get("product_title", ""),
                                                                   item.get("sku_spec", ""))), None)
                if line is None:
                    new = True  # a line the book lacks (added by attach_detail_items)
                else:
                    left.remove(line)
                    paired += line[2] - item.get("amount_cents", 0)
            new = new and order_id not in removed  # (lines the seller removed are not added back: attach_detail_items)
            more = paired if new else goods - sum(item.get("amount_cents", 0) for item in draft.items)
            if not more:
                continue
            unpaid = status == draft.fields.get("status") == "unpaid"
            draft.fields["paid_cents"] = paid if unpaid else max(draft.fields["paid_cents"] + more, 0)


def _no_link(_title: str) -> None:
    return None


def _report_unknown(plan: ImportPlan, keys: list[tuple[str, str]]) -> None:
    for error in unknown_order_errors(plan, keys):
        plan.errors.append(error)
        plan.skipped_rows.add((error.file, error.sheet, error.row))
        plan.rows_read -= 1


def unknown_order_errors(plan: ImportPlan, keys: Sequence[tuple[str, str]]) -> list[RowError]:
    """The ``order_not_in_book`` errors of the detail lines of the orders ``keys`` (also found while planning,
    core.excel.importer, so that an all-or-nothing import is refused before it writes)."""
    return [RowError(file, sheet, row, plan.detail_columns.get((file, sheet), ""), "order_not_in_book", key[1])
            for key in keys for file, sheet, row in plan.detail_rows.get(key, ())]


def _current_items(session: Session, order_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """order id → its items (id and the compared columns), in insertion order."""
    items: dict[int, list[dict[str, Any]]] = {}
    columns = [getattr(OrderItem, name) for name in _COLUMNS]
    for batch in chunks(order_ids):
        query = select(OrderItem.id, OrderItem.order_id, *columns).where(OrderItem.order_id.in_(batch))
        for item_id, order_id, *values in session.execute(query.order_by(OrderItem.id)):
            items.setdefault(order_id, []).append({"id": item_id, **dict(zip(_COLUMNS, values, strict=True))})
    return items


def _replace(session: Session, summary: dict[str, Any], values: dict[str, Any], record: Record) -> None:
    """Turn the order's summary item into the first detail line, keeping its old values for undo."""
    changed = {name: value for name, value in values.items() if summary[name] != value}
    record("order_item", summary["id"], {name: summary[name] for name in changed}, changed)
    session.execute(update(OrderItem).where(OrderItem.id == summary["id"]).values(**changed))
