"""Lunar birthdays as sellers write them (core.excel.cleaning.parse_birthday): 农历八月十五, 阴历正月初八, 腊月廿三,
冬月初一, 1990年农历八月二十一, 八月十五（农历）, 闰四月初八, 一九九〇年十月一日.

A month and day written in Chinese numerals is read as a lunar date, with or without 农历 / 阴历 / 旧历 before or
after it: that is how people write a lunar birthday (a solar one is written in digits, 8月15日); 正月, 冬月 and 腊月
and days such as 初八, 廿三 exist only in the lunar calendar. A leap month (闰四月) is read as its month. Months
1–12, days 1–30 (a lunar month has 29 or 30 days)."""

from __future__ import annotations

import re

_NUMBERS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH_NAMES = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12}
_DIGIT = "一二三四五六七八九"
_WORDS = re.compile(
    rf"(?:(\d{{4}}|[〇零{_DIGIT}]{{4}})\s*年\s*)?闰?(正|冬|腊|十[一二]?|[{_DIGIT}])\s*月\s*"
    rf"(初[{_DIGIT}十]|二十[{_DIGIT}]?|十[{_DIGIT}]?|廿[{_DIGIT}]?|三十|卅|[{_DIGIT}](?=\s*[日号]))\s*[日号]?")
_MARK = r"(?:农历|阴历|旧历|lunar)"
_BEFORE = re.compile(rf"^(\d{{4}}\s*年|[〇零{_DIGIT}]{{4}}\s*年)?\s*{_MARK}\s*[:：]?\s*", re.I)
_AFTER = re.compile(rf"\s*[（(]?\s*{_MARK}\s*[)）]?$", re.I)


def lunar_marks(text: str) -> tuple[str, bool]:
    """The text without its 农历 / 阴历 / 旧历 mark (before the date, after its year, or after it in brackets), and
    whether it had one."""
    found = _BEFORE.match(text)
    if found:
        return (found.group(1) or "") + text[found.end():], True
    found = _AFTER.search(text)
    if found and found.start():
        return text[:found.start()], True
    return text, False


def _day(text: str) -> int:
    if text.startswith("初"):
        return _NUMBERS[text[1]]
    if text in ("三十", "卅"):
        return 30
    if text.startswith(("二十", "廿")):
        return 20 + (_NUMBERS[text[-1]] if text[-1] not in "十廿" else 0)
    if text.startswith("十"):
        return 10 + (_NUMBERS[text[1]] if len(text) > 1 else 0)
    return _NUMBERS[text]  # 一日 … 九日


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() and text.isascii() else int("".join(str(_NUMBERS[digit]) for digit in text))


def lunar_in_words(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a lunar date written in Chinese numerals (the whole text, its mark already
    taken off by ``lunar_marks``), or None when the text is not one."""
    found = _WORDS.fullmatch(text.strip())
    if not found:
        return None
    year, month, day = found.groups()
    return _year(year), _MONTH_NAMES.get(month) or _NUMBERS[month], _day(day)
