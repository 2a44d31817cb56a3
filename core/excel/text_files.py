"""Read a .csv / .txt file into rows with bounded memory, reporting what had to be mended, by row.

- Lines are read as bytes, at most ``MAX_LINE_BYTES`` of each: the rest of a longer line (a 100 MB line)
  is skipped without being held, and the row is reported (``line_cut``); the cut drops the character it
  splits, and a quote it leaves open is closed there (the cell would swallow the next lines). A line ends at
  LF, CRLF or a lone CR (classic Mac), where the csv module ends one, and every line end is read as LF: a file
  gives the same rows whichever it uses, a quoted cell's line breaks included.
- The encoding is decided for the whole file (BOM, else UTF-8, else GB18030 — a superset of GBK), but a
  few lines that do not fit it are read on their own: a GBK line in a UTF-8 file is read as GB18030
  (``encoding_mixed``); a line neither can read is read with replacement characters (``encoding_replaced``).
- A cell longer than ``MAX_CELL_CHARS`` (Excel's own limit) is cut (``cell_cut``, with its length in the file,
  also when a line's cut ended it: what follows the cut, up to the cell's end, is read again to count it).
- A stray quote that would swallow the following lines into one cell is detected (a quoted cell spanning
  lines that look like rows of their own) and reported (``quote_unbalanced``); those lines are read one
  row each, the quote taken literally.

Notes are ``(row, column index, code, value)``; the row is 1-based in the rows returned.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from core.errors import ImportRejected
from core.excel.sheet_rows import LazyRows

MAX_LINE_BYTES = 4 * 1024 * 1024
_READ_BYTES = 1024 * 1024
MAX_CELL_CHARS = 32_767
LAZY_TEXT_BYTES = 2 * 1024 * 1024
csv.field_size_limit(MAX_LINE_BYTES * 4)  # a long quoted cell is cut by us, not refused by the csv module

Note = tuple[int, int, str, str]


def read_text_table(path: Path, max_rows: int) -> tuple[Sequence[list[Any]], list[Note]]:
    """Rows of a delimited text file and the notes about it (see the module docstring): a list, or for a file
    of more than `LAZY_TEXT_BYTES` a `TextRows` (its lines, parsed again as they are walked).

    Raises ImportRejected (empty, too_large, not_a_spreadsheet).
    """
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        text = decode_text(path.read_bytes(), path.name)  # UTF-16: lines are not split on one newline byte
        lines = _text_lines(text)
        cut: dict[int, tuple[int, int]] = {}  # read whole: no line is cut
        notes: list[tuple[int, str, str]] = []
        read_cut: dict[int, tuple[str, int]] = {}
    else:
        raw, cut = _read_lines(path, max_rows)
        if not any(line.strip() for line in raw):
            raise ImportRejected("empty", file=path.name)
        lines, notes, read_cut = _decode_lines(raw, path.name, cut)
        replaced = {line for line, code, _value in notes if code == "encoding_replaced"}
        sample = "".join(line for number, line in enumerate(lines[:200]) if number not in replaced)
        _text_or_reject(sample[:4096], path.name)  # binary data decoded by chance
    delimiter = sniff_delimiter("".join(lines[:50]))
    closed: set[int] = set()
    rows, first_line, csv_lines = _parse(lines, delimiter, max_rows, path.name)
    if cut:
        rows, first_line, csv_lines, closed = _close_cut_quotes(rows, first_line, csv_lines, lines, cut, delimiter,
                                                                max_rows, path.name)
    rows, first_line, found, read_alone = _mend_stray_quotes(rows, first_line, lines, delimiter)
    row_of_line = {}
    for row_index, start in enumerate(first_line):
        end = first_line[row_index + 1] if row_index + 1 < len(first_line) else len(lines)
        for line in range(start, end):
            row_of_line[line] = row_index + 1
    for line, code, value in notes:
        found.append((row_of_line.get(line, line + 1), -1, code, value))
    cut_cells = {}  # (row index, column) of the cell a line's cut ends: the line
    for line in sorted(cut):
        row_number = row_of_line.get(line, line + 1)
        found.append((row_number, -1, "line_cut", ""))
        if line in read_cut and row_number <= len(rows) and rows[row_number - 1]:
            cut_cells[(row_number - 1, len(rows[row_number - 1]) - 1)] = line
    kept = set(read_alone)  # rows the lines would not give again when parsed: kept as they are
    for row_number, row in enumerate(rows, 1):
        for column, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARS:
                length = len(cell)
                cut_line = cut_cells.get((row_number - 1, column))
                if cut_line is not None:  # its length in the file: the part read and the rest, past the line's cut
                    encoding, read = read_cut[cut_line]
                    start, end = cut[cut_line]
                    length += _rest_length(path, start + read, end, encoding, delimiter, cut_line in closed,
                                           lines[cut_line].endswith('"\n'))
                row[column] = cell[:MAX_CELL_CHARS]
                found.append((row_number, column, "cell_cut", f"{length:,}"))
                kept.add(row_number - 1)
    # (walked from its lines only when the csv module split the text into those lines, its line numbers, first_line,
    # indexing them: the lines are split where it splits them, at LF, CRLF or a lone CR — a check, not a case seen.)
    if path.stat().st_size > LAZY_TEXT_BYTES and csv_lines == len(lines):
        return TextRows(lines, first_line, {index: rows[index] for index in kept}, delimiter), sorted(found)
    return rows, sorted(found)


def decode_text(data: bytes, name: str = "") -> str:
    """Decode a text file: BOM → UTF-8/UTF-16, else strict UTF-8, else GB18030 (a superset of GBK).

    Binary data (NUL bytes without a UTF-16 signature) raises ``not_a_spreadsheet``.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if b"\x00" in sample:
        odd_zeros, even_zeros = sample[1::2].count(b"\x00"), sample[0::2].count(b"\x00")
        encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return _text_or_reject(data.decode(encoding, errors="replace"), name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return _text_or_reject(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    raise ImportRejected("not_a_spreadsheet", file=name, reason="encoding")


def _text_or_reject(text: str, name: str) -> str:
    """Text whose first part is mostly readable characters; binary data decoded by chance is refused."""
    sample = text[:4096]
    odd = sum(1 for ch in sample if (ch < " " and ch not in "\t\r\n") or ch in "\ufffd\x7f")
    if sample and odd > len(sample) // 50:
        raise ImportRejected("not_a_spreadsheet", file=name)
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter of a delimited text: comma, tab, semicolon or pipe, by consistent counts."""
    quoted = re.compile(r'"[^"]*"')
    lines = [quoted.sub("", line) for line in text[:65536].splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in (",", "\t", ";", "|"):
        counts = [line.count(delimiter) for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * min(common, 50)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_lines(path: Path, max_rows: int) -> tuple[list[bytes], dict[int, tuple[int, int]]]:
    """The file's lines as bytes, each ended by LF: a line ends where the csv module ends one, at LF, CRLF or a
    lone CR (classic Mac, Excel for Mac's "CSV (Macintosh)"), also inside a quoted cell (which so reads its line
    breaks as LF, an Excel cell's). Each line is at most MAX_LINE_BYTES (the rest skipped unread into memory);
    also returned: for each line cut, where it starts in the file and where it ends (its line end, or the file's)."""
    lines: list[bytes] = []
    cut: dict[int, tuple[int, int]] = {}
    carry = b""  # the start of a line not ended yet (with a CR read last: perhaps the first half of a CRLF)
    skipping = False  # in the rest of a cut line
    read = 0
    size = min(_READ_BYTES, MAX_LINE_BYTES)  # (a line longer than MAX_LINE_BYTES then starts the data at hand)
    with path.open("rb") as handle:
        while True:
            start = read - len(carry)  # where the data starts in the file
            chunk = handle.read(size)
            read += len(chunk)
            data = carry + chunk
            if not data:
                break
            tail = b""
            if chunk and data.endswith(b"\r"):  # the next chunk may start with its LF
                data, tail = data[:-1], b"\r"
            if skipping:  # the cut line's end: its line end, or as far as read
                ends = [index for index in (data.find(b"\r"), data.find(b"\n")) if index >= 0]
                cut[len(lines) - 1] = (cut[len(lines) - 1][0], start + min(ends, default=len(data)))
            if b"\r" in data:
                data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            pieces = data.split(b"\n")
            rest = pieces.pop()  # the line not ended yet (b"" after a line end)
            if skipping and pieces:
                del pieces[0]  # the end of the cut line, dropped
                skipping = False
            for piece in pieces:
                if len(piece) > MAX_LINE_BYTES:  # (the data's first line: the others are in the chunk)
                    cut[len(lines)] = (start, start + len(piece))
                    piece = piece[:MAX_LINE_BYTES]
                lines.append(piece + b"\n")
            if skipping:
                rest = b""
            elif len(rest) > MAX_LINE_BYTES:  # (no line end in the data: the line starts it; its end is found later)
                cut[len(lines)] = (start, start + len(rest))
                lines.append(rest[:MAX_LINE_BYTES] + b"\n")
                rest, skipping = b"", True
            if len(lines) > max_rows * 2 + 10:
                raise ImportRejected("too_large", file=path.name, rows=len(lines))
            if not chunk:  # the end of the file: a last line without a line end
                if rest:
                    lines.append(rest)
                break
            carry = rest + tail
    if lines and lines[0].startswith(codecs.BOM_UTF8):
        lines[0] = lines[0][len(codecs.BOM_UTF8):]
        if 0 in cut:
            cut[0] = (cut[0][0] + len(codecs.BOM_UTF8), cut[0][1])
    return lines, cut


def _text_lines(text: str) -> list[str]:
    """A decoded text's lines split and ended as `_read_lines` does (LF, CRLF or a lone CR, each made LF; not
    at U+2028, NEL, FF… where str.splitlines also ends one but the csv module does not)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line + "\n" for line in text.split("\n")]
    last = lines.pop()[:-1]
    if last:
        lines.append(last)
    return lines


def _decode_lines(raw: list[bytes], name: str, cut: dict[int, tuple[int, int]]
                  ) -> tuple[list[str], list[tuple[int, str, str]], dict[int, tuple[str, int]]]:
    """Decode every line with the file's encoding; lines that do not fit it are read alone and noted. A cut line
    drops the character its cut split (read with an incremental decoder); for each, also returned: the encoding
    it was read with and the bytes of it read."""
    read_cut: dict[int, tuple[str, int]] = {}

    def decoded(index: int, line: bytes, encoding: str, errors: str = "strict") -> str:
        if index not in cut:
            return line.decode(encoding, errors)
        decoder = codecs.getincrementaldecoder(encoding)(errors)
        text = decoder.decode(line[:-1], final=False)  # (the LF put after its cut left out)
        read_cut[index] = (encoding, len(line) - 1 - len(decoder.getstate()[0]))
        return text + "\n"

    failing = []
    for index, line in enumerate(raw):
        if not line.isascii():
            try:
                decoded(index, line, "utf-8")
            except UnicodeDecodeError:
                failing.append(index)
    # GBK text is almost never valid UTF-8: lines that read as UTF-8 are evidence of a UTF-8 file, and a few
    # stray lines among them (a GBK line pasted in) do not make it a GBK file.
    readable = sum(1 for line in raw if not line.isascii()) - len(failing)
    utf8 = readable >= len(failing)
    main, other = ("utf-8", "gb18030") if utf8 else ("gb18030", "utf-8")
    failing_set = set(failing) if utf8 else None
    texts: list[str] = []
    notes: list[tuple[int, str, str]] = []
    for index, line in enumerate(raw):
        if failing_set is not None and index not in failing_set and index not in cut:
            texts.append(line.decode("utf-8"))
            continue
        try:
            texts.append(decoded(index, line, main))
            continue
        except UnicodeDecodeError:
            pass
        try:
            texts.append(decoded(index, line, other))
            notes.append((index, "encoding_mixed", other))
        except UnicodeDecodeError:
            texts.append(decoded(index, line, main, "replace"))
            notes.append((index, "encoding_replaced", main))
    return texts, notes, read_cut


def _parse(lines: list[str], delimiter: str, max_rows: int, name: str) -> tuple[list[list[str]], list[int], int]:
    """Rows parsed by the csv module, the 0-based first line of each and the lines it read (its own count: it
    ends a line at LF, CRLF or a lone CR)."""
    reader = csv.reader(io.StringIO("".join(lines), newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    first_line: list[int] = []
    previous = 0
    try:
        for row in reader:
            rows.append(row)
            first_line.append(previous)
            previous = reader.line_num
            if len(rows) > max_rows:
                raise ImportRejected("too_large", file=name, rows=len(rows))
    except csv.Error as error:
        raise ImportRejected("not_a_spreadsheet", file=name, reason=str(error)) from None
    return rows, first_line, reader.line_num


def _close_cut_quotes(rows: list[list[str]], first_line: list[int], csv_lines: int, lines: list[str],
                      cut: dict[int, tuple[int, int]], delimiter: str, max_rows: int, name: str
                      ) -> tuple[list[list[str]], list[int], int, set[int]]:
    """A line cut inside a quoted cell leaves its quote open, the cell swallowing the lines after it: the quote is
    closed at the cut (a quote put before the line's LF) and the lines parsed again. Also returned: the lines so
    closed."""
    closed: set[int] = set()
    while first_line:
        for line in sorted(cut):
            row = bisect.bisect_right(first_line, line) - 1
            row_end = first_line[row + 1] if row + 1 < len(first_line) else csv_lines
            if line not in closed and row_end > line + 1:  # its row goes on past it
                break
        else:
            break
        lines[line] = lines[line][:-1] + '"\n'
        closed.add(line)
        rows, first_line, csv_lines = _parse(lines, delimiter, max_rows, name)
    return rows, first_line, csv_lines, closed


def _rest_length(path: Path, start: int, end: int, encoding: str, delimiter: str, quoted: bool,
                 after_quote: bool) -> int:
    """The characters of a cut line's last cell past the part read, from byte `start` of the file to the cell's end
    (the next delimiter, or in a quoted cell the one after its closing quote; a doubled quote one character), at
    most to the line's `end`: read again a block at a time, not held. A part read ending with a quote (taken for the
    cell's closing one) followed by another: the cut split a doubled quote, counted from its first half."""
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    count, held = 0, ""
    with path.open("rb") as handle:
        handle.seek(start)
        if after_quote and not quoted and handle.read(1) == b'"':
            start, quoted = start - 1, True
        handle.seek(start)
        left = end - start
        while True:
            data = handle.read(max(0, min(left, _READ_BYTES)))
            left -= len(data)
            last = left <= 0 or not data
            text, held, position = held + decoder.decode(data, final=last), "", 0
            while quoted:
                found = text.find('"', position)
                if found < 0 or (found == len(text) - 1 and not last):  # (a quote last: doubled? the next read tells)
                    stop = len(text) if found < 0 else found
                    count, held, position = count + stop - position, text[stop:], len(text)
                    break
                count += found - position
                if text.startswith('""', found):
                    count, position = count + 1, found + 2
                else:
                    quoted, position = False, found + 1
            if not quoted:
                found = text.find(delimiter, position)
                if found >= 0:
                    return count + found - position
                count += len(text) - position
            if last:
                return count


def _mend_stray_quotes(rows: list[list[str]], first_line: list[int], lines: list[str],
                       delimiter: str) -> tuple[list[list[str]], list[int], list[Note], list[int]]:
    """Rows whose quoted cell swallowed lines that look like rows (each with about as many delimiters as
    the header) are read again one line per row with the quote taken literally; also returned: the positions
    of the rows so read."""
    width = max((len(row) for row in rows[:50]), default=0)
    if width < 2:
        return rows, first_line, [], []
    enough = max(1, (width - 1) // 2)
    mended: list[list[str]] = []
    mended_first: list[int] = []
    notes: list[Note] = []
    read_alone: list[int] = []
    for index, row in enumerate(rows):
        swallowed = next((column for column, cell in enumerate(row) if "\n" in cell and sum(
            1 for part in cell.split("\n")[1:] if part.count(delimiter) >= enough) >= 1), None)
        if swallowed is None:
            mended.append(row)
            mended_first.append(first_line[index])
            continue
        notes.append((len(mended) + 1, swallowed, "quote_unbalanced", row[swallowed].split("\n", 1)[0][:40]))
        end = first_line[index + 1] if index + 1 < len(first_line) else len(lines)
        for number in range(first_line[index], end):
            if lines[number].strip():
                read_alone.append(len(mended))
                mended.extend(csv.reader([lines[number].rstrip("\r\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE))
                mended_first.append(number)
    return mended, mended_first, notes, read_alone


class TextRows(LazyRows):
    """A large text file's rows kept as its decoded lines (a 12 MB CSV of 50,000 orders: ≈ 25 MB, against
    ≈ 120 MB as lists of cells) and parsed again, a block of lines at a time, each time they are walked.
    ``first_line[i]``: the first line of row ``i``, as the whole file's parse found it; ``kept``: the rows that
    parse would not give again (mended stray quotes, cut cells), as they were read."""

    def __init__(self, lines: list[str], first_line: list[int], kept: dict[int, list[str]], delimiter: str) -> None:
        self._lines, self._first_line, self._kept, self._delimiter = lines, first_line, kept, delimiter
        super().__init__(len(first_line))

    def _walk(self, start: int) -> Iterator[list[Any]]:
        stops = sorted(index for index in self._kept if index >= start)
        position = start
        for stop in [*stops, self._height]:
            for first in range(position, stop, _TEXT_BLOCK):
                last = min(first + _TEXT_BLOCK, stop)
                yield from self._parsed(first, last)
            if stop < self._height:
                yield self._kept[stop]
            position = stop + 1

    def _parsed(self, first: int, last: int) -> Iterator[list[Any]]:
        """Rows ``first`` to ``last`` (excluded) parsed from their lines."""
        end = self._first_line[last] if last < self._height else len(self._lines)
        text = "".join(self._lines[self._first_line[first]:end])
        rows = list(islice(csv.reader(io.StringIO(text, newline=""), delimiter=self._delimiter), last - first))
        if len(rows) != last - first:  # (the lines of whole rows parse to those rows: never seen otherwise)
            raise RuntimeError(f"rows {first}–{last} parsed to {len(rows)} rows")
        return iter(rows)


_TEXT_BLOCK = 2_000
