"""Group clean rows of one import into people, orders (with items) and products, before the book is read."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableSequence, Sequence
from dataclasses import dataclass, field
from itertools import count, repeat
from typing import Any, cast

from core.excel import cleaning
from core.excel.joiner import Joiner
from core.excel.line_states import (
    SUMMED,
    combine_lines,
    exact_ref,
    fold_rounded,
    keep_line,
    line_progress,
    line_state,
    order_progress,
    pasted_copies,
    state_json,
    usable_refs,
)
from core.excel.own_export import book_order_key
from core.excel.presets import Preset
from core.excel.records import ParsedRow, RowError, has_order

_TIME_FIELDS = ("created_at", "paid_at", "shipped_at", "delivered_at", "completed_at")
_GOODS = ("product_title", "sku_spec", "quantity", "unit_price_cents")  # what tells an order's lines apart


@dataclass(slots=True)
class PersonDraft:
    """One person of the file (rows joined on phone, buyer ID, WeChat ID, order, or name + address)."""

    fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    masked_phone: str = ""
    first_row: tuple[str, str, int] = ("", "", 0)
    platform: str = ""
    kept: list[str] = field(default_factory=list)  # "header：value" lines for the customer's note

    def address_key(self) -> str:
        return "".join(self.fields.get(name, "") for name in ("province", "city", "district", "address_detail"))


@dataclass(slots=True)
class OrderDraft:
    """One order: its key, fields, items and the person it belongs to (index into ImportPlan.people)."""

    person: int
    platform: str
    platform_order_no: str
    fields: dict[str, Any]
    items: list[dict[str, Any]]
    row: tuple[str, str, int]
    rows_are_lines: bool = False  # each row of the order was one line of it, with its own amount (Douyin)
    # such an order's lines, each with its own status: (status, after-sale status, amounts) (line_states.combine_lines)
    line_states: list[tuple[Any, Any, dict[str, int]]] | None = None
    lines_written: bool = False  # its lines were merged into the book's order by number (core.excel.sub_orders)


@dataclass(slots=True)
class ImportPlan:
    """Everything one import wants to write, before matching against the book."""

    people: Sequence[PersonDraft] = field(default_factory=list)  # (an import in rounds: packed_people)
    orders: list[OrderDraft] = field(default_factory=list)
    products: dict[str, dict[str, Any]] = field(default_factory=dict)
    detail_items: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    detail_rows: dict[tuple[str, str], list[tuple[str, str, int]]] = field(default_factory=dict)
    detail_columns: dict[tuple[str, str], str] = field(default_factory=dict)  # (file, sheet) → order-no header
    errors: list[RowError] = field(default_factory=list)
    ledgers: list[tuple[str, Any]] = field(default_factory=list)  # (preset key, Table) of our export's ledgers
    rows_read: int = 0
    skipped_rows: set[tuple[str, str, int]] = field(default_factory=set)
    # an import in rounds (core.excel.rounds.Rounds): ``orders`` stays empty, each round's orders come from here
    rounds: Iterable[list[OrderDraft]] | None = None


TableSource = tuple[Preset, str, str]  # the table a row comes from: its preset, file and sheet

# Rows held as ParsedRow objects up to here; past it every row is held packed (_pack): a large file's rows
# (the 100k demo book's export: 635,733 order lines) as tuples of values with shared key tuples, ≈ 420 bytes of
# objects a line instead of ≈ 1,060, made into dicts again each time the plan reads them (≈ 3 µs a row a time).
PACK_AFTER = 100_000
# a row packed: (row, customer keys, values, order keys, values, item keys, values, phones, masked, kept,
# purchase_skipped); its product dict is not kept (a product list's rows are no people's: add_rows)
_Packed = tuple[int, tuple[str, ...], tuple[Any, ...], tuple[str, ...], tuple[Any, ...], tuple[str, ...],
                tuple[Any, ...], list[str], str, list[str], bool]


class _Union:
    def __init__(self, size: int, parent: MutableSequence[int] | None = None) -> None:
        self.parent = list(range(size)) if parent is None else parent

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        first, second = self.find(first), self.find(second)
        if first != second:
            self.parent[max(first, second)] = min(first, second)


class PlanBuilder:
    """Collects parsed rows table by table, then :meth:`build` groups them into an :class:`ImportPlan`."""

    def __init__(self) -> None:
        self._rows: list[ParsedRow | _Packed] = []
        self._sources: list[TableSource] = []  # each row's table (one tuple per table, repeated)
        self._packed = False  # every row of _rows is packed (past PACK_AFTER rows)
        self._keys: dict[tuple[str, ...], tuple[str, ...]] = {}  # each key tuple of the packed rows, once
        self.plan = ImportPlan()

    def add_error(self, error: RowError) -> None:
        self.plan.errors.append(error)
        if error.scope == "row":
            self.plan.skipped_rows.add((error.file, error.sheet, error.row))

    def add_rows(self, rows: Sequence[ParsedRow], preset: Preset, file: str, sheet: str) -> None:
        """Good rows of one table (read with ``preset``), in sheet order."""
        if preset.kind == "products":
            for parsed in rows:
                name = parsed.product["product_name"]
                self.plan.products.setdefault(name, {}).update(parsed.product)
        elif preset.kind == "items":
            for parsed in rows:
                key = (preset.platform, parsed.order["platform_order_no"])
                self.plan.detail_items.setdefault(key, []).append(_item_of(parsed) or {"product_title": ""})
                self.plan.detail_rows.setdefault(key, []).append((file, sheet, parsed.row))
        else:
            if self._packed:
                self._rows.extend(map(self._pack, rows))
            else:
                self._rows.extend(rows)
                if len(self._rows) > PACK_AFTER:
                    self._rows[:] = map(self._pack, cast("list[ParsedRow]", self._rows))
                    self._packed = True
            self._sources.extend(repeat((preset, file, sheet), len(rows)))

    def _pack(self, parsed: ParsedRow) -> _Packed:
        """A row as a tuple: its dicts' values, their keys as tuples held once for all rows (_unpack)."""
        keys = self._keys
        customer, order, item = tuple(parsed.customer), tuple(parsed.order), tuple(parsed.item)
        return (parsed.row, keys.setdefault(customer, customer), tuple(parsed.customer.values()),
                keys.setdefault(order, order), tuple(parsed.order.values()), keys.setdefault(item, item),
                tuple(parsed.item.values()), parsed.phones, parsed.masked_phone, parsed.kept or _NO_LINES,
                parsed.purchase_skipped)

    def _walk(self) -> Iterator[ParsedRow]:
        """The rows held, in order, each a ParsedRow (unpacked anew if packed: a change to it is not kept)."""
        rows = self._rows
        return map(_unpack, cast("list[_Packed]", rows)) if self._packed else iter(cast("list[ParsedRow]", rows))

    def build(self) -> ImportPlan:
        """Join rows into people and orders; rows whose order has no date are reported. Called once: the rows
        are consumed."""
        rows, sources, packed = self._rows, self._sources, self._packed
        occurrences: Counter[str] = Counter()
        rounded: dict[int, bytes] = {}  # (row position → its content, for a Douyin line whose number Excel rounded)
        order_keys = list(map(order_key, self._walk(), sources, repeat(occurrences), repeat(self.plan.errors),
                              repeat(rounded), count()))
        # Most orders have one row: only an order of several joins rows (as an identity) and is compared line
        # by line (_Runs).
        several = {key for key, count in Counter(order_keys).items() if count > 1 and key is not None}
        union = _join_rows(self._walk(), sources, order_keys, several)
        people: dict[int, int] = {}  # person position by the root of its rows
        drafts: list[PersonDraft] = []
        self.plan.people = drafts
        parent, find = union.parent, union.find
        consumed = cast("list[ParsedRow | _Packed | None]", rows)

        def walked() -> Iterator[ParsedRow]:
            # Each row is let go once read: what the people and orders do not take of it (its customer fields
            # after the person's first row, its empty dicts) is freed as the drafts grow.
            for index in range(len(consumed)):
                held, consumed[index] = rows[index], None
                yield _unpack(cast("_Packed", held)) if packed else cast("ParsedRow", held)

        def person_of(index: int, parsed: ParsedRow, source: TableSource) -> int:
            return add_person(drafts, people, index if parent[index] == index else find(index), parsed, source)

        orders = orders_of(walked(), sources, order_keys, several, person_of, self.plan.errors,
                           pasted_copies(order_keys, rounded, sources) if rounded else None)
        for draft in orders.values():
            if finished(draft):
                self.plan.orders.append(draft)
            else:
                self.add_error(dateless(draft))
        self.plan.rows_read += len(rows)
        _drop_repeated_detail_lines(self.plan)
        return self.plan


