"""Turn mapped sheet rows into clean customer / order / item / product records, with row errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from core.errors import CellRejected
from core.excel import cleaning
from core.excel.addresses import normalise_province, split_address
from core.excel.mapping import FIELDS, FieldMap
from core.excel.presets import Preset, platform_of
from core.excel.readers import Table

# What makes a row a purchase: a date alone does not (a sheet may list when someone was added).
_ORDER_SIGNAL = ("platform_order_no", "product_title", "paid_cents", "goods_cents", "unit_price_cents",
                 "amount_cents")


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row (or one cell of it) was not imported; ``row`` is the 1-based row number in the sheet."""

    file: str
    sheet: str
    row: int
    column: str
    code: str
    value: str = ""


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


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": cleaning.clean_text, "id": cleaning.clean_identifier, "datetime": cleaning.parse_datetime,
    "date": cleaning.parse_date, "birthday": cleaning.parse_birthday, "cents": cleaning.parse_cents,
    "quantity": cleaning.parse_quantity, "int": cleaning.parse_int, "tags": cleaning.split_tags,
    "gender": cleaning.parse_gender, "status": cleaning.clean_text, "phone": cleaning.parse_phones,
    "province": lambda value: normalise_province(cleaning.clean_text(value)),
    "platform": lambda value: platform_of(cleaning.clean_text(value), default=""),
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
            for row in self._table.sheet.rows[self._table.data_start:]:
                value = row[column] if column < len(row) else None
                if isinstance(value, dt.date):
                    years[value.year] += 1
                elif isinstance(value, str):
                    year = cleaning.year_in(value)
                    if year:
                        years[year] += 1
            self._by_column[column] = years.most_common(1)[0][0] if years else None
        return self._by_column[column]


_MISSING = object()


def _clean_column(rows: list[list[Any]], index: int, convert: Callable[[Any], Any],
                  hint: Callable[[], int | None] | None) -> tuple[list[Any], dict[int, CellRejected]]:
    """One mapped column cleaned top to bottom (a column repeats its values: each text is cleaned once).

    Returns the cleaned values (None for empty cells) and the rejected cells by row offset."""
    cleaned: list[Any] = [None] * len(rows)
    rejected: dict[int, CellRejected] = {}
    cache: dict[str, Any] = {}
    for offset, row in enumerate(rows):
        value = row[index] if index < len(row) else None
        if value is None or value == "":
            continue
        is_text = type(value) is str
        result = cache.get(value, _MISSING) if is_text else _MISSING
        if result is _MISSING:
            try:
                if hint is not None and is_text and "月" in value:
                    result = convert(value, hint())
                else:
                    result = convert(value)
            except CellRejected as error:
                result = error
            if is_text:
                cache[value] = result
        if type(result) is CellRejected:
            rejected[offset] = result
        elif result is not None and result != "" and result != []:
            cleaned[offset] = result
    return cleaned, rejected


def iter_rows(
    table: Table, mapping: FieldMap, preset: Preset,
    on_error: Callable[[RowError], None],
) -> Iterator[ParsedRow]:
    """Yield every good data row of ``table`` as a :class:`ParsedRow`; blank rows are passed over and
    every bad row is reported through ``on_error`` (one RowError per bad cell) and not yielded."""
    hints = _YearHints(table, mapping)
    sheet_name, headers = table.sheet.name, table.headers
    rows = table.sheet.rows[table.data_start:]
    names: list[str] = []
    columns: list[list[Any]] = []
    rejected_by_column: list[tuple[int, dict[int, CellRejected]]] = []
    for index, name in sorted(mapping.fields.items()):
        kind = FIELDS[name]
        hint = (lambda index=index: hints.for_column(index)) if kind in ("datetime", "date") else None
        values, rejected = _clean_column(rows, index, _CONVERTERS[kind], hint)
        names.append(name)
        columns.append(values)
        if rejected:
            rejected_by_column.append((index, rejected))
    for offset, raw_values in enumerate(zip(*columns, strict=True) if columns else ()):
        number = table.data_start + offset + 1
        errors = [RowError(table.file, sheet_name, number, headers[index], rejected[offset].code,
                           str(rejected[offset].details.get("value", "")))
                  for index, rejected in rejected_by_column if offset in rejected]
        if errors:
            for error in errors:
                on_error(error)
            continue
        values = {name: value for name, value in zip(names, raw_values, strict=True) if value is not None}
        if not values:
            continue
        parsed = _assemble(values, preset, number)
        problem = _problem(parsed, preset)
        if problem:
            code, field_name = problem
            column = mapping.column_of(field_name)
            on_error(RowError(table.file, sheet_name, number, headers[column] if column is not None else "", code))
            continue
        yield parsed


