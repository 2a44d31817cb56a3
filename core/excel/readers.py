"""Read .xlsx/.xls/.ods (python-calamine) and .csv/.txt (stdlib csv) into plain rows, safely."""

from __future__ import annotations

import functools
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import ImportRejected
from core.excel.odd_files import (
    CELL_TAG,
    ODS_CELL_TAG,
    SHARED_TAG,
    formulas_without_values,
    html_sheets,
    is_encrypted_xls,
    long_cells,
    looks_like_html,
    may_hold_long_text,
    sheet_parts,
)
from core.excel.sheet_rows import LazyRows, SheetRows, open_workbook, stamp_of
from core.excel.sheet_slices import SlicedRows, may_slice, to_slice
from core.excel.text_files import MAX_CELL_CHARS, decode_text, read_text_table, sniff_delimiter  # noqa: F401  (sniff_delimiter: re-exported)

_ZIP_MAGIC = b"PK\x03\x04"
_CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_HEADER_SCAN_ROWS = 30


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file may cost before it is refused (too_large / zip_bomb)."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_rows: int = 1_000_000
    max_cells: int = 40_000_000
    # A workbook's XML compresses 5-15 times (the 100k demo book's full export: 164 MB → 1.2 GB, 7.4 times); a zip
    # bomb hundreds or thousands of times. So a workbook is judged by its ratio, the whole archive's and each
    # entry's, on sizes checked against what the entries really inflate to (_inflated), not by one total; the
    # total is only bounded by what the cell limit admits (40 million cells of ~200 bytes of XML).
    max_unzipped_bytes: int = 8 * 1024 * 1024 * 1024
    max_zip_ratio: int = 200  # an entry of more than 1 MB
    max_archive_ratio: int = 50  # the whole archive
    max_zip_entries: int = 10_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet as read: ``rows[i]`` is the file's row ``i + 1``; cells are str, int, float, bool,
    date, datetime or time exactly as the reader returned them ('' or None for empty cells). A workbook's rows
    are a `SheetRows` (converted as they are walked: use `row_blocks` / `rows_from` rather than slicing them
    whole), a text file's or an HTML table's a list."""

    name: str
    rows: Sequence[list[Any]]
    notes: list[tuple[int, int, str, str]] = field(default_factory=list)  # (row, column index or -1, code, value)
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet with its header row found: ``header_index`` is 0-based into ``sheet.rows``."""

    file: str
    sheet: Sheet
    header_index: int
    headers: tuple[str, ...]

    @property
    def data_start(self) -> int:
        return self.header_index + 1


