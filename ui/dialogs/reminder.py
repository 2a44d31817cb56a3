"""Small dialogs of the Today page: snooze until a date, and a task the seller writes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SnoozeDialog(QDialog):
    """Pick the day a task comes back (tomorrow at the earliest)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze until"))
        form = QFormLayout(self)
        self.date_edit = QDateEdit(calendarPopup=True)
        tomorrow = today + dt.timedelta(days=1)
        self.date_edit.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day).addDays(6))
        form.addRow(self.tr("Show again on:"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_date(self) -> dt.date:
        return _to_date(self.date_edit.date())


class ManualTaskDialog(QDialog):
    """A task the seller writes for one customer ("call her on Friday")."""

    def __init__(self, customer_name: str, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New task"))
        form = QFormLayout(self)
        form.addRow(self.tr("Customer:"), QLabel(customer_name))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("What to do, e.g. call her about the new tea"))
        form.addRow(self.tr("Task:"), self.title_edit)
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Due on:"), self.date_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title_edit.textChanged.connect(self._on_title_edit_text_changed)
        self._on_title_edit_text_changed("")

    def _on_title_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def task(self) -> tuple[str, dt.date]:
        return self.title_edit.text().strip(), _to_date(self.date_edit.date())
