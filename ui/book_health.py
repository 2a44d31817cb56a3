"""The open book's health: its full check right after opening and once a day, the daily backup once it
passed, the Backups dialog, and restoring a backup in place of the book.

The book opens with a quick check (`Book.open(check="background")`); writes wait until `verify()` here has
run integrity_check. If it fails the book stays closed for writing and the seller is offered the Backups
dialog with the newest sound backup selected. A book refused as damaged at open leads there too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
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


class BookHealth(QObject):
    """Owned by the Launcher; see the module docstring. ``verified(book, problems or exception, then)``: `then`
    takes the daily backup's start (see ``watch``), None to start it at once."""

    verified = Signal(object, object, object)

    def __init__(self, launcher) -> None:
        """`launcher`: the ui.launcher.Launcher (its book, window, tasks, open_book and close_book are used)."""
        super().__init__(launcher)
        self.verified.connect(self._on_verified)
        self._thread: threading.Thread | None = None
        self._launcher = launcher
        self._timer = QTimer(self)
        self._timer.setInterval(DAY_MS)
        self._timer.timeout.connect(lambda: self.check_now(background=True))
        self.dialog = None
        self.last_problems: tuple[str, ...] | None = None
        self._after: list = []  # (book, fn) to run once that book passed its check

    # -- the check -----------------------------------------------------------------------------------
    def after_check(self, book: Book, fn) -> None:
        """Run `fn` (on the GUI thread) once `book` passed its check; at once for a book that needs none."""
        if book.state == "ok":
            fn()
        else:
            self._after.append((book, fn))

    def watch(self, book: Book, then: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Check the book just opened now (at the normal priority: writes wait for it) and every day it stays open
        (at a lowered one: nobody waits for it). Once the first check passed (after the `after_check` calls),
        `then(backup)` is called, if given, instead of starting the daily backup at once: it calls `backup()` when
        its own heavy work is over (the launch regeneration: both at once took both cores of a 2-core machine and
        left the GUI thread none for up to 300 ms, docs/PERFORMANCE.md, launch). A book with no file (a shared
        book) is not checked here: `then` is called at once, with nothing to back up."""
        if book.path is None:
            if then is not None:
                then(lambda: None)
            return
        self.check_now(background=False, then=then)
        self._timer.start()

    def check_now(self, background: bool, then: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Run `book.verify()` on a thread of its own, not the shared pool: writes on pool threads wait for
        it, and with every pool thread waiting a queued check would never start. `background`: at a lowered
        priority (the daily check) or the normal one (the check after opening, which the first save waits for)."""
        book = self._launcher.book
        if book is None or book.path is None:
            return

        def verify() -> None:
            if background:
                lower_this_thread()
            try:
                outcome = book.verify()
            except Exception as exc:
                outcome = exc
            self.verified.emit(book, outcome, then)

        self._thread = threading.Thread(target=verify, name="book-check", daemon=True)
        self._thread.start()

    def _on_verified(self, book: Book, problems, then) -> None:
        if isinstance(problems, BaseException):
            log.warning("the book's check could not run: %s", getattr(problems, "code", type(problems).__name__))
            return
        self.last_problems = problems
        waiting, self._after = [(b, fn) for b, fn in self._after if b is book], [
            (b, fn) for b, fn in self._after if b is not book and b is self._launcher.book]
        if book is not self._launcher.book:
            return  # another book was opened meanwhile
        if problems:
            log.warning("the open book failed its full check (%d problems); closed for writing", len(problems))
            self.offer_backups(str(book.path), problems, self._launcher.window)
            return
        for _book, fn in waiting:
            fn()
        if then is not None:
            then(lambda: self._daily_backup(book))
        else:
            self._daily_backup(book)

    # -- the daily backup ----------------------------------------------------------------------------
    def _daily_backup(self, book: Book) -> None:
        """The daily backup of the open `book` (nothing once another book was opened), with the lane's background
        jobs (at a lowered priority: ui.tasks.BackgroundRunner) when there is a window."""
        if book is not self._launcher.book:
            return
        from core.book.backup import daily_backup_if_due

        window = self._launcher.window
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
