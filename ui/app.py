"""Desktop application bootstrap: logging, error hook, QApplication, translator, then the main window."""

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from core import paths
from ui import settings as keys
from ui.errors import install_excepthook
from ui.i18n import install_translator
from ui.icons import app_icon

log = logging.getLogger(__name__)

LOG_FILE_NAME = "huitouke.log"


def setup_logging(logs: Path) -> Path:
    """Rotating log files (5 × 1 MB) in the folder logs; returns the current log file's path."""
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    app.setApplicationDisplayName("回头客 Huitouke")
    app.setWindowIcon(app_icon())
    return app


def book_argument(argv: list[str]) -> str | None:
    """The value of --book PATH (or --book=PATH) in the command line, if any."""
    for position, arg in enumerate(argv):
        if arg == "--book" and position + 1 < len(argv):
            return argv[position + 1]
        if arg.startswith("--book="):
            return arg.split("=", 1)[1]
    return None


def run(argv: list[str]) -> int:
    """Start the GUI (``python main.py [--book PATH|URL]``); returns the process exit code.

    Without --book the last book opened is used, else the default book; with neither, the welcome screen.
    """
    book = book_argument(argv)
    log_path = setup_logging(paths.log_dir())
    install_excepthook(log_path)
    app = create_application([sys.argv[0], *argv])
    settings = QSettings()
    language = install_translator(app, settings)
    log.info("starting; language %s; log %s", language, log_path)

    from ui.launcher import Launcher

    launcher = Launcher(settings, log_path)
    launcher.start(book)
    code = app.exec()
    launcher.shutdown()
    return code
