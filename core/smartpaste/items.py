"""Product mentions with quantities (蜂蜜两瓶, 2盒面膜, 面膜x3) and the amount (共128元, ¥99) in a message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.smartpaste.numerals import NUMBER_PATTERN, NUMERAL_CHARS, UNIT_NUMBER_PATTERN, parse_number

UNITS = "瓶盒罐斤两件个包箱袋支套份桶提听只条"  # 两 as a unit is 50 g of tea: 三两 is three of them
_QTY = rf"(?P<qty>{UNIT_NUMBER_PATTERN})"
_TIMES = r"(?:[x×*X]|乘)"
_AFTER_NAME_RE = re.compile(
    rf"^\s*(?:{_TIMES}\s*(?P<qty1>{NUMBER_PATTERN})\s*[{UNITS}]?|(?P<qty2>{UNIT_NUMBER_PATTERN})\s*[{UNITS}])"
)
_BEFORE_NAME_RE = re.compile(rf"{_QTY}\s*[{UNITS}]\s*的?\s*$")
_GENERIC_RE = re.compile(rf"{_TIMES}\s*(?P<times>\d+)\s*[{UNITS}]?|{_QTY}\s*[{UNITS}]")
_WORD_CHARS = r"\u4e00-\u9fffA-Za-z"
_NAME_BEFORE_RE = re.compile(rf"([{_WORD_CHARS}\d]*[{_WORD_CHARS}])( ?)$")
_NAME_AFTER_RE = re.compile(rf"^( ?)的?\s?([{_WORD_CHARS}]+)")
_LEADING_VERBS_RE = re.compile(r"^(?:我|想|还|再|另|也|帮我|给我|麻烦|需要|要|买|拿|来|订|加|发|寄|一共|共|和|跟|及|还有)+")
_WORD_END_RE = re.compile(rf"[{NUMERAL_CHARS}\d]+[{UNITS}]?|和|跟|及|还有|再|加|先|试|送|给|用|吧|哈|呀|啊|的|了|就|也|都")
_SPEC_RE = re.compile(r"\s*(?:[(\[【].*?[)\]】]|\d+(?:\.\d+)?\s*(?:g|kg|ml|l|克|千克|毫升|升|片|粒|斤|支|袋|盒|瓶)\b.*)\s*$",
                      re.IGNORECASE)

_MONEY_NUMBER = rf"(?P<value>(?<![\d.])\d+(?:\.\d{{1,2}})?|(?<![{NUMERAL_CHARS}])[{NUMERAL_CHARS}]+)"
_TOTAL_WORDS = r"共计|总共|一共|合计|总计|总价|总额|实付|应付|付款|付了|转了|转账|金额|货款|共"
_AMOUNT_RES = (
    ("total", re.compile(rf"(?:{_TOTAL_WORDS})\s*[::]?\s*[¥￥$]?\s*{_MONEY_NUMBER}\s*"
                         rf"(?P<yuan>元|块钱|块|rmb)?(?![{UNITS}\d])",
                         re.IGNORECASE)),
    ("currency", re.compile(r"[¥￥$]\s*(?P<value>\d+(?:\.\d{1,2})?)(?!\d)(?:\s*元)?")),
    ("yuan", re.compile(rf"{_MONEY_NUMBER}\s*(?P<yuan>元|块钱|rmb|块(?![{_WORD_CHARS}]))", re.IGNORECASE)),
)
_PLACE_AFTER_RE = re.compile(r"[里路街区桥村镇巷道坊庄湖山]")
_PER_UNIT_RE = re.compile(rf"^\s*(?:/|一|每)\s*[{UNITS}]")


@dataclass(frozen=True)
class Found:
    """Something found in the text, with the span it came from."""

    value: Any  # money in fen, (rank, fen) while ranking, (product, quantity) for items; None for a taken span
    start: int
    end: int
    uncertain: bool = False


def _quantity(text: str) -> int | float | None:
    value = parse_number(text)
    if value is None or value <= 0 or value > 9999:
        return None
    return int(value) if value == int(value) else value


def find_amounts(text: str) -> list[Found]:
    """Money mentions, best first: totals (共128元) before ¥ amounts before bare yuan amounts. Value in fen."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for rank, (kind, regex) in enumerate(_AMOUNT_RES):
        for match in regex.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value_text = match.group("value")
            groups = match.groupdict()
            if not value_text[0].isdigit() and not groups.get("yuan"):
                continue  # 一共三 is a quantity; a Chinese numeral is money only with 元/块
            if not value_text[0].isdigit() and _PLACE_AFTER_RE.match(text[match.end():]):
                continue  # 三元里, 三元路, 五元桥: a place named with a numeral and 元
            if kind != "total" and _PER_UNIT_RE.match(text[match.end():]):
                continue  # 68元/瓶 is a unit price, not what was paid
            value = parse_number(value_text)
            if value is None or value > 10_000_000:
                continue
            taken.append(match.span())
            found.append(Found((rank, round(value * 100)), match.start(), match.end()))
    found.sort(key=lambda item: (item.value[0], -item.start))
    return [Found(item.value[1], item.start, item.end) for item in found]


