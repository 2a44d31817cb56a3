"""The export dialog: choose what to export, then write the .xlsx in the background with progress."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
)

from core.errors import HuitoukeError
from core.excel.export import export_book
from core.settings import phones_masked
from ui.text.excel import refusal_text


class ExportDialog(QDialog):
    """Export customers, orders, reminders, after-sales cases or everything to one .xlsx file.

    ``chooser(default_name) -> path`` asks where to save (a file dialog unless a test replaces it).
    """

    def __init__(self, book, tasks, language: str = "zh_CN", today: dt.date | None = None, chooser=None,
                 parent=None):
        super().__init__(parent)
        self._book, self._tasks, self._language, self._today = book, tasks, language, today
        self._chooser = chooser or self._ask_path
        self._task = None
        self.exported_path: str | None = None
        self.setWindowTitle(self.tr("Export to Excel"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.what_combo = QComboBox()
        for key, text in (("all", self.tr("Everything (one sheet each)")), ("customers", self.tr("Customers")),
                          ("orders", self.tr("Orders with items")), ("reminders", self.tr("Reminders")),
                          ("aftersales", self.tr("After-sales cases"))):
            self.what_combo.addItem(text, key)
        form.addRow(self.tr("Export"), self.what_combo)
        # Phones follow the on-screen masking setting; the seller may still ask for full numbers.
        self.unmasked_check = QCheckBox(self.tr("Write phone numbers in full (not 138****8000)"))
        self.unmasked_check.setChecked(not self._phones_masked())
        form.addRow("", self.unmasked_check)
        layout.addLayout(form)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(420, 160)

    def _phones_masked(self) -> bool:
        with self._book.session() as s:
            return phones_masked(s)

    def _ask_path(self, default_name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default_name,
                                              self.tr("Excel workbook (*.xlsx)"))
        return path

    def start_export(self) -> None:
        what = self.what_combo.currentData()
        path = self._chooser(f"huitouke-{what}-{dt.date.today():%Y%m%d}.xlsx")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.message_label.setText(self.tr("Exporting…"))
        self._task = self._tasks.run(export_book, self._book, path, what, self._language, self._today,
                                     mask_phones=not self.unmasked_check.isChecked(),
                                     on_success=self._on_export_succeeded, on_error=self._on_export_failed,
                                     on_progress=self._on_export_progressed)
        self._task.cancelled.connect(self._on_export_cancelled)

    def _on_export_progressed(self, done: int, total: int, _message: str) -> None:
        self.progress_bar.setValue(int(100 * done / total) if total else 0)

    def _on_export_succeeded(self, result) -> None:
        self._task = None
        self.exported_path = result.path
        self.progress_bar.setValue(100)
        rows = "、".join(f"{name} {count:,}" for name, count in result.sheets.items())
        self.message_label.setText(self.tr("Saved %1 (%2).").replace("%1", result.path).replace("%2", rows))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)

    def _on_export_failed(self, error: BaseException) -> None:
        self._task = None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.message_label.setText(refusal_text(error) if isinstance(error, HuitoukeError) else str(error))

    def _on_export_cancelled(self) -> None:
        self._task = None
        self.message_label.setText(self.tr("Export cancelled."))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
