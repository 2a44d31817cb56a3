"""A Douyin order already in the book, read again from a later (or older) export: its lines by their numbers.

A Douyin main order (主订单编号) has sub-orders (子订单编号), one row each, and a shop's exports overlap: one
export may hold some sub-orders of an order, the next the others. Each line of such an order keeps its number
and what its export said of it (``order_item.line_ref`` / ``line_state``: status, after-sale status, amounts;
core.excel.plan). When the book's order has a numbered line (or a line from a rounded export a line of the file is,
below) and the file's lines have numbers (exact or rounded by Excel), the file's lines are merged into
it as if every export had been read as one file:

- a line of the file whose number the book's order has updates that line's quantity, prices and state when
  the export says something new of it (its state differs from the one stored and is not behind it: an older
  export's line, paid where the book's is shipped or refunded, is left as the book has it — ``line_behind`` — but
  for twins, lines of the same goods a rounded export could not tell apart, when the file's states are none behind
  the book's taken in another order: ``_twins_ahead``):
  its title, specification and product stay the book's, and a line the seller changed stays as it is while the
  exports say the same (whole: its paid moves with the amount they gave it, line_states.counted_state; an export
  names it by the quantity and amount the export gave, a rounded one too);
- a line whose number the order lacks is the order's line without a number of the same title, specification,
  quantity and amount (one a file whose numbers Excel rounded added), which takes its number and state; else it is
  added, even a lone one — unless the seller removed the line of that number in the app
  (``orders.removed_line_refs``, core.orders): their edit wins;
- a line of the file whose number Excel rounded (``line_rounded``: cleaning.line_number) is the only numbered book
  line of the same title, specification and quantity whose number rounds to it (line_states.rounds_to), else (none
  or several: ambiguous) the book line of the same title, specification, quantity and amount, each book line taken
  once, among those no numbered line of the file names; that line takes its state as a numbered one would (its
  number stays the book's, or none). One that is neither, whose rounded number only one number the seller removed
  rounds to, is that removed line: it does not come back. Else it is a new line without a number (with its state:
  it counts as its export said);
- a line of the book the file does not hold is kept, and so is one without a number (the seller's own line, added
  in the app, or one a rounded export added): one without a state counts in the order's money by its amount and has
  no say in the status, as does a numbered line without a state (a book rebuilt from an export of ours older than its 子订单状态 column) until an export
  says something of it;
- the order's money (goods, paid, discount, refund) is then the sum over all its lines and its status is
  decided from all of them (``plan.finish_fields``, ``line_states.combine_lines``) — but for what the seller set
  in the app: a status or a refund other than the one the order's lines gave before this import (a refund typed by
  hand) stays while its lines give the same one after it (the exports say nothing new of it), and an order the
  seller closed stays closed whatever its lines say (closed is final: cleaning.status_behind; ``_whole_order``) —
  one closed because its only line was cancelled is live again when an export brings a live one.

Importing the same file again changes nothing. An order none of whose book lines has a number (imported
before the book kept them, or from a file whose numbers Excel rounded) keeps the older rule of core.excel.detail_items
(missing lines added by their content) — unless a line of the file, numbered or rounded, is one of its lines that an
export whose numbers Excel rounded added (it has that export's state; a line from before the book kept them has
none): then it is merged as above, so a line's state follows the newest export whether Excel rounded its numbers or
not, and an older export read later does not set it back. Every line changed or added is recorded for undo.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from core.book.models import Order, OrderItem
from core.excel import cleaning
from core.excel.detail_items import ADDED_LINE, Record
from core.excel.holds import Holds
from core.excel.line_states import as_exported, counted_state, line_state_of, rounds_to, state_status
from core.excel.matching import ExistingOrder, chunks
from core.excel.plan import OrderDraft, finish_fields
from core.order_fields import is_purchase_status

_LINE = ("id", "order_id", "line_ref", "line_state", "title", "sku_spec", "quantity", "unit_price_cents",
         "amount_cents")
_UPDATED = ("quantity", "unit_price_cents", "amount_cents", "line_state")  # what a later export changes
_MONEY = ("goods_cents", "paid_cents", "discount_cents", "refund_cents")
LINES_SAY = (*_MONEY, "status")  # a merged order's fields that are its lines' (core.excel.holds)
_EXTRA = ("goods_cents", "discount_cents")
_TWINS = 6  # twins compared in every order (720 orders of 6 lines): more, as each line is
_TIMES = ("created_at", "paid_at", "shipped_at", "delivered_at", "completed_at", "closed_at")  # compared here, not in matching.ORDER_COMPARED


@dataclass(slots=True)
class SubOrderOutcome:
    """What merging did: items added, the orders whose lines changed, and for each merged order the book's
    values of the money fields the writer compares besides ``ORDER_COMPARED`` (``_EXTRA``)."""

    items_added: int = 0
    lines_changed: set[int] = field(default_factory=set)
    extra: dict[int, dict[str, Any]] = field(default_factory=dict)


def merge_sub_orders(session: Session, pairs: Sequence[tuple[ExistingOrder, OrderDraft]],
                     link: Callable[[str], int | None], record: Record, holds: Holds) -> SubOrderOutcome:
    """Merge the numbered lines of each draft into its book order as the module docstring says. A merged
    draft gets ``lines_written`` and its fields become the whole order's (the writer then compares them with the
    book's as for any order); the others are left as they are. The book lines the file holds go to ``holds``
    (core.excel.holds), each line added is recorded with its values."""
    outcome = SubOrderOutcome()
    wanted = [(order, draft) for order, draft in pairs if draft.rows_are_lines
              and any(item.get("line_ref") or item.get("line_rounded") for item in draft.items)]
    if not wanted:
        return outcome
    lines = _book_lines(session, [order.id for order, _draft in wanted])
    removed = _removed(session, [order.id for order, _draft in wanted])
    inserted: list[dict[str, Any]] = []
    for order, draft in wanted:
        have = lines.get(order.id, [])
        by_ref = {line["line_ref"]: line for line in have if line["line_ref"]}
        gone = removed.get(order.id, set())
        matched = _match_lines(draft.items, have, gone)
        if not by_ref and not any((line := matched.get(id(item))) and line["line_state"] for item in draft.items):
            continue  # no numbered line, none with a state the file names: the older rule (detail_items)
        before = [dict(line) for line in have]
        added: list[dict[str, Any]] = []
        ahead = _twins_ahead(draft.items, by_ref)
        for item in draft.items:
            values = {"quantity": item.get("quantity", 1), "unit_price_cents": item.get("unit_price_cents", 0),
                      "amount_cents": item.get("amount_cents", 0), "line_state": item.get("line_state")}
            ref = item.get("line_ref")
            line = by_ref.get(ref) if ref else None
            if line is None and id(item) in matched:
                line = matched[id(item)]
                if line is None:
                    continue  # a rounded number only a line the seller removed rounds to: their edit wins
            elif line is None and ref in gone:
                continue  # the seller removed it in the app: their edit wins
            if line is None:
                added.append({"order_id": order.id, "title": item.get("product_title", ""),
                              "sku_spec": item.get("sku_spec", ""), "line_ref": ref, **values})
            elif _update_line(session, line, ref, values, record, holds, id(item) in ahead):
                outcome.lines_changed.add(order.id)
        for values in added:
            values["product_id"] = link(values["title"])
            outcome.lines_changed.add(order.id)
        inserted.extend(added)
        _whole_order(draft, have + added, before, order.values)  # the book's lines' (a removed line is not one)
        draft.lines_written = True
        outcome.extra[order.id] = {}
    for batch in chunks(inserted):
        ids = session.scalars(insert(OrderItem).returning(OrderItem.id, sort_by_parameter_order=True), batch)
        for item_id, values in zip(ids, batch, strict=True):
            record("order_item", item_id, None, {name: values.get(name) for name in ADDED_LINE})
    outcome.items_added = len(inserted)
    _book_extra(session, outcome.extra)
    return outcome


def _update_line(session: Session, line: dict[str, Any], ref: str | None, values: dict[str, Any],
                 record: Record, holds: Holds, ahead: bool = False) -> bool:
    """The book's ``line`` takes the file line's ``values`` when they say something new of it, and its number
    ``ref`` when it had none (a line added from an export whose numbers Excel rounded); whether it changed. The
    file holds the line (``holds``): with the values it gives as the book has them, or, when its state is behind
    the book's (and the line is not one of twins the file is ahead of: ``ahead``, ``_twins_ahead``), with what it
    said of it."""
    claimed = {"line_ref": ref} if ref and line["line_ref"] != ref else {}
    if not values["line_state"] or line["line_state"] == values["line_state"]:
        holds.hold("order_item", line["id"], [name for name in _UPDATED if line[name] == values[name]])
        values = claimed  # the export says nothing new of it: what the seller changed in the book stays
    elif not ahead and line_behind(line["line_state"], values["line_state"]):
        holds.hold("order_item", line["id"])
        holds.behind("order_item", line["id"], values)
        values = claimed  # an older export's line: the book's later state stays
    else:
        holds.hold("order_item", line["id"], [name for name in _UPDATED if line[name] == values[name]])
    changed = {name: value for name, value in {**values, **claimed}.items() if line[name] != value}
    if changed:  # (with the line's order and number: the app saves lines anew, core.excel.batches finds it by them)
        record("order_item", line["id"], {name: line[name] for name in changed},
               {"order_id": line["order_id"], "line_ref": line["line_ref"], **changed})
        session.execute(update(OrderItem).where(OrderItem.id == line["id"]).values(**changed))
        line.update(changed)
    return bool(changed)


def _twins_ahead(items: list[dict[str, Any]], by_ref: dict[str, dict[str, Any]]) -> set[int]:
    """ids of the numbered file lines that are twins — book lines of the same goods and amount (two sub-orders of
    the same cream) — the file as a whole is ahead of: one of them is behind its book line, yet the book's states
    of the twins, taken in another order, are none ahead of the file's. A line whose number Excel rounded names one
    of twins by its content only (``_match_lines``), so the book may have given its state to the other: the file
    naming each by its number then says which is which, and each twin takes the file's state."""
    groups: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
    ids: dict[tuple[Any, ...], list[int]] = {}
    for item in items:
        line = by_ref.get(item.get("line_ref") or "")
        if line is not None and line["line_state"] and item.get("line_state"):
            goods = _exported(line, with_amount=True)
            groups.setdefault(goods, []).append((line["line_state"], item["line_state"]))
            ids.setdefault(goods, []).append(id(item))
    ahead: set[int] = set()
    for goods, pairs in groups.items():
        if not 1 < len(pairs) <= _TWINS or not any(line_behind(book, state) for book, state in pairs):
            continue
        books, states = [book for book, _state in pairs], [state for _book, state in pairs]
        if any(not any(map(line_behind, order, states)) for order in permutations(books)):
            ahead.update(ids[goods])
    return ahead


