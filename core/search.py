"""Customer search: the indexed search text written at save time, and the query that scans it.

`search_text` is lowercase "name|real name|pinyin initials|full pinyin|phones|wechat|buyer id|qq"
(fields joined by "|" so a query never matches across two fields, each part once). A query is one
substring match (`contains_sql`) over that indexed column: SQLite scans the narrow index instead of the
table (covering index scan), which keeps a 100,000-customer book under the 30 ms p95 target. Tags are matched
exactly by name.
Pinyin is what pypinyin reads, from a table of its readings and phrases (core.pinyin_table: importing pypinyin
is slow, and its dictionaries hold ≈ 55 MB to the process's end), and cached per name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable

from sqlalchemy import func

from core.pinyin_table import phrases, pinyin_table

_SEP = "|"
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]")


@functools.lru_cache(maxsize=65536)
def name_pinyin(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese characters in a name: 张伟 → ("zw", "zhangwei")."""
    han = _NON_HAN.sub("", name or "")
    if not han:
        return "", ""
    full = _reading(han)
    initials = "".join(p[0] for p in full if p)
    return initials.lower(), "".join(full).lower()


_char_readings: dict[str, str] = {}


def _reading(han: str) -> list[str]:
    """pypinyin's lazy_pinyin of Chinese characters (NORMAL style), with a fast path giving the same result.

    lazy_pinyin segments a text on its phrase dictionary and reads a phrase as a whole; a text with no
    phrase read otherwise than its characters (most names) reads character by character. Both are read
    from core.pinyin_table without importing pypinyin (0.25–0.4 s, ≈ 55 MB held): a text holding such a phrase is
    cut as lazy_pinyin cuts it (``Phrases.cut``) and each piece read (tests/core/test_search_pinyin.py compares them).
    Without a usable table, lazy_pinyin reads the texts holding a phrase; phrases are looked up in pypinyin's own
    dictionary and single characters read once each through it (~1 µs instead of ~50 µs)."""
    table = pinyin_table()
    odd: Container[str]
    if table is not None:
        odd, readings = table.phrases, table.readings
    else:
        from pypinyin.constants import PHRASES_DICT

        odd, readings = PHRASES_DICT, _char_readings
    size = len(han)
    pieces: Iterable[str] = han
    if any(han[start:end] in odd for start in range(size - 1) for end in range(start + 2, size + 1)):
        cutter = phrases()
        if table is None or cutter is None:
            return _lazy_pinyin(han)
        pieces = cutter.cut(han)
    read: list[str] = []
    for piece in pieces:
        if len(piece) > 1 and table is not None and piece in table.phrases:
            read += table.phrases[piece]
            continue
        for char in piece:
            reading = readings.get(char)
            if reading is None:
                reading = _char_readings[char] = "".join(_lazy_pinyin(char))
            if reading:
                read.append(reading)
    return read


def _lazy_pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors="ignore")


def build_search_text(*, name: str = "", real_name: str = "", phones: tuple[str, ...] = (),
                      wechat_id: str = "", platform_buyer_id: str = "", qq: str = "") -> tuple[str, str]:
    """(search_text, name_initials) for a customer; see the module docstring for the layout."""
    parts = [name, real_name]
    initials = []
    for n in (name, real_name):
        ini, full = name_pinyin(n)
        if ini:
            parts += [ini, full]
            initials.append(ini)
    parts += [p for p in phones if p]
    parts += [wechat_id, platform_buyer_id, qq]
    # dict.fromkeys keeps the first of each repeated part (name = real name is common): a shorter
    # text is a narrower index, and every search scans all of it
    unique = dict.fromkeys([text for part in parts if part and (text := part.strip().lower())])
    return _SEP.join(unique), (initials[0] if initials else "")


def normalize_query(query: str) -> str:
    """The lowercase, trimmed query; digits-only queries lose spaces and dashes (phone fragments)."""
    q = (query or "").strip().lower()
    if q and re.fullmatch(r"[\d\s\-+]+", q):
        q = re.sub(r"\D", "", q)
    return q


def contains_sql(column, query: str, dialect: str):
    """A SQL condition: `column` contains `query` as a literal substring (no wildcards, no escaping).

    SQLite gets instr(): on the full scan of the search_text index it costs ~40% less CPU than
    LIKE '%q%' (measured on the 100k demo book: 14.7 ms vs 24 ms per scan). Other databases get LIKE.
    """
    if dialect == "sqlite":
        return func.instr(column, query) > 0
    return column.like(like_pattern(query), escape="\\")


def like_pattern(query: str) -> str:
    """A LIKE pattern matching the query anywhere, with %, _ and the escape char escaped."""
    q = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{q}%"