def add_person(drafts: list[PersonDraft], people: dict[int, int], root: int, parsed: ParsedRow, source: TableSource) -> int:
    """The position in ``drafts`` of the person of a row whose rows' root is ``root`` (``people``: position by
    root): made from the row if it is the person's first, else the row's customer fields merged into it."""
    person_index = people.get(root)
    if person_index is None:
        preset, file, sheet = source
        person_index = people[root] = len(drafts)
        tags = list(dict.fromkeys(parsed.customer.pop("tags", ())))
        drafts.append(PersonDraft(parsed.customer, tags, list(parsed.phones), parsed.masked_phone,
                                  (file, sheet, parsed.row), preset.platform, list(parsed.kept)))
    else:
        _merge_person(drafts[person_index], parsed)
    return person_index


def orders_of(rows: Iterable[ParsedRow], sources: Sequence[TableSource], order_keys: Sequence[tuple[str, str] | None],
              several: set[tuple[str, str]], person_of: Callable[[int, ParsedRow, TableSource], int],
              notes: list[RowError], pasted: Mapping[int, str] | None = None) -> dict[tuple[str, str], OrderDraft]:
    """The orders of these rows (each row's person by ``person_of(position, row, source)``, called for every row
    in order), by key, in the order of their first rows, not finished (``finished``); a row repeating a line of its
    order is noted in ``notes`` (``duplicate_row``). ``several``: the keys of more than one row; ``pasted``: the
    positions of rows that are copies of a block of their order's rows pasted right after it, with their notes'
    codes (``line_states.pasted_copies``)."""
    orders: dict[tuple[str, str], OrderDraft] = {}
    runs: dict[tuple[str, str], _Runs] = {}
    table: TableSource | None = None
    shift = 0  # (a row's position for _Runs: its index, one more for each table before it — a table's rows are a run)
    for index, (parsed, source, key) in enumerate(zip(rows, sources, order_keys, strict=True)):
        person_index = person_of(index, parsed, source)
        if source is not table:
            shift += table is not None and source[1:] != table[1:]
            table = source
        if key is None:
            continue
        preset, file, sheet = source
        draft = orders.get(key)
        if draft is None:
            draft = orders[key] = OrderDraft(person_index, key[0], key[1], parsed.order, [],
                                             (file, sheet, parsed.row), preset.sum_row_amounts)
            if key in several:
                runs[key] = _Runs(index + shift, *_line_and_ref(parsed, preset.sum_row_amounts))
            keep_line(parsed, preset)
            item = _item_of(parsed)
            if item:
                draft.items.append(item)
            continue
        if pasted and index in pasted:
            notes.append(RowError(file, sheet, parsed.row, "", pasted[index], key[1], "note"))
            continue
        if preset.rows_are_orders and _one_order_again(draft, parsed):
            notes.append(RowError(file, sheet, parsed.row, "", "duplicate_row", key[1], "note"))
            continue
        if runs[key].repeated(index + shift, *_line_and_ref(parsed, preset.sum_row_amounts)):
            notes.append(RowError(file, sheet, parsed.row, "", "duplicate_row", key[1], "note"))
            if preset.sum_row_amounts:
                _line_again(draft, parsed)
            continue
        keep_line(parsed, preset)
        if preset.sum_row_amounts:
            if draft.line_states is None:  # (its first row's, taken before the amounts are summed)
                draft.line_states = [line_state(draft.fields)]
            draft.line_states.append(line_state(parsed.order))
            for name in SUMMED:
                if name in parsed.order:
                    draft.fields[name] = draft.fields.get(name, 0) + parsed.order[name]
        item = _item_of(parsed)
        if item:
            draft.items.append(item)
    return orders


