"""Book settings: business rules stored in the book (JSON values), with defaults in one place.

UI state (window geometry, column widths, language) is not here: it lives in QSettings.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from core.book.models import Setting

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    # my shop (core.shop): platforms sold on, and whether the first-run step was answered
    "shop.platforms": [],
    "shop.setup_done": False,
    "timezone": "Asia/Shanghai",
    # after-sales (DOMAIN.md §5, §6): task timing, review offers and platform change deadlines
    "aftersales.first_response_hours": 24,
    "aftersales.follow_up_days": 7,
    "aftersales.review_offer_mid_cents": 500,
    "aftersales.review_offer_bad_cents": 1000,
    "aftersales.review_deadline_days": {"taobao": 30, "tmall": 30},
    "aftersales.review_deadline_default_days": 30,
    "aftersales.review_deadline_check_days": 3,
    "aftersales.review_reasons": [
        "logistics", "quality", "description_mismatch", "attitude", "price", "damaged", "misunderstanding", "other",
    ],
    "aftersales.coupon_valid_days": 30,
    # lifecycle stage thresholds (DOMAIN.md §1)
    "stage.loyal_min_purchase_days": 5,
    "stage.loyal_min_spend_cents": 200000,
    "stage.churn_default_days": 180,
    "stage.churn_cycle_multiplier": 2,
    # floor of the churn threshold in days, whatever the customer's interval (a next-day reorder is not churn)
    "stage.churn_min_days": 30,
    # dormant: past this share of the churn threshold (1.5 cycles, or 135 days by default)
    "stage.dormant_fraction": 0.75,
    # analytics (DOMAIN.md §8): RFM thresholds; None as the spend threshold = the buyers' median spend
    "analytics.rfm_recent_days": 90,
    "analytics.rfm_high_purchase_days": 2,
    "analytics.rfm_high_spend_cents": None,
    # purchase-count curve: a point counts for the magic number only with this many customers at k (fewer
    # make its share swing by chance: docs/ANALYTICS.md); the magic number's flatness in points
    "analytics.curve_min_customers": 200,
    "analytics.magic_tolerance_points": 5,
    # marketing (DOMAIN.md §7): win-back, response window, points rules
    "marketing.winback_low_aov_cents": 10000,
    "marketing.response_window_days": 7,
    "marketing.points_per_yuan": 1,
    "marketing.points_join": 100,
    "marketing.points_photo_review": 50,
    "marketing.points_referral": 200,
    "marketing.points_per_yuan_redeemed": 100,
    "marketing.coupon_valid_days": 30,
    # import: the seller's answers to proposed merges (core.excel.review)
    "import.merge_decisions": [],
    # products the seller deleted (their names): an import leaves lines of those titles without a product rather
    # than create it again (core.product_links.ProductResolver, docs/PRODUCTS.md)
    "products.deleted": [],
    # privacy
    "privacy.mask_phones": False,
    # reminders (core.reminders): per kind on/off and days (meaning: core.reminders.kinds.DAYS_MEANING)
    "reminder.arrival_care.enabled": True, "reminder.arrival_care.days": 1,
    "reminder.use_care.enabled": True, "reminder.use_care.days": 50,
    "reminder.repurchase.enabled": True, "reminder.repurchase.days": 0,
    "reminder.winback.enabled": True, "reminder.winback.days": 0,
    "reminder.unpaid.enabled": True, "reminder.unpaid.days": 0,
    "reminder.unpaid_second.enabled": True, "reminder.unpaid_second.days": 1,
    "reminder.closed_care.enabled": True, "reminder.closed_care.days": 0,
    "reminder.delayed_shipment.enabled": True, "reminder.delayed_shipment.days": 2,
    "reminder.shipped.enabled": True, "reminder.shipped.days": 0,
    "reminder.arrived.enabled": True, "reminder.arrived.days": 0,
    "reminder.refund.enabled": True, "reminder.refund.days": 0,
    "reminder.birthday.enabled": True, "reminder.birthday.days": 0,
    "reminder.last_purchase.enabled": True, "reminder.last_purchase.days": 90,
    "reminder.coupon_expiry.enabled": True, "reminder.coupon_expiry.days": [7, 1],
    # open tasks more than this many days overdue expire (DOMAIN.md §3)
    "reminder.expire_after_days": 30,
    # notices tied to a moment (shipped, signed for, arrival care, closed order, refund) expire sooner
    "reminder.expire_notices_after_days": 3,
    # a birthday wish is sent until the end of the birthday week (days counted from the birthday)
    "reminder.birthday_week_days": 7,
    # the Today list shows at most this many tasks a day (the rest one click away)
    "reminder.daily_capacity": 40,
    # the seller's good hours to contact customers (DOMAIN.md §4), the end of each best
    "reminder.contact_windows": [["09:30", "12:00"], ["14:00", "18:00"], ["20:00", "22:00"]],
    # tasks are written to the book this many days before they fall due (keeps the table small)
    "reminder.horizon_days": 14,
    # frequency cap: days between two marketing contacts; loyal customers may be contacted more often
    "reminder.cap_days": 7,
    "reminder.cap_days_loyal": 3,
    # language of the messages the seller sends (templates); the UI language is separate
    "reminder.message_language": "zh_CN",
    # how Today appears on launch: "page" or "dialog"
    "reminder.show_on_launch": "page",
    # a product's suggested cycle needs at least this many repurchase intervals
    "reminder.suggest_min_intervals": 5,
}


def get_setting(session: Session, key: str) -> Any:
    """The stored value of `key`, else its default (KeyError for an unknown key with no value)."""
    row = session.get(Setting, key)
    if row is not None:
        return json.loads(row.value_json)
    return DEFAULTS[key]


def get_settings(session: Session, prefix: str = "") -> dict[str, Any]:
    """Every setting whose key starts with `prefix`, defaults filled in."""
    values = {k: v for k, v in DEFAULTS.items() if k.startswith(prefix)}
    for row in session.scalars(select(Setting).where(Setting.key.startswith(prefix))):
        values[row.key] = json.loads(row.value_json)
    return values


def phones_masked(session: Session) -> bool:
    """Whether the seller masks phones on screen and in exports (privacy.mask_phones; core.phones.display_phone)."""
    return bool(get_setting(session, "privacy.mask_phones"))


def set_setting(session: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value_json=encoded))
    else:
        row.value_json = encoded


def local_today(session: Session) -> dt.date:
    """Today in the book's time zone (setting "timezone")."""
    return clock.today_in(get_setting(session, "timezone"))
