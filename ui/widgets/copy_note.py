"""Visible feedback for copying: a short "Copied" beside the copy button, gone after a few seconds."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

SHOWN_MS = 2500


class CopiedNote(QLabel):
    """Put it next to a copy button; ``copy(text)`` puts text on the clipboard and says "Copied"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("copied_note")
        self.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.setText("✓ " + self.tr("Copied"))
        self._timer.start()