def finished(draft: OrderDraft) -> bool:
    """Complete an order of ``orders_of`` (_finish_order); whether it has a date (else it is not imported:
    ``dateless``)."""
    _finish_order(draft)
    return draft.fields.get("created_at") is not None


def dateless(draft: OrderDraft) -> RowError:
    """The error of an order left without a date: at its first row, which is skipped."""
    file, sheet, row_number = draft.row
    return RowError(file, sheet, row_number, "created_at", "date_missing")


def order_key(parsed: ParsedRow, source: TableSource, occurrences: Counter[str], errors: list[RowError],
              rounded: dict[int, bytes] | None = None, position: int = 0) -> tuple[str, str] | None:
    """A row's order: (platform, number), the book's order id of our export, or for a row of an orders table
    without either a digest of its content (``occurrences``: how often each content was met so far, in row
    order); None when the row has no order. A purchase without a date is reported in ``errors``. A Douyin line
    whose number Excel rounded has its content put in ``rounded`` at its ``position`` (``pasted_copies``)."""
    if parsed.purchase_skipped:
        return None
    preset = source[0]
    number = parsed.order.get("platform_order_no")
    if number:
        if rounded is not None and preset.sum_row_amounts and (parsed.item.get("line_ref") or "").startswith(
                cleaning.ROUNDED):
            rounded[position] = _line_of(parsed.order, parsed.item)
        return parsed.order.get("platform") or preset.platform or "other", number
    if parsed.order.get("order_ref") and preset.kind == "orders":  # our export: the book's order id
        return parsed.order.get("platform") or preset.platform or "other", book_order_key(parsed.order["order_ref"])
    if not has_order(parsed):
        return None
    platform = parsed.order.get("platform") or preset.platform or "other"
    if preset.kind != "orders":
        return None
    when = _first_time(parsed.order)
    if when is None:
        # Product or amount without any date: the customer is kept, the purchase cannot be placed,
        # and the seller is told (the row itself is not counted as skipped).
        errors.append(RowError(source[1], source[2], parsed.row, "created_at", "order_without_date", scope="purchase"))
        return None
    identity = (parsed.phones[:1] or [parsed.customer.get("platform_buyer_id") or parsed.customer.get("name", "")])[0]
    content = "|".join(str(part) for part in (
        identity, when.isoformat(), parsed.item.get("product_title", ""), parsed.item.get("quantity", ""),
        parsed.order.get("paid_cents", ""), parsed.item.get("unit_price_cents", "")))
    occurrences[content] += 1
    digest = hashlib.sha1(f"{content}|{occurrences[content]}".encode()).hexdigest()[:16]
    return platform, f"S{when:%Y%m%d}-{digest}"