def _match_lines(items: list[dict[str, Any]], have: list[dict[str, Any]],
                 removed: Collection[str]) -> dict[int, dict[str, Any] | None]:
    """id of each file line that is a book line under no number or another → that book line (None: a line the
    seller removed), among the book lines no numbered line of the file names, each taken once:

    - a line whose number Excel rounded (``line_rounded``) is the only numbered book line of the same goods (as its
      export gave them: ``_exported``) whose number rounds to it (line_states.rounds_to), else the book line of the same title, specification, quantity
      and amount; one neither finds, whose number only one number the seller removed rounds to, is that one;
    - a numbered line whose number the book lacks is the book line without a number (added from an export whose
      numbers Excel rounded) of the same title, specification, quantity and amount.

    A book line of the same content as several file lines (twins: two sub-orders of the same goods) goes first to
    one whose state is not behind its own (``_claims``), the others then to what is left."""
    refs = {item.get("line_ref") for item in items}
    free = [line for line in have if not line["line_ref"] or line["line_ref"] not in refs]
    numbers = {line["line_ref"] for line in have if line["line_ref"]}
    matched: dict[int, dict[str, Any] | None] = {}
    for item in items:
        rounded = item.get("line_rounded")
        found = [line for line in free if line["line_ref"] and rounds_to(rounded, line["line_ref"])
                 and _exported(line) == _goods(item, "product_title")] if rounded else []
        if len(found) == 1:
            matched[id(item)] = found[0]
            free.remove(found[0])
    for last in (False, True):  # (of twins, first each to a line its state is not behind: _claims)
        for item in items:
            ref = item.get("line_ref")
            if id(item) in matched or (ref and (ref in numbers or ref in removed)):
                continue
            goods = _goods(item, "product_title", item.get("amount_cents", 0))
            for position, line in enumerate(free):
                if (not ref or not line["line_ref"]) and _exported(line, with_amount=True) == goods and (
                        last or _claims(item, line)):
                    matched[id(item)] = free.pop(position)
                    break
            rounded = item.get("line_rounded")
            if (last and id(item) not in matched and rounded
                    and len([ref for ref in removed if rounds_to(rounded, ref)]) == 1):
                matched[id(item)] = None
    return matched


