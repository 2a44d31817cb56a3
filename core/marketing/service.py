"""MarketingService: the marketing calls the UI makes on one book, each one short transaction → DTOs;
and `after_order_write`, the hook core.orders runs so points and member levels follow every order write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.marketing import campaigns, levels, loyalty, report, segments, texts
from core.models import Customer, Product, Tag


def after_order_write(session: Session, customer_ids, today: dt.date, now: dt.datetime) -> None:
    """Spend points and member levels of these customers brought up to date (same transaction)."""
    ids = [cid for cid in customer_ids if cid is not None]
    loyalty.sync_spend_points(session, ids, now)
    levels.recompute_levels(session, today, ids)


@dataclass(frozen=True)
class CustomerSummary:
    """What the customer dialog's Marketing section shows."""

    level: str
    points: int
    open_coupons: int
    marketing: report.CustomerMarketing


class MarketingService:
    def __init__(self, book) -> None:
        self.book = book

    def filter_options(self) -> dict[str, list]:
        """Values the segment builder offers: tags, provinces, categories, source channels, levels."""
        with self.book.session() as s:
            alive = Customer.deleted_at.is_(None)
            return {
                "tags": list(s.scalars(select(Tag.name).order_by(Tag.name))),
                "provinces": list(s.scalars(select(Customer.province).distinct().where(alive, Customer.province != "")
                                            .order_by(Customer.province))),
                "categories": list(s.scalars(select(Product.category).distinct().where(Product.category != "")
                                             .order_by(Product.category))),
                "levels": levels.list_levels(s),
            }

    def count(self, definition: dict, today: dt.date) -> segments.SegmentCount:
        with self.book.session() as s:
            return segments.count(s, definition, today)

    def segments(self, today: dt.date) -> list[segments.SegmentDTO]:
        with self.book.session() as s:
            return segments.list_segments(s, today)

    def save_segment(self, name: str, definition: dict, segment_id: int | None = None) -> int:
        with self.book.session() as s:
            return segments.save_segment(s, name, definition, segment_id)

    def templates(self, language: str) -> list[texts.CampaignTemplate]:
        with self.book.session() as s:
            return texts.campaign_templates(s, language)

    def campaigns(self) -> list[campaigns.CampaignDTO]:
        with self.book.session() as s:
            return campaigns.list_campaigns(s)

    def start_campaign(self, name: str, definition: dict, body: str, scheduled_on: dt.date, today: dt.date,
                       now: dt.datetime, coupon: loyalty.CouponSpec | None = None, language: str = "zh_CN") -> int:
        """Create the campaign and fill its send queue in one transaction; returns its id."""
        with self.book.session() as s:
            campaign_id = campaigns.create_campaign(s, name, definition, body, scheduled_on, coupon=coupon)
            campaigns.build_queue(s, campaign_id, today, now, language)
            return campaign_id

    def queue(self, campaign_id: int) -> list[campaigns.QueueRow]:
        with self.book.session() as s:
            return campaigns.queue(s, campaign_id)

    def mark_sent(self, campaign_id: int, customer_ids, now: dt.datetime, channel: str = "wechat") -> int:
        with self.book.session() as s:
            return campaigns.mark_sent(s, campaign_id, customer_ids, now, channel)

    def opt_out(self, campaign_id: int | None, customer_id: int, now: dt.datetime) -> None:
        with self.book.session() as s:
            campaigns.opt_out(s, campaign_id, customer_id, now)

    def report(self, campaign_id: int) -> report.CampaignReport:
        with self.book.session() as s:
            return report.campaign_report(s, campaign_id)

    def customer_marketing(self, customer_id: int) -> report.CustomerMarketing:
        with self.book.session() as s:
            return report.customer_marketing(s, customer_id)

    def customer_summary(self, customer_id: int) -> CustomerSummary:
        with self.book.session() as s:
            coupons = [k for k in loyalty.coupons_of(s, customer_id) if k.used_at is None]
            return CustomerSummary(levels.level_name(s, customer_id), loyalty.points_balance(s, customer_id),
                                   len(coupons), report.customer_marketing(s, customer_id))

    def export_sms(self, campaign_id: int, path, language: str = "zh_CN") -> Path:
        return report.export_sms(self.queue(campaign_id), path, language)

    def export_report(self, campaign_ids, path, language: str = "zh_CN") -> Path:
        return report.export_report([self.report(cid) for cid in campaign_ids], path, language)
