"""Issue #18: a Douyin sub-order number (子订单编号) names one line — in one file read twice, beside lines
without a number, after the seller removed a line, whatever the rows' order (core.excel.plan, sub_orders)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Customer, OrderItem
from core.dto import OrderItemInput
from core.excel.batches import undo_import
from core.excel.export import export_book
from core.excel.importer import run_import
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_douyin_sub_orders import CREAM, MAIN, SERUM, edit_lines, order_of
from tests.core.excel.test_pasted_lines import _douyin, _douyin_line, _duplicates


def _state(line: list[str], status: str = "已完成", after_sale: str = "") -> list[str]:
    return [*line[:20], status, after_sale, *line[22:]]


def test_two_exports_pasted_into_one_sheet_give_each_sub_order_once_in_its_later_state(tmp_path, book):
    monday = [_state(CREAM, "待发货"), _state(SERUM, "待发货")]
    wednesday = [CREAM, _state(SERUM, after_sale="退款成功")]
    result = run_import(book, _douyin(tmp_path / "week.csv", [*monday, *wednesday]))
    assert order_of(book) == ("partial_refund", 30000, 30000, 20000, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert _duplicates(result) == [(4, MAIN), (5, MAIN)]
    with book.session() as session:
        refs = session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)).all()
    assert refs == ["6920000000000000002", "6920000000000000003"]
    # Wednesday's copy first: the later state (Wednesday's, further on) is kept all the same.
    with Book.open(tmp_path / "b2.book", create=True, backup_root=tmp_path / "bk2", daily_backup=False) as other:
        run_import(other, _douyin(tmp_path / "week2.csv", [*wednesday, *monday]))
        assert order_of(other) == order_of(book)


EYE = _douyin_line(MAIN, "6920000000000000004", "眼霜", 1, "400.00", "400.00")


def _rounded(line: list[str]) -> list[str]:
    return [line[0], "6.92E+18", *line[2:]]  # the export went through Excel: the sub-order number is gone


def test_a_line_without_a_number_does_not_turn_the_merge_by_numbers_off(tmp_path, book):
    run_import(book, _douyin(tmp_path / "day1.csv", [CREAM]))
    run_import(book, _douyin(tmp_path / "day2.csv", [_rounded(CREAM), _rounded(EYE)]))  # the cream matched, the eye added
    whole = ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    assert order_of(book) == whole
    before = items_table(book)
    again = run_import(book, _douyin(tmp_path / "day1_again.csv", [CREAM]))  # the same first file: nothing changes
    assert order_of(book) == whole and items_table(book) == before
    assert (again.items_added, again.orders_updated, again.orders_unchanged) == (0, 0, 1)
    rounded_again = run_import(book, _douyin(tmp_path / "day2_again.csv", [_rounded(CREAM), _rounded(EYE)]))
    assert order_of(book) == whole and (rounded_again.items_added, rounded_again.orders_unchanged) == (0, 1)
    later = run_import(book, _douyin(tmp_path / "day3.csv", [SERUM]))  # a lone new sub-order is added
    assert order_of(book) == ("completed", 70000, 70000, 0, [
        ("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000), ("精华", 1, 20000, 20000)])
    assert later.items_added == 1


def test_a_gift_line_the_seller_added_in_the_app_is_kept_and_the_next_sub_order_added(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    gift = OrderItemInput(title="赠品小样", quantity=1, unit_price_cents=0, sku_spec="", amount_cents=0)
    edit_lines(book, lambda items: [*items, gift])
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [EYE]))
    assert order_of(book) == ("completed", 70000, 70000, 0, [
        ("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000), ("赠品小样", 1, 0, 0), ("眼霜", 1, 40000, 40000)])
    assert tuesday.items_added == 1
    before = items_table(book)
    again = run_import(book, _douyin(tmp_path / "mon_again.csv", [CREAM, SERUM]))
    assert items_table(book) == before and again.orders_unchanged == 1 and order_of(book)[1:3] == (70000, 70000)


def test_an_export_holding_a_line_the_seller_removed_leaves_the_order_the_lines_money(tmp_path, book):
    monday = _douyin(tmp_path / "mon.csv", [CREAM, SERUM])
    run_import(book, monday)
    edit_lines(book, lambda items: items[:1])  # the seller removes the serum
    lone = run_import(book, _douyin(tmp_path / "serum.csv", [_state(SERUM, after_sale="退款成功")]))
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    assert lone.orders_unchanged == 1
    run_import(book, _douyin(tmp_path / "tue.csv", [EYE]))
    whole = ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    assert order_of(book) == whole
    again = run_import(book, monday)  # Monday's file again: nothing changes
    assert order_of(book) == whole and again.orders_unchanged == 1


@pytest.mark.parametrize(("other", "status"), [("待发货", "paid"), ("已发货", "shipped")])
def test_an_order_with_a_sub_order_still_to_ship_is_not_completed_whatever_the_rows_order(tmp_path, book, other,
                                                                                          status):
    serum = _state(SERUM, other)
    for number, rows in (("1", [CREAM, serum]), ("2", [serum, CREAM])):
        run_import(book, _douyin(tmp_path / f"order{number}.csv",
                                 [[f"69200000000000000{number}9", *line[1:]] for line in rows]))
        assert order_of(book, f"69200000000000000{number}9")[0] == status, rows
    run_import(book, _douyin(tmp_path / "first.csv", [serum, CREAM]))
    run_import(book, _douyin(tmp_path / "cream_again.csv", [CREAM]))  # merged with the book's lines
    assert order_of(book)[0] == status


def test_undoing_the_import_that_added_a_line_refunded_later_leaves_no_refund(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [_state(CREAM, "待发货")]))
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, SERUM]))
    wednesday = run_import(book, _douyin(tmp_path / "wed.csv", [_state(SERUM, after_sale="退款成功")]))
    assert order_of(book)[:4] == ("partial_refund", 30000, 30000, 20000)
    undo_import(book, tuesday.batch_id)  # Wednesday, still done, holds the serum: it stays, refunded
    assert order_of(book) == ("partial_refund", 30000, 30000, 20000, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    undo_import(book, wednesday.batch_id)  # the serum goes, and its refund with it
    assert order_of(book) == ("paid", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    with book.session() as session:
        assert session.scalar(select(Customer.total_spend_cents)) == 10000


def test_a_book_rebuilt_from_our_export_keeps_the_sub_order_numbers(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    export_book(book, tmp_path / "all.xlsx", "all", language="zh_CN")
    before = items_table(book)
    again = run_import(book, tmp_path / "all.xlsx")  # into the same book: nothing changes
    assert items_table(book) == before and (again.orders_updated, again.items_added) == (0, 0)
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "bk2", daily_backup=False) as copy:
        run_import(copy, tmp_path / "all.xlsx")
        with copy.session() as session:
            refs = session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)).all()
        assert refs == ["6920000000000000002", "6920000000000000003"]
        tuesday = run_import(copy, _douyin(tmp_path / "tue.csv", [EYE]))  # a lone new sub-order is added
        assert order_of(copy) == ("completed", 70000, 70000, 0, [
            ("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000), ("眼霜", 1, 40000, 40000)])
        assert tuesday.items_added == 1


def test_a_line_the_seller_swapped_for_a_gift_does_not_give_the_gift_its_number(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    gift = OrderItemInput(title="赠品小样", quantity=3, unit_price_cents=0, sku_spec="", amount_cents=0)
    edit_lines(book, lambda items: [items[0], gift])  # the serum out, a gift in, in one edit
    wednesday = run_import(book, _douyin(tmp_path / "wed.csv", [_state(SERUM, after_sale="退款成功")]))
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000), ("赠品小样", 3, 0, 0)])
    assert wednesday.orders_unchanged == 1
    # A line renamed in place (the same quantity and price) is still that sub-order.
    edit_lines(book, lambda items: [dataclasses.replace(items[0], title="面霜(改)"), items[1]])
    run_import(book, _douyin(tmp_path / "thu.csv", [_state(CREAM, after_sale="退款成功")]))
    status, goods, paid, _refund, lines = order_of(book)
    assert (status, goods, paid, lines) == ("refunded", 10000, 10000, [("面霜(改)", 1, 10000, 10000), ("赠品小样", 3, 0, 0)])
