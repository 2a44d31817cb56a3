"""The after-sales sheet of the book export, written to a real .xlsx file and read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl

from core.aftersales.dto import CaseFilter
from core.aftersales.service import AftersalesService
from core.excel.export import export_book
from tests.core.aftersales_support import FixedClock, add_customer


def test_cases_exported_typed_translated_and_neutralised(book, tmp_path):
    clock = FixedClock(dt.datetime(2026, 3, 2, 10, 0))
    svc = AftersalesService(book, clock)
    cid = add_customer(book, "=HYPERLINK(\"x\")", phone="13800138000")
    c = svc.complaints.open(cid, kind="damaged", description="-瓶子碎了")
    svc.complaints.compensate(c.id, compensation_type="partial_refund", amount_cents=1250)
    svc.reviews.open(cid, platform="taobao", level="bad", review_date=dt.date(2026, 3, 1), text="@差")
    path = tmp_path / "cases.xlsx"
    result = svc.export_cases(path)
    assert result.sheets == {"售后": 2}
    sheet = openpyxl.load_workbook(path)["售后"]
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("类别", "编号", "日期", "客户")
    review, complaint = rows[1], rows[2]  # the review's contact task is due first
    assert complaint[:2] == ("投诉", c.id) and complaint[2] == dt.datetime(2026, 3, 2)
    assert complaint[3] == "'=HYPERLINK(\"x\")" and complaint[4] == "13800138000" and complaint[9] == "'-瓶子碎了"
    assert (complaint[6], complaint[7], complaint[8]) == ("破损", "处理中", dt.datetime(2026, 3, 9))
    assert complaint[10] == 12.5 and complaint[11] == "部分退款"
    assert (review[0], review[5], review[6], review[9], review[11]) == ("中差评", "淘宝", "差评", "'@差", None)

    english = tmp_path / "cases_en.xlsx"
    svc.export_cases(english, CaseFilter(kind="review"), language="en")
    rows = list(openpyxl.load_workbook(english).active.iter_rows(values_only=True))
    assert rows[0][0] == "Case" and [r[0] for r in rows[1:]] == ["review"]


def test_whole_book_export_has_the_cases_sheets(book, tmp_path):
    svc = AftersalesService(book, FixedClock(dt.datetime(2026, 3, 2, 10, 0)))
    svc.complaints.open(add_customer(book), kind="quality")
    result = export_book(book, tmp_path / "all.xlsx", what="all", language="zh_CN", today=dt.date(2026, 3, 2))
    # the book's copy: the complaints with every field (core.excel.history_sheets), not the page's summary
    assert result.sheets["投诉"] == 1 and "售后" not in result.sheets
