"""What waits at launch for the book's quick check and for the first rows to be painted.

The launch shows the first Today rows of a big book before its quick check is over (the check runs beside the
first reads: `Book.open(check="concurrent")`, ui.launcher). Until it passed, the window is read-only: its actions
are off and nothing else reads or writes the book; once it passed and the first rows are on the screen the gate
lets the rest start (counts, the change poller, the regeneration, the full check: ui.launcher). A check that
fails hands what it raised (BookDamaged …) to the launcher, which closes the book and offers its backups, as for
a book found damaged while opening. docs/PERFORMANCE.md (launch) says why reading first is safe.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

PAINT_FALLBACK_MS = 2000  # a window never painted (started minimized in the tray) does not hold the launch up


class LaunchGate(QObject):
    """`on_ready()` once `book`'s quick check passed and `painted()` was called; `on_failed(exception)` if the
    check failed (whatever was painted). Both on the GUI thread, at most one of them, once."""

    checked = Signal(object)  # None when the check passed, else what it raised

    def __init__(self, book, on_ready: Callable[[], None], on_failed: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._on_ready, self._on_failed = on_ready, on_failed
        self.passed = self.shown = self.done = False
        self.checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)  # never inside __init__
        book.when_quick_checked(self._report)  # from the check's thread: delivered here on the GUI thread

    def _report(self, outcome: BaseException | None) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and this gate) went away meanwhile
            self.checked.emit(outcome)

    def painted(self) -> None:
        self.shown = True
        self._maybe_ready()

    def _on_checked(self, outcome: BaseException | None) -> None:
        if self.done:
            return
        if outcome is not None:
            self.done = True
            self._on_failed(outcome)
            return
        self.passed = True
        self._maybe_ready()

    def _maybe_ready(self) -> None:
        if self.passed and self.shown and not self.done:
            self.done = True
            self._on_ready()


class _PaintWatch(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None], when: Callable[[], bool], fallback_ms: int):
        super().__init__(widget)
        self._widget, self._fn, self._when = widget, fn, when
        widget.installEventFilter(self)
        fallback = QTimer(self, singleShot=True, interval=0 if not widget.isVisible() else fallback_ms)
        fallback.timeout.connect(self._fire)
        fallback.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._fn is not None and self._when():
            QTimer.singleShot(0, self._fire)  # once this paint is done
        return False

    def _fire(self) -> None:
        if self._fn is None:
            return
        fn, self._fn = self._fn, None
        self._widget.removeEventFilter(self)
        fn()


def after_paint(widget: QWidget, fn: Callable[[], None], when: Callable[[], bool] = lambda: True,
                fallback_ms: int = PAINT_FALLBACK_MS) -> None:
    """Call `fn` once, right after `widget` is next painted while `when()` holds — at once when the widget is
    not visible, after `fallback_ms` at the latest."""
    _PaintWatch(widget, fn, when, fallback_ms)
