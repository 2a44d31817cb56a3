"""Wires the tray icon and the daily notification to the running app: the open book's due count, the window."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ui.icons import app_icon
from ui.single_instance import bring_to_front
from ui.tray import DailyReminder, TrayIcon

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 5 * 60_000


def today_list_count(book, day: dt.date) -> int:
    """How many tasks the day's list shows (the Today page's own count: at most the daily capacity)."""
    from core.reminders.service import ReminderService

    return ReminderService(book).day_count(day)


class DailyHabit(QObject):
    """Tray icon (when the desktop has a tray) and the once-a-day notification for the launcher's book.

    launcher: ui.launcher.Launcher (its ``book``, ``window``, ``welcome`` and ``book_opened``);
    due_count(book, day) counts the tasks due; clock gives the local date and time.
    """

    def __init__(self, launcher, settings: QSettings,
                 due_count: Callable[[object, dt.date], int] = today_list_count,
                 clock: Callable[[], dt.datetime] = dt.datetime.now, tray_available: bool | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._launcher = launcher
        self._due_count = due_count
        self._clock = clock
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray = TrayIcon(app_icon(), self) if tray_available else None
        if self.tray is not None:
            self.tray.open_requested.connect(self.show_window)
            self.tray.quit_requested.connect(QApplication.quit)
        self.reminder = DailyReminder(settings, clock, parent=self)
        self.reminder.due.connect(self._on_reminder_due)
        self._refresh_timer = QTimer(self, interval=REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self.refresh_in_background)
        launcher.book_opened.connect(self.refresh_in_background)

    def start(self, minimized: bool) -> None:
        """Show the tray icon and start the daily check; minimized hides the window into the tray."""
        window_shown = True
        if self.tray is not None:
            self.tray.show()
            if minimized and self._launcher.window is not None:
                self._launcher.window.hide()
                window_shown = False
        self.refresh()
        self._refresh_timer.start()
        self.reminder.start(window_shown=window_shown)

    def due_now(self) -> int:
        """Tasks due today in the open book (0 without a book)."""
        book = self._launcher.book
        if book is None:
            return 0
        try:
            return self._due_count(book, self._clock().date())
        except Exception:  # the tray must never take the app down; the count is only a hint
            log.exception("could not count the tasks due")
            return 0

    def refresh(self) -> int:
        """The tray's due count brought up to date; without a tray nothing is counted (0)."""
        if self.tray is None:
            return 0
        count = self.due_now()
        self.tray.show_count(count)
        return count

    def refresh_in_background(self) -> None:
        """`refresh`, with the count taken on the launcher's thread pool (its ``tasks``) rather than the GUI
        thread: on a big book it is a read of ~0.1 s, and it comes when the book has just opened. Without a
        pool (or a tray) it is `refresh`."""
        tasks, book = getattr(self._launcher, "tasks", None), self._launcher.book
        if self.tray is None or tasks is None or book is None:
            self.refresh()
            return
        tasks.run(self._due_count, book, self._clock().date(),
                  on_success=lambda count: self._show_count(book, count),
                  on_error=lambda exc: log.warning("could not count the tasks due: %s", type(exc).__name__))

    def _show_count(self, book, count: int) -> None:
        if book is self._launcher.book and self.tray is not None:  # not a count of a book closed meanwhile
            self.tray.show_count(count)

    def show_window(self) -> None:
        window = self._launcher.window
        bring_to_front(window or self._launcher.welcome)
        if window is not None:
            window.show_page("today")

    def _on_reminder_due(self, _day: dt.date) -> None:
        count = self.due_now()
        if self.tray is not None and self.tray.notify(count):
            log.info("daily notification: %d tasks due", count)

    def stop(self) -> None:
        self._refresh_timer.stop()
        self.reminder.stop()
        if self.tray is not None:
            self.tray.hide()
