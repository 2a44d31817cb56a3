"""A hand sheet's short goods name (蜂蜜) and a platform's full title (云南野生蜂蜜500g) give one product whichever file
is imported first (core.product_links rule 3): before, the sheet imported after the platform's report made a second
product, whose lines had no cycle to remind by (the first week's hostile test: 10 products instead of 5)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv, write_xlsx

TODAY = dt.date(2026, 12, 4)


def _taobao(tmp_path, titles):
    rows = [TAOBAO_HEADERS] + [
        taobao_row(f"35153131473293{number:03d}", f"tb_{number}", f"买家{number}", f"139251301{number:02d}",
                   "广东省 广州市 越秀区 某某路1号(510180)", "2026-11-02 10:00:00", "2026-11-02 10:01:00", title, 1,
                   "68.00", "0.00", "68.00", "交易成功") for number, title in enumerate(titles)]
    return write_csv(tmp_path / "ExportOrderList.csv", rows, encoding="gbk", quote_all=True)


def _hand(tmp_path, goods):
    return write_xlsx(tmp_path / "我的客户.xlsx", {"Sheet1": [["姓名", "手机", "购买日期", "买了什么", "金额"]] + [
        [f"客户{number}", f"138000000{number:02d}", "2026-11-20", title, 68] for number, title in enumerate(goods)]})


def _lines(book):
    with book.session() as session:
        return sorted(tuple(row) for row in session.execute(text(
            "SELECT i.title, p.name FROM order_item i LEFT JOIN product p ON p.id = i.product_id")))


def test_the_sheets_short_name_after_the_platforms_title_is_the_same_product(tmp_path, book):
    run_import(book, _taobao(tmp_path, ["云南野生蜂蜜500g", "红糖姜茶"]), ImportOptions(today=TODAY))
    run_import(book, _hand(tmp_path, ["蜂蜜", "姜茶"]), ImportOptions(today=TODAY))
    assert dict(_lines(book)) == {"云南野生蜂蜜500g": "云南野生蜂蜜 500g", "蜂蜜": "云南野生蜂蜜 500g",
                                  "红糖姜茶": "红糖姜茶", "姜茶": "红糖姜茶"}


def test_a_short_name_two_products_hold_names_neither(tmp_path, book):
    run_import(book, _taobao(tmp_path, ["云南野生蜂蜜500g", "洋槐蜂蜜1kg"]), ImportOptions(today=TODAY))
    run_import(book, _hand(tmp_path, ["蜂蜜"]), ImportOptions(today=TODAY))
    assert ("蜂蜜", "蜂蜜") in _lines(book)