def _join_rows(rows: Iterable[ParsedRow], sources: Sequence[TableSource], order_keys: Sequence[tuple[str, str] | None],
               several: set[tuple[str, str]]) -> _Union:
    """The rows joined into people (``Joiner``); an order's rows are joined when it is one of ``several``."""
    union = _Union(len(order_keys))  # (one key or None a row)
    joiner = Joiner(union.join)
    by_order: dict[tuple[str, str], int] = {}
    for index, (parsed, source, key) in enumerate(zip(rows, sources, order_keys, strict=True)):
        numbered = key is not None and bool(parsed.order.get("platform_order_no"))
        joiner.add(index, parsed, source[0].platform, numbered,
                   by_order.setdefault(key, index) if numbered and key in several else None)  # (key: numbered)
    return union


class _Runs:
    """The lines of one order seen so far. A line with an exact number of its own (``line_ref``: Douyin's
    子订单编号) repeats an earlier line of the order with that number and the same values (a Douyin line: the same
    goods, ``_line_and_ref``) wherever it stands: the same export pasted (or joined) twice, read once. Lines
    without one, or whose number Excel rounded (twins, two sub-orders of the same goods, then share one: a rounded
    number with other goods is another line anyway), are kept in runs of consecutive rows (``position`` one more
    than the last; ``orders_of`` leaves a gap between two tables, so a run never goes on into the next sheet or
    file): a line of a later run that repeats a line of an earlier run is read once (each earlier line
    answers one repeat: a pasted copy repeats the whole block of the order's rows), identical lines next to each
    other are two real lines of the order (two of the same item, twin sub-orders) — but for a run that is one
    block of rounded lines repeated whole (``pasted_copies``). Lines are kept as digests (``_line_of``): an export
    of 100,000 customers has about 120,000 orders of several lines."""

    __slots__ = ("current", "earlier", "last", "refs")

    def __init__(self, position: int, line: bytes, ref: str = "") -> None:
        self.last = position
        exact = bool(ref) and not ref.startswith(cleaning.ROUNDED)
        # the lines of the run going on; the first taken before the draft takes (and changes) its values
        self.current: list[bytes] = [] if exact else [line]
        self.earlier: Counter[bytes] | None = None  # the earlier runs' lines not met again yet
        self.refs: set[tuple[str, bytes]] | None = {(ref, line)} if exact else None  # the numbered lines met

    def repeated(self, position: int, line: bytes, ref: str = "") -> bool:
        """Whether the line at ``position`` (after every earlier one of the order) repeats an earlier line;
        ``line`` is its digest, ``ref`` its number if it has one."""
        if position != self.last + 1:  # a new run of this order's rows
            if self.earlier is None:
                self.earlier = Counter()
            self.earlier.update(self.current)
            self.current = []
        self.last = position
        if ref and not ref.startswith(cleaning.ROUNDED):
            if self.refs is None:
                self.refs = set()
            if (ref, line) in self.refs:
                return True
            self.refs.add((ref, line))
            return False
        if self.earlier and self.earlier[line]:
            self.earlier[line] -= 1
            return True
        self.current.append(line)
        return False


