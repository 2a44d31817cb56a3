"""Issue #18: undoing import X removes what X brought, never what a later import still done (or the seller) also
vouches for. A later import that found a row as its file says it, or behind it (an older export), held it
(core.excel.holds): the row stays, and belongs to that import from then on — undoing it too takes the row away."""

from __future__ import annotations

import dataclasses
import random

from sqlalchemy import func, select

from core.book.models import Customer, ImportChange, ImportHold, Order
from core.excel.batches import list_batches, undo_import
from core.excel.holds import decode_ids, encode_ids
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, EYE, SERUM, edit_lines, order_of
from tests.core.excel.test_pasted_lines import _douyin, _douyin_line

NUMBER = "35153131473293579"


def _paid(line: list[str]) -> list[str]:
    return [*line[:20], "待发货", "", *line[22:]]


def _taobao(folder, status, refund="0.00"):
    folder.mkdir(exist_ok=True)
    row = taobao_row(NUMBER, "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                     "2017-07-08 00:42:32", "2017-07-08 00:45:00", "云南野生蜂蜜500g", 2, "198.00", "10.00",
                     "208.00", status, refund=refund)
    return write_csv(folder / f"ExportOrderList2017070{len(folder.name)}0001.csv", [TAOBAO_HEADERS, row],
                     encoding="gbk", quote_all=True)


def _order(book) -> tuple:
    with book.session() as session:
        return tuple(session.execute(select(Order.status, Order.paid_cents, Order.refund_cents, Order.is_purchase)
                                     .where(Order.platform_order_no == NUMBER)).one())


def _rows(book) -> tuple[int, int]:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(Customer)), session.scalar(
            select(func.count()).select_from(Order))


def test_undoing_the_newer_douyin_export_leaves_the_order_as_the_older_one_still_done_gives_it(tmp_path, book):
    wednesday = run_import(book, _douyin(tmp_path / "wed.csv", [CREAM]))
    monday = run_import(book, _douyin(tmp_path / "mon.csv", [_paid(CREAM)]))  # older: changes nothing
    assert (monday.orders_updated, monday.orders_unchanged) == (0, 1)
    result = undo_import(book, wednesday.batch_id)
    assert order_of(book) == ("paid", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    assert (result.orders_deleted, result.customers_deleted, result.rows_kept) == (0, 0, 2)
    with book.session() as session:
        assert session.scalar(select(Customer.total_spend_cents)) == 10000
    undo_import(book, monday.batch_id)  # the order is Monday's now: it goes with it
    assert _rows(book) == (0, 0)


def test_undoing_the_newer_order_list_leaves_the_order_in_the_older_ones_state(tmp_path, book):
    wednesday = run_import(book, _taobao(tmp_path / "wed", "交易成功"))
    monday = run_import(book, _taobao(tmp_path / "mon", "买家已付款，等待卖家发货"))
    assert _order(book) == ("completed", 20800, 0, True) and monday.orders_unchanged == 1
    undo_import(book, wednesday.batch_id)
    assert _order(book) == ("paid", 20800, 0, True) and _rows(book) == (1, 1)
    undo_import(book, monday.batch_id)
    assert _rows(book) == (0, 0)


def test_undoing_the_import_that_created_an_order_keeps_the_line_a_later_one_held(tmp_path, book):
    monday = run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [SERUM, EYE]))  # the serum as it is, an eye cream more
    result = undo_import(book, monday.batch_id)  # the cream goes: only Monday gave it
    assert order_of(book) == ("completed", 60000, 60000, 0, [("精华", 1, 20000, 20000), ("眼霜", 1, 40000, 40000)])
    assert (result.orders_deleted, result.rows_kept) == (0, 2)
    newest = list_batches(book)[0]  # the history tells what undoing Tuesday now removes
    assert (newest.id, newest.customers_created, newest.orders_created) == (tuesday.batch_id, 1, 1)
    undo_import(book, tuesday.batch_id)
    assert _rows(book) == (0, 0)


def test_undoing_a_middle_refund_keeps_it_when_a_later_import_said_it_again(tmp_path, book):
    run_import(book, _taobao(tmp_path / "a", "卖家已发货，等待买家确认"))
    middle = run_import(book, _taobao(tmp_path / "bb", "交易成功", refund="50.00"))
    again = run_import(book, _taobao(tmp_path / "ccc", "交易成功", refund="50.00"))  # the same: changes nothing
    assert again.orders_unchanged == 1 and _order(book) == ("partial_refund", 20800, 5000, True)
    result = undo_import(book, middle.batch_id)
    assert _order(book) == ("partial_refund", 20800, 5000, True) and result.values_kept == 2
    undo_import(book, again.batch_id)  # the refund is the later import's now: it goes with it
    assert _order(book) == ("shipped", 20800, 0, True)