def read_sheets(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> list[Sheet]:
    """Every non-empty sheet of a workbook (or the one table of a CSV/TXT file).

    The format is decided from the file's bytes, not its extension. Raises ``ImportRejected`` with
    not_a_spreadsheet, empty, encrypted, too_large, far_cells, zip_bomb or unreadable; nothing else escapes.
    """
    path = Path(path)
    try:
        stamp = stamp_of(path)  # before reading: a sheet read again later is checked against it (SheetRows)
        size = stamp[0]
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ImportRejected("unreadable", file=path.name, reason=str(error)) from None
    if size == 0:
        raise ImportRejected("empty", file=path.name)
    if size > limits.max_file_bytes:
        raise ImportRejected("too_large", file=path.name, size=size, limit=limits.max_file_bytes)
    if head.startswith(_ZIP_MAGIC):
        long_text: set[str] = set()
        formulas, large = _check_zip(path, limits, long_text)
        sheets = _read_calamine(path, limits, stamp, large)
        if formulas:
            _note_formulas_without_values(path, sheets)
        if "content.xml" in long_text:
            _cut_long_ods_cells(sheets)
        elif long_text:
            _note_long_cells(path, sheets, long_text)
    elif head.startswith(_CFB_MAGIC):
        _check_cfb(path)
        sheets = _read_calamine(path, limits, stamp, {})
    elif looks_like_html(head):  # an HTML table saved as .xls / .xlsx
        sheets = [Sheet(name, rows) for name, rows in html_sheets(path, decode_text)]
    else:
        sheets = [_read_csv(path, limits)]
    visible = [sheet for sheet in sheets if not sheet.hidden]
    if any(any(_non_empty(row) for row in sheet.rows) for sheet in visible):
        sheets = visible  # hidden sheets (lookup lists, a template's helpers) only when nothing else is there
    sheets = [sheet for sheet in sheets if any(_non_empty(row) for row in sheet.rows)]
    if not sheets:
        raise ImportRejected("empty", file=path.name)
    return sheets


def _non_empty(row: Sequence[Any]) -> int:
    return sum(1 for cell in row if cell is not None and (not isinstance(cell, str) or cell.strip()))


# ---------------------------------------------------------------- workbook safety


def _check_zip(path: Path, limits: Limits, long_text: set[str] | None = None
               ) -> tuple[bool, dict[str, tuple[str, int]]]:
    """Refuse zip/XML bombs from the zip's declared sizes and the XML prologues, before calamine opens it.
    Returns whether a worksheet holds a formula (`_note_formulas_without_values` then looks for missing values)
    and {sheet name: (zip member, rows)} of the sheets read in slices (core.excel.sheet_slices.to_slice).
    Adds to ``long_text`` the worksheets and the shared strings (an .ods: its content.xml) that may hold a text
    longer than Excel's limit (odd_files.may_hold_long_text, on the chunks read anyway: `_note_long_cells` or
    `_cut_long_ods_cells` then finds those cells)."""
    formulas = False
    extents: dict[str, tuple[int, int]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "xl/workbook.xml" not in names and "content.xml" not in names:
                raise ImportRejected("not_a_spreadsheet", file=path.name)
            if len(infos) > limits.max_zip_entries:
                raise ImportRejected("zip_bomb", file=path.name, reason="entries")
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos)
            if total > limits.max_unzipped_bytes:
                raise ImportRejected("zip_bomb", file=path.name, reason="size", size=total)
            if total > 1024 * 1024 and total > packed * limits.max_archive_ratio:
                raise ImportRejected("zip_bomb", file=path.name, reason="ratio", size=total)
            sheet_bytes = sum(info.file_size for info in infos if _is_worksheet(info))  # (to tell sliced sheets)
            for info in infos:
                if info.flag_bits & 0x1:  # a member sealed with a zip password (zipfile would ask for it)
                    raise ImportRejected("encrypted", file=path.name, member=info.filename)
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1024 * 1024 and ratio > limits.max_zip_ratio:
                    raise ImportRejected("zip_bomb", file=path.name, reason="ratio", member=info.filename)
                if not info.filename.startswith("xl/worksheets/"):  # (worksheets: checked as they are scanned)
                    tag = _TEXT_TAGS.get(info.filename) if long_text is not None else None
                    carried = 0
                    for chunk in _inflated(path, archive, info):
                        if tag:
                            found, carried = may_hold_long_text(chunk, carried, tag)
                            if found:
                                long_text.add(info.filename)  # type: ignore[union-attr]
                                tag = None
                if info.filename.endswith(".xml"):
                    with archive.open(info) as member:
                        prologue = member.read(2048)
                    if b"<!DOCTYPE" in prologue or b"<!ENTITY" in prologue:
                        raise ImportRejected("zip_bomb", file=path.name, reason="xml_entities",
                                             member=info.filename)
                if _is_worksheet(info):
                    has_formula, rows = _check_extent(path, archive, info, limits,
                                                      exact=may_slice(sheet_bytes, info.file_size),
                                                      long_text=long_text)
                    formulas = formulas or has_formula
                    extents[info.filename] = (rows, info.file_size)
            large = to_slice(extents)
            try:
                parts = sheet_parts(archive) if large else {}
            except KeyError:  # no workbook relationships to name the large sheets by: calamine reads them whole
                large, parts = {}, {}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, zlib.error) as error:
        # (zlib.error: a damaged member, met as _inflated reads it)
        raise ImportRejected("not_a_spreadsheet", file=path.name, reason=str(error)) from None
    return formulas, {name: (member, large[member]) for name, member in parts.items() if member in large}


