"""The search text's pinyin: the fast per-character path reads every name exactly as pypinyin does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from core import pinyin_table as pinyin_table_module
from core.pinyin_table import build_lines, table_path
from core.search import name_pinyin

_SURNAMES_AND_GIVEN = "王李张刘陈单曾解查仇区朴翟长重乐行朝芳伟娜敏静丽强磊军洋银行长城重庆"
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def _expected(name: str) -> tuple[str, str]:
    full = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
    return "".join(p[0] for p in full if p).lower(), "".join(full).lower()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(_SURNAMES_AND_GIVEN), _HAN), min_size=1, max_size=6))
def test_name_pinyin_matches_pypinyin(name):
    assert name_pinyin(name) == _expected(name)


def test_names_with_phrases_and_heteronyms_read_as_pypinyin_reads_them():
    # 重庆 and 银行 are phrases (chong / hang): the fast path must not read them letter by letter.
    for name in ("重庆", "银行", "长城", "单田芳", "曾小贤", "解晓东", "乐乐", "张伟", "朝阳区王芳"):
        assert name_pinyin(name) == _expected(name)
    assert name_pinyin("重庆")[1] == "chongqing"
    assert name_pinyin("张伟") == ("zw", "zhangwei")
    assert name_pinyin("Amy 王") == ("w", "wang")
    assert name_pinyin("Amy") == ("", "")


@pytest.mark.slow
def test_the_shipped_table_is_what_the_installed_pypinyin_reads():
    """resources/pinyin/names.txt is remade by scripts/build_pinyin.py after a pypinyin upgrade."""
    assert table_path().read_text(encoding="utf-8").splitlines() == build_lines()


def test_names_are_read_without_importing_pypinyin():
    """Not even a name holding a phrase read otherwise than its characters (重庆, 长江): pypinyin's dictionaries
    are ≈ 55 MB of the process's memory to its end (issue #18: an import's memory stays bounded)."""
    code = ("import sys; from core.search import name_pinyin; "
            "assert name_pinyin('张伟') == ('zw', 'zhangwei'), name_pinyin('张伟'); "
            "assert name_pinyin('重庆') == ('cq', 'chongqing'), name_pinyin('重庆'); "
            "assert name_pinyin('长江王') == ('cjw', 'changjiangwang'), name_pinyin('长江王'); "
            "assert 'pypinyin' not in sys.modules, 'pypinyin imported'")
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], check=True)


def test_every_phrase_read_otherwise_than_its_characters_is_read_as_pypinyin_reads_it_among_others():
    """Each of the table's 3,437 such phrases, alone and between dictionary phrases and characters drawn at random:
    the text is cut as lazy_pinyin cuts it (core.pinyin_table.Phrases) and read piece by piece."""
    import random

    from pypinyin.constants import PHRASES_DICT

    from core.pinyin_table import pinyin_table
    from core.search import _reading

    table = pinyin_table()
    assert table is not None and len(table.phrases) > 3000
    words, draw = sorted(PHRASES_DICT), random.Random(18)
    for phrase in sorted(table.phrases):
        for text in (phrase, *("".join(draw.choice(words) if draw.random() < 0.5 else chr(draw.randint(0x4E00, 0x9FFF))
                                       for _ in range(draw.randint(0, 2))) + phrase
                               + "".join(draw.choice(words) for _ in range(draw.randint(0, 2))) for _ in range(2))):
            assert _reading(text) == lazy_pinyin(text, style=Style.NORMAL, errors="ignore"), text


def test_without_a_usable_table_pypinyin_reads_every_name(monkeypatch):
    monkeypatch.setattr(pinyin_table_module, "table_path", lambda: Path("/nonexistent/names.txt"))
    pinyin_table_module.pinyin_table.cache_clear()
    name_pinyin.cache_clear()
    try:
        for name in ("重庆", "张伟", "朝阳区王芳", "Amy 王"):
            assert name_pinyin(name) == _expected(name)
    finally:
        pinyin_table_module.pinyin_table.cache_clear()
        name_pinyin.cache_clear()
