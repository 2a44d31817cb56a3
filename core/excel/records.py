"""Turn mapped sheet rows into clean customer / order / item / product records, with row errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from itertools import compress, repeat
from operator import is_not, itemgetter, not_
from typing import Any

from core.errors import CellRejected
from core.excel import cleaning
from core.excel.addresses import normalise_province
from core.excel.assembly import BlockAssembler, scatter
from core.excel.mapping import FIELDS, KEEP, FieldMap
from core.excel.presets import Preset, platform_of
from core.excel.readers import Table, repeated_header_rows
from core.excel.sheet_rows import LazyRows, row_blocks, rows_from
from core.postcodes import clean_postcode

# What makes a row a purchase: a date alone does not (a sheet may list when someone was added).
_ORDER_SIGNAL = ("platform_order_no", "product_title", "paid_cents", "goods_cents", "unit_price_cents",
                 "amount_cents")


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row (or one cell of it) was not imported; ``row`` is the 1-based row number in the sheet.

    ``scope`` says what was left out: ``row`` (the whole row, counted as skipped), ``purchase`` (the row's
    customer was imported, its purchase was not), ``field`` (the customer was imported without that cell: a
    birthday that cannot be read) or ``note`` (nothing lost: a repeated line read once, a total row
    passed over)."""

    file: str
    sheet: str
    row: int
    column: str
    code: str
    value: str = ""
    scope: str = "row"


@dataclass(slots=True)
class ParsedRow:
    """One good row: customer fields, and the order / item / product fields it carries (may be empty)."""

    row: int
    customer: dict[str, Any]
    order: dict[str, Any] = field(default_factory=dict)
    item: dict[str, Any] = field(default_factory=dict)
    product: dict[str, Any] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)
    masked_phone: str = ""
    kept: list[str] = field(default_factory=list)  # "header：value" of the columns mapped to KEEP
    purchase_skipped: bool = False  # a purchase cell was bad: the customer is imported, the purchase is not


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": cleaning.clean_text, "id": cleaning.clean_identifier, "datetime": cleaning.parse_datetime,
    "date": cleaning.parse_date, "birthday": cleaning.parse_birthday, "cents": cleaning.parse_cents,
    "quantity": cleaning.parse_quantity, "int": cleaning.parse_int, "tags": cleaning.split_tags,
    "listed_tags": cleaning.split_listed_tags,
    "gender": cleaning.parse_gender, "status": cleaning.clean_text, "phone": cleaning.parse_phones,
    "bool": cleaning.parse_bool, "on_sale": cleaning.parse_on_sale,
    "line": cleaning.line_number, "line_state": cleaning.line_state_text, "lines": cleaning.line_numbers,
    "province": lambda value: normalise_province(cleaning.clean_text(value)),
    "platform": lambda value: platform_of(cleaning.clean_text(value), default=""),
    "postcode": lambda value: clean_postcode(cleaning.clean_identifier(value)),
}


class _YearHints:
    """Year for 5月3日-style dates: from the sheet name, the file name, else the column's usual year."""

    def __init__(self, table: Table, mapping: FieldMap) -> None:
        self._fixed = cleaning.year_in(table.sheet.name) or cleaning.year_in(table.file)
        self._table, self._mapping = table, mapping
        self._by_column: dict[int, int | None] = {}

    def for_column(self, column: int) -> int | None:
        if self._fixed is not None:
            return self._fixed
        if column not in self._by_column:
            years: Counter[int] = Counter()
            for row in rows_from(self._table.sheet.rows, self._table.data_start):
                value = row[column] if column < len(row) else None
                if isinstance(value, dt.date):
                    years[value.year] += 1
                elif isinstance(value, str):
                    year = cleaning.year_in(value)
                    if year:
                        years[year] += 1
            self._by_column[column] = years.most_common(1)[0][0] if years else None
        return self._by_column[column]


def _shows_rounding(table: Table, column: int) -> Callable[[], bool]:
    """cleaning.column_shows_rounding of a column of the table (a workbook's cells typed: its rows are LazyRows),
    its cells walked once when first asked."""
    @cache
    def shows() -> bool:
        rows = rows_from(table.sheet.rows, table.data_start)
        return cleaning.column_shows_rounding((row[column] for row in rows if column < len(row)),
                                              typed=isinstance(table.sheet.rows, LazyRows))
    return shows


