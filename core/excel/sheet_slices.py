"""A very large .xlsx sheet read by calamine a slice of rows at a time, so its cell count no longer decides the
read's memory (issue #18).

calamine builds a whole sheet's range before the first row can be read: the 100k demo book's full export (1.2 GB
of sheet XML, 27 million cells) took 1.4 GB, 1.9 GB at its peak. In a workbook of more than `LARGE_WORKBOOK_BYTES`
of sheet XML, each sheet of more than `SLICED_SHEET_BYTES` is cut at row ends into slices of about `SLICE_BYTES`,
and each slice is read by calamine as a one-sheet workbook of its own (the file's styles, shared strings and 1904
setting, so cells convert exactly as they do in the whole sheet); only one slice's range and rows are alive at a
time. Each walk inflates the sheet again, and walks it 30 % slower than one range does, so ordinary workbooks stay
with `SheetRows` (the 50,000-order workbook is 97 MB of XML).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.errors import ImportRejected
from core.excel.sheet_rows import LazyRows

LARGE_WORKBOOK_BYTES = 256 * 1024 * 1024
SLICED_SHEET_BYTES = 16 * 1024 * 1024
SLICE_BYTES = 4 * 1024 * 1024  # ~100,000 cells: 86 MB peak for the 50,000-order sheet, 30 % slower than whole
_READ = 1 << 20

_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(/?)>")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*>")
_DATE_1904 = re.compile(rb'date1904="(?:1|true)"')
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def to_slice(extents: dict[str, tuple[int, int]]) -> dict[str, int]:
    """{zip member: rows} of the worksheets to read in slices, from {member: (rows, bytes of XML)}; rows are the
    largest row number of the sheet's row elements, 0 when they are not numbered (calamine then counts them,
    which a slice cannot: such a sheet is read whole)."""
    total = sum(size for _rows, size in extents.values())
    return {member: rows for member, (rows, size) in extents.items() if rows and may_slice(total, size)}


def may_slice(total: int, size: int) -> bool:
    """Whether a worksheet of ``size`` bytes of XML, in a workbook of ``total`` bytes of sheet XML, is read in
    slices when its rows are numbered (its rows must then be counted exactly: core.excel.readers._check_extent)."""
    return total > LARGE_WORKBOOK_BYTES and size > SLICED_SHEET_BYTES


class SlicedRows(LazyRows):
    """The rows of the worksheet stored as zip member ``member``, ``height`` rows (the largest row number of its
    row elements), walked slice by slice; nothing but the head is kept between walks."""

    def __init__(self, path: Path, member: str, height: int, stamp: tuple[int, int]) -> None:
        self._path, self._member, self._stamp = path, member, stamp
        super().__init__(height)

    def _walk(self, start: int) -> Iterator[list[Any]]:
        position, width = 0, 0
        for first, rows in self._slices():
            width = max(width, len(rows[0]))
            if len(rows[0]) < width:  # a slice whose last columns are empty: as wide as the sheet, as calamine
                pad = [""] * (width - len(rows[0]))
                rows = [row + pad for row in rows]
            while position < first:  # rows without a value, between two slices or before the first
                if position >= start:
                    yield [""] * width
                position += 1
            skip = max(0, start - position)
            yield from rows[skip:] if skip else rows
            position += len(rows)
            del rows
        while position < self._height:
            if position >= start:
                yield [""] * width
            position += 1

    def _slices(self) -> Iterator[tuple[int, list[list[Any]]]]:
        """(position of the first row, the rows from column A on) of each slice that holds a value."""
        import python_calamine as calamine

        self._check_unchanged(self._path, self._stamp)
        with zipfile.ZipFile(self._path) as archive:
            parts = _workbook_parts(archive)
            # each slice reads the shared strings again: slices at least 4 times their size keep that under 25 %
            size = max(SLICE_BYTES, 4 * len(parts.get("xl/sharedStrings.xml", b"")))
            for xml in _sheet_slices(archive, self._member, size):
                workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(_one_sheet_workbook(parts, xml)))
                del xml
                try:
                    sheet = workbook.get_sheet_by_index(0)
                finally:
                    workbook.close()
                start = sheet.start
                if start is None:
                    continue
                rows = sheet.to_python(skip_empty_area=True)
                del sheet
                if start[1]:
                    pad = [""] * start[1]
                    rows = [pad + row for row in rows]
                yield start[0], rows
                del rows


def _sheet_slices(archive: zipfile.ZipFile, member: str, size: int) -> Iterator[bytes]:
    """The member's worksheet XML as whole documents of about ``size`` bytes, each holding a run of whole rows
    (cut after a row's end tag: text inside cells is escaped, so that tag appears nowhere else)."""
    with archive.open(member) as stream:
        buffer = b""
        while (found := _SHEET_DATA.search(buffer)) is None:
            chunk = stream.read(_READ)
            if not chunk:
                return
            buffer += chunk
        if found.group(2):  # <sheetData/>: no rows
            return
        prefix = _DIMENSION.sub(b"", buffer[:found.end()])  # (a dimension would have calamine size every slice)
        namespace = found.group(1)
        row_end, data_end = b"</" + namespace + b"row>", b"</" + namespace + b"sheetData>"
        suffix = data_end + b"</" + namespace + b"worksheet>"
        pending, searched = bytearray(buffer[found.end():]), 0
        while True:
            end = pending.find(data_end, searched)
            if end >= 0:
                yield prefix + bytes(pending[:end]) + suffix
                return
            searched = max(0, len(pending) - len(data_end))
            if len(pending) >= size:
                cut = pending.rfind(row_end)
                if cut >= 0:
                    cut += len(row_end)
                    yield prefix + bytes(pending[:cut]) + suffix
                    del pending[:cut]
                    searched = max(0, searched - cut)
            chunk = stream.read(_READ)
            if not chunk:  # no end to the rows: a cut or damaged file
                raise ImportRejected("unreadable", file=Path(str(archive.filename)).name, member=member)
            pending += chunk


def _workbook_parts(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """What every slice's workbook shares with the file: styles (dates are told by their number format),
    shared strings and the 1904 date system."""
    names = set(archive.namelist())
    parts: dict[str, bytes] = {name: archive.read(name) for name in ("xl/styles.xml", "xl/sharedStrings.xml")
                               if name in names}
    workbook = archive.read("xl/workbook.xml")
    parts["1904"] = b"1" if _DATE_1904.search(workbook) else b""
    return parts


def _one_sheet_workbook(parts: dict[str, bytes], sheet_xml: bytes) -> bytes:
    overrides = [("/xl/workbook.xml", f"{_TYPES}.sheet.main+xml"),
                 ("/xl/worksheets/sheet1.xml", f"{_TYPES}.worksheet+xml")]
    relations = [("rId1", f"{_DOC}/worksheet", "worksheets/sheet1.xml")]
    if "xl/styles.xml" in parts:
        overrides.append(("/xl/styles.xml", f"{_TYPES}.styles+xml"))
        relations.append(("rId2", f"{_DOC}/styles", "styles.xml"))
    if "xl/sharedStrings.xml" in parts:
        overrides.append(("/xl/sharedStrings.xml", f"{_TYPES}.sharedStrings+xml"))
        relations.append(("rId3", f"{_DOC}/sharedStrings", "sharedStrings.xml"))
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides) + "</Types>")
    package_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
                    f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_DOC}">'
                + ('<workbookPr date1904="1"/>' if parts["1904"] else "<workbookPr/>")
                + '<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>')
    workbook_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
                     + "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                               for rid, kind, target in relations) + "</Relationships>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", package_rels)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for name in ("xl/styles.xml", "xl/sharedStrings.xml"):
            if name in parts:
                package.writestr(name, parts[name])
        package.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()
