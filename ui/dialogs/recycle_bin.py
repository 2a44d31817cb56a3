"""The recycle bin: deleted customers, restorable; "erase" removes every trace after a confirmation."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from core.customers import CustomerService
from core.dto import CustomerQuery
from ui.dialogs.lane_save import save_on_lane
from ui.models.customers import Column, CustomersModel
from ui.text.errors import describe
from ui.widgets.table import ListTableView


class RecycleBinDialog(QDialog):
    """Lists deleted customers (newest deletion first). Emits ``changed`` after a restore or an erase.

    With a `lane` (ui.book_lane.BookLane) restoring and erasing run there, both buttons disabled meanwhile; the
    list is read again when the write is done."""

    changed = Signal()

    def __init__(self, customers: CustomerService, settings: QSettings,
                 today: Callable[[], dt.date] = dt.date.today, parent=None, lane=None):
        super().__init__(parent)
        self._customers, self._lane = customers, lane
        self.setWindowTitle(self.tr("Recycle bin"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Deleted customers stay here until you restore or erase them. Erasing removes the customer with "
            "all orders, reminders, contacts and cases from the book for good.")))
        self.model = CustomersModel(customers, today, CustomerQuery(deleted=True, sort="deleted_at", descending=True))
        self.table = ListTableView("recycle_bin", settings, default_hidden=(
            Column.REAL_NAME, Column.WECHAT, Column.STAGE, Column.CITY, Column.SOURCE, Column.FIRST_PURCHASE,
            Column.PURCHASE_DAYS, Column.AVG_ORDER, Column.CREATED))
        self.table.setModel(self.model)
        self.table.restore_header()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.erase_button = QPushButton(self.tr("Erase for good…"))
        close_button = QPushButton(self.tr("Close"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        close_button.clicked.connect(self.accept)
        for button in (self.restore_button, self.erase_button, close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.model.modelReset.connect(self._update_count)
        self._update_count()
        self.resize(820, 520)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 deleted customers").replace("%1", f"{self.model.rowCount():,}"))

    def selected_ids(self) -> list[int]:
        return [self.model.customer_id(row) for row in self.table.selected_rows()]

    def _write(self, call: Callable[[], object], done: Callable[[object], None]) -> object:
        """Run a write (on the lane if any, both buttons disabled meanwhile); ``done(result)`` after it, the
        list read again and ``changed`` emitted. Returns the result when it ran at once, else None."""
        results: list = []

        def saved(result: object) -> None:
            results.append(result)
            self.model.reload()
            self.changed.emit()
            done(result)

        save_on_lane(self._lane, (self.restore_button, self.erase_button), call, saved,
                     lambda exc: self.tell_refused(describe(exc)))
        return results[0] if results else None

    def restore_selected(self) -> int:
        """Restore the chosen customers; the count restored (0 while it runs on the lane)."""
        ids = self.selected_ids()
        if not ids:
            return 0
        restored = self._write(lambda: self._customers.restore(ids), lambda _count: None)
        return restored if isinstance(restored, int) else 0

    def confirm_erase(self, count: int) -> bool:
        """Ask before erasing; tests replace this."""
        answer = QMessageBox.warning(
            self, self.tr("Erase for good"),
            self.tr("Erase %1 customers with all their orders, reminders, contacts and cases, from the book "
                    "and from every backup of it? This cannot be undone.").replace("%1", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def erase_selected(self) -> int:
        """Erase the chosen customers after asking; the count erased (0 while it runs on the lane)."""
        ids = self.selected_ids()
        if not ids or not self.confirm_erase(len(ids)):
            return 0

        def erase() -> tuple[int, list[str]]:  # the backups not reached are read on the lane, with the erase
            erased = self._customers.erase(ids)
            return erased, [str(p) for p in getattr(self._customers, "last_unreachable", [])]

        def erased(result) -> None:
            if result[1]:
                self.tell_unreachable(result[1])

        result = self._write(erase, erased)
        return result[0] if isinstance(result, tuple) else 0

    def tell_refused(self, sentence: str) -> None:
        """Say why a restore or an erase was refused (a coded error); tests replace this."""
        QMessageBox.warning(self, self.windowTitle(), sentence)

    def tell_unreachable(self, files: list[str]) -> None:
        """Say plainly which backups still hold the erased customers (they could not be rewritten)."""
        QMessageBox.warning(self, self.tr("Erase for good"), self.tr(
            "The customers were erased from the book, but these backups could not be rewritten and may still "
            "hold them. Delete them if you no longer need them:\n%1").replace("%1", "\n".join(files)))
