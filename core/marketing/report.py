"""Campaign response and report (DOMAIN.md §7), per-customer marketing figures, and the Excel/CSV files.

A touch is a sent campaign member (contact_log marketing line). It is answered by the customer's first
order placed after the touch and no later than `response_window_days` days after the touch's day.
Responders: customers whose touch was answered by any order; buyers: those whose answer includes a
purchase (paid, not closed or fully refunded). Revenue = paid − refunded over those purchases;
AOV = revenue ÷ purchase orders; response rate = responders ÷ contacted; conversion = buyers ÷ contacted.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.book.models import CampaignMember, ContactLog, Order
from core.excel.columns import Column
from core.excel.export import safe_text, write_rows
from core.marketing.campaigns import QueueRow, get_campaign
from core.settings import get_setting


@dataclass(frozen=True)
class CampaignReport:
    campaign_id: int
    name: str
    targets: int
    contacted: int
    responders: int
    buyers: int
    orders: int
    revenue_cents: int
    response_rate: float  # 0..1; 0 when nobody was contacted
    aov_cents: int
    conversion_rate: float


@dataclass(frozen=True)
class CustomerMarketing:
    times_marketed: int
    times_responded: int
    response_rate: float
    last_marketed: dt.datetime | None


def _window_orders(session: Session, customer_id: int, start: dt.datetime, window_days: int) -> list:
    last_day = start.date() + dt.timedelta(days=window_days)
    return list(session.execute(select(Order.id, Order.is_purchase, Order.paid_cents, Order.refund_cents).where(
        Order.customer_id == customer_id, Order.created_at > start, Order.order_date <= last_day)
        .order_by(Order.created_at)).all())


def campaign_report(session: Session, campaign_id: int) -> CampaignReport:
    """The report of one campaign; also stores each member's answering order (responded_order_id)."""
    campaign = get_campaign(session, campaign_id)
    members = session.scalars(select(CampaignMember).where(CampaignMember.campaign_id == campaign_id)).all()
    contacted = responders = buyers = orders = revenue = 0
    for member in members:
        if member.sent_at is None:
            continue
        contacted += 1
        answered = _window_orders(session, member.customer_id, member.sent_at, campaign.response_window_days)
        member.responded_order_id = answered[0][0] if answered else None
        if not answered:
            continue
        responders += 1
        purchases = [o for o in answered if o[1]]
        if purchases:
            buyers += 1
            orders += len(purchases)
            revenue += sum(paid - refund for _id, _p, paid, refund in purchases)
    session.flush()
    return CampaignReport(
        campaign_id, campaign.name, len(members), contacted, responders, buyers, orders, revenue,
        responders / contacted if contacted else 0.0, round(revenue / orders) if orders else 0,
        buyers / contacted if contacted else 0.0)


def customer_marketing(session: Session, customer_id: int) -> CustomerMarketing:
    """Times marketed (marketing touches in contact_log), times an order followed within the response
    window ("marketing.response_window_days"), the response rate and the last touch."""
    window = int(get_setting(session, "marketing.response_window_days"))
    touches = list(session.scalars(select(ContactLog.at).where(
        ContactLog.customer_id == customer_id, ContactLog.is_marketing.is_(True)).order_by(ContactLog.at)))
    responded = sum(1 for at in touches if _window_orders(session, customer_id, at, window))
    return CustomerMarketing(len(touches), responded, responded / len(touches) if touches else 0.0,
                             touches[-1] if touches else None)


def marketing_counts(session: Session, customer_ids) -> dict[int, tuple[int, dt.datetime | None]]:
    """Customer id → (times marketed, last marketed) for a list page (one grouped query)."""
    rows = session.execute(select(ContactLog.customer_id, func.count(), func.max(ContactLog.at)).where(
        ContactLog.customer_id.in_(list(customer_ids)), ContactLog.is_marketing.is_(True))
        .group_by(ContactLog.customer_id)).all()
    return {cid: (int(n), last) for cid, n, last in rows}


SMS_COLUMNS = (
    Column("name", "name", "Name", "称呼"),
    Column("phone", "phone", "Phone", "手机号"),
    Column("message", "message", "Message", "短信内容"),
    Column("sms_ok", "sms_ok", "Can receive SMS", "可收短信"),
)
REPORT_COLUMNS = (
    Column("campaign", "campaign", "Campaign", "活动"),
    Column("targets", "targets", "Target customers", "目标客户", "int"),
    Column("contacted", "contacted", "Contacted", "已触达", "int"),
    Column("responders", "responders", "Responders", "响应人数", "int"),
    Column("response_rate", "response_rate", "Response rate", "响应率"),
    Column("buyers", "buyers", "Buyers", "购买人数", "int"),
    Column("orders", "orders", "Orders", "订单数", "int"),
    Column("revenue", "revenue", "Revenue (¥)", "活动销售额(元)", "money"),
    Column("aov", "aov", "Average order value (¥)", "客单价(元)", "money"),
    Column("conversion", "conversion", "Conversion rate", "转化率"),
)


def _yes(value: bool, language: str) -> str:
    zh = language.startswith("zh")
    return ("是" if zh else "yes") if value else ("否（不能收短信）" if zh else "NO (cannot receive SMS)")


def export_sms(rows: list[QueueRow], path: str | os.PathLike[str], language: str = "zh_CN") -> Path:
    """Name, phone, message for an SMS platform (.xlsx, or .csv in UTF-8 with BOM by the file suffix);
    phones that cannot receive SMS are flagged in the last column."""
    path = Path(path)
    values = [[r.name, r.phone, r.message, _yes(r.sms_ok, language)] for r in rows]
    if path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.header(language) for c in SMS_COLUMNS])
            writer.writerows([[safe_text(str(v)) for v in row] for row in values])
        return path
    return write_rows(path, [("SMS" if not language.startswith("zh") else "短信", SMS_COLUMNS, values)], language)


def export_report(reports: list[CampaignReport], path: str | os.PathLike[str], language: str = "zh_CN") -> Path:
    """The campaign report(s) as an .xlsx sheet, one row per campaign."""
    rows = [[r.name, r.targets, r.contacted, r.responders, f"{r.response_rate:.1%}", r.buyers, r.orders,
             r.revenue_cents, r.aov_cents, f"{r.conversion_rate:.1%}"] for r in reports]
    return write_rows(path, [("活动报告" if language.startswith("zh") else "Campaign report", REPORT_COLUMNS, rows)],
                      language)
