"""The import history tells the products an undo kept (core.excel.undo_products), in English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from core.book.models import Product
from core.excel.importer import run_import
from tests.core.excel.test_undo_products import _file
from tests.ui.test_paste_screenshots import zh_cn  # noqa: F401  (the fixture that installs the zh_CN translator)
from ui.dialogs.import_history import ImportHistoryDialog

ENGLISH = ("1 products this import made were kept: order lines of other imports or your own orders use them, or you "
           "edited them since.")
CHINESE = "此次导入新建的商品中有 1 个已保留：其他导入或你自己的订单里有商品行用到它们，或你之后修改过它们。"


def undo_in_history(qtbot, book, row: int, monkeypatch) -> list[str]:
    """Undo the import of ``row`` (newest first) in the import history, answering Yes; what it then told."""
    dialog = ImportHistoryDialog(book)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    with qtbot.waitSignal(dialog.book_changed):
        dialog.undo_button.click()
    qtbot.waitUntil(lambda: bool(told))
    return told


def _undo_the_first(qtbot, book, tmp_path, monkeypatch) -> list[str]:
    run_import(book, _file(tmp_path / "ExportOrderList201707080001.csv", ("1001", "桂花蜜"), ("1002", "红糖姜茶")))
    run_import(book, _file(tmp_path / "ExportOrderList201707090001.csv", ("2001", "桂花蜜")))
    told = undo_in_history(qtbot, book, 1, monkeypatch)  # the first import
    with book.session() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 1  # the honey, on the second's order
    return told


def test_the_history_tells_the_products_an_undo_kept(qtbot, book, tmp_path, monkeypatch):
    assert _undo_the_first(qtbot, book, tmp_path, monkeypatch)[0].splitlines()[-1] == ENGLISH  # (the customer: told above)


@pytest.mark.usefixtures("zh_cn")
def test_the_history_tells_the_products_an_undo_kept_in_chinese(qtbot, book, tmp_path, monkeypatch):
    assert _undo_the_first(qtbot, book, tmp_path, monkeypatch)[0].splitlines()[-1] == CHINESE
