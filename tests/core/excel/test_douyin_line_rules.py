"""Issue #18: a Douyin sub-order number (子订单编号) names one line — in one file read twice, beside lines
without a number, after the seller removed a line, whatever the rows' order (core.excel.plan, sub_orders)."""

from __future__ import annotations

from sqlalchemy import select

from core.book.db import Book
from core.book.models import OrderItem
from core.excel.importer import run_import
from tests.core.excel.test_douyin_sub_orders import CREAM, MAIN, SERUM, order_of
from tests.core.excel.test_pasted_lines import _douyin, _duplicates


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
