"""About Huitouke: version, where the book, the data and the logs are, and the licences of what ships with it
(the libraries in a table, the full text of the bundled font's licence behind a link)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import APP_DISPLAY_NAME, __version__
from core.book import paths
from ui.fonts import license_text
from ui.licenses import License, bundled_licenses


def _path_label(path: str) -> QLabel:
    """A selectable path that opens its folder when clicked."""
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    label = QLabel(f'<a href="{QUrl.fromLocalFile(str(folder)).toString()}">{path}</a>')
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
    label.setWordWrap(True)
    return label


class FontLicenseDialog(QDialog):
    """The bundled Chinese font's copyright notice and the SIL Open Font License 1.1, read-only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Font licence"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(license_text())
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    """book_path: the open book (file or server URL); log_path: the current log file, if any."""

    def __init__(self, book_path: str, log_path: Path | None, licenses: list[License] | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Huitouke"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_DISPLAY_NAME}</h2>")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr(
            "Keeps your customers coming back: one book of customers, orders and reminders, kept on this computer.")))
        form = QFormLayout()
        self.version_label = QLabel(__version__)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Version:"), self.version_label)
        form.addRow(self.tr("Book:"), _path_label(book_path) if "://" not in book_path else QLabel(book_path))
        form.addRow(self.tr("Data folder:"), _path_label(str(paths.data_dir())))
        logs = log_path.parent if log_path is not None else paths.log_dir()
        form.addRow(self.tr("Log folder:"), _path_label(str(logs)))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Bundled libraries and their licences:")))
        rows = licenses if licenses is not None else bundled_licenses()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        for row, item in enumerate(rows):
            for column, text in enumerate((item.name, item.version, item.license)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        font_link = self.tr("Licence of the bundled Chinese font (Noto Sans CJK SC, SIL Open Font License 1.1)")
        self.font_license_link = QLabel(f'<a href="#font">{font_link}</a>')
        self.font_license_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.font_license_link.linkActivated.connect(self.show_font_license)
        layout.addWidget(self.font_license_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_font_license(self) -> FontLicenseDialog:
        dialog = FontLicenseDialog(self)
        dialog.open()
        return dialog
