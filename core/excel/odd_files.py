"""Files that are spreadsheets in name only, or workbooks with traps calamine does not report.

- ``html_sheets``: an HTML page saved as .xls/.xlsx (what many ERPs and old platform exports write):
  each ``<table>`` is a sheet, each ``<tr>`` a row, each ``<td>``/``<th>`` a cell's text.
- ``is_encrypted_xls``: a BIFF .xls whose workbook stream holds a FILEPASS record (a password to open).
- ``formulas_without_values``: cells of an .xlsx holding a formula but no saved result (files written by
  programs, never opened in Excel): calamine reads them as empty, so they are reported by cell.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

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


def _whole_rows(member: IO[bytes]) -> Iterator[bytes]:
    """A worksheet's XML about `_PIECE` bytes at a time, each piece ending after a row's end tag, so no cell is
    cut (the sheet is not held whole: 929 MB for the 100k demo book's exported orders)."""
    pending = b""
    while chunk := member.read(_PIECE):
        pending += chunk
        cut = pending.rfind(b"</row>")
        if cut >= 0:
            cut += len(b"</row>")
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
