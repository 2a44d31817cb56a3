"""Import history: every import of the book, newest first, undo for the ones still in effect, and the
review of proposed merges nobody decided yet."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import HuitoukeError
from core.excel.batches import UndoResult, list_batches, undo_import
from core.excel.review import pending_proposals
from ui.dialogs.lane_save import save_on_lane
from ui.text.errors import describe
from ui.text.excel import preset_label
from ui.widgets.merge_review import MergeReviewDialog


class ImportHistoryDialog(QDialog):
    """Lists the book's import batches; ``book_changed`` after an undo or a merge."""

    book_changed = Signal()

    def __init__(self, book, parent=None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) an undo is one of its saves, off the GUI thread
        (ui.dialogs.lane_save.save_on_lane)."""
        super().__init__(parent)
        self._book, self._lane = book, lane
        self.setWindowTitle(self.tr("Import history"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("File"), self.tr("Kind"),
                                              self.tr("New customers"), self.tr("New orders"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo the selected import"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.review_button = QPushButton()
        self.review_button.setToolTip(self.tr("New customers of these imports share only a name with a customer "
                                              "already in the book: merge them or keep them separate"))
        self.review_button.clicked.connect(self._on_review_button_clicked)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.accept)
        row.addWidget(self.undo_button)
        row.addWidget(self.review_button)
        row.addStretch(1)
        row.addWidget(close_button)
        layout.addLayout(row)
        self.resize(760, 380)
        self.refresh()

    def refresh(self) -> None:
        self._batches = list_batches(self._book)
        self.table.setRowCount(len(self._batches))
        for row, batch in enumerate(self._batches):
            presets = "、".join(preset_label(key) for key in batch.preset.split(",") if key)
            state = {"undone": self.tr("Undone"), "running": self.tr("Being imported")}.get(
                batch.status, self.tr("In the book"))
            for column, text in enumerate((batch.created_at.strftime("%Y-%m-%d %H:%M"), batch.file_name, presets,
                                           str(batch.customers_created), str(batch.orders_created), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, batch.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._on_table_item_selection_changed()
        pending = len(pending_proposals(self._book))
        self.review_button.setText(self.tr("Review %1 possible duplicates…").replace("%1", str(pending)))
        self.review_button.setVisible(pending > 0)

    def _on_review_button_clicked(self) -> None:
        review = MergeReviewDialog(self._book, parent=self, lane=self._lane)
        review.book_changed.connect(self.book_changed)
        review.exec()
        self.refresh()

    def selected_batch(self):
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self._batches[rows.pop()] if len(rows) == 1 else None

    def _on_table_item_selection_changed(self) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(batch is not None and batch.status == "done")

    def _on_undo_button_clicked(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            return
        answer = QMessageBox.question(self, self.tr("Undo import"), self.tr(
            "Remove the customers and orders that “%1” added and put back what it changed?")
            .replace("%1", batch.file_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        save_on_lane(self._lane, self.undo_button, lambda: undo_import(self._book, batch.id),
                     self._undone, self._undo_failed)

    def _undo_failed(self, error: HuitoukeError) -> None:
        QMessageBox.warning(self, self.tr("Undo import"), describe(error))
        self.refresh()

    def _undone(self, result: UndoResult | None = None) -> None:
        self.book_changed.emit()
        self.refresh()
        if result is None:
            return
        told = []
        if result.rows_kept:  # rows it created that a later import or the seller changed since, or a later import holds
            told.append(self.tr("%1 customers, orders or order lines this import added were changed since (by a later "
                                "import or by hand) or are in a later import too: they were kept, with what this "
                                "import gave them.").replace("%1", str(result.rows_kept)))
        if result.values_kept:  # a later import or the seller changed them since, or a later import gave the same
            told.append(self.tr(
                "%1 values changed since this import (by a later import or by hand), or given the same by a later "
                "import, were kept as they are.").replace("%1", str(result.values_kept)))
        if result.products_kept:  # products it made that other imports' or the seller's order lines use, or edited
            told.append(self.tr("%1 products this import made were kept: order lines of other imports or your own "
                                "orders use them, or you edited them since.").replace("%1", str(result.products_kept)))
        if told:
            QMessageBox.information(self, self.tr("Undo import"), "\n".join(told))
