"""Issue #18: an older and a newer export of a shop pasted into one file. Where a row is a whole order (Taobao's
order list, Pinduoduo), the same order on two rows with the same goods is one order read twice: the row whose
status went furthest is the order (core.excel.plan, ``Preset.rows_are_orders``)."""

from __future__ import annotations

from sqlalchemy import select

from core.book.models import Order, OrderItem
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_presets import PDD_HEADERS

_ADDRESS = "广东省 广州市 越秀区 某某路1号(510180)"


def _tb(number, status, title="蜂蜜", quantity=2, amount="178.00"):
    return taobao_row(number, "buyer_a", "王五", "13700000001", _ADDRESS, "2026-11-03 10:00:00",
                      "2026-11-03 10:05:00", title, quantity, amount, "0.00", amount, status)


def _orders(book) -> dict[str, tuple]:
    with book.session() as session:
        orders = session.execute(select(Order.id, Order.platform_order_no, Order.status, Order.paid_cents)).all()
        return {number: (status, paid, [tuple(item) for item in session.execute(
            select(OrderItem.title, OrderItem.quantity, OrderItem.amount_cents).where(OrderItem.order_id == oid)
            .order_by(OrderItem.id))]) for oid, number, status, paid in orders}


def _notes(result) -> list[tuple[int, str, str]]:
    return [(error.row, error.code, error.value) for error in result.errors]


def test_an_older_and_a_newer_taobao_order_list_in_one_file_give_the_order_in_its_later_state(tmp_path, book):
    older = [_tb("2001", "买家已付款，等待卖家发货")]
    newer = [_tb("2001", "卖家已发货，等待买家确认"), _tb("2002", "交易成功", "茶叶", 1, "50.00")]
    # (an order on two rows with other goods keeps both as lines)
    other_goods = [_tb("2003", "交易成功", "蜂蜜", 1, "89.00"), _tb("2003", "交易成功", "茶叶", 1, "89.00")]
    path = write_csv(tmp_path / "ExportOrderList202612071500.csv", [TAOBAO_HEADERS, *older, *newer, *other_goods],
                     encoding="gbk", quote_all=True)
    result = run_import(book, path)
    assert {number: order for number, order in _orders(book).items() if number != "2003"} == {
        "2001": ("shipped", 17800, [("蜂蜜", 2, 17800)]), "2002": ("completed", 5000, [("茶叶", 1, 5000)])}
    assert [title for title, _quantity, _amount in _orders(book)["2003"][2]] == ["蜂蜜", "茶叶"]
    assert _notes(result) == [(3, "duplicate_row", "2001")] and result.orders_created == 3
    # newer first, older after (pasted the other way round): the order is still in its later state
    (tmp_path / "other").mkdir()
    path = write_csv(tmp_path / "other" / "ExportOrderList202612071501.csv", [TAOBAO_HEADERS, *newer, *older],
                     encoding="gbk", quote_all=True)
    assert run_import(book, path).orders_unchanged == 2
    assert _orders(book)["2001"] == ("shipped", 17800, [("蜂蜜", 2, 17800)])


def test_the_same_pinduoduo_order_twice_in_one_file_is_one_order(tmp_path, book):
    def row(status, shipped=""):
        return ["红糖姜茶", "240503-123456789012345", status, "59.90", "0", "0", "0", "59.90", "59.90", "2", "赵敏",
                "13800138000", "浙江省", "杭州市", "西湖区", "文三路100号", "2024-05-03 10:00:00", "", shipped, "",
                "123", "500g*2", "", "", "", "", ""]
    path = write_csv(tmp_path / "pdd.csv", [PDD_HEADERS, row("待发货"), row("已发货，待签收", "2024-05-04 09:00:00")],
                     encoding="utf-8", bom=True)
    result = run_import(book, path)
    assert _orders(book) == {"240503-123456789012345": ("shipped", 5990, [("红糖姜茶", 2, 5990)])}
    assert _notes(result) == [(3, "duplicate_row", "240503-123456789012345")]


