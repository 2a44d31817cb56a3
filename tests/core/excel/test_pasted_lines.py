"""Issue #18: an order's lines repeated within one file are read once — a Taobao detail file (宝贝明细) pasted
twice — and two real lines stay two."""

from __future__ import annotations

from core.excel.importer import run_import
from tests.core.excel.files import write_csv
from tests.core.excel.test_detail_items import (
    DETAIL_HEADERS,
    HONEY_ORDER,
    REFUND_ORDER,
    items_of,
    items_table,
)
from tests.core.excel.test_presets import taobao_file

_HONEY = [f'="{HONEY_ORDER}"', "云南野生蜂蜜500g", "89.00", "2", "", "规格:500g", "", "", "交易成功", "FM500"]
_COMB = [f'="{HONEY_ORDER}"', "蜂巢蜜", "20.00", "1", "", "", "", "", "交易成功", ""]
_MASK = [f'="{REFUND_ORDER}"', "面膜30片", "99.00", "1", "", "", "", "", "交易成功", ""]


def _detail(folder, lines, name="ExportOrderDetailList201707081234.csv"):
    folder.mkdir(exist_ok=True)
    return write_csv(folder / name, [DETAIL_HEADERS, *lines], encoding="gbk", quote_all=True)


def _duplicates(result) -> list[tuple[int, str]]:
    return [(error.row, error.value) for error in result.errors if error.code == "duplicate_row"]


def test_a_detail_file_pasted_twice_gives_each_line_once(tmp_path, book):
    once, twice = tmp_path / "once", tmp_path / "twice"
    _detail(once, [_HONEY, _COMB, _MASK])
    _detail(twice, [_HONEY, _COMB, _MASK, _HONEY, _COMB, _MASK])
    result = run_import(book, taobao_file(twice))  # the order list with its doubled companion
    assert items_of(book, HONEY_ORDER) == [("云南野生蜂蜜500g", "规格:500g", 2, 8900, 17800), ("蜂巢蜜", "", 1, 2000, 2000)]
    assert items_of(book, REFUND_ORDER) == [("面膜30片", "", 1, 9900, 9900)]
    assert _duplicates(result) == [(5, HONEY_ORDER), (6, HONEY_ORDER), (7, REFUND_ORDER)]
    assert result.rows_skipped == 0
    after = items_table(book)
    again = run_import(book, taobao_file(once))  # the right files again: nothing changes
    assert items_table(book) == after and (again.items_added, again.items_replaced) == (0, 0)
    # The doubled detail file alone over a book holding those lines adds nothing either.
    alone = run_import(book, twice / "ExportOrderDetailList201707081234.csv")
    assert items_table(book) == after and (alone.items_added, alone.items_replaced) == (0, 0)
    assert _duplicates(alone) == [(5, HONEY_ORDER), (6, HONEY_ORDER), (7, REFUND_ORDER)]


def test_a_doubled_detail_file_over_the_orders_adds_each_line_once(tmp_path, book):
    run_import(book, taobao_file(tmp_path))  # the report alone: its summary lines
    result = run_import(book, _detail(tmp_path / "d", [_HONEY, _COMB, _MASK, _HONEY, _COMB, _MASK]))
    assert items_of(book, HONEY_ORDER) == [("云南野生蜂蜜500g", "规格:500g", 2, 8900, 17800), ("蜂巢蜜", "", 1, 2000, 2000)]
    assert items_of(book, REFUND_ORDER) == [("面膜30片", "", 1, 9900, 9900)]
    assert (result.items_added, result.items_replaced) == (1, 1)
    # Two identical lines next to each other are two jars, in the detail file too.
    run_import(book, _detail(tmp_path / "e", [_MASK, _MASK]))
    assert items_of(book, REFUND_ORDER) == [("面膜30片", "", 1, 9900, 9900)] * 2
