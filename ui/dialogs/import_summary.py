"""The import dialog's last page: what an import (or its check) did, its problems, the new customers that may
be people already in the book, and the actions on it (save the problem list, undo the import)."""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import HuitoukeError
from core.excel.batches import undo_import
from core.excel.export import write_error_report
from core.excel.importer import ImportResult
from ui.dialogs.lane_save import save_on_lane
from ui.text.errors import describe
from ui.text.excel import problem_text
from ui.widgets.merge_review import MergeReviewWidget


class ImportSummary(QWidget):
    """Shows one ImportResult (`show_result`). ``back_requested`` / ``import_now_requested`` come from a check's
    buttons, ``done_requested`` from Done; ``book_changed`` after an undo or a merge wrote to the book."""

    back_requested = Signal()
    import_now_requested = Signal()
    done_requested = Signal()
    book_changed = Signal()

    def __init__(self, book, language: str, lane=None, parent=None) -> None:
        super().__init__(parent)
        self._book, self._language, self._lane = book, language, lane
        self.result: ImportResult | None = None
        self.file_stem = "import"  # the file's name without its suffix: the problem list's default name
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        self.errors_table = QTableWidget(0, 5)
        self.errors_table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                                     self.tr("Left out"), self.tr("Problem")])
        self.errors_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.errors_table.verticalHeader().hide()
        self.errors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review = MergeReviewWidget(self._book, lane=self._lane)
        self.review.book_changed.connect(self.book_changed)
        self.summary_tabs = QTabWidget()
        self.summary_tabs.addTab(self.errors_table, "")
        self.summary_tabs.addTab(self.review, "")
        layout.addWidget(self.summary_tabs, 1)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Save problem list…"))
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.back_button = QPushButton(self.tr("Back to the file"))
        self.back_button.clicked.connect(self.back_requested)
        self.import_now_button = QPushButton(self.tr("Import now"))
        self.import_now_button.clicked.connect(self.import_now_requested)
        done_button = QPushButton(self.tr("Done"))
        done_button.clicked.connect(self.done_requested)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.import_now_button, done_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        lines = [
            self.tr("New customers: %1 · updated: %2").replace("%1", str(result.customers_created))
            .replace("%2", str(result.customers_updated)),
            self.tr("New orders: %1 · updated: %2 · already in the book: %3")
            .replace("%1", str(result.orders_created)).replace("%2", str(result.orders_updated))
            .replace("%3", str(result.orders_unchanged)),
            self.tr("Rows read: %1 · skipped: %2").replace("%1", str(result.rows_read))
            .replace("%2", str(result.rows_skipped)),
        ]
        if result.products_created or result.products_updated:
            lines.append(self.tr("Products new: %1 · updated: %2").replace("%1", str(result.products_created))
                         .replace("%2", str(result.products_updated)))
        if result.items_added or result.items_replaced:
            lines.append(self.tr("Items added to orders already in the book: %1")
                         .replace("%1", str(result.items_added + result.items_replaced)))
        if result.reviews:
            lines.append(self.tr("%1 new customers look like a customer already in the book (the same name, or "
                                 "a masked name and phone that fit); check them below and merge them if they are "
                                 "the same person.")
                         .replace("%1", str(len(result.reviews))))
        if result.risk_buyers:
            names = "、".join(self.tr("%1 (orders: %2)").replace("%1", html.escape(r.name) or f"#{r.customer_id}")
                             .replace("%2", str(r.orders)) for r in result.risk_buyers[:20])
            more = len(result.risk_buyers) - 20
            lines.append("<span style='color:#c92a2a'>⚠ " + self.tr("Risk buyers with new orders in this import: %1")
                         .replace("%1", names + (self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else ""))
                         + "</span>")
        if not result.errors:
            lines.append(self.tr("No problems: every row of the file was read."))
        title = (self.tr("Check only — nothing was written. This is what the import would do:") if result.dry_run
                 else self.tr("Import finished."))
        self.summary_label.setText(f"<b>{title}</b><br>" + "<br>".join(lines))
        self._fill_errors(result)
        self.review.set_views(result.reviews, read_only=result.dry_run)
        self.summary_tabs.setTabText(1, self.tr("Maybe the same person (%1)").replace("%1", str(len(result.reviews))))
        self.summary_tabs.setTabVisible(1, bool(result.reviews))
        self.summary_tabs.setCurrentIndex(1 if result.reviews else 0)
        self.report_button.setEnabled(bool(result.errors))
        self.undo_button.setVisible(not result.dry_run)
        self.undo_button.setEnabled(not result.dry_run)
        self.import_now_button.setVisible(result.dry_run)
        self.back_button.setVisible(result.dry_run)

    def _fill_errors(self, result: ImportResult) -> None:
        self.errors_table.setRowCount(len(result.errors))
        for row, error in enumerate(result.errors):
            left_out = {"row": self.tr("the row"), "purchase": self.tr("the purchase (customer imported)"),
                        "field": self.tr("the cell (customer imported)"),
                        "note": self.tr("nothing (note)")}.get(error.scope, error.scope)
            for column, text in enumerate((error.sheet, str(error.row or ""), error.column, left_out,
                                           problem_text(error.code, error.value))):
                self.errors_table.setItem(row, column, QTableWidgetItem(text))
        self.errors_table.resizeColumnsToContents()
        self.summary_tabs.setTabText(0, self.tr("Problems and notes (%1)").replace("%1", str(len(result.errors))))

    def _on_report_button_clicked(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save problem list"), f"{self.file_stem}-problems.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            write_error_report(self.result.errors, path, self._language)

    def _on_undo_button_clicked(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Undo this import"), self.tr(
            "Remove the customers and orders this import added and put back what it changed?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        batch_id = self.result.batch_id
        save_on_lane(self._lane, self.undo_button, lambda: undo_import(self._book, batch_id),
                     lambda _result: self._undone(), self._undo_failed)

    def _undo_failed(self, error: HuitoukeError) -> None:
        QMessageBox.warning(self, self.tr("Undo this import"), describe(error))

    def _undone(self) -> None:
        self.undo_button.setEnabled(False)  # undone once; the history lists it as undone
        self.review.set_views(())  # the import's new customers are gone: nothing left to review
        self.summary_tabs.setTabVisible(1, False)
        self.summary_label.setText(self.summary_label.text() + "<br><b>" + self.tr("The import was undone.") + "</b>")
        self.book_changed.emit()
