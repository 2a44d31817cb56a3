"""Issue #18: a line whose quantity the seller changed in the app (core.orders) stays whole, with the order's paid,
when the same file comes again — a Taobao ExportOrderList with its 订单明细 detail file next to it, a PDD export, a
Douyin export without 子订单编号 — as numbered Douyin lines already do (test_douyin_seller_line_edits): no line of
the file is added beside the seller's (core.excel.detail_items matches it by title and specification), and the
order's paid moves by as much as the seller changed its lines by (``detail_items.seller_lines_paid``); a newer word
of the file on the order's paid applies, moved the same."""

from __future__ import annotations

import dataclasses

from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv, write_xlsx
from tests.core.excel.test_detail_items import DETAIL_HEADERS, items_table
from tests.core.excel.test_douyin_sub_orders import edit_lines, order_of
from tests.core.excel.test_presets import PDD_HEADERS

HONEY = "3515313147329357901"
TEA = "3515313147329357903"
ADDRESS = "广东省 广州市 越秀区 某某路1号(510180)"


def _taobao(tmp_path, stamp: str, tea_status: str = "等待买家付款", tea_paid_at: str = "") -> None:
    """An ExportOrderList and its ExportOrderDetailList (the same stamp, side by side): a paid order of two lines,
    an unpaid one of one line (no detail line: its summary line is its line)."""
    write_csv(tmp_path / f"ExportOrderList{stamp}.csv", [
        TAOBAO_HEADERS,
        taobao_row(HONEY, "tb_wang", "王芳", "13925130165", ADDRESS, "2026-11-30 09:00:00", "2026-11-30 09:01:00",
                   "云南野生蜂蜜500g", 3, "198.00", "0.00", "198.00", "买家已付款，等待卖家发货"),
        taobao_row(TEA, "tb_wang", "王芳", "13925130165", ADDRESS, "2026-12-02 11:00:00", tea_paid_at,
                   "红糖姜茶", 1, "39.90", "0.00", "39.90", tea_status)], encoding="gbk", quote_all=True)
    write_csv(tmp_path / f"ExportOrderDetailList{stamp}.csv", [
        DETAIL_HEADERS,
        [f'="{HONEY}"', "云南野生蜂蜜500g", "89.00", "2", "", "规格:500g", "", "", "买家已付款，等待卖家发货", "FM500"],
        [f'="{HONEY}"', "蜂巢蜜", "20.00", "1", "", "", "", "", "买家已付款，等待卖家发货", ""]],
        encoding="gbk", quote_all=True)


def _one_more(title: str):
    def change(items):
        return [dataclasses.replace(item, quantity=item.quantity + 1, amount_cents=None) if item.title == title
                else item for item in items]
    return change


def test_a_detail_line_the_seller_changed_is_not_added_again_and_the_paid_stays_theirs(tmp_path, book):
    _taobao(tmp_path, "202612021200")
    run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    assert order_of(book, HONEY) == ("paid", 19800, 19800, 0, [("云南野生蜂蜜500g", 2, 8900, 17800),
                                                              ("蜂巢蜜", 1, 2000, 2000)])
    edit_lines(book, _one_more("蜂巢蜜"), HONEY)
    edited = ("paid", 21800, 21800, 0, [("云南野生蜂蜜500g", 2, 8900, 17800), ("蜂巢蜜", 2, 2000, 4000)])
    assert order_of(book, HONEY) == edited
    lines = items_table(book)
    again = run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    assert order_of(book, HONEY) == edited and items_table(book) == lines  # no third line, paid as the lines
    assert (again.items_added, again.items_replaced, again.orders_updated) == (0, 0, 0)
    alone = run_import(book, tmp_path / "ExportOrderDetailList202612021200.csv")  # the detail file alone
    assert order_of(book, HONEY) == edited and (alone.items_added, alone.items_replaced) == (0, 0)
    undo_import(book, alone.batch_id)
    undo_import(book, again.batch_id)
    assert order_of(book, HONEY) == edited and items_table(book) == lines


def test_a_detail_line_the_seller_removed_is_not_added_back_and_paid_goods_and_lines_agree(tmp_path, book):
    """(hostile8: the same pair again put 蜂巢蜜 back and the file's paid, 198.00, while goods stayed 178.00.) The
    order's lines are the detail file's, amounts included: a line of the file it lacks is one the seller removed."""
    _taobao(tmp_path, "202612021200")
    run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    edit_lines(book, lambda items: [item for item in items if item.title != "蜂巢蜜"], HONEY)
    edited = ("paid", 17800, 17800, 0, [("云南野生蜂蜜500g", 2, 8900, 17800)])
    assert order_of(book, HONEY) == edited
    lines = items_table(book)
    again = run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    assert order_of(book, HONEY) == edited and items_table(book) == lines
    assert (again.items_added, again.items_replaced, again.orders_updated) == (0, 0, 0)
    alone = run_import(book, tmp_path / "ExportOrderDetailList202612021200.csv")
    assert order_of(book, HONEY) == edited and alone.items_added == 0
    _taobao(tmp_path, "202612051200", tea_status="买家已付款，等待卖家发货", tea_paid_at="2026-12-02 11:05:00")
    run_import(book, tmp_path / "ExportOrderList202612051200.csv")  # a newer pair: the removal stays too
    assert order_of(book, HONEY) == edited
    undo_import(book, alone.batch_id)
    undo_import(book, again.batch_id)
    assert order_of(book, HONEY) == edited and items_table(book) == lines


