"""The import and export dialogs with a messy, real-looking seller's workbook; zh_CN screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from core.book.models import Customer, ImportBatch, Order
from tests.core.excel.files import taobao_rows, write_csv, write_far_cell_xlsx, write_xlsx
from tests.ui.test_paste_screenshots import _save as save_shot
from tests.ui.test_paste_screenshots import zh_cn  # noqa: F401  (the fixture that installs the zh_CN translator)
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.tasks import TaskRunner

HEADERS = ["姓名", "手机号", "微信", "收货地址", "标签", "购买日期", "产品", "数量", "金额", "备注"]


def messy_workbook(tmp_path) -> Path:
    """What a seller keeps in WPS: title rows, blank rows, full-width digits, odd dates, a bad row."""
    april = [
        ["2024年4月 老客户登记表（朋友圈+淘宝）"], [], HEADERS,
        ["王芳", "１３９２５１３０１６５", "wf_2024", "广东省 广州市 越秀区 某某路1号(510180)", "宝妈，干皮", "4月3日",
         "云南野生蜂蜜500g", 2, "¥136.00", "要发顺丰"],
        ["  李四 ", "+86 138-0013-8000", "", "北京 北京市 朝阳区 建国路88号", "送礼/老客", dt.date(2024, 4, 5), "面膜30片",
         1, 99, ""],
        ["赵敏", "138****8000", "", "浙江省杭州市西湖区文三路100号", "", "2024.4.8", "红糖姜茶", 3, "87元", "淘宝买家"],
        [None, None, None, None, None, None, None, None, None, None],
        ["周芷若", "13600136000", "zhiruo", "四川省成都市武侯区天府大道1号", "VIP、复购", "03/04/2024", "桂花蜜", 1, 64,
         "日期写得含糊"],
        ["老陈", 13800138001.0, "", "湖南省长沙市岳麓区麓山路1号", "", 45390, "蜂蜜", "-1", 68, "数量填错"],
    ]
    may = [HEADERS, ["王芳", "13925130165", "", "", "复购", "2024/5/3", "云南野生蜂蜜500g", 1, "68", ""],
           ["小林", "", "xiaolin88", "", "", "20240505", "面膜30片", 1, "99.00", "新客"]]
    return write_xlsx(tmp_path / "我的客户表.xlsx", {"2024年4月": april, "2024年5月": may, "说明": [["填表说明：一行一单"]]},
                      merge_title=True)


@pytest.fixture
def tasks(qapp, request):
    """The background runner the dialogs use; drained when the test ends."""
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait(5000)))
    return runner


def count(book, model) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def open_dialog(qtbot, book, tasks, path) -> ImportDialog:
    dialog = ImportDialog(book, tasks, str(path), "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet_list.count() > 0, timeout=10000)
    return dialog


def test_sheets_mapping_and_preview_of_a_messy_workbook(qtbot, book, tasks, tmp_path):
    dialog = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    sheets = [dialog.sheet_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.sheet_list.count())]
    assert sheets == ["2024年4月", "2024年5月", "说明"]
    assert dialog.checked_sheets() == ["2024年4月", "2024年5月"]  # the notes sheet identifies nobody
    assert "row 3" in dialog.header_label.text()  # header found under the title and the blank row
    preview = dialog.preview_table
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    phone_column = headers.index("Phone")
    assert preview.item(0, phone_column).text() == "13925130165"
    assert preview.item(0, headers.index("Order date")).text().startswith("2024-04-03")  # year from the sheet
    # An ambiguous date and a negative quantity cost only the purchase: the customer is imported.
    skipped = [preview.item(r, 1).text() for r in range(preview.rowCount())
               if preview.item(r, 1).text().startswith("Only the customer is imported")]
    assert len(skipped) == 2 and any("ambiguous" in text for text in skipped)
    row = next(r for r in range(dialog.mapping_table.rowCount()) if dialog.mapping_table.item(r, 0).text() == "备注")
    combo = dialog.mapping_table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert "Note" not in [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]


def test_check_then_import_then_undo(qtbot, book, tasks, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=20000)
    assert dialog.result.dry_run and count(book, Customer) == 0
    assert dialog.summary.import_now_button.isVisible()
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.summary.import_now_button.click()
    result = dialog.result
    assert not result.dry_run and result.customers_created == 6 and result.rows_skipped == 0
    assert count(book, Order) == result.orders_created == 5
    assert dialog.summary.errors_table.rowCount() == 2
    report = tmp_path / "problems.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    dialog.summary.report_button.click()
    assert report.exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.book_changed):
        dialog.summary.undo_button.click()
    assert count(book, Customer) == 0 and count(book, Order) == 0
    with book.session() as session:
        assert session.scalar(select(ImportBatch.status)) == "undone"


def test_refused_file_says_why_and_writes_nothing(qtbot, book, tasks, tmp_path):
    picture = tmp_path / "photo.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    dialog = ImportDialog(book, tasks, str(picture), "en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=10000)
    assert "photo.xlsx is not a spreadsheet" in dialog.message_label.text()
    assert not dialog.import_button.isEnabled() and count(book, Customer) == 0


def test_far_cell_workbook_is_refused_in_the_dialog_without_bringing_the_app_down(qtbot, book, tasks, tmp_path):
    """One cell at XFD1048576 in a 5 KB file: calamine would allocate 17 billion cells (SIGABRT, issue #20)."""
    far = write_far_cell_xlsx(tmp_path / "far.xlsx")
    dialog = ImportDialog(book, tasks, str(far), "en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=10000)
    assert "far.xlsx has cells as far out as row 1048576, column 16384" in dialog.message_label.text()
    assert not dialog.import_button.isEnabled() and count(book, Customer) == 0


@pytest.mark.slow
def test_cancel_leaves_the_book_unchanged(qtbot, book, tasks, tmp_path):
    path = write_csv(tmp_path / "ExportOrderList-big.csv", taobao_rows(8000, 3000), encoding="gbk", quote_all=True)
    dialog = open_dialog(qtbot, book, tasks, path)
    dialog.import_button.click()
    assert dialog.pages.currentIndex() == 1
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0, timeout=30000)
    assert "Cancelled" in dialog.message_label.text()
    assert count(book, Customer) == 0 and count(book, ImportBatch) == 0


def test_export_dialog_writes_the_workbook(qtbot, book, tasks, tmp_path, make_customer):
    make_customer(name="阿香", phone="13512345678")
    target = tmp_path / "out.xlsx"
    dialog = ExportDialog(book, tasks, "zh_CN", chooser=lambda _name: str(target))
    qtbot.addWidget(dialog)
    dialog.what_combo.setCurrentIndex(dialog.what_combo.findData("customers"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.exported_path is not None, timeout=20000)
    import openpyxl

    sheet = openpyxl.load_workbook(target)["客户"]
    assert sheet["B2"].value == "阿香"


def test_main_window_hands_dropped_files_and_ctrl_o_to_the_flow(qtbot, book, settings, tmp_path, monkeypatch):
    from ui.excel_flow import ExcelFlow
    from ui.session import Session

    opened = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    session = Session(book=book, book_path=str(book.path), settings=settings)
    flow = ExcelFlow(session)
    flow.import_file(str(messy_workbook(tmp_path)))
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    qtbot.waitUntil(lambda: opened[0].sheet_list.count() == 3, timeout=10000)


@pytest.mark.usefixtures("zh_cn")
def test_screenshots_in_chinese(qtbot, book, tasks, tmp_path):
    dialog = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    assert dialog.windowTitle() != "Import customers and orders"  # translated
    qtbot.waitExposed(dialog)
    save_shot(dialog, "import_dialog_preview")
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.import_button.click()
    save_shot(dialog, "import_dialog_summary")
    garage = write_xlsx(tmp_path / "修车登记.xlsx", {"登记": [
        ["序号", "姓名", "电话", "车牌", "车型", "维修项目", "日期", "金额"],
        [1, "张师傅", "13800138000", "粤B12345", "卡罗拉", "换机油", "2026年9月12号", 300],
        [2, "李姐", "13900139000", "粤A54321", "飞度", "补胎", "2026年9月13号", 50],
        ["合计", "", "", "", "", "", "", 350]]})
    notice = open_dialog(qtbot, book, tasks, garage)
    qtbot.waitExposed(notice)
    assert "车牌、车型、维修项目" in notice.notice_label.text()
    save_shot(notice, "import_dialog_kept_columns")
    export = ExportDialog(book, tasks, "zh_CN", chooser=lambda _name: str(tmp_path / "e.xlsx"))
    qtbot.addWidget(export)
    export.show()
    qtbot.waitExposed(export)
    save_shot(export, "export_dialog")


def test_import_history_lists_batches_and_undoes_one(qtbot, book, tmp_path, monkeypatch):
    from core.excel.importer import run_import
    from ui.dialogs.import_history import ImportHistoryDialog

    run_import(book, messy_workbook(tmp_path))
    dialog = ImportHistoryDialog(book)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and not dialog.undo_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.book_changed):
        dialog.undo_button.click()
    assert count(book, Customer) == 0 and dialog.table.item(0, 5).text() == "Undone"


def test_the_history_tells_the_rows_an_undo_kept(qtbot, book, tmp_path, monkeypatch):
    """Undoing the import that created a customer a later sheet then gave a WeChat: the customer stays, told."""
    from core.excel.importer import run_import
    from tests.core.excel.test_undo_creating_import import _taobao
    from tests.ui.test_import_history_products import undo_in_history

    run_import(book, _taobao(tmp_path / "ExportOrderList201707080001.csv"))
    run_import(book, write_csv(tmp_path / "我的客户.csv", [["姓名", "电话", "微信"], ["王芳", "13925130165", "wangfang88"]]))
    told = undo_in_history(qtbot, book, 1, monkeypatch)  # the Taobao import (newest first)
    assert count(book, Customer) == 1 and count(book, Order) == 0
    assert told == ["1 customers, orders or order lines this import added were changed since (by a later import or "
                    "by hand) or are in a later import too: they were kept, with what this import gave them."]


def test_risk_buyers_are_named_in_the_import_report(qtbot, book, tasks, tmp_path, make_customer):
    import dataclasses

    from core.customers import CustomerService

    risky = make_customer(name="李四", phone="13800138000")
    CustomerService(book).update(risky.id, dataclasses.replace(risky.fields, risk_buyer=True), risky.version)
    dialog = ImportDialog(book, tasks, str(messy_workbook(tmp_path)), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet_list.count() > 0, timeout=10000)
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.import_button.click()
    assert [(r.name, r.orders) for r in dialog.result.risk_buyers] == [("李四", 1)]
    assert "Risk buyers with new orders in this import: 李四 (orders: 1)" in dialog.summary.summary_label.text()


def test_a_header_only_file_dropped_on_the_dialog_is_refused_clearly(qtbot, book, tasks, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    empty = write_xlsx(tmp_path / "empty.xlsx", {"s": [HEADERS]})
    dialog = ImportDialog(book, tasks, None, "en")
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(empty))])
    dialog.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: dialog.sheet_list.count() == 1, timeout=10000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0 and dialog.message_label.text() != "", timeout=20000)
    assert "no data rows" in dialog.message_label.text()
    assert count(book, Customer) == 0 and count(book, ImportBatch) == 0


