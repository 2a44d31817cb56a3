"""Scrolling over a page never changes a combo box, spin box or date edit that was not clicked into."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.customers import book_counts
from ui import wheel_guard
from ui.main_window import MainWindow
from ui.session import Session

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def guard(qapp):
    installed = wheel_guard.install(qapp)  # as ui.app.create_application does
    yield installed
    qapp.removeEventFilter(installed)
    installed.setParent(None)


def _wheel(widget, steps: int = -1) -> bool:
    """One notch of the wheel over widget (down by default); returns whether the event was accepted."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _value(widget):
    return widget.currentIndex() if isinstance(widget, QComboBox) else widget.text()


def test_unfocused_fields_ignore_the_wheel_and_focused_ones_take_it(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    combo, spin, date = QComboBox(), QSpinBox(), QDateEdit(dt.date(2026, 4, 12))
    combo.addItems(["a", "b", "c"])
    spin.setValue(5)
    for widget in (combo, spin, date):
        layout.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    for widget in (combo, spin, date):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel cannot focus them
        before = _value(widget)
        assert not _wheel(widget)  # left for the page to scroll
        assert _value(widget) == before
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        _wheel(widget, 1 if isinstance(widget, QAbstractSpinBox) else -1)
        assert _value(widget) != before  # the same notch changes a field the seller clicked into


def test_scrolling_over_the_settings_page_changes_nothing(qtbot, book, settings):
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    qtbot.waitExposed(window)
    window.navigation.setFocus()
    fields = [w for w in page.findChildren(QWidget) if isinstance(w, wheel_guard.GUARDED)]
    assert any(isinstance(w, QComboBox) for w in fields) and any(isinstance(w, QAbstractSpinBox) for w in fields)
    stored = {key: settings.value(key) for key in settings.allKeys()}
    for widget in fields:
        before = _value(widget)
        for steps in (-1, 1, -1):
            _wheel(widget, steps)
        assert _value(widget) == before, widget.objectName() or type(widget).__name__
    assert {key: settings.value(key) for key in settings.allKeys()} == stored
    session.tasks.wait(5000)