_NO_LINES: list[str] = []  # (a packed row without kept lines; never changed: PersonDraft copies it)


def _unpack(packed: _Packed) -> ParsedRow:
    """A packed row (PlanBuilder._pack) as the ParsedRow it was, with new dicts (its product dict empty)."""
    row, customer, customer_values, order, order_values, item, item_values, phones, masked, kept, skipped = packed
    return ParsedRow(row, dict(zip(customer, customer_values, strict=True)), dict(zip(order, order_values, strict=True)),
                     dict(zip(item, item_values, strict=True)), {}, phones, masked, list(kept), skipped)


_ROW_GOODS = (("product_title", ""), ("sku_spec", ""), ("quantity", 1))  # what tells a whole-order row's goods apart


def _one_order_again(draft: OrderDraft, parsed: ParsedRow) -> bool:
    """A row of an order of whole-order rows (``Preset.rows_are_orders``) with the goods (title, specification,
    quantity) of a line the order already has is that line read again — an older and a newer export pasted into
    one file, an order of one goods row or of several —, not a new line: the row whose status went furthest (the
    later one of two as far) is the order's. A row with other goods is a new line of the order."""
    item = parsed.item
    if not any(all(item.get(name, empty) == line.get(name, empty) for name, empty in _ROW_GOODS)
               for line in draft.items or ({},)):
        return False
    if order_progress(parsed.order) >= order_progress(draft.fields):
        draft.fields = parsed.order
    return True


def _line_and_ref(parsed: ParsedRow, own_amounts: bool = False) -> tuple[bytes, str]:
    """A row's line as ``_Runs`` compares it: its digest, and its number when it has one. A row that is a line
    with amounts of its own (``own_amounts``: Douyin) is compared by its goods only when it has a number (the
    same sub-order with the same title, specification, quantity and price is one line whatever its status and
    money: an older and a newer export pasted together; one number with other goods is Excel's rounding of two —
    a number Excel rounded, cleaning.line_number, is compared with its goods too, but by runs: ``_Runs``) and by
    its goods and money when it has none; a repeat is read once in the state furthest on (``_line_again``). A
    rounded line and the exact line it is (two copies, one through Excel) are made one when the order is finished
    (line_states.fold_rounded)."""
    ref = (parsed.item.get("line_ref") or "") if own_amounts else exact_ref(parsed.item)  # (exact, or rounded)
    if own_amounts and ref:  # a sub-order's number with the same goods names the line whatever its state
        return _line_of({"line_ref": ref}, {name: parsed.item.get(name) for name in _GOODS}), ref
    if own_amounts:
        order = parsed.order
        return _line_of({name: order[name] for name in SUMMED if name in order}, parsed.item), ""
    return _line_of(parsed.order, parsed.item), ref


