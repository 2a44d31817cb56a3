"""The lines of a Douyin order (one row a sub-order, 子订单编号) as the plan reads them: each line's number and
state (``order_item.line_ref`` / ``line_state``), and the order's status and money decided from all its lines.
Used by core.excel.plan (one file) and core.excel.sub_orders (a file merged into the book's order)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from typing import Any

from core.excel import cleaning
from core.excel.presets import Preset
from core.excel.records import ParsedRow

SUMMED = ("paid_cents", "goods_cents", "discount_cents", "refund_cents")  # a line's amounts, summed for its order


def keep_line(parsed: ParsedRow, preset: Preset) -> None:
    """A row that is one line of its order (``Preset.sum_row_amounts``: Douyin) keeps its number and, as
    ``line_state`` (JSON: status, after-sale status, amounts, then quantity, unit price and amount), what the row
    says of that line, for the book's line (core.excel.sub_orders); a line of another file keeps its number and
    the state the file gives it (our own export's 子订单编号 and 子订单状态 columns: a book rebuilt from it keeps
    its lines' numbers and states, and a line without a number — one an export whose numbers Excel rounded gave the
    book — its state), if any. A line whose number Excel rounded (cleaning.line_number) keeps it as
    ``line_rounded`` (not a number: the book's line has none) and its state all the same."""
    item = parsed.item
    ref = item.pop("line_ref", None)
    given = item.pop("line_state", None)
    if ref and item.get("product_title"):
        if ref.startswith(cleaning.ROUNDED):
            item["line_rounded"] = ref  # no number: what Excel left of it (rounds_to)
        else:
            item["line_ref"] = ref
        if preset.sum_row_amounts:
            item["line_state"] = state_json(parsed.order, item)
        elif given:
            item["line_state"] = given
    elif given and item.get("product_title") and not preset.sum_row_amounts:
        item["line_state"] = given  # our export's line without a number (a rounded export's): its state all the same


_as_json = json.JSONEncoder(ensure_ascii=False, default=str).encode  # (one encoder: json.dumps makes one a call)


def state_json(order: dict[str, Any], item: dict[str, Any]) -> str:
    """``line_state`` of a line (``item``) as the row of ``order`` gives it (``keep_line``)."""
    quantity, price = item.get("quantity", 1), item.get("unit_price_cents", 0)
    return _as_json([*line_state(order), [quantity, price, item.get("amount_cents", price * quantity)]])


def line_state_of(text: str) -> tuple[Any, Any, dict[str, int]]:
    """A line's status, after-sale status and amounts from its ``line_state`` (which also holds its quantity,
    unit price and amount as the export gave them)."""
    status, after_sale, amounts, _line = json.loads(text)
    return status, after_sale, amounts


def as_exported(text: str) -> tuple[Any, Any, Any]:
    """A line's quantity, unit price and amount as its export gave them (its ``line_state``): the seller may have
    changed the book line's since."""
    quantity, price, amount = json.loads(text)[3]
    return quantity, price, amount


def counted_state(line: dict[str, Any]) -> tuple[Any, Any, dict[str, int]]:
    """The state of a book ``line`` (its ``line_state``, quantity and amount) as it counts in its order: what its
    export said of it, but a line whose amount the seller changed in the app (a quantity, a price) paid as much
    more or less as they changed it by (the order dialog's paid follows the goods: core.orders), so the order's paid
    and goods agree while the exports say nothing new of the line."""
    status, after_sale, amounts, exported = json.loads(line["line_state"])
    more = (line["amount_cents"] or 0) - exported[2]
    if more and "paid_cents" in amounts:
        amounts = {**amounts, "paid_cents": amounts["paid_cents"] + more}
    return status, after_sale, amounts


def usable_refs(items: list[dict[str, Any]]) -> None:
    """An order's line numbers are kept only if no two lines share one: a number shared by two lines (Excel
    rounded them) names no line — then none of them is kept. A line whose number Excel rounded (cleaning.line_number)
    has none, only ``line_rounded`` (fold_rounded, core.excel.sub_orders); the others keep theirs."""
    if not any(map(dict.get, items, repeat("line_ref"))):  # (most orders: no line numbered, no list made)
        return
    refs = [item.get("line_ref") or "" for item in items]
    given = [ref for ref in refs if ref]
    if len(set(given)) != len(given) or any(len(ref) > 64 for ref in given):
        for item in items:
            item.pop("line_ref", None)
            item.pop("line_state", None)


def pasted_copies(order_keys: Sequence[tuple[str, str] | None], rounded: dict[int, bytes],
                  sources: Sequence[tuple[Any, str, str]]) -> dict[int, str]:
    """The positions of the rows that are copies of a block pasted right after it, each with the code of its note:
    of an order with Douyin lines whose numbers Excel rounded (``rounded``: each such row's content, by position), a
    run of its consecutive rows of one table (``sources``: each row's preset, file and sheet) made of one block
    repeated whole (the same rows, state and money included, k ≥ 2
    times: an export of that one order pasted twice, or a pasted sheet sorted by order number) is that block, read
    once (``duplicate_row``). Else the rows of one run are lines of their own, even two of the same goods and
    rounded number: twins (core.excel.plan._Runs). A block of one row repeated is read once too, but noted
    ``duplicate_rounded_row``: identical twins, an order of nothing else, look the same, and the note says so."""
    runs: dict[tuple[str, str], list[list[int]]] = {}
    for position in rounded:
        key = order_keys[position]
        if key is None:
            continue
        order_runs = runs.setdefault(key, [])
        if order_runs and order_runs[-1][-1] == position - 1 and _one_table(sources, position - 1, position):
            order_runs[-1].append(position)
        else:
            order_runs.append([position])
    copies: dict[int, str] = {}
    for order_runs in runs.values():
        for run in order_runs:
            before, after = run[0] - 1, run[-1] + 1  # (a run broken by a row of the order not rounded is no block)
            if len(run) < 2 or (before >= 0 and order_keys[before] == order_keys[run[0]]
                                and _one_table(sources, before, run[0])) or (
                    after < len(order_keys) and order_keys[after] == order_keys[run[0]]
                    and _one_table(sources, run[-1], after)):
                continue
            contents = [rounded[position] for position in run]
            block = next((size for size in range(1, len(run) // 2 + 1) if len(run) % size == 0
                          and all(contents[at] == contents[at % size] for at in range(size, len(run)))), 0)
            if block:
                copies.update(dict.fromkeys(run[block:], "duplicate_row" if block > 1 else "duplicate_rounded_row"))
    return copies


def _one_table(sources: Sequence[tuple[Any, str, str]], first: int, second: int) -> bool:
    return sources[first][1:] == sources[second][1:]


def exact_ref(item: dict[str, Any]) -> str:
    """A row's line number (before keep_line), "" when it has none or Excel rounded it."""
    ref = item.get("line_ref") or ""
    return "" if ref.startswith(cleaning.ROUNDED) else ref


def rounds_to(rounded: str, ref: str) -> bool:
    """Whether Excel could have rounded the exact line number ``ref`` to ``rounded`` (cleaning.line_number): as
    many digits, and the same leading digits once ``ref`` is rounded (or cut) to as many as ``rounded`` keeps."""
    digits, _slash, length = rounded[len(cleaning.ROUNDED):].partition("/")
    if not ref.isdigit() or str(len(ref)) != length or not digits:
        return False
    head = int(ref[:len(digits)])
    return int(digits) in (head, head + (ref[len(digits):len(digits) + 1] >= "5"))


def fold_rounded(fields: dict[str, Any], items: list[dict[str, Any]],
                 states: list[tuple[Any, Any, dict[str, int]]] | None) -> None:
    """The lines of one order read from one file (a newer export and an older copy whose numbers Excel rounded,
    pasted together): a line whose rounded number (``line_rounded``) only one numbered line of the same goods rounds
    to, that line naming no other rounded line, is that line read again: it is read once, in the state furthest on
    (of two as far, the numbered line's), and the order's sums (``fields``) lose the other. Of twins (several
    numbered lines of those goods its number rounds to), it is an older copy of the first one whose state it is not
    ahead of, no other rounded line naming that one. Else it stays a line of its own (compared by its content:
    core.excel.plan)."""
    if not states or len(states) != len(items):
        return  # (a row without goods: the lines cannot be told apart)
    claims: dict[int, list[int]] = {}
    for position, item in enumerate(items):
        rounded = item.get("line_rounded")
        if rounded:
            found = [other for other, line in enumerate(items) if line.get("line_ref")
                     and rounds_to(rounded, line["line_ref"]) and _same_goods(item, line)]
            fit = [other for other in found if _rank(states[other]) >= _rank(states[position])]
            if len(found) == 1:
                claims.setdefault(found[0], []).append(position)
            elif fit and fit[0] not in claims:  # twins: a copy of one its state is not ahead of (read once)
                claims[fit[0]] = [position]
    dropped = set()
    for kept, (position, *more) in claims.items():
        if more:
            continue  # two rounded lines name one line: two sub-orders of the same goods
        older, newer = states[kept], states[position]
        if _rank(newer) > _rank(older):
            item, line = items[kept], items[position]
            states[kept] = newer
            line_goods = [item.get("quantity", 1), item.get("unit_price_cents", 0),
                          line.get("amount_cents", item.get("amount_cents", 0))]
            item["amount_cents"] = line_goods[2]
            item["line_state"] = _as_json([*newer, line_goods])
            older, newer = newer, older
        for name in SUMMED:  # the order's sums lose the line not kept
            if name in newer[2]:
                fields[name] = fields.get(name, 0) - newer[2][name]
        dropped.add(position)
    if dropped:
        items[:] = [item for position, item in enumerate(items) if position not in dropped]
        states[:] = [state for position, state in enumerate(states) if position not in dropped]
        fields["status"], fields["after_sale_status"] = states[0][0], states[0][1]


_SAME_GOODS = (("product_title", ""), ("sku_spec", ""), ("quantity", 1), ("unit_price_cents", 0))


def _same_goods(item: dict[str, Any], line: dict[str, Any]) -> bool:
    return all(item.get(name, empty) == line.get(name, empty) for name, empty in _SAME_GOODS)


def state_status(state: tuple[Any, Any, dict[str, int]]) -> str | None:
    """A line's status in our words, its refund counting as the order's would (a refunded line is final)."""
    status_text, after_sale, amounts = state
    status = cleaning.map_status(status_text) if status_text else None
    refund = cleaning.map_after_sale(after_sale, amounts.get("paid_cents"), amounts.get("refund_cents"))
    return refund if refund and status not in ("unpaid", "closed") else status


def _rank(state: tuple[Any, Any, dict[str, int]]) -> int:
    """How far a line went (cleaning.STATUS_RANK); -1 for a status we do not know."""
    status = state_status(state)
    return cleaning.STATUS_RANK.get(status, -1) if status else -1


def line_state(order: dict[str, Any]) -> tuple[Any, Any, dict[str, int]]:
    return order.get("status", ""), order.get("after_sale_status", ""), {
        name: order[name] for name in SUMMED if name in order}


def combine_lines(fields: dict[str, Any], states: list[tuple[Any, Any, dict[str, int]]]) -> None:
    """An order whose lines each carry a status (Douyin sub-orders), the same whatever the rows' order: it is
    live while one line is, and then its status is that of its least advanced live line (``_behind``: an order
    with a line still to ship is paid, not completed, however far its other lines went); a closed (cancelled)
    line's money is not the order's, a refunded line's paid is refunded; with no live line it is refunded if a
    line was, else closed (its money then as given)."""
    live, refunded_lines, dead, refunded = [], [], Counter[str](), 0
    for status_text, after_sale, amounts in states:
        status = cleaning.map_status(status_text) if status_text else None
        if status in ("closed", "unpaid"):
            dead.update(amounts)
        elif cleaning.map_after_sale(after_sale, amounts.get("paid_cents"), amounts.get("refund_cents")) == "refunded":
            refunded += amounts.get("paid_cents", 0) - amounts.get("refund_cents", 0)  # (a refund given counts once)
            refunded_lines.append((status_text or "", after_sale or ""))
        else:
            live.append((status_text or "", after_sale or ""))
    chosen = min(live or refunded_lines, key=_behind, default=None)
    if chosen is None:
        return  # every line closed: the order is, its money as given
    fields["status"], fields["after_sale_status"] = chosen
    if live:
        for name, amount in dead.items():
            fields[name] = fields.get(name, 0) - amount
    if refunded:
        fields["refund_cents"] = fields.get("refund_cents", 0) + refunded


def _behind(line: tuple[str, str]) -> tuple[int, bool, str, str]:
    """How far a line (its status and after-sale texts) went, for ``min``: the least advanced first, of two as far
    the one with an after-sale status (it says more), then by their texts (the same choice in any order); a
    status we do not know last."""
    status_text, after_sale = line
    status = cleaning.map_status(status_text) if status_text else None
    return cleaning.STATUS_RANK.get(status, 7) if status else 8, not after_sale, status_text, after_sale


def line_progress(state: tuple[Any, Any, dict[str, int]]) -> int:
    """How far a line went (cleaning.STATUS_RANK), its refund counting (``state_status``: a refunded line is final,
    whatever the row order); -1 without a status we know."""
    status = state_status(state)
    return -1 if status is None else cleaning.STATUS_RANK.get(status, -1)


def order_progress(order: dict[str, Any]) -> int:
    """How far a row's order went (cleaning.STATUS_RANK); -1 without a status we know."""
    status = cleaning.map_status(order["status"]) if order.get("status") else None
    return -1 if status is None else cleaning.STATUS_RANK.get(status, -1)
