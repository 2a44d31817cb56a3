"""Open a file for import: read its sheets, find each header row, choose presets and column mappings."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import Cancelled, ImportRejected
from core.excel.mapping import KEEP, FieldMap, build_mapping, header_signature, is_known_header
from core.excel.presets import PRESETS, Preset, detect_preset, is_export_header
from core.excel.readers import DEFAULT_LIMITS, Limits, Table, find_table, read_sheets, repeated_header_rows
from core.excel.records import ParsedRow, RowError, TableRows, iter_rows
from core.excel.sheet_rows import LazyRows, row_blocks

if TYPE_CHECKING:  # SQLAlchemy is imported where a book is used: read_ahead reads while it is imported
    from sqlalchemy.orm import Session

_CUSTOMER_IDENTITY = {"name", "real_name", "phone", "wechat_id", "qq", "platform_buyer_id", "receiver_name",
                      "receiver_phone", "phone_alt"}
_KIND_IDENTITY = {"products": {"product_name"}, "items": {"platform_order_no"}, "ignored": set(),
                  "ledger": {"customer_ref"}}


@dataclass(frozen=True, slots=True)
class TableChoice:
    """How one sheet will be imported: its header row (1-based), preset and column → field mapping."""

    file: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    preset: str
    kind: str
    fields: Mapping[int, str]
    signature: str
    remembered: bool
    data_rows: int | None  # None: not counted yet (choose(count_rows=False); count_data_rows counts them)
    usable: bool


@dataclass(slots=True)
class LoadedFile:
    """A file read into memory, with the tables found in it (kept between analysis and import)."""

    path: Path
    tables: list[Table]
    skipped_sheets: list[str] = field(default_factory=list)
    companions: list[LoadedFile] = field(default_factory=list)


def load_file(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS,
              with_companions: bool = True, count_rows: bool = True) -> LoadedFile:
    """Read every sheet of a file and find the header row of each (sheets without one are skipped).

    A Taobao ExportOrderList file brings its ExportOrderDetailList companion from the same folder
    (same suffix), so items and quantities are joined on 订单编号. With `count_rows`, a workbook's data rows are
    counted here for the mapping detected (what the import dialog shows); an import that goes straight on (the
    command line, `run_import` of a path) leaves that walk of the sheet out. Raises ImportRejected.
    """
    path = Path(path)
    sheets = read_sheets(path, limits)
    loaded = LoadedFile(path, [])
    for sheet in sheets:
        table = find_table(path.name, sheet, is_known_header, is_export_header)
        if table is None:
            loaded.skipped_sheets.append(sheet.name)
        else:
            loaded.tables.append(table)
            if count_rows and isinstance(sheet.rows, LazyRows):
                choose(table)  # its rows counted now, on the reading thread, for the mapping detected (_data_rows)
    if not loaded.tables:
        raise ImportRejected("no_header", file=path.name)
    if with_companions:
        found = re.match(r"(?i)ExportOrderList(.*)$", path.name)
        if found:
            companion = path.with_name("ExportOrderDetailList" + found.group(1))
            if companion.exists():
                loaded.companions.append(load_file(companion, limits, with_companions=False, count_rows=count_rows))
    return loaded


def read_ahead(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Callable[[], LoadedFile]:
    """Start `load_file` on a thread and return the function that waits for its LoadedFile (or raises what it
    raised). calamine parses a workbook without holding the GIL, so a command line import reads its file while
    the book's modules are imported and the book opens (≈ 0.4 s of wall time on a 50,000-row .xlsx). The thread
    is not a daemon: a process that stops early (a refused book) still ends after the read, never inside it."""
    import threading

    from core.gc_pause import garbage_collector_paused

    outcome: list[LoadedFile | BaseException] = []

    def read() -> None:
        try:
            with garbage_collector_paused():  # as run_import reads (millions of cells)
                outcome.append(load_file(path, limits, count_rows=False))  # (an import follows, no dialog)
        except BaseException as error:  # handed to the caller
            outcome.append(error)

    thread = threading.Thread(target=read, name="read-ahead")
    thread.start()

    def result() -> LoadedFile:
        thread.join()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    return result


def remembered_mappings(session: Session, signatures: list[str]) -> dict[str, tuple[str, dict[str, str]]]:
    """{signature: (preset, {normalised header: field})} of mappings the seller corrected before."""
    from sqlalchemy import select

    from core.book.models import ColumnMapping

    rows = session.execute(select(ColumnMapping).where(ColumnMapping.header_signature.in_(signatures)))
    return {row.header_signature: (row.preset, json.loads(row.mapping_json)) for row in rows.scalars()}


def remember_mapping(session: Session, signature: str, preset: str, overrides: Mapping[str, str]) -> None:
    """Store a corrected mapping for every later file with the same headers."""
    from core.book.models import ColumnMapping

    row = session.get(ColumnMapping, signature)
    encoded = json.dumps(dict(overrides), ensure_ascii=False)
    if row is None:
        session.add(ColumnMapping(header_signature=signature, preset=preset, mapping_json=encoded))
    else:
        row.preset, row.mapping_json = preset, encoded


def choose(table: Table, preset_key: str | None = None, overrides: Mapping[str, str] | None = None,
           remembered: Mapping[str, tuple[str, dict[str, str]]] | None = None, *,
           count_rows: bool = True) -> TableChoice:
    """The preset and mapping for a table: explicit choices first, then a remembered correction, then
    detection from the headers. Counting its data rows walks the whole sheet (0.15 s for 50,000 workbook rows,
    seconds for a sliced export): with ``count_rows=False`` the choice comes at once and ``data_rows`` is None
    unless that mapping's rows were counted before (the import dialog counts them on a worker thread,
    `count_data_rows`)."""
    signature = header_signature(table.headers)
    stored = (remembered or {}).get(signature)
    if preset_key is None and stored is not None:
        preset_key = stored[0] or None
    if overrides is None and stored is not None:
        overrides = stored[1]
    preset = PRESETS[preset_key] if preset_key else detect_preset(table.headers)
    mapping = build_mapping(table.headers, preset.columns, preset.use_synonyms, overrides,
                            keep_unknown=preset.use_synonyms and preset.kind == "orders")
    identity = _KIND_IDENTITY.get(preset.kind, _CUSTOMER_IDENTITY)
    columns = tuple(sorted(mapping.fields))
    data_rows = _data_rows(table, columns) if count_rows else _counted_before(table, columns)
    return TableChoice(
        table.file, table.sheet.name, table.header_index + 1, table.headers, preset.key, preset.kind,
        dict(mapping.fields), signature, stored is not None, data_rows,
        preset.kind == "setting" or bool(mapping.mapped_fields() & identity),
    )


def count_data_rows(table: Table, choice: TableChoice, is_cancelled: Callable[[], bool] | None = None) -> int:
    """The data rows of ``table`` under ``choice``'s mapping (what ``choose`` counts), for a worker thread: the
    walk stops with Cancelled between blocks once ``is_cancelled()`` is true."""
    return _data_rows(table, tuple(sorted(choice.fields)), is_cancelled)


def _data_rows(table: Table, columns: tuple[int, ...], is_cancelled: Callable[[], bool] | None = None) -> int:
    """Rows with a value under the header, less those repeating the header in ``columns``. A workbook's rows are
    walked (converted again) each time, so the count is kept with them by mapping."""
    rows = table.sheet.rows
    memo = rows.memo if isinstance(rows, LazyRows) else {}
    key = (table.data_start, table.headers, columns)
    if key not in memo:
        count = 0
        for block in row_blocks(rows, table.data_start, 10_000):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("cancelled")
            count += sum(1 for row in block if any(row)) - len(repeated_header_rows(block, table.headers, list(columns)))
        memo[key] = count
    return memo[key]


def counting_walks(table: Table) -> bool:
    """Whether counting the table's data rows walks its sheet again (a workbook's rows past the head)."""
    rows = table.sheet.rows
    return isinstance(rows, LazyRows) and len(rows) > len(rows.head)


def _counted_before(table: Table, columns: tuple[int, ...]) -> int | None:
    rows = table.sheet.rows
    return rows.memo.get((table.data_start, table.headers, columns)) if isinstance(rows, LazyRows) else None


def kept_headers(choice: TableChoice) -> list[str]:
    """The headers of the columns kept in the customer's note (mapped to KEEP), in sheet order."""
    return [choice.headers[index] for index, name in sorted(choice.fields.items()) if name == KEEP]