def test_every_row_refused_names_the_first_problems(qtbot, book, tasks, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", {"s": [["姓名", "购买日期", "产品"], ["", "2024-05-01", "蜂蜜"],
                                                    ["", "2024-05-02", "茶"]]})
    dialog = open_dialog(qtbot, book, tasks, path)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0 and dialog.message_label.text() != "", timeout=20000)
    text = dialog.message_label.text()
    assert "None of the 2 rows" in text and "Row 2:" in text and "no name" in text
    assert count(book, ImportBatch) == 0


def test_kept_columns_and_a_missing_product_column_are_said_before_importing(qtbot, book, tasks, tmp_path):
    path = write_xlsx(tmp_path / "garage.xlsx", {"s": [["姓名", "电话", "车牌", "车型", "日期", "金额"],
                                                       ["张师傅", "13800138000", "粤B12345", "卡罗拉", "2024-05-03", 300]]})
    dialog = open_dialog(qtbot, book, tasks, path)
    notice = dialog.notice_label.text()
    assert dialog.notice_label.isVisibleTo(dialog)
    assert "车牌、车型" in notice and "no products" in notice
    preview = dialog.preview_table
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    assert preview.item(0, headers.index("Keep in the customer's note")).text() == "车牌：粤B12345；车型：卡罗拉"
    row = next(r for r in range(dialog.mapping_table.rowCount()) if dialog.mapping_table.item(r, 0).text() == "车型")
    combo = dialog.mapping_table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData("product_title"))
    combo.activated.emit(combo.currentIndex())
    assert "no products" not in dialog.notice_label.text() and "车牌" in dialog.notice_label.text()


