"""Lunar birthdays as sellers write them in words (core.excel.cleaning.parse_birthday): 农历八月十五, 阴历正月初八,
腊月廿三, 冬月初一, 1990年十一月三十.

A month and day written in Chinese numerals is read as a lunar date, with or without 农历 / 阴历 before it: that is
how people write a lunar birthday (a solar one is written in digits, 8月15日); 正月, 冬月 and 腊月 and days such as
初八, 廿三 exist only in the lunar calendar. Months 1–12, days 1–30 (a lunar month has 29 or 30 days)."""

from __future__ import annotations

import re

_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH_NAMES = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12}
_DIGIT = "一二三四五六七八九"
_WORDS = re.compile(
    rf"(?:(\d{{4}})\s*年\s*)?(正|冬|腊|十[一二]?|[{_DIGIT}])\s*月\s*"
    rf"(初[{_DIGIT}十]|十[{_DIGIT}]?|二十|廿[{_DIGIT}]?|三十|卅)\s*[日号]?")


def _day(text: str) -> int:
    if text.startswith("初"):
        return _NUMBERS[text[1]]
    if text in ("三十", "卅"):
        return 30
    if text in ("二十", "廿"):
        return 20
    if text.startswith("廿"):
        return 20 + _NUMBERS[text[1]]
    return 10 + (_NUMBERS[text[1]] if len(text) > 1 else 0)  # 十, 十五


def lunar_in_words(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a lunar date written in Chinese numerals (the whole text, 农历 / 阴历 already
    taken off), or None when the text is not one."""
    found = _WORDS.fullmatch(text.strip())
    if not found:
        return None
    year, month, day = found.groups()
    return (int(year) if year else None), _MONTH_NAMES.get(month) or _NUMBERS[month], _day(day)
