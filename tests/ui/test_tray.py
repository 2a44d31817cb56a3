"""The daily habit: one notification a day at the chosen time (injected clock), the due count in the tray."""

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from ui.daily_habit import DailyHabit
from ui.tray import (
    LAST_NOTIFIED_KEY,
    NOTIFY_ENABLED_KEY,
    NOTIFY_TIME_KEY,
    DailyReminder,
    TrayIcon,
    badge_icon,
    notify_time,
)


class Clock:
    def __init__(self, now: dt.datetime):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def _reminder(settings, clock):
    reminder = DailyReminder(settings, clock, interval_ms=10)
    fired = []
    reminder.due.connect(fired.append)
    return reminder, fired


def test_default_time_is_half_past_nine(settings):
    assert notify_time(settings) == dt.time(9, 30)
    settings.setValue(NOTIFY_TIME_KEY, "not a time")
    assert notify_time(settings) == dt.time(9, 30)


def test_notifies_once_a_day_at_or_after_the_chosen_time(settings):
    clock = Clock(dt.datetime(2026, 11, 23, 9, 29))
    reminder, fired = _reminder(settings, clock)
    assert not reminder.check()
    clock.now = dt.datetime(2026, 11, 23, 9, 30)
    assert reminder.check()
    clock.now = dt.datetime(2026, 11, 23, 15, 0)
    assert not reminder.check()
    clock.now = dt.datetime(2026, 11, 24, 8, 0)
    assert not reminder.check()
    clock.now = dt.datetime(2026, 11, 24, 9, 31)
    assert reminder.check()
    assert fired == [dt.date(2026, 11, 23), dt.date(2026, 11, 24)]


def test_a_restart_the_same_day_does_not_notify_again(settings):
    clock = Clock(dt.datetime(2026, 11, 23, 10, 0))
    first, _fired = _reminder(settings, clock)
    assert first.check()
    second, fired_again = _reminder(settings, clock)
    assert not second.check() and fired_again == []


def test_chosen_time_and_switch_are_respected(settings):
    settings.setValue(NOTIFY_TIME_KEY, "18:15")
    clock = Clock(dt.datetime(2026, 11, 23, 18, 14))
    reminder, _fired = _reminder(settings, clock)
    assert not reminder.check()
    settings.setValue(NOTIFY_ENABLED_KEY, "false")
    clock.now = dt.datetime(2026, 11, 23, 18, 15)
    assert not reminder.check()
    settings.setValue(NOTIFY_ENABLED_KEY, "true")
    assert reminder.check()


def test_started_with_the_window_after_the_time_skips_today(settings):
    clock = Clock(dt.datetime(2026, 11, 23, 14, 0))
    reminder, fired = _reminder(settings, clock)
    reminder.start(window_shown=True)
    reminder.stop()
    assert fired == [] and settings.value(LAST_NOTIFIED_KEY) == "2026-11-23"


def test_started_in_the_tray_after_the_time_notifies_at_once(settings):
    clock = Clock(dt.datetime(2026, 11, 23, 14, 0))
    reminder, fired = _reminder(settings, clock)
    reminder.start(window_shown=False)
    reminder.stop()
    assert fired == [dt.date(2026, 11, 23)]


def test_the_timer_fires_when_the_clock_reaches_the_time(settings, qtbot):
    clock = Clock(dt.datetime(2026, 11, 23, 9, 0))
    reminder, fired = _reminder(settings, clock)
    reminder.start(window_shown=False)
    qtbot.wait(50)
    assert fired == []
    clock.now = dt.datetime(2026, 11, 23, 9, 30, 5)
    with qtbot.waitSignal(reminder.due, timeout=2000):
        pass
    reminder.stop()
    assert fired == [dt.date(2026, 11, 23)]


def _red_icon() -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("#2060c0"))
    return QIcon(pixmap)


def test_badge_paints_the_count_in_a_red_disc(qapp):
    base = _red_icon()
    assert badge_icon(base, 0) is base
    image = badge_icon(base, 7).pixmap(64, 64).toImage()
    top_right = image.pixelColor(52, 12)
    assert top_right.red() > 200 and top_right.blue() < 100
    bottom_left = image.pixelColor(5, 58)
    assert bottom_left.name() == "#2060c0"