def test_an_unpaid_order_the_seller_changed_keeps_nothing_paid_then_is_paid_as_its_lines(tmp_path, book):
    _taobao(tmp_path, "202612021200")
    run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    edit_lines(book, _one_more("红糖姜茶"), TEA)
    edited = ("unpaid", 7980, 0, 0, [("红糖姜茶", 2, 3990, 7980)])
    assert order_of(book, TEA) == edited
    run_import(book, tmp_path / "ExportOrderList202612021200.csv")
    assert order_of(book, TEA) == edited
    _taobao(tmp_path, "202612051200", "买家已付款，等待卖家发货", "2026-12-02 11:05:00")  # paid since: a newer word
    run_import(book, tmp_path / "ExportOrderList202612051200.csv")
    assert order_of(book, TEA) == ("paid", 7980, 7980, 0, [("红糖姜茶", 2, 3990, 7980)])


def _pdd(path, paid: str, status: str = "待发货"):
    row = ["\t红糖姜茶\t", "\t261130-000000000000001\t", status, "59.90", "0", "0", "0", paid, paid, "2", "赵敏",
           "\t137****7000\t", "浙江省", "杭州市", "西湖区", "文三路100号", "2026-11-30 10:00:00", "", "", "", "123",
           "500g", "", "", "", "", ""]
    return write_csv(path, [["拼多多订单导出 2026-11-30 至 2026-12-02"], PDD_HEADERS, row], encoding="gb18030")


def test_a_pdd_quantity_the_seller_changed_keeps_its_paid_and_a_newer_paid_moves_by_the_same(tmp_path, book):
    run_import(book, _pdd(tmp_path / "pdd1.csv", "59.90"))
    number = "261130-000000000000001"
    edit_lines(book, _one_more("红糖姜茶"), number)
    edited = ("paid", 8985, 8985, 0, [("红糖姜茶", 3, 2995, 8985)])
    assert order_of(book, number) == edited
    again = run_import(book, _pdd(tmp_path / "pdd1_again.csv", "59.90"))
    assert order_of(book, number) == edited and (again.orders_updated, again.orders_unchanged) == (0, 1)
    run_import(book, _pdd(tmp_path / "pdd2.csv", "59.90", "已发货，待签收"))  # moved on: the seller's paid stays
    assert order_of(book, number) == ("shipped", 8985, 8985, 0, [("红糖姜茶", 3, 2995, 8985)])
    run_import(book, _pdd(tmp_path / "pdd3.csv", "49.90", "已发货，待签收"))  # a new paid (10.00 off): applied
    assert order_of(book, number) == ("shipped", 8985, 7985, 0, [("红糖姜茶", 3, 2995, 8985)])


_OLD_DOUYIN = ["订单编号", "商品名称", "商品数量", "商品单价", "订单应付金额", "收件人", "收件人手机号", "省", "市", "区",
               "详细地址", "订单提交时间", "支付完成时间", "订单状态", "售后状态"]


def _old_douyin(path, *lines):
    return write_xlsx(path, {"订单": [_OLD_DOUYIN, *[
        ["6920000000000000400", title, 1, price, price, "冯**", "188****1000", "四川省", "成都市", "武侯区",
         "天府大道2号", "2026-12-05 09:00:00", "2026-12-05 09:00:00", "已完成", ""] for title, price in lines]]})


def test_a_douyin_line_without_a_number_the_seller_changed_keeps_the_orders_paid(tmp_path, book):
    run_import(book, _old_douyin(tmp_path / "dy_old.xlsx", ("玫瑰面膜", "39.9")))
    number = "6920000000000000400"
    edit_lines(book, _one_more("玫瑰面膜"), number)
    edited = ("completed", 7980, 7980, 0, [("玫瑰面膜", 2, 3990, 7980)])
    assert order_of(book, number) == edited
    run_import(book, _old_douyin(tmp_path / "dy_old_again.xlsx", ("玫瑰面膜", "39.9")))
    assert order_of(book, number) == edited
    # a later export holding one more line of it: the line is added, the seller's quantity stays and the order's
    # paid is the file's moved by the seller's change
    both = run_import(book, _old_douyin(tmp_path / "dy_both.xlsx", ("玫瑰面膜", "39.9"), ("玫瑰精华", "60")))
    assert both.items_added == 1
    assert order_of(book, number) == ("completed", 13980, 13980, 0, [("玫瑰面膜", 2, 3990, 7980),
                                                                      ("玫瑰精华", 1, 6000, 6000)])
