"""The import's memory is bounded (issue #18, Build 3): a workbook's cells are not held as Python lists
(core.excel.sheet_rows serves them from calamine's range as they are walked) and a sheet's data is freed once the
plan has read it, read again from the file if it is asked for again."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc

import pytest

from core.errors import ImportRejected
from core.excel.analysis import choose, load_file
from core.excel.importer import ImportOptions, run_import
from core.excel.readers import read_sheets
from core.excel.sheet_rows import HEAD_ROWS, SheetRows
from tests.core.excel.files import taobao_rows, write_xlsx


def _offset_sheet(tmp_path, rows=HEAD_ROWS * 2 + 7):
    """A sheet whose first cell is C3 (calamine's range starts there), with dates, numbers and gaps."""
    body = [[None, None, "姓名", "手机", "下单时间", "金额"]]
    for index in range(rows):
        body.append([None, None, f"客户{index}", f"138{index:08d}" if index % 5 else None,
                     dt.datetime(2024, 1, 1) + dt.timedelta(hours=index), index * 1.5])
    return write_xlsx(tmp_path / "offset.xlsx", {"订单": [[], [], *body]})


def _as_calamine_reads_it(path):
    import python_calamine as calamine

    workbook = calamine.CalamineWorkbook.from_path(str(path))
    sheet = workbook.get_sheet_by_index(0)
    assert sheet.start == (2, 2)  # (the offset path of SheetRows is the one tested)
    return sheet.to_python(skip_empty_area=False)


def test_a_sheets_rows_are_what_calamine_reads_from_a1_however_they_are_walked(tmp_path):
    path = _offset_sheet(tmp_path)
    expected = _as_calamine_reads_it(path)
    rows = read_sheets(path)[0].rows
    assert isinstance(rows, SheetRows) and len(rows) == len(expected) > HEAD_ROWS
    assert list(rows) == expected and rows[:] == expected
    assert [rows[index] for index in range(len(rows))] == expected
    assert rows[-1] == expected[-1] and rows[-len(rows)] == expected[0]
    assert rows[HEAD_ROWS - 3:HEAD_ROWS + 5] == expected[HEAD_ROWS - 3:HEAD_ROWS + 5]
    assert rows[10:100:7] == expected[10:100:7]
    assert [row for block in rows.blocks(5, 13) for row in block] == expected[5:]
    assert list(rows.rows_from(HEAD_ROWS + 1)) == expected[HEAD_ROWS + 1:]
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_a_released_sheet_is_read_again_and_refused_if_the_file_changed(tmp_path):
    path = _offset_sheet(tmp_path)
    expected = _as_calamine_reads_it(path)
    rows = read_sheets(path)[0].rows
    rows.release()
    assert list(rows) == expected  # read again from the file
    rows.release()
    assert rows[:5] == expected[:5]  # the head stays
    _offset_sheet(tmp_path, rows=HEAD_ROWS * 2 + 8)  # saved again meanwhile
    with pytest.raises(ImportRejected) as refused:
        list(rows)
    assert refused.value.code == "file_changed"


def test_loading_a_workbook_holds_no_python_copy_of_its_cells(tmp_path):
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", {"订单": taobao_rows(6000)})
    tracemalloc.start()
    try:
        loaded = load_file(path)
        choice = choose(loaded.tables[0])
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert choice.data_rows == 6000
    # 6,000 rows × 46 cells as lists: ~20 MB of Python objects; the first rows only: a few hundred KB
    assert held < 2 * 1024 * 1024, f"{held // 1024} KB held"


def test_check_then_import_reads_the_released_sheet_again(tmp_path, book):
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", {"订单": taobao_rows(300, 100)})
    loaded = load_file(path)
    checked = run_import(book, loaded, ImportOptions(dry_run=True, backup=False))
    imported = run_import(book, loaded, ImportOptions(backup=False))  # the dialog's "Import now"
    assert (checked.orders_created, checked.customers_created) == (imported.orders_created,
                                                                   imported.customers_created)
    assert imported.orders_created == 300 and imported.rows_skipped == 0
    stamp = os.stat(path)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))  # saved again after it was read
    with pytest.raises(ImportRejected) as refused:
        run_import(book, loaded, ImportOptions(backup=False))
    assert refused.value.code == "file_changed"
