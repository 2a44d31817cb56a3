"""No accidental edits by scrolling: the mouse wheel never changes a field the seller has not clicked into.

``install(app)`` puts one event filter on the whole application. It gives every combo box, spin box, date
edit and slider ``Qt.StrongFocus`` (a click or Tab focuses them, the wheel does not) and swallows a wheel
event aimed at one of them while it has no focus. The event is left *ignored*, so Qt passes a real
(spontaneous) wheel event on to the parent: the page or dialog under the pointer scrolls instead.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QSlider

GUARDED = (QComboBox, QAbstractSpinBox, QSlider)  # QAbstractSpinBox covers QSpinBox, QDateEdit, QTimeEdit, …
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


class WheelGuard(QObject):
    """The application-wide filter (kept cheap: it sees every event of the application)."""

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                event.ignore()
                return True
        elif kind == _POLISH and isinstance(watched, GUARDED):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install(app: QApplication) -> WheelGuard:
    """Install the guard on app (once; a second call returns the first guard)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