def test_tray_tooltip_shows_the_count_and_no_notification_when_nothing_is_due(qapp):
    tray = TrayIcon(_red_icon())
    tray.show_count(12)
    assert "12" in tray.tray.toolTip()
    assert tray.notify(0) is False
    assert "12" not in tray.tray.toolTip()
    assert tray.notify(3) is True
    assert tray.count == 3


class FakeLauncher(QObject):
    book_opened = Signal(str)

    def __init__(self):
        super().__init__()
        self.book = None
        self.window = None
        self.welcome = None


def test_daily_habit_counts_the_open_books_tasks_and_notifies(settings, qtbot):
    launcher = FakeLauncher()
    counted = []

    def due_count(book, day):
        counted.append((book, day))
        return 4

    clock = Clock(dt.datetime(2026, 11, 23, 9, 0))
    habit = DailyHabit(launcher, settings, due_count=due_count, clock=clock, tray_available=True)
    assert habit.refresh() == 0 and counted == []  # no book yet
    launcher.book = "the book"
    launcher.book_opened.emit("shop.book")
    assert habit.tray.count == 4 and counted == [("the book", dt.date(2026, 11, 23))]
    shown = []
    habit.tray.notify = lambda count: shown.append(count) or True
    habit.start(minimized=True)
    assert shown == []
    clock.now = dt.datetime(2026, 11, 23, 9, 30)
    habit.reminder.check()
    assert shown == [4]
    habit.stop()


def test_with_a_pool_the_tray_counts_off_the_gui_thread_when_the_book_opens(settings, qtbot):
    """Issue #21: no book read on the GUI thread from launch to idle (the count is a read of the whole list)."""
    import threading

    from ui.tasks import TaskRunner

    launcher = FakeLauncher()
    launcher.tasks = TaskRunner()
    threads = []

    def due_count(book, day):
        threads.append(threading.current_thread() is threading.main_thread())
        return 7

    habit = DailyHabit(launcher, settings, due_count=due_count, clock=lambda: dt.datetime(2026, 11, 23, 9),
                       tray_available=True)
    launcher.book = "the book"
    launcher.book_opened.emit("shop.book")
    qtbot.waitUntil(lambda: habit.tray.count == 7, timeout=5000)
    assert threads == [False]
    launcher.tasks.wait(5000)
    habit.stop()


def test_a_failing_count_never_breaks_the_tray(settings):
    launcher = FakeLauncher()
    launcher.book = "broken"

    def due_count(book, day):
        raise RuntimeError("database is locked")

    habit = DailyHabit(launcher, settings, due_count=due_count, clock=lambda: dt.datetime(2026, 11, 23, 9),
                       tray_available=True)
    assert habit.refresh() == 0
    habit.stop()


def test_the_tray_counts_what_the_today_list_shows(book, make_customer, settings):
    from core.reminders.service import ReminderService
    from ui.daily_habit import today_list_count

    day = dt.date(2026, 11, 23)
    customer = make_customer(name="李四")
    service = ReminderService(book)
    service.add_manual(customer.id, day, "回访")
    service.add_manual(customer.id, day - dt.timedelta(days=2), "催付款")
    service.add_manual(customer.id, day + dt.timedelta(days=3), "下周")
    assert today_list_count(book, day) == service.due_count(day) == 2
    launcher = FakeLauncher()
    launcher.book = book
    habit = DailyHabit(launcher, settings, clock=lambda: dt.datetime(2026, 11, 23, 9), tray_available=True)
    assert habit.refresh() == 2 and "2" in habit.tray.tray.toolTip()
    service.set_setting("reminder.daily_capacity", 1)  # the day's list, not the backlog
    assert today_list_count(book, day) == 1 and service.due_count(day) == 2
    habit.stop()


def test_without_a_tray_the_book_is_not_counted_on_the_gui_thread(settings, qtbot):
    launcher = FakeLauncher()
    counted = []
    habit = DailyHabit(launcher, settings, due_count=lambda book, day: counted.append(day) or 4,
                       clock=Clock(dt.datetime(2026, 11, 23, 9, 0)), tray_available=False)
    launcher.book = "the book"
    launcher.book_opened.emit("shop.book")
    assert habit.refresh() == 0 and counted == []
    assert habit.due_now() == 4  # the daily notice still counts when it is due
