"""Issue #18, Build 3: the rows of a large table are held packed until the plan reads them (core.excel.plan:
``PACK_AFTER``). Lowered here so that small files take that path: the plan, and so the book, is the same. And the
writer lets go of the people and orders it wrote before our export's history sheets are read."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc

import pytest

from core.book.db import Book
from core.excel import own_history
from core.excel import plan as plan_module
from core.excel.analysis import choose, load_file, preset_of, table_rows
from core.excel.export import export_book
from core.excel.importer import ImportOptions, _build_plan, choose_tables, run_import
from core.progress import no_progress
from tests.core.excel.files import taobao_rows, write_csv
from tests.core.excel.test_pasted_lines import (
    _HONEY_LINE,
    _WINE_LINE,
    _detail,
    _douyin,
    _douyin_line,
    _duplicates,
    _order,
)
from tests.core.excel.test_round_trip import demo  # noqa: F401  (the fixture)
from tests.core.excel.test_round_trip import (
    test_export_all_into_the_same_book_changes_nothing_and_into_an_empty_book_reproduces_it as round_trip,
)

_PLAN_PARTS = ("people", "orders", "products", "detail_items", "detail_rows", "errors", "rows_read", "skipped_rows")


def _plan(path, pack_after, monkeypatch):
    monkeypatch.setattr(plan_module, "PACK_AFTER", pack_after)
    loaded = load_file(path, count_rows=False)
    files = [loaded, *loaded.companions]
    choices = [choice for file in files for choice in choose_tables(file, ImportOptions(), {})]
    return _build_plan(files, choices, no_progress, lambda: False)


def _taobao_with_repeats(folder):
    """A Taobao order list whose orders repeat (the same export pasted twice), with its detail companion (an
    order of two lines pasted twice, a line of its own twice in a row), and rows whose order has no number."""
    folder.mkdir()
    rows = taobao_rows(120, 40)
    listed = write_csv(folder / "ExportOrderList201707081234.csv", [*rows, *rows[1:30]], encoding="gbk",
                       quote_all=True)
    honey = [f'="{rows[1][0][2:-1]}"', "云南野生蜂蜜500g", "89.00", "2", "", "规格:500g", "", "", "交易成功", ""]
    comb = [*honey[:1], "蜂巢蜜", "20.00", "1", "", "", "", "", "交易成功", ""]
    mask = [f'="{rows[2][0][2:-1]}"', "面膜30片", "99.00", "1", "", "", "", "", "交易成功", ""]
    _detail(folder, [honey, comb, mask, mask, honey, comb])
    return listed


def _douyin_twice(folder):
    folder.mkdir()
    closed = [*_douyin_line("6920000000000000005", "6920000000000000006", "青梅酒500ml", 1, "88.00", "88.00")[:20],
              "已关闭", "", "", ""]
    lines = [_HONEY_LINE, _WINE_LINE, closed,
             _douyin_line("6920000000000000005", "6920000000000000007", "土蜂蜜500g", 1, "68.00", "68.00")]
    return _douyin(folder / "twice.csv", [*lines, *lines])


def _no_numbers(folder):
    """A seller's own sheet: no order number, a customer on several rows, a row with an amount but no date."""
    folder.mkdir()
    rows = [["姓名", "手机", "地址", "下单时间", "商品", "数量", "实付金额"],
            ["王芳", "13925130165", "广东省广州市越秀区某某路1号", "2024-03-01", "桂花蜜", "2", "98.00"],
            ["王芳", "13925130165", "广东省广州市越秀区某某路1号", "2024-03-01", "桂花蜜", "2", "98.00"],
            ["李四", "", "北京市朝阳区建国路88号", "2024-03-02", "红糖姜茶", "1", "39.00"],
            ["李四", "", "北京市朝阳区建国路88号", "", "面膜30片", "1", "99.00"],
            ["周**", "", "", "2024-03-03", "玫瑰精华", "1", "59.00"]]
    return write_csv(folder / "我的客户.csv", rows)


@pytest.mark.parametrize("make", [_taobao_with_repeats, _douyin_twice, _no_numbers])
def test_a_plan_of_packed_rows_is_the_plan_of_rows_held_whole(tmp_path, monkeypatch, make):
    path = make(tmp_path / "file")
    whole, packed = _plan(path, 10**9, monkeypatch), _plan(path, 0, monkeypatch)
    assert whole.orders and whole.people
    for part in _PLAN_PARTS:
        assert getattr(packed, part) == getattr(whole, part), part