_TEXT_TAGS = {"xl/sharedStrings.xml": SHARED_TAG, "content.xml": ODS_CELL_TAG}  # (an .ods's cells: content.xml)


def _is_worksheet(info: zipfile.ZipInfo) -> bool:
    return info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")


# Reference attributes: a cell's r="XFD1048576" (letters then digits), a row's r="1048576".
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,9})"')
_ROW_REF = re.compile(rb'<row r="([0-9]{1,9})"')
_WIDE_COLUMN = re.compile(rb' r="([A-Z]{2,3})[0-9]')
_FORMULA = re.compile(rb"<f[ >/]")  # a cell's <f>…</f>, <f t="shared" …/> or <f/>
# The XML is scanned 64 KB at a time: below glibc's mmap threshold (128 KB), so each chunk (zlib's output, and the
# chunk with the previous one's tail) is heap memory used again, where 1 MB chunks were each mapped and faulted in
# anew (≈ 18,000 page faults and ≈ 0.05 s CPU of the 50,000-row workbook's scan: issue #18).
_CHUNK = 1 << 16


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _letters_of(number: int) -> str:
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


def _greater(text: str, alphabet: str, longest: int | None) -> str:
    """A regex alternation matching the strings of `alphabet` characters ("0-9" or "A-Z", in that order)
    greater than `text` read as a number: longer ones (up to `longest` characters, None: any length) or as
    long and greater at the first character that differs."""
    last, size = alphabet[-1], len(text)
    options = [] if longest is not None and size >= longest else [f"[{alphabet}]{{{size + 1},{longest or ''}}}"]
    for i, char in enumerate(text):
        if char != last:
            options.append(f"{text[:i]}[{chr(ord(char) + 1)}-{last}][{alphabet}]{{{size - i - 1}}}")
    return "|".join(options) or "(?!)"


@functools.lru_cache(maxsize=256)
def _beyond(rows: int, cols: int) -> re.Pattern[bytes]:
    """Matches a reference attribute whose column is past `cols` (a column of more letters, or as many and
    later) or whose row is past `rows` (a cell's or a row element's): one regex pass over a chunk, no int per
    cell."""
    columns = _greater(_letters_of(max(cols, 26)), "A-Z", 3)
    row_numbers = _greater(str(rows), "0-9", None)
    return re.compile(f' r="(?:{columns}|[A-Z]{{0,3}}+(?:{row_numbers})")'.encode())


def _rows_above(rows: int) -> int:
    """A bound of few digits to compare with: 50001 → 59999 (its filter regex has two branches, not six)."""
    text = str(rows)
    return int(text[0] + "9" * (len(text) - 1))


def _columns_above(cols: int) -> int:
    """A bound of few letters to compare with: AT → AZ, any one letter → Z."""
    letters = _letters_of(max(cols, 26))
    return _column_number((letters[0] + "Z" * (len(letters) - 1)).encode())