# Fields each order has of its own, whose texts are seldom seen again (_clean_column)
_OWN_TO_AN_ORDER = frozenset({"platform_order_no", "order_ref", "created_at", "paid_at", "shipped_at",
                              "delivered_at", "completed_at", "closed_at", "tracking_no", "buyer_message",
                              "seller_note", "line_ref"})
_BLOCK = 2_000  # rows cleaned and assembled at a time: progress and cancel, and a block's cells (as lists) are few MB


def _clean_column(values: list[Any], column: _Column) -> tuple[list[Any], dict[int, CellRejected]]:
    """One block of a mapped column cleaned top to bottom. A column repeats its values, so each distinct
    text is cleaned once (``column.by_text`` keeps the results across blocks) and the block is then mapped
    through them; numbers and dates are cleaned cell by cell.

    A column of what each order has of its own (its number, times, tracking number: ``_OWN_TO_AN_ORDER``) whose
    texts mostly differ (more than half of a block's are new) keeps none of them: each block's texts are cleaned
    into a dict of its own, let go with the block (a 634,274-line sheet's would be millions of texts kept to the
    end of its walk, each read once). Other columns keep theirs even so: a customer's name or phone on each of
    their order lines, blocks apart, is then one object, not one a line.

    Returns the cleaned values (None for empty cells and rejected ones) and the rejected cells by offset."""
    convert, hint = column.convert, column.hint
    by_text = {None: None, "": None} if column.texts_differ else column.by_text
    distinct = set(values)
    kinds = set(map(type, distinct))
    kinds.discard(type(None))
    mixed = bool(kinds - {str})
    # the texts not cleaned yet (by_text holds None from the start)
    new = [value for value in distinct if type(value) is str and value not in by_text] if mixed else distinct - by_text.keys()
    if new:
        _clean_texts(new, column, by_text)
        if (not column.texts_differ and column.name in _OWN_TO_AN_ORDER and len(values) >= _BLOCK // 4
                and len(new) * 2 > len(values)):
            column.texts_differ = True
            column.by_text = {None: None, "": None}  # (this block maps through by_text, still whole)
    any_rejected = column.rejects_text  # (then every later block is searched for rejected cells too)
    if mixed and len(kinds) == 1 and len(distinct) * 2 <= len(values):
        # Numbers (or dates) only, repeated (amounts, quantities): each distinct one cleaned once. One kind of
        # value only, as a set takes 1, 1.0 and True for one value.
        by_value = {value: _cleaned_cell(value, convert, hint) for value in distinct if value is not None}
        by_value[None] = None
        cleaned = list(map(by_value.__getitem__, values))
    elif mixed:
        cleaned = [by_text[value] if value is None or type(value) is str else _cleaned_cell(value, convert, hint)
                   for value in values]
    else:
        cleaned = list(map(by_text.__getitem__, values))
    rejected: dict[int, CellRejected] = {}
    if mixed or any_rejected:
        for offset, result in enumerate(cleaned):
            if type(result) is CellRejected:
                rejected[offset] = result
                cleaned[offset] = None
    return cleaned, rejected


def _clean_texts(texts: Collection[str], column: _Column, by_text: dict[Any, Any]) -> None:
    """Clean texts not seen before into ``by_text``. Most columns reject none of their texts: they are
    converted at C speed (map), and cell by cell only when some text is refused or needs the year hint."""
    convert, hint = column.convert, column.hint
    if hint is None or "月" not in "".join(texts):
        try:
            results = list(map(convert, texts))
        except CellRejected:
            pass
        else:
            by_text.update(zip(texts, results, strict=True))
            if not all(results):
                for text, result in zip(texts, results, strict=True):
                    if not result and result != 0:  # as _cleaned_cell: "" and [] are empty, 0 and False values
                        by_text[text] = None
            return
    for text in texts:
        result = by_text[text] = _cleaned_cell(text, convert, hint)
        if type(result) is CellRejected:
            column.rejects_text = True


def _cleaned_cell(value: Any, convert: Callable[..., Any], hint: Callable[[], int | None] | None) -> Any:
    """The cleaned cell; None when it is empty once cleaned, the CellRejected when it is refused."""
    try:
        if hint is not None and type(value) is str and "月" in value:
            result = convert(value, hint())
        else:
            result = convert(value)
    except CellRejected as error:
        return error
    return None if not result and result != 0 else result  # "" and [] are empty; 0 and False are values


