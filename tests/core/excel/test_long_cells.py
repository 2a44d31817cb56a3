"""An .xlsx cell longer than Excel's 32,767 characters (other programs write them; openpyxl and Excel cut
them) is cut there with a note by cell, as a text file's is (`cell_cut`, its length in the file) — calamine
reads it whole and said nothing (issue #18, hostile testing)."""

from __future__ import annotations

import zipfile

import pytest

from core.book.models import Customer
from core.excel import readers
from core.excel.importer import run_import
from core.excel.readers import read_sheets
from tests.core.excel.files import write_ods, write_raw_xlsx, write_xlsx

LIMIT = 32_767


def _sheet(long_row: int) -> list[list[str]]:
    """Customers with notes: a long one on row 2 and on ``long_row`` (past the rows a sheet keeps at hand), one of
    Excel's length in three-byte characters, one full of entities."""
    rows = [["姓名", "手机号", "备注"]] + [[f"客户{n}", f"1380000{n:04d}", "好"] for n in range(2, long_row + 2)]
    rows[1][2] = "备" * 40_000
    rows[long_row - 1][2] = "x" * (LIMIT + 1)
    rows[3][2] = "满" * LIMIT  # exactly Excel's limit: not cut
    rows[4][2] = "a&b<c" * 7_000  # 35,000 characters, more in the XML
    return rows


@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich-text runs"])
@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared strings"])
def test_a_cell_past_excels_limit_is_cut_with_a_note_by_cell(tmp_path, shared, rich):
    path = write_raw_xlsx(tmp_path / "long.xlsx", {"客户": _sheet(100), "空": [["姓名"], ["阿香"]]}, shared=shared,
                          rich=rich)
    first, second = read_sheets(path)
    assert first.notes == [(2, 2, "cell_cut", "40,000"), (5, 2, "cell_cut", "35,000"),
                           (100, 2, "cell_cut", "32,768")]
    assert second.notes == []
    rows = list(first.rows)
    assert [len(row[2]) for row in rows[1:5]] == [LIMIT, 1, LIMIT, LIMIT]
    assert rows[99][2] == "x" * LIMIT and rows[4][2] == ("a&b<c" * 7_000)[:LIMIT]
    assert rows[2] == ["客户3", "13800000003", "好"]


def test_the_import_says_which_cell_was_cut_and_keeps_excels_length(tmp_path, book):
    path = write_raw_xlsx(tmp_path / "long.xlsx", {"客户": _sheet(80)})
    result = run_import(book, path)
    notes = [(e.sheet, e.row, e.column, e.code, e.value, e.scope) for e in result.errors]
    assert notes == [("客户", 2, "备注", "cell_cut", "40,000", "note"), ("客户", 5, "备注", "cell_cut", "35,000", "note"),
                     ("客户", 80, "备注", "cell_cut", "32,768", "note")]
    with book.session() as session:
        lengths = {customer.name: len(customer.note or "") for customer in session.query(Customer)}
    assert lengths["客户2"] == lengths["客户80"] == LIMIT and lengths["客户4"] == LIMIT


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared strings"])
def test_a_long_cell_split_between_the_chunks_the_check_reads_is_found(tmp_path, monkeypatch, shared):
    monkeypatch.setattr(readers, "_CHUNK", 10_000)  # the long cells span several chunks
    path = write_raw_xlsx(tmp_path / "long.xlsx", {"客户": _sheet(70)}, shared=shared)
    assert [note[:3] for note in read_sheets(path)[0].notes] == [(2, 2, "cell_cut"), (5, 2, "cell_cut"),
                                                                   (70, 2, "cell_cut")]


def test_an_ordinary_workbook_is_never_read_again_for_long_cells(tmp_path):
    """The check is a few probes a MB of the XML it reads anyway: a workbook of ordinary cells is not flagged,
    so no second read of its sheets or shared strings happens."""
    from core.excel.odd_files import may_hold_long_text

    rows = [["姓名", "手机号", "备注"]] + [[f"客户{n}", f"1380000{n:04d}", "老客，" * 50] for n in range(3_000)]
    path = write_xlsx(tmp_path / "ordinary.xlsx", {"客户": rows})
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.endswith(".xml")]
        assert not any(may_hold_long_text(archive.read(name))[0] for name in parts)
    long_text: set[str] = set()
    readers._check_zip(path, readers.DEFAULT_LIMITS, long_text)
    assert long_text == set()


def test_an_ods_cell_past_excels_limit_is_cut_with_a_note_as_an_xlsx_s(tmp_path, book):
    """LibreOffice writes cells of any length and calamine reads an .ods's whole: cut there and noted by cell, as
    an .xlsx's; an .ods of ordinary cells is not read again."""
    import random

    chosen = random.Random(5)
    sheet = _sheet(100)
    for row, length in ((1, 40_000), (99, LIMIT + 1), (3, LIMIT)):  # (text a zip does not shrink 100 times)
        sheet[row][2] = "".join(chosen.choice("备注老客宝妈复购蜂蜜面膜abcXYZ0123&<") for _ in range(length))
    path = write_ods(tmp_path / "long.ods", {"客户": sheet, "空": [["姓名"], ["阿香"]]})
    first, second = read_sheets(path)
    assert first.notes == [(2, 2, "cell_cut", "40,000"), (5, 2, "cell_cut", "35,000"), (100, 2, "cell_cut", "32,768")]
    assert second.notes == []
    rows = list(first.rows)
    assert [len(row[2]) for row in rows[1:5]] == [LIMIT, 1, LIMIT, LIMIT]
    assert rows[99][2] == sheet[99][2][:LIMIT] and rows[4][2] == ("a&b<c" * 7_000)[:LIMIT]
    result = run_import(book, path)
    assert [(e.row, e.column, e.code, e.value) for e in result.errors] == [
        (2, "备注", "cell_cut", "40,000"), (5, "备注", "cell_cut", "35,000"), (100, "备注", "cell_cut", "32,768")]
    with book.session() as session:
        assert max(len(customer.note or "") for customer in session.query(Customer)) == LIMIT
    ordinary = write_ods(tmp_path / "ordinary.ods", {"客户": [["姓名", "备注"], *[[f"客户{n}", "老客，" * 50]
                                                                               for n in range(1_500)]]})
    long_text: set[str] = set()
    readers._check_zip(ordinary, readers.DEFAULT_LIMITS, long_text)
    assert long_text == set()