def _check_extent(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits,
                  exact: bool = False, long_text: set[str] | None = None) -> tuple[bool, int]:
    """Refuse a sheet whose cells span more than `max_rows` rows or `max_cells` from A1: `far_cells` (details
    rows, columns) when fewer than 1 % of that grid are cells, else `too_large`. Returns whether the sheet holds
    a formula, and its rows: the largest row number of its row elements and cells when `exact` (a sheet that
    may be read in slices, core.excel.sheet_slices), else a bound of them.

    calamine builds a dense grid from A1 to the farthest cell, so one cell at XFD1048576 in a 5 KB file asks
    for 17 billion cells and aborts the process. The sheet's XML is streamed 64 KB at a time and only reference
    attributes are looked at, so memory stays at a chunk; ≈ 0.25 s for 2.3 million cells (97 MB of XML). A
    chunk's last row element (rows come in order) raises the rows; one regex pass per chunk looks for a
    reference past the rows and columns so far (a row out of order, a cell below its row), and only a chunk
    that has one is read reference by reference. Unless `exact`, the rows and columns compared with are
    rounded up (59999, AZ: a cheaper regex); a sheet whose rounded grid is over the limits is scanned again
    exactly before it is refused, so the refusal and its figures are the exact ones. The member is added to
    ``long_text`` when a chunk may hold a cell longer than Excel's limit (odd_files.may_hold_long_text).
    """
    rows_of, cols_of = ((lambda rows: rows), (lambda cols: cols)) if exact else (_rows_above, _columns_above)
    rows = cols = 0
    formulas = False
    carried = 0  # the text run left open by the chunk before (odd_files.may_hold_long_text)
    for chunk in _chunks(path, archive, info):
        if not cols and b' r="' in chunk:
            cols = cols_of(26)  # any column of one letter counts as Z: only wider ones are read exactly
        last = chunk.rfind(b'<row r="')
        found = _ROW_REF.match(chunk, last) if last >= 0 else None
        if found:
            rows = max(rows, rows_of(int(found[1])))
        if cols and ((last >= 0 and found is None) or _beyond(rows, cols).search(chunk)):
            # a row out of order, a cell below its row (rare, hostile), or a last row element cut by the chunk
            rows = max([rows, *(rows_of(int(number)) for number in _ROW_REF.findall(chunk)),
                        *(rows_of(int(m[2])) for m in _CELL_REF.finditer(chunk))])
            cols = max([cols, *(cols_of(_column_number(letters)) for letters in set(_WIDE_COLUMN.findall(chunk)))])
        formulas = formulas or _has_formula(chunk)
        if long_text is not None and info.filename not in long_text:
            long, carried = may_hold_long_text(chunk, carried, CELL_TAG)
            if long:
                long_text.add(info.filename)
    if rows > limits.max_rows or rows * cols > limits.max_cells:
        if not exact:  # over the limits when rounded up: the exact figures decide
            return _check_extent(path, archive, info, limits, exact=True)
        cells = sum(chunk.count(b"<c ") for chunk in _chunks(path, archive, info))
        far = cells * 100 < rows * cols  # mostly empty grid: a stray far cell, not a big table
        raise ImportRejected("far_cells" if far else "too_large", file=path.name, rows=rows, columns=cols,
                             member=info.filename)
    return formulas, rows


def _has_formula(chunk: bytes) -> bool:
    """Whether ``_FORMULA`` is found in the chunk. A sheet's XML rarely holds an "f" (its elements and attributes
    have none, its texts are mostly Chinese and figures), so each "f" found at C speed is looked at (≈ 0.005 s for
    97 MB of XML, against ≈ 0.06 s for the regex, which stops at every "<"); past the first ``_F_LOOKED_AT`` of
    them, the regex goes on from there."""
    at = chunk.find(b"f")
    for _ in range(_F_LOOKED_AT):
        if at < 0:
            return False
        if chunk[at - 1:at] == b"<" and chunk[at + 1:at + 2] in (b" ", b">", b"/"):
            return True
        at = chunk.find(b"f", at + 1)
    return at >= 0 and _FORMULA.search(chunk, max(at - 1, 0)) is not None


_F_LOOKED_AT = 64


