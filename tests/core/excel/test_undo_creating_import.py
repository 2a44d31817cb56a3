"""Issue #18: undoing the import that created an order or a customer keeps what a later import or the seller
added to it since (core.excel.undo_keep); what nobody touched since goes as before."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from core.book.models import Customer, Order
from core.customers import CustomerService
from core.dto import OrderInput
from core.excel.batches import undo_import
from core.excel.importer import run_import
from core.orders import OrderService
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, SERUM, order_of
from tests.core.excel.test_pasted_lines import _douyin

NUMBER = "35153131473293579"


def _taobao(path):
    row = taobao_row(NUMBER, "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                     "2017-07-08 00:42:32", "2017-07-08 00:45:00", "云南野生蜂蜜500g", 2, "198.00", "10.00",
                     "208.00", "交易成功")
    return write_csv(path, [TAOBAO_HEADERS, row], encoding="gbk", quote_all=True)


def _customers(book) -> list[tuple]:
    with book.session() as session:
        return [tuple(row) for row in session.execute(select(
            Customer.name, Customer.phone, Customer.wechat_id, Customer.tag_names, Customer.note, Customer.birth_month))]


def _orders(book) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(Order))


def test_undoing_the_douyin_import_that_created_an_order_keeps_the_line_a_later_one_added(tmp_path, book):
    monday = run_import(book, _douyin(tmp_path / "mon.csv", [CREAM]))
    run_import(book, _douyin(tmp_path / "tue.csv", [SERUM]))
    result = undo_import(book, monday.batch_id)
    assert order_of(book) == ("completed", 20000, 20000, 0, [("精华", 1, 20000, 20000)])
    assert (result.orders_deleted, result.customers_deleted, result.rows_kept) == (0, 0, 2)


def test_undoing_the_order_list_that_created_a_customer_keeps_what_a_later_sheet_and_the_seller_gave(tmp_path, book):
    taobao = run_import(book, _taobao(tmp_path / "ExportOrderList201707080001.csv"))
    sheet = [["姓名", "电话", "微信", "标签", "生日"], ["王芳", "13925130165", "wangfang88", "VIP、蜂蜜", "1990-05-03"]]
    run_import(book, write_csv(tmp_path / "我的客户.csv", sheet))
    service = CustomerService(book)
    detail = service.get(1)
    service.update(1, dataclasses.replace(detail.fields, note="对花粉过敏，勿推蜂花粉"), detail.version)
    result = undo_import(book, taobao.batch_id)
    assert _orders(book) == 0 and result.orders_deleted == 1 and result.rows_kept == 1
    assert _customers(book) == [("王芳", "13925130165", "wangfang88", "VIP、蜂蜜", "对花粉过敏，勿推蜂花粉", 5)]


def test_what_only_the_seller_changed_since_is_kept_and_what_nobody_touched_goes(tmp_path, book):
    first = run_import(book, _taobao(tmp_path / "ExportOrderList201707080001.csv"))
    service = CustomerService(book)
    detail = service.get(1)
    service.update(1, dataclasses.replace(detail.fields, note="老客户"), detail.version)
    result = undo_import(book, first.batch_id)  # the customer edited stays, the order nobody touched goes
    assert _orders(book) == 0 and [row[4] for row in _customers(book)] == ["老客户"] and result.rows_kept == 1
    (tmp_path / "b").mkdir()
    second = run_import(book, _taobao(tmp_path / "b" / "ExportOrderList201707080002.csv"))
    orders = OrderService(book)
    with book.session() as session:
        order_id = session.scalar(select(Order.id))
    order = orders.get(order_id)
    fields = {f.name: getattr(order, f.name) for f in dataclasses.fields(OrderInput)
              if f.name not in ("goods_cents", "paid_cents", "seller_note")}
    orders.update(order_id, OrderInput(**fields, seller_note="已补发赠品"), order.version)
    result = undo_import(book, second.batch_id)  # the order the seller edited stays, with its customer
    assert _orders(book) == 1 and len(_customers(book)) == 1 and result.rows_kept == 1
    (tmp_path / "c").mkdir()
    untouched = run_import(book, _douyin(tmp_path / "c" / "mon.csv", [CREAM]))
    result = undo_import(book, untouched.batch_id)
    assert (result.orders_deleted, result.customers_deleted, result.rows_kept) == (1, 1, 0)
