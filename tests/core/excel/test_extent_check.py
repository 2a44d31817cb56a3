"""The far-cell check of a worksheet (core.excel.readers._check_extent): a chunk's last row element gives its rows
and one regex pass per chunk looks for anything past them; rows and columns are compared rounded up (59999, AZ)
unless the sheet may be read in slices. The figures of a refusal and of a sliced sheet are always exact.

These call the check alone (no calamine): a far cell let through would make calamine abort the test process."""

from __future__ import annotations

import zipfile

import pytest

from core.errors import ImportRejected
from core.excel import readers
from core.excel.readers import Limits, _check_extent, _check_zip
from core.excel.readers import _letters_of as _letters


def _sheet(rows: list[tuple[int, list[str]]]) -> bytes:
    """Worksheet XML of (row number, [cell references]) in the order given."""
    body = "".join(f'<row r="{number}">' + "".join(f'<c r="{ref}"><v>1</v></c>' for ref in refs) + "</row>"
                   for number, refs in rows)
    return f'<worksheet><sheetData>{body}</sheetData></worksheet>'.encode()


def _table(rows: int, columns: int = 3) -> list[tuple[int, list[str]]]:
    return [(number, [f"{_letters(column)}{number}" for column in range(1, columns + 1)]) for number in range(1, rows + 1)]


def _extent(tmp_path, xml: bytes, limits: Limits = readers.DEFAULT_LIMITS, exact: bool = False):
    path = tmp_path / "s.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    with zipfile.ZipFile(path) as archive:
        return _check_extent(path, archive, archive.getinfo("xl/worksheets/sheet1.xml"), limits, exact)


@pytest.fixture(params=[40, 97, 1 << 20], ids=["40B", "97B", "1MB"])
def chunk(request, monkeypatch):
    """Chunks small enough that references and row elements are cut at their ends."""
    monkeypatch.setattr(readers, "_CHUNK", request.param)
    return request.param


def _refusal(tmp_path, xml: bytes, limits: Limits = readers.DEFAULT_LIMITS) -> tuple[str, dict]:
    with pytest.raises(ImportRejected) as caught:
        _extent(tmp_path, xml, limits)
    return caught.value.code, {key: caught.value.details[key] for key in ("rows", "columns")}


def test_a_far_row_element_out_of_order_is_refused_with_its_exact_figures(tmp_path, chunk):
    rows = _table(30)
    rows.insert(3, (1048576, ["B1048576"]))
    assert _refusal(tmp_path, _sheet(rows)) == ("far_cells", {"rows": 1048576, "columns": 26})


def test_a_far_cell_inside_an_earlier_row_is_refused(tmp_path, chunk):
    rows = _table(30)
    rows[2] = (3, ["A3", "XFD1048576"])  # a cell far below and right of the row it is in, rows follow it
    assert _refusal(tmp_path, _sheet(rows)) == ("far_cells", {"rows": 1048576, "columns": 16384})


def test_a_cell_below_the_last_row_counts_in_the_exact_rows(tmp_path, chunk):
    rows = _table(30)
    rows[5] = (6, ["A6", "C57"])  # below every row element
    assert _extent(tmp_path, _sheet(rows), exact=True) == (False, 57)
    assert _extent(tmp_path, _sheet(_table(30)), exact=True) == (False, 30)


def test_rows_over_the_limit_only_when_rounded_up_are_accepted(tmp_path, chunk):
    """150 rows round up to 199, over a limit of 180: the exact count decides."""
    formulas, rows = _extent(tmp_path, _sheet(_table(150)), Limits(max_rows=180))
    assert not formulas and rows >= 150
    assert _refusal(tmp_path, _sheet(_table(181)), Limits(max_rows=180)) == ("too_large", {"rows": 181, "columns": 26})


def test_columns_over_the_limit_only_when_rounded_up_are_accepted(tmp_path, chunk):
    """30 columns (AD) round up to AZ (52): 40 rows × 52 is over 1,500 cells, 40 × 30 is not."""
    assert _extent(tmp_path, _sheet(_table(40, 30)), Limits(max_cells=1500))[1] >= 40
    assert _refusal(tmp_path, _sheet(_table(40, 38)), Limits(max_cells=1500)) == (
        "too_large", {"rows": 40, "columns": 38})


