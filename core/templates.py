"""Message templates (DOMAIN.md §4): placeholders, rendering, our default texts, the seller's edits.

Placeholders (Chinese aliases in brackets): {name} ({昵称}), {product} ({商品}), {shop} ({店铺}),
{days}, {coupon}, {date}, {level} ({等级}: a member level). "{{" and "}}" print a brace. An unknown placeholder
is reported by `render`
and left out of the text, never printed as "{xyz}". One row per (kind, language) in message_template:
`is_default` is True while it holds our text (refreshed by `ensure_default_templates`), False once the
seller edited it.

A placeholder the book has no value for (no shop name yet, a customer without a nickname) never leaves a
broken sentence: `render(..., language=...)` puts in the FALLBACKS words, written so that every default
template (and the usual seller's sentence) still reads naturally — {shop} becomes 本店 / "our shop", a
missing {name} becomes 亲 or is dropped in English ("Hi, …") — and tidies the spaces and commas a
dropped word leaves behind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from core.book.models import MessageTemplate
from core.excel.cleaning import is_masked_name

LANGUAGES = ("zh_CN", "en")
ALIASES = {
    "name": "name", "昵称": "name",
    "product": "product", "商品": "product",
    "shop": "shop", "店铺": "shop",
    "days": "days", "天数": "days",
    "coupon": "coupon", "优惠券": "coupon",
    "date": "date", "日期": "date",
    "level": "level", "等级": "level",
}
PLACEHOLDERS = ("name", "product", "shop", "days", "coupon", "date", "level")
# What a placeholder says when its value is empty, per message language (see the module docstring).
FALLBACKS: dict[str, dict[str, str]] = {
    "zh_CN": {"name": "亲", "product": "宝贝", "shop": "本店", "days": "几", "coupon": "优惠券", "date": "近期",
              "level": "会员"},
    "en": {"name": "there", "product": "order", "shop": "our shop", "days": "a few", "coupon": "coupon",
           "date": "soon", "level": "member"},
}
# English sentences that address the customer by name read better without a fallback name.
_EN_NAME_DROP = re.compile(r",\s*\{(?:name|昵称)\}\s*(?=[!.?])|\s\{(?:name|昵称)\}(?=\s*[,!.?])")
_TIDY = ((re.compile(r"\s+([,.!?;:])"), r"\1"), (re.compile(r",(?=[!.?])"), ""), (re.compile(r"[ \t]{2,}"), " "))
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")

# Our own default texts, one per kind and language.
DEFAULT_TEMPLATES: dict[str, dict[str, str]] = {
    "arrival_care": {
        "zh_CN": "{name}您好，您的{product}应该已经到了，包装都完好吗？用的时候有任何问题随时找我～",
        "en": "Hi {name}, your {product} should have arrived by now. Was everything intact? "
              "Message me any time if you have a question.",
    },
    "use_care": {
        "zh_CN": "{name}，{product}用了一段时间了，感觉怎么样？有个小窍门想分享给您，需要的话回我一下哦。",
        "en": "Hi {name}, how are you getting on with the {product}? I have a small tip to share "
              "if you'd like it.",
    },
    "repurchase": {
        "zh_CN": "{name}，算了一下您的{product}大概{date}左右就用完了，要不要提前帮您留一份？",
        "en": "Hi {name}, your {product} will probably run out around {date}. Shall I put one aside for you?",
    },
    "winback": {
        "zh_CN": "{name}，好久没联系啦！{product}最近到了新批次，老朋友下单有专属优惠，需要的话跟我说一声～",
        "en": "Hi {name}, it's been a while! A fresh batch of {product} just came in, with a little "
              "something for old friends. Just say the word.",
    },
    "unpaid": {
        "zh_CN": "{name}您好，看到您拍下了{product}还没付款，是有什么疑问吗？我可以帮您解答。",
        "en": "Hi {name}, I see your order for {product} isn't paid yet. Any questions I can help with?",
    },
    "unpaid_second": {
        "zh_CN": "{name}，不好意思再打扰一下，{product}的订单还为您保留着，需要的话随时付款就好～",
        "en": "Hi {name}, sorry to bother you again: your {product} order is still reserved whenever "
              "you're ready.",
    },
    "closed_care": {
        "zh_CN": "{name}，看到{product}的订单关闭了，是哪里不合适吗？方便的话告诉我原因，我好改进。",
        "en": "Hi {name}, your {product} order was closed. Was something not right? "
              "I'd be grateful to hear why.",
    },
    "delayed_shipment": {
        "zh_CN": "{name}，非常抱歉，您的{product}发货晚了{days}天，我们正在加紧安排，今天一定给您一个准信。",
        "en": "Hi {name}, I'm sorry your {product} is {days} days late leaving us. "
              "I'll have a firm date for you today.",
    },
    "shipped": {
        "zh_CN": "{name}，您的{product}已经发出啦，路上大概需要两三天，请留意查收～",
        "en": "Hi {name}, your {product} is on its way and should be with you in two or three days.",
    },
    "arrived": {
        "zh_CN": "{name}，物流显示{product}已经签收了，收到后记得检查一下，有问题第一时间告诉我。",
        "en": "Hi {name}, the courier says your {product} was signed for. "
              "Please check it and tell me straight away if anything is wrong.",
    },
    "refund": {
        "zh_CN": "{name}，您的退款已经处理好了，请留意账户到账。给您添麻烦了，期待下次为您服务。",
        "en": "Hi {name}, your refund has gone through; please look out for it in your account. "
              "Sorry for the trouble.",
    },
    "birthday": {
        "zh_CN": "{name}，生日快乐！{shop}祝您新的一岁顺顺利利、天天开心，生日这周下单有小礼物哦～",
        "en": "Happy birthday, {name}! Everyone at {shop} wishes you a wonderful year; "
              "order this week and a small gift comes with it.",
    },
    "last_purchase": {
        "zh_CN": "{name}，距离上次下单已经{days}天啦，最近还好吗？有需要随时找我。",
        "en": "Hi {name}, it's been {days} days since your last order. How are you? "
              "I'm here if you need anything.",
    },
    "coupon_expiry": {
        "zh_CN": "{name}，提醒一下：您的{coupon}将在{date}到期，还剩{days}天，别浪费啦～",
        "en": "Hi {name}, a reminder: your {coupon} expires on {date}, {days} days from now.",
    },
    "complaint": {
        "zh_CN": "{name}，关于您反映的问题，我们一直在跟进。现在处理得还满意吗？",
        "en": "Hi {name}, we've been following up on the problem you told us about. "
              "Are you happy with how it was resolved?",
    },
    "review": {
        "zh_CN": "{name}您好，看到您对{product}的评价，非常抱歉让您不满意，想了解一下具体情况，看看我们怎么弥补。",
        "en": "Hi {name}, I saw your review of {product} and I'm sorry it disappointed you. "
              "Could you tell me what happened so we can put it right?",
    },
    "level_up": {
        "zh_CN": "{name}，恭喜您升级为{shop}的{level}！以后每次下单都能享受会员优惠，感谢一直以来的支持～",
        "en": "Congratulations {name}, you are now a {level} member at {shop}! Member prices apply to every "
              "order from now on. Thank you for your support.",
    },
    "manual": {
        "zh_CN": "{name}您好，",
        "en": "Hi {name},",
    },
}


@dataclass(frozen=True)
class Rendered:
    text: str
    unknown: tuple[str, ...]  # placeholders that are not in ALIASES (left out of the text)


@dataclass(frozen=True)
class TemplateDTO:
    kind: str
    language: str
    body: str
    is_default: bool
    unknown: tuple[str, ...]


def render(body: str, values: Mapping[str, str], language: str | None = None) -> Rendered:
    """Fill `body` with `values` (keyed by canonical names: name, product, shop, days, coupon, date).

    With `language`, empty values take that language's FALLBACKS (see the module docstring); so does a
    platform-masked name (周**), which a message must never address the customer by."""
    unknown: list[str] = []
    if language is not None:
        if is_masked_name(str(values.get("name", "") or "")):  # 周** from a platform export: never say it
            values = {**values, "name": ""}
        fallbacks = FALLBACKS.get(language, FALLBACKS["en"])
        if language != "zh_CN" and not str(values.get("name", "") or "").strip():
            body = _EN_NAME_DROP.sub("", body)  # "Hi {name}, …" → "Hi, …"; "Happy birthday, {name}!" → "Happy birthday!"
        values = {**fallbacks, **{k: v for k, v in values.items() if str(v or "").strip()}}

    def fill(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1).strip()
        canonical = ALIASES.get(name) or ALIASES.get(name.lower())
        if canonical is None:
            if name not in unknown:
                unknown.append(name)
            return ""
        return str(values.get(canonical, ""))

    text = _TOKEN.sub(fill, body)
    if language is not None and language != "zh_CN":
        for pattern, replacement in _TIDY:
            text = pattern.sub(replacement, text)
    return Rendered(text, tuple(unknown))


def unknown_placeholders(body: str) -> tuple[str, ...]:
    return render(body, {}).unknown


def default_body(kind: str, language: str) -> str:
    texts = DEFAULT_TEMPLATES.get(kind) or DEFAULT_TEMPLATES["manual"]
    return texts.get(language) or texts["zh_CN"]


def sample_values(language: str) -> dict[str, str]:
    """Values for the live preview in Settings."""
    if language == "zh_CN":
        return {"name": "王姐", "product": "蜂蜜500g", "shop": "小蜜蜂农场", "days": "3",
                "coupon": "满100减10优惠券", "date": "4月12日", "level": "金卡会员"}
    return {"name": "Anna", "product": "Honey 500 g", "shop": "Little Bee Farm", "days": "3",
            "coupon": "a ¥10 coupon", "date": "12 Apr", "level": "Gold"}


def ensure_default_templates(session: Session) -> None:
    """Write our default text for every (kind, language) that has no row; refresh untouched defaults."""
    rows = {(t.kind, t.language): t for t in session.scalars(select(MessageTemplate))}
    for kind, texts in DEFAULT_TEMPLATES.items():
        for language, body in texts.items():
            row = rows.get((kind, language))
            if row is None:
                session.add(MessageTemplate(kind=kind, name=kind, language=language, body=body, is_default=True))
            elif row.is_default and row.body != body:
                row.body = body


def template_bodies(session: Session, language: str) -> dict[str, str]:
    """kind → template body in `language` (the seller's text if edited, else ours)."""
    bodies = {kind: default_body(kind, language) for kind in DEFAULT_TEMPLATES}
    for row in session.scalars(select(MessageTemplate).where(MessageTemplate.language == language)):
        if not row.is_default or row.kind not in bodies:
            bodies[row.kind] = row.body
    return bodies


def list_templates(session: Session, language: str) -> list[TemplateDTO]:
    edited = {row.kind: row for row in session.scalars(
        select(MessageTemplate).where(MessageTemplate.language == language, MessageTemplate.is_default.is_(False)))}
    result = []
    for kind in DEFAULT_TEMPLATES:
        body = edited[kind].body if kind in edited else default_body(kind, language)
        result.append(TemplateDTO(kind, language, body, kind not in edited, unknown_placeholders(body)))
    return result


def save_template(session: Session, kind: str, language: str, body: str) -> TemplateDTO:
    """Store the seller's text for `kind` (unknown placeholders are saved and reported, not refused)."""
    row = session.scalars(select(MessageTemplate).where(
        MessageTemplate.kind == kind, MessageTemplate.language == language)).first()
    if row is None:
        row = MessageTemplate(kind=kind, name=kind, language=language, body=body)
        session.add(row)
    row.body = body
    row.is_default = False
    row.updated_at = clock.now()
    return TemplateDTO(kind, language, body, False, unknown_placeholders(body))


def reset_template(session: Session, kind: str, language: str) -> TemplateDTO:
    """Put our default text back for `kind`."""
    body = default_body(kind, language)
    row = session.scalars(select(MessageTemplate).where(
        MessageTemplate.kind == kind, MessageTemplate.language == language)).first()
    if row is not None:
        row.body = body
        row.is_default = True
    return TemplateDTO(kind, language, body, True, ())
