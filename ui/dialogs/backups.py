"""Backups of the book: the list (time, kind, size, check result), back up now, check the book now, and
restore with a confirmation — the current book is backed up (or, damaged, kept aside) first.

Reached from Settings → Backups… and File → Backups…, and offered when the book fails its check at open
or in the background afterwards (then the newest backup that passes integrity_check is selected). The
restore itself is the caller's (ui.launcher: close the book, restore under its lock, reopen): the dialog
emits ``restore_requested(path)`` after the seller confirms.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.book import backup, guard
from ui.tasks import TaskRunner

KINDS = {
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "Backed up by hand"),
    "before-import": QT_TRANSLATE_NOOP("BackupsDialog", "Before an import"),
    "before-merge": QT_TRANSLATE_NOOP("BackupsDialog", "Before a merge"),
    "before-migration": QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
}
COLUMNS = ("time", "kind", "size", "check")


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def check_backups(paths: Sequence[Path], progress=None, is_cancelled=None) -> dict[str, list[str]]:
    """integrity_check of each backup, newest first (on a worker thread); reports each as it is done."""
    results: dict[str, list[str]] = {}
    for done, path in enumerate(paths, 1):
        if is_cancelled is not None and is_cancelled():
            break
        results[str(path)] = backup.backup_problems(path)
        if progress is not None:  # each result as it comes: the message carries it
            progress(done, len(paths), json.dumps([str(path), results[str(path)]], ensure_ascii=False))
    return results


class BackupsDialog(QDialog):
    """See the module docstring. ``problems``: what the book's check found (the book is damaged)."""

    restore_requested = Signal(str)

    def __init__(self, book_path: str | Path, tasks: TaskRunner, *, book=None, backup_root: Path | None = None,
                 problems: Sequence[str] = (), parent=None):
        super().__init__(parent)
        self._path = Path(book_path)
        self._tasks = tasks
        self._book = book
        self._root = backup_root
        self._checks: dict[str, list[str]] = {}
        self._task = None
        self.setWindowTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Backups of %1. A backup is taken every day the book is opened and before every "
                               "import, merge, upgrade and restore; old ones are removed so that together they "
                               "take at most three times the book's size.").replace("%1", str(self._path)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Check")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.check_button = QPushButton(self.tr("Check the book now"))
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        close_button = QPushButton(self.tr("Close"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.check_button.clicked.connect(self.check_book_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close_button.clicked.connect(self.accept)
        for button in (self.backup_button, self.check_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.restore_button, close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._damaged = bool(problems)
        if problems:
            self._say_damaged(problems)
            self.backup_button.setEnabled(False)  # a copy of a damaged book is no backup
            self.restore_button.setDefault(True)
        self.reload()
        self.resize(860, 520)

    # -- the list ------------------------------------------------------------------------------------
    @property
    def book_path(self) -> Path:
        return self._path

    def backups(self) -> list[backup.BackupInfo]:
        return backup.list_backups(self._path, root=self._root)

    def reload(self) -> None:
        """Fill the table and check every backup on the pool, newest first."""
        items = self.backups()
        self.table.setRowCount(len(items))
        for r, info in enumerate(items):
            values = (info.taken_at.strftime("%Y-%m-%d %H:%M"),
                      QCoreApplication.translate("BackupsDialog", KINDS.get(info.reason, info.reason)),
                      _size_text(info.size), self._check_text(str(info.path)))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                self.table.setItem(r, c, item)
        if not items:
            self.status_label.setText(self.status_label.text() or self.tr("There is no backup of this book yet."))
        self._update_buttons()
        unchecked = [i.path for i in items if str(i.path) not in self._checks]
        if unchecked and self._task is None:
            self._task = self._tasks.run(check_backups, unchecked, on_success=self._on_checked,
                                         on_error=self._on_check_failed, on_progress=self._on_check_progress)

    def _check_text(self, key: str) -> str:
        if key not in self._checks:
            return self.tr("Checking…")
        return self.tr("Sound") if not self._checks[key] else self.tr("Damaged: do not use")

    def _on_check_progress(self, _done: int, _total: int, message: str) -> None:
        path, problems = json.loads(message)
        self._checks[path] = problems
        self._refresh_checks()

    def _on_checked(self, results: dict[str, list[str]]) -> None:
        self._task = None
        self._checks.update(results)
        self._refresh_checks()
        if self._damaged:
            self.select_newest_sound()

    def _on_check_failed(self, exc: BaseException) -> None:
        self._task = None
        self.status_label.setText(self.tr("The backups could not be checked: %1").replace("%1", str(exc)))

    def _refresh_checks(self) -> None:
        for r in range(self.table.rowCount()):
            key = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            self.table.item(r, 3).setText(self._check_text(key))
        self._update_buttons()

    def select_newest_sound(self) -> str | None:
        """Select the newest backup that passed its check; returns its path."""
        for r in range(self.table.rowCount()):
            key = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if self._checks.get(key) == []:
                self.table.selectRow(r)
                return key
        return None

    def selected_path(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _update_buttons(self) -> None:
        path = self.selected_path()
        self.restore_button.setEnabled(path is not None and self._checks.get(path) == [])

    # -- actions -------------------------------------------------------------------------------------
    def _say_damaged(self, problems: Sequence[str]) -> None:
        self.status_label.setText(self.tr(
            "The book failed its check and is closed for writing. Restore the newest sound backup (selected "
            "below once the backups are checked); the damaged book is kept aside.\nFound: %1")
            .replace("%1", "; ".join(problems[:3])))
        self.status_label.setStyleSheet("color: #b42318;")

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.status_label.setText(self.tr("Backing up…"))
        self._tasks.run(backup.create_backup, self._path, "manual", root=self._root,
                        on_success=self._on_backed_up, on_error=self._on_backup_failed)

    def _on_backed_up(self, info: backup.BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self.status_label.setText(self.tr("Backed up: %1").replace("%1", info.path.name))
        self.reload()

    def _on_backup_failed(self, exc: BaseException) -> None:
        from ui.text.errors import describe

        self.backup_button.setEnabled(True)
        text = describe(exc) if hasattr(exc, "code") else str(exc)
        self.status_label.setText(self.tr("The backup failed: %1").replace("%1", text))

    def check_book_now(self) -> None:
        self.check_button.setEnabled(False)
        self.status_label.setText(self.tr("Checking the book… (a big book takes a minute)"))
        fn = self._book.verify if self._book is not None else self._check_closed_book
        self._tasks.run(fn, on_success=self._on_book_checked, on_error=self._on_backup_failed)

    def _check_closed_book(self) -> tuple[str, ...]:
        lost = guard.wal_lost(self._path)
        return (lost,) if lost else tuple(guard.integrity_problems(self._path, full=True))

    def _on_book_checked(self, problems: tuple[str, ...]) -> None:
        self.check_button.setEnabled(True)
        self._damaged = bool(problems)
        if problems:
            self._say_damaged(problems)
            self.select_newest_sound()
        else:
            self.status_label.setStyleSheet("")
            self.status_label.setText(self.tr("The book passed its full check."))

    def confirm_restore(self, label: str) -> bool:
        """Ask before replacing the book; tests replace this."""
        answer = QMessageBox.warning(
            self, self.tr("Restore a backup"),
            self.tr("Replace the book with the backup taken %1? Everything written since then is replaced. "
                    "The current book is backed up first (or, if damaged, kept aside), so this can be undone.")
            .replace("%1", label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        path = self.selected_path()
        if path is None:
            return False
        row = self.table.selectionModel().selectedRows()[0].row()
        if not self.confirm_restore(self.table.item(row, 0).text()):
            return False
        self.restore_requested.emit(path)
        self.accept()
        return True

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)
