"""The red, word-wrapped line under a form where a dialog says why it could not save."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #c92a2a;"


def error_label(parent: QWidget | None = None) -> QLabel:
    """An empty error line (object name "error_label", found by tests); set its text to show a problem."""
    label = QLabel(parent)
    label.setObjectName("error_label")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label
