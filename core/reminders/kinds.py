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
# Tasks tied to a moment (an order waiting for payment, the parcel left or arrived, the order closed, the refund
# went through, a new member level): they expire sooner (reminder.expire_notices_after_days) — a 催付 a week late
# is no use. A birthday wish expires after the birthday week.
NOTICE_KINDS = ("unpaid", "unpaid_second", "arrival_care", "shipped", "arrived", "closed_care", "refund", "level_up")
# Kinds that age out: the engine's, and level_up (written by core.marketing.levels, closed here like a notice).
EXPIRING_KINDS = (*ENGINE_KINDS, "level_up")
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

def expiry_days(settings: dict[str, Any], kind: str) -> int | None:
    """How many days after it fell due (or was snoozed to) an open engine task of `kind` expires; None for
    kinds that never age out (after-sales, manual). `settings`: get_settings(session, "reminder.").

    Notices: `reminder.expire_notices_after_days`; a birthday wish: the rest of the birthday week
    (`reminder.birthday_week_days` counted from the birthday, plus the days it is sent before it);
    everything else: `reminder.expire_after_days`."""
    if kind not in EXPIRING_KINDS:
        return None
    if kind in NOTICE_KINDS:
        return int(settings["reminder.expire_notices_after_days"])
    if kind == "birthday":
        return max(int(settings["reminder.birthday_week_days"]) - 1, 0) + max(int(settings["reminder.birthday.days"]), 0)
    return int(settings["reminder.expire_after_days"])


def expiry_case(settings: dict[str, Any], kind_column: str) -> tuple[str, dict[str, int]]:
    """(SQL CASE giving the oldest still-listed due date of the task's kind, {":lo_<days>" parameter → days}).

    The caller binds each `lo_<days>` to today − days (see `expiry_params`). Ageless kinds are not
    covered: callers keep them out (they never expire)."""
    by_days: dict[int, list[str]] = {}
    for kind in EXPIRING_KINDS:
        days = expiry_days(settings, kind)
        assert days is not None, "every expiring kind has a lifetime"
        by_days.setdefault(days, []).append(kind)
    default = int(settings["reminder.expire_after_days"])
    whens = " ".join(f"WHEN {kind_column} IN ({', '.join(repr(k) for k in kinds)}) THEN :lo_{days}"
                     for days, kinds in sorted(by_days.items()) if days != default)
    case = f"CASE {whens} ELSE :lo_{default} END" if whens else f":lo_{default}"
    return case, {f"lo_{days}": days for days in by_days}


def expiry_params(settings: dict[str, Any], today, value) -> dict[str, Any]:
    """The `lo_<days>` parameters of `expiry_case` for `today` (`value` turns a date into a bind value)."""
    import datetime as dt

    _case, days = expiry_case(settings, "kind")
    return {name: value(today - dt.timedelta(days=n)) for name, n in days.items()}


def enabled_kinds(settings: dict[str, Any]) -> list[str]:
    """Engine kinds switched on in `settings` (a get_settings(session, "reminder.") dict)."""
    return [k for k in ENGINE_KINDS if settings.get(f"reminder.{k}.enabled", True)]
