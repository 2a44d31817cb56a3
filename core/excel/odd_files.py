"""Files that are spreadsheets in name only, or workbooks with traps calamine does not report.

- ``html_sheets``: an HTML page saved as .xls/.xlsx (what many ERPs and old platform exports write):
  each ``<table>`` is a sheet, each ``<tr>`` a row, each ``<td>``/``<th>`` a cell's text.
- ``is_encrypted_xls``: a BIFF .xls whose workbook stream holds a FILEPASS record (a password to open).
- ``formulas_without_values``: cells of an .xlsx holding a formula but no saved result (files written by
  programs, never opened in Excel): calamine reads them as empty, so they are reported by cell.
- ``long_cells``: cells of an .xlsx longer than Excel's 32,767 characters (other programs write them): calamine
  reads them whole, so they are cut there and reported by cell (``cell_cut``, as a text file's), found cheaply
  while the archive is checked (``may_hold_long_text``) and read exactly only then. An .ods (LibreOffice writes
  cells of any length) is flagged the same way on its content.xml (``ODS_CELL_TAG``); its flagged sheets' cells
  are then measured as calamine read them (core.excel.readers).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from core.excel.text_files import MAX_CELL_CHARS

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<meta|<table|<\?xml[^>]*>\s*<html|<head|<body|<style)", re.I)


def looks_like_html(head: bytes) -> bool:
    """True when a file's first bytes are an HTML document (a BOM allowed)."""
    return bool(_HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")))


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_sheets(path: Path, decode) -> list[tuple[str, list[list[Any]]]]:
    """(name, rows) of every table of an HTML file; ``decode(data, name)`` turns its bytes into text."""
    data = path.read_bytes()
    charset = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.I)
    text = None
    if charset:
        try:
            text = data.decode(charset.group(1).decode("ascii").lower().replace("gbk", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            text = None
    parser = _Tables()
    parser.feed(text if text is not None else decode(data, path.name))
    parser.close()
    tables = [rows for rows in parser.tables if rows]
    return [(path.stem if len(tables) == 1 else f"{path.stem}-{number}", rows)
            for number, rows in enumerate(tables, 1)]


_FILEPASS, _EOF = 0x002F, 0x000A


def is_encrypted_xls(path: Path) -> bool:
    """True for a BIFF8 .xls protected by a password (FILEPASS among the workbook globals' records)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                return False
            data = ole.openstream(stream).read(256 * 1024)
    except (OSError, ValueError, olefile.olefile.NotOleFileError):
        return False
    offset = 0
    while offset + 4 <= len(data):
        kind = int.from_bytes(data[offset:offset + 2], "little")
        size = int.from_bytes(data[offset + 2:offset + 4], "little")
        if kind == _FILEPASS:
            return True
        if kind == _EOF:
            return False
        offset += 4 + size
    return False


_CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>[^<]")  # a saved result (<v/> or <v></v> is none)


def formulas_without_values(path: Path) -> dict[str, list[tuple[int, int]]]:
    """{sheet name: [(row, column index)]} of the .xlsx cells with a formula and no saved value."""
    found: dict[str, list[tuple[int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = sheet_parts(archive)
            for name, part in sheets.items():
                if part not in archive.namelist():
                    continue
                with archive.open(part) as member:
                    for xml in _whole_rows(member):
                        if b"<f" not in xml:
                            continue
                        for match in _CELL.finditer(xml):
                            body = match.group(3) or b""
                            if b"<f" in body and not _VALUE.search(body):
                                ref = _REF.search(match.group(1))
                                if ref:
                                    found.setdefault(name, []).append((int(ref.group(2)),
                                                                       _column_index(ref.group(1))))
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    return found


_PIECE = 1 << 20


def _whole_rows(member: IO[bytes], end: bytes = b"</row>") -> Iterator[bytes]:
    """A worksheet's XML about `_PIECE` bytes at a time, each piece ending after a row's end tag (``end``: the
    shared strings' items, </si>), so no cell is cut (the sheet is not held whole: 929 MB for the 100k demo
    book's exported orders)."""
    pending = b""
    while chunk := member.read(_PIECE):
        pending += chunk
        cut = pending.rfind(end)
        if cut >= 0:
            cut += len(end)
            yield pending[:cut]
            pending = pending[cut:]
    if pending:
        yield pending


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """{sheet name: zip part} from the workbook and its relationships."""
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {rid.decode(): target.decode() for rid, target in re.findall(
        rb'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({rid.decode(): target.decode() for target, rid in re.findall(
        rb'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    parts = {}
    for name, rid in re.findall(rb'<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', workbook):
        target = targets.get(rid.decode(), "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[_unescape(name.decode("utf-8"))] = target
    return parts


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


# ---------------------------------------------------------------- cells longer than Excel's limit

_LONG_RUN = MAX_CELL_CHARS + 1  # bytes of XML text a longer cell has at least (a character is one byte or more)
_PROBE = _LONG_RUN // 2


def may_hold_long_text(chunk: bytes, carried: int = 0, tag: bytes = b"<") -> tuple[bool, int]:
    """Whether a chunk of XML may hold a cell text longer than ``MAX_CELL_CHARS`` (calamine reads it whole,
    Excel cannot hold it): a run of ``_LONG_RUN`` bytes without ``tag``, counting ``carried``, the run left open
    at the end of the chunk before (the chunks of one part read in turn); and the run this chunk leaves open.
    ``tag`` is what starts each text's element — ``<c `` a worksheet's cell, ``<si`` a shared string —, so a
    text written in several rich-text runs (``<r><t>…</t></r>`` each under the limit) counts whole.
    A run inside the chunk is found by probes every ``_PROBE`` bytes (64 short searches a MB), so a workbook of
    ordinary cells costs nothing; a part it flags is read exactly by ``long_cells``."""
    size = len(chunk)
    first = chunk.find(tag)
    if first < 0:
        return carried + size >= _LONG_RUN, carried + size
    last = chunk.rfind(tag)
    if carried + first >= _LONG_RUN:
        return True, size - last - 1
    for probe in range(_PROBE, last, _PROBE):
        if probe > first and chunk.find(tag, probe) - chunk.rfind(tag, 0, probe) - 1 >= _LONG_RUN:
            return True, size - last - 1
    return False, size - last - 1


CELL_TAG, SHARED_TAG = b"<c ", b"<si"  # (may_hold_long_text's tags: a worksheet's cells, the shared strings)
ODS_CELL_TAG = b"<table:table-cell"  # an .ods's cells (content.xml), every paragraph and span of one counted whole


_TEXT = re.compile(rb"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_SHARED_ITEM = re.compile(rb"<si\b(?:[^>]*/>|[^>]*>(.*?)</si>)", re.S)
_INLINE = re.compile(rb'\bt="(?:inlineStr|str)"')
_SHARED = re.compile(rb'\bt="s"')
_CELL_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)


def _text_length(xml: bytes) -> int:
    """The characters of a cell's or a shared string's text (its runs' <t>, phonetic guides left out; a
    formula's string result <v> when it has no <t>)."""
    xml = _PHONETIC.sub(b"", xml)
    texts = [match[1] or b"" for match in _TEXT.finditer(xml)]
    if not texts and b"<is" not in xml:
        texts = [match[1] for match in _CELL_VALUE.finditer(xml)]
    return sum(len(_unescape(text.decode("utf-8", "replace"))) for text in texts)


def long_cells(path: Path, parts: set[str]) -> dict[str, list[tuple[int, int, int]]]:
    """{sheet name: [(row, column index, characters)]} of the .xlsx cells longer than ``MAX_CELL_CHARS``: the
    text written in the cell, in the worksheets of ``parts`` (those ``may_hold_long_text`` flagged), and the
    shared strings' when ``parts`` holds xl/sharedStrings.xml (then every worksheet is read for the cells
    using them)."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            shared = _long_shared_strings(archive) if "xl/sharedStrings.xml" in parts else {}
            for name, part in sheet_parts(archive).items():
                if part not in archive.namelist() or (part not in parts and not shared):
                    continue
                with archive.open(part) as member:
                    for xml in _whole_rows(member):
                        found.setdefault(name, []).extend(_long_in(xml, part in parts, shared))
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    return {name: sorted(cells) for name, cells in found.items() if cells}


def _long_shared_strings(archive: zipfile.ZipFile) -> dict[bytes, int]:
    """{index as written in a cell's <v>: characters} of the shared strings longer than ``MAX_CELL_CHARS``."""
    long: dict[bytes, int] = {}
    index = 0
    with archive.open("xl/sharedStrings.xml") as member:
        for xml in _whole_rows(member, b"</si>"):
            for item in _SHARED_ITEM.finditer(xml):
                length = _text_length(item[1] or b"")
                if length > MAX_CELL_CHARS:
                    long[str(index).encode()] = length
                index += 1
    return long


def _long_in(xml: bytes, inline: bool, shared: dict[bytes, int]) -> Iterator[tuple[int, int, int]]:
    """(row, column index, characters) of the long cells in whole rows of a worksheet's XML."""
    starts: set[int] = set()
    if inline and may_hold_long_text(xml, 0, CELL_TAG)[0]:
        starts.update(xml.rfind(b"<c ", 0, probe) for probe in range(0, len(xml), _PROBE))
    for index in shared:
        at = xml.find(b"<v>" + index + b"</v>")
        while at >= 0:
            starts.add(xml.rfind(b"<c ", 0, at))
            at = xml.find(b"<v>" + index + b"</v>", at + 1)
    for start in sorted(starts - {-1}):
        cell = _CELL.match(xml, start)
        ref = _REF.search(cell[1]) if cell else None
        if cell is None or ref is None:
            continue
        body = cell[3] or b""
        if _SHARED.search(cell[1]):
            value = _CELL_VALUE.search(body)
            length = shared.get(value[1].strip(), 0) if value else 0
        else:
            length = _text_length(body) if inline and _INLINE.search(cell[1]) else 0
        if length > MAX_CELL_CHARS:
            yield int(ref[2]), _column_index(ref[1]), length