@dataclass(slots=True)
class _Column:
    """One mapped column of a table: where it is, its field and group, how its cells are cleaned."""

    index: int
    name: str
    group: str | None
    convert: Callable[..., Any]  # (value) or, for dates and times, (value, year hint)
    hint: Callable[[], int | None] | None
    by_text: dict[Any, Any] = field(default_factory=lambda: {None: None, "": None})  # cleaned value by text
    rejects_text: bool = False  # some text of the column was rejected
    texts_differ: bool = False  # most of its texts are new in each block: none are kept (_clean_column)


@dataclass(slots=True)
class CleanedBlock:
    """One block of a table's rows, cleaned (the first pass of :class:`TableRows`): a list per mapped field,
    not yet a dict per row, so a whole sheet's blocks take little more than its distinct values."""

    first_number: int  # the sheet row number of its first row
    size: int
    values: dict[str, list[Any]]  # cleaned column by field (None: empty or rejected)
    kept_rows: list[dict[str, Any]] | None  # header → value of the columns kept in the note
    filled: set[int]  # rows with some value (the others are blank), unless every_row_filled
    every_row_filled: bool
    errors: dict[int, list[tuple[str | None, str, RowError]]]  # (group, field, error) by row offset
    totals: dict[int, str]  # total rows (合计…) by offset, with their word


