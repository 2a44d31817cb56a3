"""Export of after-sales cases to a real .xlsx file, read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl

from core.aftersales import AftersalesService
from core.aftersales_dto import CaseFilter
from core.aftersales_export import export_filtered_cases
from tests.core.aftersales_support import FixedClock, add_customer


def test_cases_exported_typed_and_neutralised(book, tmp_path):
    clock = FixedClock(dt.datetime(2026, 3, 2, 10, 0))
    svc = AftersalesService(book, clock)
    cid = add_customer(book, "=HYPERLINK(\"x\")")
    c = svc.complaints.open(cid, kind="damaged", description="-瓶子碎了")
    svc.complaints.compensate(c.id, compensation_type="partial_refund", amount_cents=1250)
    svc.reviews.open(cid, platform="taobao", level="bad", review_date=dt.date(2026, 3, 1), text="@差")
    path = tmp_path / "cases.xlsx"
    assert export_filtered_cases(svc.cases, path) == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "售后" and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("类型", "编号", "客户")
    complaint = next(r for r in rows[1:] if r[0] == "投诉")
    assert complaint[2] == "'=HYPERLINK(\"x\")" and complaint[8] == "'-瓶子碎了"
    assert complaint[4] == "破损" and complaint[5] == "处理中" and complaint[10] == "部分退款"
    assert complaint[9] == 12.5 and complaint[6] == dt.datetime(2026, 3, 2)
    review = next(r for r in rows[1:] if r[0] == "中差评")
    assert (review[3], review[4], review[8]) == ("淘宝", "差评", "'@差")
    english = tmp_path / "cases_en.xlsx"
    export_filtered_cases(svc.cases, english, CaseFilter(kind="review"), language="en")
    rows = list(openpyxl.load_workbook(english).active.iter_rows(values_only=True))
    assert rows[0][0] == "Case" and rows[1][:1] == ("review",) and len(rows) == 2