def _assemble(values: dict[str, Any], preset: Preset, row: int) -> ParsedRow:
    customer: dict[str, Any] = {}
    order: dict[str, Any] = {}
    item: dict[str, Any] = {}
    product: dict[str, Any] = {}
    groups = {"customer": customer, "order": order, "item": item, "product": product}
    for name, value in values.items():
        group = _GROUP_OF.get(name)
        if group is not None:
            groups[group][name] = value
    phones: list[str] = []
    masked = ""
    for source in ("phone", "receiver_phone", "phone_alt"):
        found = values.get(source)
        if not found:
            continue
        if source == "receiver_phone":
            order["receiver_phone"] = found[0].key or found[0].text
        for phone in found:
            if phone.key and phone.key not in phones:
                phones.append(phone.key)
            elif phone.masked and not masked:
                masked = phone.text
    customer.pop("phone", None)
    if preset.kind == "products":
        product.setdefault("product_name", item.pop("product_title", "") or values.get("name", ""))
        if "price_cents" not in product and "unit_price_cents" in item:
            product["price_cents"] = item.pop("unit_price_cents")
        return ParsedRow(row, {}, product=product)
    _fill_address(values, customer, order)
    if not customer.get("name"):
        for source in (order.get("receiver_name"), customer.get("real_name"), customer.get("platform_buyer_id"),
                       customer.get("wechat_id")):
            if source:
                customer["name"] = source
                break
    if order.get("receiver_name") and not customer.get("real_name") and preset.kind == "orders":
        customer["real_name"] = order["receiver_name"]
    parsed = ParsedRow(row, customer, order, item, product, phones, masked)
    if "after_sale_status" in values:
        order["after_sale_status"] = values["after_sale_status"]
    return parsed


_CUSTOMER_KEYS = frozenset(name for name in FIELDS if name in {
    "name", "real_name", "phone", "wechat_id", "qq", "platform_buyer_id", "email", "province", "city",
    "district", "address_detail", "postcode", "gender", "birthday", "tags", "source_channel", "note",
    "personality", "customer_ref"})
_ORDER_KEYS = frozenset({
    "platform", "platform_order_no", "status", "created_at", "paid_at", "shipped_at", "delivered_at",
    "completed_at", "goods_cents", "postage_cents", "discount_cents", "paid_cents", "refund_cents",
    "tracking_no", "carrier", "buyer_message", "seller_note", "receiver_name", "receiver_phone",
    "receiver_address"})
_ITEM_KEYS = frozenset({"product_title", "sku_spec", "quantity", "unit_price_cents", "amount_cents"})
_PRODUCT_KEYS = frozenset({"product_name", "category", "price_cents", "cycle_days", "lead_days"})
_GROUP_OF = ({name: "customer" for name in _CUSTOMER_KEYS} | {name: "order" for name in _ORDER_KEYS}
             | {name: "item" for name in _ITEM_KEYS} | {name: "product" for name in _PRODUCT_KEYS})


def _fill_address(values: dict[str, Any], customer: dict[str, Any], order: dict[str, Any]) -> None:
    """Province/city/district/detail from a whole-address column when the parts are not given."""
    whole = values.get("address") or order.get("receiver_address") or ""
    if "street" in values:
        customer["address_detail"] = values["street"] + customer.get("address_detail", "")
    if whole:
        parts = split_address(whole)
        for name in ("province", "city", "district", "postcode"):
            if getattr(parts, name) and not customer.get(name):
                customer[name] = getattr(parts, name)
        if parts.detail and not customer.get("address_detail"):
            customer["address_detail"] = parts.detail
    if order and not order.get("receiver_address"):
        joined = "".join(customer.get(name, "") for name in ("province", "city", "district", "address_detail"))
        if joined and (order.get("platform_order_no") or order.get("receiver_name")):
            order["receiver_address"] = joined


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
