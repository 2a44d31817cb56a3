"""The import contract (issue #18): nothing importable → refused with the book untouched; an export pasted
twice is read once; masked names are never identities; columns the mapping does not use are kept."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from core.book.models import Customer, ImportBatch, Order, OrderItem
from core.errors import ImportRejected
from core.excel.importer import ImportOptions, run_import
from tests.conftest import ROOT
from tests.core.excel.files import TAOBAO_HEADERS, taobao_rows, write_csv, write_xlsx
from tests.core.excel.test_import import count, snapshot


def _backups(tmp_path) -> list:
    root = tmp_path / "backups"
    return sorted(root.rglob("*")) if root.exists() else []


@pytest.mark.sqlite_only
def test_a_header_only_file_is_refused_and_the_book_untouched(tmp_path, book):
    run_import(book, write_xlsx(tmp_path / "first.xlsx", {"s": [["姓名", "电话"], ["张三", "13800138000"]]}))
    before, backups = snapshot(book), _backups(tmp_path)
    path = write_xlsx(tmp_path / "empty.xlsx", {"s": [["姓名", "电话", "下单时间", "商品", "金额"]]})
    for dry_run in (False, True):
        with pytest.raises(ImportRejected) as caught:
            run_import(book, path, ImportOptions(dry_run=dry_run))
        assert caught.value.code == "no_data_rows"
    assert snapshot(book) == before and _backups(tmp_path) == backups


@pytest.mark.sqlite_only
def test_a_file_whose_every_row_is_refused_is_refused_with_the_row_errors(tmp_path, book):
    rows = taobao_rows(3)
    for row in rows[1:]:
        row[0] = "3.51531E+17"  # order numbers Excel rounded: precision_lost on every row
    path = write_csv(tmp_path / "rounded.csv", rows, encoding="gbk")
    before = snapshot(book)
    with pytest.raises(ImportRejected) as caught:
        run_import(book, path)
    assert caught.value.code == "no_row_imported"
    assert caught.value.details["rows"] == 3
    assert [error["code"] for error in caught.value.details["errors"]] == ["precision_lost"] * 3
    assert snapshot(book) == before and count(book, ImportBatch) == 0 and not _backups(tmp_path)


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_the_command_line_exits_2_for_header_only_and_all_refused_files(tmp_path):
    book = tmp_path / "b.book"
    assert _cli("init", book).returncode == 0
    header_only = write_csv(tmp_path / "header.csv", [["姓名", "手机号", "下单时间"]])
    refused = write_csv(tmp_path / "refused.csv", [["姓名", "手机号", "下单时间", "商品"],
                                                   ["", "", "2024-05-01", ""], ["", "", "2024-05-02", ""]])
    for path, code in ((header_only, "no_data_rows"), (refused, "no_row_imported")):
        out = _cli("import", path, "--book", book, "--json")
        assert out.returncode == 2, out.stderr
        assert json.loads(out.stderr)["error"]["code"] == code
    import sqlite3

    con = sqlite3.connect(book)
    assert con.execute("SELECT count(*) FROM import_batch").fetchone()[0] == 0
    con.close()


def test_an_export_pasted_twice_gives_each_order_once(tmp_path, book):
    rows = taobao_rows(5, buyers=3)
    path = write_csv(tmp_path / "twice.csv", [*rows, *rows[1:]], encoding="gbk")
    result = run_import(book, path)
    assert result.orders_created == 5
    assert count(book, OrderItem) == 5
    assert sum(error.code == "duplicate_row" for error in result.errors) == 5
    assert result.rows_skipped == 0
    single = write_csv(tmp_path / "once.csv", rows, encoding="gbk")
    with book.session() as session:
        paid = session.scalar(select(Order.paid_cents).order_by(Order.id).limit(1))
    again = run_import(book, single)
    assert (again.orders_created, again.orders_unchanged) == (0, 5)
    with book.session() as session:
        assert session.scalar(select(Order.paid_cents).order_by(Order.id).limit(1)) == paid


def test_two_identical_lines_next_to_each_other_stay_two_lines(tmp_path, book):
    header = ["订单号", "姓名", "手机号", "下单时间", "商品", "数量", "单价"]
    line = ["A1", "张三", "13800138000", "2024-05-03", "蜂蜜", 1, 68]
    path = write_xlsx(tmp_path / "own.xlsx", {"s": [header, line, line, ["A2", "李四", "13900139000",
                                                                         "2024-05-04", "茶", 1, 10], line]})
    result = run_import(book, path)
    assert result.orders_created == 2
    assert count(book, OrderItem) == 3  # A1: two jars on two lines; the third A1 line repeats the first run
    assert [error.row for error in result.errors if error.code == "duplicate_row"] == [5]


def test_a_masked_name_is_never_an_identity_nor_replaces_a_real_name(tmp_path, book):
    header = ["订单号", "姓名", "手机号", "下单时间", "商品", "金额"]
    path = write_xlsx(tmp_path / "masked.xlsx", {"s": [
        header,
        ["D1", "周**", "138****1234", "2024-05-03", "蜂蜜", 68],
        ["D2", "周**", "139****5678", "2024-05-04", "茶", 10],
    ]})
    result = run_import(book, path)
    assert result.customers_created == 2  # two masked buyers are not one person
    assert result.reviews == ()  # nor a "same name" merge proposal
    real = write_xlsx(tmp_path / "real.xlsx", {"s": [
        ["订单号", "称呼", "手机号", "下单时间", "商品", "金额"],
        ["D1", "周杰", "", "2024-05-03", "蜂蜜", 68]]})
    run_import(book, real)
    with book.session() as session:
        names = sorted(session.scalars(select(Customer.name)))
    assert names == ["周**", "周杰"]  # the real name replaced the masked one on D1's buyer
    again = run_import(book, path)  # the masked export again: the real name stays
    assert again.customers_created == 0
    with book.session() as session:
        assert sorted(session.scalars(select(Customer.name))) == ["周**", "周杰"]


def test_a_masked_receiver_does_not_name_a_customer_with_a_buyer_id(tmp_path, book):
    header = [*TAOBAO_HEADERS]
    rows = taobao_rows(1)
    rows[1][header.index("收货人姓名")] = "王*"
    run_import(book, write_csv(tmp_path / "tb.csv", rows, encoding="gbk"))
    with book.session() as session:
        name, real = session.execute(select(Customer.name, Customer.real_name)).one()
    assert name == rows[1][header.index("买家会员名")] and real == ""


def test_columns_the_book_has_no_field_for_are_kept_in_the_customers_note(tmp_path, book):
    from core.excel.analysis import choose, load_file
    from core.excel.export import export_book

    header = ["序号", "姓名", "电话", "车牌", "车型", "维修项目", "备注", "下单时间", "金额"]
    path = write_xlsx(tmp_path / "garage.xlsx", {"s": [
        header,
        [1, "张师傅", "13800138000", "粤B12345", "卡罗拉", "换机油", "老客户", "2024-05-03", 300],
        [2, "李姐", "13900139000", "粤A54321", "", "补胎", "", "2024-05-04", 50],
        [3, "张师傅", "13800138000", "粤B12345", "卡罗拉", "换刹车片", "", "2024-06-03", 800],
    ]})
    loaded = load_file(path)
    choice = choose(loaded.tables[0])
    kept = [loaded.tables[0].headers[index] for index, name in sorted(choice.fields.items()) if name == "keep"]
    assert kept == ["车牌", "车型", "维修项目"]  # 序号 only numbers the rows
    run_import(book, path)
    with book.session() as session:
        notes = dict(session.execute(select(Customer.name, Customer.note)).all())
    assert notes["张师傅"] == "老客户\n车牌：粤B12345\n车型：卡罗拉\n维修项目：换机油\n维修项目：换刹车片"
    assert notes["李姐"] == "车牌：粤A54321\n维修项目：补胎"
    again = run_import(book, path)
    assert (again.customers_created, again.customers_updated) == (0, 0)
    more = write_xlsx(tmp_path / "more.xlsx", {"s": [header[1:], ["李姐", "13900139000", "粤A54321", "", "保养",
                                                                   "", "2024-07-01", 200]]})
    assert run_import(book, more).customers_updated == 1
    with book.session() as session:
        assert session.scalar(select(Customer.note).where(Customer.name == "李姐")) == (
            "车牌：粤A54321\n维修项目：补胎\n维修项目：保养")
    export_book(book, tmp_path / "out.xlsx", "customers", "zh_CN")
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_index(0).to_python()
    note = rows[0].index("备注")
    assert {row[note] for row in rows[1:]} == set(notes.values()) - {notes["李姐"]} | {
        "车牌：粤A54321\n维修项目：补胎\n维修项目：保养"}


@pytest.mark.parametrize("header", ["购买产品", "购买商品", "产品", "商品名称", "货品", "宝贝", "最近买的", "买了什么"])
def test_a_sellers_product_column_is_recognised_under_the_names_sellers_use(tmp_path, book, header):
    from core.excel.analysis import choose, lacks_product_column, load_file

    path = write_xlsx(tmp_path / "own.xlsx", {"s": [["姓名", "电话", "购买日期", header, "金额"],
                                                    ["王芳", "13925130165", "2026年9月12号", "蜂蜜", 68]]})
    choice = choose(load_file(path).tables[0])
    assert "product_title" in choice.fields.values() and not lacks_product_column(choice)
    run_import(book, path)
    with book.session() as session:
        assert session.scalar(select(OrderItem.title)) == "蜂蜜"
        assert str(session.scalar(select(Order.created_at))) == "2026-09-12 00:00:00"
        # (hostile6 F7) the sheet's one amount is the goods too, as its line's: goods, lines and paid agree
        order = session.scalars(select(Order)).one()
        assert (order.goods_cents, order.paid_cents, order.items[0].amount_cents) == (6800, 6800, 6800)


def test_total_rows_are_skipped_and_reported_and_a_bad_purchase_date_keeps_the_customer(tmp_path, book):
    path = write_xlsx(tmp_path / "own.xlsx", {"九月": [
        ["姓名", "电话", "购买日期", "购买产品", "金额"],
        ["王芳", "13925130165", "2026年9月12号", "蜂蜜", 68],
        ["李四", "13800138000", "2026年13月40号", "茶", 10],
        ["合计", "", "", "", 78],
        [None, "总计：", None, None, 78],
    ]})
    result = run_import(book, path)
    assert (result.customers_created, result.orders_created, result.rows_skipped) == (2, 1, 0)
    found = [(e.row, e.column, e.code, e.scope) for e in result.errors]
    assert found == [(3, "购买日期", "date_invalid", "purchase"), (4, "姓名", "total_row", "note"),
                     (5, "姓名", "total_row", "note")]
    with book.session() as session:
        assert sorted(session.scalars(select(Customer.name))) == ["李四", "王芳"]


def test_a_sheet_without_a_status_column_that_gives_a_closing_time_imports_that_order_as_closed(tmp_path, book):
    """关闭时间 is read since the copy carries closed_at (issue #18): a hand-kept sheet with no status column but a
    closing time listed the closed order as a completed purchase (revenue counted)."""
    path = write_xlsx(tmp_path / "orders.xlsx", {"s": [
        ["姓名", "电话", "下单时间", "商品", "实付金额", "关闭时间"],
        ["阿香", "13512345678", "2026-05-01 10:00:00", "蜂蜜", "68", ""],
        ["小王", "13612345678", "2026-05-02 10:00:00", "蜂蜜", "68", "2026-05-03 10:00:00"]]})
    run_import(book, path)
    with book.session() as session:
        orders = session.execute(select(Customer.name, Order.status, Order.is_purchase, Order.closed_at)
                                 .join(Customer, Customer.id == Order.customer_id).order_by(Customer.name)).all()
    assert [(name, status, purchase) for name, status, purchase, _closed in orders] == [
        ("小王", "closed", False), ("阿香", "completed", True)]
    assert orders[0].closed_at is not None


@pytest.mark.sqlite_only
def test_a_history_sheet_alone_is_refused_with_the_reason(tmp_path):
    """`export --what reminders` imported alone: its tasks only come back with the customers the same export
    creates, so nothing can be imported — refused, saying why for the sheet (the errors list was empty)."""
    import datetime as dt

    from core.book.db import Book
    from core.demo.build import build_demo
    from core.excel.export import export_book

    path = tmp_path / "demo.book"
    build_demo(path, customers=30, seed=3, today=dt.date(2026, 6, 1))
    with Book.open(path, backup_root=tmp_path / "backups", daily_backup=False) as book:
        exported = export_book(book, tmp_path / "tasks.xlsx", "reminders", "zh_CN", today=dt.date(2026, 6, 1))
        assert sum(exported.sheets.values()) > 0
        before = snapshot(book)
        with pytest.raises(ImportRejected) as caught:
            run_import(book, tmp_path / "tasks.xlsx")
        assert snapshot(book) == before
    assert caught.value.code == "no_row_imported"
    assert [(e["sheet"], e["code"]) for e in caught.value.details["errors"]] == [("提醒", "history_needs_customers")]


@pytest.mark.parametrize("header", ["最近买的", "买了什么", "购买产品"])
def test_a_customer_list_without_dates_keeps_what_its_purchase_columns_say_in_the_note(tmp_path, book, header):
    """(hostile6 F2) No date and no order number column: no row can be a purchase, so the product and amount
    columns are kept in the customer's note (listed before the import), not reported row by row and lost."""
    from core.excel.analysis import choose, load_file

    path = write_xlsx(tmp_path / "list.xlsx", {"s": [["姓名", "电话", header, "金额", "备注"],
                                                     ["王芳", "13925130165", "蜂蜜 2瓶", 68, "老客"]]})
    assert set(choose(load_file(path).tables[0]).fields.values()) == {"name", "phone", "keep", "note"}
    result = run_import(book, path)
    assert (result.customers_created, result.orders_created, result.errors) == (1, 0, ())
    with book.session() as session:
        assert session.scalar(select(Customer.note)) == f"老客\n{header}：蜂蜜 2瓶\n金额：68"
