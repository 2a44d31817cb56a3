"""A light periodic look at the book's change counter, so other people's saves show up on their own."""

from PySide6.QtCore import QObject, QTimer, Signal

from ui.tasks import TaskRunner

DEFAULT_INTERVAL_MS = 2000  # another program's change shows within ~2.5 s (the issue asks for 5 s)


class ChangePoller(QObject):
    """Reads `book.change_counter()` every `interval_ms` on the task runner (never on the GUI thread, so a
    slow or lost server cannot freeze the window) and emits ``changed()`` when it moved since the last
    read for a write made by another program (this process's own writes, its background jobs included,
    do not count: core.book.changes.written_by_others). ``unreachable(message)`` is emitted once when reading
    fails and ``reachable()`` when it works
    again. Call ``mark_seen()`` after this window's own saves to skip refreshing for them."""

    changed = Signal()
    unreachable = Signal(str)
    reachable = Signal()

    def __init__(self, book, tasks: TaskRunner, interval_ms: int = DEFAULT_INTERVAL_MS, parent=None):
        super().__init__(parent)
        self._book = book
        self._tasks = tasks
        self._last: int | None = None
        self._in_flight = False
        self._quiet = False
        self._failing = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.mark_seen()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def mark_seen(self) -> None:
        """Take the current counter as seen without emitting ``changed``."""
        self._quiet = True
        self.poll()

    def poll(self) -> None:
        """Read the counter now (skipped while a read is still running)."""
        if self._in_flight:
            return
        self._in_flight = True
        self._tasks.run(self._book.change_counter, on_success=self._on_read, on_error=self._on_failed)

    def _on_read(self, counter: int) -> None:
        self._in_flight = False
        if self._failing:
            self._failing = False
            self.reachable.emit()
        moved = self._last is not None and counter != self._last and self._by_others(self._last, counter)
        self._last = counter
        if self._quiet:
            self._quiet = False
            return
        if moved:
            self.changed.emit()

    def _by_others(self, before: int, after: int) -> bool:
        engine = getattr(self._book, "engine", None)
        if engine is None:
            return True
        from core.book.changes import written_by_others  # SQLAlchemy: never on the way to the first paint

        return written_by_others(engine, before, after)

    def _on_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if not self._failing:
            self._failing = True
            self.unreachable.emit(str(exc))
