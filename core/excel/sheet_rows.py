"""A workbook sheet's rows served from calamine's range as they are walked, not held as Python lists (issue #18).

`to_python()` of a 50,000-order sheet builds 87 MB of lists on top of the 105 MB range, and the import kept both
(the lists to the end). `SheetRows` keeps the range and converts rows block by block (`iter_rows` walks the same
rows in a third of to_python's time); the first `HEAD_ROWS` rows are kept as lists (header finding, samples,
previews). Once the plan has read a sheet it calls `release()`: the range is freed, and a later walk (the dialog's
"Import now" after "Check only") reads the sheet again from the file — refused as ``file_changed`` if the file is
no longer the one that was read and checked.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, overload

from core.errors import ImportRejected

HEAD_ROWS = 64  # header scan (30 rows) + a preview's 20 rows, and some


def open_workbook(path: Path) -> Any:
    """calamine's workbook of a file. An .xlsx by name and by bytes is opened from its path (read as needed);
    any other from its bytes, held whole while it is open (170 MB for the 100k demo book's full export), as
    calamine then tells the format from them: WPS .et files renamed to .xlsx exist."""
    import python_calamine as calamine

    with path.open("rb") as handle:
        if path.suffix.lower() in (".xlsx", ".xlsm") and handle.read(4) == b"PK\x03\x04":
            try:
                return calamine.CalamineWorkbook.from_path(str(path))
            except calamine.PasswordError:
                raise
            except Exception:  # (an .ods or another zip named .xlsx: told from its bytes below)
                pass
        handle.seek(0)
        return calamine.CalamineWorkbook.from_filelike(handle)


def stamp_of(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


class LazyRows(Sequence[list[Any]]):
    """``rows[i]`` is the file's row ``i + 1`` from A1 (as ``to_python(skip_empty_area=False)`` returns them:
    '' for empty cells). The first `HEAD_ROWS` rows are kept in ``head``; the others are converted each time
    they are walked (`_walk`). Slices are lists; `blocks` and `rows_from` walk without holding the rows."""

    holds_sheet = False  # whether they hold the whole sheet's data until `release` (a calamine range)

    def __init__(self, height: int) -> None:
        self._height = height
        self._lock = threading.Lock()
        self.memo: dict[Any, Any] = {}  # what callers derived from a whole walk (core.excel.analysis.choose)
        self.head: list[list[Any]] = list(islice(self._walk(0), HEAD_ROWS)) if height else []
        self._cuts: dict[int, tuple[int, ...]] = {}
        self._limit = 0

    def __len__(self) -> int:
        return self._height

    @overload
    def __getitem__(self, index: int) -> list[Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Any]]: ...

    def __getitem__(self, index: int | slice) -> list[Any] | list[list[Any]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._height)
            if stop <= len(self.head) or start >= stop:
                return self.head[index]
            return list(islice(self.rows_from(start), stop - start))[::step]
        if index < 0:
            index += self._height
        if not 0 <= index < self._height:
            raise IndexError(index)
        if index < len(self.head):
            return self.head[index]
        return next(self.rows_from(index))

    def __iter__(self) -> Iterator[list[Any]]:
        return self.rows_from(0)

    def rows_from(self, start: int) -> Iterator[list[Any]]:
        """The rows from position ``start`` on, converted as they are reached."""
        if self._height <= len(self.head):
            return iter(self.head[start:])
        return self._cutting(self._walk(start), start) if self._cuts else self._walk(start)

    def cut(self, cells: dict[int, tuple[int, ...]], limit: int) -> None:
        """Cut the texts of these cells ({position: column indexes}) to ``limit`` characters, in the head now and
        in every later walk (what a text file's reader does to a cell past Excel's limit; calamine does not)."""
        self._cuts, self._limit = dict(cells), limit
        for position, columns in cells.items():
            if position < len(self.head):
                self.head[position] = _cut_row(self.head[position], columns, limit)

    def _cutting(self, rows: Iterator[list[Any]], start: int) -> Iterator[list[Any]]:
        cuts, limit = self._cuts, self._limit
        for position, row in enumerate(rows, start):
            yield _cut_row(row, cuts[position], limit) if position in cuts else row

    def blocks(self, start: int, size: int) -> Iterator[list[list[Any]]]:
        """The rows from position ``start`` on, ``size`` at a time."""
        rows = self.rows_from(start)
        while block := list(islice(rows, size)):
            yield block

    def release(self) -> None:
        """Free what the rows hold beyond the head; a later walk reads them from the file again."""

    def _walk(self, start: int) -> Iterator[list[Any]]:
        raise NotImplementedError

    def _check_unchanged(self, path: Path, stamp: tuple[int, int]) -> None:
        if stamp_of(path) != stamp:
            raise ImportRejected("file_changed", file=path.name)


def _cut_row(row: list[Any], columns: tuple[int, ...], limit: int) -> list[Any]:
    row = list(row)
    for column in columns:
        if column < len(row) and isinstance(row[column], str):
            row[column] = row[column][:limit]
    return row


class SheetRows(LazyRows):
    """A sheet's rows from calamine's range (kept until `release`, read again from the file after it)."""

    holds_sheet = True

    def __init__(self, path: Path, name: str, sheet: Any, stamp: tuple[int, int]) -> None:
        self._path, self._name, self._stamp = path, name, stamp
        end, start = sheet.end, sheet.start
        self._pad: list[Any] = [""] * start[1] if start else []  # iter_rows starts at the first used column
        self._sheet: Any = sheet
        super().__init__(end[0] + 1 if end else 0)
        if self._height <= len(self.head):
            self._sheet = None  # all of it is in the head

    def release(self) -> None:
        with self._lock:
            if self._height > len(self.head):
                self._sheet = None

    def _walk(self, start: int) -> Iterator[list[Any]]:
        rows = self._range().iter_rows()  # (the iterator holds the range: a release meanwhile does not cut it)
        for _skipped in islice(rows, start):
            pass
        pad = self._pad
        if pad:
            for row in rows:
                yield pad + row
        else:
            yield from rows

    def _range(self) -> Any:
        with self._lock:
            if self._sheet is None:
                self._sheet = self._reread()
            return self._sheet

    def _reread(self) -> Any:
        try:
            self._check_unchanged(self._path, self._stamp)
            workbook = open_workbook(self._path)
            try:
                sheet = workbook.get_sheet_by_name(self._name)
            finally:
                workbook.close()
        except ImportRejected:
            raise
        except Exception as error:  # (OSError, calamine's errors): the file is no longer what was read
            raise ImportRejected("file_changed", file=self._path.name, reason=str(error)) from None
        end = sheet.end
        if (end[0] + 1 if end else 0) != self._height:
            raise ImportRejected("file_changed", file=self._path.name)
        return sheet


def row_blocks(rows: Sequence[list[Any]], start: int, size: int) -> Iterator[Sequence[list[Any]]]:
    """``rows[start:]`` ``size`` rows at a time, without copying a `LazyRows` whole."""
    if isinstance(rows, LazyRows):
        yield from rows.blocks(start, size)
        return
    for first in range(start, len(rows), size):
        yield rows[first:first + size]


def rows_from(rows: Sequence[list[Any]], start: int) -> Iterator[list[Any]]:
    """``rows[start:]`` one row at a time, without copying a `LazyRows` whole."""
    if isinstance(rows, LazyRows):
        return rows.rows_from(start)
    return islice(rows, start, None)


def holds_sheet(rows: Sequence[list[Any]]) -> bool:
    """Whether ``rows`` hold their whole sheet's data until `release` (plain lists are not let go at all)."""
    return isinstance(rows, LazyRows) and rows.holds_sheet


def release(rows: Sequence[list[Any]]) -> None:
    """Free what a sheet's rows hold once they have been read (nothing for plain lists)."""
    if isinstance(rows, LazyRows):
        rows.release()
