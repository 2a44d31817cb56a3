"""Issue #18: an order's lines repeated within one file are read once — a Taobao detail file (宝贝明细) pasted
twice, a Douyin export whose sub-orders (子订单编号) come twice — and two real lines stay two."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select, update

from core.book.models import Order, OrderItem
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import write_csv, write_xlsx
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


DOUYIN_HEADERS = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商品单价", "订单应付金额", "运费",
                  "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "买家留言", "订单提交时间", "支付完成时间",
                  "订单完成时间", "订单状态", "售后状态", "取消原因", "发货时间"]


def _douyin_line(order: str, sub: str, title: str, quantity: int, price: str, due: str) -> list[str]:
    return [order, sub, title, "500g", str(quantity), "111", price, due, "0", "周**", "138****1234", "江苏省", "南京市",
            "鼓楼区", "", "中山路**号", "", "2024/9/5 10:00", "2024/9/5 10:01", "", "已完成", "", "", "2024/9/6 10:00"]


def _douyin(path, lines):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DOUYIN_HEADERS)
        writer.writerows(lines)
    return path


_MAIN = "6920000000000000001"
_HONEY_LINE = _douyin_line(_MAIN, "6920000000000000002", "土蜂蜜500g", 1, "68.00", "68.00")
_WINE_LINE = _douyin_line(_MAIN, "6920000000000000003", "青梅酒500ml", 2, "88.00", "176.00")


def _order(book, number=_MAIN) -> tuple[int, list[tuple]]:
    with book.session() as session:
        order_id, paid = session.execute(select(Order.id, Order.paid_cents)
                                          .where(Order.platform_order_no == number)).one()
        items = session.execute(select(OrderItem.title, OrderItem.quantity, OrderItem.amount_cents)
                                .where(OrderItem.order_id == order_id).order_by(OrderItem.id)).all()
    return paid, [tuple(item) for item in items]


def _goods(book, number=_MAIN) -> int:
    with book.session() as session:
        return session.scalar(select(Order.goods_cents).where(Order.platform_order_no == number))


def test_a_douyin_export_pasted_twice_reads_each_sub_order_once(tmp_path, book):
    result = run_import(book, _douyin(tmp_path / "twice.csv", [_HONEY_LINE, _WINE_LINE, _HONEY_LINE, _WINE_LINE]))
    assert result.tables[0].preset == "douyin" and result.orders_created == 1
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)])
    assert _duplicates(result) == [(4, _MAIN), (5, _MAIN)] and result.rows_skipped == 0
    before = items_table(book)
    again = run_import(book, _douyin(tmp_path / "once.csv", [_HONEY_LINE, _WINE_LINE]))
    assert (again.orders_created, again.orders_updated, again.orders_unchanged) == (0, 0, 1)
    assert items_table(book) == before and _order(book)[0] == 24400


def test_two_douyin_sub_orders_of_the_same_goods_are_two_lines_wherever_they_stand(tmp_path, book):
    other = _douyin_line("6920000000000000009", "6920000000000000010", "青梅酒500ml", 1, "88.00", "88.00")
    second_jar = [*_HONEY_LINE[:1], "6920000000000000004", *_HONEY_LINE[2:]]  # same goods, its own sub-order
    result = run_import(book, _douyin(tmp_path / "apart.csv", [_HONEY_LINE, other, second_jar]))
    assert _duplicates(result) == []
    assert _order(book) == (13600, [("土蜂蜜500g", 1, 6800), ("土蜂蜜500g", 1, 6800)])


def test_sub_order_numbers_excel_rounded_cost_nothing(tmp_path, book):
    """(A guard of the line number's reading: the column was not read before it.) A sub-order number stored as
    a number (Excel keeps 15 digits) is no line number: the rows are imported whole, compared by content."""
    lines = [[*line[:1], int(line[1]), *line[2:]] for line in (_HONEY_LINE, _WINE_LINE)]
    result = run_import(book, write_xlsx(tmp_path / "douyin.xlsx", {"订单": [DOUYIN_HEADERS, *lines]}))
    assert result.errors == () and result.orders_created == 1
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)])


def test_two_sub_orders_whose_numbers_excel_rounded_into_one_are_two_lines(tmp_path, book):
    """A sub-order column formatted as a number and saved as CSV writes 6920000000000000000 for both lines, in
    full digits: one number, two different lines — both kept (only a line with the same number and the same
    values is a repeat). The second was dropped as a "duplicate" with its 176.00."""
    rounded = "6920000000000000000"
    lines = [[*line[:1], rounded, *line[2:]] for line in (_HONEY_LINE, _WINE_LINE)]
    result = run_import(book, _douyin(tmp_path / "rounded.csv", [*lines, *lines]))
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)])
    assert _duplicates(result) == [(4, _MAIN), (5, _MAIN)]


def test_a_later_douyin_export_adds_the_sub_orders_an_earlier_one_lacked(tmp_path, book):
    run_import(book, _douyin(tmp_path / "first_only.csv", [_HONEY_LINE]))
    full = _douyin(tmp_path / "full.csv", [_HONEY_LINE, _WINE_LINE])
    later = run_import(book, full)
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)])
    assert (later.items_added, later.orders_updated, later.orders_unchanged) == (1, 1, 0)
    assert _goods(book) == 24400  # the goods amount was the sum of the lines: it follows them
    after = items_table(book)
    again = run_import(book, full)  # the same file again: nothing
    assert items_table(book) == after and (again.items_added, again.orders_unchanged) == (0, 1)
    undo_import(book, later.batch_id)  # the same file again, still done, holds the wine: it stays
    assert _order(book) == (24400, [("土蜂蜜500g", 1, 6800), ("青梅酒500ml", 2, 17600)]) and _goods(book) == 24400
    undo_import(book, again.batch_id)  # then it goes with it
    assert _order(book) == (6800, [("土蜂蜜500g", 1, 6800)]) and _goods(book) == 6800
    run_import(book, full)
    with book.session() as session:  # the seller corrects a line in the book: the file's line is not added back
        session.execute(update(OrderItem).where(OrderItem.title == "青梅酒500ml").values(quantity=3))
    edited = items_table(book)
    last = run_import(book, full)
    assert items_table(book) == edited and last.items_added == 0


def test_a_gift_sub_order_added_later_counts_its_order_updated(tmp_path, book):
    gift = _douyin_line(_MAIN, "6920000000000000005", "赠品小勺", 1, "0.00", "0.00")
    run_import(book, _douyin(tmp_path / "first_only.csv", [_HONEY_LINE]))
    later = run_import(book, _douyin(tmp_path / "full.csv", [_HONEY_LINE, gift]))  # the amounts did not move
    assert _order(book) == (6800, [("土蜂蜜500g", 1, 6800), ("赠品小勺", 1, 0)])
    assert (later.items_added, later.orders_updated, later.orders_unchanged) == (1, 1, 0)


def _status_of(book, number=_MAIN) -> tuple:
    with book.session() as session:
        return tuple(session.execute(select(Order.status, Order.paid_cents, Order.refund_cents, Order.is_purchase)
                                     .where(Order.platform_order_no == number)).one())


@pytest.mark.parametrize("wine_first", [False, True])
def test_a_douyin_order_takes_its_status_from_every_sub_order_whatever_their_order(tmp_path, book, wine_first):
    """One sub-order refunded (售后状态 退款成功): a partial refund of a live order, not a refunded order (when it
    came first) nor ignored (when it came last). One sub-order cancelled (已关闭): its money is not the order's."""
    refunded = [*_HONEY_LINE[:21], "退款成功", *_HONEY_LINE[22:]]
    lines = [_WINE_LINE, refunded] if wine_first else [refunded, _WINE_LINE]
    run_import(book, _douyin(tmp_path / "refund.csv", lines))
    assert _status_of(book) == ("partial_refund", 24400, 6800, True)
    other = "6920000000000000100"
    closed = [other, "6920000000000000101", *_HONEY_LINE[2:20], "已关闭", *_HONEY_LINE[21:]]
    wine = [other, "6920000000000000102", *_WINE_LINE[2:]]
    run_import(book, _douyin(tmp_path / "closed.csv", [wine, closed] if wine_first else [closed, wine]))
    assert _status_of(book, other) == ("completed", 17600, 0, True)


def test_a_douyin_order_whose_every_sub_order_was_refunded_is_refunded(tmp_path, book):
    lines = [[*line[:21], "退款成功", *line[22:]] for line in (_HONEY_LINE, _WINE_LINE)]
    run_import(book, _douyin(tmp_path / "all_refunded.csv", lines))
    assert _status_of(book) == ("refunded", 24400, 24400, False)