def _claims(item: dict[str, Any], line: dict[str, Any]) -> bool:
    """Whether a file line is, before any other of the same goods, the book ``line`` it has the content of: its
    state is not behind the line's (of two sub-orders of the same cream, the refunded one is the line a rounded
    export gave as refunded)."""
    return not (line["line_state"] and item.get("line_state") and line_behind(line["line_state"], item["line_state"]))


def _goods(line: dict[str, Any], title: str = "title", *more: Any) -> tuple[Any, ...]:
    """A line's title, specification and quantity (a book line's, or a file line's with ``title`` product_title),
    and ``more``."""
    return (line.get(title) or "", line.get("sku_spec") or "", line.get("quantity", 1), *more)


def _exported(line: dict[str, Any], with_amount: bool = False) -> tuple[Any, ...]:
    """A book line's ``_goods`` (and amount) as its export gave them (line_states.as_exported): a line whose quantity
    the seller changed in the app is still the line an export of it names; a line without a state, as it is."""
    quantity, amount = line["quantity"], line["amount_cents"]
    if line["line_state"]:
        quantity, _price, amount = as_exported(line["line_state"])
    return _goods({**line, "quantity": quantity}, "title", *((amount,) if with_amount else ()))


def line_behind(book_state: str | None, state: str) -> bool:
    """Whether a line's state in the file is behind the one the book keeps (``cleaning.status_behind``, a line's
    refund counting as the order's would: a refunded line is final); never for a book line without a state."""
    if not book_state:
        return False
    return cleaning.status_behind(_line_status(book_state), _line_status(state))


