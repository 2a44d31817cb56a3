"""The products an undone import made: deleted with it unless something else uses them (core.excel.batches.undo_import).

An import makes a product for a title the book has none for (an ``import_change`` line ``product`` created:
core.excel.writer). Undoing it deletes that product — unless, once the undo deleted its orders and lines:

- an order line still points at it: a line of an order another import made (still done, or kept from this one: its
  ``import_batch_id``), a line another import added to an order, or a line of the seller's (an order or a line no
  import made) — deleting it would leave those lines without a product, and the next write would make another one
  of that name, with a new id, that undoing their import would not take away;
- or the seller edited it since (its cycle, price, name…: its ``version`` past what the imports' change lines on it
  account for, as core.excel.undo_keep tells an edited order).

Such a product stays and is counted (``UndoResult.products_kept``). One kept only for other imports' lines belongs
from then on to the first of them (its change line passes to that import: undoing it in turn deletes the product
when nothing else uses it then); one the seller uses or edited is theirs.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select

from core.book.dialect import in_chunks, rowcount
from core.book.models import ImportBatch, ImportChange, Order, OrderItem, Product
from core.excel.edits import CREATED, edited_since


def settle_products(session, batch_id: int, product_ids: Sequence[int], moved: list[dict]) -> tuple[int, int]:
    """Delete the products ``product_ids`` the undone batch made that nothing uses (module docstring); the others
    stay, those kept for a later import passed on to it (``moved``: its change lines). Returns (deleted, kept): those
    deleted by this undo, not those already gone (merged into another product or deleted by the seller)."""
    if not product_ids:
        return 0, 0
    ids = sorted(set(product_ids))
    users = _users(session, batch_id, ids)
    edited = _edited(session, ids)
    gone = [product_id for product_id in ids if product_id not in users and product_id not in edited]
    deleted = 0  # (a product the seller merged into another or deleted since is no longer there: not counted)
    for chunk in in_chunks(gone):
        deleted += rowcount(session.execute(delete(Product).where(Product.id.in_(chunk))))
    kept = [product_id for product_id in ids if product_id not in gone]
    for product_id in kept:
        owners = users.get(product_id, {None})
        if product_id not in edited and None not in owners:  # only other imports' lines use it: the first one's
            moved.append({"batch_id": min(owner for owner in owners if owner is not None), "table_name": "product",
                          "row_id": product_id, "old_values_json": CREATED, "new_values_json": None})
    return deleted, len(kept)


def _users(session, batch_id: int, ids: list[int]) -> dict[int, set[int | None]]:
    """product id → the imports whose order lines use it (None: a line of the seller's), for those any line uses."""
    lines: dict[int, tuple[int, int | None]] = {}  # line → (product, its order's import)
    for chunk in in_chunks(ids):
        query = select(OrderItem.id, OrderItem.product_id, Order.import_batch_id).join(
            Order, Order.id == OrderItem.order_id).where(OrderItem.product_id.in_(chunk))
        for line_id, product_id, owner in session.execute(query):
            lines[line_id] = (product_id, owner)
    added: dict[int, int] = {}  # a line an import (still done) added to an order: that import
    loose = sorted(line_id for line_id, (_product, owner) in lines.items() if owner is None)
    for chunk in in_chunks(loose):
        made = select(ImportChange.row_id, ImportChange.batch_id).join(
            ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
            ImportChange.table_name == "order_item", ImportChange.old_values_json == CREATED,
            ImportChange.row_id.in_(chunk), ImportBatch.status == "done", ImportBatch.id != batch_id)
        for line_id, later in session.execute(made):
            added[line_id] = min(later, added.get(line_id, later))
    users: dict[int, set[int | None]] = {}
    for line_id, (product_id, owner) in lines.items():
        users.setdefault(product_id, set()).add(owner if owner is not None else added.get(line_id))
    return users


def _edited(session, ids: list[int]) -> set[int]:
    """The products the seller edited since they were made (their version: core.excel.undo_keep.edited_since)."""
    versions = {product_id: version for chunk in in_chunks(ids) for product_id, version in session.execute(
        select(Product.id, Product.version).where(Product.id.in_(chunk), Product.version > 1))}
    return edited_since(session, "product", versions)
