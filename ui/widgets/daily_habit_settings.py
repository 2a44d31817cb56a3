"""Settings section "Daily habit": start at login (in the tray) and the time of the daily task notification."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QTimeEdit

from ui import autostart
from ui.tray import NOTIFY_ENABLED_KEY, NOTIFY_TIME_KEY, notify_enabled, notify_time

log = logging.getLogger(__name__)


class DailyHabitBox(QGroupBox):
    """entry: the platform's autostart entry (ui.autostart.for_platform() when None)."""

    def __init__(self, settings: QSettings, entry=None, parent=None):
        super().__init__(self.tr("Daily habit"), parent)
        self._settings = settings
        self._entry = entry or autostart.for_platform()
        form = QFormLayout(self)
        self.start_at_login = QCheckBox(self.tr("Start Huitouke when I log in (in the tray, without a window)"))
        self.start_at_login.setChecked(self._entry.is_enabled())
        self.start_at_login.toggled.connect(self._on_start_at_login_toggled)
        form.addRow(self.start_at_login)
        row = QHBoxLayout()
        self.notify = QCheckBox(self.tr("Tell me how many tasks are due every day at"))
        self.notify.setChecked(notify_enabled(settings))
        self.notify.toggled.connect(self._on_notify_toggled)
        chosen = notify_time(settings)
        self.notify_time = QTimeEdit(QTime(chosen.hour, chosen.minute))
        self.notify_time.setDisplayFormat("HH:mm")
        self.notify_time.setEnabled(self.notify.isChecked())
        self.notify_time.timeChanged.connect(self._on_notify_time_time_changed)
        row.addWidget(self.notify)
        row.addWidget(self.notify_time)
        row.addStretch(1)
        form.addRow(row)
        hint = QLabel(self.tr("The notification appears while Huitouke is running, for example in the tray "
                              "after it started at login."))
        hint.setWordWrap(True)
        form.addRow(hint)

    def _on_start_at_login_toggled(self, checked: bool) -> None:
        try:
            self._entry.enable() if checked else self._entry.disable()
        except OSError as exc:
            log.warning("could not change start at login: %s", exc)
            QMessageBox.warning(self, self.tr("Start at login"),
                                self.tr("The setting could not be changed: %1").replace("%1", str(exc)))
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(self._entry.is_enabled())
            self.start_at_login.blockSignals(False)

    def _on_notify_toggled(self, checked: bool) -> None:
        self._settings.setValue(NOTIFY_ENABLED_KEY, "true" if checked else "false")
        self.notify_time.setEnabled(checked)

    def _on_notify_time_time_changed(self, value: QTime) -> None:
        self._settings.setValue(NOTIFY_TIME_KEY, value.toString("HH:mm"))
