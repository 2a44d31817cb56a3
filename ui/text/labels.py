"""Translated words for the codes core stores (stages, order statuses, platforms, channels, genders) and
the formatting of money and dates shared by every table and dialog."""

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Labels"

STAGES = {
    "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "returning": QT_TRANSLATE_NOOP("Labels", "Returning"),
    "loyal": QT_TRANSLATE_NOOP("Labels", "Loyal"),
    "dormant": QT_TRANSLATE_NOOP("Labels", "Dormant"),
    "churned": QT_TRANSLATE_NOOP("Labels", "Churned"),
}

ORDER_STATUSES = {
    "unpaid": QT_TRANSLATE_NOOP("Labels", "Unpaid"),
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid, to ship"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
    "partial_refund": QT_TRANSLATE_NOOP("Labels", "Partly refunded"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}

PLATFORMS = {
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "weidian": QT_TRANSLATE_NOOP("Labels", "Weidian"),
    "taobao": QT_TRANSLATE_NOOP("Labels", "Taobao"),
    "tmall": QT_TRANSLATE_NOOP("Labels", "Tmall"),
    "pinduoduo": QT_TRANSLATE_NOOP("Labels", "Pinduoduo"),
    "douyin": QT_TRANSLATE_NOOP("Labels", "Douyin"),
    "youzan": QT_TRANSLATE_NOOP("Labels", "Youzan"),
    "moments": QT_TRANSLATE_NOOP("Labels", "WeChat Moments"),
    "offline": QT_TRANSLATE_NOOP("Labels", "Offline"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

SOURCE_CHANNELS = {
    "": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "moments": QT_TRANSLATE_NOOP("Labels", "WeChat Moments"),
    "qzone": QT_TRANSLATE_NOOP("Labels", "QQ Zone"),
    "weibo": QT_TRANSLATE_NOOP("Labels", "Weibo"),
    "taobao": QT_TRANSLATE_NOOP("Labels", "Taobao"),
    "weidian": QT_TRANSLATE_NOOP("Labels", "Weidian"),
    "pinduoduo": QT_TRANSLATE_NOOP("Labels", "Pinduoduo"),
    "douyin": QT_TRANSLATE_NOOP("Labels", "Douyin"),
    "referral": QT_TRANSLATE_NOOP("Labels", "Referral"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

GENDERS = {
    "": QT_TRANSLATE_NOOP("Labels", "Not set"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
}


def label(table: dict[str, str], code: str) -> str:
    """The translated word for code in one of the tables above; the code itself if unknown."""
    source = table.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def money(cents: int | None) -> str:
    """¥1,234.50 (empty for None)."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(int(cents)), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def date_text(value: dt.date | dt.datetime | None) -> str:
    """2024-05-03 for a date, 2024-05-03 14:05 for a datetime, empty for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


# The eight segments of DOMAIN.md §8; the zh_CN translation is the exact Chinese name.
RFM_LABELS = {
    "重要价值客户": QT_TRANSLATE_NOOP("RfmSegments", "Important value customers"),
    "重要保持客户": QT_TRANSLATE_NOOP("RfmSegments", "Important customers to keep"),
    "重要发展客户": QT_TRANSLATE_NOOP("RfmSegments", "Important customers to develop"),
    "重要挽留客户": QT_TRANSLATE_NOOP("RfmSegments", "Important customers to win back"),
    "一般价值客户": QT_TRANSLATE_NOOP("RfmSegments", "Ordinary value customers"),
    "一般保持客户": QT_TRANSLATE_NOOP("RfmSegments", "Ordinary customers to keep"),
    "一般发展客户": QT_TRANSLATE_NOOP("RfmSegments", "Ordinary customers to develop"),
    "一般挽留客户": QT_TRANSLATE_NOOP("RfmSegments", "Ordinary customers to win back"),
}


def rfm_label(segment: str) -> str:
    return QCoreApplication.translate("RfmSegments", RFM_LABELS[segment]) if segment in RFM_LABELS else segment