def _line_status(state: str) -> str | None:
    return state_status(line_state_of(state))


def _whole_order(draft: OrderDraft, lines: list[dict[str, Any]], before: list[dict[str, Any]],
                 book: dict[str, Any]) -> None:
    """The draft's money and status made those of all ``lines`` (the book's, updated, and the added ones), but for
    what the seller set in the app (``book``: the order's values) that the lines do not say (their state ``before``
    this import): a status or refund other than the lines' stays while the lines' stays the same, and an order the
    seller closed stays closed (closed is final: cleaning.status_behind)."""
    fields = _of_lines(draft.fields, lines)
    was = _of_lines(draft.fields, before)
    if book.get("status") != was["status"] and (book["status"] == "closed" or fields["status"] == was["status"]):
        fields["status"] = book["status"]  # (an order closed because its lines were is live again with a live line)
    refund = book.get("refund_cents") or 0
    if refund != was["refund_cents"] and fields["refund_cents"] == was["refund_cents"]:
        fields["refund_cents"] = min(refund, max(fields.get("paid_cents", refund), 0))
    for name in (*_MONEY, "status"):
        if name in fields:
            draft.fields[name] = fields[name]


def recount_orders(session: Session, order_ids: Collection[int], restated: Collection[int] = (),
                   record: Record | None = None, bumped: Collection[int] = (),
                   own: Callable[[int, dict[str, Any], dict[str, Any]], bool] | None = None) -> None:
    """After an undo: each of these orders with lines that carry their export's state (numbered, or from an export
    whose numbers Excel rounded) takes again the money of its lines (an undone import's lines gone, a later import's
    kept: core.excel.batches). When that changes its money, or the order is
    one of ``restated`` (a line took again the state an older export gave it: core.excel.undo_keep), its status
    is also its lines' (a refund gone with its line takes the partial_refund with it); else the status is left
    as the undo put it (the seller may have set it). ``record`` is told each order changed (values before, after).
    An order changed takes one version more, unless it is one of ``bumped`` (the undo already counted one for it:
    core.excel.undo_keep tells the seller's edits by the versions the imports and undos account for). ``own(order id,
    its values, its lines' fields)`` gives the lines' fields the refund and status the seller set that stay
    (core.excel.undo_own), and says whether one did: the status is then decided as for ``restated``."""
    lines = _book_lines(session, list(order_ids))
    stated = [order_id for order_id, have in lines.items() if any(line["line_state"] for line in have)]
    names = (*_TIMES, "postage_cents", *_MONEY, "status", "is_purchase")  # (the status is set when the money changes)
    for batch in chunks(stated):
        query = select(Order.id, *[getattr(Order, name) for name in names]).where(Order.id.in_(batch))
        for order_id, *values in session.execute(query).all():
            book = dict(zip(names, values, strict=True))
            fields = _of_lines({name: book[name] for name in (*_TIMES, "postage_cents")}, lines[order_id])
            kept = own is not None and own(order_id, book, fields)
            changes = {name: fields[name] for name in _MONEY if name in fields and fields[name] != book[name]}
            if (kept or order_id in restated) and fields["status"] != book["status"]:
                changes["status"] = fields["status"]
            if changes:
                changes["status"] = fields["status"]
                changes["is_purchase"] = is_purchase_status(fields["status"])
                if record is not None:
                    record("orders", order_id, {name: book[name] for name in changes}, changes)
                version = Order.version + (0 if order_id in bumped else 1)
                session.execute(update(Order).where(Order.id == order_id).values(**changes, version=version))