def _product_keys(products: Sequence[str]) -> list[tuple[str, str]]:
    """(text to look for, product name) pairs: the full name and the name without its spec, longest first."""
    keys: dict[str, str] = {}
    for product in products:
        name = product.strip()
        if not name:
            continue
        keys.setdefault(name.lower(), name)
        short = _SPEC_RE.sub("", name).strip()
        if len(short) >= 2:
            keys.setdefault(short.lower(), name)
    return sorted(keys.items(), key=lambda pair: len(pair[0]), reverse=True)


def _resolve_product(word: str, products: Sequence[str]) -> tuple[str, bool]:
    """The product a free word names (蜂蜜 → 土蜂蜜 500g) and whether that is a guess."""
    lowered = word.lower()
    for key, product in _product_keys(products):
        if key == lowered:
            return product, False
    for length in range(len(lowered), 1, -1):  # 面膜先试试: the longest start of the word that fits
        part = lowered[:length]
        candidates = [p for key, p in _product_keys(products) if part in key or key in part]
        if candidates:
            return candidates[0], True
    return word, True


def find_items(text: str, products: Sequence[str] = ()) -> list[Found]:
    """Product mentions as Found((name, quantity)); names are the seller's product names where one fits."""
    lowered = text.lower()
    taken: list[tuple[int, int]] = []
    found: list[Found] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    mentions = []
    for key, product in _product_keys(products):
        for match in re.finditer(re.escape(key), lowered):
            if free(*match.span()):
                taken.append(match.span())
                mentions.append((match.start(), match.end(), product))
    for start, end, product in sorted(mentions):
        start, end, quantity = _named_quantity(text, start, end, free)
        taken.append((start, end))
        found.append(Found((product, quantity or 1), start, end, quantity is None))
    for match in _GENERIC_RE.finditer(text):
        if free(*match.span()) and (mention := _generic_mention(text, match, products, free)) is not None:
            taken.append((mention.start, mention.end))
            found.append(mention)
    found.sort(key=lambda item: item.start)
    return _merge_same_product(found)


def _named_quantity(text: str, start: int, end: int, free) -> tuple[int, int, int | float | None]:
    """The quantity written next to a product name at text[start:end], widening the span over it.

    A number right next to the name beats one after a space; between two, the one after the name wins
    unless the one before starts its phrase (两瓶蜂蜜三盒面膜 reads 两瓶 → 蜂蜜).
    """
    options = []
    after = _AFTER_NAME_RE.match(text[end:])
    if after and free(end + after.start(), end + after.end()):
        quantity = _quantity(after.group("qty1") or after.group("qty2"))
        if quantity is not None:
            spaced = text[end:end + 1].isspace()
            options.append(((not spaced, False), start, end + after.end(), quantity))
    before = _BEFORE_NAME_RE.search(text[:start])
    if before and free(before.start(), start):
        quantity = _quantity(before.group("qty"))
        if quantity is not None:
            spaced = text[start - 1:start].isspace()
            opens_phrase = before.start() == 0 or not re.match(rf"[{_WORD_CHARS}]", text[before.start() - 1])
            options.append(((not spaced, opens_phrase), before.start(), end, quantity))
    if not options:
        return start, end, None
    _, new_start, new_end, quantity = max(options, key=lambda option: option[0])
    return new_start, new_end, quantity


def _generic_mention(text: str, match: re.Match[str], products: Sequence[str], free) -> Found | None:
    """A quantity with a unit and the word next to it (蜂蜜两瓶, 两瓶蜂蜜, 牛肉干*4), if that word fits."""
    quantity = _quantity(match.group("times") or match.group("qty"))
    if quantity is None:
        return None
    start, end = match.span()
    options = []  # (fits a product, right next to the number, is before, word, span start, span end)
    before = _NAME_BEFORE_RE.search(text[:start])
    if before:
        word = _LEADING_VERBS_RE.sub("", _WORD_END_RE.split(before.group(1))[-1])
        word_start = before.end(1) - len(word)
        if len(word) >= 2 and free(word_start, start):
            options.append((word, not before.group(2), True, word_start, end))
    after = _NAME_AFTER_RE.match(text[end:])
    if after and match.group("times") is None:
        word = _LEADING_VERBS_RE.sub("", _WORD_END_RE.split(after.group(2))[0])
        if len(word) >= 2:
            word_end = end + after.start(2) + after.group(2).find(word) + len(word)
            options.append((word, not after.group(1), False, start, word_end))
    ranked = []
    for word, adjacent, is_before, span_start, span_end in options:
        product, guessed = _resolve_product(word, products)
        ranked.append(((product in products, adjacent, is_before), product, guessed, span_start, span_end))
    if not ranked:
        return None
    _, product, guessed, span_start, span_end = max(ranked, key=lambda option: option[0])
    return Found((product, quantity), span_start, span_end, guessed)


def _merge_same_product(found: list[Found]) -> list[Found]:
    merged: dict[str, Found] = {}
    spans: list[Found] = []
    for item in found:
        name, quantity = item.value
        if name in merged:
            previous = merged[name]
            merged[name] = Found((name, previous.value[1] + quantity), previous.start, previous.end,
                                 previous.uncertain or item.uncertain)
            spans.append(Found(None, item.start, item.end))
        else:
            merged[name] = item
    return list(merged.values()) + spans