class TableRows:
    """The good rows of one table, read in two passes so that the sheet can be let go in between (issue #18:
    a workbook's range is ≈ 100 MB for 50,000 rows; the rows as dicts as much again): :meth:`cleaned` walks the
    sheet, cleaning it a block of rows at a time, column by column; :meth:`rows` turns one cleaned block into
    :class:`ParsedRow` objects, reporting its bad rows (one RowError per bad cell) through ``on_error`` in row
    order. Blank rows are passed over. :func:`iter_rows` chains the two for a caller that keeps the sheet."""

    def __init__(self, table: Table, mapping: FieldMap, preset: Preset,
                 on_error: Callable[[RowError], None]) -> None:
        self.table, self._mapping, self._on_error = table, mapping, on_error
        # the most cleaned texts a column keeps (its by_text) when the rows are let go as read (core.excel.rounds:
        # a 634,274-line sheet's customers' names, phones and addresses kept to the end of the walk: ≈ 90 MB)
        self.kept_texts: int | None = None
        hints = _YearHints(table, mapping)
        self._columns = []
        for index, name in sorted(mapping.fields.items()):
            kind = "listed_tags" if name == "tags" and preset.listed_tags else FIELDS[name]
            hint = (lambda index=index: hints.for_column(index)) if kind in ("datetime", "date") else None
            if name == KEEP:  # each kept column under its own header
                self._columns.append(_Column(index, table.headers[index] or f"#{index + 1}", "kept",
                                             _CONVERTERS[kind], None))
                continue
            convert = _CONVERTERS[kind]
            if kind in ("line", "lines"):  # digits ending in zeros are Excel's rounding only where the column shows it
                number = cleaning.line_number if kind == "line" else cleaning.line_numbers
                convert = partial(number, shows_rounding=_shows_rounding(table, index))
            self._columns.append(_Column(index, name, _GROUP_OF.get(name), convert, hint))
        self._assembler = BlockAssembler(preset, _GROUP_OF)

    def cleaned(self) -> Iterator[CleanedBlock]:
        """The table's data rows, a cleaned block of ``_BLOCK`` rows at a time (nothing reported yet)."""
        table = self.table
        for start, block in zip(range(table.data_start, len(table.sheet.rows), _BLOCK),
                                row_blocks(table.sheet.rows, table.data_start, _BLOCK), strict=False):
            yield self._clean(block, start + 1)

    def _clean(self, block: Sequence[list[Any]], first_number: int) -> CleanedBlock:
        """Each mapped column of one block cleaned; what makes a row blank, bad or a total row noted."""
        table = self.table
        columns = self._columns
        repeated = repeated_header_rows(block, table.headers, [column.index for column in columns])
        if repeated:  # read as blank rows
            block = [[] if offset in repeated else row for offset, row in enumerate(block)]
        cleaned_block = CleanedBlock(first_number, len(block), {}, None, set(), False, {}, _total_rows(block))
        size, values, errors = cleaned_block.size, cleaned_block.values, cleaned_block.errors
        for column in columns:
            try:
                cells = list(map(itemgetter(column.index), block))
            except IndexError:  # a ragged sheet (CSV rows of different lengths)
                cells = [row[column.index] if column.index < len(row) else None for row in block]
            cleaned, rejected = _clean_column(cells, column)
            if self.kept_texts is not None and len(column.by_text) > self.kept_texts and column.hint is None:
                column.by_text = {None: None, "": None}  # (the texts of the blocks to come cleaned anew)
            for offset, rejection in rejected.items():
                errors.setdefault(offset, []).append((column.group, column.name, RowError(
                    table.file, table.sheet.name, first_number + offset, table.headers[column.index],
                    rejection.code, str(rejection.details.get("value", "")))))
            empty = cleaned.count(None)
            if empty == size:
                continue
            if not empty:
                cleaned_block.every_row_filled = True
            elif not cleaned_block.every_row_filled:
                cleaned_block.filled.update(compress(range(size), map(is_not, cleaned, repeat(None))))
            if column.group == "kept":
                if cleaned_block.kept_rows is None:
                    cleaned_block.kept_rows = [{} for _ in range(size)]
                scatter(cleaned_block.kept_rows, column.name, cleaned)
            elif column.name in values:  # a field twice (a hand-made mapping): the later column's values win
                values[column.name] = [value if value is not None else before
                                       for before, value in zip(values[column.name], cleaned, strict=True)]
            else:
                values[column.name] = cleaned
        return cleaned_block

    def rows(self, block: CleanedBlock) -> Iterator[ParsedRow]:
        """The good rows of a cleaned block, its row errors and notes reported as they come."""
        table, mapping, on_error = self.table, self._mapping, self._on_error
        first_number, values, errors, totals = block.first_number, block.values, block.errors, block.totals
        preset = self._assembler.preset
        self._assembler.kept = self.kept_texts
        customers, orders, items, products, phones, masked = self._assembler.assemble(values, block.size)
        for offset, (customer, order, item, product, kept) in enumerate(zip(
                customers, orders, items, products, block.kept_rows or repeat(None), strict=False)):
            if offset in totals:
                on_error(RowError(table.file, table.sheet.name, first_number + offset,
                                  table.headers[0] if table.headers else "", "total_row", totals[offset], "note"))
                continue
            purchase_only = False
            unread: list[str] = []  # cells left out alone (a birthday nobody can read): kept in the note as written
            if offset in errors:
                scopes = [_left_out(group, name, preset) for group, name, _error in errors[offset]]
                partly = "row" not in scopes and any(values[name][offset] is not None for name in values
                                                     if _GROUP_OF.get(name) in ("customer", "order"))
                for scope, (_group, _name, error) in zip(scopes, errors[offset], strict=True):
                    on_error(replace(error, scope=scope) if partly else error)
                    if scope == "field" and error.value:
                        unread.append(f"{error.column}：{error.value[:500]}")
                if not partly:
                    continue
                purchase_only = "purchase" in scopes
            if not block.every_row_filled and offset not in block.filled:
                continue  # a blank row
            number = first_number + offset
            parsed = ParsedRow(number, customer, order, item, product, phones[offset], masked[offset],
                               [*(f"{header}：{value[:500]}" for header, value in (kept or {}).items()), *unread]
                               if kept or unread else [], purchase_only)
            problem = _problem(parsed, preset)
            if problem:
                code, field_name = problem
                column_index = mapping.column_of(field_name)
                on_error(RowError(table.file, table.sheet.name, number,
                                  table.headers[column_index] if column_index is not None else "", code))
                continue
            yield parsed


def iter_rows(
    table: Table, mapping: FieldMap, preset: Preset,
    on_error: Callable[[RowError], None],
) -> Iterator[ParsedRow]:
    """Yield every good data row of ``table`` as a :class:`ParsedRow`; blank rows are passed over and
    every bad row is reported through ``on_error`` (one RowError per bad cell) and not yielded.

    The work is done column by column on blocks of rows (cleaning and grouping cells costs a fraction of
    doing it cell by cell); rows and errors still come out in row order. (:class:`TableRows`, whose two
    passes this chains block by block.)"""
    reader = TableRows(table, mapping, preset, on_error)
    for block in reader.cleaned():
        yield from reader.rows(block)


_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "总合计", "合计金额", "总数", "汇总", "共计", "total", "sum", "subtotal"})