def test_the_report_says_so_when_every_row_was_read(qtbot, book, tasks, tmp_path):
    clean = write_csv(tmp_path / "ExportOrderList-clean.csv", taobao_rows(20, 8))
    dialog = open_dialog(qtbot, book, tasks, clean)
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.import_button.click()
    assert dialog.result.errors == () and "No problems: every row of the file was read." in dialog.summary.summary_label.text()
    messy = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    with qtbot.waitSignal(messy.book_changed, timeout=20000):
        messy.import_button.click()
    assert messy.result.errors and "No problems" not in messy.summary.summary_label.text()


def test_a_large_sheets_rows_are_counted_off_the_gui_thread(qtbot, book, tasks, tmp_path, monkeypatch):
    """A workbook's rows are walked again to count them under a new mapping (seconds for a large export): the
    dialog labels the sheet "counting rows…" at once and the count when a worker has it, and the sheet is never
    walked on the GUI thread, neither for a remembered mapping at opening nor at a change of a column's field."""
    import threading

    from core.excel.analysis import remember_mapping
    from core.excel.mapping import header_signature, normalise_header
    from core.excel.sheet_rows import HEAD_ROWS, SheetRows

    rows = taobao_rows(HEAD_ROWS * 3)
    path = write_xlsx(tmp_path / "orders.xlsx", {"订单": rows})
    with book.session() as session:  # a mapping corrected before: its count is not the one the reader made
        remember_mapping(session, header_signature(tuple(rows[0])), "taobao", {normalise_header("买家留言"): ""})
        session.commit()
    walkers = []
    real = SheetRows._walk
    monkeypatch.setattr(SheetRows, "_walk", lambda self, start: walkers.append(threading.current_thread().name)
                        or real(self, start))
    gate = threading.Event()
    real_count = import_dialog_module().count_data_rows
    monkeypatch.setattr(import_dialog_module(), "count_data_rows",
                        lambda *args, **kwargs: gate.wait(10) and real_count(*args, **kwargs))
    dialog = open_dialog(qtbot, book, tasks, path)
    item = dialog.sheet_list.item(0)
    assert dialog._choices["订单"].remembered and "counting rows…" in item.text()
    gate.set()
    qtbot.waitUntil(lambda: f"{HEAD_ROWS * 3:,} rows" in item.text(), timeout=10000)
    gate.clear()
    row = next(r for r in range(dialog.mapping_table.rowCount()) if dialog.mapping_table.item(r, 0).text() == "买家会员名")
    combo = dialog.mapping_table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert "counting rows…" in item.text() and dialog.preview_table.rowCount() > 0  # the preview did not wait
    gate.set()
    qtbot.waitUntil(lambda: f"{HEAD_ROWS * 3:,} rows" in item.text(), timeout=10000)
    main = threading.main_thread().name
    assert walkers and main not in walkers


