"""A campaign's customer filter and coupon, as our zh export writes them: JSON whose keys and codes are Chinese
words (issue #18: "zh exports write every code as its Chinese label"), read back to the book's codes.

The book stores both as JSON (core.marketing.segments' definition, core.marketing.loyalty.CouponSpec). A zh
export writes ``{"客户阶段": ["流失"], "最少购买天数": 3}`` for ``{"stages": ["churned"], "min_purchase_days": 3}``;
an English export writes the stored text as it is. Reading back turns every word into its code again; a cell
that is not JSON, a key or a value without a word, and the text of an English export are kept as they are,
so a round trip gives the book the same JSON text it exported.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from core.excel.columns import LEDGER_WORDS_ZH, SOURCE_WORDS_ZH, STAGE_WORDS_ZH

_SEGMENT_KEYS_ZH = {
    "tags": "标签", "provinces": "省份", "cities": "城市", "stages": "客户阶段", "rfm": "RFM分群",
    "levels": "会员等级编号", "products": "商品编号", "categories": "商品类目", "birthday_months": "生日月份",
    "source_channels": "来源渠道", "last_purchase_from": "最近购买日期从", "last_purchase_to": "最近购买日期到",
    "min_purchase_days": "最少购买天数", "max_purchase_days": "最多购买天数",
    "min_spend_cents": "累计消费下限(分)", "max_spend_cents": "累计消费上限(分)",
    "min_aov_cents": "客单价下限(分)", "max_aov_cents": "客单价上限(分)",
}
_SETTING_WORDS_ZH = {"setting:marketing.winback_low_aov_cents": "按设置:低价值挽回客单价"}
_SEGMENT_VALUES_ZH: dict[str, Mapping[str, str]] = {
    "stages": STAGE_WORDS_ZH, "source_channels": SOURCE_WORDS_ZH,
    **{key: _SETTING_WORDS_ZH for key in _SEGMENT_KEYS_ZH if key.endswith("_cents")},
}
_COUPON_KEYS_ZH = {"kind": "券类型", "value_cents": "面额(分)", "threshold_cents": "使用门槛(分)",
                   "discount_percent": "折扣(%)", "valid_days": "有效天数"}
_COUPON_VALUES_ZH: dict[str, Mapping[str, str]] = {"kind": LEDGER_WORDS_ZH["kind"]}

# column key of core.excel.columns.CAMPAIGN_COLUMNS → (key words, value words by key)
JSON_WORDS_ZH: dict[str, tuple[Mapping[str, str], Mapping[str, Mapping[str, str]]]] = {
    "segment_json": (_SEGMENT_KEYS_ZH, _SEGMENT_VALUES_ZH),
    "coupon_spec_json": (_COUPON_KEYS_ZH, _COUPON_VALUES_ZH),
}


def json_in_words(column: str, text: Any) -> Any:
    """The stored JSON of ``column`` (a key of JSON_WORDS_ZH) with its keys and codes as Chinese words; a cell
    that is not a JSON object is returned as it is."""
    found = _object(text)
    if found is None:
        return text
    keys, values = JSON_WORDS_ZH[column]
    return json.dumps({keys.get(key, key): _mapped(value, values.get(key, {})) for key, value in found.items()},
                      ensure_ascii=False)


def json_from_words(column: str, text: Any) -> Any:
    """``json_in_words`` undone: the JSON the book stores. Text without a Chinese key (an English export's,
    or not JSON) is returned unchanged, so the book gets back exactly the text it exported."""
    found = _object(text)
    keys, values = JSON_WORDS_ZH[column]
    if found is None or not any(isinstance(key, str) and not key.isascii() for key in found):
        return text
    codes = {word: key for key, word in keys.items()}
    back = {key: {word: code for code, word in words.items()} for key, words in values.items()}
    restored = {}
    for word, value in found.items():
        key = codes.get(word, word)
        restored[key] = _mapped(value, back.get(key, {}))
    return json.dumps(restored, ensure_ascii=False)


def _object(text: Any) -> dict | None:
    if not isinstance(text, str) or not text.startswith("{"):
        return None
    try:
        found = json.loads(text)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _mapped(value: Any, words: Mapping[str, str]) -> Any:
    """A code (or each code of a list) by ``words``; anything else as it is."""
    if isinstance(value, list):
        return [_mapped(item, words) for item in value]
    return words.get(value, value) if isinstance(value, str) else value
