"""The after-sales sheet of the book export: one row per complaint or review, codes in words.

`case_sheet_rows` yields the cells in the order of `core.excel.columns.AFTERSALE_COLUMNS`; the book
exporter (core.excel.export) writes them with its typed cells, widths and formula-injection guard.
Words are Chinese for zh_CN, the English codes otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from core.aftersales.dto import CaseFilter

_ZH = {
    "complaint": "投诉", "review": "中差评", "open": "处理中", "resolved": "已解决", "closed": "已关闭",
    "mid": "中评", "bad": "差评", "quality": "质量问题", "suspected_fake": "疑似假货", "price_dispute": "价格纠纷",
    "description_mismatch": "与描述不符", "colour_difference": "色差", "damaged": "破损", "attitude": "服务态度",
    "promise_not_honoured": "承诺的优惠未兑现", "slow_shipping": "发货慢", "logistics": "物流问题", "other": "其他",
    "refund": "退款", "partial_refund": "部分退款", "exchange": "换货", "repair": "维修", "coupon": "优惠券",
    "gift": "赠品", "points": "积分", "revised": "已改评", "removed": "已删评", "unchanged": "未修改",
    "unreachable": "联系不上买家", "wechat": "微信", "weidian": "微店", "taobao": "淘宝", "tmall": "天猫",
    "pinduoduo": "拼多多", "douyin": "抖音", "youzan": "有赞", "moments": "朋友圈", "offline": "线下",
}
_CODE_KEYS = ("kind", "platform", "subtype", "status", "outcome")
SHEET_KEYS = ("kind", "id", "opened_on", "customer_name", "customer_phone", "platform", "subtype", "status",
              "next_due", "summary", "amount_cents", "outcome")


def case_sheet_rows(session: Session, language: str, today: dt.date,
                    case_filter: CaseFilter | None = None) -> Iterator[list[Any]]:
    """The cells of every case the filter selects (None: all), open cases first."""
    from core.aftersales.stats import case_rows

    chinese = language.startswith("zh")
    for row in case_rows(session, case_filter, today):
        cells = []
        for key in SHEET_KEYS:
            value = getattr(row, key)
            if chinese and key in _CODE_KEYS:
                value = _ZH.get(value, value)
            cells.append(value)
        yield cells
