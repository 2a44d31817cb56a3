"""Reminder words for the screen: kind names, outcomes, the reason sentence built from a task's facts,
and why a customer is not listed — all translated (context "ReminderText")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate

from core.reminders.reasons import describe_coupon, format_money

_CONTEXT = "ReminderText"
# the language code of the loaded translation ("zh_CN" in the Chinese .ts) and the short date format
LANGUAGE_CODE = QT_TRANSLATE_NOOP("ReminderText", "en")
DATE_FORMAT = QT_TRANSLATE_NOOP("ReminderText", "d MMM")

KIND_LABELS = {
    "arrival_care": QT_TRANSLATE_NOOP("ReminderText", "Arrival care"),
    "use_care": QT_TRANSLATE_NOOP("ReminderText", "Use care"),
    "repurchase": QT_TRANSLATE_NOOP("ReminderText", "Repurchase"),
    "winback": QT_TRANSLATE_NOOP("ReminderText", "Win-back"),
    "unpaid": QT_TRANSLATE_NOOP("ReminderText", "Unpaid order"),
    "unpaid_second": QT_TRANSLATE_NOOP("ReminderText", "Unpaid, second reminder"),
    "closed_care": QT_TRANSLATE_NOOP("ReminderText", "Closed order care"),
    "delayed_shipment": QT_TRANSLATE_NOOP("ReminderText", "Delayed shipment"),
    "shipped": QT_TRANSLATE_NOOP("ReminderText", "Shipped"),
    "arrived": QT_TRANSLATE_NOOP("ReminderText", "Signed for"),
    "refund": QT_TRANSLATE_NOOP("ReminderText", "Refund done"),
    "birthday": QT_TRANSLATE_NOOP("ReminderText", "Birthday"),
    "last_purchase": QT_TRANSLATE_NOOP("ReminderText", "Last-purchase care"),
    "coupon_expiry": QT_TRANSLATE_NOOP("ReminderText", "Coupon expiry"),
    "complaint": QT_TRANSLATE_NOOP("ReminderText", "Complaint follow-up"),
    "review": QT_TRANSLATE_NOOP("ReminderText", "Mid or bad review"),
    "manual": QT_TRANSLATE_NOOP("ReminderText", "Own task"),
    "level_up": QT_TRANSLATE_NOOP("ReminderText", "Member level up"),
}

OUTCOME_LABELS = {
    "contacted": QT_TRANSLATE_NOOP("ReminderText", "Contacted"),
    "no_answer": QT_TRANSLATE_NOOP("ReminderText", "No answer (again tomorrow)"),
    "bought": QT_TRANSLATE_NOOP("ReminderText", "Bought"),
    "declined": QT_TRANSLATE_NOOP("ReminderText", "Declined"),
}

_REASONS = {
    "arrival_care": QT_TRANSLATE_NOOP("ReminderText", "Bought %1 ×%2 on %3; should have arrived"),
    "use_care": QT_TRANSLATE_NOOP("ReminderText", "Bought %1 ×%2 on %3; in use, runs out around %4"),
    "repurchase": QT_TRANSLATE_NOOP("ReminderText", "Bought %1 ×%2 on %3; runs out around %4"),
    "winback": QT_TRANSLATE_NOOP("ReminderText", "Bought %1 ×%2 on %3; ran out around %4, no repurchase since"),
    "unpaid": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) placed on %3, not paid yet"),
    "unpaid_second": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) placed on %3, still not paid"),
    "closed_care": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) closed unpaid on %3"),
    "delayed_shipment": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) paid on %3, not shipped yet"),
    "shipped": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) shipped on %3"),
    "arrived": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) signed for on %3"),
    "refund": QT_TRANSLATE_NOOP("ReminderText", "Order %1 (%2) refunded ¥%3"),
    "birthday": QT_TRANSLATE_NOOP("ReminderText", "Birthday on %1"),
    "lunar_birthday": QT_TRANSLATE_NOOP("ReminderText", "Birthday on %1 (lunar month %2, day %3)"),
    "last_purchase": QT_TRANSLATE_NOOP("ReminderText", "Last purchase on %1, %2 days ago"),
    "coupon_expiry": QT_TRANSLATE_NOOP("ReminderText", "%1 expires on %2"),
    "complaint": QT_TRANSLATE_NOOP("ReminderText", "Complaint to follow up"),
    "review": QT_TRANSLATE_NOOP("ReminderText", "Mid or bad review to handle"),
    "level_up": QT_TRANSLATE_NOOP("ReminderText", "Member level up to %1"),
    "level_up_from": QT_TRANSLATE_NOOP("ReminderText", "Member level up to %1 (was %2)"),
}

# After-sales tasks by the step they stand for (facts "task", written by core.aftersales).
_CASE_REASONS = {
    ("complaint", "first_response"): QT_TRANSLATE_NOOP("ReminderText", "Complaint opened %1: give the first answer"),
    ("complaint", "follow_up"): QT_TRANSLATE_NOOP("ReminderText", "Complaint compensated: check the customer is satisfied"),
    ("review", "contact"): QT_TRANSLATE_NOOP("ReminderText", "New review on %1: contact the buyer today"),
    ("review", "retry"): QT_TRANSLATE_NOOP("ReminderText", "No answer last time: try the buyer again"),
    ("review", "deadline_check"): QT_TRANSLATE_NOOP("ReminderText", "The buyer can change the review until %1: check it"),
}

_NOT_LISTED = {
    "listed": QT_TRANSLATE_NOOP("ReminderText", "%1 task(s) of this customer are in today's list."),
    "listed_later": QT_TRANSLATE_NOOP(
        "ReminderText", "%1 task(s) of this customer are due, ranked below today's list: press “More” to see them."),
    "deleted": QT_TRANSLATE_NOOP("ReminderText", "The customer is in the recycle bin."),
    "do_not_disturb": QT_TRANSLATE_NOOP("ReminderText", "Do not disturb: no marketing reminders."),
    "open_complaint": QT_TRANSLATE_NOOP("ReminderText", "An open complaint: no marketing until it is resolved."),
    "open_review": QT_TRANSLATE_NOOP("ReminderText", "An open bad review: no marketing until it is handled."),
    "frequency_cap": QT_TRANSLATE_NOOP("ReminderText", "Contacted for marketing on %1: next marketing from %2."),
    "kind_disabled": QT_TRANSLATE_NOOP("ReminderText", "%1 due on %2, but this kind is switched off in Settings."),
    "too_old": QT_TRANSLATE_NOOP("ReminderText", "%1 was due on %2: too long ago, it expires."),
    "snoozed": QT_TRANSLATE_NOOP("ReminderText", "%1 is snoozed until %2."),
    "closed": QT_TRANSLATE_NOOP("ReminderText", "Last task: %1, closed on %2."),
    "next_task": QT_TRANSLATE_NOOP("ReminderText", "Next: %1 on %2."),
    "no_tasks": QT_TRANSLATE_NOOP("ReminderText", "No reminders for this customer yet."),
}


DAYS_HINTS = {
    "arrival_care": QT_TRANSLATE_NOOP("ReminderText", "days after the parcel arrived"),
    "use_care": QT_TRANSLATE_NOOP("ReminderText", "% of the cycle after the purchase"),
    "repurchase": QT_TRANSLATE_NOOP("ReminderText", "extra days before the product's own lead time"),
    "winback": QT_TRANSLATE_NOOP("ReminderText", "extra days after run-out plus one cycle"),
    "unpaid": QT_TRANSLATE_NOOP("ReminderText", "days after the order"),
    "unpaid_second": QT_TRANSLATE_NOOP("ReminderText", "days after the order"),
    "closed_care": QT_TRANSLATE_NOOP("ReminderText", "days after the order closed"),
    "delayed_shipment": QT_TRANSLATE_NOOP("ReminderText", "days after payment without shipping"),
    "shipped": QT_TRANSLATE_NOOP("ReminderText", "days after shipping"),
    "arrived": QT_TRANSLATE_NOOP("ReminderText", "days after signing for"),
    "refund": QT_TRANSLATE_NOOP("ReminderText", "days after the refund"),
    "birthday": QT_TRANSLATE_NOOP("ReminderText", "days before the birthday"),
    "last_purchase": QT_TRANSLATE_NOOP("ReminderText", "days after the last purchase"),
    "coupon_expiry": QT_TRANSLATE_NOOP("ReminderText", "days before expiry, e.g. 7, 1"),
}


def translated(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def fill(template: str, *values: Any) -> str:
    """Qt-style %1 %2 … substitution (from the highest number down, so %1 never eats %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def ui_language() -> str:
    """"zh_CN" when the Chinese translation is loaded, else "en" (the translation of the code itself)."""
    return "zh_CN" if translated(LANGUAGE_CODE) == "zh_CN" else "en"


def kind_label(kind: str) -> str:
    return translated(KIND_LABELS.get(kind, kind))


def outcome_label(outcome: str) -> str:
    return translated(OUTCOME_LABELS.get(outcome, outcome))


def short_date(day: dt.date | str | None) -> str:
    """"3月2日" / "2 Mar" (the format itself is translated)."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return QDate(day.year, day.month, day.day).toString(translated(DATE_FORMAT))


def reason(kind: str, facts: Mapping[str, Any], today: dt.date, title: str = "") -> str:
    """The reason a task is listed, in the UI language."""
    product = facts.get("product") or ""
    if kind in ("arrival_care", "use_care", "repurchase", "winback"):
        text = fill(translated(_REASONS[kind]), product, facts.get("qty", 1), short_date(facts.get("bought_on")),
                    short_date(facts.get("runout_on")))
    elif kind == "refund":
        text = fill(translated(_REASONS[kind]), facts.get("order_no", ""), product, format_money(facts.get("refund_cents")))
    elif kind in _REASONS and "order_no" in facts:
        base = facts.get("ordered_on") if kind in ("unpaid", "unpaid_second") else facts.get("base_on")
        text = fill(translated(_REASONS[kind]), facts.get("order_no", ""), product, short_date(base))
    elif kind == "birthday":
        key = "lunar_birthday" if facts.get("lunar") else "birthday"
        text = fill(translated(_REASONS[key]), short_date(facts.get("birthday_on")), facts.get("month", ""),
                    facts.get("day", ""))
    elif kind == "last_purchase" and facts.get("last_purchase_on"):
        last = dt.date.fromisoformat(facts["last_purchase_on"])
        text = fill(translated(_REASONS[kind]), short_date(last), (today - last).days)
    elif kind == "coupon_expiry":
        text = fill(translated(_REASONS[kind]), describe_coupon(facts, ui_language()), short_date(facts.get("expires_on")))
    elif (kind, facts.get("task")) in _CASE_REASONS:
        day = facts.get("opened_at") or facts.get("review_date") if facts.get("task") != "deadline_check" \
            else facts.get("change_deadline")
        text = title or fill(translated(_CASE_REASONS[(kind, facts["task"])]), short_date(day))
    elif kind in ("complaint", "review"):
        text = title or translated(_REASONS[kind])
    elif kind == "level_up" and facts.get("level"):
        key = "level_up_from" if facts.get("previous") else "level_up"
        text = fill(translated(_REASONS[key]), facts["level"], facts.get("previous", ""))
    else:
        text = title
    return " ".join(text.replace("()", "").replace("（）", "").replace(" （", "（").split())


def not_listed(code: str, kind: str = "", day: dt.date | None = None, details: Mapping[str, Any] | None = None) -> str:
    """One why-not-listed reason (core.reminders.exclusions codes) as a sentence."""
    details = details or {}
    template = translated(_NOT_LISTED.get(code, code))
    if code in ("listed", "listed_later"):
        return fill(template, details.get("count", 0))
    if code == "frequency_cap":
        return fill(template, short_date(details.get("last_contact")), short_date(day))
    return fill(template, kind_label(kind), short_date(day))