def test_a_later_import_that_held_only_the_status_leaves_the_refund_to_the_undo(tmp_path, book):
    run_import(book, _taobao(tmp_path / "a", "卖家已发货，等待买家确认"))
    middle = run_import(book, _taobao(tmp_path / "bb", "交易成功", refund="50.00"))
    run_import(book, _taobao(tmp_path / "ccc", "卖家已发货，等待买家确认"))  # older: vouches for neither
    result = undo_import(book, middle.batch_id)
    assert _order(book) == ("shipped", 20800, 0, True) and result.values_kept == 0


def test_undo_keeps_a_line_it_added_that_the_seller_then_edited(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM]))
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [SERUM]))
    edit_lines(book, lambda items: [items[0], dataclasses.replace(items[1], quantity=2, amount_cents=40000)])
    edited = order_of(book)
    assert edited == ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("精华", 2, 20000, 40000)])
    result = undo_import(book, tuesday.batch_id)
    assert order_of(book) == edited and result.rows_kept == 1


def test_undo_removes_a_line_it_added_when_the_seller_saved_the_order_without_touching_it(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM]))
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [SERUM]))
    edit_lines(book, lambda items: [items[1], items[0]])  # saved anew (new lines, new ids), the serum first
    result = undo_import(book, tuesday.batch_id)
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)]) and result.rows_kept == 0


def test_an_import_that_changes_nothing_records_what_it_held_in_a_few_rows(tmp_path, book):
    lines = [_douyin_line(f"69300000000{n:05d}", f"69400000000{n:05d}", "面霜", 1, "100.00", "100.00")
             for n in range(1, 201)]
    for n, line in enumerate(lines, 1):  # 200 buyers (one masked phone, name and address would be one: masked.py)
        line[10] = f"138****{n:04d}"
    run_import(book, _douyin(tmp_path / "a.csv", lines))
    again = run_import(book, _douyin(tmp_path / "b.csv", lines))
    assert again.orders_unchanged == 200
    with book.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportChange)
                              .where(ImportChange.batch_id == again.batch_id)) == 0
        holds = session.execute(select(ImportHold.table_name, ImportHold.row_ids)
                                .where(ImportHold.batch_id == again.batch_id)).all()
    assert sorted(holds) == [("customer", "1+199"), ("order_item", "1+199"), ("orders", "1+199")]


def test_the_ids_held_come_back_as_they_were_written():
    rng = random.Random(7)
    for _ in range(200):
        ids = set(rng.sample(range(1, 400), rng.randrange(0, 60))) | set(range(500, 500 + rng.randrange(0, 30)))
        starts, ends = decode_ids(encode_ids(ids))
        assert {row_id for start, end in zip(starts, ends, strict=True) for row_id in range(start, end + 1)} == ids
    assert encode_ids([10, 1, 2, 3, 7, 9]) == "1+2,4,2+1"


def _customer(book) -> tuple:
    with book.session() as session:
        return tuple(session.execute(select(Customer.name, Customer.wechat_id, Customer.tag_names)).one())


def test_a_wechat_and_a_tag_a_later_sheet_gives_again_stay_when_the_sheet_that_filled_them_is_undone(tmp_path, book):
    header = ["姓名", "电话", "微信", "标签"]
    run_import(book, write_csv(tmp_path / "a.csv", [header, ["王芳", "13925130165", "", ""]]))
    filled = run_import(book, write_csv(tmp_path / "b.csv", [header, ["王芳", "13925130165", "wangfang88", "VIP"]]))
    again = run_import(book, write_csv(tmp_path / "c.csv", [header, ["王芳", "13925130165", "wangfang88", "VIP"]]))
    assert _customer(book) == ("王芳", "wangfang88", "VIP") and again.customers_updated == 0
    result = undo_import(book, filled.batch_id)  # the later sheet, still done, says the same: both stay
    assert _customer(book) == ("王芳", "wangfang88", "VIP") and result.values_kept == 2
    undo_import(book, again.batch_id)  # they were passed on to it: now they go
    assert _customer(book) == ("王芳", "", "")