def _chunks(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The member's bytes ``_CHUNK`` at a time, each chunk starting with the previous one's last 32 bytes (so a
    reference cut in two is whole in one of them)."""
    tail = b""
    for chunk in _inflated(path, archive, info):
        yield tail + chunk
        tail = chunk[-32:]


_DEFLATE_MAX_RATIO = 1032  # the most deflate can expand: an entry packed smaller than 1 KB inflates to < 1 MB
_SMALL_MEMBER = 1 << 20  # (so a member that cannot inflate past 1 MB is read through zipfile)


def _inflated(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A member's bytes as they really inflate, ``_CHUNK`` at a time; ``zip_bomb`` (reason ``declared_size``) as soon
    as they run past the size the archive declares for it. The ratio checks read the declared sizes, and
    zipfile stops at the declared size without asking whether more follows (another reader — calamine's — may
    not): a member whose header lies is refused here."""
    if info.compress_type != zipfile.ZIP_DEFLATED or info.compress_size * _DEFLATE_MAX_RATIO <= _SMALL_MEMBER:
        with archive.open(info) as member:  # stored (no bigger than it is), or too small to matter
            while chunk := member.read(_CHUNK):
                yield chunk
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    with path.open("rb") as raw:
        raw.seek(info.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != _ZIP_MAGIC:
            raise ImportRejected("not_a_spreadsheet", file=path.name, member=info.filename)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        raw.seek(info.header_offset + 30 + name_length + extra_length)
        left = info.compress_size
        pending = b""
        while not inflate.eof and (left or pending):
            if not pending:
                pending = raw.read(min(_CHUNK, left))
                if not pending:
                    break
                left -= len(pending)
            chunk = inflate.decompress(pending, _CHUNK)
            pending = inflate.unconsumed_tail
            size += len(chunk)
            if size > info.file_size:
                raise ImportRejected("zip_bomb", file=path.name, reason="declared_size", member=info.filename)
            if chunk:
                yield chunk


def _check_cfb(path: Path) -> None:
    """An OLE compound file holding ``EncryptedPackage`` is a password-protected .xlsx; a BIFF workbook
    with a FILEPASS record a password-protected .xls."""
    with path.open("rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise ImportRejected("encrypted", file=path.name)
    if is_encrypted_xls(path):
        raise ImportRejected("encrypted", file=path.name)


def _note_formulas_without_values(path: Path, sheets: list[Sheet]) -> None:
    """Report formula cells that have no saved value (read as empty), by cell."""
    found = formulas_without_values(path)
    for sheet in sheets:
        for row, column in found.get(sheet.name, ()):
            sheet.notes.append((row, column, "formula_without_value", f"{_letters(column)}{row}"))


def _note_long_cells(path: Path, sheets: list[Sheet], parts: set[str]) -> None:
    """Cut the cells longer than Excel's 32,767 characters there, as a text file's reader does (calamine reads
    them whole; Excel, and so our own export, cannot hold them), and report each by cell with its length in the
    file (``cell_cut``)."""
    found = long_cells(path, parts)
    for sheet in sheets:
        cuts: dict[int, list[int]] = {}
        for row, column, length in found.get(sheet.name, ()):
            sheet.notes.append((row, column, "cell_cut", f"{length:,}"))
            cuts.setdefault(row - 1, []).append(column)
        if cuts and isinstance(sheet.rows, LazyRows):
            sheet.rows.cut({position: tuple(columns) for position, columns in cuts.items()}, MAX_CELL_CHARS)


def _cut_long_ods_cells(sheets: list[Sheet]) -> None:
    """An .ods whose content.xml may hold a cell past Excel's 32,767 characters: its sheets' cells as calamine
    read them (whole) are measured, and each one longer is cut there and reported with its length, as an
    .xlsx's (`_note_long_cells`)."""
    for sheet in sheets:
        if not isinstance(sheet.rows, LazyRows):
            continue
        cuts: dict[int, list[int]] = {}
        for position, row in enumerate(sheet.rows.rows_from(0)):
            for column, value in enumerate(row):
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    sheet.notes.append((position + 1, column, "cell_cut", f"{len(value):,}"))
                    cuts.setdefault(position, []).append(column)
        if cuts:
            sheet.rows.cut({position: tuple(columns) for position, columns in cuts.items()}, MAX_CELL_CHARS)


def _letters(column: int) -> str:
    text = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


def _read_calamine(path: Path, limits: Limits, stamp: tuple[int, int],
                   large: dict[str, tuple[str, int]]) -> list[Sheet]:
    import python_calamine as calamine

    try:
        workbook = open_workbook(path)
    except calamine.PasswordError:
        raise ImportRejected("encrypted", file=path.name) from None
    except Exception as error:  # calamine raises several unrelated classes for broken files
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise ImportRejected("encrypted", file=path.name) from None
        raise ImportRejected("not_a_spreadsheet", file=path.name, reason=str(error)) from None
    sheets: list[Sheet] = []
    cells = 0
    try:
        for meta in workbook.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "Worksheet"):
                continue
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            if meta.name in large:  # (its extent was checked as it was scanned)
                sliced = SlicedRows(path, *large[meta.name], stamp)
                cells += len(sliced) * max(map(len, sliced.head), default=0)
                sheets.append(Sheet(meta.name, sliced, hidden=hidden))
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            end = sheet.end or (-1, -1)
            height, width = end[0] + 1, end[1] + 1  # rows/columns from A1, as to_python returns them
            cells += height * width
            if height > limits.max_rows or cells > limits.max_cells:
                raise ImportRejected("too_large", file=path.name, sheet=meta.name, rows=height)
            sheets.append(Sheet(meta.name, SheetRows(path, meta.name, sheet, stamp), hidden=hidden))
    except ImportRejected:
        raise
    except Exception as error:
        if "password" in str(error).lower():
            raise ImportRejected("encrypted", file=path.name) from None
        raise ImportRejected("unreadable", file=path.name, reason=str(error)) from None
    finally:
        workbook.close()
    return sheets


# ---------------------------------------------------------------- CSV / TXT


def _read_csv(path: Path, limits: Limits) -> Sheet:
    rows, notes = read_text_table(path, limits.max_rows)
    return Sheet(path.stem, rows, notes)


# ---------------------------------------------------------------- header row


def header_text(cell: Any) -> str:
    """A header cell as text: BOM, tabs, line breaks and surrounding spaces removed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).replace("\ufeff", "").split())


def repeated_header_rows(rows: Sequence[list[Any]], headers: tuple[str, ...], columns: list[int]) -> set[int]:
    """Positions of the rows that hold the header texts again in every one of ``columns`` (indexes with a
    header), as when several monthly exports are pasted one under another into one sheet."""
    if not columns or not headers[columns[0]]:
        return set()
    first, header = columns[0], headers[columns[0]]
    mark = header[0]  # header_text only removes spaces and BOMs: a cell without this character cannot be it
    return {position for position, row in enumerate(rows)
            if first < len(row) and type(row[first]) is str and mark in row[first] and header_text(row[first]) == header
            and all(index < len(row) and header_text(row[index]) == headers[index] for index in columns)}


def find_table(file: str, sheet: Sheet, is_known_header: Callable[[str], bool],
               is_export_header: Callable[[list[str]], bool] | None = None) -> Table | None:
    """Locate the header row in the first rows of a sheet, skipping title rows and blank rows.

    The first row that ``is_export_header`` recognises as the whole header of a known export (a platform's, or
    a sheet of our own export) wins; else the row with the most cells recognised by ``is_known_header``
    (earliest on ties), so a data cell that happens to be a header word (a message template named 生日) does
    not make its row the header; when no cell is recognised, the first row at least half as wide as the widest
    row. None when the sheet is empty.
    """
    scan = sheet.rows[:_HEADER_SCAN_ROWS]
    best_index, best_score = None, 0
    for index, row in enumerate(scan):
        texts = [header_text(cell) if isinstance(cell, str) else "" for cell in row]
        if is_export_header is not None and is_export_header(texts):
            best_index = index
            break
        score = sum(1 for text in texts if text and is_known_header(text))
        if score > best_score:
            best_index, best_score = index, score
    if best_index is None:
        widths = [_non_empty(row) for row in scan]
        if not widths or max(widths) == 0:
            return None
        widest = max(widths)
        best_index = next(i for i, width in enumerate(widths) if width >= max(2, widest / 2) or width == widest)
    headers = tuple(header_text(cell) for cell in sheet.rows[best_index])
    return Table(file, sheet, best_index, headers)
