"""Settings → Daily habit: the start-at-login box writes and removes the entry; the time is kept."""

from PySide6.QtCore import QTime

from ui.autostart import LinuxAutostart
from ui.tray import NOTIFY_ENABLED_KEY, NOTIFY_TIME_KEY, notify_time
from ui.widgets.daily_habit_settings import DailyHabitBox


def test_start_at_login_writes_and_removes_the_autostart_file(settings, qtbot, tmp_path):
    entry = LinuxAutostart(["/opt/huitouke/Huitouke", "--minimized"], home=tmp_path, env={})
    box = DailyHabitBox(settings, entry)
    qtbot.addWidget(box)
    assert not box.start_at_login.isChecked()
    box.start_at_login.setChecked(True)
    assert entry.path.exists()
    box.start_at_login.setChecked(False)
    assert not entry.path.exists()


def test_the_box_shows_an_entry_that_exists_already(settings, qtbot, tmp_path):
    entry = LinuxAutostart(["/opt/huitouke/Huitouke"], home=tmp_path, env={})
    entry.enable()
    box = DailyHabitBox(settings, entry)
    qtbot.addWidget(box)
    assert box.start_at_login.isChecked()


def test_a_failed_change_is_reported_and_undone(settings, qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the config folder should be")
    entry = LinuxAutostart(["/opt/huitouke/Huitouke"], home=tmp_path, env={"XDG_CONFIG_HOME": str(blocked)})
    warnings = []
    monkeypatch.setattr("ui.widgets.daily_habit_settings.QMessageBox.warning",
                        lambda *args: warnings.append(args[2]))
    box = DailyHabitBox(settings, entry)
    qtbot.addWidget(box)
    box.start_at_login.setChecked(True)
    assert warnings and not box.start_at_login.isChecked()


def test_notification_time_and_switch_are_saved(settings, qtbot, tmp_path):
    box = DailyHabitBox(settings, LinuxAutostart(["x"], home=tmp_path, env={}))
    qtbot.addWidget(box)
    assert box.notify_time.time() == QTime(9, 30)
    box.notify_time.setTime(QTime(20, 5))
    assert settings.value(NOTIFY_TIME_KEY) == "20:05"
    assert notify_time(settings).hour == 20
    box.notify.setChecked(False)
    assert settings.value(NOTIFY_ENABLED_KEY) == "false" and not box.notify_time.isEnabled()