def test_the_rows_are_packed_once_the_table_is_past_the_threshold(tmp_path, monkeypatch):
    monkeypatch.setattr(plan_module, "PACK_AFTER", 50)
    path = write_csv(tmp_path / "ExportOrderList201707081234.csv", taobao_rows(120, 40), encoding="gbk",
                     quote_all=True)
    loaded = load_file(path, count_rows=False)
    table = loaded.tables[0]
    choice = choose(table, count_rows=False)
    rows = list(table_rows(table, choice, print).cleaned())
    builder = plan_module.PlanBuilder()
    reader = table_rows(table, choice, print)
    builder.add_rows(list(reader.rows(rows[0]))[:50], preset_of(choice), "f", "s")
    assert all(type(row) is plan_module.ParsedRow for row in builder._rows)
    builder.add_rows(list(reader.rows(rows[0]))[50:], preset_of(choice), "f", "s")
    assert len(builder._rows) == 120 and all(type(row) is tuple for row in builder._rows)


def _held_per_row(make_rows, preset) -> float:
    """Bytes the builder holds per row (with their values) once the rows given to it are let go."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        rows = make_rows()
        builder = plan_module.PlanBuilder()
        builder.add_rows(rows, preset, "f", "s")
        count = len(rows)
        rows.clear()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(builder._rows) == count
    return held / count


def test_packed_rows_take_less_than_half_the_memory_of_rows_held_whole(tmp_path, monkeypatch):
    """(The 100k demo book's export: 634,274 order lines held by the plan, ≈ 2 KB a line as ParsedRow objects.)"""
    path = write_csv(tmp_path / "ExportOrderList201707081234.csv", taobao_rows(3000, 1000), encoding="gbk",
                     quote_all=True)
    table = load_file(path, count_rows=False).tables[0]
    choice = choose(table, count_rows=False)

    def rows():
        return [row for block in table_rows(table, choice, print).cleaned()
                for row in table_rows(table, choice, print).rows(block)]

    monkeypatch.setattr(plan_module, "PACK_AFTER", 10**9)
    whole = _held_per_row(rows, preset_of(choice))
    monkeypatch.setattr(plan_module, "PACK_AFTER", 0)
    packed = _held_per_row(rows, preset_of(choice))
    assert packed < whole / 2, (packed, whole)


def test_an_import_of_packed_rows_writes_what_rows_held_whole_do(tmp_path, book, monkeypatch):
    monkeypatch.setattr(plan_module, "PACK_AFTER", 0)
    result = run_import(book, _douyin(tmp_path / "twice.csv", [_HONEY_LINE, _WINE_LINE, _HONEY_LINE, _WINE_LINE]))
    assert result.orders_created == 1 and _duplicates(result) == [(4, "6920000000000000001"), (5, "6920000000000000001")]
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)])


@pytest.mark.parametrize("language", ["zh_CN"])
def test_our_export_read_back_packed_reproduces_the_book(demo, language, monkeypatch):  # noqa: F811
    """The round trip (tests/core/excel/test_round_trip.py) with every row of the import packed."""
    monkeypatch.setattr(plan_module, "PACK_AFTER", 0)
    round_trip(demo, language)



def test_the_written_people_and_orders_are_let_go_before_the_history_sheets_are_read(demo, tmp_path,  # noqa: F811
                                                                                     monkeypatch):
    _folder, path = demo
    export = tmp_path / "all.xlsx"
    with Book.open(path, backup_root=tmp_path / "backups") as book:
        export_book(book, export, "all", "zh_CN", today=dt.date(2026, 6, 1))
    held = []
    write_history = own_history.write_history  # (imported by the writer when our export has history sheets)

    def watched(session, plan, customers, orders):
        held.append((len(plan.people), len(plan.orders)))
        return write_history(session, plan, customers, orders)

    monkeypatch.setattr(own_history, "write_history", watched)
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "backups") as book:
        result = run_import(book, export, ImportOptions(today=dt.date(2026, 6, 1)))
    assert result.customers_created == 600 and result.orders_created > 600
    assert held == [(0, 0)]