def test_an_order_of_two_goods_rows_pasted_twice_keeps_its_two_lines_in_the_later_state(tmp_path, book):
    def row(goods, status, signed=""):
        return [goods, "240503-123456789012346", status, "59.90", "0", "0", "0", "59.90", "59.90", "1", "赵敏",
                "13800138000", "浙江省", "杭州市", "西湖区", "文三路100号", "2024-05-03 10:00:00", "", signed, "",
                "123", "500g", "", "", "", "", ""]
    older = [row("红糖姜茶", "待发货"), row("桂花蜜", "待发货")]
    newer = [row("红糖姜茶", "已签收", "2024-05-04 09:00:00"), row("桂花蜜", "已签收", "2024-05-04 09:00:00")]
    for name, rows in (("older_first", [*older, *newer]), ("newer_first", [*newer, *older])):
        (tmp_path / name).mkdir()
        path = write_csv(tmp_path / name / "pdd.csv", [PDD_HEADERS, *rows], encoding="utf-8", bom=True)
        result = run_import(book, path)
        status, _paid, lines = _orders(book)["240503-123456789012346"]
        assert (status, [(title, quantity) for title, quantity, _amount in lines]) == (
            "delivered", [("红糖姜茶", 1), ("桂花蜜", 1)]), name
        assert [code for _row, code, _value in _notes(result)] == ["duplicate_row", "duplicate_row"], name
    # a third row of other goods is a new line
    path = write_csv(tmp_path / "more.csv", [PDD_HEADERS, *newer, row("桂花蜜", "已签收", "2024-05-04 09:00:00"),
                                             row("枸杞", "已签收", "2024-05-04 09:00:00")], encoding="utf-8", bom=True)
    (tmp_path / "b").mkdir()
    from core.book.db import Book

    with Book.open(tmp_path / "b" / "b.book", create=True, backup_root=tmp_path / "bk", daily_backup=False) as other:
        run_import(other, path)
        assert [title for title, _q, _a in _orders(other)["240503-123456789012346"][2]] == ["红糖姜茶", "桂花蜜", "枸杞"]



def test_an_older_and_a_newer_douyin_export_with_rounded_sub_order_numbers_in_one_file(tmp_path, book):
    """子订单编号 rounded by Excel (6.92E+18: no line number). The older export's sub-orders again in the newer one
    are read once, in their later state — paid was doubled, the status the older one."""
    from tests.core.excel.test_pasted_lines import _douyin, _douyin_line

    def line(order, title, price, status):
        row = _douyin_line(order, "6.92E+18", title, 1, price, price)
        return [*row[:20], status, *row[21:]]
    older = [line("D1", "面霜", "100.00", "待发货"), line("D1", "精华", "200.00", "待发货")]
    newer = [line("D1", "面霜", "100.00", "已发货"), line("D1", "精华", "200.00", "已发货")]
    result = run_import(book, _douyin(tmp_path / "dd.csv", [*older, line("D8", "眼霜", "400.00", "已完成"), *newer]))
    assert _orders(book) == {"D1": ("shipped", 30000, [("面霜", 1, 10000), ("精华", 1, 20000)]),
                             "D8": ("completed", 40000, [("眼霜", 1, 40000)])}
    assert _notes(result) == [(5, "duplicate_row", "D1"), (6, "duplicate_row", "D1")]


def test_a_report_excel_saved_again_without_seconds_changes_nothing(tmp_path, book):
    """Excel writes 2026/11/02 10:01 for 2026-11-02 10:01:37: the same orders, not updated ones (hostile review:
    alternating the two files reported every order updated each time)."""
    from core.excel.importer import run_import
    from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv

    def report(name, created, paid):
        return write_csv(tmp_path / name, [TAOBAO_HEADERS, taobao_row(
            "3515313147329001", "tb_王芳", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)", created, paid,
            "云南野生蜂蜜500g", 1, "68.00", "0.00", "68.00", "交易成功")], encoding="gbk", quote_all=True)

    run_import(book, report("ExportOrderList1.csv", "2026-11-02 10:00:12", "2026-11-02 10:01:37"))
    again = run_import(book, report("ExportOrderList2.csv", "2026/11/2 10:00", "2026/11/2 10:01"))
    assert (again.orders_updated, again.orders_unchanged, again.orders_created) == (0, 1, 0)
