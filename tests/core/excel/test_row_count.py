"""A workbook's data rows are counted for the import dialog, not walked for an import that goes straight on: the
command line (read_ahead) and `run_import` of a path walk a sheet of orders or customers once, for the plan."""

from __future__ import annotations

from core.excel.analysis import choose, load_file, read_ahead
from core.excel.importer import ImportOptions, run_import
from core.excel.sheet_rows import HEAD_ROWS, SheetRows
from tests.core.excel.files import taobao_rows, write_xlsx


def _walks(monkeypatch) -> list[int]:
    walks: list[int] = []
    real = SheetRows._walk
    # (walks from 0 stop at the first row: the head, read_sheets asking whether a sheet is empty)
    monkeypatch.setattr(SheetRows, "_walk", lambda rows, start: (start and walks.append(start)) or real(rows, start))
    return walks


def test_an_import_of_a_path_walks_the_sheet_once_and_its_progress_still_climbs_to_the_end(tmp_path, book,
                                                                                           monkeypatch):
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", {"订单": taobao_rows(HEAD_ROWS * 70)})
    walks = _walks(monkeypatch)
    steps: list[tuple[int, int, str]] = []
    result = run_import(book, path, ImportOptions(backup=False), progress=lambda *step: steps.append(step))
    assert walks == [1]  # the plan's walk from the first data row
    assert result.orders_created > 0 and result.tables[0].data_rows is None  # not counted
    reading = [done for done, _total, what in steps if what == "reading rows"]
    assert reading == sorted(reading) and reading[0] > 5 and reading[-1] <= 45


def test_read_ahead_leaves_the_count_to_whoever_asks(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", {"订单": taobao_rows(HEAD_ROWS * 3)})
    walks = _walks(monkeypatch)
    loaded = read_ahead(path)()
    assert walks == [] and choose(loaded.tables[0], count_rows=False).data_rows is None
    assert choose(loaded.tables[0]).data_rows == HEAD_ROWS * 3 and walks == [1]


def test_the_dialogs_load_counts_the_rows_on_the_reading_thread(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", {"订单": taobao_rows(HEAD_ROWS * 3)})
    walks = _walks(monkeypatch)
    loaded = load_file(path)
    assert walks == [1]
    assert choose(loaded.tables[0], count_rows=False).data_rows == HEAD_ROWS * 3 and walks == [1]