def _line_again(draft: OrderDraft, parsed: ParsedRow) -> None:
    """A line of an order of line rows (Douyin) read again in a later run of its rows: when its status went as
    far or further (a refund counting: ``_line_progress``), the line takes the later row's state and the order the
    later row's times and tracking. Of twins (lines of the same goods whose numbers Excel rounded alike: two
    sub-orders read in one run of rows, ``_Runs``), the row is the twin furthest behind: each twin of a later
    copy takes the state of one twin of the earlier, whatever order the rows come in."""
    item = parsed.item
    ref = item.get("line_ref") or None  # (exact or rounded: line_states.keep_line)
    goods = [item.get(name) for name in _GOODS]
    if draft.line_states is None:  # the order's one line so far: its fields are that line's
        if line_progress(line_state(parsed.order)) >= line_progress(line_state(draft.fields)):
            draft.fields = parsed.order
            _take_state(draft.items[:1], parsed)
        return
    states = draft.line_states
    if len(states) != len(draft.items):
        return  # (a row without goods: the lines cannot be told apart)
    same = [position for position, line in enumerate(draft.items)
            if [line.get(name) for name in _GOODS] == goods and (line.get("line_ref") or line.get("line_rounded")) == ref]
    if not same:
        return
    position = min(same, key=lambda at: line_progress(states[at]))  # (of twins, the one furthest behind)
    line, amounts = draft.items[position], states[position][2]
    if line_progress(line_state(parsed.order)) >= line_progress(states[position]):
        states[position] = state = line_state(parsed.order)
        for name in SUMMED:  # the order's sums: this line's money as the later row gives it
            if name in amounts or name in state[2]:
                draft.fields[name] = draft.fields.get(name, 0) - amounts.get(name, 0) + state[2].get(name, 0)
        draft.fields.update({name: value for name, value in parsed.order.items()
                             if name not in (*SUMMED, "status", "after_sale_status")})
        _take_state([line], parsed)


def _take_state(lines: list[dict[str, Any]], parsed: ParsedRow) -> None:
    """The draft's line (if any, and numbered: line_states.keep_line) takes the later row's amount and state."""
    for line in lines:
        if line.get("line_state") and "amount_cents" in parsed.item:
            line["amount_cents"] = parsed.item["amount_cents"]
        if line.get("line_state"):
            line["line_state"] = state_json(parsed.order, line)


def _drop_repeated_detail_lines(plan: ImportPlan) -> None:
    """A detail file's lines pasted twice are read once: the lines of each order are compared as ``_Runs`` does,
    a run being consecutive rows of one sheet. A repeated line is noted (``duplicate_row``) and left out of
    ``plan.detail_items``; its row stays in ``plan.detail_rows`` (it was read). Only orders of several lines are
    looked at."""
    tables: dict[tuple[str, str], int] = {}
    for key, rows in plan.detail_rows.items():
        if len(rows) < 2:
            continue
        items, kept = plan.detail_items[key], []
        runs: _Runs | None = None
        for (file, sheet, row), item in zip(rows, items, strict=True):
            position = tables.setdefault((file, sheet), len(tables)) << 32 | row
            line = _line_of({}, item)
            if runs is None:
                runs = _Runs(position, line)
            elif runs.repeated(position, line):
                plan.errors.append(RowError(file, sheet, row, "", "duplicate_row", key[1], "note"))
                continue
            kept.append(item)
        plan.detail_items[key] = kept


def _line_of(order: dict[str, Any], item: dict[str, Any]) -> bytes:
    """A row's order and item values as a comparable digest (SHA-1 of their sorted repr: equal values, equal
    digests; 20 bytes instead of a text of hundreds)."""
    return hashlib.sha1(repr((sorted(order.items()), sorted(item.items()))).encode("utf-8", "surrogatepass")).digest()


def _first_time(order: dict[str, Any]) -> dt.datetime | None:
    return next((order[name] for name in _TIME_FIELDS if order.get(name)), None)


def _item_of(parsed: ParsedRow) -> dict[str, Any] | None:
    item = parsed.item  # each parsed row is used once: its item dict becomes the order's item
    if not item.get("product_title"):
        return None
    quantity = item.setdefault("quantity", 1)
    if "unit_price_cents" in item and "amount_cents" not in item:
        item["amount_cents"] = item["unit_price_cents"] * quantity
    return item


