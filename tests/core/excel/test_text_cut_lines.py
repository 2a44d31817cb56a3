"""A text file's line longer than `text_files.MAX_LINE_BYTES` is cut: the cut drops the character it splits (a
4 MB cut in a line of pure UTF-8 was noted "a line in no known encoding"), a quote it leaves open is closed there
(the cell swallowed the lines after it, then read one a row as a stray quote: a row of a million cells), and the
cell it ends is reported with its length in the file (a 5,000,000-character cell was reported as 1,398,086: the
part before the cut). The hostile test's repro_messages_misc.sh, part 5."""

from __future__ import annotations

import csv

import pytest

from core.excel import text_files
from core.excel.text_files import TextRows, read_text_table

HEADER = ["姓名", "电话", "购买日期", "商品", "金额", "备注", "渠道"]
AFTER = [["客户1", "13900000001", "2024-05-01", "土蜂蜜500g", "68", "好", "店铺"],
         ["客户2", "13900000002", "2024-05-02", "土蜂蜜500g", "68", "", "店铺"]]


def _write(path, long_cell: str, encoding: str, prefix: str = "", last: bool = False) -> None:
    row = ["客户0" + prefix, "13900000000", "2024-05-01", "土蜂蜜500g", "68", long_cell]
    if not last:
        row.append("店铺")
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([HEADER, row, *AFTER])


@pytest.fixture
def small_caps(monkeypatch):
    """A line cut at 3,000 bytes, a cell at 100 characters, reads of 700 bytes: the real caps' cases, small."""
    monkeypatch.setattr(text_files, "MAX_LINE_BYTES", 3_000)
    monkeypatch.setattr(text_files, "MAX_CELL_CHARS", 100)
    monkeypatch.setattr(text_files, "_READ_BYTES", 700)


@pytest.mark.parametrize("lazy", [False, True], ids=["read whole", "kept as lines"])
@pytest.mark.parametrize("last", [False, True], ids=["cells after it", "the line's last cell"])
@pytest.mark.parametrize("kind", ["plain", "quoted", "quoted, of two lines"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("shift", range(4))
def test_a_cut_line_keeps_whole_characters_its_rows_and_its_cells_length(tmp_path, monkeypatch, small_caps,
                                                                          encoding, kind, last, shift, lazy):
    monkeypatch.setattr(text_files, "LAZY_TEXT_BYTES", 0 if lazy else 10**12)
    # a quoted cell: commas and doubled quotes (one character each) before the cut and after it; or a line break
    # before it too (the line cut is the cell's second; no commas: a line of them would be taken for a row swallowed
    # by a stray quote)
    unit = {"plain": "备注", "quoted": '备注,"好"'}.get(kind, '备注"好"')
    long_cell = ("第一行\n" if kind.endswith("lines") else "") + (unit * 1_000)[:4_000] + "尾"
    path = tmp_path / "long.csv"
    _write(path, long_cell, encoding, "x" * shift, last)  # (the cut lands on each byte of a character)
    rows, notes = read_text_table(path, 1_000)
    assert isinstance(rows, TextRows) is lazy
    assert notes == [(2, -1, "line_cut", ""), (2, 5, "cell_cut", f"{len(long_cell):,}")]
    assert list(rows[2:]) == AFTER and rows[0] == HEADER
    assert rows[1][:5] == ["客户0" + "x" * shift, "13900000000", "2024-05-01", "土蜂蜜500g", "68"]
    assert len(rows[1]) == 6 and rows[1][5] == long_cell[:100]


def test_a_cut_cells_length_is_counted_to_the_end_of_the_file(tmp_path, small_caps):
    path = tmp_path / "long.csv"
    path.write_bytes(("姓名,电话,备注\r\n王芳,13925130165," + "长" * 5_000).encode("utf-8"))  # no line end
    rows, notes = read_text_table(path, 1_000)
    assert notes == [(2, -1, "line_cut", ""), (2, 2, "cell_cut", "5,000")]
    assert rows[1][:2] == ["王芳", "13925130165"]


def test_a_5_mb_utf8_cell_is_cut_whole_characters_and_reported_at_its_length(tmp_path):
    """The hostile test's file, with the real caps: 5,000,000 characters (15 MB) in a cell of the second line."""
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["姓名", "电话", "购买日期", "商品", "金额", "备注"],
                                      ["客户0", "13900000000", "2024-05-01", "土蜂蜜500g", "68", "备" * 5_000_000],
                                      ["客户1", "13900000001", "2024-05-01", "土蜂蜜500g", "68", ""]])
    rows, notes = read_text_table(path, 1_000)
    assert notes == [(2, -1, "line_cut", ""), (2, 5, "cell_cut", "5,000,000")]
    assert rows[1][5] == "备" * text_files.MAX_CELL_CHARS and rows[2][0] == "客户1"
