"""What the seller set by hand on an order whose money is its lines' that an undo keeps (core.excel.batches.undo_import).

After an undo, an order whose lines carry their export's state (Douyin) takes again the money and status of the
lines left (sub_orders.recount_orders). A refund or a status the seller typed in the app (the order dialog,
core.orders) is not its lines' to give: it is the seller's when it differs from what the order's lines gave at the
time — the rule an import follows (sub_orders._whole_order). So the undo reads, before it changes anything
(:func:`before_undo`), each order's refund and status, what its lines gave then, and what they gave before the undone
import (the book's lines with that import's changes of them taken back); the recount then asks (:meth:`OwnValues.keep`):

- a value the undo left as it found it (the undone import did not write it, or it was changed since — the seller's
  edit after the import) stays when it is not what the lines gave before the undo: the seller typed it;
- a value the undo put back (what the book had before the undone import) stays when it is not what the lines gave
  before that import (the seller typed it before) and the lines left give the same as they did then (no later
  import said something new of it).

A refund that stays makes the status that of a refund (partial or full, as an import reads an order with a refund:
plan.finish_fields) unless the seller's status stays too; it is never above what the lines say was paid.

An order whose money is not its lines' (Taobao, PDD…) has its fields put back one by one (core.excel.batches._restore):
a refund the undone import wrote that the seller changed since, or a later import holds, stays; the status the undo
puts back then is the one that goes with that refund (:func:`status_with_refund`), not the status before the import
(已发货 beside a ¥50 refund) — as the seller's status stays beside it when they typed another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from core.book.models import ImportChange, Order
from core.excel import cleaning
from core.excel.detail_items import ADDED_LINE
from core.excel.edits import CREATED
from core.excel.matching import chunks
from core.excel.sub_orders import _TIMES, _book_lines, _of_lines
from core.order_fields import is_purchase_status

_OWN = ("refund_cents", "status")
_NONE = object()  # what the seller may type that an order's lines also say


@dataclass(slots=True)
class OwnValues:
    """Per order: its refund and status before the undo, what its lines said then, and before the undone import."""

    found: dict[int, dict[str, Any]] = field(default_factory=dict)
    said: dict[int, dict[str, Any]] = field(default_factory=dict)
    said_before: dict[int, dict[str, Any]] = field(default_factory=dict)
    # (order, field) → the value the newest import change line on it wrote, of any import / of one before the
    # undone import: a value an import wrote is not the seller's (an undone import's may be left over)
    written: dict[tuple[int, str], Any] = field(default_factory=dict)
    written_before: dict[tuple[int, str], Any] = field(default_factory=dict)

    def keep(self, order_id: int, book: dict[str, Any], fields: dict[str, Any]) -> bool:
        """``fields`` (the money and status of the order's lines left) given the seller's own refund and status of
        ``book`` (the order as the undo put it) that stay (module docstring); whether one stayed."""
        if order_id not in self.found:
            return False
        own = {name for name in _OWN if self._own(order_id, name, book[name], fields.get(name))}
        if "refund_cents" in own:
            paid = fields.get("paid_cents", book["refund_cents"])
            fields["refund_cents"] = min(book["refund_cents"] or 0, max(paid, 0))
        if "status" in own:
            fields["status"] = book["status"]
        elif "refund_cents" in own and fields.get("status") not in (None, "unpaid", "closed"):
            fields["status"] = cleaning.map_after_sale("", fields.get("paid_cents"), fields["refund_cents"]) or fields[
                "status"]
        return bool(own)

    def _own(self, order_id: int, name: str, value: Any, left: Any) -> bool:
        if value == self.found[order_id][name]:  # as the undo found it
            said = self.said[order_id]
            return name in said and value != said[name] and self.written.get((order_id, name), _NONE) != value
        before = self.said_before[order_id]  # put back: the book's before the undone import
        return (name in before and value != before[name] and left == before[name]
                and self.written_before.get((order_id, name), _NONE) != value)


def status_with_refund(session, order_id: int, old: dict[str, Any], values: dict[str, Any]) -> None:
    """``values``: what the undo puts back of an order, of an import change that replaced ``old``. When that change
    wrote the refund and the refund stays (changed since, or held: not in ``values``) but the status goes back, the
    status put back is the one of the refund that stays (partial or full: cleaning.map_after_sale), unless it is a
    refund's or closing's already, or unpaid (the refund itself is then the seller's oddity, left as it is)."""
    if "refund_cents" not in old or "refund_cents" in values or values.get("status") in (
            None, "unpaid", "closed", "partial_refund", "refunded"):
        return
    paid, refund = session.execute(select(Order.paid_cents, Order.refund_cents).where(Order.id == order_id)).one()
    status = cleaning.map_after_sale("", paid, refund)
    if status is not None:
        values.update(status=status, is_purchase=is_purchase_status(status))


def before_undo(session, changes, batch_id: int, order_ids: set[int]) -> OwnValues:
    """What :meth:`OwnValues.keep` needs of these orders (those the undone import changed, or whose lines it did, or
    kept) but those it created that go with it, read before the undo changes anything; ``changes``: the undone
    import's change lines, newest first."""
    own = OwnValues()
    order_ids = {order_id for chunk in chunks(sorted(order_ids)) for order_id in session.scalars(
        select(Order.id).where(Order.id.in_(chunk), Order.import_batch_id.is_distinct_from(batch_id)))}
    lines = _book_lines(session, sorted(order_ids))
    _read_written(session, own, batch_id, sorted(lines))
    of_line = {line["id"]: order_id for order_id, have in lines.items() for line in have}
    names = (*_TIMES, "postage_cents", *_OWN)
    for batch in chunks(sorted(lines)):
        for order_id, *values in session.execute(select(Order.id, *[getattr(Order, name) for name in names])
                                                 .where(Order.id.in_(batch))):
            book = dict(zip(names, values, strict=True))
            own.found[order_id] = {name: book[name] for name in _OWN}
            base = {name: book[name] for name in (*_TIMES, "postage_cents")}
            own.said[order_id] = _said(base, lines[order_id])
            own.said_before[order_id] = _said(base, _taken_back([dict(line) for line in lines[order_id]], order_id,
                                                                changes, of_line))
    return own


def _read_written(session, own: OwnValues, batch_id: int, order_ids: list[int]) -> None:
    """``own.written`` / ``written_before`` of these orders, from the change lines of every import (done or undone)."""
    for chunk in chunks(order_ids):
        query = select(ImportChange.row_id, ImportChange.batch_id, ImportChange.new_values_json).where(
            ImportChange.table_name == "orders", ImportChange.row_id.in_(chunk),
            ImportChange.new_values_json.is_not(None)).order_by(ImportChange.id)
        for order_id, batch, text in session.execute(query):
            wrote = json.loads(text)
            for name in _OWN:
                if name in wrote:
                    own.written[(order_id, name)] = wrote[name]
                    if batch < batch_id:
                        own.written_before[(order_id, name)] = wrote[name]


def _said(base: dict[str, Any], lines: list[dict[str, Any]]) -> dict[str, Any]:
    """The money and status these lines give the order (none when no line has a state: they say nothing of it)."""
    return _of_lines(base, lines) if any(line["line_state"] for line in lines) else {}


def _taken_back(lines: list[dict[str, Any]], order_id: int, changes, of_line: dict[int, int]) -> list[dict[str, Any]]:
    """An order's ``lines`` as they were before the import of ``changes``: the lines it added gone (by id, else
    the line with the values it gave: the app saves lines anew), those it changed with their values before."""
    for change in changes:
        if change.table_name != "order_item":
            continue
        if change.old_values_json == CREATED:
            written = json.loads(change.new_values_json) if change.new_values_json else {}
            if of_line.get(change.row_id) != order_id and written.get("order_id") != order_id:
                continue
            at = next((n for n, line in enumerate(lines) if line["id"] == change.row_id), None)
            if at is None:
                at = next((n for n, line in enumerate(lines) if written and all(
                    line.get(name) == written[name] for name in ADDED_LINE if name in line)), None)
            if at is not None:
                del lines[at]
        elif of_line.get(change.row_id) == order_id:  # (not one it added, gone already)
            for line in (line for line in lines if line["id"] == change.row_id):
                line.update({name: value for name, value in json.loads(change.old_values_json).items() if name in line})
    return lines
