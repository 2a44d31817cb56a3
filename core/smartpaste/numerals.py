"""Chinese numerals (两, 俩, 十二, 一百二十八) and Arabic digits as integers."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(MULTIPLIERS)
# One quantity or amount as written: Arabic (with decimals) or a run of Chinese numeral characters.
# It only starts where a run starts, which also keeps long digit runs from costing quadratic time.
NUMBER_PATTERN = rf"(?:(?<![\d.])\d+(?:\.\d+)?|(?<![{NUMERAL_CHARS}])[{NUMERAL_CHARS}]+)"
# The same before a unit: the shortest Chinese run, so that in 三两 the 两 is the unit (liang), not a digit.
UNIT_NUMBER_PATTERN = rf"(?:(?<![\d.])\d+(?:\.\d+)?|(?<![{NUMERAL_CHARS}])[{NUMERAL_CHARS}]+?)"
_NUMBER_RE = re.compile(rf"^{NUMBER_PATTERN}$")


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 十二, 一百零五, 两千 or 二五 (digit by digit); None if invalid."""
    if not text or any(ch not in DIGITS and ch not in MULTIPLIERS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        if any(ch in "两俩仨" for ch in text):
            return None  # 两 and 俩 are never digits of a number read digit by digit
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, section, pending = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            if pending and DIGITS[ch] != 0:
                return None  # two digits in a row inside a positional numeral: 十二三
            pending = DIGITS[ch]
        elif ch == "万":
            section += pending or 0
            total += (section or 1) * 10000
            section, pending = 0, None
        else:
            section += (1 if pending is None else pending) * MULTIPLIERS[ch]
            pending = None
    return total + section + (pending or 0)


def parse_number(text: str) -> float | None:
    """Value of Arabic digits (12, 12.5) or a Chinese numeral (十二); None when *text* is neither."""
    text = text.strip()
    if not _NUMBER_RE.match(text):
        return None
    if text[0].isdigit():
        return float(text)
    value = chinese_to_int(text)
    return None if value is None else float(value)
