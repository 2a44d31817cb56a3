"""The open book's health: its full check right after opening and once a day, the daily backup once it
passed, the Backups dialog, and restoring a backup in place of the book.

The book opens with a quick check (`Book.open(check="background")`); writes wait until `verify()` here has
run integrity_check. If it fails the book stays closed for writing and the seller is offered the Backups
dialog with the newest sound backup selected. A book refused as damaged at open leads there too.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.background import lower_this_thread
from core.book.paths import is_url

if TYPE_CHECKING:
    from core.book.db import Book

log = logging.getLogger(__name__)

DAY_MS = 24 * 60 * 60 * 1000


def restore_into(location: str, backup_path: str, root: Path | None) -> None:
    """Restore `backup_path` over the book at `location` under the book's lock (on a worker thread)."""
    from core.book.backup import check_restore_target, restore_backup
    from core.book.lock import BookLock

    check_restore_target(Path(location), root=root)
    with BookLock(Path(location), "huitouke restore"):
        restore_backup(Path(backup_path), Path(location), root=root)


def _without_one(books: list, book) -> list:
    """`books` without its first `book` (compared by identity)."""
    index = next((i for i, b in enumerate(books) if b is book), None)
    return books if index is None else books[:index] + books[index + 1:]


class BookHealth(QObject):
    """Owned by the Launcher; see the module docstring. ``verified(book, problems or exception)``."""

    verified = Signal(object, object)

    def __init__(self, launcher) -> None:
        """`launcher`: the ui.launcher.Launcher (its book, window, tasks, open_book and close_book are used)."""
        super().__init__(launcher)
        self.verified.connect(self._on_verified)
        self._thread: threading.Thread | None = None
        self._launcher = launcher
        self._timer = QTimer(self)
        self._timer.setInterval(DAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.dialog = None
        self.last_problems: tuple[str, ...] | None = None
        self._after: list = []  # (book, fn) to run once that book passed its check
        self._backup_holds: list = []  # a book once per hold: its daily backup waits until it has none
        self._backup_due: list = []  # books that passed their check, their daily backup not started yet

    # -- the check -----------------------------------------------------------------------------------
    def after_check(self, book: Book, fn) -> None:
        """Run `fn` (on the GUI thread) once `book` passed its check; at once for a book that needs none."""
        if book.state == "ok":
            fn()
        else:
            self._after.append((book, fn))

    def watch(self, book: Book) -> None:
        """Check the book just opened now and every day it stays open."""
        if book.path is None:
            return
        self.check_now()
        self._timer.start()

    def check_now(self) -> None:
        """Run `book.verify()` on a thread of its own, not the shared pool: writes on pool threads wait for
        it, and with every pool thread waiting a queued check would never start."""
        book = self._launcher.book
        if book is None or book.path is None:
            return

        def verify() -> None:
            lower_this_thread()
            try:
                outcome = book.verify()
            except Exception as exc:
                outcome = exc
            self.verified.emit(book, outcome)

        self._thread = threading.Thread(target=verify, name="book-check", daemon=True)
        self._thread.start()

    def _on_verified(self, book: Book, problems) -> None:
        if isinstance(problems, BaseException):
            log.warning("the book's check could not run: %s", getattr(problems, "code", type(problems).__name__))
            return
        self.last_problems = problems
        waiting, self._after = [(b, fn) for b, fn in self._after if b is book], [
            (b, fn) for b, fn in self._after if b is not book and b is self._launcher.book]
        if book is not self._launcher.book:
            return  # another book was opened meanwhile
        for _book, fn in waiting if not problems else ():
            fn()
        if problems:
            log.warning("the open book failed its full check (%d problems); closed for writing", len(problems))
            self.offer_backups(str(book.path), problems, self._launcher.window)
            return
        self._backup_due.append(book)
        self._backup_if_free(book)

    # -- the daily backup ----------------------------------------------------------------------------
    def hold_backup(self, book: Book):
        """Keep `book`'s daily backup from starting (it starts once its check passed) until the returned
        function is called (once; later calls do nothing). The launch regeneration holds it: the gzip of a
        big book and the regeneration at once took both cores, and the GUI thread got none for up to 300 ms
        (docs/PERFORMANCE.md, launch)."""
        self._backup_holds.append(book)
        held = [True]

        def release() -> None:
            if held[0]:
                held[0] = False
                self._backup_holds = _without_one(self._backup_holds, book)
                self._backup_if_free(book)

        return release

    def _backup_if_free(self, book: Book) -> None:
        due = any(b is book for b in self._backup_due)
        self._backup_due = [b for b in self._backup_due if b is self._launcher.book]  # none of closed books
        if not due or any(b is book for b in self._backup_holds) or book is not self._launcher.book:
            return
        self._backup_due = [b for b in self._backup_due if b is not book]
        from core.book.backup import daily_backup_if_due

        window = self._launcher.window
        # with the lane's long jobs (at a lowered priority: ui.tasks.BackgroundRunner) when there is a window
        runner = window.session.lane.jobs if window is not None and window.session is not None else self._launcher.tasks
        runner.run(daily_backup_if_due, book.path, root=book.backup_root,
                   on_error=lambda exc: log.warning("daily backup failed: %s", exc))

    # -- backups -------------------------------------------------------------------------------------
    def offer_backups(self, location: str, problems, parent: QWidget | None) -> None:
        """Say the book is damaged and offer the Backups dialog."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Huitouke"), self.tr(
            "The book %1 failed its check and is closed for writing, so nothing more can harm it. "
            "Open the backups to restore the newest sound one?").replace("%1", location), parent=parent)
        backups = box.addButton(self.tr("Backups…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.confirm(box)
        if box.clickedButton() is backups:
            self.show_backups(location, problems)

    def confirm(self, box: QMessageBox) -> None:
        """Show a question; tests replace this."""
        box.exec()

    def show_backups(self, location: str | None = None, problems=()) -> None:
        """The Backups dialog for the open book (or `location`, a book that could not be opened)."""
        from ui.dialogs.backups import BackupsDialog

        book = self._launcher.book
        if location is None:
            if book is None or book.path is None:
                return
            location = str(book.path)
        open_book = book if book is not None and str(book.path) == str(location) else None
        root = open_book.backup_root if open_book is not None else None
        self.dialog = BackupsDialog(location, self._launcher.tasks, book=open_book, backup_root=root,
                                    problems=tuple(problems or ()), parent=self._launcher.window)
        self.dialog.restore_requested.connect(lambda path: self.restore(str(location), path, root))
        self.dialog.open()

    def restore(self, location: str, backup_path: str, root: Path | None = None) -> None:
        """Close the book, restore the backup in its place (on the pool), open it again."""
        if is_url(location):
            return
        self._timer.stop()
        self._launcher.close_book()
        self._launcher.tasks.run(restore_into, location, backup_path, root,
                                 on_success=lambda _r: self._launcher.open_book(location),
                                 on_error=lambda exc: self._restore_failed(location, exc))

    def _restore_failed(self, location: str, exc: BaseException) -> None:
        from ui.text.errors import describe

        text = describe(exc) if hasattr(exc, "code") else str(exc)
        QMessageBox.warning(None, self.tr("Huitouke"),
                            self.tr("The backup could not be restored: %1").replace("%1", text))
        self._launcher.open_book(location)
