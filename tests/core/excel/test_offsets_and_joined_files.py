"""Edge cells and files found in review: times with a UTC offset (a time range is not one, the calendar's
edges are bad cells, not crashes), items kept on their own orders, and CSV exports joined byte for byte."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import select

from core.book.models import Customer, Order, OrderItem, Tag
from core.errors import CellRejected
from core.excel import cleaning
from core.excel.bulk_insert import bulk_insert, bulk_insert_columns
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import write_csv


@pytest.fixture
def shanghai(monkeypatch):
    """The seller's computer in China (the offset arithmetic depends on the local time zone)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("text", ["2024-05-03 10:00-12:00", "2024-05-03 14:00-16:00", "2024-05-03 10-12"])
def test_a_time_range_is_a_bad_cell_not_a_time_at_utc_minus_twelve(shanghai, text):
    with pytest.raises(CellRejected) as rejected:
        cleaning.parse_datetime(text)
    assert rejected.value.code == "date_invalid"


@pytest.mark.parametrize(("text", "local"), [("2024-05-03 10:00+08", dt.datetime(2024, 5, 3, 10, 0)),
                                             ("2024-05-03T02:00:00Z", dt.datetime(2024, 5, 3, 10, 0)),
                                             ("2024-05-02 21:00:00-05:00", dt.datetime(2024, 5, 3, 10, 0))])
def test_real_offsets_are_moved_to_local_time(shanghai, text, local):
    assert cleaning.parse_datetime(text) == local


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-12:00"])
def test_an_offset_time_at_the_edge_of_the_calendar_is_a_bad_cell(shanghai, text):
    with pytest.raises(CellRejected) as rejected:
        cleaning.parse_datetime(text)
    assert rejected.value.code == "date_invalid"


def test_an_import_reports_such_rows_and_keeps_the_others(shanghai, tmp_path, book):
    path = write_csv(tmp_path / "预约.csv", [["姓名", "电话", "下单时间", "商品", "金额"],
                                              ["王芳", "13925130165", "2024-05-03 10:00:00", "蜂蜜", "68"],
                                              ["李四", "13500135001", "0001-01-01T00:00:00+08:00", "蜂蜜", "68"],
                                              ["张三", "13500135002", "2024-05-03 10:00-12:00", "护理", "168"]])
    result = run_import(book, path, options=ImportOptions(backup=False))
    assert [(error.row, error.code) for error in result.errors] == [(3, "date_invalid"), (4, "date_invalid")]
    with book.session() as session:
        assert session.scalars(select(Order.order_date)).all() == [dt.date(2024, 5, 3)]


def test_items_are_attached_to_their_own_orders(tmp_path, book):
    path = write_csv(tmp_path / "订单.csv", [
        ["姓名", "电话", "订单号", "下单时间", "商品", "数量", "金额"],
        ["王芳", "13925130165", "A1", "2024-05-03 10:00:00", "蜂蜜", "1", "68"],
        ["王芳", "13925130165", "A1", "2024-05-03 10:00:00", "面膜", "2", "40"],
        ["李四", "13500135001", "B1", "2024-05-04 10:00:00", "", "", "99"],
        ["张三", "13500135002", "C1", "2024-05-05 10:00:00", "青梅酒", "3", "30"],
        ["王芳", "13925130165", "A2", "2024-05-06 10:00:00", "", "", "10"],
        ["李四", "13500135001", "B2", "2024-05-07 10:00:00", "茶叶", "1", "5"],
        ["李四", "13500135001", "B2", "2024-05-07 10:00:00", "茶杯", "1", "6"],
        ["李四", "13500135001", "B2", "2024-05-07 10:00:00", "茶盘", "1", "7"],
    ])
    assert run_import(book, path, options=ImportOptions(backup=False)).errors == ()
    with book.session() as session:
        got: dict[str, list] = {}
        for number, title in session.execute(select(Order.platform_order_no, OrderItem.title)
                                             .join(OrderItem, OrderItem.order_id == Order.id, isouter=True)
                                             .order_by(Order.platform_order_no, OrderItem.id)):
            got.setdefault(number, []).append(title)
    assert got == {"A1": ["蜂蜜", "面膜"], "A2": [None], "B1": [None], "B2": ["茶叶", "茶杯", "茶盘"], "C1": ["青梅酒"]}


def test_a_repeated_header_from_a_second_csv_with_its_bom_is_passed_over(tmp_path, book):
    """Two UTF-8 CSV exports joined into one file (copy /b a.csv+b.csv): the second header keeps its BOM."""
    first = write_csv(tmp_path / "a.csv", [["姓名", "电话", "地址"], ["王芳", "13925130165", "广东省广州市越秀区某某路1号"]],
                      bom=True)
    second = write_csv(tmp_path / "b.csv", [["姓名", "电话", "地址"], ["李四", "13500135001", "北京市朝阳区建国路88号"]],
                       bom=True)
    joined = tmp_path / "客户合并.csv"
    joined.write_bytes(first.read_bytes() + second.read_bytes())
    result = run_import(book, joined, options=ImportOptions(backup=False))
    assert result.tables[0].data_rows == 2
    assert result.customers_created == 2 and result.errors == ()


def test_bulk_insert_takes_empty_input_one_column_nulls_and_defaults(book):
    with book.session() as session:
        bulk_insert_columns(session, Tag.__table__, {})
        bulk_insert_columns(session, Tag.__table__, {"name": []})
        bulk_insert(session, Tag.__table__, [])
        bulk_insert(session, Tag.__table__, [{"name": "一"}, {"name": "二"}])  # one column, defaults for the rest
        bulk_insert(session, Customer.__table__, [
            {"name": "甲", "birth_year": None, "first_purchase_on": dt.date(2024, 5, 3), "phone": ""},
            {"name": "乙", "birth_year": 1990, "first_purchase_on": None, "phone": "13800138000"}])
        session.flush()
        assert sorted(session.scalars(select(Tag.name))) == ["一", "二"]
        rows = session.execute(select(Customer.name, Customer.birth_year, Customer.first_purchase_on,
                                      Customer.version).order_by(Customer.id)).all()
        assert [tuple(row) for row in rows] == [("甲", None, dt.date(2024, 5, 3), 1), ("乙", 1990, None, 1)]
