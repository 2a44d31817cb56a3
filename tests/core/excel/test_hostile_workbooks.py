"""Tiny workbooks that ask a reader for a huge grid (issue #20): refused with exit 2, never an abort.

Each file is a few KB. Before the fix the far-cell workbook ended the process with SIGABRT (exit 134):
calamine allocates the dense grid from A1 to the farthest cell. The reads run in subprocesses under an
address-space limit, so a regression fails the test instead of taking the test run down.
"""

from __future__ import annotations

import json
import resource
import shutil
import zipfile

import pytest

from tests.core.book_files import make_book, run_cli
from tests.core.excel.files import write_far_cell_xlsx, write_ods

MEMORY_LIMIT = 3 * 1024 ** 3  # far below the 17 billion cells a far cell asks for


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _far_ods(path):
    """An OpenDocument relative: one repeated row of 16,384 cells 1,048,570 times, then a far cell."""
    plain = write_ods(path.with_suffix(".plain.ods"), {"订单": [["姓名", "手机"], ["张三", "13800138000"]]})
    far = (b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
           b'table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell '
           b'table:number-columns-repeated="16383"/><table:table-cell office:value-type="string"><text:p>x'
           b"</text:p></table:table-cell></table:table-row></table:table>")
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"</table:table>", far) if info.filename == "content.xml" else data)
    plain.unlink()
    return path


CORPUS = {
    "far_cell_with_dimension.xlsx": lambda p: write_far_cell_xlsx(p),
    "far_cell_without_dimension.xlsx": lambda p: write_far_cell_xlsx(p, dimension=None),
    "far_cell_in_the_first_row_element.xlsx": lambda p: write_far_cell_xlsx(p, dimension=None, row_of_far=1),
    "far_row_only.xlsx": lambda p: write_far_cell_xlsx(p, far="B1048576", dimension="A1:B1048576"),
    "far_cells.ods": _far_ods,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_the_cli_refuses_a_far_reaching_workbook_with_exit_2_and_the_book_unchanged(tmp_path, name):
    book = make_book(tmp_path / "b.book")
    hostile = CORPUS[name](tmp_path / name)
    assert hostile.stat().st_size < 10_000
    shutil.copyfile(book, tmp_path / "before.book")
    out = run_cli("import", hostile, "--book", book, "--json", preexec_fn=_limit_memory)
    assert out.returncode == 2, (out.returncode, out.stderr[-2000:])
    error = json.loads(out.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] in ("far_cells", "too_large", "not_a_spreadsheet"), error
    if name.endswith(".xlsx"):
        assert error["code"] == "far_cells"
    assert book.read_bytes() == (tmp_path / "before.book").read_bytes()


@pytest.mark.slow
def test_an_ordinary_workbook_with_a_wide_table_still_imports(tmp_path):
    from tests.core.excel.files import write_xlsx

    book = make_book(tmp_path / "b.book")
    headers = ["姓名", "手机"] + [f"备注{i}" for i in range(60)]  # columns up to BJ
    rows = [headers] + [[f"客户{r}", f"1370000{r:04d}"] + ["" for _ in range(60)] for r in range(50)]
    wide = write_xlsx(tmp_path / "wide.xlsx", {"客户": rows})
    out = run_cli("import", wide, "--book", book, "--json", preexec_fn=_limit_memory)
    assert out.returncode == 0, out.stderr[-2000:]


def test_row_elements_without_their_optional_number_are_read(tmp_path):
    """`<row>` without r= (allowed by the format; some generators write it so): the extent check must not
    fail on a chunk that names no wide column."""
    import re
    import zipfile

    from core.excel.readers import read_sheets
    from tests.core.excel.files import write_xlsx

    rows = [["姓名", "手机"]] + [[f"客户{i}", f"138001380{i:02d}"] for i in range(48)]
    base = write_xlsx(tmp_path / "base.xlsx", {"订单": rows})
    path = tmp_path / "rows_without_numbers.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<row r=\"\d+\"", b"<row", data)
                data = re.sub(rb"<dimension ref=\"[^\"]*\"\s*/>", b"", data)
            target.writestr(info, data)
    sheets = read_sheets(path)
    assert len(sheets[0].rows) == 49 and sheets[0].rows[1][0] == "客户0"
