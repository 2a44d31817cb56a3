"""Rows of a sheet into records: the column-wise cleaning gives the same rows and errors whatever the block
size, cells of mixed types in one column are each cleaned by their own type, an import runs with the
garbage collector paused and leaves it as it found it, and a big import writes every row in chunks."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from sqlalchemy import func, select

from core.book.models import Order, OrderItem
from core.errors import ImportRejected
from core.excel import records, writer
from core.excel.analysis import load_file, parse_table
from core.excel.importer import ImportOptions, choose_tables, run_import
from core.gc_pause import garbage_collector_paused
from tests.core.excel.files import TAOBAO_HEADERS, taobao_rows, write_csv, write_xlsx

MESSY = [
    ["2024年5月 客户登记"],
    [],
    ["姓名", "电话", "下单时间", "商品", "数量", "金额", "订单号", "地址", "标签"],
    ["王芳", "'13925130165", "2024-05-03 10:00:00", "蜂蜜", 1, 68, "A1", "广东省 广州市 越秀区 某某路1号", "宝妈，干皮"],
    ["负数", 13500135001, "2024-05-03", "蜂蜜", -1, 68, "A2", "", ""],
    [None, None, None, None, None, None, None, None, None],
    ["王芳", "139 2513 0165", dt.datetime(2024, 5, 4, 9, 30), "面膜", "2件", "¥99.00", "A3", "", "宝妈"],
    ["含糊", "13500135002", "03/05/2024", "蜂蜜", 1, 68, "A4", "", ""],
    ["", "", "2024-05-03", "蜂蜜", 1, 68, "A5", "", ""],
    ["李四", "138****8000", "5月6日", "蜂蜜", 2.0, 136, "A6", "北京 北京市 朝阳区 建国路88号", "老客"],
    ["大数", "13500135003", 45415, "蜂蜜", True, 68, 351531314732935790, "", ""],
    ["张三", "13500135004", "2024-05-07 08:00:00", "蜂蜜", "1", "68.00", "'A7", "", "老客/送礼"],
]


def _parse(path):
    loaded = load_file(path)
    choice = choose_tables(loaded, ImportOptions(), {})[0]
    errors: list[records.RowError] = []
    rows = list(parse_table(loaded.tables[0], choice, errors.append))
    return rows, errors


@pytest.mark.parametrize("block", [1, 2, 3, 7])
def test_rows_and_errors_do_not_depend_on_the_block_size(tmp_path, monkeypatch, block):
    path = write_xlsx(tmp_path / "messy.xlsx", {"五月": MESSY})
    whole = _parse(path)
    monkeypatch.setattr(records, "_BLOCK", block)
    assert _parse(path) == whole
    rows, errors = whole
    # Blank row 6 passed over; rows 5 and 8 keep their customer without the purchase (a bad quantity, an
    # ambiguous date); rows 9 (nobody) and 11 (a rounded order number) are left out.
    assert [row.row for row in rows] == [4, 5, 7, 8, 10, 12]
    assert [row.row for row in rows if row.purchase_skipped] == [5, 8]
    assert [(error.row, error.column, error.code, error.scope) for error in errors] == [
        (5, "数量", "quantity_negative", "purchase"), (8, "下单时间", "date_ambiguous", "purchase"),
        (9, "姓名", "identity_missing", "row"), (11, "数量", "quantity_invalid", "row"),
        (11, "订单号", "precision_lost", "row")]


def test_cells_of_mixed_types_in_one_column_are_each_cleaned_by_their_type(tmp_path):
    rows, _errors = _parse(write_xlsx(tmp_path / "messy.xlsx", {"五月": MESSY}))
    rows = [row for row in rows if not row.purchase_skipped]
    first, second, third, fourth = rows
    assert first.phones == ["13925130165"] and second.phones == ["13925130165"]
    assert first.order["created_at"] == dt.datetime(2024, 5, 3, 10, 0)
    assert second.order["created_at"] == dt.datetime(2024, 5, 4, 9, 30)
    assert third.order["created_at"] == dt.datetime(2024, 5, 6)  # 5月6日: the year from the sheet's title
    assert [row.item["quantity"] for row in rows] == [1, 2, 2, 1]
    assert [row.order["paid_cents"] for row in rows] == [6800, 9900, 13600, 6800]
    assert fourth.order["platform_order_no"] == "A7"
    assert third.phones == [] and third.masked_phone == "138****8000"
    assert first.customer["tags"] == ["宝妈", "干皮"] and fourth.customer["tags"] == ["老客", "送礼"]
    assert (first.customer["province"], first.customer["city"], first.customer["district"]) == (
        "广东省", "广州市", "越秀区")
    assert third.customer["city"] == "北京市" and third.customer["address_detail"] == "建国路88号"


def test_a_ragged_csv_reads_missing_cells_as_empty(tmp_path):
    path = write_csv(tmp_path / "ragged.csv", [["姓名", "电话", "备注"], ["王芳", "13925130165"], ["李四"],
                                                ["张三", "13500135004", "老客"]])
    rows, errors = _parse(path)
    assert errors == [] and [row.customer.get("note") for row in rows] == [None, None, "老客"]
    assert [row.phones for row in rows] == [["13925130165"], [], ["13500135004"]]


def test_an_import_pauses_the_collector_and_leaves_it_as_it_was(tmp_path, book, monkeypatch):
    seen: list[bool] = []
    path = write_xlsx(tmp_path / "messy.xlsx", {"五月": MESSY})
    run_import(book, path, progress=lambda *_: seen.append(gc.isenabled()), options=ImportOptions(backup=False))
    assert seen and not any(seen) and gc.isenabled()
    with pytest.raises(ImportRejected):
        run_import(book, write_csv(tmp_path / "empty.csv", [["说明"], ["没有客户"]]))
    assert gc.isenabled()
    gc.disable()
    try:  # a caller that had it off finds it off
        run_import(book, path, options=ImportOptions(backup=False))
        assert not gc.isenabled()
    finally:
        gc.enable()
    with garbage_collector_paused():
        with garbage_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # nested: on again only when the outer pause ends
    assert gc.isenabled()


@pytest.mark.slow
def test_a_big_import_writes_every_row_in_chunks_with_progress_moving_forward(tmp_path, book):
    rows = taobao_rows(12_345, 4_000)  # more than two insert chunks of orders and of items (header row first)
    path = write_csv(tmp_path / "ExportOrderList-big.csv", rows, encoding="gbk", quote_all=True)
    seen: list[int] = []
    result = run_import(book, path, progress=lambda done, total, _message: seen.append(100 * done // total),
                        options=ImportOptions(backup=False))
    assert writer.CHUNK_ROWS < result.orders_created == 12_345
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 100
    with book.session() as session:
        orders = session.execute(select(Order.platform_order_no, Order.customer_id, Order.paid_cents)).all()
        assert len(orders) == 12_345 and len({number for number, _c, _p in orders}) == 12_345
        assert all(customer_id is not None for _n, customer_id, _p in orders)
        assert session.scalar(select(func.count()).select_from(OrderItem)) == 12_345
        assert session.scalar(select(func.count()).select_from(OrderItem).where(OrderItem.order_id.is_(None))) == 0


def test_exports_pasted_one_under_another_skip_the_repeated_header_rows(tmp_path, book, monkeypatch):
    monkeypatch.setattr(records, "_BLOCK", 7)  # a repeated header at a block's edge too
    # An .xlsx export holds order numbers as text (the CSV's ="…" guard would become an empty formula).
    march = [[cell[2:-1] if cell.startswith('="') else cell for cell in row] for row in taobao_rows(10, 4, seed=1)]
    april = [[cell[2:-1] if cell.startswith('="') else cell for cell in row] for row in taobao_rows(12, 5, seed=2)]
    for row in april[1:]:
        row[0] = "9" + row[0]  # April's own order numbers
    april[0] = [f" {header} " for header in april[0]]  # padded as a hand-pasted header often is
    path = write_xlsx(tmp_path / "三四月订单.xlsx", {"合并": [*march, [], *april, TAOBAO_HEADERS]})
    result = run_import(book, path, options=ImportOptions(backup=False))
    assert result.tables[0].data_rows == 22  # what the import dialog lists beside the sheet
    assert result.errors == () and result.rows_skipped == 0
    assert result.orders_created == len({row[0] for row in march[1:] + april[1:]}) == 22


def test_postcodes_follow_the_one_rule_smart_paste_follows(tmp_path):
    """000000 is a platform's "no postcode" (as in smart paste); a number that lost its leading zero is padded."""
    from core.smartpaste import parse_message

    path = write_xlsx(tmp_path / "postcodes.xlsx", {"客户": [
        ["姓名", "电话", "邮编"], ["王芳", "13925130165", "000000"], ["李四", "13500135001", "510180"],
        ["张三", "13500135004", 10010], ["赵六", "13500135005", 0]]})
    rows, errors = _parse(path)
    assert errors == []
    assert [row.customer.get("postcode") for row in rows] == [None, "510180", "010010", None]
    assert parse_message("王芳 13925130165 广州市越秀区某某路1号 000000").postcode is None
    assert parse_message("王芳 13925130165 广州市越秀区某某路1号 邮编：510180").postcode == "510180"
