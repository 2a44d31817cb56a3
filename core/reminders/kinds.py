"""Reminder kinds: which ones the engine owns, which are marketing, and their book settings.

Settings live in the book under the prefix "reminder." (defaults in core.settings.DEFAULTS):
`reminder.<kind>.enabled` (on/off) and `reminder.<kind>.days` (what "days" means per kind is in
DAYS_MEANING), plus the global keys listed in GLOBAL_DEFAULTS. Templates live in message_template.
"""

from __future__ import annotations

from typing import Any

PRODUCT_CYCLE_KINDS = ("arrival_care", "use_care", "repurchase", "winback")
ORDER_KINDS = ("unpaid", "unpaid_second", "closed_care", "delayed_shipment", "shipped", "arrived", "refund")
CUSTOMER_KINDS = ("birthday", "last_purchase", "coupon_expiry")
# Derived from the book by core.reminders.generate; everything else is created by people or other modules.
ENGINE_KINDS = PRODUCT_CYCLE_KINDS + ORDER_KINDS + CUSTOMER_KINDS
# Created and closed by core.aftersales.service; shown in Today, never generated, closed or expired here.
AFTERSALES_KINDS = ("complaint", "review")
# Every kind the Today list and the CLI show, in display order.
LISTED_KINDS = AFTERSALES_KINDS + ORDER_KINDS + PRODUCT_CYCLE_KINDS + CUSTOMER_KINDS + ("manual",)
# No marketing to do-not-disturb customers, open complaints / bad reviews, or within the frequency cap.
MARKETING_KINDS = frozenset({"repurchase", "winback", "birthday", "last_purchase", "coupon_expiry", "level_up"})
# Notices tied to a moment (the parcel left, arrived, a new member level): they expire sooner
# (reminder.expire_notices_after_days).
NOTICE_KINDS = ("arrival_care", "shipped", "arrived", "level_up")
OPEN_STATUSES = ("open", "snoozed")

DAYS_MEANING = {
    "arrival_care": "days after the parcel arrived (else shipped + 3, else ordered + 4)",
    "use_care": "percent of the cycle × quantity after the purchase day",
    "repurchase": "extra lead days on top of the product's own lead days",
    "winback": "extra days after run-out + one cycle",
    "unpaid": "days after the order was placed",
    "unpaid_second": "days after the order was placed",
    "closed_care": "days after the unpaid order was closed",
    "delayed_shipment": "days after payment without shipping",
    "shipped": "days after shipping",
    "arrived": "days after the parcel was signed for",
    "refund": "days after the refund (order closed)",
    "birthday": "days before the birthday",
    "last_purchase": "days after the last purchase",
    "coupon_expiry": "days before expiry (a list: first and last reminder)",
}

def enabled_kinds(settings: dict[str, Any]) -> list[str]:
    """Engine kinds switched on in `settings` (a get_settings(session, "reminder.") dict)."""
    return [k for k in ENGINE_KINDS if settings.get(f"reminder.{k}.enabled", True)]
