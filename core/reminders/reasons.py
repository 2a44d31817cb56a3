"""Facts in plain words: the reason a task is listed, and the values its message template is filled with.

The UI builds its own translated sentence from the facts; `format_reason` is for the command line and
logs (text kept here as data, in zh_CN and en). Dates: "3月2日" / "2 Mar", with the year when it is not
today's year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

REASONS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "arrival_care": "买了 {product} ×{qty}，{bought_on}；应该已经到货",
        "use_care": "买了 {product} ×{qty}，{bought_on}；正在使用期，预计{runout_on}左右用完",
        "repurchase": "买了 {product} ×{qty}，{bought_on}；预计{runout_on}左右用完",
        "winback": "买了 {product} ×{qty}，{bought_on}；{runout_on}左右已用完，之后没有再买",
        "unpaid": "订单 {order_no}（{product}）{ordered_on}下单，还没付款",
        "unpaid_second": "订单 {order_no}（{product}）{ordered_on}下单，仍未付款（二次催付）",
        "closed_care": "订单 {order_no}（{product}）未付款，{base_on}已关闭",
        "delayed_shipment": "订单 {order_no}（{product}）{base_on}付款，至今未发货",
        "shipped": "订单 {order_no}（{product}）{base_on}已发货 {carrier} {tracking_no}",
        "arrived": "订单 {order_no}（{product}）{base_on}已签收",
        "refund": "订单 {order_no}（{product}）已退款 ¥{refund}",
        "birthday": "{birthday_on}生日{lunar}",
        "last_purchase": "上次购买 {last_purchase_on}，已经 {days_since} 天",
        "coupon_expiry": "{coupon}将于{expires_on}到期",
        "complaint": "投诉待跟进",
        "review": "中差评待处理",
        "complaint:first_response": "{opened_on}收到的投诉：请尽快首次回复",
        "complaint:follow_up": "投诉已补偿：回访确认顾客是否满意",
        "review:contact": "{review_on}的新中差评：今天联系买家",
        "review:retry": "上次没联系上：再联系一次买家",
        "review:deadline_check": "买家可在{deadline_on}前修改评价：去看看",
        "manual": "{title}",
        "level_up": "会员升级为{level}{was}",
        "lunar": "（农历{month}月{day}日）",
    },
    "en": {
        "arrival_care": "Bought {product} ×{qty} on {bought_on}; should have arrived",
        "use_care": "Bought {product} ×{qty} on {bought_on}; in use, runs out around {runout_on}",
        "repurchase": "Bought {product} ×{qty} on {bought_on}; runs out around {runout_on}",
        "winback": "Bought {product} ×{qty} on {bought_on}; ran out around {runout_on}, no repurchase since",
        "unpaid": "Order {order_no} ({product}) placed {ordered_on}, not paid yet",
        "unpaid_second": "Order {order_no} ({product}) placed {ordered_on}, still not paid (second reminder)",
        "closed_care": "Order {order_no} ({product}) closed unpaid on {base_on}",
        "delayed_shipment": "Order {order_no} ({product}) paid on {base_on}, not shipped yet",
        "shipped": "Order {order_no} ({product}) shipped on {base_on} {carrier} {tracking_no}",
        "arrived": "Order {order_no} ({product}) signed for on {base_on}",
        "refund": "Order {order_no} ({product}) refunded ¥{refund}",
        "birthday": "Birthday on {birthday_on}{lunar}",
        "last_purchase": "Last purchase on {last_purchase_on}, {days_since} days ago",
        "coupon_expiry": "{coupon} expires on {expires_on}",
        "complaint": "Complaint to follow up",
        "review": "Mid or bad review to handle",
        "complaint:first_response": "Complaint opened {opened_on}: give the first answer",
        "complaint:follow_up": "Complaint compensated: check the customer is satisfied",
        "review:contact": "New review on {review_on}: contact the buyer today",
        "review:retry": "No answer last time: try the buyer again",
        "review:deadline_check": "The buyer can change the review until {deadline_on}: check it",
        "manual": "{title}",
        "level_up": "Member level up to {level}{was}",
        "lunar": " (lunar {month}/{day})",
    },
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_FACTS = ("bought_on", "runout_on", "ordered_on", "base_on", "birthday_on", "last_purchase_on", "expires_on")


def format_date(day: dt.date | str | None, language: str, today: dt.date | None = None) -> str:
    """"3月2日" / "2 Mar" (year added when it differs from today's)."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    with_year = today is not None and day.year != today.year
    if language == "zh_CN":
        return (f"{day.year}年" if with_year else "") + f"{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}" + (f" {day.year}" if with_year else "")


def format_money(cents: int | None) -> str:
    cents = int(cents or 0)
    return f"{cents // 100}" if cents % 100 == 0 else f"{cents / 100:.2f}"


def describe_coupon(facts: Mapping[str, Any], language: str) -> str:
    """A coupon in words: "满200减20优惠券" / "¥20 off orders over ¥200"."""
    kind = facts.get("coupon_kind") or "cash"
    value = format_money(facts.get("value_cents"))
    threshold = format_money(facts.get("threshold_cents"))
    percent = facts.get("discount_percent") or 100
    zh = language == "zh_CN"
    if kind == "threshold" and facts.get("threshold_cents"):
        return f"满{threshold}减{value}优惠券" if zh else f"¥{value} off orders over ¥{threshold}"
    if kind == "free_shipping":
        return "包邮卡" if zh else "a free-shipping card"
    if kind == "discount":
        return f"{percent / 10:g}折卡" if zh else f"a {100 - percent}% discount card"
    if kind == "birthday":
        return f"¥{value}生日券" if zh else f"a ¥{value} birthday coupon"
    return f"¥{value}优惠券" if zh else f"a ¥{value} coupon"


def format_reason(kind: str, facts: Mapping[str, Any], language: str, today: dt.date,
                  title: str = "") -> str:
    """The reason a task is listed, in plain words (zh_CN or en)."""
    texts = REASONS.get(language) or REASONS["zh_CN"]
    values: dict[str, Any] = {k: ("" if v is None else v) for k, v in facts.items()}
    for key in _DATE_FACTS:
        if key in facts:
            values[key] = format_date(facts[key], language, today)
    values["title"] = title
    values.setdefault("product", "")
    values["refund"] = format_money(facts.get("refund_cents"))
    values["coupon"] = describe_coupon(facts, language) if "coupon_kind" in facts else ""
    values["lunar"] = texts["lunar"].format(**facts) if facts.get("lunar") else ""
    if kind == "level_up":
        previous = facts.get("previous") or ""
        values["was"] = ("" if not previous else f"（原{previous}）" if language == "zh_CN" else f" (was {previous})")
    if facts.get("last_purchase_on"):
        values["days_since"] = (today - dt.date.fromisoformat(facts["last_purchase_on"])).days
    if kind in ("complaint", "review"):  # by the step of the case the task stands for (core.aftersales)
        values["opened_on"] = format_date(str(facts.get("opened_at") or "")[:10], language, today)
        values["review_on"] = format_date(facts.get("review_date"), language, today)
        values["deadline_on"] = format_date(facts.get("change_deadline"), language, today)
    template = texts.get(f"{kind}:{facts.get('task')}", texts.get(kind, "{title}"))
    if title and kind in ("complaint", "review"):
        template = "{title}"
    try:
        text = template.format_map(_Blank(values))
    except (ValueError, IndexError):
        text = title
    text = text.replace("（）", "").replace("()", "").replace(" （", "（")
    return " ".join(text.split())


class _Blank(dict):
    """format_map dict that prints a missing fact as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def message_values(kind: str, facts: Mapping[str, Any], customer_name: str, shop: str, today: dt.date,
                   language: str) -> dict[str, str]:
    """Values for the template placeholders {name} {product} {shop} {days} {coupon} {date}."""
    date_key, days = _date_and_days(kind, facts, today)
    return {
        "level": str(facts.get("level") or ""),
        "name": customer_name,
        "product": str(facts.get("product") or ("宝贝" if language == "zh_CN" else "items")),
        "shop": shop,
        "days": "" if days is None else str(days),
        "coupon": describe_coupon(facts, language) if "coupon_kind" in facts else "",
        "date": format_date(facts.get(date_key), language, today) if date_key else "",
    }


def _date_and_days(kind: str, facts: Mapping[str, Any], today: dt.date) -> tuple[str | None, int | None]:
    """Which fact {date} shows and what {days} counts for this kind."""

    def diff(key: str, future: bool) -> int | None:
        if not facts.get(key):
            return None
        delta = (dt.date.fromisoformat(str(facts[key])[:10]) - today).days
        return delta if future else -delta

    if kind in ("repurchase", "use_care"):
        return "runout_on", diff("runout_on", True)
    if kind == "winback":
        return "runout_on", diff("runout_on", False)
    if kind == "arrival_care":
        return "bought_on", diff("bought_on", False)
    if kind == "birthday":
        return "birthday_on", diff("birthday_on", True)
    if kind == "last_purchase":
        return "last_purchase_on", diff("last_purchase_on", False)
    if kind == "coupon_expiry":
        return "expires_on", diff("expires_on", True)
    if "base_on" in facts:
        return "base_on", diff("base_on", False)
    return None, None
