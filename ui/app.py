"""Desktop application bootstrap: logging, error hook, QApplication, translator, then the main window."""

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from core.book import paths
from core.cli import app_files
from core.logs import APP_LOG, setup_rotating_log
from ui import settings as keys
from ui import wheel_guard
from ui.errors import install_excepthook
from ui.fonts import install_app_font
from ui.i18n import install_translator
from ui.icons import app_icon
from ui.single_instance import InstanceServer, ask_running_instance, bring_to_front, server_name

log = logging.getLogger(__name__)

LOG_FILE_NAME = APP_LOG
START_MINIMIZED = "--minimized"  # started at login: only the tray icon (ui.autostart)
QUIT_AFTER_PAINT = "--quit-after-paint"  # start-up timing: exit once the first window has painted


def setup_logging(logs: Path) -> Path:
    """Rotating log files (5 × 1 MB) in the folder logs; returns the current log file's path."""
    return setup_rotating_log(logs, LOG_FILE_NAME)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    app.setApplicationDisplayName("回头客 Huitouke")
    app.setWindowIcon(app_icon())
    install_app_font(app)
    wheel_guard.install(app)
    return app


class _QuitAfterPaint(QObject):
    """Quits the application once the watched window has painted (for start-up timing)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run(argv: list[str]) -> int:
    """Start the GUI (``python main.py [--book PATH|URL | FILE.book] [SPREADSHEET] [--minimized]``); returns the
    process exit code.

    Without a book the last book opened is used, else the default book; with neither, the welcome screen. A
    spreadsheet given as the argument (a file dropped on the app's icon) is imported once that book is open.
    If Huitouke already runs for this user and book, that window comes to the front and this launch ends.
    """
    book, spreadsheet = app_files(argv)
    from ui import preload

    preload.start()  # SQLAlchemy, the models, the Today page: imported while the window is built
    log_path = setup_logging(paths.log_dir())
    install_excepthook(log_path)
    app = create_application([sys.argv[0], *argv])
    settings = QSettings()
    instance_name = server_name(book or settings.value(keys.LAST_BOOK) or str(paths.default_book_path()))
    if ask_running_instance(instance_name):
        log.info("already running for this book; brought it to the front")
        return 0
    language = install_translator(app, settings)
    log.info("starting; language %s; log %s", language, log_path)

    from ui.daily_habit import DailyHabit
    from ui.launcher import Launcher

    launcher = Launcher(settings, log_path)
    instance = InstanceServer(app)
    instance.activation_requested.connect(lambda: bring_to_front(launcher.window or launcher.welcome))
    launcher.book_opened.connect(lambda location: instance.listen(server_name(location)))
    instance.listen(instance_name)
    habit = DailyHabit(launcher, settings, parent=app)
    launcher.start(book, import_file=spreadsheet)
    habit.start(minimized=START_MINIMIZED in argv)
    first: QWidget | None = launcher.window or launcher.welcome
    if QUIT_AFTER_PAINT in argv and first is not None:
        first.installEventFilter(_QuitAfterPaint(first))
    code = app.exec()
    habit.stop()
    instance.close()
    launcher.shutdown()
    return code