def lacks_product_column(choice: TableChoice) -> bool:
    """True for an order sheet that records purchases (an order number, a date or an amount is mapped) but
    whose product column is not mapped: its orders would come in without products, so no repurchase
    reminders — the dialog warns before importing."""
    fields = set(choice.fields.values())
    purchases = fields & {"platform_order_no", "created_at", "paid_cents", "goods_cents", "quantity"}
    return choice.kind == "orders" and bool(purchases) and "product_title" not in fields


def preset_of(choice: TableChoice) -> Preset:
    return PRESETS[choice.preset]


def parse_table(table: Table, choice: TableChoice, on_error, limit: int | None = None):
    """Iterate the good rows of a table under a choice (``limit`` data rows only, for previews)."""
    if limit is not None:
        from core.excel.readers import Sheet

        rows = table.sheet.rows[: table.data_start + limit]
        table = Table(table.file, Sheet(table.sheet.name, rows), table.header_index, table.headers)
    return iter_rows(table, FieldMap(choice.fields), preset_of(choice), on_error)


def table_rows(table: Table, choice: TableChoice, on_error) -> TableRows:
    """A table's good rows under a choice, read in two passes (core.excel.records.TableRows)."""
    return TableRows(table, FieldMap(choice.fields), preset_of(choice), on_error)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One row as it will be imported: field → shown text, or the reasons it will be skipped (``errors``
    with ``values`` too: the customer is imported, the purchase or a note's line is not)."""

    row: int
    values: Mapping[str, str]
    errors: tuple[RowError, ...] = ()


def preview(table: Table, choice: TableChoice, limit: int = 20, with_customers: bool = True) -> list[PreviewRow]:
    """The first ``limit`` data rows cleaned exactly as the import will clean them. A history sheet of our export
    (kind ledger: tasks, coupons…) names no customer of its own, only the export's customer number: its rows show
    that number, and when ``with_customers`` is false (the export's customers sheet is not imported with it)
    the reason the import refuses them, ``history_needs_customers``."""
    if choice.kind == "ledger":
        return _history_preview(table, choice, limit, with_customers)
    errors: list[RowError] = []
    good: dict[int, ParsedRow] = {}
    for parsed in parse_table(table, choice, errors.append, limit):
        good[parsed.row] = parsed
    rows: list[PreviewRow] = []
    for number in sorted(set(good) | {error.row for error in errors}):
        if number in good:  # (with the errors of a purchase left out, if any)
            rows.append(PreviewRow(number, _shown(good[number]),
                                   tuple(error for error in errors if error.row == number)))
        else:
            rows.append(PreviewRow(number, {}, tuple(error for error in errors if error.row == number)))
    return rows


def _history_preview(table: Table, choice: TableChoice, limit: int, with_customers: bool) -> list[PreviewRow]:
    column = next((index for index, name in choice.fields.items() if name == "customer_ref"), None)
    rows: list[PreviewRow] = []
    for number, row in enumerate(table.sheet.rows[table.data_start: table.data_start + limit], table.data_start + 1):
        if not any(cell not in (None, "") for cell in row):
            continue
        ref = row[column] if column is not None and column < len(row) else ""
        errors = () if with_customers else (RowError(table.file, table.sheet.name, number, "",
                                                     "history_needs_customers", "", "row"),)
        rows.append(PreviewRow(number, {"customer_ref": _reference(ref)} if with_customers else {}, errors))
    return rows


def _reference(cell: object) -> str:
    return str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell or "")


def _shown(parsed: ParsedRow) -> dict[str, str]:
    values: dict[str, str] = {}
    for part in (parsed.customer, parsed.order, parsed.item, parsed.product):
        for name, value in part.items():
            if name == "tags":
                values[name] = "、".join(value)
            elif name == "birthday":
                year, month, day, lunar = value
                values[name] = ("农历" if lunar else "") + (f"{year}-{month:02d}-{day:02d}" if year else f"{month}月{day}日")
            elif name.endswith("_cents") and isinstance(value, int):
                values[name] = f"{value / 100:.2f}"
            elif isinstance(value, dt.datetime):
                values[name] = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
            elif isinstance(value, dt.date):
                values[name] = value.isoformat()
            else:
                values[name] = str(value)
    if parsed.kept:
        values["keep"] = "；".join(parsed.kept)
    address = " ".join(parsed.customer.get(name, "") for name in ("province", "city", "district", "address_detail"))
    if address.strip():
        values["address"] = " ".join(address.split())
    if parsed.phones:
        values["phone"] = parsed.phones[0]
    elif parsed.masked_phone:
        values["phone"] = parsed.masked_phone
    return values
