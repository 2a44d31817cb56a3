"""The foot of a form dialog: the red, word-wrapped line saying why it could not save, and Save / Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel, QWidget

ERROR_STYLE = "color: #c92a2a;"


def error_label(parent: QWidget | None = None) -> QLabel:
    """An empty error line (object name "error_label", found by tests); set its text to show a problem."""
    label = QLabel(parent)
    label.setObjectName("error_label")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


def save_cancel_footer(dialog: QDialog, layout: QBoxLayout) -> tuple[QLabel, QDialogButtonBox]:
    """Add the error line and a Save / Cancel row to `layout`: Save calls `dialog.save()`, Cancel rejects.

    Returns both, so the dialog can show errors and add buttons of its own to the row."""
    label = error_label()
    layout.addWidget(label)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return label, buttons
