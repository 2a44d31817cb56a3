"""Import batches: list them and undo one (rows it created go, values it changed come back)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, replace
from functools import partial

from sqlalchemy import Date, DateTime, delete, exists, select, update

from core import clock
from core.book.dialect import in_chunks
from core.book.models import (
    Campaign,
    Customer,
    CustomerAlias,
    CustomerTag,
    ImportBatch,
    ImportChange,
    ImportHold,
    MemberLevel,
    MessageTemplate,
    Order,
    OrderItem,
    Product,
    Tag,
    VersionedMixin,
)
from core.errors import NotFound, RejectedInput
from core.excel import deferred_indexes
from core.excel.bulk_insert import bulk_insert
from core.excel.detail_items import ADDED_LINE
from core.excel.edits import CREATED
from core.excel.holds import Held
from core.excel.sub_orders import recount_orders
from core.excel.undo_keep import rows_kept, take_later_states
from core.excel.undo_own import before_undo, status_with_refund
from core.excel.undo_products import settle_products
from core.order_writes import after_orders_written
from core.product_links import CycleWatch
from core.tags import refresh_tag_names

log = logging.getLogger(__name__)

_TABLES: dict[str, type[Customer | Order | Product | OrderItem | MemberLevel | MessageTemplate | Campaign | Tag]] = {
    "customer": Customer, "orders": Order, "product": Product, "order_item": OrderItem,
    "member_level": MemberLevel, "message_template": MessageTemplate, "campaign": Campaign, "tag": Tag}


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    file_name: str
    preset: str
    created_at: dt.datetime
    status: str
    customers_created: int
    customers_updated: int
    orders_created: int
    orders_updated: int
    rows_skipped: int


@dataclass(frozen=True, slots=True)
class UndoResult:
    batch_id: int
    customers_deleted: int
    orders_deleted: int
    rows_restored: int
    # values a later import or the seller changed since this import wrote them, or a later import still done gave as
    # they are (core.excel.holds): left as they are
    values_kept: int = 0
    # customers, orders and lines this import created that a later import or the seller changed since, or a later
    # import still done holds: kept (core.excel.undo_keep), with what this import gave them
    rows_kept: int = 0
    # products it made: deleted; kept, as order lines of other imports or of the seller use them, or the seller edited
    # them (core.excel.undo_products)
    products_deleted: int = 0
    products_kept: int = 0


def list_batches(book) -> list[BatchInfo]:
    """Every import of the book, newest first."""
    with book.session() as session:
        rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
        return [BatchInfo(b.id, b.file_name, b.preset, b.created_at, b.status, b.customers_created,
                          b.customers_updated, b.orders_created, b.orders_updated, b.rows_skipped) for b in rows]


def _decode(model, values: dict) -> dict:
    columns = model.__table__.columns
    decoded = {}
    for name, value in values.items():
        kind = columns[name].type
        if value is not None and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        decoded[name] = value
    return decoded


def undo_import(book, batch_id: int, today: dt.date | None = None, *, unfinished: bool = False,
                forget: bool = False) -> UndoResult | None:
    """Undo one import in one transaction.

    Orders it created are deleted (with their items); customers it created are deleted unless they have orders
    from elsewhere since; an order or a customer it created that a later import changed or held (its file had it
    as the book has it, or behind: core.excel.holds) or the seller changed since is kept, with what this import
    gave it, and belongs from then on to the first such later import, whose counts of rows created grow
    (core.excel.undo_keep; ``UndoResult.rows_kept``); products it made are deleted unless order lines of other
    imports or of the seller use them or the seller edited them (core.excel.undo_products;
    ``UndoResult.products_kept``); items it added to older orders are deleted, unless a later import holds them or
    the seller edited them; fields, products, tags, aliases and items it changed are put back, but for the values,
    tags and aliases a later import still done gave as the book has them (``UndoResult.values_kept``), whose change
    lines pass to that import; a row whose state an older export read later gave behind it takes that state when it
    remains; a refund or status the seller typed on an order whose money is its lines' stays through the recount of
    the lines left (core.excel.undo_own). Lines left without a product get one again, the suggested cycles follow and the
    reminders of everyone concerned are regenerated for `today` (default: the book's today), in the same
    transaction (core.product_links.follow_product_write).

    ``unfinished``: the import stopped halfway (core.excel.chunked) — the part it committed is taken back the
    same way; returns None if the batch is not (or no longer) ``running``. Without it a running batch is refused
    (``batch_running``): it is still being written. ``forget``: the batch row and its change lines go too (an
    import cancelled or failed in the process that ran it leaves no trace, as before it was chunked).
    """
    with book.session() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound("batch_missing", batch_id=batch_id)
        if unfinished and batch.status != "running":
            return None
        if batch.status == "running" and not unfinished:
            raise RejectedInput("batch_running", batch_id=batch_id)
        if batch.status not in ("done", "running"):
            raise RejectedInput("batch_already_undone", batch_id=batch_id)
        deferred_indexes.restore(session, batch_id)  # a big import stopped before it built them again
        watch = CycleWatch(session)
        touched = set(session.scalars(select(Order.customer_id).where(Order.import_batch_id == batch_id)))
        held = Held.later_than(session, batch_id)  # what the later imports found as their files say it
        keep = rows_kept(session, batch_id, held)  # what a later import or the seller changed since stays
        for model, table, ids, count in ((Order, "orders", keep.orders, ImportBatch.orders_created),
                                         (Customer, "customer", keep.customers, ImportBatch.customers_created)):
            owners: dict[int | None, list[int]] = {}
            for row_id in ids:  # each to the later import it stays for (none: the seller's)
                owners.setdefault(keep.owner.get((table, row_id)), []).append(row_id)
            for owner, rows in owners.items():
                for chunk in in_chunks(sorted(rows)):
                    session.execute(update(model).where(model.id.in_(chunk)).values(import_batch_id=owner))
                if owner is not None:  # its undo removes them now: the history says so
                    session.execute(update(ImportBatch).where(ImportBatch.id == owner).values({count: count + len(rows)}))
        changes = _changes(session, batch_id)
        order_of_line = _orders_of_lines(session, changes)
        own_values = before_undo(session, changes, batch_id, keep.orders | set(order_of_line.values()) | {
            change.row_id for change in changes if change.table_name == "orders"})  # the seller's refunds stay
        for chunk in in_chunks(keep.lines_dropped):
            session.execute(delete(OrderItem).where(OrderItem.id.in_(chunk)))
        touched |= keep.customers
        orders_deleted = session.execute(delete(Order).where(Order.import_batch_id == batch_id)).rowcount
        own = Customer.import_batch_id == batch_id
        has_orders = exists().where(Order.customer_id == Customer.id)
        customers_deleted = session.execute(delete(Customer).where(own, ~has_orders)).rowcount
        session.execute(update(Customer).where(own).values(import_batch_id=None))
        kept = lines_kept = 0
        lines_of: set[int] = set()  # the orders whose lines this undo deletes or puts back
        moved: list[dict] = []  # change lines passed on to the later imports that hold what this one wrote
        put_back: set[int] = set()  # orders given back a value
        bumped: set[int] = set()  # orders whose version the undo took one further (for its change of them)
        added_last = sorted(changes, key=lambda change: change.table_name == "order_item"  # (stable: newest first)
                            and change.old_values_json == CREATED)  # lines added: once their values are put back
        made: list[int] = []  # the products it made (settled once its orders and lines are gone)
        for change in added_last:
            if keep.holds(change.table_name, change.row_id):
                continue  # a row kept: what this import gave it stays
            if change.table_name == "product" and change.old_values_json == CREATED:
                made.append(change.row_id)
                continue
            if change.table_name == "order_item" and change.old_values_json == CREATED:
                line_id, stays = _added_line(session, change, held)
                lines_kept += stays
                if (holder := held.holder("order_item", change.row_id)) is not None:
                    moved.append(_line_of(change, holder))  # it is that import's now
                if line_id is not None:
                    lines_of.update(session.scalars(select(OrderItem.order_id).where(OrderItem.id == line_id)))
                    session.execute(delete(OrderItem).where(OrderItem.id == line_id))
                continue
            if change.row_id in order_of_line and change.table_name == "order_item":
                lines_of.add(order_of_line[change.row_id])
            kept += _restore(session, change, held, moved, put_back)
            if change.table_name == "orders":
                bumped.add(change.row_id)
            if change.table_name in ("customer", "customer_tag"):
                touched.add(change.row_id)
        products_deleted, products_kept = settle_products(session, batch_id, made, moved)  # those used stay
        # an older export's state, and what it said of it passed on to it
        restated = take_later_states(session, batch_id, held, keep, changes, moved)
        # a Douyin order's money is that of the lines left (core.excel.sub_orders)
        orders_changed = {change.row_id for change in changes if change.table_name == "orders"}
        recount_orders(session, lines_of | keep.orders | restated | put_back, restated,
                       partial(_recounted, keep, moved), bumped, own_values.keep)
        bulk_insert(session, ImportChange.__table__, moved)
        touched.update(session.scalars(select(Order.customer_id).where(Order.id.in_(orders_changed))))
        alive = [cid for ids in in_chunks(sorted(touched))  # (one query a chunk, not a get per customer: 6 s for 18,000)
                 for cid in session.scalars(select(Customer.id).where(Customer.id.in_(ids)))]
        refresh_tag_names(session, alive)
        # what follows every order write, for history taken back (core.order_writes)
        after_orders_written(session, alive, today=today, history=True, watch=watch, products=None, link_new=True)
        batch.status, batch.undone_at = "undone", clock.now()
        if forget:  # its rows are gone or no longer carry its id
            session.execute(delete(ImportChange).where(ImportChange.batch_id == batch_id))
            session.execute(delete(ImportHold).where(ImportHold.batch_id == batch_id))
            session.delete(batch)
        rows_kept_count = len(keep.orders) + len(keep.customers) + lines_kept
        log.info("import batch %s%s undone: %d customers, %d orders and %d products deleted, %d changes put back, "
                 "%d values, %d rows and %d products used or changed since kept", batch_id,
                 " (stopped halfway)" if unfinished else "", customers_deleted, orders_deleted, products_deleted,
                 len(changes), kept, rows_kept_count, products_kept)
        return UndoResult(batch_id, customers_deleted, orders_deleted, len(changes), kept, rows_kept_count,
                          products_deleted, products_kept)


@dataclass(frozen=True, slots=True)
class _Change:
    """An ``import_change`` line as the undo reads it: a line of an order the app saved since (with new ids) is
    named by its order and number (``_changes``)."""

    table_name: str
    row_id: int
    old_values_json: str
    new_values_json: str | None


def _changes(session, batch_id: int) -> list[_Change]:
    """The batch's change lines, newest first; one of a numbered line the seller's save gave a new id (core.orders
    saves an order's lines anew, keeping their numbers) names the line of its order and number it recorded (from
    change lines that record them: core.excel.sub_orders)."""
    query = select(ImportChange.table_name, ImportChange.row_id, ImportChange.old_values_json,
                   ImportChange.new_values_json).where(ImportChange.batch_id == batch_id).order_by(ImportChange.id.desc())
    changes = [_Change(*row) for row in session.execute(query)]
    named = {change.row_id: json.loads(change.new_values_json) for change in changes
             if change.table_name == "order_item" and change.old_values_json != CREATED and change.new_values_json
             and '"line_ref"' in change.new_values_json}
    named = {row_id: written for row_id, written in named.items() if written.get("line_ref")}
    for ids in in_chunks(sorted(named)):
        for row_id, *key in session.execute(select(OrderItem.id, OrderItem.order_id, OrderItem.line_ref)
                                            .where(OrderItem.id.in_(ids))):
            if key == [named[row_id]["order_id"], named[row_id]["line_ref"]]:
                del named[row_id]  # still there (not another line given its id since)
    if not named:
        return changes
    now = {(order_id, ref): item_id for ids in in_chunks(sorted({written["order_id"] for written in named.values()}))
           for order_id, ref, item_id in session.execute(select(OrderItem.order_id, OrderItem.line_ref, OrderItem.id)
                                                .where(OrderItem.order_id.in_(ids), OrderItem.line_ref.is_not(None)))}
    return [replace(change, row_id=now.get((written["order_id"], written["line_ref"]), change.row_id))
            if (written := named.get(change.row_id)) is not None and change.table_name == "order_item"
            and change.old_values_json != CREATED else change for change in changes]


def _added_line(session, change: _Change, held: Held) -> tuple[int | None, bool]:
    """A line the import added to an order of the book: (the line to delete, whether it stays). It stays when a later
    import still done holds it, or the seller edited it since: its order has no line with the values the import
    recorded of it (from 0007 on; the app saves an order's lines anew, with new ids) but has one at its id or of its
    number. The line to delete is the order's line with those values (else, a change recorded before, its id)."""
    if held.holds("order_item", change.row_id):
        return None, True
    if change.new_values_json is None:
        return change.row_id, False
    written = json.loads(change.new_values_json)
    columns = OrderItem.__table__.c
    lines = session.execute(select(columns.id, *[columns[name] for name in ADDED_LINE]).where(
        columns.order_id == written["order_id"]).order_by(columns.id)).all()
    same = [line.id for line in lines if all(getattr(line, name) == written[name] for name in ADDED_LINE)]
    if same:
        return (change.row_id if change.row_id in same else same[0]), False
    edited = any(line.id == change.row_id or (written["line_ref"] and line.line_ref == written["line_ref"])
                 for line in lines)
    return None, edited


def _recounted(keep, moved: list[dict], table: str, row_id: int, old: dict, new: dict) -> None:
    """An order the undo recounted (sub_orders.recount_orders) that passes to a later import: that import records the
    change (its version then accounts for it: core.excel.undo_keep)."""
    if (owner := keep.owner.get((table, row_id))) is not None:
        moved.append({"batch_id": owner, "table_name": table, "row_id": row_id, "old_values_json": _json(old),
                      "new_values_json": _json(new)})


def _json(values: dict) -> str:
    return json.dumps({name: value.isoformat() if isinstance(value, dt.date) else value
                       for name, value in values.items()}, ensure_ascii=False)


def _line_of(change: _Change, batch_id: int, **values: str | None) -> dict:
    """An ``import_change`` line for ``batch_id``: ``change``'s, or with its ``values`` replaced."""
    return {"batch_id": batch_id, "table_name": change.table_name, "row_id": change.row_id,
            "old_values_json": change.old_values_json, "new_values_json": change.new_values_json} | values


def _restore(session, change: _Change, held: Held, moved: list[dict], put_back: set[int]) -> int:
    """Put back what one change replaced; returns how many of its values were kept. A change that recorded the
    values it wrote (``new_values_json``, from 0006 on) puts a value back only where the row still holds the
    one written — a later import (an import not the newest to touch the row being undone) or the seller may
    have changed it since, and that stays; an older change puts every value back. A value a later import still
    done gave as the row has it (``held``: core.excel.holds) stays too, and so does a tag it gave the customer: that
    part of the change is passed on to the first such import (``moved``), whose undo then puts it back. The orders
    given back a value are added to ``put_back``."""
    old = json.loads(change.old_values_json)
    if change.table_name == "customer_tag":
        if (holder := held.holder("customer_tag", change.row_id, str(old["tag_id"]))) is not None:
            moved.append(_line_of(change, holder))
            return 1
        session.execute(delete(CustomerTag).where(CustomerTag.customer_id == change.row_id,
                                                  CustomerTag.tag_id == old["tag_id"]))
    elif change.table_name == "customer_alias":
        if (holder := held.holder("customer_alias", change.row_id)) is not None:  # a later import has it too
            moved.append(_line_of(change, holder))
            return 1
        session.execute(delete(CustomerAlias).where(CustomerAlias.id == change.row_id))
    elif change.table_name in _TABLES:
        model = _TABLES[change.table_name]
        if change.old_values_json == CREATED:
            session.execute(delete(model).where(model.id == change.row_id))
        else:
            values = _decode(model, old)
            kept = _changed_since(session, model, change, values)
            vouched = held.fields(change.table_name, change.row_id).intersection(values)
            kept += len(vouched - {"is_purchase"})  # (the status's, counted with it)
            new = json.loads(change.new_values_json) if change.new_values_json is not None else {}
            for name in sorted(vouched):
                del values[name]
                holder = held.holder(change.table_name, change.row_id, name)
                assert holder is not None
                moved.append(_line_of(change, holder, old_values_json=_json({name: old[name]}),
                                      new_values_json=_json({name: new[name]}) if name in new else None))
            if values and change.table_name == "orders":
                put_back.add(change.row_id)
                status_with_refund(session, change.row_id, old, values)  # a refund that stays keeps its status
            if issubclass(model, VersionedMixin):  # one more for the undo, and one for each change line passed on
                values["version"] = model.version + 1 + len(vouched)  # (undo_keep counts them so)
            if values:  # (a line whose values all changed since or are held has nothing to put back)
                session.execute(update(model).where(model.id == change.row_id).values(**values))
            return kept
    return 0


def _changed_since(session, model, change: _Change, values: dict) -> int:
    """Drop from ``values`` (to put back) those whose field no longer holds what the change wrote; how many."""
    if change.new_values_json is None:
        return 0
    written = {name: value for name, value in _decode(model, json.loads(change.new_values_json)).items()
               if name in values}
    if not written:
        return 0
    row = session.execute(select(*[model.__table__.c[name] for name in written])
                          .where(model.id == change.row_id)).one_or_none()
    if row is None:
        return 0
    kept = [name for name, now in zip(written, row, strict=True) if now != written[name]]
    for name in kept:
        del values[name]
    return len(kept)


def _orders_of_lines(session, changes) -> dict[int, int]:
    """line id → its order, for the lines these changes created or changed (read before the undo deletes them)."""
    item_ids = [change.row_id for change in changes if change.table_name == "order_item"]
    return {item_id: order_id for ids in in_chunks(item_ids)
            for item_id, order_id in session.execute(select(OrderItem.id, OrderItem.order_id).where(OrderItem.id.in_(ids)))}


def unfinished_imports(book) -> list[int]:
    """Batches still marked ``running``: being written now, or left by an import that was killed."""
    with book.session() as session:
        return list(session.scalars(select(ImportBatch.id).where(ImportBatch.status == "running")
                                    .order_by(ImportBatch.id)))


def recover_unfinished_imports(book, today: dt.date | None = None) -> list[int]:
    """Undo the imports a killed process left halfway (core.excel.chunked): their ``running`` batches, unless an
    import is being written right now (its process holds ImportRunning). Returns the batches undone."""
    from core.excel.chunked import ImportRunning

    if not unfinished_imports(book):
        return []
    running = ImportRunning(book)
    if not running.acquire(0):
        return []  # an import is writing: its batch is not left over
    try:
        undone = [batch_id for batch_id in unfinished_imports(book)
                  if undo_import(book, batch_id, today, unfinished=True) is not None]
    finally:
        running.release()
    for batch_id in undone:
        log.warning("import batch %s had stopped halfway (the program was closed or killed): undone", batch_id)
    return undone
