"""Export after-sales cases (complaints and reviews) to an .xlsx sheet with openpyxl in write-only mode.

`case_table` gives headers and typed rows (dates as dates, money in yuan with a number format) so a
whole-book exporter can add a "cases" sheet; `export_cases` writes a workbook of its own. Text that a
spreadsheet would run as a formula (= + - @ or a tab first) is neutralised with a leading apostrophe.
Headers and codes are written in Chinese for zh_CN, in English otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.aftersales_dto import CaseFilter, CaseRowDTO

_COLUMNS = (  # key, English header, Chinese header, width
    ("kind", "Case", "类型", 8),
    ("id", "No.", "编号", 7),
    ("customer_name", "Customer", "客户", 14),
    ("platform", "Platform", "平台", 10),
    ("subtype", "Kind / level", "原因 / 评价", 14),
    ("status", "Status", "状态", 9),
    ("opened_on", "Opened / reviewed", "日期", 12),
    ("next_due", "Next task due", "下次跟进", 12),
    ("summary", "Summary", "内容", 40),
    ("amount", "Compensation / offer (¥)", "补偿/优惠(元)", 14),
    ("outcome", "Outcome", "结果", 12),
)
_ZH = {
    "complaint": "投诉", "review": "中差评", "open": "处理中", "resolved": "已解决", "closed": "已关闭",
    "mid": "中评", "bad": "差评", "quality": "质量问题", "suspected_fake": "疑似假货", "price_dispute": "价格纠纷",
    "description_mismatch": "描述不符", "colour_difference": "色差", "damaged": "破损", "attitude": "服务态度",
    "promise_not_honoured": "承诺未兑现", "slow_shipping": "发货慢", "logistics": "物流问题", "other": "其他",
    "refund": "退款", "partial_refund": "部分退款", "exchange": "换货", "repair": "维修", "coupon": "优惠券",
    "gift": "赠品", "points": "积分", "revised": "已改评", "removed": "已删评", "unchanged": "未改",
    "unreachable": "联系不上", "wechat": "微信", "weidian": "微店", "taobao": "淘宝", "tmall": "天猫",
    "pinduoduo": "拼多多", "douyin": "抖音", "youzan": "有赞", "moments": "朋友圈", "offline": "线下",
}
_CODE_COLUMNS = frozenset({"kind", "platform", "subtype", "status", "outcome"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


def safe_text(text: str) -> str:
    """The text with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def case_table(rows: list[CaseRowDTO], language: str = "zh_CN") -> tuple[list[str], list[list[Any]]]:
    """Headers and one list of typed cell values per case (dates as date, money as yuan float)."""
    chinese = language.startswith("zh")
    headers = [zh if chinese else en for _, en, zh, _ in _COLUMNS]
    table = []
    for row in rows:
        values: list[Any] = []
        for key, *_ in _COLUMNS:
            value = row.amount_cents / 100 if key == "amount" else getattr(row, key)
            if key in _CODE_COLUMNS and chinese:
                value = _ZH.get(value, value)
            values.append(safe_text(value) if isinstance(value, str) else value)
        table.append(values)
    return headers, table


def write_cases_sheet(workbook, rows: list[CaseRowDTO], language: str = "zh_CN", title: str = "") -> None:
    """Add a cases sheet to an openpyxl write-only workbook: bold frozen header, widths, typed cells."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    chinese = language.startswith("zh")
    sheet = workbook.create_sheet(title or ("售后" if chinese else "Cases"))
    sheet.freeze_panes = "A2"
    for index, (*_, width) in enumerate(_COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    headers, table = case_table(rows, language)
    bold = Font(bold=True)
    sheet.append([_styled(WriteOnlyCell(sheet, value=h), font=bold) for h in headers])
    for values in table:
        cells = []
        for (key, *_), value in zip(_COLUMNS, values, strict=True):
            cell = WriteOnlyCell(sheet, value=value)
            if key == "amount":
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            cells.append(cell)
        sheet.append(cells)


def _styled(cell, *, font):
    cell.font = font
    return cell


def export_cases(path: str | Path, rows: list[CaseRowDTO], language: str = "zh_CN",
                 progress: Callable[[int, int, str], None] | None = None) -> int:
    """Write the cases to a new .xlsx at `path`; returns how many rows were written."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    write_cases_sheet(workbook, rows, language)
    if progress:
        progress(len(rows), len(rows), "saving")
    workbook.save(str(path))
    return len(rows)


def export_filtered_cases(queries, path: str | Path, case_filter: CaseFilter | None = None,
                          language: str = "zh_CN") -> int:
    """Export what the After-sales page lists for `case_filter` (a CaseQueries service)."""
    return export_cases(path, queries.list_cases(case_filter), language)
