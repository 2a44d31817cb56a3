"""A text file's rows do not depend on its line ends: LF, CRLF, a lone CR (classic Mac, Excel for Mac's
"CSV (Macintosh)") or a mix give the same rows, read whole or, over `LAZY_TEXT_BYTES`, kept as lines and parsed as
walked (`text_files.TextRows`), a quoted cell's line breaks included (read as LF). A 6 MB CR-only CSV of 120,000
rows imported 80,873 of them (the hostile test's repro_cr_only_csv.sh): its lines were split at LF only, so the
whole file was one line, cut at `MAX_LINE_BYTES`."""

from __future__ import annotations

import random
import re

import pytest

from core.excel import text_files
from core.excel.importer import ImportOptions, run_import
from core.excel.sheet_rows import row_blocks
from core.excel.text_files import TextRows, read_text_table

HEADER = ["姓名", "电话", "购买日期", "商品", "金额", "备注"]
STYLES = ["\r", "\n", "\r\n", "mixed"]


def _rows(count: int) -> list[list[str]]:
    rows = [HEADER]
    for index in range(count):
        note = ""
        if index % 7 == 3:
            note = "请尽快发货\n送到门口\n谢谢"  # a quoted cell of three lines
        elif index % 11 == 5:
            note = '说"好的", 再联系\n\n（空行之后）'  # quotes, a comma and an empty line inside a cell
        rows.append([f"客户{index}", f"139{index:08d}", "2024-05-03", "土蜂蜜500g", str(68 + index % 9), note])
    return rows


def _csv_bytes(rows: list[list[str]], style: str, seed: int = 0) -> bytes:
    """`rows` as CSV, each line end (between rows and in a quoted cell) the style's, or for "mixed" any of the three."""
    pick = random.Random(seed)
    last = [""]

    def end() -> str:  # (in a mix, an LF right after a CR would make the two one CRLF: one line end, not two)
        last[0] = pick.choice(["\r", "\r\n"] if last[0] == "\r" else ["\r", "\n", "\r\n"])
        return last[0] if style == "mixed" else style

    lines = []
    for row in rows:
        cells = []
        for cell in row:
            if any(mark in cell for mark in ',"\n'):
                cell = '"' + re.sub("\n", lambda _match: end(), cell.replace('"', '""')) + '"'
            cells.append(cell)
        lines.append(",".join(cells) + end())
    return "".join(lines).encode("utf-8")


def _read(path, monkeypatch, lazy: bool):
    monkeypatch.setattr(text_files, "LAZY_TEXT_BYTES", 0 if lazy else 10**12)
    rows, notes = read_text_table(path, 100_000)
    assert isinstance(rows, TextRows) is lazy
    return rows, notes


@pytest.mark.parametrize("lazy", [False, True], ids=["read whole", "kept as lines"])
@pytest.mark.parametrize("style", STYLES, ids=["CR", "LF", "CRLF", "mixed"])
def test_a_text_files_rows_do_not_depend_on_its_line_ends(tmp_path, monkeypatch, style, lazy):
    # a line cap and reads small enough that the CR-only file, one LF-less line, was cut, and that CRLFs straddle reads
    monkeypatch.setattr(text_files, "MAX_LINE_BYTES", 4096)
    monkeypatch.setattr(text_files, "_READ_BYTES", 1001)
    monkeypatch.setattr(text_files, "_TEXT_BLOCK", 37)
    expected = _rows(2_000)
    path = tmp_path / "orders.csv"
    path.write_bytes(_csv_bytes(expected, style))
    rows, notes = _read(path, monkeypatch, lazy)
    assert notes == []
    assert len(rows) == len(expected) and list(rows) == expected
    assert [row for block in row_blocks(rows, 450, 100) for row in block] == expected[450:]
    assert rows[1 + 3][5] == "请尽快发货\n送到门口\n谢谢" and rows[-1] == expected[-1]


def test_the_lines_end_where_the_csv_module_ends_them(tmp_path, monkeypatch):
    """`_read_lines` against a plain split at LF, CRLF and a lone CR, with line ends straddling its reads and lines
    longer than its cap (cut, the rest dropped up to the line's end, where it starts and ends in the file told)."""
    pick = random.Random(7)
    path = tmp_path / "lines.csv"
    for _trial in range(3_000):
        data = bytes(pick.choice(b"ab\r\n\r\n") for _ in range(pick.randint(0, 60)))
        cap = pick.randint(1, 10)
        monkeypatch.setattr(text_files, "_READ_BYTES", pick.randint(1, 8))
        monkeypatch.setattr(text_files, "MAX_LINE_BYTES", cap)
        expected, cut = [], {}
        for match in re.finditer(rb"([^\r\n]*)(\r\n|\r|\n)|([^\r\n]+)$", data):
            group = 1 if match[2] else 3
            content, end = match[group], b"\n" if match[2] else b""
            if len(content) > cap:
                cut[len(expected)] = (match.start(group), match.end(group))  # (where it starts and ends in the file)
                content, end = content[:cap], b"\n"
            expected.append(content + end)
        path.write_bytes(data)
        assert text_files._read_lines(path, 10**6) == (expected, cut), data


def test_a_large_cr_only_csv_imports_every_row(tmp_path, monkeypatch, book):
    monkeypatch.setattr(text_files, "MAX_LINE_BYTES", 16_384)
    monkeypatch.setattr(text_files, "LAZY_TEXT_BYTES", 0)
    monkeypatch.setattr(text_files, "_TEXT_BLOCK", 101)
    rows = _rows(1_500)
    cr, crlf = tmp_path / "cr.csv", tmp_path / "crlf.csv"
    cr.write_bytes(_csv_bytes(rows, "\r"))
    crlf.write_bytes(_csv_bytes(rows, "\r\n"))
    checked = run_import(book, crlf, ImportOptions(dry_run=True, backup=False))
    imported = run_import(book, cr, ImportOptions(backup=False))
    assert (imported.customers_created, imported.orders_created, imported.rows_skipped) == (
        checked.customers_created, checked.orders_created, checked.rows_skipped) == (1_500, 1_500, 0)
    assert not imported.errors


@pytest.mark.slow
def test_a_6_mb_cr_only_csv_of_120000_rows_imports_every_row(tmp_path, book):
    """The hostile test's file at its real size, with the real thresholds: over `LAZY_TEXT_BYTES` and
    `MAX_LINE_BYTES`."""
    header = "姓名,电话,购买日期,商品,金额"
    lines = [header] + [f"客户{index},139{index:08d},2024-05-03,土蜂蜜500g,68" for index in range(120_000)]
    cr, crlf = tmp_path / "cr.csv", tmp_path / "crlf.csv"
    cr.write_bytes(("\r".join(lines) + "\r").encode("utf-8"))
    crlf.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert cr.stat().st_size > text_files.MAX_LINE_BYTES > text_files.LAZY_TEXT_BYTES
    cr_rows, cr_notes = read_text_table(cr, 1_000_000)
    crlf_rows, crlf_notes = read_text_table(crlf, 1_000_000)
    assert isinstance(cr_rows, TextRows) and len(cr_rows) == 120_001 and cr_notes == crlf_notes == []
    assert list(cr_rows) == list(crlf_rows)
    imported = run_import(book, cr, ImportOptions(backup=False))
    assert (imported.customers_created, imported.orders_created, imported.rows_skipped) == (120_000, 120_000, 0)
    assert not imported.errors
