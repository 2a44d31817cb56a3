"""A seller's hand-kept sheet of one row a customer (not a purchase a row): 最近购买日期 and 最近买的 are her last
purchase (it makes an order and a product, so the goods can be reminded), 购买次数 / 累计消费 are figures kept in
the note; a lunar birthday written in words (农历八月十五) is read as lunar; a birthday nobody can read costs that
cell, not the customer. Before, such a sheet gave no order and no product, and a 农历八月十五 refused the row."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import CellRejected
from core.excel.cleaning import parse_birthday
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import write_xlsx

ROOT = Path(__file__).resolve().parents[3]
HEADERS = ["姓名", "手机", "微信", "收货地址", "生日", "性别", "标签", "购买次数", "累计消费", "最近购买日期", "最近买的", "备注"]
ROWS = [["王芳", 13925130165, "wangfang88", "广东省广州市越秀区中山四路18号", "1988/5/3", "女", "老客，蜂蜜", 5, "¥860",
         dt.datetime(2026, 11, 2), "蜂蜜500g×2", "喜欢深色蜜"],
        ["李娜", "139-2513-0166", "", "浙江杭州西湖区文三路1号", "农历八月十五", "", "宝妈", 2, 198, "2026.10.5", "面膜", ""],
        ["张伟", "+86 139 2513 0167", "zw_1990", "北京朝阳区建国路88号", "不记得了", "男生吧", "", 1, "99元", "10月20日",
         "红糖姜茶 × 3", "同事介绍"]]


def _sheet(tmp_path) -> Path:
    return write_xlsx(tmp_path / "客户.xlsx", {"Sheet1": [["客户资料（截至11月）"], HEADERS, *ROWS]}, merge_title=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("农历八月十五", (None, 8, 15, True)), ("阴历正月初八", (None, 1, 8, True)), ("腊月廿三", (None, 12, 23, True)),
    ("冬月初一", (None, 11, 1, True)), ("1990年十一月三十", (1990, 11, 30, True)), ("农历十二月初十", (None, 12, 10, True)),
    ("八月十五", (None, 8, 15, True)), ("农历二月卅", (None, 2, 30, True)), ("农历 1990-02-30", (1990, 2, 30, True)),
    ("5月3日", (None, 5, 3, False)), ("八月二十一", (None, 8, 21, True)), ("1990年农历八月十五", (1990, 8, 15, True)),
    ("八月十五（农历）", (None, 8, 15, True)), ("农历：八月十五", (None, 8, 15, True)), ("闰四月初八", (None, 4, 8, True)),
    ("8月15日(农历)", (None, 8, 15, True)), ("一九九〇年十月一日", (1990, 10, 1, True)), ("旧历腊月三十", (None, 12, 30, True)),
])
def test_lunar_birthdays_in_words(text, expected):
    assert parse_birthday(text) == expected


@pytest.mark.parametrize("text", ["农历十三月初一", "不记得了", "农历八月四十", "十二月三十一"])
def test_what_is_no_birthday_is_refused(text):
    with pytest.raises(CellRejected):
        parse_birthday(text)


def test_the_last_purchase_of_a_customer_sheet_is_an_order_with_its_goods_and_count(tmp_path, book):
    result = run_import(book, _sheet(tmp_path), ImportOptions(today=dt.date(2026, 12, 4)))
    assert (result.customers_created, result.orders_created, result.products_created) == (3, 3, 3)
    assert [(error.row, error.column, error.code, error.scope) for error in result.errors] == [
        (5, "生日", "date_invalid", "field")]
    with book.session() as session:
        from sqlalchemy import text
        lines = session.execute(text(
            "SELECT c.name, o.created_at, i.title, i.quantity FROM order_item i JOIN orders o ON o.id = i.order_id "
            "JOIN customer c ON c.id = o.customer_id ORDER BY c.id")).all()
        people = session.execute(text("SELECT name, birth_month, birth_day, birthday_lunar, gender, note "
                                      "FROM customer ORDER BY id")).all()
    assert [(name, str(when)[:10], title, quantity) for name, when, title, quantity in lines] == [
        ("王芳", "2026-11-02", "蜂蜜500g", 2), ("李娜", "2026-10-05", "面膜", 1), ("张伟", "2026-10-20", "红糖姜茶", 3)]
    assert [tuple(person[:5]) for person in people] == [("王芳", 5, 3, False, "female"), ("李娜", 8, 15, True, ""),
                                                        ("张伟", None, None, False, "")]
    assert "累计消费：¥860" in people[0].note and "购买次数：5" in people[0].note
    assert "生日：不记得了" in people[2].note  # the cell left out is kept as written


def test_the_cli_says_in_chinese_that_only_the_cell_was_left_out(tmp_path):
    book = tmp_path / "h.book"
    subprocess.run([sys.executable, "main.py", "init", str(book)], cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "main.py", "import", str(_sheet(tmp_path)), "--book", str(book),
                           "--today", "2026-12-04"], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8", "HOME": str(tmp_path)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "第 5 行，生日 列：不是日期：不记得了（未导入：这一格（客户已导入））" in done.stdout
    with sqlite3.connect(book) as connection:
        assert connection.execute("SELECT COUNT(*) FROM customer").fetchone() == (3,)
    answer = subprocess.run([sys.executable, "main.py", "import", str(_sheet(tmp_path)), "--book", str(book),
                             "--today", "2026-12-04", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert json.loads(answer.stdout)["orders_created"] == 0  # the same sheet again: nothing new


@pytest.mark.parametrize(("title", "expected"), [
    ("蜂蜜500g×2", ("蜂蜜500g", 2)), ("蜂蜜 × 3", ("蜂蜜", 3)), ("姜茶2盒", ("姜茶", 2)), ("红酒 750ml×6", ("红酒 750ml", 6)),
    # names, sizes and packs are not counts; two goods in one cell stay whole
    ("iPhone X2", ("iPhone X2", 1)), ("Sony RX100", ("Sony RX100", 1)), ("证件照3x4", ("证件照3x4", 1)),
    ("茶包*100", ("茶包*100", 1)), ("口罩100包", ("口罩100包", 1)), ("蜂蜜2盒装", ("蜂蜜2盒装", 1)),
    ("蜂蜜×25", ("蜂蜜×25", 1)), ("蜂蜜×2，姜茶2盒", ("蜂蜜×2，姜茶2盒", 1)),
])
def test_only_a_plain_count_is_taken_from_the_goods(tmp_path, book, title, expected):
    sheet = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [["姓名", "手机", "购买日期", "买了什么", "金额"],
                                                       ["王芳", "13925130165", "2026-11-02", title, 136]]})
    run_import(book, sheet, ImportOptions(today=dt.date(2026, 12, 4)))
    with book.session() as session:
        from sqlalchemy import text
        assert tuple(session.execute(text("SELECT title, quantity FROM order_item")).one()) == expected


def test_a_price_column_keeps_the_goods_whole(tmp_path, book):
    """价格 is a unit price: 蜂蜜×2 at 136 read as two at 136 each would double the money."""
    sheet = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [["姓名", "手机", "购买日期", "买了什么", "价格"],
                                                       ["王芳", "13925130165", "2026-11-02", "蜂蜜×2", 136]]})
    run_import(book, sheet, ImportOptions(today=dt.date(2026, 12, 4)))
    with book.session() as session:
        from sqlalchemy import text
        assert session.execute(text("SELECT paid_cents FROM orders")).scalar_one() == 13600


def test_lifetime_figures_beside_the_last_purchase_stay_in_the_note(tmp_path, book):
    """消费金额 on a sheet dated by the last purchase is what she spent in all, not that order's money; a last
    purchase's own amount (最近购买金额) is; a date with no goods column names no purchase and stays in the note."""
    sheet = write_xlsx(tmp_path / "s.xlsx", {
        "有商品": [["姓名", "手机", "消费金额", "最近购买日期", "最近买的", "最近购买金额"],
                ["王芳", "13925130165", 1200, "2026-11-01", "蜂蜜", 68]],
        "无商品": [["姓名", "手机", "累计消费", "最近购买日期"], ["周二", "13925130166", 500, "2026-11-05"]]})
    run_import(book, sheet, ImportOptions(today=dt.date(2026, 12, 4)))
    with book.session() as session:
        from sqlalchemy import text
        orders = session.execute(text("SELECT c.name, o.paid_cents FROM orders o JOIN customer c ON c.id = o.customer_id"
                                      )).all()
        notes = dict(session.execute(text("SELECT name, note FROM customer")).all())
    assert [tuple(order) for order in orders] == [("王芳", 6800)]
    assert "消费金额：1200" in notes["王芳"] and "最近购买日期：2026-11-05" in notes["周二"]


@pytest.mark.parametrize(("text", "expected"), [
    ("杭州西湖区文三路1号", ("浙江省", "杭州市", "西湖区", "文三路1号")),
    ("广州市越秀区中山四路18号", ("广东省", "广州市", "越秀区", "中山四路18号")),
    ("广东广州越秀区中山四路18号", ("广东省", "广州市", "越秀区", "中山四路18号")),
    ("广东省广州市越秀区中山四路18号", ("广东省", "广州市", "越秀区", "中山四路18号")),
    ("西湖区文三路1号", ("", "", "", "西湖区文三路1号")),  # a district alone: several cities have one of that name
    ("中山路18号", ("", "", "", "中山路18号")),
])
def test_a_hand_sheets_address_without_its_province_is_split(text, expected):
    """A hand sheet writes 杭州西湖区…; left whole in the detail, it never met the same buyer's platform orders by
    name and address (the hostile review's fault 12)."""
    from core.excel.addresses import split_address

    address = split_address(text)
    assert (address.province, address.city, address.district, address.detail) == expected