def _merge_person(person: PersonDraft, parsed: ParsedRow) -> None:
    fields = person.fields
    if not parsed.customer.items() <= fields.items():  # most rows repeat what the person has: test that first
        for name, value in parsed.customer.items():
            if name == "tags":
                person.tags.extend(tag for tag in value if tag not in person.tags)
            elif name == "platform_buyer_id" and value and fields.get(name) and value != fields[name]:
                fields["buyer_ids"] = (*fields.get("buyer_ids", ()), value)  # another account (customer_rows)
            elif value not in ("", None) and (not fields.get(name) or (
                    name in ("name", "real_name") and cleaning.is_masked_name(fields[name])
                    and not cleaning.is_masked_name(value))):
                fields[name] = value
    if parsed.phones != person.phones:
        person.phones.extend(dict.fromkeys(phone for phone in parsed.phones if phone not in person.phones))
    if parsed.kept:
        person.kept.extend(line for line in parsed.kept if line not in person.kept)
    if parsed.masked_phone and not person.masked_phone:
        person.masked_phone = parsed.masked_phone


def _finish_order(draft: OrderDraft) -> None:
    """Fill what the export leaves implicit: order time, amounts from items, our status word."""
    usable_refs(draft.items)
    fold_rounded(draft.fields, draft.items, draft.line_states)
    finish_fields(draft.fields, draft.line_states, draft.items)


def finish_fields(fields: dict[str, Any], line_states: list[tuple[Any, Any, dict[str, int]]] | None,
                  items: list[dict[str, Any]]) -> None:
    """An order's fields as read (its first row's, amounts summed over ``line_states`` when it has several lines
    with a status each) completed: order time, amounts from ``items``, our status word; a refunded order whose
    file gives no refund amount has refunded what it paid (DOMAIN §8: revenue is paid minus refunded)."""
    fields["created_at"] = fields.get("created_at") or _first_time(fields)
    if line_states:
        combine_lines(fields, line_states)
    if items and "goods_cents" not in fields and all("amount_cents" in item for item in items):
        fields["goods_cents"] = sum(item["amount_cents"] for item in items)
    if "paid_cents" not in fields and "goods_cents" in fields:
        fields["paid_cents"] = (fields["goods_cents"] + fields.get("postage_cents", 0)
                                - fields.get("discount_cents", 0))
    if len(items) == 1 and "amount_cents" not in items[0] and "paid_cents" in fields:
        item = items[0]
        item["amount_cents"] = fields.get("goods_cents", fields["paid_cents"])
        if "unit_price_cents" not in item:
            item["unit_price_cents"] = item["amount_cents"] // max(item["quantity"], 1)
        if "goods_cents" not in fields and not fields.get("postage_cents") and not fields.get("discount_cents"):
            fields["goods_cents"] = item["amount_cents"]  # a sheet's one amount: the goods it paid for, as its line
    status_text = fields.pop("status", "")
    after_sale = fields.pop("after_sale_status", "")
    status = cleaning.map_status(status_text) if status_text else None
    if status is None:
        status = _status_from_times(fields, has_status_column=bool(status_text))
    if after_sale or fields.get("refund_cents"):
        refund_status = cleaning.map_after_sale(after_sale, fields.get("paid_cents"), fields.get("refund_cents"))
        if refund_status and status not in ("unpaid", "closed"):
            status = refund_status
    if status == "refunded" and not fields.get("refund_cents") and fields.get("paid_cents"):
        fields["refund_cents"] = fields["paid_cents"]  # refunded in full, the file giving no amount: all it paid
    fields["status"] = status


def _status_from_times(fields: dict[str, Any], has_status_column: bool) -> str:
    for name, status in (("closed_at", "closed"), ("completed_at", "completed"), ("delivered_at", "delivered"),
                         ("shipped_at", "shipped"), ("paid_at", "paid")):
        if fields.get(name):
            return status
    # A hand-kept sheet lists sales that happened; a platform row without any time was never paid.
    return "unpaid" if has_status_column else "completed"
