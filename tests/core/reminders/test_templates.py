"""Message templates: placeholders and aliases, unknown placeholders, the seller's edits, reasons."""

from __future__ import annotations

import datetime as dt

from core.reminders.reasons import describe_coupon, format_reason
from core.templates import (
    DEFAULT_TEMPLATES,
    LANGUAGES,
    ensure_default_templates,
    list_templates,
    render,
    reset_template,
    save_template,
    template_bodies,
    unknown_placeholders,
)

VALUES = {"name": "王姐", "product": "蜂蜜500g", "shop": "小蜜蜂", "days": "3", "coupon": "¥10优惠券",
          "date": "4月12日"}


def test_placeholders_and_chinese_aliases():
    assert render("{name}/{昵称} {product}/{商品} {shop}/{店铺} {days} {coupon} {date}", VALUES).text == (
        "王姐/王姐 蜂蜜500g/蜂蜜500g 小蜜蜂/小蜜蜂 3 ¥10优惠券 4月12日")


def test_unknown_placeholders_are_reported_not_printed():
    result = render("{name}您好{价格}，{xyz}{xyz}再见", VALUES)
    assert result.text == "王姐您好，再见"
    assert result.unknown == ("价格", "xyz")
    assert unknown_placeholders("{{name}} {name}") == ()
    assert render("{{name}} = {name}", VALUES).text == "{name} = 王姐"


def test_every_default_is_clean_in_both_languages():
    for kind, texts in DEFAULT_TEMPLATES.items():
        assert set(texts) == set(LANGUAGES), kind
        for body in texts.values():
            assert unknown_placeholders(body) == (), (kind, body)
            assert "{" not in render(body, VALUES).text


def test_seller_edit_is_stored_and_reset(make):
    ensure_default_templates(make.s)
    saved = save_template(make.s, "repurchase", "zh_CN", "{name}，{product}快用完了吧？{价格}")
    assert saved.unknown == ("价格",) and not saved.is_default
    assert template_bodies(make.s, "zh_CN")["repurchase"].startswith("{name}，{product}快用完了吧")
    ensure_default_templates(make.s)  # does not overwrite the seller's text
    assert not next(t for t in list_templates(make.s, "zh_CN") if t.kind == "repurchase").is_default
    reset_template(make.s, "repurchase", "zh_CN")
    assert template_bodies(make.s, "zh_CN")["repurchase"] == DEFAULT_TEMPLATES["repurchase"]["zh_CN"]


def test_reasons_in_both_languages():
    facts = {"product": "蜂蜜500g", "qty": 2, "bought_on": "2026-03-02", "runout_on": "2026-04-12"}
    today = dt.date(2026, 4, 9)
    assert format_reason("repurchase", facts, "zh_CN", today) == "买了 蜂蜜500g ×2，3月2日；预计4月12日左右用完"
    assert format_reason("repurchase", facts, "en", today) == "Bought 蜂蜜500g ×2 on 2 Mar; runs out around 12 Apr"
    assert format_reason("birthday", {"birthday_on": "2026-09-25", "lunar": True, "month": 8, "day": 15},
                         "zh_CN", today) == "9月25日生日（农历8月15日）"
    assert describe_coupon({"coupon_kind": "threshold", "value_cents": 2000, "threshold_cents": 20000},
                           "zh_CN") == "满200减20优惠券"


def test_an_empty_placeholder_never_leaves_a_broken_sentence():
    """No shop name yet, no nickname, no day count: every default reads as a whole sentence in both languages."""
    empty = {"name": "", "product": "蜂蜜500g", "shop": "", "days": "", "coupon": "", "date": ""}
    for kind, texts in DEFAULT_TEMPLATES.items():
        for language in LANGUAGES:
            text = render(texts[language], empty, language).text
            assert "{" not in text and "  " not in text and " ," not in text and ",!" not in text, (kind, text)
            assert not text.startswith(("，", ",")), (kind, text)
    assert render(DEFAULT_TEMPLATES["birthday"]["zh_CN"], empty, "zh_CN").text.startswith("亲，生日快乐！本店祝您")
    assert render(DEFAULT_TEMPLATES["birthday"]["en"], empty, "en").text.startswith(
        "Happy birthday! Everyone at our shop wishes you")
    assert render("谢谢您一直照顾{店铺}的生意", {"shop": ""}, "zh_CN").text == "谢谢您一直照顾本店的生意"
    assert render("Hi {name}, thanks for shopping at {shop}.", {"name": "", "shop": ""}, "en").text == (
        "Hi, thanks for shopping at our shop.")
    # with values, nothing changes
    assert render("{shop}祝{name}生日快乐", {"shop": "小蜜蜂", "name": "王姐"}, "zh_CN").text == "小蜜蜂祝王姐生日快乐"


def test_a_masked_name_is_never_said_to_the_customer():
    """Douyin and Pinduoduo exports mask the buyer (周**): a message says 亲 / leaves the name out instead."""
    values = {**VALUES, "name": "周**"}
    assert render(DEFAULT_TEMPLATES["last_purchase"]["zh_CN"], values, "zh_CN").text.startswith("亲，距离上次下单已经3天啦")
    assert render(DEFAULT_TEMPLATES["last_purchase"]["en"], values, "en").text.startswith("Hi, it's been 3 days")
    for masked in ("*杰", "周*伦", "李＊＊"):
        assert masked not in render("{name}您好", {"name": masked}, "zh_CN").text
    assert render("{name}您好", {"name": "周杰"}, "zh_CN").text == "周杰您好"
