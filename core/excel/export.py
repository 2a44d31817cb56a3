"""Export the book to .xlsx with openpyxl's write-only mode: typed cells, bold frozen header, widths.

Text cells starting with = + - @ or a tab/carriage return get a leading apostrophe so no spreadsheet
runs them as a formula (the importer strips that apostrophe again, so a round trip is lossless); so does a text
that starts with an apostrophe of its own (a customer called '小王, a note '加急): the importer takes a leading
apostrophe for Excel's text marker and strips one, so the value comes back as it was.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core import clock
from core.errors import Cancelled, RejectedInput
from core.excel import columns as cols
from core.excel.columns import Column
from core.phones import display_phone
from core.progress import IsCancelled, Progress, no_progress
from core.settings import get_setting, phones_masked

WHAT = ("customers", "orders", "reminders", "aftersales", "all")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")  # (an apostrophe: the one the importer strips)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMATS = {"money": "#,##0.00", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "int": "0"}
_WIDTHS = {"money": 12, "date": 12, "datetime": 20, "int": 10, "bool": 8}


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: str
    sheets: dict[str, int]  # sheet name → data rows written


def safe_text(value: str) -> str:
    """Text as written to a cell: control characters dropped, formula-looking text neutralised, a leading
    apostrophe doubled (the module docstring)."""
    value = _ILLEGAL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


class _SheetWriter:
    """One write-only sheet with a bold frozen header, per-column number formats and widths."""

    def __init__(self, workbook, title: str, columns: Sequence[Column], language: str,
                 mask_phones: bool = False) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.sheet = workbook.create_sheet(title)
        self.sheet.freeze_panes = "A2"
        self.kinds = [column.kind for column in columns]
        # phone columns shown as 138****8000 when the seller masks phones (core.phones.display_phone)
        self.masked = [mask_phones and column.key.endswith("phone") for column in columns]
        headers = [column.header(language) for column in columns]
        for index, (header, kind) in enumerate(zip(headers, self.kinds, strict=True), 1):
            width = max(_WIDTHS.get(kind, 14), min(40, sum(2 if ord(ch) > 255 else 1 for ch in header) + 2))
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        bold = Font(bold=True)
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(self.sheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        self.sheet.append(header_cells)
        # One reusable styled cell per typed column: openpyxl serialises each row as it is appended.
        self.styled: list[Any] = []
        for kind in self.kinds:
            if kind in _FORMATS:
                cell = WriteOnlyCell(self.sheet)
                cell.number_format = _FORMATS[kind]
                self.styled.append(cell)
            else:
                self.styled.append(None)
        self.rows = 0

    def append(self, values: Sequence[Any]) -> None:
        row: list[Any] = []
        for value, kind, styled, masked in zip(values, self.kinds, self.styled, self.masked, strict=True):
            if value is None or value == "":
                row.append(None)
            elif masked:
                row.append(safe_text(display_phone(str(value), True)))
            elif kind == "money":
                styled.value = value / 100
                row.append(styled)
            elif styled is not None:
                styled.value = value
                row.append(styled)
            elif isinstance(value, str):
                row.append(safe_text(value))
            else:
                row.append(value)
        self.sheet.append(row)
        self.rows += 1


def export_book(book, path: str | os.PathLike[str], what: str = "all", language: str = "en",
                today: dt.date | None = None, progress: Progress | None = None,
                is_cancelled: IsCancelled | None = None, case_filter=None,
                mask_phones: bool | None = None) -> ExportResult:
    """Write customers / orders / reminders / after-sales (or all of them) to one .xlsx file.

    ``mask_phones``: write every phone as 138****8000; None follows the book's setting privacy.mask_phones
    (the export dialog lets the seller choose full numbers).
    ``language`` picks the header texts and the words for statuses ("zh_CN" or "en"); ``case_filter``
    (core.aftersales.dto.CaseFilter) narrows the after-sales sheet to what the After-sales page lists.
    The file is written to a temporary file in the private temp folder and moved into place, so a cancelled
    or killed export leaves nothing next to `path`.
    """
    from openpyxl import Workbook

    from core.excel import history_sheets as history

    if what not in WHAT:
        raise RejectedInput("export_what_unknown", what=what)
    today = today or clock.today()
    progress = progress or no_progress
    cancelled = is_cancelled or (lambda: False)
    path = Path(path)
    _check_target(path)
    workbook = Workbook(write_only=True)
    # "all" is a copy of the book (issue #18): the cases as complaints and reviews with every field, not the
    # After-sales page's summary sheet ("aftersales")
    parts = (("customers", "products", "orders", "coupons", "contacts", "levels", "templates", "tags", "reminders",
              "complaints", "reviews", "points", "campaigns", "campaign_members") if what == "all" else (what,))
    sources = {"customers": (cols.CUSTOMER_COLUMNS, _customer_rows),
               "orders": (cols.ORDER_COLUMNS, _order_rows),
               "products": (cols.PRODUCT_COLUMNS, _product_rows),
               "coupons": (cols.COUPON_COLUMNS, history.coupon_rows),
               "contacts": (cols.CONTACT_COLUMNS, history.contact_rows),
               "levels": (cols.LEVEL_COLUMNS, _level_rows),
               "templates": (cols.TEMPLATE_TEXT_COLUMNS, _template_rows),
               "tags": (cols.TAG_COLUMNS, _tag_rows),
               "reminders": (cols.REMINDER_COLUMNS, history.task_rows),
               "complaints": (cols.COMPLAINT_COLUMNS, history.complaint_rows),
               "reviews": (cols.REVIEW_COLUMNS, history.review_rows),
               "points": (cols.POINTS_COLUMNS, history.points_rows),
               "campaigns": (cols.CAMPAIGN_COLUMNS, history.campaign_rows),
               "campaign_members": (cols.CAMPAIGN_MEMBER_COLUMNS, history.campaign_member_rows),
               "aftersales": (cols.AFTERSALE_COLUMNS,
                              lambda session, language, today: _aftersale_rows(
                                  session, language, today, case_filter=case_filter))}
    written: dict[str, int] = {}
    with book.session() as session:
        if mask_phones is None:
            mask_phones = phones_masked(session)
        for step, part in enumerate(parts):
            progress(step, len(parts), part)
            columns, rows = sources[part]
            produced = iter(rows(session, language, today))
            if what == "all" and part not in ("customers", "orders", "reminders"):  # an empty history: no sheet
                first = next(produced, None)
                if first is None:
                    continue
                produced = itertools.chain([first], produced)
            writer = _SheetWriter(workbook, cols.sheet_name(part, language), columns, language, mask_phones)
            for count, values in enumerate(produced, 1):
                writer.append(values)
                if count % 5000 == 0 and cancelled():
                    raise Cancelled("cancelled")
            written[writer.sheet.title] = writer.rows
    # Written in the private temp folder (core.book.paths.make_private points tempfile there), then moved:
    # a killed export leaves no half file full of names and phones next to the seller's target.
    handle, temporary = tempfile.mkstemp(suffix=".xlsx.partial")
    os.close(handle)
    try:
        workbook.save(temporary)
        shutil.move(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    progress(len(parts), len(parts), "done")
    return ExportResult(str(path), written)


def _check_target(path: Path) -> None:
    """Refuse a target the file could not be moved to, before the work of writing it (RejectedInput
    ``export_target_is_folder`` / ``export_folder_missing`` / ``export_folder_readonly``, details: path)."""
    folder = path.parent
    if path.is_dir():
        raise RejectedInput("export_target_is_folder", f"{path} is a folder", path=str(path))
    if not folder.is_dir():
        raise RejectedInput("export_folder_missing", f"The folder of {path} does not exist", path=str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RejectedInput("export_folder_readonly", f"The folder of {path} cannot be written to", path=str(path))


def _zh(language: str) -> bool:
    return language.startswith("zh")


def _customer_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from sqlalchemy import func

    from core.book.models import Customer, CustomerAlias, CustomerTag, PointsEntry, Tag
    from core.customer_stats import stage_of, stage_thresholds

    thresholds = stage_thresholds(session)
    tags: dict[int, list[str]] = defaultdict(list)
    for customer_id, name in session.execute(select(CustomerTag.customer_id, Tag.name)
                                             .join(Tag, Tag.id == CustomerTag.tag_id).order_by(Tag.name)):
        tags[customer_id].append(name)
    zh = _zh(language)
    phones: dict[int, list[str]] = defaultdict(list)
    aliases: dict[int, list[str]] = defaultdict(list)  # the other kinds, one "kind: value" a line
    for customer_id, kind, value in session.execute(select(CustomerAlias.customer_id, CustomerAlias.kind,
                                                           CustomerAlias.value).order_by(CustomerAlias.id)):
        if kind == "phone":
            phones[customer_id].append(value)
        else:
            aliases[customer_id].append(f"{cols.ALIAS_KIND_WORDS.get(kind, (kind, kind))[1 if zh else 0]}: {value}")
    points: dict[int, int] = dict(session.execute(select(PointsEntry.customer_id, func.sum(PointsEntry.delta))
                                  .group_by(PointsEntry.customer_id)).all())
    keys = [column.key for column in cols.CUSTOMER_COLUMNS]
    table = Customer.__table__
    plain = [table.c[key] for key in keys if key in table.c]
    query = (select(*plain, Customer.birth_year, Customer.birth_month, Customer.birth_day, Customer.birthday_lunar,
                    Customer.typical_interval_days, Customer.cycle_days)
             .where(Customer.deleted_at.is_(None)).order_by(Customer.id))
    for row in session.execute(query):
        record = row._mapping
        values: list[Any] = []
        for key in keys:
            if key == "tags":
                values.append("、".join(tags.get(record["id"], ())))
            elif key == "birthday":
                text = _birthday(record["birth_year"], record["birth_month"], record["birth_day"])
                lunar = cols.LUNAR_PREFIX["zh" if zh else "en"] if record["birthday_lunar"] and text else ""
                values.append(lunar + text)
            elif key == "other_phones":
                values.append("/".join(phones.get(record["id"], ())))
            elif key == "aliases":
                values.append("\n".join(aliases.get(record["id"], ())))
            elif key == "points":
                values.append(points.get(record["id"]) or None)
            elif key == "stage":
                stage = stage_of(record["purchase_days"], record["total_spend_cents"], record["last_purchase_on"],
                                 record["typical_interval_days"], today, thresholds, record["cycle_days"])
                values.append(cols.STAGE_WORDS_ZH.get(stage, stage) if zh else stage)
            elif key == "gender":
                values.append(cols.GENDER_WORDS_ZH.get(record[key], record[key]) if zh else record[key])
            elif key == "source_channel":
                values.append(cols.SOURCE_WORDS_ZH.get(record[key], record[key]) if zh else record[key])
            elif key in ("do_not_disturb", "risk_buyer"):
                values.append(("是" if zh else "yes") if record[key] else "")
            else:
                values.append(record[key])
        yield values


def _birthday(year: int | None, month: int | None, day: int | None) -> str:
    if not month or not day:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def _order_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from core.book.models import Customer, Order, OrderItem, Product

    zh = _zh(language)
    none = cols.NO_PRODUCT_WORDS[1 if zh else 0]
    items: dict[int, list[tuple]] = defaultdict(list)
    for order_id, *item, product in session.execute(
            select(OrderItem.order_id, OrderItem.title, OrderItem.sku_spec, OrderItem.quantity,
                   OrderItem.unit_price_cents, OrderItem.amount_cents, OrderItem.line_ref, OrderItem.line_state,
                   Product.name).outerjoin(Product, Product.id == OrderItem.product_id).order_by(OrderItem.id)):
        items[order_id].append((*item, product or none))
    head = [column.key for column in cols.ORDER_COLUMNS].index("customer_id")  # the order's own columns
    order_keys = [column.key for column in cols.ORDER_COLUMNS[:head]]
    query = (select(Order.id, *[getattr(Order, key) for key in order_keys], Customer.id, Customer.name,
                    Customer.phone, Customer.platform_buyer_id)
             .join(Customer, Customer.id == Order.customer_id).where(Customer.deleted_at.is_(None))
             .order_by(Order.id))
    for order_id, *values in session.execute(query):
        order_values = values[:head]
        if zh:
            order_values[2] = cols.PLATFORM_WORDS_ZH.get(order_values[2], order_values[2])
            order_values[3] = cols.STATUS_WORDS_ZH.get(order_values[3], order_values[3])
        cells = order_values + values[head:]
        for item in items.get(order_id) or [("", "", None, None, None, None, None, None)]:
            yield cells + list(item)


def _level_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from core.book.models import MemberLevel

    query = select(*[getattr(MemberLevel, column.key) for column in cols.LEVEL_COLUMNS])
    for row in session.execute(query.order_by(MemberLevel.rank, MemberLevel.id)):
        yield list(row)


def _template_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from core.book.models import MessageTemplate

    zh = _zh(language)
    query = select(*[getattr(MessageTemplate, column.key) for column in cols.TEMPLATE_TEXT_COLUMNS])
    for row in session.execute(query.order_by(MessageTemplate.id)):
        values = list(row)
        if zh:
            values[0] = cols.REMINDER_KIND_WORDS_ZH.get(values[0], values[0])
        values[4] = ("是" if zh else "yes") if values[4] else ""
        yield values


def _tag_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from core.book.models import Tag

    for row in session.execute(select(Tag.name, Tag.color).order_by(Tag.id)):
        yield list(row)


def _product_rows(session, language: str, today: dt.date) -> Iterator[list[Any]]:
    from core.book.models import Product

    words = {flag: pair[1 if _zh(language) else 0] for flag, pair in cols.PRODUCT_ACTIVE_WORDS.items()}
    query = select(Product.name, Product.cycle_days, Product.lead_days, Product.price_cents, Product.category,
                   Product.code, Product.active, Product.note)
    for *values, active, note in session.execute(query.order_by(Product.id)):
        yield [*values, words[bool(active)], note]
    deleted = cols.PRODUCT_DELETED_WORDS[1 if _zh(language) else 0]
    for name in get_setting(session, "products.deleted"):  # the products the seller deleted, by name
        yield [name, None, None, None, "", "", deleted, ""]


def _aftersale_rows(session, language: str, today: dt.date, case_filter=None) -> Iterable[list[Any]]:
    from core.excel.aftersales_sheet import case_sheet_rows

    return case_sheet_rows(session, language, today, case_filter)


def write_rows(path: str | os.PathLike[str], sheets: Sequence[tuple[str, Sequence[Column], Iterable[Sequence[Any]]]],
               language: str) -> Path:
    """Write small sheets (error report, template) with the same look as an export."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, columns, rows in sheets:
        writer = _SheetWriter(workbook, title, columns, language)
        for values in rows:
            writer.append(values)
    workbook.save(path)
    return Path(path)


def write_error_report(errors, path: str | os.PathLike[str], language: str = "en") -> Path:
    """The skipped rows of an import (file, sheet, row, column, problem, value) as an .xlsx file."""
    from core.excel.sentences import error_sentence

    chinese = _zh(language)
    rows = ([e.file, e.sheet, e.row, e.column, e.code, error_sentence(e), e.value,
             cols.SCOPE_WORDS.get(e.scope, (e.scope, e.scope))[1 if chinese else 0]] for e in errors)
    return write_rows(path, [(cols.sheet_name("errors", language), cols.ERROR_COLUMNS, rows)], language)


def write_template(path: str | os.PathLike[str], language: str = "zh_CN") -> Path:
    """A blank import template: the customer/order sheet and the products sheet, headers only."""
    return write_rows(path, [
        (cols.sheet_name("template", language), cols.TEMPLATE_COLUMNS, []),
        (cols.sheet_name("products", language), cols.PRODUCT_TEMPLATE_COLUMNS, []),
    ], language)
