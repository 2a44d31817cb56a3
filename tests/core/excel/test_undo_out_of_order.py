"""Issue #18: undoing an import that is not the newest to touch a row puts back only the values that still hold
what it wrote — what a later import or the seller changed since stays (core.excel.batches)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from core.book.models import Order
from core.dto import OrderInput
from core.excel.batches import undo_import
from core.excel.importer import run_import
from core.orders import OrderService
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, EYE, SERUM, order_of
from tests.core.excel.test_pasted_lines import _douyin

NUMBER = "35153131473293579"


def _taobao(folder, name, status, paid_amount="208.00", refund="0.00"):
    folder.mkdir(exist_ok=True)
    row = taobao_row(NUMBER, "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                     "2017-07-08 00:42:32", "2017-07-08 00:45:00", "云南野生蜂蜜500g", 2, "198.00", "10.00",
                     paid_amount, status, refund=refund)
    return write_csv(folder / name, [TAOBAO_HEADERS, row], encoding="gbk", quote_all=True)


def _order(book) -> tuple:
    with book.session() as session:
        return tuple(session.execute(select(Order.status, Order.paid_cents, Order.refund_cents, Order.is_purchase)
                                     .where(Order.platform_order_no == NUMBER)).one())


def test_undoing_a_middle_import_keeps_what_the_newest_import_wrote(tmp_path, book):
    run_import(book, _taobao(tmp_path / "a", "ExportOrderList201707080001.csv", "买家已付款，等待卖家发货"))
    middle = run_import(book, _taobao(tmp_path / "b", "ExportOrderList201707090001.csv", "卖家已发货，等待买家确认",
                                      paid_amount="200.00"))
    run_import(book, _taobao(tmp_path / "c", "ExportOrderList201707100001.csv", "交易成功", paid_amount="195.00",
                             refund="50.00"))
    assert _order(book) == ("partial_refund", 19500, 5000, True)
    result = undo_import(book, middle.batch_id)
    # status and paid hold what the newest import wrote, not the middle one's: they stay
    assert _order(book) == ("partial_refund", 19500, 5000, True) and result.values_kept == 2


def test_undoing_an_import_puts_back_what_still_holds_its_values_and_keeps_the_sellers_edit(tmp_path, book):
    run_import(book, _taobao(tmp_path / "a", "ExportOrderList201707080001.csv", "买家已付款，等待卖家发货"))
    later = run_import(book, _taobao(tmp_path / "b", "ExportOrderList201707090001.csv", "卖家已发货，等待买家确认",
                                     paid_amount="200.00"))
    assert _order(book) == ("shipped", 20000, 0, True)
    service = OrderService(book)
    with book.session() as session:
        order_id = session.scalar(select(Order.id).where(Order.platform_order_no == NUMBER))
    detail = service.get(order_id)
    fields = {f.name: getattr(detail, f.name) for f in dataclasses.fields(OrderInput) if f.name != "items"}
    service.update(order_id, OrderInput(**(fields | {"status": "completed"}), items=()), detail.version)
    result = undo_import(book, later.batch_id)
    # paid still held the import's 200.00: back to 208.00; the status the seller set stays
    assert _order(book) == ("completed", 20800, 0, True) and result.values_kept == 1


def test_undoing_a_middle_douyin_import_keeps_the_later_lines_and_their_money(tmp_path, book):
    run_import(book, _douyin(tmp_path / "k1.csv", [CREAM]))
    middle = run_import(book, _douyin(tmp_path / "k2.csv", [CREAM, SERUM]))
    newest = run_import(book, _douyin(tmp_path / "k3.csv", [CREAM, SERUM, EYE]))
    undo_import(book, middle.batch_id)  # its line stays: the newest, still done, holds it too (core.excel.holds)
    assert order_of(book) == ("completed", 70000, 70000, 0, [
        ("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000), ("眼霜", 1, 40000, 40000)])
    undo_import(book, newest.batch_id)  # its line goes, and the serum that was passed on to it; the money is the lines'
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