def _total_rows(block: Sequence[list[Any]]) -> dict[int, str]:
    """Rows whose first cell with text says 合计 / 总计 / 小计 (a sheet's total line), with that word. Rows
    starting with text (most) are looked at column-wise; the others cell by cell."""
    try:
        firsts = list(map(itemgetter(0), block))
    except IndexError:  # an empty (or blank) row
        firsts = [row[0] if row else None for row in block]
    starts_with_text = [type(cell) is str and cell != "" for cell in firsts]
    texts = list(compress(firsts, starts_with_text))
    # (an order number or a phone, digits only, is no total word: not looked at)
    candidates = list(compress(zip(compress(range(len(block)), starts_with_text), texts, strict=True),
                               map(not_, map(str.isdigit, texts))))
    found = {offset: text.strip() for offset, text in candidates if _total_word(text) in _TOTAL_WORDS}
    if len(texts) < len(block):
        for offset in compress(range(len(block)), map(not_, starts_with_text)):
            for cell in block[offset][1:3]:
                if type(cell) is str and cell:
                    if _total_word(cell) in _TOTAL_WORDS:
                        found[offset] = cell.strip()
                    break
    return found


def _total_word(cell: str) -> str:
    return cell.strip().rstrip(":：").replace(" ", "").lower()


_CUSTOMER_KEYS = frozenset(name for name in FIELDS if name in {
    "name", "real_name", "phone", "wechat_id", "qq", "platform_buyer_id", "email", "province", "city",
    "district", "address_detail", "postcode", "gender", "birthday", "tags", "source_channel", "note",
    "personality", "customer_ref", "do_not_disturb", "risk_buyer", "referrer_ref", "points_balance", "aliases"})
_ORDER_KEYS = frozenset({
    "platform", "platform_order_no", "status", "created_at", "paid_at", "shipped_at", "delivered_at",
    "completed_at", "closed_at", "goods_cents", "postage_cents", "discount_cents", "paid_cents", "refund_cents",
    "tracking_no", "carrier", "buyer_message", "seller_note", "receiver_name", "receiver_phone",
    "receiver_address", "order_ref", "removed_line_refs"})
_ITEM_KEYS = frozenset({"product_title", "sku_spec", "quantity", "unit_price_cents", "amount_cents", "line_ref",
                        "line_state", "line_product"})
_PRODUCT_KEYS = frozenset({"product_name", "category", "price_cents", "cycle_days", "lead_days", "product_code",
                           "product_active", "product_note"})
_GROUP_OF = ({name: "customer" for name in _CUSTOMER_KEYS} | {name: "order" for name in _ORDER_KEYS}
             | {name: "item" for name in _ITEM_KEYS} | {name: "product" for name in _PRODUCT_KEYS})


# Customer fields a bad cell of which costs only that cell: the customer is imported without it.
_CELL_ONLY_FIELDS = frozenset({"birthday"})


def _left_out(group: str | None, name: str, preset: Preset) -> str:
    """What a bad cell of a row that names someone costs: the cell alone for a birthday ("field"), the
    purchase for a purchase cell (date, amount, quantity…) of an orders table ("purchase"), else the row. A bad
    order number is not "a purchase": the row says nothing reliable (issue #18's rounded numbers)."""
    if name in _CELL_ONLY_FIELDS:
        return "field"
    if preset.kind == "orders" and group in ("order", "item") and name != "platform_order_no":
        return "purchase"
    return "row"


def _problem(parsed: ParsedRow, preset: Preset) -> tuple[str, str] | None:
    """A row-level reason to skip the row (code, field), or None."""
    if preset.kind == "products":
        return None if parsed.product.get("product_name") else ("product_missing", "product_name")
    if preset.kind == "items":
        if not parsed.order.get("platform_order_no"):
            return ("order_no_missing", "platform_order_no")
        return None
    customer = parsed.customer
    if not (parsed.phones or customer.get("name") or customer.get("platform_buyer_id")
            or customer.get("wechat_id") or customer.get("qq")):
        return ("identity_missing", "name")
    return None


def has_order(parsed: ParsedRow) -> bool:
    """True when the row describes a purchase (an order number, a product or an amount)."""
    return any(name in parsed.order or name in parsed.item for name in _ORDER_SIGNAL)


def identity_fields_present(mapping: FieldMap) -> bool:
    """True when some mapped column can identify a customer (else the file is rejected)."""
    return bool(mapping.mapped_fields() & {
        "name", "real_name", "phone", "wechat_id", "qq", "platform_buyer_id", "receiver_name",
        "receiver_phone", "phone_alt", "email", "product_name", "platform_order_no"})
