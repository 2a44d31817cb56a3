"""MarketingService: the marketing calls the UI makes on one book, each one short transaction → DTOs;
(points and member levels follow every order write through core.order_writes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core.book.models import Customer, Product, Tag
from core.errors import ValidationError
from core.marketing import campaigns, levels, loyalty, report, segments, texts
from core.marketing.campaigns import QueueRow
from core.marketing.report import CustomerMarketing
from core.settings import get_settings, phones_masked, set_setting

POINTS_SETTINGS = ("marketing.points_per_yuan", "marketing.points_per_yuan_redeemed", "marketing.points_join",
                   "marketing.points_photo_review", "marketing.points_referral")


@dataclass(frozen=True)
class CustomerSummary:
    """What the customer dialog's Marketing section shows."""

    level: str
    points: int
    open_coupons: int
    marketing: report.CustomerMarketing


@dataclass(frozen=True)
class CustomerRewards:
    """A customer's coupons (newest first, with status open/used/expired) and points ledger."""

    coupons: tuple[tuple[loyalty.CouponDTO, str], ...]
    ledger: tuple[loyalty.PointsLine, ...]
    balance: int


class MarketingService:
    def __init__(self, book) -> None:
        self.book = book

    def filter_options(self) -> dict[str, list]:
        """Values the segment builder offers: tags, provinces, categories, products (id, name), levels."""
        with self.book.session() as s:
            alive = Customer.deleted_at.is_(None)
            return {
                "tags": list(s.scalars(select(Tag.name).order_by(Tag.name))),
                "provinces": list(s.scalars(select(Customer.province).distinct().where(alive, Customer.province != "")
                                            .order_by(Customer.province))),
                "categories": list(s.scalars(select(Product.category).distinct().where(Product.category != "")
                                             .order_by(Product.category))),
                "products": [tuple(row) for row in s.execute(
                    select(Product.id, Product.name).order_by(Product.name))],
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

    def award_segment_points(self, definition: dict, points: int, note: str, today: dt.date,
                             now: dt.datetime) -> int:
        """Give `points` to every customer the segment selects today (do-not-disturb included: points are not
        a contact), one ledger line each with reason "campaign" and `note`; returns customers awarded.
        One transaction: all or none."""
        with self.book.session() as s:
            ids = segments.customer_ids(s, definition, today, reachable_only=False)
            return loyalty.award_points_to(s, ids, points, now, note)

    def member_discount(self, customer_id: int | None) -> levels.MemberDiscount | None:
        """The customer's member level and its discount, when the level takes something off (< 100 %)."""
        if customer_id is None:
            return None
        with self.book.session() as s:
            return levels.member_discount(s, customer_id)

    def phones_masked(self) -> bool:
        """The seller masks phones on screen (the queue shows 138****8000; the SMS export keeps full numbers,
        it is what the SMS tool sends to)."""
        with self.book.session() as s:
            return phones_masked(s)

    def queue(self, campaign_id: int) -> list[QueueRow]:
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

    def customer_marketing(self, customer_id: int) -> CustomerMarketing:
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

    def save_campaign_template(self, theme: str, language: str, body: str) -> texts.CampaignTemplate:
        with self.book.session() as s:
            return texts.save_campaign_template(s, theme, language, body)

    # --- member levels and points rules -----------------------------------------------------------
    def levels(self) -> list[levels.LevelDTO]:
        with self.book.session() as s:
            return levels.list_levels(s)

    def save_level(self, name: str, rank: int, today: dt.date, *, min_spend_cents: int | None = None,
                   min_purchases: int | None = None, discount_percent: int = 100,
                   level_id: int | None = None) -> int:
        """Save a level and recompute every customer's level in one transaction; returns the number of
        upgrades. No congratulate task: defining levels is not a change the customers made."""
        with self.book.session() as s:
            levels.save_level(s, name, rank, min_spend_cents=min_spend_cents, min_purchases=min_purchases,
                              discount_percent=discount_percent, level_id=level_id)
            return levels.recompute_levels(s, today, congratulate=False)

    def delete_level(self, level_id: int) -> int:
        with self.book.session() as s:
            return levels.delete_level(s, level_id)

    def points_rules(self) -> dict[str, int]:
        """The points settings (POINTS_SETTINGS) with their values."""
        with self.book.session() as s:
            values = get_settings(s, "marketing.points_")
            return {key: int(values[key]) for key in POINTS_SETTINGS}

    def set_points_rule(self, key: str, value: int) -> None:
        """ValidationError for a key outside POINTS_SETTINGS, a negative value, or 0 points per yuan redeemed."""
        if key not in POINTS_SETTINGS:
            raise ValidationError("setting_unknown", field=key, value=value)
        if value < 0 or (key == "marketing.points_per_yuan_redeemed" and value == 0):
            raise ValidationError("points_rule_invalid", field=key, value=value)
        with self.book.session() as s:
            set_setting(s, key, int(value))

    def message_language(self) -> str:
        """The language of the messages the seller sends (setting "reminder.message_language"), which is
        also how coupons read (coupon_text)."""
        with self.book.session() as s:
            return str(get_settings(s, "reminder.message_")["reminder.message_language"])

    # --- coupons and points -----------------------------------------------------------------------
    def coupon_valid_days(self) -> int:
        with self.book.session() as s:
            return int(get_settings(s, "marketing.coupon_")["marketing.coupon_valid_days"])

    def issue_coupon_to_segment(self, definition: dict, spec: loyalty.CouponSpec, today: dt.date,
                                now: dt.datetime) -> int:
        """Issue `spec` to every reachable customer of the definition (exclusions applied, as count's
        `reachable`) in one transaction; returns how many coupons were issued."""
        with self.book.session() as s:
            ids = segments.customer_ids(s, definition, today)
            return len(loyalty.issue_to_customers(s, ids, spec, now))

    def issue_coupon(self, customer_id: int, spec: loyalty.CouponSpec, now: dt.datetime) -> int:
        with self.book.session() as s:
            return loyalty.issue_from_spec(s, customer_id, spec, now)

    def rewards(self, customer_id: int, today: dt.date) -> CustomerRewards:
        with self.book.session() as s:
            coupons = tuple((k, loyalty.coupon_status(k, today)) for k in loyalty.coupons_of(s, customer_id))
            lines = tuple(loyalty.ledger(s, customer_id))
            return CustomerRewards(coupons, lines, lines[-1].balance if lines else 0)

    def open_coupons(self, customer_id: int, on_date: dt.date) -> list[loyalty.CouponDTO]:
        """Coupons the customer can still use on an order dated `on_date`."""
        with self.book.session() as s:
            return [k for k in loyalty.coupons_of(s, customer_id) if loyalty.coupon_status(k, on_date) == "open"]

    def points_cents(self, points: int) -> int:
        with self.book.session() as s:
            return loyalty.points_cents(s, points)

    def award_points(self, customer_id: int, rule: str, now: dt.datetime, note: str = "") -> int | None:
        """Points for join / photo_review / referral; None when the rule gives none (or joining was awarded)."""
        with self.book.session() as s:
            return loyalty.award_rule_points(s, customer_id, rule, now, note)

    def redeem_points(self, customer_id: int, points: int, now: dt.datetime, note: str = "") -> int:
        """Spend points outside an order (a gift); returns their cash value in fen."""
        with self.book.session() as s:
            return loyalty.redeem_points(s, customer_id, points, now, note=note)