def import_dialog_module():
    import ui.dialogs.import_dialog as module

    return module


def _export_with_a_task(book, make_customer, tmp_path, what: str) -> Path:
    """Our own export (``what``: all, or reminders — the 提醒 sheet alone) of a book with one customer and one task."""
    from core.book.models import Reminder
    from core.excel.export import export_book

    customer = make_customer(name="阿香", phone="13512345678")
    with book.session() as session:
        session.add(Reminder(rule_key="manual:1", kind="manual", customer_id=customer.id, due_date=dt.date(2026, 6, 1),
                             title="回访蜂蜜口感"))
    path = tmp_path / f"{what}.xlsx"
    export_book(book, path, what, "zh_CN")
    return path


def _select(dialog, sheet: str) -> None:
    dialog.sheet_list.setCurrentRow(next(row for row in range(dialog.sheet_list.count())
                                         if dialog.sheet_list.item(row).data(Qt.ItemDataRole.UserRole) == sheet))


def test_a_history_sheet_alone_is_previewed_with_the_reason_the_import_gives(qtbot, book, tasks, tmp_path, make_customer):
    """The 提醒 sheet of our export imported alone: its rows come back only with the export's customers sheet; the
    preview said "Skipped — no name, phone…" while the import refuses with history_needs_customers."""
    from ui.text.excel import problem_text

    dialog = open_dialog(qtbot, book, tasks, _export_with_a_task(book, make_customer, tmp_path, "reminders"))
    assert dialog.preview_table.rowCount() == 1
    text = dialog.preview_table.item(0, 1).text()
    assert text == f"Skipped — {problem_text('history_needs_customers')}", text
    assert "no name" not in text
    assert dialog.notice_label.text() == problem_text("history_needs_customers")  # whole, where the cell is cut
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0 and dialog.message_label.text() != "", timeout=20000)
    assert problem_text("history_needs_customers") in dialog.message_label.text()


