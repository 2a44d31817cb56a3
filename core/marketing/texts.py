"""The campaign template library (DOMAIN.md §7): our own default texts per theme, the seller's edits.

Themes are stored in message_template with kind "campaign.<theme>", rendered with core.templates.render
(placeholders {name}, {product} = the customer's favourite product, {shop}, {coupon}, {date}, {days}).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.book.models import MessageTemplate
from core.templates import save_template, unknown_placeholders

CAMPAIGN_TEMPLATES: dict[str, dict[str, str]] = {
    "new_arrivals": {
        "zh_CN": "{name}，店里上新啦！这批是刚到的，老顾客先挑，想看看图的话回我一声～",
        "en": "Hi {name}, new stock just landed and regulars get first pick. Reply if you'd like photos.",
    },
    "festival": {
        "zh_CN": "{name}，节日快乐！谢谢您一直照顾{shop}的生意，{date}前下单都有一份小心意随包裹送上。",
        "en": "Happy holidays, {name}! Thank you for supporting {shop}; order before {date} and a small "
              "thank-you comes in the parcel.",
    },
    "anniversary_points": {
        "zh_CN": "{name}，{shop}周年店庆，给每位老朋友的账户都加了积分，下单时可以直接抵现，{date}前有效哦。",
        "en": "Hi {name}, it's {shop}'s anniversary: we've added points to every regular's account. "
              "Use them as cash off your next order before {date}.",
    },
    "winback_never": {
        "zh_CN": "{name}您好，一直没机会为您服务，特意给您留了一张{coupon}，{date}前都能用，想了解哪款随时问我。",
        "en": "Hi {name}, we haven't had the chance to serve you yet, so here is a {coupon} valid until "
              "{date}. Ask me about anything you'd like to try.",
    },
    "winback_low_value": {
        "zh_CN": "{name}，好久不见！您之前买过的{product}最近有活动，送您一张{coupon}，{date}前有效。",
        "en": "Hi {name}, long time no see! {product} is on offer at the moment, and here is a {coupon} "
              "for you, valid until {date}.",
    },
    "winback_loyal": {
        "zh_CN": "{name}，想您啦！您最常买的{product}到了新货，作为老会员送您一张{coupon}，{date}前都可以用。",
        "en": "Hi {name}, we've missed you! Your favourite {product} is back in stock, and as a member "
              "you get a {coupon}, valid until {date}.",
    },
}
THEMES = tuple(CAMPAIGN_TEMPLATES)


@dataclass(frozen=True)
class CampaignTemplate:
    theme: str
    language: str
    body: str
    is_default: bool
    unknown: tuple[str, ...]


def campaign_templates(session: Session, language: str) -> list[CampaignTemplate]:
    """Every theme in `language`: the seller's text where edited, else ours."""
    edited = {row.kind.removeprefix("campaign."): row.body for row in session.scalars(
        select(MessageTemplate).where(MessageTemplate.kind.startswith("campaign."),
                                      MessageTemplate.language == language, MessageTemplate.is_default.is_(False)))}
    result = []
    for theme, texts in CAMPAIGN_TEMPLATES.items():
        body = edited.get(theme) or texts.get(language) or texts["zh_CN"]
        result.append(CampaignTemplate(theme, language, body, theme not in edited, unknown_placeholders(body)))
    return result


def save_campaign_template(session: Session, theme: str, language: str, body: str) -> CampaignTemplate:
    saved = save_template(session, f"campaign.{theme}", language, body)
    return CampaignTemplate(theme, language, saved.body, False, saved.unknown)