def test_a_formula_is_found_in_any_chunk(tmp_path, chunk):
    xml = _sheet(_table(40)).replace(b'<c r="B33"><v>1</v>', b'<c r="B33"><f>A1+1</f><v>2</v>')
    assert _extent(tmp_path, xml)[0] is True


def test_a_sheet_that_may_be_sliced_gets_its_exact_rows(tmp_path, monkeypatch):
    from core.excel import sheet_slices

    monkeypatch.setattr(sheet_slices, "LARGE_WORKBOOK_BYTES", 100)
    monkeypatch.setattr(sheet_slices, "SLICED_SHEET_BYTES", 100)
    monkeypatch.setattr(readers, "sheet_parts", lambda archive: {"s": "xl/worksheets/sheet1.xml"})
    rows = _table(30)
    rows[5] = (6, ["A6", "C57"])
    path = tmp_path / "s.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(rows))
    assert _check_zip(path, readers.DEFAULT_LIMITS) == (False, {"s": ("xl/worksheets/sheet1.xml", 57)})


def test_the_formula_search_answers_as_the_regex_whatever_the_fs_before(tmp_path, chunk):
    """readers._has_formula looks at each "f" of a chunk (rare in a sheet's XML), the regex past the first 64: the
    same answer with none, a few or hundreds of "f" in the texts before the formula, in its three forms, and no
    formula found in what only looks like one (an "<f" in an element name, an "f>" in a text)."""
    import random

    pick = random.Random(18)
    pieces = [b"f", b"ff ", b"<fx/>", b"of>", b"f/", b"<c/>", b"&lt;f ", b'"f"', b"<t>f</t>", b"\xe6\x9d\xa5"]
    forms = [b"<f>A1+1</f>", b'<f t="shared" si="0"/>', b"<f/>"]
    for case in range(300):
        body = b"".join(pick.choice(pieces) for _ in range(pick.choice([0, 3, 40, 200])))
        if case % 3:
            at = pick.randrange(len(body) + 1)
            body = body[:at] + pick.choice(forms) + body[at:]
        assert readers._has_formula(body) is (readers._FORMULA.search(body) is not None), body
    many = b"".join(f'<c r="A{n}" t="inlineStr"><is><t>offer f{n}</t></is></c>'.encode() for n in range(1, 200))
    xml = b"<worksheet><sheetData><row r=\"1\">" + many + b'<c r="B1"><f>A1</f></c></row></sheetData></worksheet>'
    assert _extent(tmp_path, xml)[0] is True
    assert _extent(tmp_path, xml.replace(b"<f>A1</f>", b"<v>1</v>"))[0] is False


_FAULTS = """
import resource, sys
from pathlib import Path
from core.excel import readers
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
found = readers._check_zip(Path(sys.argv[1]), readers.DEFAULT_LIMITS)
print(found == (False, {}), resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def test_the_scan_of_a_big_sheet_uses_its_chunks_memory_again(tmp_path):
    """readers._CHUNK (64 KB, below glibc's mmap threshold): the chunks of a sheet's 22 MB of XML are heap memory
    used again, not each mapped and faulted in anew (1 MB chunks: ≈ 4,000 page faults for this sheet, ≈ 18,000
    and ≈ 0.05 s CPU for the 50,000-row workbook of bench/bench_excel.py). In a process of its own, as the
    command line's: one that made the XML has a heap already grown to hold it."""
    import random
    import subprocess
    import sys

    from tests.conftest import ROOT

    pick = random.Random(18)
    # (a few figures repeated: the XML packs ≈ 7 times, as a real sheet's ≈ 10, so zlib's input is read a piece at
    # a time too)
    xml = _sheet(_table(40_000, 20)).replace(b"<v>1</v>", b"<v>%d</v>")
    xml = xml % tuple(pick.randrange(100) for _ in range(xml.count(b"%d")))
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    info = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > 20_000_000 and info.compress_size * 5 < info.file_size
    out = subprocess.run([sys.executable, "-c", _FAULTS, str(path)], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    same, faults = out.stdout.split()
    assert same == "True" and int(faults) < 1_000, out.stdout
