"""The pinyin of names without importing pypinyin: a table of what pypinyin itself reads, shipped with the app.

Importing pypinyin costs 0.25–0.4 s CPU (its phrase and character dictionaries are JSON loaded at import), paid
by every command-line import and by the first customer saved in the app. `core.search` reads a name from
``resources/pinyin/names.txt`` instead: each character's reading (`lazy_pinyin(char, Style.NORMAL)`, one per
character) and the phrases whose whole reading is not their characters' readings one after another (3,437 of
pypinyin's 47,111: 一了 yi liao, 重庆 chong qing…), with that reading. A text holding none of those phrases is read
exactly as lazy_pinyin reads it: lazy_pinyin cuts it into dictionary phrases and single characters, and each of
those pieces reads as its characters do. A text holding one is cut as lazy_pinyin cuts it (`Phrases.cut`: pypinyin's
forward maximum matching on its phrase dictionary, whose other 43,674 phrases the table lists last, read only then)
and each piece read: pypinyin is not imported either (its dictionaries are ≈ 55 MB of a process's memory, held to
its end: issue #18, an import's memory bound). tests/core/test_search_pinyin.py compares them.

The table names the pypinyin version it was made from; it is used only when that version is installed (else
core.search imports pypinyin as before). `python scripts/build_pinyin.py` remakes it after an upgrade.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from core.book.paths import bundle_root

HAN_FIRST, HAN_LAST = 0x4E00, 0x9FFF  # the characters core.search reads (its _NON_HAN keeps only these)
_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


def table_path() -> Path:
    return bundle_root() / "resources" / "pinyin" / "names.txt"


@dataclass(frozen=True, slots=True)
class PinyinTable:
    """readings: character → its reading ("" for a character pypinyin does not read); phrases: the phrases
    read otherwise than character by character, with their readings; longest: the longest of those phrases."""

    readings: dict[str, str]
    phrases: dict[str, tuple[str, ...]]
    longest: int


class Phrases:
    """pypinyin's phrase dictionary as its lazy_pinyin cuts a text with it (pypinyin.seg.mmseg.Seg with
    ``no_non_phrases``: the longest phrase from the start among the texts that begin a phrase, else one character)."""

    __slots__ = ("_prefixes", "_words")

    def __init__(self, words: frozenset[str]) -> None:
        self._words = words
        self._prefixes = frozenset(word[:end] for word in words for end in range(1, len(word) + 1))

    def cut(self, text: str) -> list[str]:
        """The pieces of ``text`` (Chinese characters only) as lazy_pinyin reads them one by one."""
        pieces: list[str] = []
        prefixes, words = self._prefixes, self._words
        remain = text
        while remain:
            last = ""
            for index in range(len(remain)):
                word = remain[:index + 1]
                if word not in prefixes:
                    break
                if word in words:
                    last = word
            else:  # (every start of what remains begins a phrase)
                if last:
                    pieces.append(last)
                    remain = remain[len(last):]
                    continue
                pieces.extend(remain if remain not in words else (remain,))
                break
            if last:
                pieces.append(last)
                remain = remain[len(last):]
            else:
                pieces.append(remain[0])
                remain = remain[1:]
        return pieces


@functools.cache
def phrases() -> Phrases | None:
    """Every phrase of pypinyin's dictionary (the table's phrase lines), read once a text holds one of those read
    otherwise than character by character; None without a usable table."""
    if pinyin_table() is None:
        return None
    words = []
    for line in table_path().read_text(encoding="utf-8").splitlines():
        if line.startswith(("=", "+")):
            words.append(line[1:].split(" ", 1)[0])
    return Phrases(frozenset(words))


@functools.cache
def pinyin_table() -> PinyinTable | None:
    """The table, or None when it is missing, unreadable or made from another pypinyin than the installed one."""
    try:
        lines = table_path().read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if not lines or lines[0] != f"pypinyin {installed_pypinyin()}":
        return None
    readings: dict[str, str] = {}
    odd: dict[str, tuple[str, ...]] = {}
    for line in lines[1:]:
        if line.startswith("+"):  # (the other phrases, last: Phrases)
            break
        if line.startswith("="):
            phrase, *syllables = line[1:].split(" ")
            odd[phrase] = tuple(syllables)
        else:
            reading, _, chars = line.partition(" ")
            readings.update(dict.fromkeys(chars, reading))
    return PinyinTable(readings, odd, max(map(len, odd), default=0))


def installed_pypinyin() -> str | None:
    """pypinyin's version read from its __init__.py (importing it is what the table saves), else from the
    package metadata; None when neither can be read (a bundle without either: pypinyin is then used)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypinyin")
        if spec is not None and spec.origin:
            found = _VERSION.search(Path(spec.origin).read_text(encoding="utf-8"))
            if found:
                return found.group(1)
    except (OSError, ImportError, ValueError):
        pass
    try:
        from importlib.metadata import version

        return version("pypinyin")
    except Exception:  # PackageNotFoundError, or no metadata in a bundle
        return None


def build_lines() -> list[str]:
    """The table's lines as the installed pypinyin reads (scripts/build_pinyin.py writes them; a test compares)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    def read(text: str) -> list[str]:
        return lazy_pinyin(text, style=Style.NORMAL, errors="ignore")

    by_reading: dict[str, list[str]] = {}
    readings: dict[str, str] = {}
    for code in sorted(set(PINYIN_DICT) | set(range(HAN_FIRST, HAN_LAST + 1))):
        char = chr(code)
        parts = read(char)
        if len(parts) > 1:
            raise ValueError(f"{char!r} reads as {parts}: one reading per character expected")
        readings[char] = parts[0] if parts else ""
        by_reading.setdefault(readings[char], []).append(char)
    odd = {phrase: read(phrase) for phrase in sorted(PHRASES_DICT)}
    odd = {phrase: reading for phrase, reading in odd.items()
           if reading != [part for char in phrase for part in ([readings[char]] if readings.get(char) else read(char))]}
    return ([f"pypinyin {installed_pypinyin()}"] + [f"{reading} {''.join(chars)}" for reading, chars
                                                   in sorted(by_reading.items())]
            + [f"={phrase} {' '.join(reading)}" for phrase, reading in odd.items()]
            + [f"+{phrase}" for phrase in sorted(PHRASES_DICT) if phrase not in odd])
