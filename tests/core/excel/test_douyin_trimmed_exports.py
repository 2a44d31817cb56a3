"""Issue #18: a Douyin export without the 子订单编号 column (an older one, or a custom report the seller trimmed:
主订单编号 or 订单编号, 选购商品 or 商品名称, 订单应付金额, 收件人手机号…) is recognised as Douyin by the headers only
Douyin uses (core.excel.presets.detect_preset, ``Preset.marks``), without ``--preset douyin``; a seller's sheet with
one of them is not."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Customer, Order, OrderItem
from core.excel.analysis import choose, load_file
from core.excel.importer import run_import
from tests.core.book_files import run_cli
from tests.core.excel.files import write_csv, write_xlsx

MAIN = "6920000000000000001"
OLDER = ["主订单编号", "选购商品", "商品规格", "商品数量", "商品单价", "订单应付金额", "收件人", "收件人手机号", "省", "市",
         "区", "详细地址", "订单提交时间", "支付完成时间", "订单状态", "售后状态"]
TRIMMED = ["订单编号", "商品名称", "商品数量", "订单应付金额", "收件人", "收件人手机号", "订单提交时间", "订单状态"]


def _row(headers: list[str], title: str, paid: str, after_sale: str = "") -> list[str]:
    values = {"主订单编号": MAIN, "订单编号": MAIN, "选购商品": title, "商品名称": title, "商品规格": "500g",
              "商品数量": "1", "商品单价": paid, "订单应付金额": paid, "收件人": "周**", "收件人手机号": "151****0000",
              "省": "四川省", "市": "成都市", "区": "武侯区", "详细地址": "天府大道**号", "订单提交时间": "2024-06-01 08:00:00",
              "支付完成时间": "2024-06-01 08:01:00", "订单状态": "已完成", "售后状态": after_sale}
    return [values[header] for header in headers]


@pytest.mark.parametrize("headers", [OLDER, TRIMMED], ids=["older", "trimmed"])
def test_a_douyin_export_without_sub_order_numbers_is_read_as_douyin(tmp_path, book, headers):
    rows = [headers, _row(headers, "玫瑰面膜", "39.90"), _row(headers, "玫瑰精华", "60.00", "退款成功")]
    result = run_import(book, write_xlsx(tmp_path / "orders.xlsx", {"订单": rows}))
    assert result.tables[0].preset == "douyin" and result.errors == ()
    assert (result.orders_created, result.customers_created) == (1, 1)
    with book.session() as session:
        order = session.scalars(select(Order)).one()
        titles = session.scalars(select(OrderItem.title).order_by(OrderItem.id)).all()
        customer = session.scalars(select(Customer)).one()
    # one order of two lines, its money the lines' sum, the refunded line's paid refunded (where the file says so)
    refunded = (6000, "partial_refund") if "售后状态" in headers else (0, "completed")
    assert (order.platform, order.platform_order_no, order.paid_cents, order.refund_cents, order.status) == (
        "douyin", MAIN, 9990, *refunded)
    assert titles == ["玫瑰面膜", "玫瑰精华"]
    assert customer.phone_norm == "" and customer.real_name != "周**"  # masked: never an identity


def test_the_command_line_takes_a_trimmed_douyin_csv_as_douyin(tmp_path):
    path = write_csv(tmp_path / "douyin.csv", [TRIMMED, _row(TRIMMED, "玫瑰面膜", "39.90")], encoding="utf-8", bom=True)
    Book.open(tmp_path / "shop.book", create=True, backup_root=tmp_path / "bk", daily_backup=False).close()
    out = run_cli("--book", tmp_path / "shop.book", "import", path, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["orders_created"] == 1
    with Book.open(tmp_path / "shop.book", backup_root=tmp_path / "bk", daily_backup=False) as book, \
            book.session() as session:
        assert session.execute(select(Order.platform, Order.platform_order_no, Order.paid_cents)).one() == (
            "douyin", MAIN, 3990)


@pytest.mark.parametrize("headers", [
    # a seller's own sheet (or another shop's export) with one header Douyin uses: its own, columns by their names
    ["订单编号", "商品名称", "数量", "实付金额", "收件人", "收件人手机号", "下单时间", "微信号", "备注"],
    # two of Douyin's headers but no order number: a list of buyers, not a Douyin export
    ["收件人", "收件人手机号", "订单应付金额", "订单提交时间", "商品名称", "微信号"],
], ids=["one_mark", "no_order_number"])
def test_a_sheet_with_some_douyin_headers_is_not_taken_for_a_douyin_export(tmp_path, headers):
    path = write_xlsx(tmp_path / "mine.xlsx", {"客户": [["我的客户"], headers, ["x"] * len(headers)]})
    (table,) = load_file(path).tables
    assert table.header_index == 1 and choose(table).preset == "own"


@pytest.mark.parametrize("headers, row, wechat, note, tag", [
    (["收件人", "收件人手机号", "订单编号", "商品名称", "订单应付金额", "下单时间", "备注", "微信"],
     ["黄蓉", "13512345678", "A001", "蜂蜜", 50, "2026-11-01", "老客", "wx_hr"], "wx_hr", "老客", None),
    (["姓名", "收件人手机号", "订单编号", "商品名称", "订单应付金额", "日期", "标签"],
     ["黄蓉", "13512345678", "A001", "蜂蜜", 50, "2026-11-01", "宝妈"], "", "", "宝妈"),
    (["姓名", "电话", "订单编号", "商品名称", "订单提交时间", "支付完成时间", "金额", "备注"],
     ["黄蓉", "13512345678", "A001", "蜂蜜", "2026-11-01", "2026-11-01", 50, "老客"], "", "老客", None),
], ids=["receiver_words_with_wechat", "name_and_tags", "douyin_times"])
def test_a_sellers_sheet_with_two_douyin_headers_and_words_of_its_own_keeps_every_column(tmp_path, book, headers, row,
                                                                                         wechat, note, tag):
    """(hostile6 F1) Two of Douyin's headers beside the seller's own words (姓名, 微信, 备注, 标签, 下单时间): the
    seller's sheet, whose name, WeChat, note, tags and order are all kept — read as Douyin they were dropped."""
    from core.book.models import CustomerTag, Tag

    path = write_xlsx(tmp_path / "mine.xlsx", {"客户": [headers, row]})
    assert choose(load_file(path).tables[0]).preset == "own"
    result = run_import(book, path)
    assert (result.customers_created, result.orders_created) == (1, 1)
    with book.session() as session:
        customer = session.scalars(select(Customer)).one()
        assert (customer.name, customer.wechat_id or "", customer.note or "") == ("黄蓉", wechat, note)
        order = session.scalars(select(Order)).one()
        assert (order.platform_order_no, order.paid_cents) == ("A001", 5000)
        tags = session.scalars(select(Tag.name).join(CustomerTag, CustomerTag.tag_id == Tag.id)).all()
        assert tags == ([tag] if tag else [])