def test_a_history_sheet_with_the_customers_sheet_previews_its_customer_numbers(qtbot, book, tasks, tmp_path,
                                                                                 make_customer):
    dialog = open_dialog(qtbot, book, tasks, _export_with_a_task(book, make_customer, tmp_path, "all"))
    _select(dialog, "提醒")
    preview = dialog.preview_table
    assert preview.rowCount() == 1 and not preview.item(0, 1).text().startswith("Skipped")
    assert "come back for the customers this import creates" in dialog.notice_label.text()
    customers = next(row for row in range(dialog.sheet_list.count())
                     if dialog.sheet_list.item(row).data(Qt.ItemDataRole.UserRole) == "客户")
    dialog.sheet_list.item(customers).setCheckState(Qt.CheckState.Unchecked)  # now it is alone: said at once
    assert preview.item(0, 1).text().startswith("Skipped — ")
    assert "comes back with the export's customers sheet" in dialog.notice_label.text()


@pytest.mark.usefixtures("zh_cn")
def test_screenshot_of_a_history_sheet_alone_in_chinese(qtbot, book, tasks, tmp_path, make_customer):
    dialog = ImportDialog(book, tasks, str(_export_with_a_task(book, make_customer, tmp_path, "reminders")), "zh_CN")
    qtbot.addWidget(dialog)
    dialog.resize(min(dialog.sizeHint().width(), 1366), min(dialog.sizeHint().height(), 768))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() > 0, timeout=10000)
    qtbot.waitExposed(dialog)
    assert dialog.preview_table.item(0, 1).text().startswith("跳过")
    assert "没有姓名" not in dialog.preview_table.item(0, 1).text()
    save_shot(dialog, "import_dialog_history_sheet_alone")


def test_the_first_values_show_a_phone_typed_as_a_number_and_a_date_as_the_seller_typed_them(qtbot, book, tasks,
                                                                                          tmp_path):
    sheet = write_xlsx(tmp_path / "客户.xlsx", {"Sheet1": [["姓名", "手机", "最近购买日期", "最近买的"],
                                                          ["王芳", 13925130165, dt.datetime(2026, 11, 2), "蜂蜜500g×2"]]})
    dialog = open_dialog(qtbot, book, tasks, sheet)
    shown = {dialog.mapping_table.item(row, 0).text(): dialog.mapping_table.item(row, 1).text()
             for row in range(dialog.mapping_table.rowCount())}
    assert shown["手机"] == "13925130165" and shown["最近购买日期"] == "2026-11-02"
