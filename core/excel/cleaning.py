"""Cell cleaning: text quirks, dates, money, quantities, tags, genders and platform statuses."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.book.values import SOURCE_CHANNEL_VALUES
from core.errors import CellRejected
from core.excel.lunar_words import lunar_in_words, lunar_marks
from core.phones import is_masked_phone, normalize_phone

_FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {"\u3000": " ", "\u00a0": " ", "\ufeff": "", "\u200b": "", "．": ".", "：": ":", "－": "-", "／": "/"}
)
# Anything clean_text would change: padding, ="…", apostrophe, tabs, full-width or invisible characters.
_NEEDS_CLEANING = re.compile(r"^[\s'=]|\s$|[\t\u3000\u00a0\ufeff\u200b\uff10-\uff19．：－／]|^$")
_FORMULA_TEXT = re.compile(r'^="(.*)"$', re.S)
# Integers stored as numbers keep at most 15 significant digits in Excel: anything longer was rounded.
_EXACT_DIGITS = 15
_WRITTEN_OUT_ROUNDED = _EXACT_DIGITS + 3  # digits written out from here on, zeros past the 15th: Excel rounded them
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def clean_text(value: object) -> str:
    """Return the cell as clean text: ="…" unwrapped, leading apostrophe, tabs and padding removed,
    full-width digits and spaces made half-width; integer-valued numbers lose their ".0"."""
    if type(value) is str and not _NEEDS_CLEANING.search(value):
        return value  # the common case: already clean text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).translate(_FULLWIDTH).replace("\t", " ").strip()
    found = _FORMULA_TEXT.match(text)
    if found:
        text = found.group(1).strip()
    if text.startswith("'"):
        text = text[1:].lstrip()
    return text


_ROUNDED_NUMBER_TEXT = re.compile(r"\d+(\.\d+)?[eE]\+?\d+")  # 3.51531E+17: the digits are gone


def clean_identifier(value: object) -> str:
    """Text of an identifier (order number, tracking number); refuses numbers Excel already rounded."""
    if type(value) is str and value.isascii() and value.isdigit():
        return value  # the exports' usual order number: nothing to clean, nothing rounded
    if isinstance(value, float) and not value.is_integer():
        raise CellRejected("number_invalid", value=repr(value))
    if isinstance(value, float | int) and not isinstance(value, bool) and abs(value) >= 10**_EXACT_DIGITS:
        raise CellRejected("precision_lost", value=f"{value:.6g}")
    text = clean_text(value)
    if _ROUNDED_NUMBER_TEXT.fullmatch(text):
        raise CellRejected("precision_lost", value=text)
    return text


ROUNDED = "~"  # first character of a line number Excel rounded (line_number)


def line_number(value: object, shows_rounding: Callable[[], bool] | None = None) -> str:
    """An order line's own number (Douyin's 子订单编号), or "" when it is none. One Excel rounded to 15 significant
    digits (4.91234567890123E+18, or its digits written out, 4912345678901230000) is never refused: it is kept as
    a rounded number — ``ROUNDED``, its significant digits, "/" and its length (~491234567890123/19) —, which is
    no line's number (two lines may share it) but may tell which exact number it was (core.excel.line_states.
    rounds_to). A text of 18 or more digits with zeros only past the 15th may be either (a real one ending in 0000:
    one in 10,000): it is exact when the exporter protected it from Excel (="…", an apostrophe, tab padding: Excel
    writes bare digits) or its column does not show rounding (``shows_rounding``: column_shows_rounding), else (or
    read alone) rounded."""
    try:
        text = clean_identifier(value)
    except CellRejected:
        return _rounded_number(value)
    if (len(text) >= _WRITTEN_OUT_ROUNDED and text.isdigit() and not text[_EXACT_DIGITS:].strip("0")
            and not (type(value) is str and value != text)
            and (shows_rounding is None or shows_rounding())):
        return _rounded_number(text)
    return text


_CHANCE = 10  # written-out numbers ending in zeros past the 15th digit: rounding when at least 1 in this many


def column_shows_rounding(cells: Iterable[object], typed: bool = False) -> bool:
    """Whether a column of line numbers (line_number) shows Excel rounded it: a number cell past 15 digits or a text
    in E notation, or — in a text file (not ``typed``: a workbook's text cell is text, which Excel never rounds) —
    bare long numbers (over 15 digits) ending in zeros past the 15th more than chance gives: all of them (a CSV
    Excel saved), or two or more and one in ``_CHANCE`` (one pasted beside an exact export)."""
    long = zeros = 0
    for cell in cells:
        if type(cell) is str:
            bare = cell.isascii() and cell.isdigit()  # (the common cell: nothing to clean)
            text = cell if bare else clean_text(cell)
            if bare or text.isdigit():
                if len(text) > _EXACT_DIGITS:
                    long += 1
                    zeros += bare and len(text) >= _WRITTEN_OUT_ROUNDED and not text[_EXACT_DIGITS:].strip("0")
            elif _ROUNDED_NUMBER_TEXT.fullmatch(text):
                return True
        elif isinstance(cell, float | int) and not isinstance(cell, bool) and abs(cell) >= 10**_EXACT_DIGITS:
            return True
    return not typed and (zeros == long or (zeros >= 2 and zeros * _CHANCE >= long))


def _rounded_number(value: object) -> str:
    """``value`` (a number Excel rounded, or its text) as a rounded line number (line_number), "" if it is none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{float(value):.{_EXACT_DIGITS}g}"  # (a number cell keeps 15 digits)
    else:
        text = clean_text(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return ""
    if not number.is_finite() or number <= 0:
        return ""
    _sign, digits, exponent = number.normalize().as_tuple()
    if not isinstance(exponent, int) or exponent < 0 or len(digits) > _EXACT_DIGITS:
        return ""  # not a whole number, or digits that were not rounded
    return f"{ROUNDED}{''.join(map(str, digits))}/{len(digits) + exponent}"


def line_state_text(value: object) -> str:
    """A line's state as our export writes it (子订单状态: ``order_item.line_state``, JSON of a status, an
    after-sale status, amounts and the line's quantity and prices: core.excel.line_states), or "" when the cell
    is empty or not such a state (the line then has none: it counts by its amount, core.excel.sub_orders)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    import json

    try:
        status, after_sale, amounts, line = json.loads(value)
    except (ValueError, TypeError):
        return ""
    texts = all(isinstance(text, str) for text in (status, after_sale))
    money = isinstance(amounts, dict) and all(isinstance(amount, int) for amount in amounts.values())
    return value.strip() if texts and money and isinstance(line, list) else ""


def line_numbers(value: object, shows_rounding: Callable[[], bool] | None = None) -> str:
    """The sub-order numbers of our export's 已删子订单编号 cell (``orders.removed_line_refs``: one a line), as
    the book keeps them: one a line, sorted, without repeats; "" when there is none (each as line_number reads it)."""
    numbers = {line_number(part, shows_rounding) for part in re.split(r"[\s,，、;；]+", clean_text(value)) if part}
    return "\n".join(sorted(number for number in numbers if number))


# ---------------------------------------------------------------- dates

_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[\sT]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_MONTH_DAY_CN = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_AMBIGUOUS = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_in(text: str) -> int | None:
    """A plausible four-digit year found in a file or sheet name (2024年5月 → 2024), else None."""
    found = _YEAR.search(text or "")
    return int(found.group(1)) if found else None


def _build(year: int, month: int, day: int, time: tuple[str | None, ...] = (), raw: object = "") -> dt.datetime:
    hour, minute, second = (int(part) if part else 0 for part in (*time, None, None, None)[:3])
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise CellRejected("date_invalid", value=str(raw)) from None


def _from_serial(serial: float, raw: object) -> dt.datetime:
    if not 1 <= serial < 2958466:
        raise CellRejected("date_invalid", value=str(raw))
    moment = _EXCEL_EPOCH + dt.timedelta(days=serial)
    return moment.replace(microsecond=0) if moment.microsecond < 500000 else (
        moment + dt.timedelta(seconds=1)).replace(microsecond=0)


def parse_datetime(value: object, year_hint: int | None = None) -> dt.datetime | None:
    """Read a date or date-time cell; None when empty.

    Accepts real dates, Excel serial numbers, 2024-05-03 [10:00[:00]], 2024/5/3, 2024.5.3, 2024年5月3日,
    20240503 and 5月3日 (only with ``year_hint``). Ambiguous forms such as 03/05/2024 (day or month
    first?) or 5/3 raise ``CellRejected("date_ambiguous")`` instead of being guessed.
    """
    if type(value) is str and len(value) == 19 and value[4] == "-" and value[13] == ":" and value[16] == ":":
        try:  # the exports' usual 2017-07-08 00:42:32, read by the C parser (clean_text would not change it)
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _local(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, dt.time):
        raise CellRejected("date_invalid", value=value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            digits = str(int(value))
            return _build(int(digits[:4]), int(digits[4:6]), int(digits[6:]), raw=value)
        return _from_serial(float(value), value)
    text = clean_text(value)
    if not text:
        return None
    if len(text) >= 10 and text[4] == "-":
        try:  # the exports' usual 2017-07-08 00:42:32, read by the C parser; and ISO times with an offset
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                if not _OFFSET_TIME.fullmatch(text):  # 10:00-12:00 is a time range, not 10:00 at UTC-12
                    raise CellRejected("date_invalid", value=text)
                return _local(moment).replace(microsecond=0)
            if len(text) in (10, 19):
                return moment
    for pattern in (_YMD, _COMPACT):
        found = pattern.match(text)
        if found:
            year, month, day, *time = found.groups()
            return _build(int(year), int(month), int(day), tuple(time), raw=text)
    found = _MONTH_DAY_CN.match(text)
    if found:
        if year_hint is None:
            raise CellRejected("date_without_year", value=text)
        return _build(year_hint, int(found.group(1)), int(found.group(2)), raw=text)
    found = _AMBIGUOUS.match(text)
    if found:
        first, second, year = int(found.group(1)), int(found.group(2)), found.group(3)
        if year is not None and len(year) == 4 and first > 12 >= second:
            return _build(int(year), second, first, raw=text)
        if year is not None and len(year) == 4 and second > 12 >= first:
            return _build(int(year), first, second, raw=text)
        raise CellRejected("date_ambiguous", value=text)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _from_serial(float(text), text)
    raise CellRejected("date_invalid", value=text)


# An offset is Z or +hh[:mm] after the time; a minus sign only after full seconds (10:00-12:00 is a range).
_OFFSET_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|\+\d{2}(?::?\d{2})?)"
                          r"|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?-\d{2}(?::?\d{2})?")


def _local(moment: dt.datetime) -> dt.datetime:
    """The book keeps naive local times: a time with a UTC offset is moved to this computer's time zone."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone().replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        raise CellRejected("date_invalid", value=moment.isoformat(sep=" ")) from None


def parse_date(value: object, year_hint: int | None = None) -> dt.date | None:
    """Like :func:`parse_datetime` but returns the calendar date only."""
    moment = parse_datetime(value, year_hint)
    return moment.date() if moment else None


_LUNAR_DATE = re.compile(r"(?:(\d{4})\s*[-/.年])?\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_TRUE_WORDS = frozenset({"是", "yes", "y", "true", "1", "√", "✓", "✔", "对", "有"})
_FALSE_WORDS = frozenset({"否", "no", "n", "false", "0", "×", "✗", "无", "不是"})


def parse_bool(value: object) -> bool | None:
    """A yes/no cell (是 / 否, yes / no, true / false, 1 / 0, ✓); None when empty."""
    if isinstance(value, bool):
        return value
    text = clean_text(value).lower()
    if not text:
        return None
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    raise CellRejected("value_invalid", value=text)


_ON_SALE_WORDS = {"在售": True, "上架": True, "在架": True, "on sale": True, "active": True, "停售": False, "下架": False,
                  "已下架": False, "停产": False, "discontinued": False, "inactive": False}


DELETED = "deleted"  # a products sheet's row of a product the seller deleted (parse_on_sale)
_DELETED_WORDS = frozenset({"已删除", "删除", "deleted"})


def parse_on_sale(value: object) -> bool | str | None:
    """A product's status as our export writes it (在售 / 停售, on sale / discontinued) or a yes/no cell;
    ``DELETED`` for a product the seller deleted (已删除 / deleted: core.excel.writer); None when empty."""
    text = clean_text(value).lower()
    if text in _DELETED_WORDS:
        return DELETED
    return _ON_SALE_WORDS[text] if text in _ON_SALE_WORDS else parse_bool(text)


def parse_birthday(value: object) -> tuple[int | None, int, int, bool] | None:
    """(year or None, month, day, lunar) of a birthday; 5月3日 / 05-03 without a year are fine here.
    "农历 1990-02-30" / "lunar 02-30" is a lunar (农历) birthday: months 1–12, days 1–30; so is a month and day in
    Chinese numerals, 农历 written or not (农历八月十五, 正月初八: core.excel.lunar_words)."""
    text = clean_text(value) if isinstance(value, str) else ""
    rest, lunar = lunar_marks(text)  # 农历八月十五, 八月十五（农历）, 腊月廿三 (core.excel.lunar_words)
    in_words = lunar_in_words(rest)
    if in_words:
        return (*in_words, True)
    if lunar:
        found = _LUNAR_DATE.fullmatch(rest)
        if not found or not (1 <= int(found.group(2)) <= 12 and 1 <= int(found.group(3)) <= 30):
            raise CellRejected("date_invalid", value=text)
        return (int(found.group(1)) if found.group(1) else None), int(found.group(2)), int(found.group(3)), True
    found = _MONTH_DAY_CN.match(text) or re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
    if found:
        month, day = int(found.group(1)), int(found.group(2))
        try:
            dt.date(2000, month, day)
        except ValueError:
            raise CellRejected("date_invalid", value=text) from None
        return None, month, day, False
    day_value = parse_date(value)
    return (day_value.year, day_value.month, day_value.day, False) if day_value else None


# ---------------------------------------------------------------- numbers

_PLAIN_MONEY = re.compile(r"(\d{1,10})(?:\.(\d{1,2}))?$")
_MONEY_NOISE = re.compile(r"[¥￥元,，\s]|RMB|CNY", re.I)


def _decimal(value: object, code: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellRejected(code, value=str(value))
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise CellRejected(code, value=repr(value))
        return number
    text = _MONEY_NOISE.sub("", clean_text(value))
    if not text or text in {"-", "--"}:
        return None
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellRejected(code, value=str(value)) from None
    if not number.is_finite():
        raise CellRejected(code, value=str(value))
    return number


def parse_cents(value: object) -> int | None:
    """Money in yuan (201.12, ¥1,234.5, 88元, full-width digits) → integer fen; None when empty."""
    if type(value) is str:
        plain = _PLAIN_MONEY.match(value)
        if plain:  # the exports' usual 201.12, without Decimal
            return int(plain.group(1)) * 100 + int((plain.group(2) or "").ljust(2, "0"))
    number = _decimal(value, "amount_invalid")
    if number is None:
        return None
    if abs(number) >= Decimal(10) ** 12:
        raise CellRejected("amount_invalid", value=str(value))
    return int((number * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_quantity(value: object) -> int | None:
    """A positive whole quantity (2, 2.0, "2件"); zero, negative or fractional values are rejected."""
    if isinstance(value, str):
        value = re.sub(r"[件个盒瓶包袋套份支罐只箱斤]$", "", clean_text(value))
    number = _decimal(value, "quantity_invalid")
    if number is None:
        return None
    if number <= 0:
        raise CellRejected("quantity_negative", value=str(value))
    if number != number.to_integral_value() or number > 10**6:
        raise CellRejected("quantity_invalid", value=str(value))
    return int(number)


def parse_int(value: object) -> int | None:
    """A whole number such as a cycle in days (30, 30.0, "30天"); None when empty."""
    if isinstance(value, str):
        value = re.sub(r"\s*(天|日|days?)$", "", clean_text(value), flags=re.I)
    number = _decimal(value, "number_invalid")
    if number is None:
        return None
    if number != number.to_integral_value() or abs(number) > 10**6:
        raise CellRejected("number_invalid", value=str(value))
    return int(number)


# ---------------------------------------------------------------- phones


@dataclass(frozen=True, slots=True)
class PhoneCell:
    """One phone found in a cell: ``text`` as it should be shown, ``key`` the identity ("" if none)."""

    text: str
    key: str
    masked: bool


_PLAIN_MOBILE = re.compile(r"1[3-9]\d{9}")
_PHONE_SPLIT = re.compile(r"[/,，;；、|]+")


def parse_phones(value: object) -> list[PhoneCell]:
    """Every phone in a cell (several may be separated by / , ; 、). A landline typed as a number lost
    its leading zero (2088889999) and gets it back; masked numbers keep their text and have no key."""
    if value is None or value == "":
        return []
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = clean_text(value)
        key = normalize_phone(text) or (normalize_phone("0" + text) if not text.startswith(("0", "1")) else "")
        return [PhoneCell(key or text, key, False)]
    if type(value) is str:
        plain = value[1:] if value.startswith("'") else value  # Taobao's '18000000000
        if _PLAIN_MOBILE.fullmatch(plain):
            return [PhoneCell(plain, plain, False)]
    found = []
    for part in _PHONE_SPLIT.split(clean_text(value)):
        part = part.strip()
        if part:
            masked = is_masked_phone(part)
            key = "" if masked else normalize_phone(part)
            found.append(PhoneCell(key or part, key, masked))
    return found


# ---------------------------------------------------------------- words


MASK_CHARACTERS = "*＊●"  # what platforms hide a name's or an address's characters with


def is_masked_name(text: str) -> bool:
    """True for a name a platform masked for privacy (周**, *杰, 周*伦): never an identity, and never a
    replacement for a real name."""
    return "*" in text or "＊" in text or "●" in text  # (MASK_CHARACTERS spelled out: called for every row)


_TAG_SPLIT = re.compile(r"[，、;；/,|\s]+")


def split_tags(value: object) -> list[str]:
    """Tags separated by ，、 ; / , | or spaces, without empties or repeats, order kept."""
    return _distinct_tags(_TAG_SPLIT.split(clean_text(value)))


_LISTED_TAG_SPLIT = re.compile(r"\s*[、\n]\s*")


def split_listed_tags(value: object) -> list[str]:
    """The tags of our export's cell: joined by 、 (or one a line), each kept whole — spaces, commas and
    slashes are part of a tag's name there — without empties or repeats, order kept."""
    return _distinct_tags(_LISTED_TAG_SPLIT.split(clean_text(value)))


def _distinct_tags(tags: list[str]) -> list[str]:
    return list(dict.fromkeys(tag[:40] for tag in tags if tag))


_GENDERS = {
    "男": "male", "男性": "male", "先生": "male", "m": "male", "male": "male", "man": "male",
    "女": "female", "女性": "female", "女士": "female", "小姐": "female", "f": "female",
    "female": "female", "woman": "female",
}


def parse_gender(value: object) -> str:
    """male / female, or "" when unknown (保密, 未知, empty)."""
    return _GENDERS.get(clean_text(value).lower(), "")


STATUSES = ("unpaid", "paid", "shipped", "delivered", "completed", "refunded", "partial_refund", "closed")

_STATUS_WORDS = {
    # ours (also what the export writes)
    "待付款": "unpaid", "已付款待发货": "paid", "已发货": "shipped", "已签收": "delivered",
    "交易成功": "completed", "已退款": "refunded", "部分退款": "partial_refund", "交易关闭": "closed",
    # Taobao / Tmall
    "等待买家付款": "unpaid", "买家已付款，等待卖家发货": "paid", "卖家已发货，等待买家确认": "shipped",
    "交易被淘宝关闭": "closed", "没有创建支付宝交易": "unpaid", "买家已签收": "delivered",
    "卖家部分发货": "shipped",
    # Pinduoduo
    "待支付": "unpaid", "待发货": "paid", "已发货，待签收": "shipped", "未发货，退款成功": "refunded",
    "已发货，退款成功": "refunded", "已取消": "closed", "待成团": "paid",
    # Douyin / Youzan
    "备货中": "paid", "已完成": "completed", "已关闭": "closed", "部分发货": "shipped", "已支付": "paid",
    "待收货": "shipped", "退款成功": "refunded",
}


@functools.lru_cache(maxsize=256)
def _status_of_text(text: str) -> str | None:
    if text.lower() in STATUSES:
        return text.lower()
    key = text.replace(",", "，").replace(" ", "")
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    rules = (
        ("部分退款", "partial_refund"), ("退款成功", "refunded"), ("已退款", "refunded"),
        ("关闭", "closed"), ("取消", "closed"), ("成功", "completed"), ("完成", "completed"),
        ("签收", "delivered"), ("已发货", "shipped"), ("待发货", "paid"), ("已付款", "paid"),
        ("付款", "unpaid"), ("支付", "unpaid"),
    )
    return next((status for word, status in rules if word in key), None)


def map_status(value: object) -> str | None:
    """Map a platform's order status wording onto our vocabulary (:data:`STATUSES`); None if unknown."""
    if type(value) is str:
        return _status_of_cell(value)
    text = clean_text(value)
    return _status_of_text(text) if text else None


@functools.lru_cache(maxsize=1024)
def _status_of_cell(value: str) -> str | None:
    """map_status of a text cell: an import asks for every order, of a few words."""
    text = clean_text(value)
    return _status_of_text(text) if text else None


# How far an order (or a Douyin line) went: an older export's state is behind a newer one's. Closed is final (an
# unpaid order closed is never paid, a paid one never unpaid again); refunded and closed are as far.
STATUS_RANK = {"unpaid": 0, "paid": 1, "shipped": 2, "delivered": 3, "completed": 4, "partial_refund": 5,
               "refunded": 6, "closed": 6}


def status_behind(book_status: str | None, status: str | None) -> bool:
    """Whether ``status`` (an import's) is behind the book's ``book_status`` — an older export read after a newer
    one, or after the seller set the order further on in the app: it then replaces neither the book's status nor
    its money (paid, refund). Two states as far (refunded and closed) are not behind each other: the later import
    wins; an unknown status is never behind."""
    if book_status not in STATUS_RANK or status not in STATUS_RANK:
        return False
    return STATUS_RANK[status] < STATUS_RANK[book_status]


def map_after_sale(value: object, paid_cents: int | None, refund_cents: int | None) -> str | None:
    """Status implied by an after-sales column (售后状态, 订单退款状态) and the refunded amount."""
    text = clean_text(value)
    refunded = bool(refund_cents and refund_cents > 0)
    if not refunded and "退款成功" not in text and "已退款" not in text:
        return None
    if refund_cents and paid_cents and 0 < refund_cents < paid_cents:
        return "partial_refund"
    return "refunded"


_SOURCE_WORDS = {
    "朋友圈": "moments", "qq空间": "qzone", "微博": "weibo", "淘宝": "taobao", "天猫": "taobao", "微店": "weidian",
    "拼多多": "pinduoduo", "抖音": "douyin", "转介绍": "referral", "介绍": "referral", "老客介绍": "referral",
}


def with_kept_lines(note: str, lines: list[str]) -> str:
    """The note with every kept-column line it does not hold yet added below it (importing the same file
    again adds nothing)."""
    missing = [line for line in lines if line not in note]
    return "\n".join(part for part in (note, *missing) if part)


def source_channel(text: str) -> str:
    """Our source-channel code for what the seller wrote (朋友圈 → moments); unknown words → other."""
    key = text.strip().lower()
    if key in SOURCE_CHANNEL_VALUES:
        return key
    return _SOURCE_WORDS.get(key, "other") if key else ""
