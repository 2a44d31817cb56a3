"""The daily habit: a tray icon that shows how many tasks are due, and one notification a day at a chosen time.

`DailyReminder` decides when to notify (a QTimer polls an injected clock, so tests move time by hand);
`TrayIcon` shows the count (tooltip, a badge painted on the icon, the platform badge where Qt has one)
and the notification. ui.daily_habit wires both to the open book and the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

NOTIFY_ENABLED_KEY = "daily/notify_enabled"
NOTIFY_TIME_KEY = "daily/notify_time"
LAST_NOTIFIED_KEY = "daily/last_notified"
DEFAULT_NOTIFY_TIME = dt.time(9, 30)
CHECK_INTERVAL_MS = 30_000
BADGE_ICON_SIZE = 64


def notify_time(settings: QSettings) -> dt.time:
    """The chosen time of the daily notification (default 09:30)."""
    try:
        return dt.time.fromisoformat(str(settings.value(NOTIFY_TIME_KEY, DEFAULT_NOTIFY_TIME.isoformat("minutes"))))
    except ValueError:
        return DEFAULT_NOTIFY_TIME


def notify_enabled(settings: QSettings) -> bool:
    return str(settings.value(NOTIFY_ENABLED_KEY, "true")).lower() == "true"


class DailyReminder(QObject):
    """Emits ``due(day)`` once per day, at the first check at or after the chosen time.

    The day last notified is kept in settings, so a restart the same day does not notify again.
    ``start(window_shown=True)`` after the chosen time counts today as done: the seller is looking at
    the Today page already. Started minimised to the tray, a missed time notifies at once.
    """

    due = Signal(dt.date)

    def __init__(self, settings: QSettings, clock: Callable[[], dt.datetime] = dt.datetime.now,
                 interval_ms: int = CHECK_INTERVAL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self, window_shown: bool) -> None:
        now = self._clock()
        if window_shown and now.time() >= notify_time(self._settings):
            self._settings.setValue(LAST_NOTIFIED_KEY, now.date().isoformat())
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> bool:
        """Notify if it is time and today has not been notified; returns True when it notified."""
        now = self._clock()
        if not notify_enabled(self._settings) or now.time() < notify_time(self._settings):
            return False
        if self._settings.value(LAST_NOTIFIED_KEY) == now.date().isoformat():
            return False
        self._settings.setValue(LAST_NOTIFIED_KEY, now.date().isoformat())
        self.due.emit(now.date())
        return True


def badge_icon(base: QIcon, count: int, size: int = BADGE_ICON_SIZE) -> QIcon:
    """base with the count in a red disc at its top right ("99+" above 99); base itself when count is 0."""
    if count <= 0:
        return base
    pixmap = base.pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = str(count) if count < 100 else "99+"
    diameter = size * (0.62 if len(text) < 3 else 0.7)
    disc = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e03131"))
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.62 if len(text) == 1 else 0.48)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc.translated(QPointF(0, 0)), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class TrayIcon(QObject):
    """The tray icon: its tooltip and badge show the due count; its menu opens the window or quits."""

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None):
        super().__init__(parent)
        self._base_icon = icon
        self.count = 0
        self.tray = QSystemTrayIcon(icon, self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open Huitouke"), self.menu)
        self.open_action.triggered.connect(self.open_requested.emit)
        self.quit_action = QAction(self.tr("Quit Huitouke"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested.emit)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._on_tray_activated)
        self.tray.messageClicked.connect(self.open_requested.emit)
        self.show_count(0)

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def show_count(self, count: int) -> None:
        """Tooltip, painted badge and (macOS, some Linux docks, Windows taskbar) the application badge."""
        self.count = count
        if count:
            tooltip = self.tr("Huitouke — %n task(s) due today", "", count)
        else:
            tooltip = self.tr("Huitouke — nothing due today")
        self.tray.setToolTip(tooltip)
        self.tray.setIcon(badge_icon(self._base_icon, count))
        app = QGuiApplication.instance()
        if app is not None and hasattr(app, "setBadgeNumber"):  # Qt ≥ 6.5; a no-op where unsupported
            app.setBadgeNumber(count)

    def notify(self, count: int) -> bool:
        """Show today's notification; nothing when no task is due. Returns True when shown."""
        self.show_count(count)
        if count <= 0:
            return False
        self.tray.showMessage(self.tr("Huitouke"),
                              self.tr("%n customer task(s) are due today. Click to open the Today list.", "", count),
                              QSystemTrayIcon.MessageIcon.Information, 15_000)
        return True

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
