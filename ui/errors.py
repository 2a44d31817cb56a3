"""Unexpected errors: logged with their traceback, then shown in a dialog that says where the log is."""

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("huitouke.unexpected")


class UnexpectedErrorDialog(QMessageBox):
    """Says that something went wrong, that the book is safe, and where the log file is."""

    def __init__(self, summary: str, details: str, log_path: Path | None, parent=None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setText(self.tr("Something went wrong: %1").replace("%1", summary))
        where = str(log_path) if log_path else self.tr("(no log file)")
        self.setInformativeText(
            self.tr("The action that failed was not completed; what was saved before is safe. "
                    "The details were written to the log file:\n%1").replace("%1", where))
        self.setDetailedText(details)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def install_excepthook(log_path: Path | None) -> None:
    """Route uncaught exceptions to the log and, on the GUI thread with an application, to the dialog."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        summary = f"{kind.__name__}: {exc}"
        UnexpectedErrorDialog(summary, details, log_path, QApplication.activeWindow()).exec()

    sys.excepthook = hook
