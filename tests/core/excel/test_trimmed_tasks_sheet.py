"""Our export's tasks sheet (提醒 / Reminders) with its ID columns deleted in Excel is still our tasks sheet:
passed over with a note saying why (the workbook) or refused with that reason (the sheet alone), never read
as customers (issue #18, hostile testing)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from core.book.db import Book
from core.book.models import Customer
from core.demo.build import build_demo
from core.errors import ImportRejected
from core.excel.export import export_book
from core.excel.importer import ImportOptions, run_import
from core.excel.sentences import _ERROR_SENTENCES

TODAY = dt.date(2026, 6, 1)
# what restores a task in a copy (core.excel.columns.REMINDER_COLUMNS after 备注 / Note): what a seller deletes
TECHNICAL = {"zh_CN": {"任务编号", "客户编号", "订单ID", "订单第几行", "优惠券编号", "投诉编号", "差评编号", "推迟到",
                       "完成时间", "任务规则", "任务依据"},
             "en": {"Task ID", "Customer ID", "Order ID", "Order line", "Coupon ID", "Complaint ID", "Review ID",
                    "Snoozed until", "Closed at", "Rule", "Task facts"}}
TASKS = {"zh_CN": "提醒", "en": "Reminders"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "demo.book", customers=30, seed=3, today=TODAY)
    return folder / "demo.book"


def _trimmed_export(demo, folder, language: str, alone: bool):
    """The demo book's `export --what all`, its tasks sheet's ID columns deleted (and the other sheets too
    when ``alone``), as a seller would in Excel."""
    path = folder / f"all_{language}.xlsx"
    with Book.open(demo, backup_root=folder / "backups", daily_backup=False) as book:
        export_book(book, path, "all", language, today=TODAY)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[TASKS[language]]
    headers = [cell.value for cell in sheet[1]]
    for index in sorted((i for i, header in enumerate(headers) if header in TECHNICAL[language]), reverse=True):
        sheet.delete_cols(index + 1)
    assert [cell.value for cell in sheet[1]][-1] in ("备注", "Note")
    if alone:
        for name in workbook.sheetnames:
            if name != TASKS[language]:
                del workbook[name]
    trimmed = folder / f"trimmed_{language}_{alone}.xlsx"
    workbook.save(trimmed)
    return trimmed, sheet.max_row - 1


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_tasks_sheet_without_its_id_columns_alone_is_refused_saying_why(demo, tmp_path, language):
    trimmed, tasks = _trimmed_export(demo, tmp_path, language, alone=True)
    assert tasks > 0
    with Book.open(tmp_path / "empty.book", create=True, backup_root=tmp_path / "backups") as book:
        with pytest.raises(ImportRejected) as caught:
            run_import(book, trimmed)
        with book.session() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 0
    assert caught.value.code == "no_row_imported"  # (was no_identity_column: "choose a column that names…")
    assert caught.value.details["rows"] == tasks
    [error] = caught.value.details["errors"]
    assert (error["sheet"], error["code"], error["value"]) == (TASKS[language], "tasks_without_ids", str(tasks))
    assert error["message"].startswith(_ERROR_SENTENCES["tasks_without_ids"])


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_tasks_sheet_without_its_id_columns_in_the_workbook_is_passed_over_with_its_note(demo, tmp_path, language):
    trimmed, tasks = _trimmed_export(demo, tmp_path, language, alone=False)
    with Book.open(tmp_path / "empty.book", create=True, backup_root=tmp_path / "backups") as book:
        result = run_import(book, trimmed, ImportOptions(dry_run=True))
    notes = [(e.sheet, e.code, e.value, e.scope) for e in result.errors if e.sheet == TASKS[language]]
    assert notes == [(TASKS[language], "tasks_without_ids", str(tasks), "note")]
    assert result.customers_created == 30  # the customers sheet's, none from the tasks' rows