def _of_lines(base: dict[str, Any], lines: list[dict[str, Any]]) -> dict[str, Any]:
    """An order's fields (``base``: its times and postage) with the money and status of all ``lines``: a line
    with a state (what its export said) counts as it says (its paid moved by as much as the seller changed its
    amount: line_states.counted_state), one without (a line the seller added in the app, or one a rounded export
    added before such lines kept their state) its amount as paid (and goods, as every line), and has no say in the
    status."""
    states = [counted_state(line) for line in lines if line["line_state"]]
    fields = {name: value for name, value in base.items() if name not in (*_MONEY, "status", "after_sale_status")}
    if states:
        fields["status"], fields["after_sale_status"] = states[0][0], states[0][1]
    own = sum(line["amount_cents"] or 0 for line in lines if not line["line_state"])
    for _status, _after_sale, amounts in [*states, ("", "", {"paid_cents": own} if own else {})]:
        for name, amount in amounts.items():
            fields[name] = fields.get(name, 0) + amount
    fields.setdefault("refund_cents", 0)  # (no line refunded: none, whatever the order said before)
    finish_fields(fields, states if len(states) > 1 else None,
                  [{"amount_cents": line["amount_cents"], "quantity": line["quantity"]} for line in lines])
    if "paid_cents" in fields:
        fields["refund_cents"] = min(fields["refund_cents"], max(fields["paid_cents"], 0))  # never more than paid
    return fields


def _book_lines(session: Session, order_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """order id → its lines (the columns of ``_LINE``), in insertion order."""
    lines: dict[int, list[dict[str, Any]]] = {}
    columns = [getattr(OrderItem, name) for name in _LINE]
    for batch in chunks(order_ids):
        for values in session.execute(select(*columns).where(OrderItem.order_id.in_(batch)).order_by(OrderItem.id)):
            line = dict(zip(_LINE, values, strict=True))
            lines.setdefault(line["order_id"], []).append(line)
    return lines


def _removed(session: Session, order_ids: list[int]) -> dict[int, set[str]]:
    """order id → the numbers of the lines the seller removed from it (core.orders)."""
    removed: dict[int, set[str]] = {}
    for batch in chunks(order_ids):
        query = select(Order.id, Order.removed_line_refs).where(Order.id.in_(batch), Order.removed_line_refs.is_not(None))
        for order_id, refs in session.execute(query):
            removed[order_id] = set((refs or "").splitlines())
    return removed


def _book_extra(session: Session, extra: dict[int, dict[str, Any]]) -> None:
    columns = [getattr(Order, name) for name in _EXTRA]
    for batch in chunks(extra):
        for order_id, *values in session.execute(select(Order.id, *columns).where(Order.id.in_(batch))):
            extra[order_id] = dict(zip(_EXTRA, values, strict=True))
